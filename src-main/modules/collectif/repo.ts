/** Collective actions: the only place their SQL lives (DOMAIN §11). */
import { prep, type Db } from '../../store/database';
import { byIntegerId } from '../../store/labels';
import type { ActionStatus, ConsentForm, FundingStatus, Mark } from './kinds';

export interface ActionRow {
  id: number;
  title: string;
  aim: string;
  audience: string;
  status: ActionStatus;
  createdAt: string;
}

const ACTION_SELECT = 'SELECT id, title, aim, audience, status, created_at AS createdAt FROM collectif_actions';

export function getAction(db: Db, id: number): ActionRow | undefined {
  return prep(db, `${ACTION_SELECT} WHERE id = ?`).get(id) as ActionRow | undefined;
}

/** Every action of the site: planned and running first, then closed; newest first. */
export function listActions(db: Db): ActionRow[] {
  return prep(db, `${ACTION_SELECT} ORDER BY status = 'close', id DESC`).all() as ActionRow[];
}

export function insertAction(db: Db, a: { title: string; aim: string; audience: string; status: ActionStatus; at: string; by: number }): number {
  return Number(
    prep(db, 'INSERT INTO collectif_actions (title, aim, audience, status, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(a.title, a.aim, a.audience, a.status, a.at, a.by, a.at)
      .lastInsertRowid,
  );
}

export function updateAction(db: Db, id: number, a: { title: string; aim: string; audience: string; status: ActionStatus; at: string }): void {
  prep(db, 'UPDATE collectif_actions SET title = ?, aim = ?, audience = ?, status = ?, updated_at = ? WHERE id = ?').run(a.title, a.aim, a.audience, a.status, a.at, id);
}

// Leads, partners, fundings: the action's current lists, replaced as a whole on each save. ------

export function leadsOf(db: Db, actionIds: readonly number[]): Map<number, { id: number; displayName: string }[]> {
  const rows = prep(
    db,
    `SELECT l.action_id AS actionId, u.id, u.display_name AS displayName FROM collectif_leads l JOIN users u ON u.id = l.user_id
     WHERE l.action_id IN (SELECT value FROM json_each(?)) ORDER BY u.display_name`,
  ).all(JSON.stringify(actionIds)) as { actionId: number; id: number; displayName: string }[];
  const out = new Map<number, { id: number; displayName: string }[]>();
  for (const r of rows) out.set(r.actionId, [...(out.get(r.actionId) ?? []), { id: r.id, displayName: r.displayName }]);
  return out;
}

export function isLead(db: Db, actionId: number, userId: number): boolean {
  return prep(db, 'SELECT 1 FROM collectif_leads WHERE action_id = ? AND user_id = ?').get(actionId, userId) !== undefined;
}

export function setLeads(db: Db, actionId: number, userIds: readonly number[]): void {
  prep(db, 'DELETE FROM collectif_leads WHERE action_id = ?').run(actionId);
  for (const u of userIds) prep(db, 'INSERT INTO collectif_leads (action_id, user_id) VALUES (?, ?)').run(actionId, u);
}

export function partnersOf(db: Db, actionId: number): { partnerId: number | null; name: string; role: string }[] {
  return prep(db, 'SELECT partner_id AS partnerId, name, role FROM collectif_partners WHERE action_id = ? ORDER BY id').all(actionId) as { partnerId: number | null; name: string; role: string }[];
}

export function setPartners(db: Db, actionId: number, partners: readonly { partnerId: number | null; name: string; role: string }[]): void {
  prep(db, 'DELETE FROM collectif_partners WHERE action_id = ?').run(actionId);
  for (const p of partners) prep(db, 'INSERT INTO collectif_partners (action_id, partner_id, name, role) VALUES (?, ?, ?, ?)').run(actionId, p.partnerId, p.name, p.role);
}

export function fundingsOf(db: Db, actionId: number): { funder: string; amountCents: number; fundingStatus: FundingStatus }[] {
  return prep(db, 'SELECT funder, amount_cents AS amountCents, status AS fundingStatus FROM collectif_fundings WHERE action_id = ? ORDER BY id').all(actionId) as {
    funder: string;
    amountCents: number;
    fundingStatus: FundingStatus;
  }[];
}

export function setFundings(db: Db, actionId: number, fundings: readonly { funder: string; amountCents: number; fundingStatus: FundingStatus }[]): void {
  prep(db, 'DELETE FROM collectif_fundings WHERE action_id = ?').run(actionId);
  for (const f of fundings) prep(db, 'INSERT INTO collectif_fundings (action_id, funder, amount_cents, status) VALUES (?, ?, ?, ?)').run(actionId, f.funder, f.amountCents, f.fundingStatus);
}

export function partnerName(db: Db, id: number): string | undefined {
  const r = prep(db, 'SELECT organisation, service FROM partners WHERE id = ?').get(id) as { organisation: string; service: string } | undefined;
  return r ? (r.service ? `${r.organisation} — ${r.service}` : r.organisation) : undefined;
}

/** Active accounts that may lead an action: social workers and responsables. */
export function professionals(db: Db): { id: number; displayName: string }[] {
  return prep(
    db,
    `SELECT u.id, u.display_name AS displayName FROM users u
     WHERE u.disabled_at IS NULL AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('ass', 'cesf', 'responsable'))
     ORDER BY u.display_name`,
  ).all() as { id: number; displayName: string }[];
}

// Sessions ----------------------------------------------------------------------------------

export interface SessionRow {
  id: number;
  actionId: number;
  date: string;
  starts: string;
  ends: string;
  place: string;
  theme: string;
  anonymousCount: number;
  attendanceAt: string | null;
  present: number;
  absent: number;
  excused: number;
}

/** Sessions with their named marks counted, in one pass over the attendance (GROUP BY the session). */
const SESSION_SELECT = `SELECT s.id, s.action_id AS actionId, s.day AS date, s.starts, s.ends, s.place, s.theme, s.anonymous_count AS anonymousCount, s.attendance_at AS attendanceAt,
    count(CASE WHEN a.status = 'present' THEN 1 END) AS present,
    count(CASE WHEN a.status = 'absent' THEN 1 END) AS absent,
    count(CASE WHEN a.status = 'excuse' THEN 1 END) AS excused
  FROM collectif_sessions s LEFT JOIN collectif_attendance a ON a.session_id = s.id`;

export function sessionsOf(db: Db, actionIds: readonly number[]): Map<number, SessionRow[]> {
  const rows = prep(db, `${SESSION_SELECT} WHERE s.action_id IN (SELECT value FROM json_each(?)) GROUP BY s.id ORDER BY s.day, s.starts, s.id`).all(JSON.stringify(actionIds)) as SessionRow[];
  const out = new Map<number, SessionRow[]>();
  for (const r of rows) out.set(r.actionId, [...(out.get(r.actionId) ?? []), r]);
  return out;
}

export function getSession(db: Db, id: number): SessionRow | undefined {
  return prep(db, `${SESSION_SELECT} WHERE s.id = ? GROUP BY s.id`).get(id) as SessionRow | undefined;
}

export function insertSession(db: Db, s: { actionId: number; date: string; starts: string; ends: string; place: string; theme: string; at: string; by: number }): number {
  return Number(
    prep(db, 'INSERT INTO collectif_sessions (action_id, day, starts, ends, place, theme, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      s.actionId,
      s.date,
      s.starts,
      s.ends,
      s.place,
      s.theme,
      s.at,
      s.by,
    ).lastInsertRowid,
  );
}

export function updateSession(db: Db, id: number, s: { date: string; starts: string; ends: string; place: string; theme: string }): void {
  prep(db, 'UPDATE collectif_sessions SET day = ?, starts = ?, ends = ?, place = ?, theme = ? WHERE id = ?').run(s.date, s.starts, s.ends, s.place, s.theme, id);
}

// Participants and attendance ---------------------------------------------------------------

export interface ParticipantRow {
  id: number;
  personId: number;
  birthName: string;
  usageName: string;
  firstNames: string;
  birthDate: string | null;
  consentOn: string;
  consentForm: ConsentForm;
  addedById: number;
  addedByName: string;
}

export function participantsOf(db: Db, actionId: number): ParticipantRow[] {
  return prep(
    db,
    `SELECT c.id, c.person_id AS personId, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, p.birth_date AS birthDate,
       c.consent_on AS consentOn, c.consent_form AS consentForm, u.id AS addedById, u.display_name AS addedByName
     FROM collectif_participants c JOIN persons p ON p.id = c.person_id JOIN users u ON u.id = c.added_by
     WHERE c.action_id = ? ORDER BY p.birth_name, p.first_names, c.id`,
  ).all(actionId) as ParticipantRow[];
}

export function namedCount(db: Db, actionIds: readonly number[]): Map<number, number> {
  const rows = prep(db, 'SELECT action_id AS id, count(*) AS n FROM collectif_participants WHERE action_id IN (SELECT value FROM json_each(?)) GROUP BY action_id').all(JSON.stringify(actionIds)) as {
    id: number;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function participantAction(db: Db, participantId: number): number | undefined {
  return (prep(db, 'SELECT action_id AS a FROM collectif_participants WHERE id = ?').get(participantId) as { a: number } | undefined)?.a;
}

export function isParticipant(db: Db, actionId: number, personId: number): boolean {
  return prep(db, 'SELECT 1 FROM collectif_participants WHERE action_id = ? AND person_id = ?').get(actionId, personId) !== undefined;
}

export function insertParticipant(db: Db, p: { actionId: number; personId: number; consentOn: string; consentForm: ConsentForm; at: string; by: number }): number {
  return Number(
    prep(db, 'INSERT INTO collectif_participants (action_id, person_id, consent_on, consent_form, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)').run(p.actionId, p.personId, p.consentOn, p.consentForm, p.at, p.by)
      .lastInsertRowid,
  );
}

/** Removes a participant; their presences join each session's anonymous count first, so the figures stay. */
export function removeParticipant(db: Db, participantId: number): void {
  prep(
    db,
    `UPDATE collectif_sessions SET anonymous_count = anonymous_count + 1
     WHERE id IN (SELECT session_id FROM collectif_attendance WHERE participant_id = ? AND status = 'present')`,
  ).run(participantId);
  prep(db, 'DELETE FROM collectif_participants WHERE id = ?').run(participantId);
}

export function marksOf(db: Db, actionId: number): { participantId: number; sessionId: number; mark: Mark }[] {
  return prep(
    db,
    `SELECT a.participant_id AS participantId, a.session_id AS sessionId, a.status AS mark FROM collectif_attendance a
     JOIN collectif_sessions s ON s.id = a.session_id WHERE s.action_id = ?`,
  ).all(actionId) as { participantId: number; sessionId: number; mark: Mark }[];
}

export function setAttendance(db: Db, sessionId: number, anonymousCount: number, marks: readonly { participantId: number; mark: Mark }[], at: string): void {
  prep(db, 'UPDATE collectif_sessions SET anonymous_count = ?, attendance_at = ? WHERE id = ?').run(anonymousCount, at, sessionId);
  for (const m of marks) {
    prep(db, 'INSERT INTO collectif_attendance (session_id, participant_id, status) VALUES (?, ?, ?) ON CONFLICT (session_id, participant_id) DO UPDATE SET status = excluded.status').run(
      sessionId,
      m.participantId,
      m.mark,
    );
  }
}

// Evaluation --------------------------------------------------------------------------------

export function evaluationOf(db: Db, actionId: number) {
  return prep(
    db,
    `SELECT e.written_on AS date, e.text, e.participants_words AS participantsWords, e.results, e.recorded_at AS recordedAt, u.id AS userId, u.display_name AS userName
     FROM collectif_evaluations e JOIN users u ON u.id = e.recorded_by WHERE e.action_id = ?`,
  ).get(actionId) as { date: string; text: string; participantsWords: string; results: string; recordedAt: string; userId: number; userName: string } | undefined;
}

export function saveEvaluation(db: Db, e: { actionId: number; date: string; text: string; participantsWords: string; results: string; at: string; by: number }): void {
  prep(
    db,
    `INSERT INTO collectif_evaluations (action_id, written_on, text, participants_words, results, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (action_id) DO UPDATE SET written_on = excluded.written_on, text = excluded.text, participants_words = excluded.participants_words,
       results = excluded.results, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
  ).run(e.actionId, e.date, e.text, e.participantsWords, e.results, e.at, e.by);
}

// Registry hooks ------------------------------------------------------------------------------

export const auditEntities = {
  collectif: byIntegerId('collectif_actions', "'Action collective « ' || title || ' »'"),
};

/** The latest session a person was marked present at, for the retention of persons without a DSU. */
export function personActivity(db: Db, personIds: readonly number[]): Map<number, string> {
  const rows = prep(
    db,
    `SELECT c.person_id AS id, max(s.day) AS day FROM collectif_participants c
     JOIN collectif_attendance a ON a.participant_id = c.id AND a.status = 'present' JOIN collectif_sessions s ON s.id = a.session_id
     WHERE c.person_id IN (SELECT value FROM json_each(?)) GROUP BY c.person_id`,
  ).all(JSON.stringify(personIds)) as { id: number; day: string }[];
  return new Map(rows.map((r) => [r.id, r.day]));
}

/** A person's participations, for their right-of-access export. */
export function participationsOfPerson(db: Db, personId: number) {
  return prep(
    db,
    `SELECT a.id AS actionId, a.title, c.consent_on AS consentOn, c.consent_form AS consentForm,
       (SELECT count(*) FROM collectif_attendance t WHERE t.participant_id = c.id AND t.status = 'present') AS present,
       (SELECT count(*) FROM collectif_sessions s WHERE s.action_id = a.id) AS sessions
     FROM collectif_participants c JOIN collectif_actions a ON a.id = c.action_id WHERE c.person_id = ? ORDER BY c.id`,
  ).all(personId) as { actionId: number; title: string; consentOn: string; consentForm: ConsentForm; present: number; sessions: number }[];
}

// Tasks and statistics -----------------------------------------------------------------------

/** The actions a professional leads that are not closed, with their sessions' days and whether an evaluation is written. */
export function ledOpenActions(db: Db, userId: number): { id: number; title: string; firstDay: string | null; lastDay: string | null; evaluated: number }[] {
  return prep(
    db,
    `SELECT a.id, a.title, (SELECT min(day) FROM collectif_sessions s WHERE s.action_id = a.id) AS firstDay,
       (SELECT max(day) FROM collectif_sessions s WHERE s.action_id = a.id) AS lastDay,
       EXISTS (SELECT 1 FROM collectif_evaluations e WHERE e.action_id = a.id) AS evaluated
     FROM collectif_actions a JOIN collectif_leads l ON l.action_id = a.id AND l.user_id = ? WHERE a.status <> 'close'`,
  ).all(userId) as { id: number; title: string; firstDay: string | null; lastDay: string | null; evaluated: number }[];
}

export function sessionsLedBetween(db: Db, userId: number, from: string, to: string): { actionId: number; title: string; date: string; starts: string }[] {
  return prep(
    db,
    `SELECT a.id AS actionId, a.title, s.day AS date, s.starts FROM collectif_sessions s JOIN collectif_actions a ON a.id = s.action_id
     JOIN collectif_leads l ON l.action_id = a.id AND l.user_id = ? WHERE s.day BETWEEN ? AND ? AND a.status <> 'close' ORDER BY s.day, s.starts`,
  ).all(userId, from, to) as { actionId: number; title: string; date: string; starts: string }[];
}

/** Each session held in the period, with its action, year and counts (named marks and anonymous count). */
export function periodSessions(db: Db, from: string, to: string) {
  return prep(
    db,
    `SELECT s.id, s.action_id AS actionId, substr(s.day, 1, 4) AS year, s.anonymous_count AS anonymous,
       (SELECT count(*) FROM collectif_attendance a WHERE a.session_id = s.id AND a.status = 'present') AS present,
       (SELECT count(*) FROM collectif_attendance a WHERE a.session_id = s.id) AS marked
     FROM collectif_sessions s WHERE s.day BETWEEN ? AND ?`,
  ).all(from, to) as { id: number; actionId: number; year: string; anonymous: number; present: number; marked: number }[];
}

/** The persons marked present at a session in the period, per action (to count each person once). */
export function periodPresentPersons(db: Db, from: string, to: string): { actionId: number; personId: number; year: string }[] {
  return prep(
    db,
    `SELECT DISTINCT s.action_id AS actionId, c.person_id AS personId, substr(s.day, 1, 4) AS year FROM collectif_attendance a
     JOIN collectif_sessions s ON s.id = a.session_id JOIN collectif_participants c ON c.id = a.participant_id
     WHERE a.status = 'present' AND s.day BETWEEN ? AND ?`,
  ).all(from, to) as { actionId: number; personId: number; year: string }[];
}

export function allLeads(db: Db): { actionId: number; id: number; name: string }[] {
  return prep(db, 'SELECT l.action_id AS actionId, u.id, u.display_name AS name FROM collectif_leads l JOIN users u ON u.id = l.user_id ORDER BY u.display_name').all() as {
    actionId: number;
    id: number;
    name: string;
  }[];
}
