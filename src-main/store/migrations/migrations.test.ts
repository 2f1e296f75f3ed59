import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate } from './index';

function plan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('migrations', () => {
  it('are numbered 1..n without gaps, and migrate() reaches the latest in one go, idempotently', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(migrate(db)).toBe(LATEST_VERSION);
  });

  it('roll back entirely when one step fails', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE site (x)'); // collides with 0001
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'users'").get()).toEqual({ n: 0 });
  });

  it('refuses a database from a newer version with a French message', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/version plus récente/);
  });

  describe('0001-initial', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    it('creates the site, accounts, territory, settings and audit tables', () => {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(['audit_log', 'communes', 'sectors', 'settings', 'site', 'user_roles', 'users']);
    });
    it('keeps the audit log append-only', () => {
      db.prepare("INSERT INTO audit_log (at, action, entity, prev_hash, hash) VALUES ('t', 'a', 'e', 'p', 'h')").run();
      expect(() => db.prepare("UPDATE audit_log SET action = 'b'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    });
    it('checks roles, INSEE codes and the single site row', () => {
      db.prepare("INSERT INTO users (login, display_name, created_at) VALUES ('a', 'A', 't')").run();
      expect(() => db.prepare("INSERT INTO user_roles VALUES (1, 'chef')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO communes (insee, name) VALUES ('821', 'X')").run()).toThrow(/CHECK/);
      db.prepare("INSERT INTO site VALUES (1, 'S', 'C', 't')").run();
      expect(() => db.prepare("INSERT INTO site VALUES (2, 'S', 'C', 't')").run()).toThrow(/CHECK/);
    });
    it('serves audit lookups by entity and communes by sector from indexes', () => {
      expect(plan(db, "SELECT * FROM audit_log WHERE entity = 'user' AND entity_id = '1'")).toContain('USING INDEX audit_by_entity');
      expect(plan(db, 'SELECT * FROM communes WHERE sector_id = 1')).toContain('USING INDEX communes_by_sector');
    });
  });
});
