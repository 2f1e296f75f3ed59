/**
 * The host's kept answers (migration 0017): the key of a workstation's write is recorded in the
 * transaction of that write, so it exists exactly when the write does.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { appendAudit, besideAudit } from '../store/audit';
import { migrate } from '../store/migrations';
import { findAnswer, keepAnswer, markWritten, purgeAnswers } from './repo';

function store() {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

const write = (db: Database.Database, fail: boolean) =>
  besideAudit(
    (d) => markWritten(d, 'cle-1', '2026-11-20T10:00:00.000Z'),
    () =>
      db.transaction(() => {
        db.prepare("INSERT INTO settings (key, value) VALUES ('essai', '1')").run();
        appendAudit(db, { userId: null, action: 'settings.update', entity: 'settings' });
        if (fail) throw new Error('coupure');
      })(),
  );

describe('kept answers', () => {
  it('record the key inside the write’s transaction: a write rolled back leaves no key', () => {
    const db = store();
    expect(() => write(db, true)).toThrow('coupure');
    expect(findAnswer(db, 'cle-1', '2026-11-19T00:00:00.000Z')).toBeUndefined();
    write(db, false);
    expect(findAnswer(db, 'cle-1', '2026-11-19T00:00:00.000Z')).toEqual({ answer: null });
    keepAnswer(db, 'cle-1', '2026-11-20T10:00:01.000Z', '{"ok":true,"value":1}');
    expect(findAnswer(db, 'cle-1', '2026-11-19T00:00:00.000Z')).toEqual({ answer: '{"ok":true,"value":1}' });
  });

  it('are purged after their day, by an index', () => {
    const db = store();
    keepAnswer(db, 'ancienne', '2026-11-18T09:00:00.000Z', '{}');
    keepAnswer(db, 'recente', '2026-11-20T09:00:00.000Z', '{}');
    expect(findAnswer(db, 'ancienne', '2026-11-19T10:00:00.000Z')).toBeUndefined();
    expect(purgeAnswers(db, '2026-11-19T10:00:00.000Z')).toBe(1);
    expect(db.prepare('SELECT id FROM team_answers').all()).toEqual([{ id: 'recente' }]);
    const plan = (db.prepare("EXPLAIN QUERY PLAN DELETE FROM team_answers WHERE at < 'x'").all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toContain('team_answers_by_at');
  });
});
