/** Names of the audit log's entities, read in one query per entity kind (see the registry's `auditEntities`). */
import type { Db } from './database';

/** id → label of the rows `sql` selects (`id`, `label`), given one `?` bound to the ids' JSON array. */
export function labelsOf(db: Db, sql: string, ids: readonly string[]): Map<string, string> {
  const rows = db.prepare(sql).all(JSON.stringify(ids)) as { id: number | string; label: string }[];
  return new Map(rows.map((r) => [String(r.id), r.label]));
}

/** The usual case: rows of `table` with an integer id, labelled by the SQL expression `label`. */
export const byIntegerId = (table: string, label: string) => (db: Db, ids: readonly string[]) =>
  labelsOf(db, `SELECT id, ${label} AS label FROM ${table} WHERE id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))`, ids);

/** id → day of the rows `sql` selects (`id`, `day`), given each `?` bound to the ids' JSON array
 *  (the registry's `lastActivity`: one grouped query per module). */
export function daysOf(db: Db, sql: string, ids: readonly number[], placeholders = 1): Map<number, string> {
  const rows = db.prepare(sql).all(...Array.from({ length: placeholders }, () => JSON.stringify(ids))) as { id: number; day: string | null }[];
  return new Map(rows.filter((r) => r.day).map((r) => [r.id, r.day!]));
}
