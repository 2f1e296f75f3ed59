/** The host's kept answers to workstations' writes (migration 0017, src-main/team/idempotency.ts). */
import { prep, type Db } from '../store/database';

/** In the transaction of the write: the key is known to have written, its answer comes next. */
export function markWritten(db: Db, id: string, at: string): void {
  prep(db, 'INSERT OR IGNORE INTO team_answers (id, at, answer) VALUES (?, ?, NULL)').run(id, at);
}

export function keepAnswer(db: Db, id: string, at: string, answer: string): void {
  prep(db, 'INSERT INTO team_answers (id, at, answer) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET answer = excluded.answer').run(id, at, answer);
}

/** The kept row of `id` not older than `since`: its answer, null when only the write is known. */
export function findAnswer(db: Db, id: string, since: string): { answer: string | null } | undefined {
  return prep(db, 'SELECT answer FROM team_answers WHERE id = ? AND at >= ?').get(id, since) as { answer: string | null } | undefined;
}

export function purgeAnswers(db: Db, before: string): number {
  return prep(db, 'DELETE FROM team_answers WHERE at < ?').run(before).changes;
}

/**
 * A person erased (end of retention): the kept answers may name them, so each forgets its
 * content and keeps only that its write was done — a retry is still not written twice.
 */
export function forgetAnswers(db: Db): number {
  return prep(db, 'UPDATE team_answers SET answer = NULL WHERE answer IS NOT NULL').run().changes;
}
