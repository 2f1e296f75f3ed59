import type { Migration } from './migration';

/**
 * The agenda (DOMAIN §7): why an appointment was cancelled (a reason from a fixed list and a
 * short free text), and the site's opening hours as a setting, seeded with the timetable the
 * agenda used until now (Monday to Friday, 8:30–12:30 and 13:30–17:30) so an existing site
 * keeps its hours; closed days start empty. The administrator changes both from the screen.
 * And the permanences (DOMAIN §7): a place outside the MDS (town hall, France services), its
 * address and commune, the professional who holds it, a weekly or fortnightly timetable from a
 * first day, until an optional last day; appointments are booked into them.
 */
export const m0007Agenda: Migration = {
  version: 7,
  name: '0007-agenda',
  up(db) {
    db.exec(`
      ALTER TABLE appointments ADD COLUMN cancel_reason TEXT
        CHECK (cancel_reason IS NULL OR cancel_reason IN ('demande_personne', 'indisponibilite_professionnel', 'fermeture_site', 'erreur_saisie', 'autre'));
      ALTER TABLE appointments ADD COLUMN cancel_note TEXT NOT NULL DEFAULT '';

      INSERT INTO settings (key, value) VALUES ('rdv_opening', json('[
        [{"from":"08:30","to":"12:30"},{"from":"13:30","to":"17:30"}],
        [{"from":"08:30","to":"12:30"},{"from":"13:30","to":"17:30"}],
        [{"from":"08:30","to":"12:30"},{"from":"13:30","to":"17:30"}],
        [{"from":"08:30","to":"12:30"},{"from":"13:30","to":"17:30"}],
        [{"from":"08:30","to":"12:30"},{"from":"13:30","to":"17:30"}],
        [], []]'))
        ON CONFLICT(key) DO NOTHING;
      INSERT INTO settings (key, value) VALUES ('rdv_closed_days', '[]') ON CONFLICT(key) DO NOTHING;

      CREATE TABLE permanences (
        id               INTEGER PRIMARY KEY,
        place            TEXT NOT NULL CHECK (length(place) > 0),
        address          TEXT NOT NULL DEFAULT '',
        commune_insee    TEXT NOT NULL REFERENCES communes(insee),
        professional_id  INTEGER NOT NULL REFERENCES users(id),
        weekday          INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        starts_at        TEXT NOT NULL CHECK (starts_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        ends_at          TEXT NOT NULL CHECK (ends_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        every_weeks      INTEGER NOT NULL DEFAULT 1 CHECK (every_weeks IN (1, 2)),
        first_day        TEXT NOT NULL,
        last_day         TEXT,
        created_at       TEXT NOT NULL,
        CHECK (ends_at > starts_at),
        CHECK (last_day IS NULL OR last_day >= first_day)
      ) STRICT;
      CREATE INDEX permanences_by_professional ON permanences(professional_id);
    `);
  },
};
