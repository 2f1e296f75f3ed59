import type { Migration } from './migration';

/**
 * Legal parameters (DOMAIN §8): the entries an administrator adds to those shipped in
 * `resources/parameters/` (a new year's barème, a revalued RSA), with their source, who added
 * them and when. In addition only: an entry is never edited nor deleted; a correction is a new
 * entry on the same day, which replaces the earlier one in computations while both stay in
 * the history.
 */
export const m0008Parametres: Migration = {
  version: 8,
  name: '0008-parametres',
  up(db) {
    db.exec(`
      CREATE TABLE parameter_entries (
        id            INTEGER PRIMARY KEY,
        parameter_id  TEXT NOT NULL CHECK (length(parameter_id) > 0),
        from_day      TEXT NOT NULL CHECK (from_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        value         TEXT NOT NULL CHECK (json_valid(value)),
        source        TEXT NOT NULL CHECK (length(source) > 0),
        added_by      INTEGER NOT NULL REFERENCES users(id),
        added_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX parameter_entries_by_parameter ON parameter_entries(parameter_id, from_day);
      CREATE TRIGGER parameter_entries_no_update BEFORE UPDATE ON parameter_entries
        BEGIN SELECT RAISE(ABORT, 'parameter_entries is append-only'); END;
      CREATE TRIGGER parameter_entries_no_delete BEFORE DELETE ON parameter_entries
        BEGIN SELECT RAISE(ABORT, 'parameter_entries is append-only'); END;
    `);
  },
};
