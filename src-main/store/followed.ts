/**
 * What the registry modules' files (surendettement, prévention des expulsions) read alike: the
 * holder of the household of the file's DSU, and the files a professional follows.
 */
import { prep, type Db } from './database';

/**
 * The holder of the household of the DSU `d` (its demandeur, else its conjoint, else its first
 * member), joined as `p`: one lookup in the index `persons_holder_by_household` (migration
 * 0010), whose expression the ORDER BY repeats word for word.
 */
export const HOLDER_JOIN = `LEFT JOIN persons p ON p.id = (SELECT id FROM persons WHERE household_id = d.household_id AND merged_into IS NULL
      ORDER BY CASE household_role WHEN 'demandeur' THEN 0 WHEN 'conjoint' THEN 1 ELSE 2 END, id LIMIT 1)`;

/**
 * The SELECT of a registry module's files (`table`, read as `f`): what every such file has
 * (its DSU `d`, its référent `u`, the holder `p` of the household), then `columns` of its own
 * (each followed by a comma).
 */
export function fileSelect(table: string, columns: string): string {
  return `SELECT f.id, f.dsu_id AS dsuId, d.number AS dsuNumber, d.status AS dsuStatus,
  f.referent_id AS referentId, u.display_name AS referentName, f.status, f.opened_on AS openedOn,
  ${columns}
  p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames
  FROM ${table} f
  JOIN dsu d ON d.id = f.dsu_id
  JOIN users u ON u.id = f.referent_id
  ${HOLDER_JOIN}`;
}

/** One file by its id (`select` from `fileSelect`). */
export const fileById = <T>(db: Db, select: string, id: number): T | undefined => prep(db, `${select} WHERE f.id = ?`).get(id) as T | undefined;

/** The files of a DSU, newest first. */
export const filesOfDsu = <T>(db: Db, select: string, dsuId: number): T[] => prep(db, `${select} WHERE f.dsu_id = ? ORDER BY f.id DESC`).all(dsuId) as T[];

/**
 * The files a professional follows, newest first: those they are the référent of, and those of
 * the DSU they hold (référent or active co-intervenant, the DSU not archived); every file of the
 * site for `all` (a responsable). `select` from `fileSelect`.
 */
export function followedBy<T>(db: Db, select: string, userId: number, all: boolean, closed: boolean): T[] {
  const status = closed ? 'clos' : 'ouvert';
  if (all) return prep(db, `${select} WHERE f.status = ? ORDER BY f.id DESC`).all(status) as T[];
  return prep(
    db,
    `${select} WHERE f.status = ? AND d.status <> 'archive' AND (f.referent_id = ? OR d.referent_id = ?
       OR f.dsu_id IN (SELECT dsu_id FROM dsu_intervenants WHERE user_id = ? AND ended_on IS NULL)) ORDER BY f.id DESC`,
  ).all(status, userId, userId, userId) as T[];
}
