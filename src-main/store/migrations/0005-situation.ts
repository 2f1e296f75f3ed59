import type { Migration } from './migration';

/**
 * The household's situation in its DSU (DOMAIN §3): housing, resources and budget, employment
 * and insertion, health cover, CAF/MSA number, measures in place, référent de parcours. Each
 * save is a new dated version (`valid_on`, the day it describes); none is ever changed, so the
 * history is the table. The content is one JSON document checked by the contract at the
 * boundary (amounts in cents); `changed` lists the sections that differ from the version
 * before, for the history.
 */
export const m0005Situation: Migration = {
  version: 5,
  name: '0005-situation',
  up(db) {
    db.exec(`
      CREATE TABLE dsu_situations (
        id           INTEGER PRIMARY KEY,
        dsu_id       INTEGER NOT NULL REFERENCES dsu(id),
        valid_on     TEXT NOT NULL CHECK (valid_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        recorded_at  TEXT NOT NULL,
        recorded_by  INTEGER NOT NULL REFERENCES users(id),
        content      TEXT NOT NULL CHECK (json_valid(content) AND json_type(content) = 'object'),
        changed      TEXT NOT NULL CHECK (json_valid(changed) AND json_type(changed) = 'array')
      ) STRICT;
      -- A file's versions, newest first; the latest is the first row.
      CREATE INDEX dsu_situations_by_dsu ON dsu_situations(dsu_id, id);
      -- Versions are history: never rewritten, never deleted one by one.
      CREATE TRIGGER dsu_situations_no_update BEFORE UPDATE ON dsu_situations
        BEGIN SELECT RAISE(ABORT, 'dsu_situations is append-only'); END;
    `);
  },
};
