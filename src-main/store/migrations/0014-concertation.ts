import type { Migration } from './migration';

/**
 * The concertation instance for families in difficulty (DOMAIN §9): its permanent members (a
 * site setting kept by the responsable), and each referral made from a household's DSU under a
 * consent to share recorded in that DSU; the referral's members (the permanent ones present at
 * the referral, and associated ones), each with the date they signed the secrecy charter and
 * whether they attended; the elements shared and the decisions, appended and never rewritten.
 */
export const m0014Concertation: Migration = {
  version: 14,
  name: '0014-concertation',
  up(db) {
    db.exec(`
      CREATE TABLE concertation_members (
        id            INTEGER PRIMARY KEY,
        partner_id    INTEGER REFERENCES partners(id),
        name          TEXT NOT NULL,
        organisation  TEXT NOT NULL DEFAULT '',
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        -- The secrecy charter, signed once by a permanent member: carried to each new referral.
        charter_signed_on    TEXT,
        charter_recorded_by  INTEGER REFERENCES users(id),
        charter_recorded_at  TEXT,
        saved_at      TEXT NOT NULL,
        saved_by      INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;

      CREATE TABLE concertation_referrals (
        id              INTEGER PRIMARY KEY,
        dsu_id          INTEGER NOT NULL REFERENCES dsu(id),
        consent_id      INTEGER NOT NULL REFERENCES consents(id),
        referred_by     INTEGER NOT NULL REFERENCES users(id),
        referred_at     TEXT NOT NULL,
        referred_on     TEXT NOT NULL,
        motif           TEXT NOT NULL,
        purpose         TEXT NOT NULL,
        field           TEXT NOT NULL CHECK (field IN ('acces_aux_droits', 'logement_hebergement', 'insertion', 'budget', 'enfance', 'personnes_agees_handicapees', 'sante')),
        services        TEXT NOT NULL DEFAULT '[]',
        element_kinds   TEXT NOT NULL DEFAULT '[]',
        status          TEXT NOT NULL DEFAULT 'saisie' CHECK (status IN ('saisie', 'reunie', 'close')),
        held_on         TEXT,
        place           TEXT NOT NULL DEFAULT '',
        late_reason     TEXT NOT NULL DEFAULT '',
        met_at          TEXT,
        met_by          INTEGER REFERENCES users(id),
        closed_at       TEXT,
        closed_by       INTEGER REFERENCES users(id),
        journal_entry   INTEGER
      ) STRICT;
      CREATE INDEX concertation_referrals_by_dsu ON concertation_referrals(dsu_id);
      CREATE INDEX concertation_referrals_by_status ON concertation_referrals(status, referred_on);

      CREATE TABLE concertation_participants (
        id                 INTEGER PRIMARY KEY,
        referral_id        INTEGER NOT NULL REFERENCES concertation_referrals(id),
        kind               TEXT NOT NULL CHECK (kind IN ('permanent', 'associe')),
        member_id          INTEGER REFERENCES concertation_members(id),
        partner_id         INTEGER REFERENCES partners(id),
        name               TEXT NOT NULL,
        organisation       TEXT NOT NULL DEFAULT '',
        charter_signed_on  TEXT,
        charter_recorded_by INTEGER REFERENCES users(id),
        charter_recorded_at TEXT,
        attended           INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
        added_at           TEXT NOT NULL,
        added_by           INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX concertation_participants_by_referral ON concertation_participants(referral_id);

      CREATE TABLE concertation_elements (
        id           INTEGER PRIMARY KEY,
        referral_id  INTEGER NOT NULL REFERENCES concertation_referrals(id),
        kind         TEXT NOT NULL CHECK (kind IN ('composition_familiale', 'logement', 'ressources_budget', 'scolarite_enfance', 'sante', 'emploi_insertion', 'justice', 'accompagnements_en_cours', 'autre')),
        content      TEXT NOT NULL,
        shared_by    TEXT NOT NULL DEFAULT '',
        recorded_at  TEXT NOT NULL,
        recorded_by  INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX concertation_elements_by_referral ON concertation_elements(referral_id);

      CREATE TABLE concertation_decisions (
        id           INTEGER PRIMARY KEY,
        referral_id  INTEGER NOT NULL REFERENCES concertation_referrals(id),
        action       TEXT NOT NULL,
        who          TEXT NOT NULL,
        due_on       TEXT,
        recorded_at  TEXT NOT NULL,
        recorded_by  INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX concertation_decisions_by_referral ON concertation_decisions(referral_id);

      CREATE TRIGGER concertation_elements_append_only BEFORE UPDATE ON concertation_elements
        BEGIN SELECT RAISE(ABORT, 'concertation_elements is append-only'); END;
      CREATE TRIGGER concertation_decisions_append_only BEFORE UPDATE ON concertation_decisions
        BEGIN SELECT RAISE(ABORT, 'concertation_decisions is append-only'); END;
    `);
  },
};
