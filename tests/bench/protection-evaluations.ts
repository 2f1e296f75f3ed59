/**
 * Protection evaluations on the generated site (DOMAIN §10): a year's worth at the seed's scale
 * — 400 evaluations (330 IP, 70 IS) all assigned to one ASS in binôme with a CESF, each with
 * its persons, three journal entries and its report. Measured: the evaluator's list with each
 * due date and the days left (`protection:list`, audited), and the responsable's export of the
 * year's anonymised statistics sheets for the observatoire (`protection:sheets`, CSV and XLSX),
 * encrypted against the plain copy.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { CallContext } from '../../src-main/api/dispatch';
import type { Session } from '../../src-main/auth/sessions';
import { protectionHandlers } from '../../src-main/modules/protection/handlers';
import { addDays } from '../../src-main/shared/time';
import { rng } from './generate';
import { result, time, timePair, timePairAsync, type BenchResult } from './stats';

const ORIGINS = ['education_nationale', 'education_nationale', 'sante', 'services_sociaux', 'forces_ordre', 'famille', 'appel_119', 'anonyme'] as const;
const PROPOSALS = ['["cloture"]', '["accompagnement_social"]', '["aed"]', '["aed","tisf"]', '["signalement_procureur"]'] as const;

/** The same 400 evaluations in `db`: the children of the first households with minors, then adults. */
export function seedProtection(db: Database.Database, evaluator: number, binome: number, responsable: number, today: string, count = 400, seed = 13): void {
  const r = rng(seed);
  const children = db.prepare("SELECT id, household_id AS h FROM persons WHERE birth_date > '2009-01-01' AND household_id IS NOT NULL ORDER BY id LIMIT ?").all(count) as { id: number; h: number }[];
  const adults = db.prepare("SELECT id FROM persons WHERE birth_date < '1950-01-01' ORDER BY id LIMIT ?").all(count) as { id: number }[];
  const sibling = db.prepare("SELECT id FROM persons WHERE household_id = ? AND id <> ? AND birth_date > '2009-01-01' LIMIT 1");
  const insEval = db.prepare(
    `INSERT INTO protection_evaluations (kind, received_on, origin, cell_reference, delay_days, facts, created_at, created_by, informed_on, informed_how, report, danger_level, danger_kinds, proposals, report_at, report_by)
     VALUES (?, ?, ?, ?, NULL, 'Faits transmis par la cellule.', ?, ?, ?, 'courrier', ?, ?, '["negligences"]', ?, ?, ?)`,
  );
  const insPerson = db.prepare('INSERT INTO protection_persons (evaluation_id, person_id, role) VALUES (?, ?, ?)');
  const insTeam = db.prepare('INSERT INTO protection_team (evaluation_id, user_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?)');
  const insEntry = db.prepare("INSERT INTO protection_journal (evaluation_id, occurred_on, type, summary, recorded_at, recorded_by) VALUES (?, ?, ?, 'Entretien en binôme avec la famille.', ?, ?)");
  const report = JSON.stringify({ besoins: 'Besoins partiellement couverts.', environnement: 'Famille isolée.' });
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const ip = i < Math.round(count * 0.825);
      const concerned = ip ? children[i % children.length]! : { id: adults[i % adults.length]!.id, h: 0 };
      const received = addDays(today, -Math.floor(r() * 300));
      const at = `${addDays(received, 2)}T09:00:00.000Z`;
      const done = r() < 0.7;
      const id = Number(
        insEval.run(ip ? 'ip' : 'is', received, ORIGINS[Math.floor(r() * ORIGINS.length)]!, `CRIP-${i}`, at, responsable, addDays(received, 5), report, done ? 'risque_danger' : null, done ? PROPOSALS[Math.floor(r() * PROPOSALS.length)]! : '[]', done ? at : null, done ? evaluator : null).lastInsertRowid,
      );
      insPerson.run(id, concerned.id, 'concerne');
      const other = ip ? (sibling.get(concerned.h, concerned.id) as { id: number } | undefined) : undefined;
      if (other) insPerson.run(id, other.id, 'autre_mineur');
      insTeam.run(id, evaluator, at, responsable);
      insTeam.run(id, binome, at, responsable);
      for (let k = 0; k < 3; k++) insEntry.run(id, addDays(received, 7 + k * 10), k === 1 ? 'vad' : 'entretien_bureau', at, k === 1 ? binome : evaluator);
    }
  })();
}

export async function protectionBench(
  enc: Database.Database,
  plain: Database.Database,
  now: Date,
  ctxFor: (db: Database.Database, userId: number, roles: Session['roles'], now: Date) => CallContext,
  evaluator: number,
  binome: number,
  responsable: number,
  say: (m: string) => void,
): Promise<BenchResult[]> {
  const today = '2026-11-23';
  const t0 = Date.now();
  for (const db of [enc, plain]) {
    seedProtection(db, evaluator, binome, responsable, today);
    db.pragma('optimize');
  }
  say(`400 évaluations IP / IS générées (deux bases) en ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const list = (db: Database.Database) => {
    const ctx = ctxFor(db, evaluator, ['ass'], now);
    return () => {
      const out = protectionHandlers['protection:list'](ctx, { done: false });
      if (out.length !== 400) throw new Error(`protection:list : ${out.length} évaluations au lieu de 400`);
    };
  };
  time(10, list(enc));
  time(10, list(plain));
  const results = [result('évaluations IP / IS : la liste des 400 évaluations d’une ASS avec leur échéance et les jours restants (lecture auditée)', ...timePair(100, list(enc), list(plain)))];
  for (const format of ['csv', 'xlsx'] as const) {
    const sheets = (db: Database.Database) => {
      const ctx = ctxFor(db, responsable, ['responsable'], now);
      return async () => {
        const out = await protectionHandlers['protection:sheets'](ctx, { from: '2025-11-23', to: today, kind: null, format });
        if (out.contentBase64.length < 1000) throw new Error('protection:sheets : fichier vide');
      };
    };
    results.push(result(`évaluations IP / IS : export des 400 fiches statistiques anonymes de l’année (${format.toUpperCase()}, pour l’observatoire)`, ...(await timePairAsync(format === 'csv' ? 50 : 20, sheets(enc), sheets(plain)))));
  }
  return results;
}
