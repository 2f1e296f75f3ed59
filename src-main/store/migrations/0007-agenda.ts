import type { Migration } from './migration';

/**
 * The agenda (DOMAIN §7): why an appointment was cancelled (a reason from a fixed list and a
 * short free text), and the site's opening hours as a setting, seeded with the timetable the
 * agenda used until now (Monday to Friday, 8:30–12:30 and 13:30–17:30) so an existing site
 * keeps its hours; closed days start empty. The administrator changes both from the screen.
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
    `);
  },
};
