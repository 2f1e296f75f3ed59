/**
 * Prévention des expulsions on the generated site (DOMAIN §6): a CESF following 200 open
 * cases, each with its rent debt over a year and its procedure (commandement de payer, often
 * an assignation with its hearing, a diagnostic, a judgment, sometimes a commandement de
 * quitter les lieux). Measured: her list of open cases with each one's next date
 * (`expulsions:list`: the cases, their stages, the dates counted by the pure rules), encrypted
 * against the plain copy.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { CallContext } from '../../src-main/api/dispatch';
import type { Session } from '../../src-main/auth/sessions';
import { expulsionsHandlers } from '../../src-main/modules/expulsions/handlers';
import { addDays } from '../../src-main/shared/time';
import { rng } from './generate';
import { result, time, timePair, type BenchResult } from './stats';

const LANDLORDS = ['personne_morale', 'personne_morale', 'personne_physique', 'sci_familiale'] as const;

/** The same 200 cases in `db`, on the first DSUs, followed by `cesf`. */
export function seedExpulsions(db: Database.Database, cesf: number, today: string, cases = 200, seed = 11): void {
  const r = rng(seed);
  const dsus = (db.prepare('SELECT id FROM dsu ORDER BY id LIMIT ?').all(cases) as { id: number }[]).map((d) => d.id);
  const insCase = db.prepare(
    `INSERT INTO expulsions_cases (dsu_id, referent_id, opened_on, opened_at, opened_by, dwelling, landlord_kind, landlord_name, lease_signed, rent_cents, charges_cents)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insDebt = db.prepare('INSERT INTO expulsions_debt_points (case_id, day, amount_cents, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)');
  const insStage = db.prepare(
    'INSERT INTO expulsions_stages (case_id, kind, day, actor, reference, hearing, first_offer, answered, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const dsu of dsus) {
      const opened = addDays(today, -(20 + Math.floor(r() * 300)));
      const at = `${opened}T09:00:00.000Z`;
      const rent = 35_000 + Math.floor(r() * 40_000);
      const lease = addDays(today, -Math.floor(r() * 4000));
      const id = Number(insCase.run(dsu, cesf, opened, at, cesf, `${1 + Math.floor(r() * 90)} rue du Bench`, LANDLORDS[Math.floor(r() * LANDLORDS.length)]!, 'Bailleur', lease, rent, 4_000).lastInsertRowid);
      for (let k = 0; k < 4; k++) insDebt.run(id, addDays(opened, -90 * k), rent * (4 - k + Math.floor(r() * 3)), at, cesf);
      const payer = addDays(opened, 5);
      insStage.run(id, 'signalement_ccapex', addDays(opened, -10), 'Bailleur', '', null, null, null, at, cesf);
      insStage.run(id, 'commandement_payer', payer, 'Commissaire de justice', `Acte ${id}`, null, null, null, at, cesf);
      const step = r();
      if (step > 0.2) {
        const assignation = addDays(payer, 75);
        insStage.run(id, 'assignation', assignation, 'Commissaire de justice', '', addDays(assignation, 70), null, null, at, cesf);
        insStage.run(id, 'diagnostic_social_financier', addDays(assignation, 2), 'CESF', '', null, addDays(assignation, 6), step > 0.5 ? 1 : 0, at, cesf);
        if (step > 0.5 && addDays(assignation, 100) <= today) {
          const judged = addDays(assignation, 100);
          insStage.run(id, 'jugement', judged, 'Tribunal judiciaire', `RG ${id}`, null, null, null, at, cesf);
          if (step > 0.75 && addDays(judged, 30) <= today) insStage.run(id, 'commandement_quitter_lieux', addDays(judged, 30), 'Commissaire de justice', '', null, null, null, at, cesf);
        }
      }
    }
  })();
}

export function expulsionsCasesBench(
  enc: Database.Database,
  plain: Database.Database,
  now: Date,
  ctxFor: (db: Database.Database, userId: number, roles: Session['roles'], now: Date) => CallContext,
  cesf: number,
  say: (m: string) => void,
): BenchResult[] {
  const today = '2026-11-23';
  const t0 = Date.now();
  for (const db of [enc, plain]) {
    seedExpulsions(db, cesf, today);
    db.pragma('optimize');
  }
  say(`200 dossiers de prévention des expulsions générés (deux bases) en ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const list = (db: Database.Database) => {
    const ctx = ctxFor(db, cesf, ['cesf'], now);
    return () => {
      const out = expulsionsHandlers['expulsions:list'](ctx, { closed: false });
      if (out.length !== 200) throw new Error(`expulsions:list : ${out.length} dossiers au lieu de 200`);
      if (out.some((c) => c.nextDate === null)) throw new Error('expulsions:list : un dossier sans prochaine date');
      return out;
    };
  };
  time(20, list(enc));
  time(20, list(plain));
  return [result('expulsions : les 200 dossiers ouverts d’une CESF avec leur prochaine date (étapes lues, dates calculées)', ...timePair(200, list(enc), list(plain)))];
}
