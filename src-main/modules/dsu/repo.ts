/** The Dossier Social Unique: the only place its SQL lives (DOMAIN §3). */
import { prep, type Db } from '../../store/database';
import type { ConsentOut, DsuOut, JournalEntryOut } from './contract';
import { shortName } from '../persons';
import { byIntegerId, daysOf } from '../../store/labels';

export interface DsuRow {
  id: number;
  number: string;
  householdId: number;
  referentId: number;
  referentName: string;
  status: DsuOut['status'];
  closeReason: DsuOut['closeReason'];
  openedAt: string;
  closedAt: string | null;
  archivedAt: string | null;
  lastContactOn: string;
}

const DSU_SELECT = `SELECT d.id, d.number, d.household_id AS householdId, d.referent_id AS referentId, u.display_name AS referentName,
  d.status, d.close_reason AS closeReason, d.opened_at AS openedAt, d.closed_at AS closedAt, d.archived_at AS archivedAt, d.last_contact_on AS lastContactOn
  FROM dsu d JOIN users u ON u.id = d.referent_id`;

export function getDsu(db: Db, id: number): DsuRow | undefined {
  return prep(db, `${DSU_SELECT} WHERE d.id = ?`).get(id) as DsuRow | undefined;
}

export function dsuOfHousehold(db: Db, householdId: number): DsuRow | undefined {
  return db.prepare(`${DSU_SELECT} WHERE d.household_id = ?`).get(householdId) as DsuRow | undefined;
}

/** `SITE-YYYY-NNNNN`, sequential per site and year of opening (DOMAIN §3). */
export function insertDsu(db: Db, siteCode: string, householdId: number, referentId: number, now: Date, today: string): number {
  const year = now.getFullYear();
  const seq = ((db.prepare('SELECT max(seq) AS m FROM dsu WHERE year = ?').get(year) as { m: number | null }).m ?? 0) + 1;
  const number = `${siteCode}-${year}-${String(seq).padStart(5, '0')}`;
  return Number(
    db
      .prepare('INSERT INTO dsu (number, year, seq, household_id, referent_id, opened_at, last_contact_on) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(number, year, seq, householdId, referentId, now.toISOString(), today).lastInsertRowid,
  );
}

export function touchLastContact(db: Db, dsuId: number, day: string): void {
  prep(db, 'UPDATE dsu SET last_contact_on = ? WHERE id = ? AND last_contact_on < ?').run(day, dsuId, day);
}

export function setStatus(db: Db, id: number, s: { status: DsuRow['status']; closeReason: DsuRow['closeReason']; closedAt: string | null; archivedAt: string | null }): void {
  db.prepare('UPDATE dsu SET status = ?, close_reason = ?, closed_at = ?, archived_at = ? WHERE id = ?').run(s.status, s.closeReason, s.closedAt, s.archivedAt, id);
}

export function setReferent(db: Db, id: number, referentId: number): void {
  db.prepare('UPDATE dsu SET referent_id = ? WHERE id = ?').run(referentId, id);
}

// Access ------------------------------------------------------------------------------------

export function isActiveIntervenant(db: Db, dsuId: number, userId: number): boolean {
  return prep(db, 'SELECT 1 FROM dsu_intervenants WHERE user_id = ? AND dsu_id = ? AND ended_on IS NULL').get(userId, dsuId) !== undefined;
}

export function hasExceptionalAccess(db: Db, dsuId: number, userId: number, nowIso: string): boolean {
  return db.prepare('SELECT 1 FROM exceptional_access WHERE user_id = ? AND dsu_id = ? AND expires_at > ?').get(userId, dsuId, nowIso) !== undefined;
}

export function insertExceptionalAccess(db: Db, dsuId: number, userId: number, reason: string, at: string, expiresAt: string): number {
  return Number(db.prepare('INSERT INTO exceptional_access (dsu_id, user_id, reason, at, expires_at) VALUES (?, ?, ?, ?, ?)').run(dsuId, userId, reason, at, expiresAt).lastInsertRowid);
}

// Lists -------------------------------------------------------------------------------------

interface ListRow {
  id: number;
  number: string;
  birthName: string | null;
  usageName: string | null;
  firstNames: string | null;
  communeInsee: string | null;
  referentId: number;
  status: DsuRow['status'];
  openedAt: string;
  lastContactOn: string;
}

// The holder of each file's household (demandeur, else conjoint, else first member): one lookup in
// the index `persons_holder_by_household` (migration 0010), whose expression the ORDER BY repeats word for word.
// The référent's and the commune's names are read once (`ListNames`), not joined on each of thousands of lines.
const LIST_SELECT = `SELECT d.id, d.number, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, h.commune_insee AS communeInsee,
  d.referent_id AS referentId, d.status, d.opened_at AS openedAt, d.last_contact_on AS lastContactOn
  FROM dsu d
  JOIN households h ON h.id = d.household_id
  LEFT JOIN persons p ON p.id = (SELECT id FROM persons WHERE household_id = d.household_id AND merged_into IS NULL
      ORDER BY CASE household_role WHEN 'demandeur' THEN 0 WHEN 'conjoint' THEN 1 ELSE 2 END, id LIMIT 1)`;

/** Accounts' and communes' names, read once for a whole list. */
interface ListNames {
  users: Map<number, string>;
  communes: Map<string, string>;
}
function listNames(db: Db): ListNames {
  return {
    users: new Map((prep(db, 'SELECT id, display_name AS name FROM users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name])),
    communes: new Map((prep(db, 'SELECT insee, name FROM communes').all() as { insee: string; name: string }[]).map((c) => [c.insee, c.name])),
  };
}

const listShape = (viewer: number, mineIds: Set<number>, names: ListNames) => (r: ListRow) => ({
  id: r.id,
  number: r.number,
  holder: r.birthName ? shortName({ birthName: r.birthName, usageName: r.usageName ?? '', firstNames: r.firstNames ?? '' }) : '—',
  commune: r.communeInsee === null ? null : (names.communes.get(r.communeInsee) ?? null),
  referent: { id: r.referentId, displayName: names.users.get(r.referentId) ?? '' },
  status: r.status,
  openedAt: r.openedAt,
  lastContactOn: r.lastContactOn,
  mine: r.referentId === viewer || mineIds.has(r.id),
});

function intervenantDsuIds(db: Db, userId: number): Set<number> {
  return new Set((db.prepare('SELECT dsu_id AS id FROM dsu_intervenants WHERE user_id = ? AND ended_on IS NULL').all(userId) as { id: number }[]).map((r) => r.id));
}

export function listMine(db: Db, userId: number) {
  const mine = intervenantDsuIds(db, userId);
  const rows = db
    .prepare(`${LIST_SELECT} WHERE d.status <> 'archive' AND (d.referent_id = ? OR d.id IN (SELECT value FROM json_each(?))) ORDER BY d.last_contact_on DESC`)
    .all(userId, JSON.stringify([...mine])) as ListRow[];
  return rows.map(listShape(userId, mine, listNames(db)));
}

/** The site's files (metadata only: number, holder, commune, référent, dates). Archives: responsables only. */
export function listSite(db: Db, userId: number, withArchives: boolean) {
  const mine = intervenantDsuIds(db, userId);
  // The whole table is read: one pass then a sort (`+`) beats walking the numbers' index and reaching each row from it.
  const rows = db.prepare(`${LIST_SELECT} ${withArchives ? '' : "WHERE d.status <> 'archive'"} ORDER BY +d.number DESC`).all() as ListRow[];
  return rows.map(listShape(userId, mine, listNames(db)));
}

export function listRetention(db: Db, userId: number, limitDay: string) {
  const rows = db.prepare(`${LIST_SELECT} WHERE d.status IN ('actif', 'clos') AND d.last_contact_on < ? ORDER BY d.last_contact_on`).all(limitDay) as ListRow[];
  return rows.map(listShape(userId, new Set(), listNames(db)));
}

// Journal -----------------------------------------------------------------------------------

interface EntryRow {
  id: number;
  occurredOn: string;
  type: JournalEntryOut['type'];
  field: JournalEntryOut['field'];
  summary: string;
  restrictedNote: string | null;
  partnerId: number | null;
  partnerName: string | null;
  appointmentId: number | null;
  createdAt: string;
  authors: string;
}

const ENTRY_SELECT = `SELECT j.id, j.occurred_on AS occurredOn, j.type, j.field, j.summary, j.restricted_note AS restrictedNote,
  j.partner_id AS partnerId, pa.organisation || CASE WHEN pa.service <> '' THEN ' — ' || pa.service ELSE '' END AS partnerName,
  j.appointment_id AS appointmentId, j.created_at AS createdAt,
  (SELECT json_group_array(json_object('id', u.id, 'displayName', u.display_name)) FROM journal_authors ja JOIN users u ON u.id = ja.user_id WHERE ja.dsu_id = j.dsu_id AND ja.entry_id = j.id) AS authors
  FROM journal j LEFT JOIN partners pa ON pa.id = j.partner_id`;

/** Restricted notes are shown to their authors and the référent only (DOMAIN §3). */
function entryShape(viewerId: number, referentId: number) {
  return (r: EntryRow): JournalEntryOut => {
    const authors = JSON.parse(r.authors) as { id: number; displayName: string }[];
    const mayRead = viewerId === referentId || authors.some((a) => a.id === viewerId);
    const has = r.restrictedNote !== null && r.restrictedNote !== '';
    return {
      id: r.id,
      occurredOn: r.occurredOn,
      type: r.type,
      field: r.field,
      summary: r.summary,
      restrictedNote: has && mayRead ? r.restrictedNote : null,
      restrictedHidden: has && !mayRead,
      authors,
      partner: r.partnerId !== null ? { id: r.partnerId, name: r.partnerName ?? '' } : null,
      appointmentId: r.appointmentId,
      createdAt: r.createdAt,
    };
  };
}

export function journalPage(db: Db, dsuId: number, viewerId: number, referentId: number, beforeId: number | null, limit = 50) {
  const rows = (
    beforeId === null
      ? prep(db, `${ENTRY_SELECT} WHERE j.dsu_id = ? ORDER BY j.occurred_on DESC, j.id DESC LIMIT ?`).all(dsuId, limit + 1)
      : db
          .prepare(
            `${ENTRY_SELECT} WHERE j.dsu_id = ? AND (j.occurred_on, j.id) < (SELECT occurred_on, id FROM journal WHERE id = ?) ORDER BY j.occurred_on DESC, j.id DESC LIMIT ?`,
          )
          .all(dsuId, beforeId, limit + 1)
  ) as EntryRow[];
  return { entries: rows.slice(0, limit).map(entryShape(viewerId, referentId)), more: rows.length > limit };
}

export function getEntry(db: Db, id: number, viewerId: number, referentId: number): JournalEntryOut | undefined {
  const r = db.prepare(`${ENTRY_SELECT} WHERE j.id = ?`).get(id) as EntryRow | undefined;
  return r ? entryShape(viewerId, referentId)(r) : undefined;
}

export function insertEntry(
  db: Db,
  e: { dsuId: number; occurredOn: string; type: string; field: string | null; summary: string; restrictedNote: string | null; partnerId: number | null; appointmentId: number | null; createdBy: number; authors: number[] },
  now: string,
): number {
  // The journal is clustered by file (no rowid): ids are allocated here, inside the caller's transaction.
  const id = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM journal').get() as { id: number }).id;
  db.prepare(
    `INSERT INTO journal (id, dsu_id, occurred_on, type, field, summary, restricted_note, partner_id, appointment_id, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, e.dsuId, e.occurredOn, e.type, e.field, e.summary, e.restrictedNote, e.partnerId, e.appointmentId, e.createdBy, now);
  const add = db.prepare('INSERT OR IGNORE INTO journal_authors (dsu_id, entry_id, user_id) VALUES (?, ?, ?)');
  for (const a of e.authors) add.run(e.dsuId, id, a);
  return id;
}

// Intervenants, documents, consents, first contacts, exceptional accesses -------------------------

export function intervenants(db: Db, dsuId: number): DsuOut['intervenants'] {
  const rows = db
    .prepare(
      `SELECT i.id, i.user_id AS userId, u.display_name AS userName, i.external_name AS externalName, i.mission, i.started_on AS startedOn, i.ended_on AS endedOn
       FROM dsu_intervenants i LEFT JOIN users u ON u.id = i.user_id WHERE i.dsu_id = ? ORDER BY i.ended_on IS NOT NULL, i.started_on`,
    )
    .all(dsuId) as { id: number; userId: number | null; userName: string | null; externalName: string | null; mission: string; startedOn: string; endedOn: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    user: r.userId !== null ? { id: r.userId, displayName: r.userName ?? '' } : null,
    externalName: r.externalName,
    mission: r.mission,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
  }));
}

export function insertIntervenant(db: Db, i: { dsuId: number; userId: number | null; externalName: string | null; mission: string; startedOn: string }): number {
  return Number(
    db
      .prepare('INSERT INTO dsu_intervenants (dsu_id, user_id, external_name, mission, started_on) VALUES (?, ?, ?, ?, ?)')
      .run(i.dsuId, i.userId, i.externalName, i.mission, i.startedOn).lastInsertRowid,
  );
}

export function getIntervenant(db: Db, id: number): { dsuId: number; endedOn: string | null } | undefined {
  return db.prepare('SELECT dsu_id AS dsuId, ended_on AS endedOn FROM dsu_intervenants WHERE id = ?').get(id) as { dsuId: number; endedOn: string | null } | undefined;
}

export function endIntervenant(db: Db, id: number, endedOn: string): void {
  db.prepare('UPDATE dsu_intervenants SET ended_on = ? WHERE id = ?').run(endedOn, id);
}

export function documents(db: Db, dsuId: number): DsuOut['documents'] {
  const rows = db
    .prepare(
      `SELECT d.id, d.kind, d.title, d.doc_date AS docDate, d.mime, d.size, u.id AS uid, u.display_name AS uname, d.uploaded_at AS uploadedAt
       FROM documents d JOIN users u ON u.id = d.uploaded_by WHERE d.dsu_id = ? ORDER BY d.doc_date DESC, d.id DESC`,
    )
    .all(dsuId) as { id: number; kind: DsuOut['documents'][number]['kind']; title: string; docDate: string; mime: string; size: number; uid: number; uname: string; uploadedAt: string }[];
  return rows.map(({ uid, uname, ...r }) => ({ ...r, uploadedBy: { id: uid, displayName: uname } }));
}

export function insertDocument(
  db: Db,
  d: { dsuId: number; kind: string; title: string; docDate: string; mime: string; size: number; sha256: string; content: Buffer; uploadedBy: number; uploadedAt: string },
): number {
  return Number(
    db
      .prepare('INSERT INTO documents (dsu_id, kind, title, doc_date, mime, size, sha256, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(d.dsuId, d.kind, d.title, d.docDate, d.mime, d.size, d.sha256, d.content, d.uploadedBy, d.uploadedAt).lastInsertRowid,
  );
}

/** One document with its content, for download. */
export function getDocumentFile(db: Db, id: number): { dsuId: number; title: string; mime: string; content: Buffer } | undefined {
  return db.prepare('SELECT dsu_id AS dsuId, title, mime, content FROM documents WHERE id = ?').get(id) as { dsuId: number; title: string; mime: string; content: Buffer } | undefined;
}

/** The contents of all a DSU's documents, for the JSON export. */
export function documentContents(db: Db, dsuId: number): { id: number; content: Buffer }[] {
  return db.prepare('SELECT id, content FROM documents WHERE dsu_id = ?').all(dsuId) as { id: number; content: Buffer }[];
}

const CONSENT_SELECT = `SELECT c.id, c.person_id AS personId, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames,
  c.recipient_partner_id AS partnerId, c.recipient_label AS recipient, c.scope, c.form, c.given_on AS givenOn, c.withdrawn_on AS withdrawnOn
  FROM consents c JOIN persons p ON p.id = c.person_id`;

type ConsentRow = Omit<ConsentOut, 'person'> & { personId: number; birthName: string; usageName: string; firstNames: string };
const consentShape = ({ personId, birthName, usageName, firstNames, ...r }: ConsentRow): ConsentOut => ({
  ...r,
  person: { id: personId, name: shortName({ birthName, usageName, firstNames }) },
});

export function consents(db: Db, dsuId: number): ConsentOut[] {
  return (db.prepare(`${CONSENT_SELECT} WHERE c.dsu_id = ? ORDER BY c.given_on DESC, c.id DESC`).all(dsuId) as ConsentRow[]).map(consentShape);
}

export function getConsent(db: Db, id: number): (ConsentOut & { dsuId: number }) | undefined {
  const r = db.prepare(`${CONSENT_SELECT.replace('SELECT c.id,', 'SELECT c.id, c.dsu_id AS dsuId,')} WHERE c.id = ?`).get(id) as (ConsentRow & { dsuId: number }) | undefined;
  if (!r) return undefined;
  const { dsuId, ...rest } = r;
  return { ...consentShape(rest), dsuId };
}

export function insertConsent(
  db: Db,
  c: { dsuId: number; personId: number; partnerId: number | null; recipient: string; scope: string; form: string; givenOn: string; recordedBy: number; recordedAt: string },
): number {
  return Number(
    db
      .prepare(
        'INSERT INTO consents (dsu_id, person_id, recipient_partner_id, recipient_label, scope, form, given_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(c.dsuId, c.personId, c.partnerId, c.recipient, c.scope, c.form, c.givenOn, c.recordedBy, c.recordedAt).lastInsertRowid,
  );
}

export function withdrawConsent(db: Db, id: number, withdrawnOn: string, withdrawnBy: number): void {
  db.prepare('UPDATE consents SET withdrawn_on = ?, withdrawn_by = ? WHERE id = ?').run(withdrawnOn, withdrawnBy, id);
}

export function exceptionalAccesses(db: Db, dsuId: number): DsuOut['exceptionalAccesses'] {
  const rows = db
    .prepare(
      `SELECT e.id, u.id AS uid, u.display_name AS uname, e.reason, e.at FROM exceptional_access e JOIN users u ON u.id = e.user_id
       WHERE e.dsu_id = ? ORDER BY e.at DESC LIMIT 100`,
    )
    .all(dsuId) as { id: number; uid: number; uname: string; reason: string; at: string }[];
  return rows.map((r) => ({ id: r.id, user: { id: r.uid, displayName: r.uname }, reason: r.reason, at: r.at }));
}

// Other modules' tables (to move behind their index.ts) -------------------------------------

export function partnerExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM partners WHERE id = ?').get(id) !== undefined;
}

/** An existing partner's organisation and service (service '' when none). */
export function partnerNames(db: Db, id: number): { organisation: string; service: string } {
  return db.prepare('SELECT organisation, service FROM partners WHERE id = ?').get(id) as { organisation: string; service: string };
}

/** Names of this module's entities in the audit log. */
export const auditEntities = { dsu: byIntegerId('dsu', 'number') };

/**
 * The latest dated activity of the DSU's own records that do not move its recorded last
 * contact: documents kept and consents (given or withdrawn). Journal entries, reopenings,
 * first contacts and honoured appointments move it when they are written (`touchLastContact`).
 */
export function ownActivity(db: Db, dsuIds: readonly number[] | null): Map<number, string> {
  return daysOf(
    db,
    (f) => `SELECT id, max(day) AS day FROM (
       SELECT dsu_id AS id, max(date(uploaded_at, 'localtime')) AS day FROM documents WHERE ${f('dsu_id')} GROUP BY dsu_id
       UNION ALL SELECT dsu_id, max(max(given_on, coalesce(withdrawn_on, ''))) FROM consents WHERE ${f('dsu_id')} GROUP BY dsu_id
     ) GROUP BY id`,
    dsuIds,
  );
}

/** The active files a professional is référent of, with their recorded last contact (for "Mes échéances"). */
export function activeOfReferent(db: Db, userId: number): { id: number; number: string; lastContactOn: string }[] {
  return db.prepare("SELECT id, number, last_contact_on AS lastContactOn FROM dsu WHERE referent_id = ? AND status = 'actif'").all(userId) as { id: number; number: string; lastContactOn: string }[];
}

/** The DSU of a person's household, with what the person's export shows of it. */
export function dsuOfPerson(db: Db, personId: number) {
  return db
    .prepare(
      `SELECT d.id, d.number, d.status, d.opened_at AS openedAt, d.closed_at AS closedAt, u.display_name AS referent
       FROM persons p JOIN dsu d ON d.household_id = p.household_id JOIN users u ON u.id = d.referent_id WHERE p.id = ?`,
    )
    .get(personId) as { id: number; number: string; status: string; openedAt: string; closedAt: string | null; referent: string } | undefined;
}

/** The journal of a DSU without its restricted notes (the export is for the person), oldest first. */
export function journalForExport(db: Db, dsuId: number) {
  return db
    .prepare(
      `SELECT j.occurred_on AS occurredOn, j.type, j.field, j.summary,
              (SELECT group_concat(u.display_name, ' et ') FROM journal_authors a JOIN users u ON u.id = a.user_id WHERE a.dsu_id = j.dsu_id AND a.entry_id = j.id) AS authors
       FROM journal j WHERE j.dsu_id = ? ORDER BY j.occurred_on, j.id`,
    )
    .all(dsuId) as { occurredOn: string; type: string; field: string | null; summary: string; authors: string | null }[];
}

/** A person's consents to information sharing, for their export. */
export function consentsOfPerson(db: Db, personId: number) {
  return db
    .prepare('SELECT recipient_label AS recipient, scope, form, given_on AS givenOn, withdrawn_on AS withdrawnOn FROM consents WHERE person_id = ? ORDER BY given_on')
    .all(personId) as { recipient: string; scope: string; form: string; givenOn: string; withdrawnOn: string | null }[];
}

/** The documents kept in a DSU (their description, not their content), for the export. */
export function documentsForExport(db: Db, dsuId: number) {
  return db.prepare('SELECT kind, title, doc_date AS docDate FROM documents WHERE dsu_id = ? ORDER BY doc_date').all(dsuId) as { kind: string; title: string; docDate: string }[];
}

/** Files active at some point of the period (opened before its end, not closed before its start), and opened in it. */
export function periodCounts(db: Db, from: string, to: string): { active: number; opened: number } {
  return db
    .prepare(
      `SELECT count(*) AS active, coalesce(sum(substr(opened_at, 1, 10) >= @from), 0) AS opened FROM dsu
       WHERE substr(opened_at, 1, 10) <= @to AND (closed_at IS NULL OR substr(closed_at, 1, 10) >= @from)`,
    )
    .get({ from, to }) as { active: number; opened: number };
}

// The household's situation (DOMAIN §3): dated versions, never rewritten ----------------------

interface SituationRow {
  id: number;
  dsuId: number;
  validOn: string;
  recordedAt: string;
  userId: number;
  userName: string;
  content: string;
  changed: string;
}

const SITUATION_SELECT = `SELECT s.id, s.dsu_id AS dsuId, s.valid_on AS validOn, s.recorded_at AS recordedAt, s.recorded_by AS userId, u.display_name AS userName, s.content, s.changed
  FROM dsu_situations s JOIN users u ON u.id = s.recorded_by`;

export interface SituationVersionRow {
  id: number;
  dsuId: number;
  validOn: string;
  recordedAt: string;
  recordedBy: { id: number; displayName: string };
  changed: string[];
  content: string;
}

const situationShape = (r: SituationRow): SituationVersionRow => ({
  id: r.id,
  dsuId: r.dsuId,
  validOn: r.validOn,
  recordedAt: r.recordedAt,
  recordedBy: { id: r.userId, displayName: r.userName },
  changed: JSON.parse(r.changed) as string[],
  content: r.content,
});

/** Every version of a file's situation, newest first. */
export function situationVersions(db: Db, dsuId: number): SituationVersionRow[] {
  return (prep(db, `${SITUATION_SELECT} WHERE s.dsu_id = ? ORDER BY s.id DESC`).all(dsuId) as SituationRow[]).map(situationShape);
}

export function situationVersion(db: Db, id: number): SituationVersionRow | undefined {
  const r = prep(db, `${SITUATION_SELECT} WHERE s.id = ?`).get(id) as SituationRow | undefined;
  return r ? situationShape(r) : undefined;
}

export function latestSituation(db: Db, dsuId: number): SituationVersionRow | undefined {
  const r = prep(db, `${SITUATION_SELECT} WHERE s.dsu_id = ? ORDER BY s.id DESC LIMIT 1`).get(dsuId) as SituationRow | undefined;
  return r ? situationShape(r) : undefined;
}

export function insertSituation(db: Db, s: { dsuId: number; validOn: string; recordedAt: string; recordedBy: number; content: string; changed: string }): number {
  return Number(
    prep(db, 'INSERT INTO dsu_situations (dsu_id, valid_on, recorded_at, recorded_by, content, changed) VALUES (?, ?, ?, ?, ?, ?)').run(
      s.dsuId,
      s.validOn,
      s.recordedAt,
      s.recordedBy,
      s.content,
      s.changed,
    ).lastInsertRowid,
  );
}

