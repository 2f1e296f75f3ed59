/**
 * Aid requests: the only place their SQL lives (règlement versions: `reglements/repo.ts`,
 * re-exported here; commission sessions: `commission/repo.ts`; envelopes: `envelopes/repo.ts`).
 */
import { prep, type Db } from '../../store/database';
import type { AidFields, AidOut, AidStatus, AidSummary } from './contract';
import type { Decision, DecisionBody } from './kinds';
import type { Demande } from './engine';
import { twelveMonthsBefore } from './engine';
import { byIntegerId } from '../../store/labels';
import { daysOf } from '../../store/labels';
import { personName } from '../../shared/french';

/** A request's own fields (the form's), as the handlers hold them: the contract's `aidFields`, defaults applied. */
export type AidWrite = AidFields;

/**
 * Each own field of a request and its column: the one list the SELECT, the INSERT and the
 * UPDATE are built from, and the row read back with. `noteSociale` and `budget` live in
 * `aid_request_texts`; the others in `aid_requests`.
 */
const FIELD_COLUMNS = {
  dsuId: 'a.dsu_id',
  personId: 'a.person_id',
  requestedOn: 'a.requested_on',
  dispositif: 'a.dispositif',
  nature: 'a.nature',
  object: 'a.object',
  amountCents: 'a.amount_cents',
  days: 'a.days',
  paymentMode: 'a.payment_mode',
  cheques: 'a.cheques',
  payeeKind: 'a.payee_kind',
  payeeName: 'a.payee_name',
  derogation: 'a.derogation',
  pregnancy: 'a.pregnancy',
  urgent: 'a.urgent',
  origin: 'a.origin',
  originPartnerId: 'a.origin_partner_id',
  consentId: 'a.consent_id',
  noteSociale: 't.note_sociale',
  budget: 't.budget',
} as const satisfies Record<keyof AidFields, `${'a' | 't'}.${string}`>;
type FieldKey = keyof typeof FIELD_COLUMNS;
const FIELD_KEYS = Object.keys(FIELD_COLUMNS) as FieldKey[];

/** The fields stored as 0/1 (every boolean of the contract's fields: the type says if one is missing). */
type BooleanKey = { [K in FieldKey]: AidFields[K] extends boolean ? K : never }[FieldKey];
const BOOLEANS = { derogation: true, pregnancy: true, urgent: true } as const satisfies Record<BooleanKey, true>;
const isBoolean = (k: FieldKey): k is BooleanKey => k in BOOLEANS;

/** The workflow's state, written by the actions (`setAid`), never by the form; users, the version, the session and the decision by id. */
type StateRow = Pick<AidOut, 'status' | 'createdAt' | 'submittedAt' | 'opinion' | 'appealOn' | 'appealReason' | 'grantedCents' | 'decidedOn' | 'mandatedOn' | 'paidOn' | 'closeReason'> &
  Pick<AidSummary, 'outcome' | 'route'> & {
    reglementId: number | null;
    /** The demande and the evaluation it was submitted with (JSON). */
    demande: string | null;
    evaluation: string | null;
    createdBy: number;
    submittedBy: number | null;
    takenBy: number | null;
    opinionFavorable: number | null;
    commissionId: number | null;
    decisionId: number | null;
  };
const STATE_COLUMNS = {
  status: 'a.status',
  reglementId: 'a.reglement_id',
  demande: 't.demande',
  evaluation: 't.evaluation',
  outcome: 'a.outcome',
  route: 'a.route',
  createdBy: 'a.created_by',
  createdAt: 'a.created_at',
  submittedBy: 'a.submitted_by',
  submittedAt: 'a.submitted_at',
  takenBy: 'a.taken_by',
  opinion: 'a.opinion',
  opinionFavorable: 'a.opinion_favorable',
  commissionId: 'a.commission_id',
  appealOn: 'a.appeal_on',
  appealReason: 'a.appeal_reason',
  decisionId: 'a.decision_id',
  grantedCents: 'a.granted_cents',
  decidedOn: 'a.decided_on',
  mandatedOn: 'a.mandated_on',
  paidOn: 'a.paid_on',
  closeReason: 'a.close_reason',
} as const satisfies Record<keyof StateRow, `${'a' | 't'}.${string}`>;

/** A request's row: its own fields as stored (booleans 0/1, the budget as JSON text), then the workflow's state. */
export type AidRow = { id: number; number: string } & { [K in FieldKey]: K extends BooleanKey ? number : K extends 'budget' ? string : AidFields[K] } & StateRow;

const AID_SELECT = `SELECT a.id, a.number, ${Object.entries({ ...FIELD_COLUMNS, ...STATE_COLUMNS })
  .map(([k, c]) => `${c} AS ${k}`)
  .join(', ')} FROM aid_requests a JOIN aid_request_texts t ON t.request_id = a.id`;

export function getAid(db: Db, id: number): AidRow | undefined {
  return prep(db, `${AID_SELECT} WHERE a.id = ?`).get(id) as AidRow | undefined;
}

/** The request's own fields read back from its row. */
export function fieldsOfRow(a: AidRow): AidFields {
  const f = Object.fromEntries(FIELD_KEYS.map((k) => [k, isBoolean(k) ? a[k] === 1 : a[k]]));
  return { ...f, budget: JSON.parse(a.budget) } as AidFields;
}

const column = (k: FieldKey) => FIELD_COLUMNS[k].slice(2);
const valueOf = (w: AidWrite, k: FieldKey) => (isBoolean(k) ? (w[k] ? 1 : 0) : k === 'budget' ? JSON.stringify(w.budget) : w[k]);
const REQUEST_KEYS = FIELD_KEYS.filter((k) => FIELD_COLUMNS[k].startsWith('a.'));
const TEXT_KEYS = FIELD_KEYS.filter((k) => FIELD_COLUMNS[k].startsWith('t.'));
/** A request never changes DSU: an update leaves it. */
const UPDATE_KEYS = REQUEST_KEYS.filter((k) => k !== 'dsuId');
const INSERT_AID = `INSERT INTO aid_requests (number, year, seq, ${REQUEST_KEYS.map(column).join(', ')}, status, created_by, created_at, updated_at)
  VALUES (?, ?, ?, ${REQUEST_KEYS.map(() => '?').join(', ')}, 'brouillon', ?, ?, ?)`;
const INSERT_TEXTS = `INSERT INTO aid_request_texts (request_id, ${TEXT_KEYS.map(column).join(', ')}) VALUES (?, ${TEXT_KEYS.map(() => '?').join(', ')})`;
const UPDATE_AID = `UPDATE aid_requests SET ${UPDATE_KEYS.map((k) => `${column(k)} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
const UPDATE_TEXTS = `UPDATE aid_request_texts SET ${TEXT_KEYS.map((k) => `${column(k)} = ?`).join(', ')} WHERE request_id = ?`;

/** `AF-YYYY-NNNNN`, sequential per year of creation. */
export function insertAid(db: Db, w: AidWrite, userId: number, now: Date): number {
  const year = now.getFullYear();
  const seq = ((prep(db, 'SELECT max(seq) AS m FROM aid_requests WHERE year = ?').get(year) as { m: number | null }).m ?? 0) + 1;
  const iso = now.toISOString();
  const number = `AF-${year}-${String(seq).padStart(5, '0')}`;
  const id = Number(prep(db, INSERT_AID).run(number, year, seq, ...REQUEST_KEYS.map((k) => valueOf(w, k)), userId, iso, iso).lastInsertRowid);
  prep(db, INSERT_TEXTS).run(id, ...TEXT_KEYS.map((k) => valueOf(w, k)));
  return id;
}

export function updateAid(db: Db, id: number, w: AidWrite, now: Date): void {
  prep(db, UPDATE_AID).run(...UPDATE_KEYS.map((k) => valueOf(w, k)), now.toISOString(), id);
  prep(db, UPDATE_TEXTS).run(...TEXT_KEYS.map((k) => valueOf(w, k)), id);
}

const TEXT_COLUMNS = new Set(['note_sociale', 'budget', 'demande', 'evaluation']);
/** Sets the given columns (snake_case) of a request. Column names come from code, never from input. */
export function setAid(db: Db, id: number, fields: Record<string, string | number | null>, now: Date): void {
  const keys = Object.keys(fields).filter((k) => !TEXT_COLUMNS.has(k));
  const texts = Object.keys(fields).filter((k) => TEXT_COLUMNS.has(k));
  db.prepare(`UPDATE aid_requests SET ${keys.map((k) => `${k} = ?, `).join('')}updated_at = ? WHERE id = ?`).run(...keys.map((k) => fields[k]!), now.toISOString(), id);
  if (texts.length) db.prepare(`UPDATE aid_request_texts SET ${texts.map((k) => `${k} = ?`).join(', ')} WHERE request_id = ?`).run(...texts.map((k) => fields[k]!), id);
}

export function addEvent(db: Db, requestId: number, userId: number, action: string, from: AidStatus | null, to: AidStatus, comment: string, now: Date): void {
  prep(db, 'INSERT INTO aid_events (request_id, at, user_id, action, from_status, to_status, comment) VALUES (?, ?, ?, ?, ?, ?, ?)').run(requestId, now.toISOString(), userId, action, from, to, comment);
}

export interface DecisionWrite {
  requestId: number;
  body: DecisionBody;
  commissionId: number | null;
  decision: Decision;
  grantedCents: number | null;
  paymentMode: string | null;
  cheques: number;
  payeeKind: string | null;
  payeeName: string | null;
  reasons: string;
  appeal: boolean;
  decidedOn: string;
  decidedBy: number;
}
export function insertDecision(db: Db, d: DecisionWrite, now: Date): number {
  return Number(
    prep(
      db,
      `INSERT INTO aid_decisions (request_id, body, commission_id, decision, granted_cents, payment_mode, cheques, payee_kind, payee_name, reasons, appeal, decided_on, decided_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(d.requestId, d.body, d.commissionId, d.decision, d.grantedCents, d.paymentMode, d.cheques, d.payeeKind, d.payeeName, d.reasons, d.appeal ? 1 : 0, d.decidedOn, d.decidedBy, now.toISOString())
      .lastInsertRowid,
  );
}

/** Grants of the household (its DSU), for the frequency rules. */
export function grantsOfDsu(db: Db, dsuId: number, exceptId: number | null): Demande['history'] {
  return prep(
    db,
    `SELECT dispositif, decided_on AS grantedOn, granted_cents AS amountCents FROM aid_requests
     WHERE dsu_id = ? AND status = 'accordee' AND decided_on IS NOT NULL AND id IS NOT ?`,
  ).all(dsuId, exceptId) as Demande['history'];
}

/** The household's requests of the 12 months before `day` (drafts left out). */
export function historyOfDsu(db: Db, dsuId: number, day: string, exceptId: number | null) {
  return prep(
    db,
    `SELECT id, number, dispositif, nature, status, requested_on AS requestedOn, decided_on AS decidedOn, amount_cents AS amountCents, granted_cents AS grantedCents
     FROM aid_requests WHERE dsu_id = ? AND requested_on > ? AND requested_on <= ? AND status <> 'brouillon' AND id IS NOT ? ORDER BY requested_on DESC, id DESC`,
  ).all(dsuId, twelveMonthsBefore(day), day, exceptId) as {
    id: number;
    number: string;
    dispositif: string;
    nature: Demande['nature'];
    status: AidStatus;
    requestedOn: string;
    decidedOn: string | null;
    amountCents: number;
    grantedCents: number | null;
  }[];
}

/** The household's latest request with a budget filled in. */
export function lastBudget(db: Db, dsuId: number): { number: string; budget: string; on_: string } | undefined {
  return db
    .prepare(
      `SELECT a.number, t.budget, a.requested_on AS on_ FROM aid_requests a JOIN aid_request_texts t ON t.request_id = a.id
       WHERE a.dsu_id = ? AND t.budget <> '{"resources":[],"charges":[]}' ORDER BY a.requested_on DESC, a.id DESC LIMIT 1`,
    )
    .get(dsuId) as { number: string; budget: string; on_: string } | undefined;
}

export * from './reglements/repo';
import { dispositifLabels, dispositifReglements } from './reglements/repo';

export interface ReplayRow {
  dispositif: string;
  demande: string;
  outcome: string;
  amount: number;
  granted: number | null;
}
/** The requests submitted in `]from, to]` with the demande they were evaluated with. */
export function submittedDemandes(db: Db, from: string, to: string): ReplayRow[] {
  return db
    .prepare(
      `SELECT a.dispositif, t.demande, a.outcome, a.amount_cents AS amount, a.granted_cents AS granted FROM aid_requests a JOIN aid_request_texts t ON t.request_id = a.id
       WHERE t.demande IS NOT NULL AND a.requested_on > ? AND a.requested_on <= ?`,
    )
    .all(from, to) as ReplayRow[];
}

// Reads of other modules' tables (to move behind their index.ts)
// The summaries join the DSU and the person (accounts read apart); decisions and events join users (who
// decided, who acted); the partners' directory is read for a request's origin.

// The people named on a line (référent, instructor, who took it) are read once from the
// accounts (a few dozen rows), not joined on every line: the queue has thousands. The
// request's columns read here are those of the index `aid_requests_waiting` (migration 0010),
// from which the queue is read alone (`waitingSummaries`): a column added here belongs there too.
const SUMMARY_COLUMNS = `SELECT a.id, a.number, d.id AS dsuId, d.number AS dsuNumber,
  coalesce(nullif(p.usage_name, ''), p.birth_name) AS personLast, p.first_names AS personFirst, d.referent_id AS referentId,
  a.dispositif, a.nature, a.amount_cents AS amountCents, a.granted_cents AS grantedCents, a.paid_on AS paidOn, a.status, a.outcome, a.route, a.urgent,
  a.requested_on AS requestedOn, a.submitted_at AS submittedAt, a.taken_by AS takenById, a.appeal_on AS appealOn, a.commission_id AS commissionId,
  coalesce(a.submitted_by, a.created_by) AS instructorId`;
const SUMMARY_JOINS = 'JOIN dsu d ON d.id = a.dsu_id JOIN persons p ON p.id = a.person_id';

type SummaryRow = Omit<AidSummary, 'dsu' | 'urgent' | 'appeal' | 'dispositifLabel' | 'reglementLabel' | 'person' | 'referent' | 'instructor' | 'takenBy'> & {
  dsuId: number;
  dsuNumber: string;
  urgent: number;
  appealOn: string | null;
  personLast: string;
  personFirst: string;
  referentId: number;
  instructorId: number;
  takenById: number | null;
};
/** Built field by field: this runs for every row of a 2,000-row queue. */
const toSummary = (labels: Map<string, string>, names: Map<number, string>, reglements: Map<string, string>) => (r: SummaryRow): AidSummary => ({
  id: r.id,
  number: r.number,
  dsu: { id: r.dsuId, number: r.dsuNumber },
  person: personName({ birthName: r.personLast, firstNames: r.personFirst }),
  referent: names.get(r.referentId) ?? '',
  instructor: names.get(r.instructorId) ?? '',
  dispositif: r.dispositif,
  dispositifLabel: labels.get(r.dispositif) ?? r.dispositif,
  reglementLabel: reglements.get(r.dispositif) ?? '',
  nature: r.nature,
  amountCents: r.amountCents,
  grantedCents: r.grantedCents,
  paidOn: r.paidOn,
  status: r.status,
  outcome: r.outcome,
  route: r.route,
  urgent: r.urgent === 1,
  requestedOn: r.requestedOn,
  submittedAt: r.submittedAt,
  takenBy: r.takenById === null ? null : (names.get(r.takenById) ?? null),
  appeal: r.appealOn !== null,
  commissionId: r.commissionId,
});

/** Every account's display name (disabled ones included: they still name past work). */
function displayNames(db: Db): Map<number, string> {
  return new Map((prep(db, 'SELECT id, display_name AS name FROM users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));
}

export function summaries(db: Db, where: string, order: string, ...params: (string | number)[]): AidSummary[] {
  return (prep(db, `${SUMMARY_COLUMNS} FROM aid_requests a ${SUMMARY_JOINS} WHERE ${where} ORDER BY ${order}`).all(...params) as SummaryRow[]).map(toSummary(dispositifLabels(db), displayNames(db), dispositifReglements(db)));
}

/**
 * The validation queue: the requests waiting for a responsable, urgent first, then the oldest.
 * Read from their own index, which is in that order (no sort) and holds every field shown (the
 * planner, left to itself, prefers the index by status and sorts thousands of wide lines).
 */
export function waitingSummaries(db: Db): AidSummary[] {
  return (
    prep(
      db,
      `${SUMMARY_COLUMNS} FROM aid_requests a INDEXED BY aid_requests_waiting ${SUMMARY_JOINS}
       WHERE a.status IN ('soumise', 'a_valider') ORDER BY a.urgent DESC, a.submitted_at, a.id`,
    ).all() as SummaryRow[]
  ).map(toSummary(dispositifLabels(db), displayNames(db), dispositifReglements(db)));
}

export function decisions(db: Db, requestId: number) {
  const rows = prep(
    db,
    `SELECT d.id, d.body, d.commission_id AS cid, c.held_on AS heldOn, d.decision, d.granted_cents AS grantedCents, d.payment_mode AS paymentMode, d.cheques,
       d.payee_kind AS payeeKind, d.payee_name AS payeeName, d.reasons, d.appeal, d.decided_on AS decidedOn, u.id AS uid, u.display_name AS uname
     FROM aid_decisions d JOIN users u ON u.id = d.decided_by LEFT JOIN commission_sessions c ON c.id = d.commission_id
     WHERE d.request_id = ? ORDER BY d.id`,
  ).all(requestId) as (Pick<DecisionWrite, 'body' | 'decision' | 'grantedCents' | 'paymentMode' | 'cheques' | 'payeeKind' | 'payeeName' | 'reasons' | 'decidedOn'> & {
    id: number;
    cid: number | null;
    heldOn: string | null;
    appeal: number;
    uid: number;
    uname: string;
  })[];
  return rows.map(({ cid, heldOn, uid, uname, appeal, ...d }) => ({
    ...d,
    appeal: appeal === 1,
    commission: cid !== null ? { id: cid, heldOn: heldOn! } : null,
    decidedBy: { id: uid, displayName: uname },
  }));
}

export function events(db: Db, requestId: number) {
  return (
    prep(
      db,
      `SELECT e.at, u.id AS uid, u.display_name AS uname, e.action, e.from_status AS fromStatus, e.to_status AS toStatus, e.comment
       FROM aid_events e JOIN users u ON u.id = e.user_id WHERE e.request_id = ? ORDER BY e.id`,
    ).all(requestId) as { at: string; uid: number; uname: string; action: string; fromStatus: string | null; toStatus: string; comment: string }[]
  ).map(({ uid, uname, ...e }) => ({ ...e, user: { id: uid, displayName: uname } }));
}

export function partnerExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM partners WHERE id = ?').get(id) !== undefined;
}
export function findPartner(db: Db, id: number): { organisation: string; service: string } | undefined {
  return db.prepare('SELECT organisation, service FROM partners WHERE id = ?').get(id) as { organisation: string; service: string } | undefined;
}

/** Names of this module's entities in the audit log. */
export const auditEntities = {
  aid: byIntegerId('aid_requests', 'number'),
  commission: byIntegerId('commission_sessions', "'Séance du ' || strftime('%d/%m/%Y', held_on)"),
  reglement: byIntegerId('reglements', "code || ' v' || version"),
  envelope: (_db: Db, ids: readonly string[]) => new Map(ids.map((id) => [id, id])),
};

/** The latest dated activity of aid requests on each DSU: a request made, a decision taken. */
export function lastActivity(db: Db, dsuIds: readonly number[] | null): Map<number, string> {
  return daysOf(
    db,
    (f) => `SELECT id, max(day) AS day FROM (
       SELECT dsu_id AS id, max(requested_on) AS day FROM aid_requests WHERE ${f('dsu_id')} GROUP BY dsu_id
       UNION ALL SELECT a.dsu_id, max(x.decided_on) FROM aid_requests a JOIN aid_decisions x ON x.request_id = a.id WHERE ${f('a.dsu_id')} GROUP BY a.dsu_id
     ) GROUP BY id`,
    dsuIds,
  );
}
