import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { HOLDER_JOIN } from './followed';
import { migrate } from './migrations';

describe('the holder of a file’s household', () => {
  it('is found through the covering index of migration 0010, without reading or sorting the members', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT d.id, p.birth_name FROM dsu d ${HOLDER_JOIN}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain('USING COVERING INDEX persons_holder_by_household');
    expect(plan).not.toContain('TEMP B-TREE');
    db.close();
  });
});
