/** Protection evaluations: the only place their SQL lives (DOMAIN §10). */
import { prep, type Db } from '../../store/database';
import { byIntegerId } from '../../store/labels';
import type { DangerKind, DangerLevel, EntryType, ExternalRole, Kind, Origin, PersonRole, Proposal } from './kinds';

export interface EvaluationRow {
  id: number;
  kind: Kind;
  receivedOn: string;
  origin: Origin;
  cellReference: string;
  delayDays: number | null;
  facts: string;
  createdAt: string;
  createdBy: number;
  createdByName: string;
  informedOn: string | null;
  informedHow: 'courrier' | 'entretien' | 'telephone' | 'visite' | null;
  notInformedReason: string;
  report: string;
  dangerLevel: DangerLevel | null;
  dangerKinds: string;
  proposals: string;
  proposalsNote: string;
  reportAt: string | null;
  reportBy: number | null;
  reportByName: string | null;
  sentOn: string | null;
  announcedOn: string | null;
  announcedBy: number | null;
  announcedByName: string | null;
  announceNote: string;
  exportDecisionAt: string | null;
  exportDecisionBy: number | null;
  exportDecisionByName: string | null;
  exportDecisionReason: string;
}

const SELECT = `SELECT e.id, e.kind, e.received_on AS receivedOn, e.origin, e.cell_reference AS cellReference, e.delay_days AS delayDays, e.facts,
  e.created_at AS createdAt, e.created_by AS createdBy, cu.display_name AS createdByName,
  e.informed_on AS informedOn, e.informed_how AS informedHow, e.not_informed_reason AS notInformedReason,
  e.report, e.danger_level AS dangerLevel, e.danger_kinds AS dangerKinds, e.proposals, e.proposals_note AS proposalsNote,
  e.report_at AS reportAt, e.report_by AS reportBy, ru.display_name AS reportByName,
  e.sent_on AS sentOn, e.announced_on AS announcedOn, e.announced_by AS announcedBy, au.display_name AS announcedByName, e.announce_note AS announceNote,
  e.export_decision_at AS exportDecisionAt, e.export_decision_by AS exportDecisionBy, xu.display_name AS exportDecisionByName, e.export_decision_reason AS exportDecisionReason
  FROM protection_evaluations e
  JOIN users cu ON cu.id = e.created_by
  LEFT JOIN users ru ON ru.id = e.report_by
  LEFT JOIN users au ON au.id = e.announced_by
  LEFT JOIN users xu ON xu.id = e.export_decision_by`;

export function getEvaluation(db: Db, id: number): EvaluationRow | undefined {
  return prep(db, `${SELECT} WHERE e.id = ?`).get(id) as EvaluationRow | undefined;
}

/** Every evaluation (a responsable), or those the user is on the team of; in progress (not announced) or done. */
export function listEvaluations(db: Db, userId: number | null, done: boolean): EvaluationRow[] {
  const state = done ? 'e.announced_on IS NOT NULL' : 'e.announced_on IS NULL';
  if (userId === null) return prep(db, `${SELECT} WHERE ${state} ORDER BY e.received_on, e.id`).all() as EvaluationRow[];
  return prep(db, `${SELECT} WHERE ${state} AND e.id IN (SELECT evaluation_id FROM protection_team WHERE user_id = ?) ORDER BY e.received_on, e.id`).all(userId) as EvaluationRow[];
}

/** Evaluations received in a period (inclusive), for the sheets and the statistics. */
export function evaluationsReceived(db: Db, from: string, to: string, kind: Kind | null): EvaluationRow[] {
  if (kind === null) return prep(db, `${SELECT} WHERE e.received_on BETWEEN ? AND ? ORDER BY e.received_on, e.id`).all(from, to) as EvaluationRow[];
  return prep(db, `${SELECT} WHERE e.kind = ? AND e.received_on BETWEEN ? AND ? ORDER BY e.received_on, e.id`).all(kind, from, to) as EvaluationRow[];
}

export function isOnTeam(db: Db, evaluationId: number, userId: number): boolean {
  return prep(db, 'SELECT 1 FROM protection_team WHERE user_id = ? AND evaluation_id = ?').get(userId, evaluationId) !== undefined;
}

export interface EvaluationInsert {
  kind: Kind;
  receivedOn: string;
  origin: Origin;
  cellReference: string;
  delayDays: number | null;
  facts: string;
}

export function insertEvaluation(db: Db, e: EvaluationInsert, at: string, by: number): number {
  return Number(
    prep(db, 'INSERT INTO protection_evaluations (kind, received_on, origin, cell_reference, delay_days, facts, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      e.kind,
      e.receivedOn,
      e.origin,
      e.cellReference,
      e.delayDays,
      e.facts,
      at,
      by,
    ).lastInsertRowid,
  );
}

export function updateIntake(db: Db, id: number, e: EvaluationInsert): void {
  prep(db, 'UPDATE protection_evaluations SET kind = ?, received_on = ?, origin = ?, cell_reference = ?, delay_days = ?, facts = ? WHERE id = ?').run(e.kind, e.receivedOn, e.origin, e.cellReference, e.delayDays, e.facts, id);
}

// Persons --------------------------------------------------------------------------------------

export interface PersonLink {
  personId: number;
  role: PersonRole;
  birthName: string;
  usageName: string;
  firstNames: string;
  birthDate: string | null;
  sex: string;
  householdId: number | null;
}

export function personsOf(db: Db, evaluationId: number): PersonLink[] {
  const rows = prep(
    db,
    `SELECT l.person_id AS personId, l.role, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, p.birth_date AS birthDate, p.sex, p.household_id AS householdId
     FROM protection_persons l JOIN persons p ON p.id = l.person_id WHERE l.evaluation_id = ? ORDER BY CASE l.role WHEN 'concerne' THEN 0 ELSE 1 END, p.birth_date, p.id`,
  ).all(evaluationId) as PersonLink[];
  return onePerPerson(rows);
}

/** Each person once (two merged records may both have been linked): the first link, the child concerned before another minor. */
function onePerPerson<T extends { personId: number }>(rows: T[]): T[] {
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.personId) && (seen.add(r.personId), true));
}

/** The persons of many evaluations at once (the lists). */
export function personsOfMany(db: Db, ids: readonly number[]): Map<number, PersonLink[]> {
  const out = new Map<number, PersonLink[]>();
  if (ids.length === 0) return out;
  const rows = prep(
    db,
    `SELECT l.evaluation_id AS evaluationId, l.person_id AS personId, l.role, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, p.birth_date AS birthDate, p.sex, p.household_id AS householdId
     FROM protection_persons l JOIN persons p ON p.id = l.person_id WHERE l.evaluation_id IN (SELECT value FROM json_each(?)) ORDER BY CASE l.role WHEN 'concerne' THEN 0 ELSE 1 END, p.birth_date, p.id`,
  ).all(JSON.stringify(ids)) as (PersonLink & { evaluationId: number })[];
  for (const r of rows) {
    const list = out.get(r.evaluationId) ?? [];
    if (!list.some((x) => x.personId === r.personId)) list.push(r);
    out.set(r.evaluationId, list);
  }
  return out;
}

export function setPersons(db: Db, evaluationId: number, persons: readonly { personId: number; role: PersonRole }[]): void {
  prep(db, 'DELETE FROM protection_persons WHERE evaluation_id = ?').run(evaluationId);
  const ins = prep(db, 'INSERT INTO protection_persons (evaluation_id, person_id, role) VALUES (?, ?, ?)');
  for (const p of persons) ins.run(evaluationId, p.personId, p.role);
}

/** A live person (not merged into another), with what the evaluation checks. */
export function livePerson(db: Db, id: number): { id: number; birthDate: string | null; householdId: number | null } | undefined {
  return prep(db, 'SELECT id, birth_date AS birthDate, household_id AS householdId FROM persons WHERE id = ? AND merged_into IS NULL').get(id) as
    | { id: number; birthDate: string | null; householdId: number | null }
    | undefined;
}

/** Adults of a home (demandeur, conjoint, other adults by birth date on `day`). */
export function adultsOfHousehold(db: Db, householdId: number, day: string): number {
  const r = prep(
    db,
    `SELECT count(*) AS n FROM persons WHERE household_id = ? AND merged_into IS NULL
       AND (household_role IN ('demandeur', 'conjoint') OR (birth_date IS NOT NULL AND birth_date <= date(?, '-18 years')))`,
  ).get(householdId, day) as { n: number };
  return r.n;
}

// Team -----------------------------------------------------------------------------------------

export interface MemberRow {
  evaluationId: number;
  userId: number | null;
  userName: string | null;
  userRoles: string | null;
  externalName: string;
  externalRole: ExternalRole | null;
}

export function teamOfMany(db: Db, ids: readonly number[]): Map<number, MemberRow[]> {
  const out = new Map<number, MemberRow[]>();
  if (ids.length === 0) return out;
  const rows = prep(
    db,
    `SELECT t.evaluation_id AS evaluationId, t.user_id AS userId, u.display_name AS userName,
       (SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = t.user_id) AS userRoles, t.external_name AS externalName, t.external_role AS externalRole
     FROM protection_team t LEFT JOIN users u ON u.id = t.user_id WHERE t.evaluation_id IN (SELECT value FROM json_each(?)) ORDER BY t.id`,
  ).all(JSON.stringify(ids)) as MemberRow[];
  for (const r of rows) {
    const list = out.get(r.evaluationId) ?? [];
    list.push(r);
    out.set(r.evaluationId, list);
  }
  return out;
}

export function setTeam(db: Db, evaluationId: number, team: readonly { userId: number | null; externalName: string; externalRole: ExternalRole | null }[], at: string, by: number): void {
  prep(db, 'DELETE FROM protection_team WHERE evaluation_id = ?').run(evaluationId);
  const ins = prep(db, 'INSERT INTO protection_team (evaluation_id, user_id, external_name, external_role, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?, ?)');
  for (const m of team) ins.run(evaluationId, m.userId, m.externalName, m.externalRole, at, by);
}

/** The active responsables (for their tasks). */
export function isResponsable(db: Db, userId: number): boolean {
  return prep(db, "SELECT 1 FROM user_roles WHERE user_id = ? AND role = 'responsable'").get(userId) !== undefined;
}

// Parents, report, dates ------------------------------------------------------------------------

export function setParents(db: Db, id: number, informedOn: string | null, informedHow: string | null, reason: string): void {
  prep(db, 'UPDATE protection_evaluations SET informed_on = ?, informed_how = ?, not_informed_reason = ? WHERE id = ?').run(informedOn, informedHow, reason, id);
}

export function setReport(db: Db, id: number, r: { report: string; dangerLevel: DangerLevel | null; dangerKinds: DangerKind[]; proposals: Proposal[]; proposalsNote: string }, at: string, by: number): void {
  prep(db, 'UPDATE protection_evaluations SET report = ?, danger_level = ?, danger_kinds = ?, proposals = ?, proposals_note = ?, report_at = ?, report_by = ? WHERE id = ?').run(
    r.report,
    r.dangerLevel,
    JSON.stringify(r.dangerKinds),
    JSON.stringify(r.proposals),
    r.proposalsNote,
    at,
    by,
    id,
  );
}

export function setSent(db: Db, id: number, sentOn: string): void {
  prep(db, 'UPDATE protection_evaluations SET sent_on = ? WHERE id = ?').run(sentOn, id);
}

export function setAnnounced(db: Db, id: number, day: string, by: number, note: string): void {
  prep(db, 'UPDATE protection_evaluations SET announced_on = ?, announced_by = ?, announce_note = ? WHERE id = ?').run(day, by, note, id);
}

export function setExportDecision(db: Db, id: number, at: string, by: number, reason: string): void {
  prep(db, 'UPDATE protection_evaluations SET export_decision_at = ?, export_decision_by = ?, export_decision_reason = ? WHERE id = ?').run(at, by, reason, id);
}

// Journal --------------------------------------------------------------------------------------

export interface EntryRow {
  id: number;
  occurredOn: string;
  type: EntryType;
  summary: string;
  recordedAt: string;
  userId: number;
  userName: string;
}

export function journalOf(db: Db, evaluationId: number): EntryRow[] {
  return prep(
    db,
    `SELECT j.id, j.occurred_on AS occurredOn, j.type, j.summary, j.recorded_at AS recordedAt, j.recorded_by AS userId, u.display_name AS userName
     FROM protection_journal j JOIN users u ON u.id = j.recorded_by WHERE j.evaluation_id = ? ORDER BY j.occurred_on, j.id`,
  ).all(evaluationId) as EntryRow[];
}

export function insertEntry(db: Db, e: { evaluationId: number; occurredOn: string; type: EntryType; summary: string; recordedAt: string; recordedBy: number }): number {
  return Number(
    prep(db, 'INSERT INTO protection_journal (evaluation_id, occurred_on, type, summary, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)').run(e.evaluationId, e.occurredOn, e.type, e.summary, e.recordedAt, e.recordedBy)
      .lastInsertRowid,
  );
}

// Counts ---------------------------------------------------------------------------------------

export function receivedCounts(db: Db): { year: number; kind: Kind; count: number }[] {
  return prep(db, 'SELECT year, kind, count FROM protection_received ORDER BY year DESC, kind').all() as { year: number; kind: Kind; count: number }[];
}

export function setReceivedCount(db: Db, year: number, kind: Kind, count: number, at: string, by: number): void {
  prep(
    db,
    'INSERT INTO protection_received (year, kind, count, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (year, kind) DO UPDATE SET count = excluded.count, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by',
  ).run(year, kind, count, at, by);
}

/** Evaluations received in a period, by kind. */
export function countReceived(db: Db, from: string, to: string): Record<Kind, number> {
  const rows = prep(db, 'SELECT kind, count(*) AS n FROM protection_evaluations WHERE received_on BETWEEN ? AND ? GROUP BY kind').all(from, to) as { kind: Kind; n: number }[];
  const out: Record<Kind, number> = { ip: 0, is: 0 };
  for (const r of rows) out[r.kind] = r.n;
  return out;
}

/** The latest activity about each person (receipt, journal, report sent), for the retention of persons without a DSU. */
export function personActivity(db: Db, personIds: readonly number[]): Map<number, string> {
  if (personIds.length === 0) return new Map();
  const rows = prep(
    db,
    `SELECT l.person_id AS id, max(max(e.received_on, coalesce(e.sent_on, ''), coalesce(e.announced_on, ''), coalesce((SELECT max(occurred_on) FROM protection_journal j WHERE j.evaluation_id = e.id), ''))) AS day
     FROM protection_persons l JOIN protection_evaluations e ON e.id = l.evaluation_id
     WHERE l.person_id IN (SELECT value FROM json_each(?)) GROUP BY l.person_id`,
  ).all(JSON.stringify(personIds)) as { id: number; day: string }[];
  return new Map(rows.map((r) => [r.id, r.day]));
}

/** Evaluations whose persons include `personId` and a responsable decided to include in the right-of-access export. */
export function includedForPerson(db: Db, personId: number): EvaluationRow[] {
  return prep(db, `${SELECT} WHERE e.export_decision_at IS NOT NULL AND e.id IN (SELECT evaluation_id FROM protection_persons WHERE person_id = ?) ORDER BY e.received_on`).all(personId) as EvaluationRow[];
}

export const auditEntities = {
  protection: byIntegerId('protection_evaluations', "'Évaluation IP/IS n° ' || id"),
};

/** Evaluations received in a period with at least one ASS (CESF) of the app on their team, by kind. */
export function countByProfession(db: Db, from: string, to: string): Record<Kind, { ass: number; cesf: number }> {
  const rows = prep(
    db,
    `SELECT e.kind, r.role, count(DISTINCT e.id) AS n FROM protection_evaluations e
       JOIN protection_team t ON t.evaluation_id = e.id JOIN user_roles r ON r.user_id = t.user_id AND r.role IN ('ass', 'cesf')
     WHERE e.received_on BETWEEN ? AND ? GROUP BY e.kind, r.role`,
  ).all(from, to) as { kind: Kind; role: 'ass' | 'cesf'; n: number }[];
  const out: Record<Kind, { ass: number; cesf: number }> = { ip: { ass: 0, cesf: 0 }, is: { ass: 0, cesf: 0 } };
  for (const r of rows) out[r.kind][r.role] = r.n;
  return out;
}
