import type { Migration } from './migration';

/**
 * Protection evaluations (DOMAIN §10): informations préoccupantes (children) and informations
 * signalantes about elderly or disabled adults, each received from the département's cell and
 * assigned by a responsable to a team of at least two professionals. Nothing of it lives in a
 * DSU: the persons concerned are linked here, the evaluation's journal is its own, and only the
 * assigned evaluators and the responsables read any of it. Journal entries are append-only. A merge of two persons moves their links (rows with an id, as
 * the persons' merge moves them), so a person may appear twice in one evaluation's rows: readers
 * show each person once.
 * `protection_received` holds the number of IP/IS the site received in a year, as the
 * responsable records it (the activity report's « all received »).
 */
export const m0013Protection: Migration = {
  version: 13,
  name: '0013-protection',
  up(db) {
    db.exec(`
      CREATE TABLE protection_evaluations (
        id                     INTEGER PRIMARY KEY,
        kind                   TEXT NOT NULL CHECK (kind IN ('ip', 'is')),
        received_on            TEXT NOT NULL,
        origin                 TEXT NOT NULL CHECK (origin IN ('education_nationale', 'sante', 'services_sociaux', 'forces_ordre', 'justice', 'famille', 'personne_elle_meme', 'voisinage', 'appel_119', 'anonyme', 'autre')),
        cell_reference         TEXT NOT NULL DEFAULT '',
        delay_days             INTEGER CHECK (delay_days IS NULL OR delay_days BETWEEN 1 AND 366),
        facts                  TEXT NOT NULL DEFAULT '',
        created_at             TEXT NOT NULL,
        created_by             INTEGER NOT NULL REFERENCES users(id),
        informed_on            TEXT,
        informed_how           TEXT CHECK (informed_how IS NULL OR informed_how IN ('courrier', 'entretien', 'telephone', 'visite')),
        not_informed_reason    TEXT NOT NULL DEFAULT '',
        report                 TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(report) AND json_type(report) = 'object'),
        danger_level           TEXT CHECK (danger_level IS NULL OR danger_level IN ('danger', 'risque_danger', 'pas_de_danger')),
        danger_kinds           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(danger_kinds) AND json_type(danger_kinds) = 'array'),
        proposals              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(proposals) AND json_type(proposals) = 'array'),
        proposals_note         TEXT NOT NULL DEFAULT '',
        report_at              TEXT,
        report_by              INTEGER REFERENCES users(id),
        sent_on                TEXT,
        announced_on           TEXT,
        announced_by           INTEGER REFERENCES users(id),
        announce_note          TEXT NOT NULL DEFAULT '',
        export_decision_at     TEXT,
        export_decision_by     INTEGER REFERENCES users(id),
        export_decision_reason TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX protection_evaluations_by_received ON protection_evaluations(kind, received_on);

      CREATE TABLE protection_persons (
        id             INTEGER PRIMARY KEY,
        evaluation_id  INTEGER NOT NULL REFERENCES protection_evaluations(id),
        person_id      INTEGER NOT NULL REFERENCES persons(id),
        role           TEXT NOT NULL CHECK (role IN ('concerne', 'autre_mineur'))
      ) STRICT;
      CREATE INDEX protection_persons_by_evaluation ON protection_persons(evaluation_id);
      CREATE INDEX protection_persons_by_person ON protection_persons(person_id);

      CREATE TABLE protection_team (
        id             INTEGER PRIMARY KEY,
        evaluation_id  INTEGER NOT NULL REFERENCES protection_evaluations(id),
        user_id        INTEGER REFERENCES users(id),
        external_name  TEXT NOT NULL DEFAULT '',
        external_role  TEXT CHECK (external_role IS NULL OR external_role IN ('crip', 'pmi', 'autre_mds', 'infirmiere_prevention_adulte', 'referent_autonomie', 'autre')),
        assigned_at    TEXT NOT NULL,
        assigned_by    INTEGER NOT NULL REFERENCES users(id),
        CHECK ((user_id IS NOT NULL AND external_role IS NULL) OR (user_id IS NULL AND external_role IS NOT NULL AND external_name <> ''))
      ) STRICT;
      CREATE INDEX protection_team_by_evaluation ON protection_team(evaluation_id);
      CREATE INDEX protection_team_by_user ON protection_team(user_id, evaluation_id);

      CREATE TABLE protection_journal (
        id             INTEGER PRIMARY KEY,
        evaluation_id  INTEGER NOT NULL REFERENCES protection_evaluations(id),
        occurred_on    TEXT NOT NULL,
        type           TEXT NOT NULL CHECK (type IN ('entretien_bureau', 'vad', 'entretien_telephonique', 'contact_partenaire', 'entretien_enfant', 'synthese')),
        summary        TEXT NOT NULL,
        recorded_at    TEXT NOT NULL,
        recorded_by    INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX protection_journal_by_evaluation ON protection_journal(evaluation_id, occurred_on, id);
      CREATE TRIGGER protection_journal_append_only BEFORE UPDATE ON protection_journal
        BEGIN SELECT RAISE(ABORT, 'protection_journal is append-only'); END;
      CREATE TRIGGER protection_journal_no_delete BEFORE DELETE ON protection_journal
        BEGIN SELECT RAISE(ABORT, 'protection_journal is append-only'); END;

      CREATE TABLE protection_received (
        year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        kind         TEXT NOT NULL CHECK (kind IN ('ip', 'is')),
        count        INTEGER NOT NULL CHECK (count BETWEEN 0 AND 100000),
        recorded_at  TEXT NOT NULL,
        recorded_by  INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (year, kind)
      ) STRICT;
    `);
  },
};
