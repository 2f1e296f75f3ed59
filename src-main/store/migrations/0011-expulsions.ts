import type { Migration } from './migration';

/**
 * Eviction prevention cases (DOMAIN §6), each opened from a household's DSU and followed by a
 * CESF or an ASS. The case's own details (dwelling, landlord, lease, rent) are its current
 * state; what the procedure brings is appended and never rewritten: the rent debt as a dated
 * series, the stages with their actor and document reference, the aid requests opened for it.
 */
export const m0011Expulsions: Migration = {
  version: 11,
  name: '0011-expulsions',
  up(db) {
    db.exec(`
      CREATE TABLE expulsions_cases (
        id                  INTEGER PRIMARY KEY,
        dsu_id              INTEGER NOT NULL REFERENCES dsu(id),
        referent_id         INTEGER NOT NULL REFERENCES users(id),
        opened_on           TEXT NOT NULL,
        opened_at           TEXT NOT NULL,
        opened_by           INTEGER NOT NULL REFERENCES users(id),
        status              TEXT NOT NULL DEFAULT 'ouvert' CHECK (status IN ('ouvert', 'clos')),
        closed_on           TEXT,
        dwelling            TEXT NOT NULL DEFAULT '',
        landlord_kind       TEXT NOT NULL CHECK (landlord_kind IN ('personne_morale', 'personne_physique', 'sci_familiale')),
        landlord_partner_id INTEGER REFERENCES partners(id),
        landlord_name       TEXT NOT NULL DEFAULT '',
        lease_signed        TEXT,
        rent_cents          INTEGER NOT NULL DEFAULT 0 CHECK (rent_cents >= 0),
        charges_cents       INTEGER NOT NULL DEFAULT 0 CHECK (charges_cents >= 0),
        rehousing_assured   INTEGER NOT NULL DEFAULT 0 CHECK (rehousing_assured IN (0, 1)),
        outcome             TEXT CHECK (outcome IS NULL OR outcome IN ('maintien_apurement', 'fsl', 'protocole_cohesion', 'relogement', 'depart_volontaire', 'expulsion_realisee'))
      ) STRICT;
      CREATE INDEX expulsions_cases_by_dsu ON expulsions_cases(dsu_id);
      CREATE INDEX expulsions_cases_by_referent ON expulsions_cases(referent_id, status);

      CREATE TABLE expulsions_debt_points (
        id            INTEGER PRIMARY KEY,
        case_id       INTEGER NOT NULL REFERENCES expulsions_cases(id),
        day           TEXT NOT NULL,
        amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0),
        recorded_at   TEXT NOT NULL,
        recorded_by   INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX expulsions_debt_points_by_case ON expulsions_debt_points(case_id, day, id);

      CREATE TABLE expulsions_stages (
        id                INTEGER PRIMARY KEY,
        case_id           INTEGER NOT NULL REFERENCES expulsions_cases(id),
        kind              TEXT NOT NULL CHECK (kind IN ('impayes', 'signalement_ccapex', 'commandement_payer', 'assignation', 'diagnostic_social_financier', 'audience', 'jugement',
                            'commandement_quitter_lieux', 'demande_concours_force_publique', 'enquete_cfp', 'passage_ccapex', 'decision_prefet', 'expulsion', 'issue')),
        day               TEXT NOT NULL,
        actor             TEXT NOT NULL DEFAULT '',
        reference         TEXT NOT NULL DEFAULT '',
        note              TEXT NOT NULL DEFAULT '',
        hearing           TEXT,
        first_offer       TEXT,
        answered          INTEGER CHECK (answered IS NULL OR answered IN (0, 1)),
        delais_granted    INTEGER CHECK (delais_granted IS NULL OR delais_granted IN (0, 1)),
        grace_months      INTEGER CHECK (grace_months IS NULL OR grace_months BETWEEN 1 AND 120),
        extension_months  INTEGER CHECK (extension_months IS NULL OR extension_months BETWEEN 0 AND 120),
        recorded_at       TEXT NOT NULL,
        recorded_by       INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX expulsions_stages_by_case ON expulsions_stages(case_id, id);

      -- An aid request (FSL maintien, financial aid) opened for the case: linked both ways, one case per request.
      CREATE TABLE expulsions_aid_links (
        case_id    INTEGER NOT NULL REFERENCES expulsions_cases(id),
        aid_id     INTEGER NOT NULL UNIQUE REFERENCES aid_requests(id),
        linked_at  TEXT NOT NULL,
        linked_by  INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (case_id, aid_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER expulsions_debt_points_append_only BEFORE UPDATE ON expulsions_debt_points
        BEGIN SELECT RAISE(ABORT, 'expulsions_debt_points is append-only'); END;
      CREATE TRIGGER expulsions_stages_append_only BEFORE UPDATE ON expulsions_stages
        BEGIN SELECT RAISE(ABORT, 'expulsions_stages is append-only'); END;
    `);
  },
};
