/**
 * Persons without a DSU (*ponctuels*, DOMAIN §3) at the end of retention: who they are, and
 * their deletion with the rows the modules declared purgeable (first contacts, appointments).
 */
import type { Db } from '../../../store/database';
import { daysOf } from '../../../store/labels';

export interface PonctuelRow {
  id: number;
  birthName: string;
  usageName: string;
  firstNames: string;
  householdId: number | null;
  createdOn: string;
}

/** Live persons whose household has no DSU (or who have none), recorded before `limitDay`. */
export function ponctuelCandidates(db: Db, limitDay: string): PonctuelRow[] {
  return db
    .prepare(
      `SELECT p.id, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, p.household_id AS householdId, date(p.created_at, 'localtime') AS createdOn
       FROM persons p
       WHERE p.merged_into IS NULL AND date(p.created_at, 'localtime') < ?
         AND (p.household_id IS NULL OR NOT EXISTS (SELECT 1 FROM dsu d WHERE d.household_id = p.household_id))
       ORDER BY p.created_at`,
    )
    .all(limitDay) as PonctuelRow[];
}

/** The person's own last change, and the records merged into it (they go with it). */
export function ownActivity(db: Db, personIds: readonly number[]): Map<number, string> {
  return daysOf(
    db,
    (f) => `SELECT coalesce(merged_into, id) AS id, max(date(updated_at, 'localtime')) AS day FROM persons
     WHERE ${f('id')} OR ${f('merged_into')} GROUP BY coalesce(merged_into, id)`,
    personIds,
  );
}

/** How many rows of `table` point at the person through `column` (identifiers come from the registry). */
export function countReferencing(db: Db, ref: { table: string; column: string }, personIds: readonly number[]): number {
  if (!/^[a-z_]+$/.test(ref.table) || !/^[a-z_]+$/.test(ref.column)) throw new Error('invalid reference');
  return (db.prepare(`SELECT count(*) AS n FROM ${ref.table} WHERE ${ref.column} IN (SELECT value FROM json_each(?))`).get(JSON.stringify(personIds)) as { n: number }).n;
}

export function deleteReferencing(db: Db, ref: { table: string; column: string }, personIds: readonly number[]): void {
  if (!/^[a-z_]+$/.test(ref.table) || !/^[a-z_]+$/.test(ref.column)) throw new Error('invalid reference');
  db.prepare(`DELETE FROM ${ref.table} WHERE ${ref.column} IN (SELECT value FROM json_each(?))`).run(JSON.stringify(personIds));
}

/** The person and the records merged into it: ids to delete together. */
export function withAbsorbed(db: Db, personId: number): number[] {
  return [personId, ...(db.prepare('SELECT id FROM persons WHERE merged_into = ?').all(personId) as { id: number }[]).map((r) => r.id)];
}

/** Deletes persons (search index, merges' log, records), then their household when nothing points at it any more. */
export function deletePersons(db: Db, ids: readonly number[], householdId: number | null): void {
  const list = JSON.stringify(ids);
  db.prepare('DELETE FROM person_search WHERE rowid IN (SELECT value FROM json_each(?))').run(list);
  db.prepare('DELETE FROM person_merges WHERE kept_id IN (SELECT value FROM json_each(?)) OR absorbed_id IN (SELECT value FROM json_each(?))').run(list, list);
  db.prepare('UPDATE persons SET merged_into = NULL WHERE id IN (SELECT value FROM json_each(?))').run(list);
  db.prepare('DELETE FROM persons WHERE id IN (SELECT value FROM json_each(?))').run(list);
  // The household goes when nothing points at it any more (no member, no file, no record of any
  // module): foreign keys say so, whatever the modules are; otherwise it stays.
  if (householdId !== null) {
    try {
      db.transaction(() => db.prepare('DELETE FROM households WHERE id = ? AND NOT EXISTS (SELECT 1 FROM persons WHERE household_id = ?)').run(householdId, householdId))();
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw e;
    }
  }
}
