/** Overindebtedness files: the only place their SQL lives (DOMAIN §5). */
import { prep, type Db } from '../../store/database';
import { fileById, fileSelect, filesOfDsu as ofDsu, followedBy } from '../../store/followed';
import { byIntegerId } from '../../store/labels';
import type { DebtVersion, StageOut } from './contract';
import type { StageKind } from './kinds';
import { shortName } from './outside';

export interface FileRow {
  id: number;
  dsuId: number;
  dsuNumber: string;
  householdId: number;
  dsuReferentId: number;
  dsuStatus: 'actif' | 'clos' | 'archive';
  referentId: number;
  referentName: string;
  status: 'ouvert' | 'clos';
  openedOn: string;
  birthName: string | null;
  usageName: string | null;
  firstNames: string | null;
}

const FILE_SELECT = fileSelect('surendettement_files', 'd.household_id AS householdId, d.referent_id AS dsuReferentId,');

export const householdName = (r: FileRow): string => (r.birthName === null ? '—' : shortName({ birthName: r.birthName, usageName: r.usageName ?? '', firstNames: r.firstNames ?? '' }));

export const getFile = (db: Db, id: number) => fileById<FileRow>(db, FILE_SELECT, id);

export const filesOfDsu = (db: Db, dsuId: number) => ofDsu<FileRow>(db, FILE_SELECT, dsuId);

/**
 * The files a professional follows: those they are the référent of, and those of the DSU they
 * hold (référent or active co-intervenant); every file of the site for `all` (a responsable).
 */
export function filesFollowed(db: Db, userId: number, all: boolean, closed: boolean): FileRow[] {
  return followedBy<FileRow>(db, FILE_SELECT, userId, all, closed);
}

export function insertFile(db: Db, f: { dsuId: number; referentId: number; openedOn: string; openedAt: string; openedBy: number }): number {
  return Number(
    prep(db, 'INSERT INTO surendettement_files (dsu_id, referent_id, opened_on, opened_at, opened_by) VALUES (?, ?, ?, ?, ?)').run(f.dsuId, f.referentId, f.openedOn, f.openedAt, f.openedBy)
      .lastInsertRowid,
  );
}

export function setFileStatus(db: Db, id: number, status: 'ouvert' | 'clos', closedOn: string | null): void {
  prep(db, 'UPDATE surendettement_files SET status = ?, closed_on = ? WHERE id = ?').run(status, closedOn, id);
}

// Debts --------------------------------------------------------------------------------------

interface VersionRow {
  debtId: number;
  recordedAt: string;
  userId: number;
  userName: string;
  partnerId: number | null;
  creditor: string;
  nature: DebtVersion['nature'];
  amountCents: number;
  monthlyCents: number;
  debtDate: string | null;
  proceedings: DebtVersion['proceedings'];
  guarantor: string;
  mainResidence: number;
  deleted: number;
}

/** Every version of every debt of a file, each debt's newest first. */
export function debtVersions(db: Db, fileId: number): Map<number, DebtVersion[]> {
  const rows = prep(
    db,
    `SELECT v.debt_id AS debtId, v.recorded_at AS recordedAt, v.recorded_by AS userId, u.display_name AS userName, v.partner_id AS partnerId, v.creditor,
       v.nature, v.amount_cents AS amountCents, v.monthly_cents AS monthlyCents, v.debt_date AS debtDate, v.proceedings, v.guarantor,
       v.main_residence AS mainResidence, v.deleted
     FROM surendettement_debt_versions v JOIN surendettement_debts d ON d.id = v.debt_id JOIN users u ON u.id = v.recorded_by
     WHERE d.file_id = ? ORDER BY d.id, v.id DESC`,
  ).all(fileId) as VersionRow[];
  const out = new Map<number, DebtVersion[]>();
  for (const r of rows) {
    const list = out.get(r.debtId) ?? [];
    list.push({
      recordedAt: r.recordedAt,
      recordedBy: { id: r.userId, displayName: r.userName },
      partnerId: r.partnerId,
      creditor: r.creditor,
      nature: r.nature,
      amountCents: r.amountCents,
      monthlyCents: r.monthlyCents,
      debtDate: r.debtDate,
      proceedings: r.proceedings,
      guarantor: r.guarantor,
      mainResidence: r.mainResidence === 1,
      deleted: r.deleted === 1,
    });
    out.set(r.debtId, list);
  }
  return out;
}

/** The totals of a file's current debts by nature (SQL: each debt's latest version, not deleted). */
export function totalsByNature(db: Db, fileId: number): { nature: DebtVersion['nature']; count: number; amountCents: number; monthlyCents: number }[] {
  return prep(
    db,
    `SELECT v.nature, count(*) AS count, sum(v.amount_cents) AS amountCents, sum(v.monthly_cents) AS monthlyCents
     FROM surendettement_debts d JOIN surendettement_debt_versions v ON v.id = (SELECT max(id) FROM surendettement_debt_versions WHERE debt_id = d.id)
     WHERE d.file_id = ? AND v.deleted = 0 GROUP BY v.nature ORDER BY amountCents DESC, v.nature`,
  ).all(fileId) as { nature: DebtVersion['nature']; count: number; amountCents: number; monthlyCents: number }[];
}

export function debtFileId(db: Db, debtId: number): number | undefined {
  return (prep(db, 'SELECT file_id AS fileId FROM surendettement_debts WHERE id = ?').get(debtId) as { fileId: number } | undefined)?.fileId;
}

export function insertDebt(db: Db, fileId: number, at: string, by: number): number {
  return Number(prep(db, 'INSERT INTO surendettement_debts (file_id, created_at, created_by) VALUES (?, ?, ?)').run(fileId, at, by).lastInsertRowid);
}

export function insertDebtVersion(db: Db, debtId: number, at: string, by: number, v: Omit<DebtVersion, 'recordedAt' | 'recordedBy'>): void {
  prep(
    db,
    `INSERT INTO surendettement_debt_versions (debt_id, recorded_at, recorded_by, partner_id, creditor, nature, amount_cents, monthly_cents, debt_date, proceedings, guarantor, main_residence, deleted)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(debtId, at, by, v.partnerId, v.creditor, v.nature, v.amountCents, v.monthlyCents, v.debtDate, v.proceedings, v.guarantor, v.mainResidence ? 1 : 0, v.deleted ? 1 : 0);
}

// Partners -----------------------------------------------------------------------------------

export function partnerName(db: Db, id: number): string | undefined {
  const r = prep(db, 'SELECT organisation, service FROM partners WHERE id = ?').get(id) as { organisation: string; service: string } | undefined;
  return r ? (r.service ? `${r.organisation} — ${r.service}` : r.organisation) : undefined;
}

export function partnerChoices(db: Db): { id: number; name: string }[] {
  return (prep(db, 'SELECT id, organisation, service FROM partners ORDER BY organisation, service').all() as { id: number; organisation: string; service: string }[]).map((r) => ({
    id: r.id,
    name: r.service ? `${r.organisation} — ${r.service}` : r.organisation,
  }));
}

// Budget -------------------------------------------------------------------------------------

export interface BudgetRow {
  id: number;
  validOn: string;
  takenFrom: string | null;
  adults: number;
  dependants: number;
  budget: string;
  assets: string;
  recordedAt: string;
  userId: number;
  userName: string;
}

export function latestBudget(db: Db, fileId: number): BudgetRow | undefined {
  return prep(
    db,
    `SELECT b.id, b.valid_on AS validOn, b.taken_from AS takenFrom, b.adults, b.dependants, b.budget, b.assets, b.recorded_at AS recordedAt,
       b.recorded_by AS userId, u.display_name AS userName
     FROM surendettement_budgets b JOIN users u ON u.id = b.recorded_by WHERE b.file_id = ? ORDER BY b.id DESC LIMIT 1`,
  ).get(fileId) as BudgetRow | undefined;
}

export function insertBudget(db: Db, b: { fileId: number; validOn: string; takenFrom: string | null; adults: number; dependants: number; budget: string; assets: string; recordedAt: string; recordedBy: number }): void {
  prep(
    db,
    'INSERT INTO surendettement_budgets (file_id, valid_on, taken_from, adults, dependants, budget, assets, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(b.fileId, b.validOn, b.takenFrom, b.adults, b.dependants, b.budget, b.assets, b.recordedAt, b.recordedBy);
}

// Stages -------------------------------------------------------------------------------------

interface StageRow {
  id: number;
  fileId: number;
  cycle: number;
  kind: StageKind;
  day: string;
  notifiedOn: string | null;
  decision: string;
  reference: string;
  note: string;
  planStart: string | null;
  planMonths: number | null;
  planMonthlyCents: number | null;
  mainResidence: number;
  shares: string;
  recordedAt: string;
  userId: number;
  userName: string;
}

const STAGE_SELECT = `SELECT s.id, s.file_id AS fileId, s.cycle, s.kind, s.day, s.notified_on AS notifiedOn, s.decision, s.reference, s.note,
  s.plan_start AS planStart, s.plan_months AS planMonths, s.plan_monthly_cents AS planMonthlyCents, s.main_residence AS mainResidence, s.shares,
  s.recorded_at AS recordedAt, s.recorded_by AS userId, u.display_name AS userName
  FROM surendettement_stages s JOIN users u ON u.id = s.recorded_by`;

const stageShape = (r: StageRow): StageOut & { fileId: number } => ({
  id: r.id,
  fileId: r.fileId,
  cycle: r.cycle,
  kind: r.kind,
  day: r.day,
  notifiedOn: r.notifiedOn,
  decision: r.decision,
  reference: r.reference,
  note: r.note,
  plan:
    r.planStart !== null && r.planMonths !== null && r.planMonthlyCents !== null
      ? { start: r.planStart, months: r.planMonths, monthlyCents: r.planMonthlyCents, mainResidenceLoans: r.mainResidence === 1, shares: JSON.parse(r.shares) as { debtId: number; cents: number }[] }
      : null,
  recordedAt: r.recordedAt,
  recordedBy: { id: r.userId, displayName: r.userName },
});

/** A file's stages in the order they were recorded. */
export function stagesOf(db: Db, fileId: number): StageOut[] {
  return (prep(db, `${STAGE_SELECT} WHERE s.file_id = ? ORDER BY s.id`).all(fileId) as StageRow[]).map(stageShape);
}

/** The stages of several files at once (the lists), grouped by file. */
export function stagesOfFiles(db: Db, fileIds: readonly number[]): Map<number, StageOut[]> {
  const out = new Map<number, StageOut[]>();
  if (fileIds.length === 0) return out;
  const rows = prep(db, `${STAGE_SELECT} WHERE s.file_id IN (SELECT value FROM json_each(?)) ORDER BY s.file_id, s.id`).all(JSON.stringify(fileIds)) as StageRow[];
  for (const r of rows) {
    const list = out.get(r.fileId) ?? [];
    list.push(stageShape(r));
    out.set(r.fileId, list);
  }
  return out;
}

export function insertStage(
  db: Db,
  s: { fileId: number; cycle: number; kind: StageKind; day: string; notifiedOn: string | null; decision: string; reference: string; note: string; plan: StageOut['plan']; recordedAt: string; recordedBy: number },
): number {
  return Number(
    prep(
      db,
      `INSERT INTO surendettement_stages (file_id, cycle, kind, day, notified_on, decision, reference, note, plan_start, plan_months, plan_monthly_cents, main_residence, shares, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      s.fileId,
      s.cycle,
      s.kind,
      s.day,
      s.notifiedOn,
      s.decision,
      s.reference,
      s.note,
      s.plan?.start ?? null,
      s.plan?.months ?? null,
      s.plan?.monthlyCents ?? null,
      s.plan?.mainResidenceLoans ? 1 : 0,
      JSON.stringify(s.plan?.shares ?? []),
      s.recordedAt,
      s.recordedBy,
    ).lastInsertRowid,
  );
}

// Registry -----------------------------------------------------------------------------------

/** The latest dated activity on each DSU's files (a stage, a debt's version, a budget). */
export function lastActivity(db: Db, dsuIds: readonly number[] | null): Map<number, string> {
  const filter = dsuIds === null ? '' : 'WHERE f.dsu_id IN (SELECT value FROM json_each(?))';
  const rows = prep(
    db,
    `SELECT f.dsu_id AS id, max(day) AS day FROM (
       SELECT file_id, substr(recorded_at, 1, 10) AS day FROM surendettement_stages
       UNION ALL SELECT file_id, substr(recorded_at, 1, 10) FROM surendettement_budgets
       UNION ALL SELECT d.file_id, substr(v.recorded_at, 1, 10) FROM surendettement_debt_versions v JOIN surendettement_debts d ON d.id = v.debt_id
       UNION ALL SELECT id, opened_on FROM surendettement_files
     ) a JOIN surendettement_files f ON f.id = a.file_id ${filter} GROUP BY f.dsu_id`,
  ).all(...(dsuIds === null ? [] : [JSON.stringify(dsuIds)])) as { id: number; day: string }[];
  return new Map(rows.map((r) => [r.id, r.day]));
}

export const auditEntities = {
  surendettement: byIntegerId('surendettement_files', "'Surendettement n° ' || id"),
};

/** Files opened in a period, and files open at some point of it, per referent. */
export function periodCounts(db: Db, from: string, to: string): { opened: number; open: number; byReferent: { id: number; name: string; opened: number; open: number }[] } {
  const rows = prep(
    db,
    `SELECT u.id, u.display_name AS name,
       sum(CASE WHEN f.opened_on BETWEEN ? AND ? THEN 1 ELSE 0 END) AS opened,
       sum(CASE WHEN f.opened_on <= ? AND (f.closed_on IS NULL OR f.closed_on >= ?) THEN 1 ELSE 0 END) AS open
     FROM surendettement_files f JOIN users u ON u.id = f.referent_id GROUP BY u.id ORDER BY u.display_name`,
  ).all(from, to, to, from) as { id: number; name: string; opened: number; open: number }[];
  return { opened: rows.reduce((s, r) => s + r.opened, 0), open: rows.reduce((s, r) => s + r.open, 0), byReferent: rows };
}

export function dsuExists(db: Db, dsuId: number): boolean {
  return prep(db, 'SELECT 1 FROM dsu WHERE id = ?').get(dsuId) !== undefined;
}

/** The DSU of a person's current household, if any. */
export function dsuOfPerson(db: Db, personId: number): number | undefined {
  return (prep(db, 'SELECT d.id FROM persons p JOIN dsu d ON d.household_id = p.household_id WHERE p.id = ?').get(personId) as { id: number } | undefined)?.id;
}
