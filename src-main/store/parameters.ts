/**
 * Legal parameters in the app (DOMAIN §8): the files of `resources/parameters/` plus the
 * entries an administrator added, kept in the encrypted store (migration 0008, in addition
 * only). The only place their SQL lives.
 */
import { lookupWith, type AddedEntry, type ParameterId, type ParameterLookup } from '../shared/parameters';
import { prep, type Db } from './database';

interface Row {
  seq: number;
  parameterId: string;
  from: string;
  value: string;
  source: string;
  addedById: number | null;
  addedByName: string | null;
  addedAt: string;
}

const rowOut = (r: Row): AddedEntry & { parameterId: string } => ({
  seq: r.seq,
  parameterId: r.parameterId,
  from: r.from,
  value: JSON.parse(r.value) as unknown,
  source: r.source,
  addedBy: r.addedById !== null ? { id: r.addedById, displayName: r.addedByName ?? '' } : null,
  addedAt: r.addedAt,
});

const SELECT = `SELECT e.id AS seq, e.parameter_id AS parameterId, e.from_day AS "from", e.value, e.source,
  u.id AS addedById, u.display_name AS addedByName, e.added_at AS addedAt
  FROM parameter_entries e LEFT JOIN users u ON u.id = e.added_by`;

/** The entries added to one parameter, in the order they were added. */
export function addedEntries(db: Db, id: ParameterId): AddedEntry[] {
  return (prep(db, `${SELECT} WHERE e.parameter_id = ? ORDER BY e.id`).all(id) as Row[]).map(rowOut);
}

/** Every added entry, grouped by parameter (in the order they were added). */
export function allAddedEntries(db: Db): Map<string, AddedEntry[]> {
  const out = new Map<string, AddedEntry[]>();
  for (const r of (prep(db, `${SELECT} ORDER BY e.id`).all() as Row[]).map(rowOut)) {
    const list = out.get(r.parameterId) ?? [];
    list.push(r);
    out.set(r.parameterId, list);
  }
  return out;
}

/** Appends an entry (the caller validated it, inside its transaction). */
export function insertParameterEntry(db: Db, e: { id: ParameterId; from: string; value: unknown; source: string; addedBy: number; addedAt: string }): number {
  SNAPSHOTS.delete(db);
  const r = prep(db, 'INSERT INTO parameter_entries (parameter_id, from_day, value, source, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)').run(e.id, e.from, JSON.stringify(e.value), e.source, e.addedBy, e.addedAt);
  return Number(r.lastInsertRowid);
}

/** One lookup per state of the added entries of a store (see `storeParameters`). */
const SNAPSHOTS = new WeakMap<Db, { version: string; lookup: ParameterLookup }>();

/**
 * The app's lookup: the files plus the store's entries, with the same renewal warning. The
 * added entries are read once per state of the table (append only: its highest id and count say
 * when it changed), and the lookup keeps its identity until then, so a result remembered per
 * lookup (a procedure's deadlines) stays true and is recomputed once an entry is added.
 */
export function storeParameters(db: Db): ParameterLookup {
  const v = prep(db, 'SELECT COALESCE(MAX(id), 0) AS top, COUNT(*) AS n FROM parameter_entries').get() as { top: number; n: number };
  const version = `${v.top}:${v.n}`;
  const known = SNAPSHOTS.get(db);
  if (known && known.version === version) return known.lookup;
  const all = allAddedEntries(db);
  const lookup = lookupWith((id) => all.get(id) ?? []);
  SNAPSHOTS.set(db, { version, lookup });
  return lookup;
}
