/** Eviction prevention cases: the only place their SQL lives (DOMAIN §6). */
import { prep, type Db } from '../../store/database';
import { fileById, fileSelect, filesOfDsu, followedBy } from '../../store/followed';
import { byIntegerId } from '../../store/labels';
import type { StageOut } from './contract';
import type { CcapexAvis, EvictionStageKind, LandlordKind, Outcome } from './kinds';
import { shortName } from './outside';

export interface CaseRow {
  id: number;
  dsuId: number;
  dsuNumber: string;
  dsuStatus: 'actif' | 'clos' | 'archive';
  referentId: number;
  referentName: string;
  status: 'ouvert' | 'clos';
  openedOn: string;
  dwelling: string;
  landlordKind: LandlordKind;
  landlordPartnerId: number | null;
  landlordName: string;
  leaseSigned: string | null;
  rentCents: number;
  chargesCents: number;
  rehousingAssured: number;
  outcome: Outcome | null;
  closedOn: string | null;
  debtCents: number | null;
  birthName: string | null;
  usageName: string | null;
  firstNames: string | null;
}

const CASE_SELECT = fileSelect(
  'expulsions_cases',
  `f.dwelling, f.landlord_kind AS landlordKind, f.landlord_partner_id AS landlordPartnerId, f.landlord_name AS landlordName,
  f.lease_signed AS leaseSigned, f.rent_cents AS rentCents, f.charges_cents AS chargesCents, f.rehousing_assured AS rehousingAssured, f.outcome, f.closed_on AS closedOn,
  (SELECT amount_cents FROM expulsions_debt_points WHERE case_id = f.id ORDER BY day DESC, id DESC LIMIT 1) AS debtCents,`,
);

export const householdName = (r: CaseRow): string => (r.birthName === null ? '—' : shortName({ birthName: r.birthName, usageName: r.usageName ?? '', firstNames: r.firstNames ?? '' }));

export const getCase = (db: Db, id: number) => fileById<CaseRow>(db, CASE_SELECT, id);

export const casesOfDsu = (db: Db, dsuId: number) => filesOfDsu<CaseRow>(db, CASE_SELECT, dsuId);

/**
 * The cases a professional follows: those they are the référent of, and those of the DSU they
 * hold (référent or active co-intervenant); every case of the site for `all` (a responsable).
 */
export function casesFollowed(db: Db, userId: number, all: boolean, closed: boolean): CaseRow[] {
  return followedBy<CaseRow>(db, CASE_SELECT, userId, all, closed);
}

export interface Details {
  dwelling: string;
  landlordKind: LandlordKind;
  landlordPartnerId: number | null;
  landlordName: string;
  leaseSigned: string | null;
  rentCents: number;
  chargesCents: number;
  rehousingAssured: boolean;
}

export function insertCase(db: Db, c: { dsuId: number; referentId: number; openedOn: string; openedAt: string; openedBy: number } & Details): number {
  return Number(
    prep(
      db,
      `INSERT INTO expulsions_cases (dsu_id, referent_id, opened_on, opened_at, opened_by, dwelling, landlord_kind, landlord_partner_id, landlord_name, lease_signed, rent_cents, charges_cents, rehousing_assured)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(c.dsuId, c.referentId, c.openedOn, c.openedAt, c.openedBy, c.dwelling, c.landlordKind, c.landlordPartnerId, c.landlordName, c.leaseSigned, c.rentCents, c.chargesCents, c.rehousingAssured ? 1 : 0)
      .lastInsertRowid,
  );
}

export function updateDetails(db: Db, id: number, c: Details): void {
  prep(
    db,
    `UPDATE expulsions_cases SET dwelling = ?, landlord_kind = ?, landlord_partner_id = ?, landlord_name = ?, lease_signed = ?, rent_cents = ?, charges_cents = ?, rehousing_assured = ? WHERE id = ?`,
  ).run(c.dwelling, c.landlordKind, c.landlordPartnerId, c.landlordName, c.leaseSigned, c.rentCents, c.chargesCents, c.rehousingAssured ? 1 : 0, id);
}

export function closeCase(db: Db, id: number, outcome: Outcome, day: string): void {
  prep(db, "UPDATE expulsions_cases SET status = 'clos', closed_on = ?, outcome = ? WHERE id = ?").run(day, outcome, id);
}

// Rent debt ----------------------------------------------------------------------------------

export function debtPoints(db: Db, caseId: number): { id: number; day: string; amountCents: number; recordedAt: string; recordedBy: { id: number; displayName: string } }[] {
  return (
    prep(
      db,
      `SELECT p.id, p.day, p.amount_cents AS amountCents, p.recorded_at AS recordedAt, p.recorded_by AS userId, u.display_name AS userName
       FROM expulsions_debt_points p JOIN users u ON u.id = p.recorded_by WHERE p.case_id = ? ORDER BY p.day, p.id`,
    ).all(caseId) as { id: number; day: string; amountCents: number; recordedAt: string; userId: number; userName: string }[]
  ).map((r) => ({ id: r.id, day: r.day, amountCents: r.amountCents, recordedAt: r.recordedAt, recordedBy: { id: r.userId, displayName: r.userName } }));
}

export function insertDebtPoint(db: Db, p: { caseId: number; day: string; amountCents: number; recordedAt: string; recordedBy: number }): void {
  prep(db, 'INSERT INTO expulsions_debt_points (case_id, day, amount_cents, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)').run(p.caseId, p.day, p.amountCents, p.recordedAt, p.recordedBy);
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

// Stages -------------------------------------------------------------------------------------

interface StageRow {
  id: number;
  caseId: number;
  kind: EvictionStageKind;
  day: string;
  actor: string;
  reference: string;
  note: string;
  hearing: string | null;
  firstOffer: string | null;
  answered: number | null;
  delaisGranted: number | null;
  graceMonths: number | null;
  extensionMonths: number | null;
  recordedAt: string;
  userId: number;
  userName: string;
}

const STAGE_SELECT = `SELECT s.id, s.case_id AS caseId, s.kind, s.day, s.actor, s.reference, s.note, s.hearing, s.first_offer AS firstOffer, s.answered,
  s.delais_granted AS delaisGranted, s.grace_months AS graceMonths, s.extension_months AS extensionMonths, s.recorded_at AS recordedAt,
  s.recorded_by AS userId, u.display_name AS userName
  FROM expulsions_stages s JOIN users u ON u.id = s.recorded_by`;

const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
const stageShape = (r: StageRow): StageOut => ({
  id: r.id,
  kind: r.kind,
  day: r.day,
  actor: r.actor,
  reference: r.reference,
  note: r.note,
  hearing: r.hearing,
  firstOffer: r.firstOffer,
  answered: bool(r.answered),
  delaisGranted: bool(r.delaisGranted),
  graceMonths: r.graceMonths,
  extensionMonths: r.extensionMonths,
  recordedAt: r.recordedAt,
  recordedBy: { id: r.userId, displayName: r.userName },
});

/** A case's stages by day, then in the order they were recorded. */
export function stagesOf(db: Db, caseId: number): StageOut[] {
  return (prep(db, `${STAGE_SELECT} WHERE s.case_id = ? ORDER BY s.day, s.id`).all(caseId) as StageRow[]).map(stageShape);
}

/** The stages of several cases at once (the lists), grouped by case. */
export function stagesOfCases(db: Db, caseIds: readonly number[]): Map<number, StageOut[]> {
  const out = new Map<number, StageOut[]>();
  if (caseIds.length === 0) return out;
  const rows = prep(db, `${STAGE_SELECT} WHERE s.case_id IN (SELECT value FROM json_each(?)) ORDER BY s.case_id, s.day, s.id`).all(JSON.stringify(caseIds)) as StageRow[];
  for (const r of rows) {
    const list = out.get(r.caseId) ?? [];
    list.push(stageShape(r));
    out.set(r.caseId, list);
  }
  return out;
}

export function insertStage(db: Db, caseId: number, s: Omit<StageOut, 'id' | 'recordedBy'> & { recordedBy: number }): number {
  const b = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
  return Number(
    prep(
      db,
      `INSERT INTO expulsions_stages (case_id, kind, day, actor, reference, note, hearing, first_offer, answered, delais_granted, grace_months, extension_months, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(caseId, s.kind, s.day, s.actor, s.reference, s.note, s.hearing, s.firstOffer, b(s.answered), b(s.delaisGranted), s.graceMonths, s.extensionMonths, s.recordedAt, s.recordedBy)
      .lastInsertRowid,
  );
}

// Registry -----------------------------------------------------------------------------------

/** The latest dated activity on each DSU's cases (a stage, a debt's figure, the opening). */
export function lastActivity(db: Db, dsuIds: readonly number[] | null): Map<number, string> {
  const filter = dsuIds === null ? '' : 'WHERE c.dsu_id IN (SELECT value FROM json_each(?))';
  const rows = prep(
    db,
    `SELECT c.dsu_id AS id, max(day) AS day FROM (
       SELECT case_id, substr(recorded_at, 1, 10) AS day FROM expulsions_stages
       UNION ALL SELECT case_id, substr(recorded_at, 1, 10) FROM expulsions_debt_points
       UNION ALL SELECT id, opened_on FROM expulsions_cases
     ) a JOIN expulsions_cases c ON c.id = a.case_id ${filter} GROUP BY c.dsu_id`,
  ).all(...(dsuIds === null ? [] : [JSON.stringify(dsuIds)])) as { id: number; day: string }[];
  return new Map(rows.map((r) => [r.id, r.day]));
}

export const auditEntities = {
  expulsions: byIntegerId('expulsions_cases', "'Prévention des expulsions n° ' || id"),
  expulsions_ccapex: byIntegerId('expulsions_ccapex_sessions', "'Séance de la CCAPEX du ' || strftime('%d/%m/%Y', held_on)"),
};

/**
 * The activity report's figures for a period, per référent: cases opened in it, cases open at
 * some point of it, each such case's stage reached by the period's end (its latest stage by
 * day), and the outcomes recorded in it.
 */
export function periodCounts(db: Db, from: string, to: string): { id: number; name: string; opened: number; open: number; stages: Record<string, number>; outcomes: Record<string, number> }[] {
  const rows = prep(
    db,
    `SELECT c.referent_id AS id, u.display_name AS name,
       CASE WHEN c.opened_on BETWEEN ? AND ? THEN 1 ELSE 0 END AS opened,
       (SELECT kind FROM expulsions_stages s WHERE s.case_id = c.id AND s.day <= ? ORDER BY s.day DESC, s.id DESC LIMIT 1) AS stage,
       CASE WHEN c.closed_on BETWEEN ? AND ? THEN c.outcome END AS outcome
     FROM expulsions_cases c JOIN users u ON u.id = c.referent_id
     WHERE c.opened_on <= ? AND (c.closed_on IS NULL OR c.closed_on >= ?)
     ORDER BY u.display_name, u.id`,
  ).all(from, to, to, from, to, to, from) as { id: number; name: string; opened: number; stage: string | null; outcome: string | null }[];
  const out = new Map<number, { id: number; name: string; opened: number; open: number; stages: Record<string, number>; outcomes: Record<string, number> }>();
  for (const r of rows) {
    const p = out.get(r.id) ?? { id: r.id, name: r.name, opened: 0, open: 0, stages: {}, outcomes: {} };
    p.opened += r.opened;
    p.open += 1;
    if (r.stage) p.stages[r.stage] = (p.stages[r.stage] ?? 0) + 1;
    if (r.outcome) p.outcomes[r.outcome] = (p.outcomes[r.outcome] ?? 0) + 1;
    out.set(r.id, p);
  }
  return [...out.values()];
}

// Aid requests ---------------------------------------------------------------------------------

export interface AidRef {
  id: number;
  number: string;
  nature: string;
  status: string;
  requestedOn: string;
}
const AID_SELECT = 'SELECT a.id, a.number, a.nature, a.status, a.requested_on AS requestedOn FROM aid_requests a';

export function linkedAids(db: Db, caseId: number): AidRef[] {
  return prep(db, `${AID_SELECT} JOIN expulsions_aid_links l ON l.aid_id = a.id WHERE l.case_id = ? ORDER BY a.id`).all(caseId) as AidRef[];
}

/** The DSU's aid requests not linked to any case. */
export function aidChoices(db: Db, dsuId: number): AidRef[] {
  return prep(db, `${AID_SELECT} WHERE a.dsu_id = ? AND a.id NOT IN (SELECT aid_id FROM expulsions_aid_links) ORDER BY a.id DESC`).all(dsuId) as AidRef[];
}

export function aidRow(db: Db, aidId: number): { id: number; dsuId: number; number: string } | undefined {
  return prep(db, 'SELECT id, dsu_id AS dsuId, number FROM aid_requests WHERE id = ?').get(aidId) as { id: number; dsuId: number; number: string } | undefined;
}

export function caseOfAid(db: Db, aidId: number): number | undefined {
  return (prep(db, 'SELECT case_id AS caseId FROM expulsions_aid_links WHERE aid_id = ?').get(aidId) as { caseId: number } | undefined)?.caseId;
}

export function insertAidLink(db: Db, caseId: number, aidId: number, at: string, by: number): void {
  prep(db, 'INSERT INTO expulsions_aid_links (case_id, aid_id, linked_at, linked_by) VALUES (?, ?, ?, ?)').run(caseId, aidId, at, by);
}

export function dsuExists(db: Db, dsuId: number): boolean {
  return prep(db, 'SELECT 1 FROM dsu WHERE id = ?').get(dsuId) !== undefined;
}

// CCAPEX ---------------------------------------------------------------------------------------

export interface SessionRow {
  id: number;
  heldOn: string;
  place: string;
  members: string;
}

const SESSION_SELECT = 'SELECT id, held_on AS heldOn, place, members FROM expulsions_ccapex_sessions';

export function getSession(db: Db, id: number): SessionRow | undefined {
  return prep(db, `${SESSION_SELECT} WHERE id = ?`).get(id) as SessionRow | undefined;
}

/** Every session, the latest first. */
export function sessions(db: Db): SessionRow[] {
  return prep(db, `${SESSION_SELECT} ORDER BY held_on DESC, id DESC`).all() as SessionRow[];
}

export function insertSession(db: Db, s: { heldOn: string; place: string; members: string; at: string; by: number }): number {
  return Number(
    prep(db, 'INSERT INTO expulsions_ccapex_sessions (held_on, place, members, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(s.heldOn, s.place, s.members, s.at, s.by, s.at, s.by)
      .lastInsertRowid,
  );
}

export function updateSession(db: Db, id: number, s: { heldOn: string; place: string; members: string; at: string; by: number }): void {
  prep(db, 'UPDATE expulsions_ccapex_sessions SET held_on = ?, place = ?, members = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(s.heldOn, s.place, s.members, s.at, s.by, id);
}

export function professionals(db: Db, sessionId: number): { id: number; displayName: string }[] {
  return prep(db, 'SELECT u.id, u.display_name AS displayName FROM expulsions_ccapex_professionals p JOIN users u ON u.id = p.user_id WHERE p.session_id = ? ORDER BY u.display_name, u.id').all(sessionId) as {
    id: number;
    displayName: string;
  }[];
}

export function setProfessionals(db: Db, sessionId: number, userIds: readonly number[]): void {
  prep(db, 'DELETE FROM expulsions_ccapex_professionals WHERE session_id = ?').run(sessionId);
  for (const u of userIds) prep(db, 'INSERT INTO expulsions_ccapex_professionals (session_id, user_id) VALUES (?, ?)').run(sessionId, u);
}

export interface AgendaRow {
  sessionId: number;
  caseId: number;
  position: number;
  evaluation: string;
  proposals: string;
  noteGeneratedAt: string | null;
}

const AGENDA_SELECT = 'SELECT session_id AS sessionId, case_id AS caseId, position, evaluation, proposals, note_generated_at AS noteGeneratedAt FROM expulsions_ccapex_agenda';

export function agendaOf(db: Db, sessionId: number): AgendaRow[] {
  return prep(db, `${AGENDA_SELECT} WHERE session_id = ? ORDER BY position, case_id`).all(sessionId) as AgendaRow[];
}

export function agendaEntry(db: Db, sessionId: number, caseId: number): AgendaRow | undefined {
  return prep(db, `${AGENDA_SELECT} WHERE session_id = ? AND case_id = ?`).get(sessionId, caseId) as AgendaRow | undefined;
}

/** The sessions a case is on, by date. */
export function sessionsOfCase(db: Db, caseId: number): (AgendaRow & { heldOn: string; place: string })[] {
  return prep(
    db,
    `SELECT a.session_id AS sessionId, a.case_id AS caseId, a.position, a.evaluation, a.proposals, a.note_generated_at AS noteGeneratedAt, s.held_on AS heldOn, s.place
     FROM expulsions_ccapex_agenda a JOIN expulsions_ccapex_sessions s ON s.id = a.session_id WHERE a.case_id = ? ORDER BY s.held_on, s.id`,
  ).all(caseId) as (AgendaRow & { heldOn: string; place: string })[];
}

export function addToAgenda(db: Db, sessionId: number, caseId: number, at: string, by: number): void {
  prep(
    db,
    `INSERT INTO expulsions_ccapex_agenda (session_id, case_id, position, added_at, added_by)
     VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM expulsions_ccapex_agenda WHERE session_id = ?), ?, ?)`,
  ).run(sessionId, caseId, sessionId, at, by);
}

export function removeFromAgenda(db: Db, sessionId: number, caseId: number): void {
  prep(db, 'DELETE FROM expulsions_ccapex_agenda WHERE session_id = ? AND case_id = ?').run(sessionId, caseId);
}

export function setEvaluation(db: Db, sessionId: number, caseId: number, evaluation: string, proposals: string): void {
  prep(db, 'UPDATE expulsions_ccapex_agenda SET evaluation = ?, proposals = ? WHERE session_id = ? AND case_id = ?').run(evaluation, proposals, sessionId, caseId);
}

export function recordNote(db: Db, sessionId: number, caseId: number, at: string, by: number, shared: boolean): void {
  prep(db, 'UPDATE expulsions_ccapex_agenda SET note_generated_at = ?, note_generated_by = ?, note_shared = ? WHERE session_id = ? AND case_id = ?').run(at, by, shared ? 1 : 0, sessionId, caseId);
}

export interface OpinionRow {
  sessionId: number;
  caseId: number;
  day: string;
  avis: CcapexAvis;
  text: string;
  recommendations: string;
  recordedAt: string;
  userId: number;
  userName: string;
}

const OPINION_SELECT = `SELECT o.session_id AS sessionId, o.case_id AS caseId, o.day, o.avis, o.text, o.recommendations, o.recorded_at AS recordedAt, o.recorded_by AS userId, u.display_name AS userName
  FROM expulsions_ccapex_opinions o JOIN users u ON u.id = o.recorded_by`;

export function opinionsOfCase(db: Db, caseId: number): OpinionRow[] {
  return prep(db, `${OPINION_SELECT} WHERE o.case_id = ?`).all(caseId) as OpinionRow[];
}

export function opinionsOfSession(db: Db, sessionId: number): OpinionRow[] {
  return prep(db, `${OPINION_SELECT} WHERE o.session_id = ?`).all(sessionId) as OpinionRow[];
}

export function upsertOpinion(db: Db, o: { sessionId: number; caseId: number; day: string; avis: string; text: string; recommendations: string; at: string; by: number }): void {
  prep(
    db,
    `INSERT INTO expulsions_ccapex_opinions (session_id, case_id, day, avis, text, recommendations, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (session_id, case_id) DO UPDATE SET day = excluded.day, avis = excluded.avis, text = excluded.text, recommendations = excluded.recommendations,
       recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
  ).run(o.sessionId, o.caseId, o.day, o.avis, o.text, o.recommendations, o.at, o.by);
}

/** The DSU's consents to information sharing, with their recipient as written and as in the directory. */
export function consentsOfDsu(db: Db, dsuId: number): { id: number; recipient: string; partner: string | null; scope: string; givenOn: string; withdrawnOn: string | null }[] {
  return prep(
    db,
    `SELECT c.id, c.recipient_label AS recipient, CASE WHEN p.id IS NULL THEN NULL ELSE p.organisation || ' ' || p.service END AS partner, c.scope, c.given_on AS givenOn, c.withdrawn_on AS withdrawnOn
     FROM consents c LEFT JOIN partners p ON p.id = c.recipient_partner_id WHERE c.dsu_id = ? ORDER BY c.given_on, c.id`,
  ).all(dsuId) as { id: number; recipient: string; partner: string | null; scope: string; givenOn: string; withdrawnOn: string | null }[];
}

/** The household of a case's DSU. */
export function householdIdOfDsu(db: Db, dsuId: number): number | undefined {
  return (prep(db, 'SELECT household_id AS id FROM dsu WHERE id = ?').get(dsuId) as { id: number } | undefined)?.id;
}

/** The linked aid requests with what the note prints of them. */
export function linkedAidsForNote(db: Db, caseId: number): { number: string; object: string; amountCents: number; status: string; requestedOn: string }[] {
  return prep(
    db,
    `SELECT a.number, a.object, a.amount_cents AS amountCents, a.status, a.requested_on AS requestedOn FROM aid_requests a JOIN expulsions_aid_links l ON l.aid_id = a.id WHERE l.case_id = ? ORDER BY a.requested_on, a.id`,
  ).all(caseId) as { number: string; object: string; amountCents: number; status: string; requestedOn: string }[];
}
