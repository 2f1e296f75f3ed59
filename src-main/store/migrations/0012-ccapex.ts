import type { Migration } from './migration';

/**
 * The CCAPEX (DOMAIN §6): its sessions (date, place, outside members, the site's
 * professionals attending), the eviction prevention cases on each session's agenda with the
 * social worker's evaluation and proposals and the note sociale's generation, and the
 * commission's opinion on a case at a session.
 */
export const m0012Ccapex: Migration = {
  version: 12,
  name: '0012-ccapex',
  up(db) {
    db.exec(`
      CREATE TABLE expulsions_ccapex_sessions (
        id          INTEGER PRIMARY KEY,
        held_on     TEXT NOT NULL,
        place       TEXT NOT NULL DEFAULT '',
        -- Outside members: JSON array of { name, role } (role or organisation).
        members     TEXT NOT NULL DEFAULT '[]',
        created_at  TEXT NOT NULL,
        created_by  INTEGER NOT NULL REFERENCES users(id),
        updated_at  TEXT NOT NULL,
        updated_by  INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX expulsions_ccapex_sessions_by_day ON expulsions_ccapex_sessions(held_on);

      -- The site's professionals attending the session.
      CREATE TABLE expulsions_ccapex_professionals (
        session_id  INTEGER NOT NULL REFERENCES expulsions_ccapex_sessions(id),
        user_id     INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (session_id, user_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE expulsions_ccapex_agenda (
        session_id         INTEGER NOT NULL REFERENCES expulsions_ccapex_sessions(id),
        case_id            INTEGER NOT NULL REFERENCES expulsions_cases(id),
        position           INTEGER NOT NULL,
        evaluation         TEXT NOT NULL DEFAULT '',
        proposals          TEXT NOT NULL DEFAULT '',
        added_at           TEXT NOT NULL,
        added_by           INTEGER NOT NULL REFERENCES users(id),
        note_generated_at  TEXT,
        note_generated_by  INTEGER REFERENCES users(id),
        -- Whether the last note carried the shared information (a consent in force on the session's day).
        note_shared        INTEGER CHECK (note_shared IS NULL OR note_shared IN (0, 1)),
        PRIMARY KEY (session_id, case_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX expulsions_ccapex_agenda_by_case ON expulsions_ccapex_agenda(case_id);

      CREATE TABLE expulsions_ccapex_opinions (
        id               INTEGER PRIMARY KEY,
        session_id       INTEGER NOT NULL REFERENCES expulsions_ccapex_sessions(id),
        case_id          INTEGER NOT NULL REFERENCES expulsions_cases(id),
        day              TEXT NOT NULL,
        avis             TEXT NOT NULL CHECK (avis IN ('maintien_apurement', 'orientation_fsl', 'relogement', 'accord_concours_force_publique', 'report', 'autre')),
        text             TEXT NOT NULL DEFAULT '',
        recommendations  TEXT NOT NULL DEFAULT '',
        recorded_at      TEXT NOT NULL,
        recorded_by      INTEGER NOT NULL REFERENCES users(id),
        UNIQUE (session_id, case_id)
      ) STRICT;
      CREATE INDEX expulsions_ccapex_opinions_by_case ON expulsions_ccapex_opinions(case_id);
    `);
  },
};
