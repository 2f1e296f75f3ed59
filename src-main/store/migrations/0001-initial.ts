import type { Migration } from './migration';

/** Site, territory, users and roles, settings, and the hash-chained audit log. */
export const m0001Initial: Migration = {
  version: 1,
  name: '0001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE site (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        name        TEXT NOT NULL,
        code        TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id                    INTEGER PRIMARY KEY,
        login                 TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name          TEXT NOT NULL,
        must_change_password  INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        disabled_at           TEXT,
        created_at            TEXT NOT NULL
      ) STRICT;

      CREATE TABLE user_roles (
        user_id  INTEGER NOT NULL REFERENCES users(id),
        role     TEXT NOT NULL CHECK (role IN ('secretaire', 'ass', 'cesf', 'responsable', 'admin')),
        PRIMARY KEY (user_id, role)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sectors (
        id                  INTEGER PRIMARY KEY,
        name                TEXT NOT NULL UNIQUE COLLATE NOCASE,
        referent_ass_id     INTEGER REFERENCES users(id),
        referent_cesf_id    INTEGER REFERENCES users(id)
      ) STRICT;

      -- The site's territory: each commune (INSEE code) and, once mapped, its sector.
      CREATE TABLE communes (
        insee      TEXT PRIMARY KEY CHECK (length(insee) = 5),
        name       TEXT NOT NULL,
        sector_id  INTEGER REFERENCES sectors(id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX communes_by_sector ON communes(sector_id);

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;

      -- Append-only; each row carries the hash of the previous one (ARCHITECTURE "Audit log").
      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        user_id     INTEGER,
        action      TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_id   TEXT,
        detail      TEXT NOT NULL DEFAULT '{}',
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);
      CREATE INDEX audit_by_user ON audit_log(user_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
