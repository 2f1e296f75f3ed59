import type { Migration } from './migration';

/**
 * Premier accueil, persons and households, the Dossier Social Unique (journal, documents,
 * consents, exceptional accesses), appointments and the partner directory (DOMAIN §2, §3,
 * §7, §9). Social content lives only in `journal`, `documents`, `consents`,
 * `first_contacts` (request, motifs) and `exceptional_access.reason`; nothing a secretaire
 * may read is stored there.
 */
export const m0002AccueilDsu: Migration = {
  version: 2,
  name: '0002-accueil-dsu',
  up(db) {
    db.exec(`
      CREATE TABLE households (
        id             INTEGER PRIMARY KEY,
        address        TEXT NOT NULL DEFAULT '',
        commune_insee  TEXT REFERENCES communes(insee),
        created_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE persons (
        id              INTEGER PRIMARY KEY,
        birth_name      TEXT NOT NULL,
        usage_name      TEXT NOT NULL DEFAULT '',
        first_names     TEXT NOT NULL,
        sex             TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', 'F', 'M')),
        birth_date      TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        phone           TEXT NOT NULL DEFAULT '',
        email           TEXT NOT NULL DEFAULT '',
        household_id    INTEGER REFERENCES households(id),
        household_role  TEXT CHECK (household_role IN ('demandeur', 'conjoint', 'enfant', 'autre')),
        merged_into     INTEGER REFERENCES persons(id),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX persons_by_household ON persons(household_id);
      CREATE INDEX persons_by_phone ON persons(phone) WHERE phone <> '';
      CREATE INDEX persons_by_birth_date ON persons(birth_date) WHERE birth_date IS NOT NULL;

      -- Search-as-you-type (DOMAIN §2): one row per live person (rowid = persons.id): folded
      -- names, birth date (day first, and year), phone digits. Word tokens without accents,
      -- prefix indexes for 1 to 8 characters so that every keystroke is one index lookup.
      -- Kept by the repository in the same transaction as the person.
      CREATE VIRTUAL TABLE person_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8', detail = 'none');
      -- The words of that index, for one-typo tolerance (words within one edit of what was
      -- typed). Only grows: a word no longer used costs nothing but a row.
      CREATE TABLE person_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

      CREATE TABLE partners (
        id            INTEGER PRIMARY KEY,
        organisation  TEXT NOT NULL,
        service       TEXT NOT NULL DEFAULT '',
        category      TEXT NOT NULL DEFAULT '',
        address       TEXT NOT NULL DEFAULT '',
        postcode      TEXT NOT NULL DEFAULT '',
        city          TEXT NOT NULL DEFAULT '',
        phone         TEXT NOT NULL DEFAULT '',
        email         TEXT NOT NULL DEFAULT '',
        contact       TEXT NOT NULL DEFAULT '',
        missions      TEXT NOT NULL DEFAULT '',
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at    TEXT NOT NULL,
        UNIQUE (organisation, service)
      ) STRICT;

      CREATE TABLE dsu (
        id               INTEGER PRIMARY KEY,
        number           TEXT NOT NULL UNIQUE,
        year             INTEGER NOT NULL,
        seq              INTEGER NOT NULL,
        household_id     INTEGER NOT NULL UNIQUE REFERENCES households(id),
        referent_id      INTEGER NOT NULL REFERENCES users(id),
        status           TEXT NOT NULL DEFAULT 'actif' CHECK (status IN ('actif', 'clos', 'archive')),
        close_reason     TEXT CHECK (close_reason IN ('objectifs_atteints', 'demenagement', 'fin_de_demande', 'reorientation', 'deces', 'sans_nouvelles')),
        opened_at        TEXT NOT NULL,
        closed_at        TEXT,
        archived_at      TEXT,
        last_contact_on  TEXT NOT NULL,
        UNIQUE (year, seq),
        CHECK ((status = 'actif') = (close_reason IS NULL))
      ) STRICT;
      -- No index on last_contact_on: it changes with every contact, and only the retention
      -- list (a responsable's occasional screen) filters on it.
      CREATE INDEX dsu_by_referent ON dsu(referent_id, status);

      -- Co-intervenants: a user of the site or an external professional, with a mission.
      CREATE TABLE dsu_intervenants (
        id             INTEGER PRIMARY KEY,
        dsu_id         INTEGER NOT NULL REFERENCES dsu(id),
        user_id        INTEGER REFERENCES users(id),
        external_name  TEXT,
        mission        TEXT NOT NULL,
        started_on     TEXT NOT NULL,
        ended_on       TEXT,
        CHECK ((user_id IS NULL) <> (external_name IS NULL))
      ) STRICT;
      CREATE INDEX intervenants_by_dsu ON dsu_intervenants(dsu_id);
      CREATE INDEX intervenants_by_user ON dsu_intervenants(user_id, dsu_id) WHERE user_id IS NOT NULL AND ended_on IS NULL;

      CREATE TABLE appointments (
        id               INTEGER PRIMARY KEY,
        professional_id  INTEGER NOT NULL REFERENCES users(id),
        person_id        INTEGER NOT NULL REFERENCES persons(id),
        household_id     INTEGER REFERENCES households(id),
        starts_at        TEXT NOT NULL,
        ends_at          TEXT NOT NULL,
        kind             TEXT NOT NULL CHECK (kind IN ('premier_accueil_telephonique', 'premier_accueil_presentiel', 'accompagnement_presentiel', 'vad', 'permanence')),
        place            TEXT NOT NULL,
        status           TEXT NOT NULL DEFAULT 'prevu' CHECK (status IN ('prevu', 'honore', 'absent', 'annule')),
        booked_by        INTEGER NOT NULL REFERENCES users(id),
        created_at       TEXT NOT NULL,
        status_by        INTEGER REFERENCES users(id),
        status_at        TEXT,
        CHECK (ends_at > starts_at)
      ) STRICT;
      CREATE INDEX appointments_by_professional ON appointments(professional_id, starts_at);
      CREATE INDEX appointments_by_person ON appointments(person_id, starts_at);
      CREATE INDEX appointments_by_household ON appointments(household_id, starts_at);

      -- Clustered by file and date: a DSU's latest entries sit on a few consecutive pages, so
      -- opening a file reads (and decrypts) a handful of pages, not one per entry.
      CREATE TABLE journal (
        dsu_id           INTEGER NOT NULL REFERENCES dsu(id),
        occurred_on      TEXT NOT NULL,
        id               INTEGER NOT NULL UNIQUE,
        type             TEXT NOT NULL CHECK (type IN ('entretien_bureau', 'entretien_telephonique', 'vad', 'accompagnement_physique', 'permanence_delocalisee', 'courrier_courriel', 'note_sociale', 'instance_synthese')),
        -- The field of intervention; unknown (NULL) only for an entry made from an honoured appointment.
        field            TEXT CHECK (field IN ('acces_aux_droits', 'logement_hebergement', 'insertion', 'budget', 'enfance', 'personnes_agees_handicapees', 'sante')),
        summary          TEXT NOT NULL,
        restricted_note  TEXT,
        partner_id       INTEGER REFERENCES partners(id),
        appointment_id   INTEGER UNIQUE REFERENCES appointments(id),
        created_by       INTEGER NOT NULL REFERENCES users(id),
        created_at       TEXT NOT NULL,
        PRIMARY KEY (dsu_id, occurred_on, id),
        CHECK (field IS NOT NULL OR appointment_id IS NOT NULL)
      ) STRICT, WITHOUT ROWID;

      -- The authors of an entry (a VAD may be done in binôme), clustered like the journal.
      CREATE TABLE journal_authors (
        dsu_id    INTEGER NOT NULL REFERENCES dsu(id),
        entry_id  INTEGER NOT NULL REFERENCES journal(id),
        user_id   INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (dsu_id, entry_id, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX journal_authors_by_user ON journal_authors(user_id);

      CREATE TABLE documents (
        id           INTEGER PRIMARY KEY,
        dsu_id       INTEGER NOT NULL REFERENCES dsu(id),
        kind         TEXT NOT NULL CHECK (kind IN ('justificatif', 'courrier', 'rapport', 'autre')),
        title        TEXT NOT NULL,
        doc_date     TEXT NOT NULL,
        mime         TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/png', 'image/jpeg')),
        size         INTEGER NOT NULL,
        sha256       TEXT NOT NULL,
        content      BLOB NOT NULL,
        uploaded_by  INTEGER NOT NULL REFERENCES users(id),
        uploaded_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_by_dsu ON documents(dsu_id);

      CREATE TABLE consents (
        id                    INTEGER PRIMARY KEY,
        dsu_id                INTEGER NOT NULL REFERENCES dsu(id),
        person_id             INTEGER NOT NULL REFERENCES persons(id),
        recipient_partner_id  INTEGER REFERENCES partners(id),
        recipient_label       TEXT NOT NULL,
        scope                 TEXT NOT NULL,
        form                  TEXT NOT NULL CHECK (form IN ('ecrit', 'electronique', 'oral_trace')),
        given_on              TEXT NOT NULL,
        withdrawn_on          TEXT,
        recorded_by           INTEGER NOT NULL REFERENCES users(id),
        recorded_at           TEXT NOT NULL,
        withdrawn_by          INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX consents_by_dsu ON consents(dsu_id);

      -- "Accès exceptionnel" (DOMAIN §1): who opened a DSU that is not theirs, why, until when.
      CREATE TABLE exceptional_access (
        id          INTEGER PRIMARY KEY,
        dsu_id      INTEGER NOT NULL REFERENCES dsu(id),
        user_id     INTEGER NOT NULL REFERENCES users(id),
        reason      TEXT NOT NULL,
        at          TEXT NOT NULL,
        expires_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX exceptional_by_user ON exceptional_access(user_id, dsu_id, expires_at);
      CREATE INDEX exceptional_by_dsu ON exceptional_access(dsu_id);

      CREATE TABLE motifs (
        code      TEXT PRIMARY KEY,
        label     TEXT NOT NULL,
        position  INTEGER NOT NULL,
        active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      INSERT INTO motifs (code, label, position) VALUES
        ('aide_financiere', 'Aide financière', 1),
        ('logement_hebergement', 'Logement / hébergement', 2),
        ('expulsion', 'Expulsion', 3),
        ('budget_dettes', 'Budget / dettes', 4),
        ('acces_aux_droits', 'Accès aux droits', 5),
        ('insertion_emploi', 'Insertion / emploi', 6),
        ('sante_handicap', 'Santé / handicap', 7),
        ('enfance_parentalite', 'Enfance / parentalité', 8),
        ('violences_intrafamiliales', 'Violences intrafamiliales', 9),
        ('autre', 'Autre', 10);

      CREATE TABLE first_contacts (
        id              INTEGER PRIMARY KEY,
        at              TEXT NOT NULL,
        mode            TEXT NOT NULL CHECK (mode IN ('telephone', 'presentiel', 'courriel', 'courrier', 'partenaire')),
        taken_by        INTEGER NOT NULL REFERENCES users(id),
        person_id       INTEGER NOT NULL REFERENCES persons(id),
        household_id    INTEGER REFERENCES households(id),
        request         TEXT NOT NULL,
        -- The motif codes, a JSON array (checked against the motifs table when recorded):
        -- one page fewer to write per contact than a link table.
        motifs          TEXT NOT NULL CHECK (json_valid(motifs) AND json_type(motifs) = 'array'),
        urgent          INTEGER NOT NULL CHECK (urgent IN (0, 1)),
        urgency_reason  TEXT NOT NULL DEFAULT '',
        outcome         TEXT NOT NULL CHECK (outcome IN ('information', 'orientation', 'rdv', 'dsu')),
        partner_id      INTEGER REFERENCES partners(id),
        appointment_id  INTEGER REFERENCES appointments(id),
        dsu_id          INTEGER REFERENCES dsu(id)
      ) STRICT;
      -- By household (the DSU shows them); by person only for merges, which may scan.
      CREATE INDEX first_contacts_by_household ON first_contacts(household_id, at);

      -- A merge records every reference it moved, so that it can be undone exactly.
      CREATE TABLE person_merges (
        id           INTEGER PRIMARY KEY,
        kept_id      INTEGER NOT NULL REFERENCES persons(id),
        absorbed_id  INTEGER NOT NULL REFERENCES persons(id),
        moves        TEXT NOT NULL,
        at           TEXT NOT NULL,
        by_user      INTEGER NOT NULL REFERENCES users(id),
        undone_at    TEXT,
        undone_by    INTEGER REFERENCES users(id)
      ) STRICT;
    `);
  },
};
