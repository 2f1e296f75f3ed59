/** Persons and households: the only place their SQL lives (identity level, no social content). */
import { prep, type Db } from '../../store/database';
import type { z } from 'zod';
import type { PersonCard, PersonHit, personFields } from './contract';
import { exactExpression, fold, indexFields, normalizePhone, oneTypoAway, parseQuery, prefixExpression, rankFields, similarNames, type IndexFields, type MatchReason } from './rules';
import { personName } from '../../shared/french';

/** What a person's record holds as the contract writes it (`personFields`), one source. */
export type PersonInput = z.output<z.ZodObject<typeof personFields>>;

export type PersonRow = PersonInput & {
  id: number;
  householdId: number | null;
  role: PersonCard['person']['role'];
  mergedInto: number | null;
};

const PERSON_COLUMNS = `p.id, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, p.sex,
  p.birth_date AS birthDate, p.phone, p.email, p.household_id AS householdId, p.household_role AS role, p.merged_into AS mergedInto`;

export function getPerson(db: Db, id: number): PersonRow | undefined {
  return prep(db, `SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.id = ?`).get(id) as PersonRow | undefined;
}

/** Name as used at the desk: "DUPONT Marie" (usage name first). */
/** NOM Prénom, the one way a person is named (shared/french.ts). */
export const shortName = (p: { birthName: string; usageName: string; firstNames: string }) => personName(p);

export function reindexPerson(db: Db, id: number): void {
  const p = getPerson(db, id);
  db.prepare('DELETE FROM person_search WHERE rowid = ?').run(id);
  if (p && p.mergedInto === null) {
    const f = indexFields(p);
    prep(db, 'INSERT INTO person_search (rowid, birth, usage, first, date, year, phone) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, f.birth, f.usage, f.first, f.date, f.year, f.phone);
    const term = prep(db, 'INSERT OR IGNORE INTO person_terms (term) VALUES (?)');
    for (const w of new Set(`${f.birth} ${f.usage} ${f.first}`.split(' '))) if (w && !/^\d+$/.test(w)) term.run(w);
  }
}

export function createHousehold(db: Db, h: { address: string; addressComplement?: string; postcode: string; communeInsee: string | null }, now: string): number {
  return Number(
    db.prepare('INSERT INTO households (address, address_complement, postcode, commune_insee, created_at) VALUES (?, ?, ?, ?, ?)').run(h.address, h.addressComplement ?? '', h.postcode, h.communeInsee, now).lastInsertRowid,
  );
}

/** `postcode` or `addressComplement` undefined leaves the stored one as it is. */
export function updateHousehold(db: Db, id: number, h: { address: string; addressComplement?: string | undefined; postcode?: string | undefined; communeInsee: string | null }): void {
  db.prepare('UPDATE households SET address = ?, address_complement = coalesce(?, address_complement), postcode = coalesce(?, postcode), commune_insee = ? WHERE id = ?').run(
    h.address,
    h.addressComplement ?? null,
    h.postcode ?? null,
    h.communeInsee,
    id,
  );
}

export function householdExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM households WHERE id = ?').get(id) !== undefined;
}

export function insertPerson(db: Db, p: PersonInput, household: { id: number | null; role: PersonRow['role'] }, now: string): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO persons (birth_name, usage_name, first_names, sex, birth_date, phone, email, household_id, household_role, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.birthName, p.usageName, p.firstNames, p.sex, p.birthDate, normalizePhone(p.phone), p.email, household.id, household.role, now, now).lastInsertRowid,
  );
  reindexPerson(db, id);
  return id;
}

export function updatePerson(db: Db, id: number, p: PersonInput, household: { id: number | null; role: PersonRow['role'] } | null, now: string): void {
  db.prepare(
    `UPDATE persons SET birth_name = ?, usage_name = ?, first_names = ?, sex = ?, birth_date = ?, phone = ?, email = ?, updated_at = ? WHERE id = ?`,
  ).run(p.birthName, p.usageName, p.firstNames, p.sex, p.birthDate, normalizePhone(p.phone), p.email, now, id);
  if (household) setPersonHousehold(db, id, household);
  reindexPerson(db, id);
}

export function setPersonHousehold(db: Db, id: number, household: { id: number | null; role: PersonRow['role'] }): void {
  db.prepare('UPDATE persons SET household_id = ?, household_role = ? WHERE id = ?').run(household.id, household.role, id);
}

// Search ------------------------------------------------------------------------------------

/** `localeCompare`'s own order (default locale and options), built once. */
const collator = new Intl.Collator();

/** Candidates read per stage: enough to rank a page of results, few enough to stay fast. */
const CANDIDATES = 200;
/** When nothing matches, try once more allowing one typo in one word (the longest first). */
const FUZZY_WORDS = 2;
/** Words tried in place of a mistyped one, at most. */
const MAX_TERMS = 40;

type Candidate = IndexFields & { id: number };

/** The records matching an FTS5 expression, with their index row cut by field (all the ranking reads). */
function candidates(db: Db, expr: string, limit: number): Candidate[] {
  return prep(db, 'SELECT rowid AS id, birth, usage, first, date, year, phone FROM person_search WHERE person_search MATCH ? LIMIT ?').all(expr, limit) as Candidate[];
}

/**
 * Words of the index within one typo of `token`. Looked up among words sharing the token's
 * first letter, or its second (a typo in the first letter), in the index's vocabulary.
 */
function termsNear(db: Db, token: string): string[] {
  const heads = [...new Set([token.charAt(0), token.charAt(1)])];
  const out: string[] = [];
  const stmt = prep(db, 'SELECT term FROM person_terms WHERE term >= ? AND term < ? || char(65535) AND length(term) >= ?');
  for (const h of heads) {
    for (const { term } of stmt.all(h, h, token.length - 1) as { term: string }[]) {
      if (oneTypoAway(token, term)) out.push(term);
      if (out.length >= MAX_TERMS) return out;
    }
  }
  return out;
}

/**
 * Search as you type (DOMAIN §2): every token as the beginning of a word, in any order
 * (FTS5 with prefix indexes); when the beginnings are more than a page can rank, the whole
 * words are read first (so that « martin » finds the MARTINs before the MARTINEZs); when
 * nothing matches, the same with one word replaced by the index's words one typo away.
 * Candidates are ranked from their index rows, cut by field (`rankFields`: surname, its
 * beginning, other fields, typos), and each result says why it was found.
 */
export function searchPersons(db: Db, q: string, limit: number): { results: (PersonHit & { reason: MatchReason })[]; truncated: boolean } {
  const parsed = parseQuery(q);
  const scored = new Map<number, { score: number; reason: MatchReason }>();
  const consider = (rows: Candidate[]) => {
    for (const r of rows) {
      if (scored.has(r.id)) continue;
      const s = rankFields(r, parsed);
      if (s) scored.set(r.id, s);
    }
  };
  let capped = false;
  const prefix = prefixExpression(parsed);
  if (prefix) {
    const rows = candidates(db, prefix, CANDIDATES);
    capped = rows.length === CANDIDATES;
    const exact = capped ? exactExpression(parsed) : null;
    if (exact && exact !== prefix) consider(candidates(db, exact, CANDIDATES));
    consider(rows);
  }
  if (scored.size === 0) {
    const longest = parsed.words.filter((w) => w.length >= 4).sort((a, b) => b.length - a.length);
    for (const word of longest.slice(0, FUZZY_WORDS)) {
      const near = termsNear(db, word);
      if (near.length) consider(candidates(db, prefixExpression(parsed, { word, by: near })!, CANDIDATES));
    }
  }
  const ids = [...scored.entries()].sort((a, b) => b[1].score - a[1].score).map(([id]) => id);
  const top = ids.slice(0, limit);
  // Equal scores: alphabetical, as a person reads a list (each name folded once, not at every comparison).
  const keyed = hitsFor(db, top).map((h) => ({ hit: { ...h, reason: scored.get(h.id)!.reason }, score: scored.get(h.id)!.score, name: fold(shortName(h)) }));
  keyed.sort((a, b) => b.score - a.score || collator.compare(a.name, b.name));
  return { results: keyed.map((k) => k.hit), truncated: capped || ids.length > limit };
}

interface HitRow {
  id: number;
  birthName: string;
  usageName: string;
  firstNames: string;
  birthDate: string | null;
  phone: string;
  householdId: number | null;
  commune: string | null;
  dsuId: number | null;
  dsuNumber: string | null;
  dsuStatus: NonNullable<PersonHit['dsu']>['status'] | null;
  referentId: number | null;
  referentName: string | null;
}

export function hitsFor(db: Db, ids: number[]): PersonHit[] {
  if (!ids.length) return [];
  const rows = prep(
    db,
    `SELECT p.id, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, p.birth_date AS birthDate, p.phone,
              p.household_id AS householdId, c.name AS commune, d.id AS dsuId, d.number AS dsuNumber, d.status AS dsuStatus, u.id AS referentId, u.display_name AS referentName
       FROM persons p
       LEFT JOIN households h ON h.id = p.household_id
       LEFT JOIN communes c ON c.insee = h.commune_insee
       LEFT JOIN dsu d ON d.household_id = p.household_id
       LEFT JOIN users u ON u.id = d.referent_id
       WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as HitRow[];
  return rows.map((r) => ({
    id: r.id,
    birthName: r.birthName,
    usageName: r.usageName,
    firstNames: r.firstNames,
    birthDate: r.birthDate,
    phone: r.phone,
    householdId: r.householdId,
    commune: r.commune,
    dsu: r.dsuId !== null && r.dsuNumber && r.referentId !== null && r.dsuStatus ? { id: r.dsuId, number: r.dsuNumber, status: r.dsuStatus, referent: { id: r.referentId, displayName: r.referentName ?? '' } } : null,
  }));
}

// Duplicates --------------------------------------------------------------------------------

export type DuplicateReason = 'same_phone' | 'same_birth_date_close_name' | 'same_name';

/** Likely duplicates (DOMAIN §2): same phone; same birth date and a close name; same names. */
export function findDuplicates(
  db: Db,
  p: { birthName: string; usageName: string; firstNames: string; birthDate: string | null; phone: string },
  excludeId?: number,
): (PersonHit & { reasons: DuplicateReason[] })[] {
  const reasons = new Map<number, Set<DuplicateReason>>();
  const add = (id: number, r: DuplicateReason) => {
    if (id === excludeId) return;
    if (!reasons.has(id)) reasons.set(id, new Set());
    reasons.get(id)!.add(r);
  };
  const phone = normalizePhone(p.phone);
  if (phone.length >= 8) {
    for (const r of db.prepare('SELECT id FROM persons WHERE phone = ? AND merged_into IS NULL').all(phone) as { id: number }[]) add(r.id, 'same_phone');
  }
  const names = `${p.birthName} ${p.usageName}`;
  if (p.birthDate && p.birthName) {
    const rows = db
      .prepare('SELECT id, birth_name AS b, usage_name AS u, first_names AS f FROM persons WHERE birth_date = ? AND merged_into IS NULL')
      .all(p.birthDate) as { id: number; b: string; u: string; f: string }[];
    for (const r of rows) if (similarNames(names, `${r.b} ${r.u}`) && (!p.firstNames || similarNames(p.firstNames, r.f))) add(r.id, 'same_birth_date_close_name');
  }
  const first = fold(p.firstNames).split(' ')[0] ?? '';
  const last = fold(p.birthName);
  if (last.length >= 2 && first.length >= 2) {
    // Every word of the birth name, and the first first name, as whole words.
    const expr = [...last.split(' '), first].map((w) => `"${w.replace(/"/g, '')}"`).join(' AND ');
    for (const r of candidates(db, expr, 50)) add(r.id, 'same_name');
  }
  const hits = hitsFor(db, [...reasons.keys()]);
  return hits.map((h) => ({ ...h, reasons: [...(reasons.get(h.id) ?? [])] }));
}

// Cards -------------------------------------------------------------------------------------

export interface MemberRow extends PersonInput {
  id: number;
  role: PersonRow['role'];
}

export function householdOf(db: Db, householdId: number) {
  const h = db
    .prepare(
      `SELECT h.id, h.address, h.address_complement AS addressComplement, h.postcode, h.commune_insee AS communeInsee, c.name AS communeName
       FROM households h LEFT JOIN communes c ON c.insee = h.commune_insee WHERE h.id = ?`,
    )
    .get(householdId) as { id: number; address: string; addressComplement: string; postcode: string; communeInsee: string | null; communeName: string | null } | undefined;
  if (!h) return null;
  const members = db
    .prepare(
      `SELECT p.id, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, p.sex, p.birth_date AS birthDate, p.phone, p.email, p.household_role AS role
       FROM persons p WHERE p.household_id = ? AND p.merged_into IS NULL
       ORDER BY CASE p.household_role WHEN 'demandeur' THEN 0 WHEN 'conjoint' THEN 1 WHEN 'enfant' THEN 2 ELSE 3 END, p.birth_date`,
    )
    .all(householdId) as MemberRow[];
  return { ...h, members };
}

// Merges ------------------------------------------------------------------------------------

/** Fields a merge may fill on the kept record from the absorbed one: record key → column. */
export const FILLABLE = { usageName: 'usage_name', sex: 'sex', birthDate: 'birth_date', phone: 'phone', email: 'email' } as const;
export type FillableColumn = (typeof FILLABLE)[keyof typeof FILLABLE];

export function setPersonColumn(db: Db, id: number, column: FillableColumn, value: string | null): void {
  db.prepare(`UPDATE persons SET ${column} = ? WHERE id = ?`).run(value, id);
}

/** Marks `id` as merged into `into`, or as a record of its own again when `into` is null. */
export function setMergedInto(db: Db, id: number, into: number | null, now: string): void {
  if (into === null) db.prepare('UPDATE persons SET merged_into = NULL, updated_at = ? WHERE id = ?').run(now, id);
  else db.prepare('UPDATE persons SET merged_into = ?, updated_at = ? WHERE id = ?').run(into, now, id);
}

/** Records a merge; `moves` is the JSON needed to undo it. Returns the merge id. */
export function insertMerge(db: Db, m: { keptId: number; absorbedId: number; moves: string; at: string; byUser: number }): number {
  return Number(
    db.prepare('INSERT INTO person_merges (kept_id, absorbed_id, moves, at, by_user) VALUES (?, ?, ?, ?, ?)').run(m.keptId, m.absorbedId, m.moves, m.at, m.byUser).lastInsertRowid,
  );
}

export interface MergeRow {
  keptId: number;
  absorbedId: number;
  moves: string;
  undoneAt: string | null;
}

export function getMerge(db: Db, id: number): MergeRow | undefined {
  return db.prepare('SELECT kept_id AS keptId, absorbed_id AS absorbedId, moves, undone_at AS undoneAt FROM person_merges WHERE id = ?').get(id) as MergeRow | undefined;
}

/** Whether a merge after `mergeId`, not undone, involves either record. */
export function hasLaterMerge(db: Db, mergeId: number, keptId: number, absorbedId: number): boolean {
  return (
    db.prepare('SELECT 1 FROM person_merges WHERE id > ? AND undone_at IS NULL AND (kept_id IN (?, ?) OR absorbed_id IN (?, ?))').get(mergeId, keptId, absorbedId, keptId, absorbedId) !==
    undefined
  );
}

export function markMergeUndone(db: Db, id: number, now: string, userId: number): void {
  db.prepare('UPDATE person_merges SET undone_at = ?, undone_by = ? WHERE id = ?').run(now, userId, id);
}

export interface MergeSummary {
  id: number;
  kept: { id: number; name: string };
  absorbed: { id: number; name: string };
  at: string;
  by: { id: number; displayName: string };
  undoneAt: string | null;
}

/** The 500 latest merges, newest first. */
export function listMerges(db: Db): MergeSummary[] {
  const rows = db
    .prepare(
      `SELECT m.id, k.id AS kid, k.birth_name AS kb, k.usage_name AS ku, k.first_names AS kf, a.id AS aid, a.birth_name AS ab, a.usage_name AS au, a.first_names AS af,
              m.at, u.id AS uid, u.display_name AS uname, m.undone_at AS undoneAt
       FROM person_merges m JOIN persons k ON k.id = m.kept_id JOIN persons a ON a.id = m.absorbed_id JOIN users u ON u.id = m.by_user
       ORDER BY m.id DESC LIMIT 500`,
    )
    .all() as { id: number; kid: number; kb: string; ku: string; kf: string; aid: number; ab: string; au: string; af: string; at: string; uid: number; uname: string; undoneAt: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    kept: { id: r.kid, name: shortName({ birthName: r.kb, usageName: r.ku, firstNames: r.kf }) },
    absorbed: { id: r.aid, name: shortName({ birthName: r.ab, usageName: r.au, firstNames: r.af }) },
    at: r.at,
    by: { id: r.uid, displayName: r.uname },
    undoneAt: r.undoneAt,
  }));
}

// Other modules' tables (to move behind their index.ts) -----------------------------------

export function communeExists(db: Db, insee: string): boolean {
  return db.prepare('SELECT 1 FROM communes WHERE insee = ?').get(insee) !== undefined;
}

/** A table and column another module declared to the registry as holding a person's id. */
export interface PersonColumn {
  table: string;
  column: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
function checked(ref: PersonColumn): PersonColumn {
  if (!IDENTIFIER.test(ref.table) || !IDENTIFIER.test(ref.column)) throw new Error(`Invalid person reference ${ref.table}.${ref.column}`);
  return ref;
}

/** The ids of the rows of `ref.table` whose `ref.column` is `personId`: what a merge moves. */
export function rowsReferencing(db: Db, ref: PersonColumn, personId: number): number[] {
  const { table, column } = checked(ref);
  return (db.prepare(`SELECT id FROM ${table} WHERE ${column} = ? ORDER BY id`).all(personId) as { id: number }[]).map((r) => r.id);
}

/** The DSUs the person's rows of `ref.table` belong to (through `ref.dsuColumn`). */
export function dsusReferencing(db: Db, ref: PersonColumn & { dsuColumn: string }, personId: number): number[] {
  const { table, column } = checked(ref);
  if (!IDENTIFIER.test(ref.dsuColumn)) throw new Error(`Invalid DSU column ${ref.dsuColumn}`);
  return (db.prepare(`SELECT DISTINCT ${ref.dsuColumn} AS id FROM ${table} WHERE ${column} = ? AND ${ref.dsuColumn} IS NOT NULL`).all(personId) as { id: number }[]).map((r) => r.id);
}

/** Points the listed rows of `ref.table` at `personId`. */
export function pointRowsAt(db: Db, ref: PersonColumn, ids: readonly number[], personId: number): void {
  if (!ids.length) return;
  const { table, column } = checked(ref);
  db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id IN (SELECT value FROM json_each(?))`).run(personId, JSON.stringify(ids));
}

export function dsuRefOfHousehold(db: Db, householdId: number | null): PersonCard['dsu'] {
  if (householdId === null) return null;
  const d = prep(db, 'SELECT d.id, d.number, d.status, u.id AS uid, u.display_name AS uname FROM dsu d JOIN users u ON u.id = d.referent_id WHERE d.household_id = ?').get(householdId) as { id: number; number: string; status: NonNullable<PersonCard['dsu']>['status']; uid: number; uname: string } | undefined;
  return d ? { id: d.id, number: d.number, status: d.status, referent: { id: d.uid, displayName: d.uname } } : null;
}

export function proposedReferents(db: Db, insee: string | null): PersonCard['proposedReferents'] {
  if (!insee) return { sector: null, ass: null, cesf: null };
  const r = db
    .prepare(
      `SELECT s.name AS sector, a.id AS aid, a.display_name AS aname, c.id AS cid, c.display_name AS cname
       FROM communes m LEFT JOIN sectors s ON s.id = m.sector_id
       LEFT JOIN users a ON a.id = s.referent_ass_id AND a.disabled_at IS NULL
       LEFT JOIN users c ON c.id = s.referent_cesf_id AND c.disabled_at IS NULL
       WHERE m.insee = ?`,
    )
    .get(insee) as { sector: string | null; aid: number | null; aname: string | null; cid: number | null; cname: string | null } | undefined;
  if (!r) return { sector: null, ass: null, cesf: null };
  return {
    sector: r.sector,
    ass: r.aid !== null ? { id: r.aid, displayName: r.aname ?? '' } : null,
    cesf: r.cid !== null ? { id: r.cid, displayName: r.cname ?? '' } : null,
  };
}
