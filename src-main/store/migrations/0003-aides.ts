import type { Migration } from './migration';
import exemple from '../../../resources/reglements/exemple.json';

/**
 * Aides financières (DOMAIN §4): règlement versions, requests with their budget and the
 * evaluation they were submitted under, decisions (a first decision is kept when a recours
 * reopens the request), events, commission sessions and yearly envelopes. The example
 * règlement shipped in `resources/reglements/` is installed as the active version so that a
 * new site can instruct at once; the admin or a responsable imports the voted one.
 */
export const m0003Aides: Migration = {
  version: 3,
  name: '0003-aides',
  up(db) {
    db.exec(`
      CREATE TABLE reglements (
        id              INTEGER PRIMARY KEY,
        code            TEXT NOT NULL,
        version         INTEGER NOT NULL,
        title           TEXT NOT NULL,
        effective_from  TEXT NOT NULL,
        effective_to    TEXT,
        document        TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('brouillon', 'actif', 'retire')),
        imported_by     INTEGER REFERENCES users(id),
        imported_at     TEXT NOT NULL,
        activated_by    INTEGER REFERENCES users(id),
        activated_at    TEXT,
        UNIQUE (code, version)
      ) STRICT;

      CREATE TABLE commission_sessions (
        id          INTEGER PRIMARY KEY,
        held_on     TEXT NOT NULL,
        place       TEXT NOT NULL DEFAULT '',
        members     TEXT NOT NULL DEFAULT '[]',
        status      TEXT NOT NULL DEFAULT 'prevue' CHECK (status IN ('prevue', 'tenue')),
        created_by  INTEGER NOT NULL REFERENCES users(id),
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE aid_requests (
        id                 INTEGER PRIMARY KEY,
        number             TEXT NOT NULL UNIQUE,
        year               INTEGER NOT NULL,
        seq                INTEGER NOT NULL,
        dsu_id             INTEGER NOT NULL REFERENCES dsu(id),
        person_id          INTEGER NOT NULL REFERENCES persons(id),
        requested_on       TEXT NOT NULL,
        dispositif         TEXT NOT NULL,
        nature             TEXT NOT NULL,
        object             TEXT NOT NULL,
        amount_cents       INTEGER NOT NULL CHECK (amount_cents > 0),
        days               INTEGER,
        payment_mode       TEXT NOT NULL,
        cheques            INTEGER NOT NULL DEFAULT 0,
        payee_kind         TEXT NOT NULL,
        payee_name         TEXT NOT NULL DEFAULT '',
        derogation         INTEGER NOT NULL DEFAULT 0,
        pregnancy          INTEGER NOT NULL DEFAULT 0,
        urgent             INTEGER NOT NULL DEFAULT 0,
        origin             TEXT NOT NULL CHECK (origin IN ('dsu', 'partenaire')),
        origin_partner_id  INTEGER REFERENCES partners(id),
        consent_id         INTEGER REFERENCES consents(id),
        status             TEXT NOT NULL CHECK (status IN ('brouillon', 'soumise', 'a_valider', 'en_commission', 'accordee', 'refusee', 'ajournee', 'classee_sans_suite')),
        reglement_id       INTEGER REFERENCES reglements(id),
        outcome            TEXT CHECK (outcome IS NULL OR outcome IN ('dans_bareme', 'hors_bareme', 'non_conforme')),
        route              TEXT CHECK (route IS NULL OR route IN ('validation', 'commission')),
        created_by         INTEGER NOT NULL REFERENCES users(id),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        submitted_by       INTEGER REFERENCES users(id),
        submitted_at       TEXT,
        taken_by           INTEGER REFERENCES users(id),
        opinion            TEXT,
        opinion_favorable  INTEGER,
        commission_id      INTEGER REFERENCES commission_sessions(id),
        appeal_on          TEXT,
        appeal_reason      TEXT,
        decision_id        INTEGER,
        granted_cents      INTEGER,
        decided_on         TEXT,
        mandated_on        TEXT,
        paid_on            TEXT,
        close_reason       TEXT
      ) STRICT;
      -- The long texts of a request apart: lists and queues read small rows, many to a page.
      CREATE TABLE aid_request_texts (
        request_id    INTEGER PRIMARY KEY REFERENCES aid_requests(id),
        note_sociale  TEXT NOT NULL DEFAULT '',
        budget        TEXT NOT NULL,
        demande       TEXT,
        evaluation    TEXT
      ) STRICT;
      CREATE INDEX aid_requests_by_dsu ON aid_requests(dsu_id, requested_on);
      CREATE INDEX aid_requests_by_status ON aid_requests(status, urgent, submitted_at);
      CREATE INDEX aid_requests_by_decision ON aid_requests(dispositif, decided_on) WHERE status = 'accordee';
      CREATE INDEX aid_requests_by_commission ON aid_requests(commission_id) WHERE commission_id IS NOT NULL;
      CREATE INDEX aid_requests_by_author ON aid_requests(created_by, status);

      -- Every decision taken on a request, first decision included when a recours follows.
      CREATE TABLE aid_decisions (
        id             INTEGER PRIMARY KEY,
        request_id     INTEGER NOT NULL REFERENCES aid_requests(id),
        body           TEXT NOT NULL CHECK (body IN ('responsable', 'commission')),
        commission_id  INTEGER REFERENCES commission_sessions(id),
        decision       TEXT NOT NULL CHECK (decision IN ('accordee', 'refusee', 'ajournee')),
        granted_cents  INTEGER,
        payment_mode   TEXT,
        cheques        INTEGER NOT NULL DEFAULT 0,
        payee_kind     TEXT,
        payee_name     TEXT,
        reasons        TEXT NOT NULL DEFAULT '',
        appeal         INTEGER NOT NULL DEFAULT 0,
        decided_on     TEXT NOT NULL,
        decided_by     INTEGER NOT NULL REFERENCES users(id),
        recorded_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX aid_decisions_by_request ON aid_decisions(request_id);

      CREATE TABLE aid_events (
        id          INTEGER PRIMARY KEY,
        request_id  INTEGER NOT NULL REFERENCES aid_requests(id),
        at          TEXT NOT NULL,
        user_id     INTEGER NOT NULL REFERENCES users(id),
        action      TEXT NOT NULL,
        from_status TEXT,
        to_status   TEXT NOT NULL,
        comment     TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX aid_events_by_request ON aid_events(request_id);

      -- Keyed by envelope: a dispositif's own code, or a shared envelope of the règlement.
      CREATE TABLE aid_envelopes (
        year         INTEGER NOT NULL,
        envelope     TEXT NOT NULL,
        voted_cents  INTEGER NOT NULL CHECK (voted_cents >= 0),
        updated_by   INTEGER NOT NULL REFERENCES users(id),
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (year, envelope)
      ) STRICT;
    `);
    const doc = exemple as { code: string; version: number; title: string; effectiveFrom: string; effectiveTo: string | null };
    db.prepare(
      "INSERT INTO reglements (code, version, title, effective_from, effective_to, document, status, imported_at, activated_at) VALUES (?, ?, ?, ?, ?, ?, 'actif', ?, ?)",
    ).run(doc.code, doc.version, doc.title, doc.effectiveFrom, doc.effectiveTo, JSON.stringify(exemple), new Date().toISOString(), new Date().toISOString());
  },
};
