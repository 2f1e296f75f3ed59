/** Names of the audit log's entities, read in one query per entity kind (see the registry's `auditEntities`). */
import { prep, type Db } from './database';

/** id → label of the rows `sql` selects (`id`, `label`), given one `?` bound to the ids' JSON array. */
export function labelsOf(db: Db, sql: string, ids: readonly string[]): Map<string, string> {
  const rows = prep(db, sql).all(JSON.stringify(ids)) as { id: number | string; label: string }[];
  return new Map(rows.map((r) => [String(r.id), r.label]));
}

/** The usual case: rows of `table` with an integer id, labelled by the SQL expression `label`. */
export const byIntegerId = (table: string, label: string) => (db: Db, ids: readonly string[]) =>
  labelsOf(db, `SELECT id, ${label} AS label FROM ${table} WHERE id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))`, ids);

/**
 * id → day of the rows a grouped query selects (`id`, `day`), for the listed ids or, with
 * `null`, for all of them (the registry's `lastActivity` on a whole site's list costs the
 * size of the module's table, not of the list). `sql` receives the filter to put on a column.
 */
export function daysOf(db: Db, sql: (filter: (column: string) => string) => string, ids: readonly number[] | null): Map<number, string> {
  let placeholders = 0;
  const text = sql((column) => {
    if (!/^[a-z_.]+$/.test(column)) throw new Error(`invalid column ${column}`);
    if (ids === null) return `${column} IS NOT NULL`;
    placeholders++;
    return `${column} IN (SELECT value FROM json_each(?))`;
  });
  const list = JSON.stringify(ids ?? []);
  const rows = prep(db, text).all(...Array.from({ length: placeholders }, () => list)) as { id: number; day: string | null }[];
  return new Map(rows.filter((r) => r.day).map((r) => [r.id, r.day!]));
}
