import type { Migration } from './migration';

/**
 * Collective actions (DOMAIN §11, développement social local): an action with its aim, its
 * public, its partners (from the directory or named), the funding sought and the professionals
 * who lead it; its sessions (day, times, place, theme, people counted anonymously); its named
 * participants, each a person of the app who agreed to take part (the day and the form of that
 * agreement are kept); the attendance of each named participant at each session; the
 * evaluation written with the participants.
 *
 * A participant removed from an action takes their attendance with them (ON DELETE CASCADE):
 * the handler first adds their presences to each session's anonymous count, so that the
 * action's figures do not change. No uniqueness constraint on (action, person): a merge of two
 * records of the same person moves both rows to the kept one.
 */
export const m0015Collectif: Migration = {
  version: 15,
  name: '0015-collectif',
  up(db) {
    db.exec(`
      CREATE TABLE collectif_actions (
        id          INTEGER PRIMARY KEY,
        title       TEXT NOT NULL,
        aim         TEXT NOT NULL DEFAULT '',
        audience    TEXT NOT NULL DEFAULT '',
        status      TEXT NOT NULL DEFAULT 'prevue' CHECK (status IN ('prevue', 'en_cours', 'close')),
        created_at  TEXT NOT NULL,
        created_by  INTEGER NOT NULL REFERENCES users(id),
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE collectif_leads (
        action_id   INTEGER NOT NULL REFERENCES collectif_actions(id),
        user_id     INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (action_id, user_id)
      ) STRICT;
      CREATE INDEX collectif_leads_by_user ON collectif_leads(user_id);

      CREATE TABLE collectif_partners (
        id          INTEGER PRIMARY KEY,
        action_id   INTEGER NOT NULL REFERENCES collectif_actions(id),
        partner_id  INTEGER REFERENCES partners(id),
        name        TEXT NOT NULL,
        role        TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX collectif_partners_by_action ON collectif_partners(action_id);

      CREATE TABLE collectif_fundings (
        id            INTEGER PRIMARY KEY,
        action_id     INTEGER NOT NULL REFERENCES collectif_actions(id),
        funder        TEXT NOT NULL,
        amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0),
        status        TEXT NOT NULL CHECK (status IN ('demande', 'accorde', 'refuse'))
      ) STRICT;
      CREATE INDEX collectif_fundings_by_action ON collectif_fundings(action_id);

      CREATE TABLE collectif_sessions (
        id              INTEGER PRIMARY KEY,
        action_id       INTEGER NOT NULL REFERENCES collectif_actions(id),
        day             TEXT NOT NULL,
        starts          TEXT NOT NULL,
        ends            TEXT NOT NULL,
        place           TEXT NOT NULL,
        theme           TEXT NOT NULL DEFAULT '',
        anonymous_count INTEGER NOT NULL DEFAULT 0 CHECK (anonymous_count >= 0),
        attendance_at   TEXT,
        recorded_at     TEXT NOT NULL,
        recorded_by     INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX collectif_sessions_by_action ON collectif_sessions(action_id, day);
      CREATE INDEX collectif_sessions_by_day ON collectif_sessions(day);

      CREATE TABLE collectif_participants (
        id            INTEGER PRIMARY KEY,
        action_id     INTEGER NOT NULL REFERENCES collectif_actions(id),
        person_id     INTEGER NOT NULL REFERENCES persons(id),
        consent_on    TEXT NOT NULL,
        consent_form  TEXT NOT NULL CHECK (consent_form IN ('ecrit', 'electronique', 'oral_trace')),
        added_at      TEXT NOT NULL,
        added_by      INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX collectif_participants_by_action ON collectif_participants(action_id);
      CREATE INDEX collectif_participants_by_person ON collectif_participants(person_id);

      CREATE TABLE collectif_attendance (
        session_id      INTEGER NOT NULL REFERENCES collectif_sessions(id),
        participant_id  INTEGER NOT NULL REFERENCES collectif_participants(id) ON DELETE CASCADE,
        status          TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excuse')),
        PRIMARY KEY (session_id, participant_id)
      ) STRICT;
      CREATE INDEX collectif_attendance_by_participant ON collectif_attendance(participant_id);

      CREATE TABLE collectif_evaluations (
        action_id           INTEGER PRIMARY KEY REFERENCES collectif_actions(id),
        written_on          TEXT NOT NULL,
        text                TEXT NOT NULL,
        participants_words  TEXT NOT NULL DEFAULT '',
        results             TEXT NOT NULL DEFAULT '',
        recorded_at         TEXT NOT NULL,
        recorded_by         INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
    `);
  },
};
