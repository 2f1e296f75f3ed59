/**
 * Surendettement on the generated site (DOMAIN §5): a CESF following 300 open files, each
 * with five debts and its procedure (deposit, recevabilité, often an orientation and imposed
 * measures, sometimes a hearing). Measured: her list of open files with each one's next
 * deadline (`surendettement:list`: the files, their stages, the deadlines counted by the pure
 * rules), encrypted against the plain copy.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { CallContext } from '../../src-main/api/dispatch';
import type { Session } from '../../src-main/auth/sessions';
import { surendettementHandlers } from '../../src-main/modules/surendettement/handlers';
import { addDays } from '../../src-main/shared/time';
import { rng } from './generate';
import { result, time, timePair, type BenchResult } from './stats';

const NATURES = ['credit_consommation', 'credit_consommation', 'dette_locative', 'energie_eau', 'fiscale', 'decouvert_bancaire'] as const;

/** The same 300 files in `db`, on the first DSUs, followed by `cesf`. */
export function seedSurendettement(db: Database.Database, cesf: number, today: string, files = 300, seed = 9): void {
  const r = rng(seed);
  const dsus = (db.prepare('SELECT id FROM dsu ORDER BY id LIMIT ?').all(files) as { id: number }[]).map((d) => d.id);
  const insFile = db.prepare("INSERT INTO surendettement_files (dsu_id, referent_id, opened_on, opened_at, opened_by) VALUES (?, ?, ?, ?, ?)");
  const insDebt = db.prepare('INSERT INTO surendettement_debts (file_id, created_at, created_by) VALUES (?, ?, ?)');
  const insVersion = db.prepare(
    'INSERT INTO surendettement_debt_versions (debt_id, recorded_at, recorded_by, creditor, nature, amount_cents, monthly_cents, debt_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insStage = db.prepare(
    `INSERT INTO surendettement_stages (file_id, cycle, kind, day, notified_on, decision, plan_start, plan_months, plan_monthly_cents, recorded_at, recorded_by)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const dsu of dsus) {
      const opened = addDays(today, -(30 + Math.floor(r() * 300)));
      const at = `${opened}T09:00:00.000Z`;
      const file = Number(insFile.run(dsu, cesf, opened, at, cesf).lastInsertRowid);
      for (let k = 0; k < 5; k++) {
        const debt = Number(insDebt.run(file, at, cesf).lastInsertRowid);
        insVersion.run(debt, at, cesf, `Créancier ${k + 1}`, NATURES[Math.floor(r() * NATURES.length)]!, 50_000 + Math.floor(r() * 800_000), Math.floor(r() * 30_000), addDays(opened, -Math.floor(r() * 900)));
      }
      // Deposit a few days after opening; then, as files go, recevabilité, orientation, imposed measures, a hearing.
      const deposit = addDays(opened, 7);
      insStage.run(file, 'depot', deposit, null, '', null, null, null, at, cesf);
      const step = r();
      if (step > 0.25 && addDays(deposit, 60) <= today) {
        const decided = addDays(deposit, 60);
        insStage.run(file, 'recevabilite', decided, addDays(decided, 4), 'recevable', null, null, null, at, cesf);
        if (step > 0.5 && addDays(decided, 40) <= today) {
          const oriented = addDays(decided, 40);
          insStage.run(file, 'orientation', oriented, null, 'mesures_imposees', null, null, null, at, cesf);
          if (step > 0.7 && addDays(oriented, 30) <= today) {
            const imposed = addDays(oriented, 30);
            insStage.run(file, 'mesures_imposees', imposed, addDays(imposed, 3), '', addDays(imposed, 30), 24 + Math.floor(r() * 60), 10_000 + Math.floor(r() * 30_000), at, cesf);
          }
        }
      }
      if (r() < 0.2) insStage.run(file, 'audience', addDays(today, 5 + Math.floor(r() * 60)), null, '', null, null, null, at, cesf);
    }
  })();
}

export function surendettementFilesBench(
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
    seedSurendettement(db, cesf, today);
    db.pragma('optimize');
  }
  say(`300 dossiers de surendettement générés (deux bases) en ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const list = (db: Database.Database) => {
    const ctx = ctxFor(db, cesf, ['cesf'], now);
    return () => {
      const out = surendettementHandlers['surendettement:list'](ctx, { closed: false });
      if (out.length !== 300) throw new Error(`surendettement:list : ${out.length} dossiers au lieu de 300`);
      return out;
    };
  };
  time(20, list(enc));
  time(20, list(plain));
  return [result('surendettement : les 300 dossiers ouverts d’une CESF avec leur prochaine échéance (étapes lues, échéances calculées)', ...timePair(200, list(enc), list(plain)))];
}
