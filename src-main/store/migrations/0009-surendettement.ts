import type { Migration } from './migration';

/**
 * Overindebtedness files (DOMAIN §5), each opened from a household's DSU and followed by a
 * CESF or an ASS. Nothing is rewritten: a debt is a row whose content lives in dated versions
 * (an edit adds one, a deletion adds a version marked deleted), the budget and assets are dated
 * versions too, and the procedure is a list of stages in the order they were recorded, grouped
 * in deposit cycles (a redépôt opens the next one in the same file).
 */
export const m0009Surendettement: Migration = {
  version: 9,
  name: '0009-surendettement',
  up(db) {
    db.exec(`
      CREATE TABLE surendettement_files (
        id            INTEGER PRIMARY KEY,
        dsu_id        INTEGER NOT NULL REFERENCES dsu(id),
        referent_id   INTEGER NOT NULL REFERENCES users(id),
        opened_on     TEXT NOT NULL,
        opened_at     TEXT NOT NULL,
        opened_by     INTEGER NOT NULL REFERENCES users(id),
        status        TEXT NOT NULL DEFAULT 'ouvert' CHECK (status IN ('ouvert', 'clos')),
        closed_on     TEXT
      ) STRICT;
      CREATE INDEX surendettement_files_by_dsu ON surendettement_files(dsu_id);
      CREATE INDEX surendettement_files_by_referent ON surendettement_files(referent_id, status);

      CREATE TABLE surendettement_debts (
        id          INTEGER PRIMARY KEY,
        file_id     INTEGER NOT NULL REFERENCES surendettement_files(id),
        created_at  TEXT NOT NULL,
        created_by  INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX surendettement_debts_by_file ON surendettement_debts(file_id);

      CREATE TABLE surendettement_debt_versions (
        id              INTEGER PRIMARY KEY,
        debt_id         INTEGER NOT NULL REFERENCES surendettement_debts(id),
        recorded_at     TEXT NOT NULL,
        recorded_by     INTEGER NOT NULL REFERENCES users(id),
        partner_id      INTEGER REFERENCES partners(id),
        creditor        TEXT NOT NULL,
        nature          TEXT NOT NULL CHECK (nature IN ('credit_consommation', 'credit_immobilier', 'dette_locative', 'energie_eau', 'fiscale', 'decouvert_bancaire', 'autre')),
        amount_cents    INTEGER NOT NULL CHECK (amount_cents >= 0),
        monthly_cents   INTEGER NOT NULL CHECK (monthly_cents >= 0),
        debt_date       TEXT,
        proceedings     TEXT NOT NULL DEFAULT 'aucune' CHECK (proceedings IN ('aucune', 'contentieux', 'execution')),
        guarantor       TEXT NOT NULL DEFAULT '',
        main_residence  INTEGER NOT NULL DEFAULT 0 CHECK (main_residence IN (0, 1)),
        deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
      ) STRICT;
      CREATE INDEX surendettement_debt_versions_by_debt ON surendettement_debt_versions(debt_id, id);

      CREATE TABLE surendettement_budgets (
        id            INTEGER PRIMARY KEY,
        file_id       INTEGER NOT NULL REFERENCES surendettement_files(id),
        valid_on      TEXT NOT NULL,
        taken_from    TEXT,
        adults        INTEGER NOT NULL CHECK (adults IN (1, 2)),
        dependants    INTEGER NOT NULL CHECK (dependants BETWEEN 0 AND 20),
        budget        TEXT NOT NULL,
        assets        TEXT NOT NULL DEFAULT '[]',
        recorded_at   TEXT NOT NULL,
        recorded_by   INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX surendettement_budgets_by_file ON surendettement_budgets(file_id, id);

      CREATE TABLE surendettement_stages (
        id              INTEGER PRIMARY KEY,
        file_id         INTEGER NOT NULL REFERENCES surendettement_files(id),
        cycle           INTEGER NOT NULL CHECK (cycle >= 1),
        kind            TEXT NOT NULL CHECK (kind IN ('depot', 'recevabilite', 'orientation', 'mesures_imposees', 'plan_conventionnel', 'audience', 'cloture', 'redepot')),
        day             TEXT NOT NULL,
        notified_on     TEXT,
        decision        TEXT NOT NULL DEFAULT '',
        reference       TEXT NOT NULL DEFAULT '',
        note            TEXT NOT NULL DEFAULT '',
        plan_start      TEXT,
        plan_months     INTEGER CHECK (plan_months IS NULL OR plan_months BETWEEN 1 AND 360),
        plan_monthly_cents INTEGER CHECK (plan_monthly_cents IS NULL OR plan_monthly_cents >= 0),
        main_residence  INTEGER NOT NULL DEFAULT 0 CHECK (main_residence IN (0, 1)),
        shares          TEXT NOT NULL DEFAULT '[]',
        recorded_at     TEXT NOT NULL,
        recorded_by     INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX surendettement_stages_by_file ON surendettement_stages(file_id, id);

      CREATE TRIGGER surendettement_debt_versions_append_only BEFORE UPDATE ON surendettement_debt_versions
        BEGIN SELECT RAISE(ABORT, 'surendettement_debt_versions is append-only'); END;
      CREATE TRIGGER surendettement_budgets_append_only BEFORE UPDATE ON surendettement_budgets
        BEGIN SELECT RAISE(ABORT, 'surendettement_budgets is append-only'); END;
      CREATE TRIGGER surendettement_stages_append_only BEFORE UPDATE ON surendettement_stages
        BEGIN SELECT RAISE(ABORT, 'surendettement_stages is append-only'); END;
    `);
  },
};
