/**
 * Règlement versions: their SQL (the requests' is in `../repo.ts`, which re-exports these).
 */
import { prep, type Db } from '../../../store/database';
import type { ReglementStatus } from '../kinds';
import { parseReglement, type Reglement } from '../reglement';

export interface ReglementRow {
  id: number;
  code: string;
  version: number;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  status: ReglementStatus;
  importedBy: number | null;
  importedAt: string;
  activatedBy: number | null;
  activatedAt: string | null;
}
const REG_SELECT = `SELECT id, code, version, title, effective_from AS effectiveFrom, effective_to AS effectiveTo, status, imported_by AS importedBy,
  imported_at AS importedAt, activated_by AS activatedBy, activated_at AS activatedAt FROM reglements`;

export function reglementRows(db: Db): ReglementRow[] {
  return db.prepare(`${REG_SELECT} ORDER BY effective_from DESC, version DESC`).all() as ReglementRow[];
}
export function reglementRow(db: Db, id: number): ReglementRow | undefined {
  return prep(db, `${REG_SELECT} WHERE id = ?`).get(id) as ReglementRow | undefined;
}
/**
 * The active versions in force on a day, one per règlement code (each code's latest start not
 * after the day, not ended before it): several règlements apply at once (the département's
 * aid règlement, the FSL's règlement intérieur). The règlement the site has had longest (the
 * one installed with the site) comes first: it is the default of a new request.
 */
export function reglementRowsInForce(db: Db, day: string): ReglementRow[] {
  const rows = prep(
    db,
    `${REG_SELECT} WHERE status = 'actif' AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)
     ORDER BY (SELECT min(o.id) FROM reglements o WHERE o.code = reglements.code), effective_from DESC, version DESC`,
  ).all(day, day) as ReglementRow[];
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.code) && !!seen.add(r.code));
}
/**
 * The active version in force on a day: of the règlement that provides the dispositif when one
 * is named (dispositif codes are unique across règlements), else of the default règlement.
 */
export function reglementRowInForce(db: Db, day: string, dispositif?: string): ReglementRow | undefined {
  const rows = reglementRowsInForce(db, day);
  if (dispositif !== undefined) {
    const owner = rows.find((r) => reglementDoc(db, r.id).dispositifs.some((d) => d.code === dispositif));
    if (owner) return owner;
  }
  return rows[0];
}
/** The règlement code (other than `code`) whose stored versions define one of these dispositifs, if any. */
export function dispositifOwner(db: Db, code: string, dispositifs: readonly string[]): { code: string; dispositif: string } | undefined {
  for (const r of reglementRows(db)) {
    if (r.code === code) continue;
    const hit = reglementDoc(db, r.id).dispositifs.find((d) => dispositifs.includes(d.code));
    if (hit) return { code: r.code, dispositif: hit.code };
  }
  return undefined;
}

const parsedCache = new WeakMap<Db, Map<number, Reglement>>();
/** A stored version, parsed once per connection (stored documents were validated at import). */
export function reglementDoc(db: Db, id: number): Reglement {
  let m = parsedCache.get(db);
  if (!m) parsedCache.set(db, (m = new Map()));
  const hit = m.get(id);
  if (hit) return hit;
  const doc = (prep(db, 'SELECT document FROM reglements WHERE id = ?').get(id) as { document: string }).document;
  const r = parseReglement(JSON.parse(doc));
  if (!r.ok) throw new Error(`stored règlement ${id} no longer validates`);
  m.set(id, r.reglement);
  return r.reglement;
}

/** Dispositif code → label, from every stored version (active ones and later versions win). */
export function dispositifLabels(db: Db): Map<string, string> {
  const rows = reglementRows(db).slice().reverse(); // oldest first
  rows.sort((a, b) => Number(a.status === 'actif') - Number(b.status === 'actif'));
  const m = new Map<string, string>();
  for (const r of rows) for (const d of reglementDoc(db, r.id).dispositifs) m.set(d.code, d.label);
  return m;
}

/**
 * Dispositif code → the short name of its règlement: the title up to its first « — » or « ( »
 * (« Fonds de solidarité pour le logement »), from every stored version (active ones win).
 */
export function dispositifReglements(db: Db): Map<string, string> {
  const rows = reglementRows(db).slice().reverse(); // oldest first
  rows.sort((a, b) => Number(a.status === 'actif') - Number(b.status === 'actif'));
  const m = new Map<string, string>();
  for (const r of rows) {
    const short = r.title.split(/ — | \(/)[0]!.trim() || r.code;
    for (const d of reglementDoc(db, r.id).dispositifs) m.set(d.code, short);
  }
  return m;
}

/** After a draft version is edited, its parsed form is read again. */
export function forgetReglement(db: Db, id: number): void {
  parsedCache.get(db)?.delete(id);
}

/** A version's document as stored. */
export function findReglementDocument(db: Db, id: number): { id: number; document: string } | undefined {
  return db.prepare('SELECT id, document FROM reglements WHERE id = ?').get(id) as { id: number; document: string } | undefined;
}
export function reglementExists(db: Db, code: string, version: number): boolean {
  return !!db.prepare('SELECT 1 FROM reglements WHERE code = ? AND version = ?').get(code, version);
}

export interface ReglementWrite {
  code: string;
  version: number;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  document: string;
}
/** A new version, as a draft. */
export function insertReglement(db: Db, r: ReglementWrite, userId: number, now: Date): number {
  return Number(
    db
      .prepare("INSERT INTO reglements (code, version, title, effective_from, effective_to, document, status, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, 'brouillon', ?, ?)")
      .run(r.code, r.version, r.title, r.effectiveFrom, r.effectiveTo, r.document, userId, now.toISOString()).lastInsertRowid,
  );
}
/** A draft's title, dates and document (its code and version never change). */
export function updateReglement(db: Db, id: number, r: Omit<ReglementWrite, 'code' | 'version'>): void {
  db.prepare('UPDATE reglements SET title = ?, effective_from = ?, effective_to = ?, document = ? WHERE id = ?').run(r.title, r.effectiveFrom, r.effectiveTo, r.document, id);
}
export function activateReglement(db: Db, id: number, userId: number, now: Date): void {
  db.prepare("UPDATE reglements SET status = 'actif', activated_by = ?, activated_at = ? WHERE id = ?").run(userId, now.toISOString(), id);
}

/** How many submitted requests were evaluated under each version. */
export function requestCountsByReglement(db: Db): { id: number; n: number }[] {
  return db.prepare('SELECT reglement_id AS id, count(*) AS n FROM aid_requests WHERE reglement_id IS NOT NULL GROUP BY reglement_id').all() as { id: number; n: number }[];
}
