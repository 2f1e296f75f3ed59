import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate } from './index';
import { splitAddress } from './0006-adresses-logo';

function plan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('migrations', () => {
  it('are numbered 1..n without gaps, and migrate() reaches the latest in one go, idempotently', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(migrate(db)).toBe(LATEST_VERSION);
  });

  it('roll back entirely when one step fails', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE site (x)'); // collides with 0001
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'users'").get()).toEqual({ n: 0 });
  });

  it('refuses a database from a newer version with a French message', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/version plus récente/);
  });

  describe('0001-initial', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    it('creates the site, accounts, territory, settings and audit tables', () => {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(['audit_log', 'communes', 'sectors', 'settings', 'site', 'user_roles', 'users']);
    });
    it('keeps the audit log append-only', () => {
      db.prepare("INSERT INTO audit_log (at, action, entity, prev_hash, hash) VALUES ('t', 'a', 'e', 'p', 'h')").run();
      expect(() => db.prepare("UPDATE audit_log SET action = 'b'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    });
    it('checks roles, INSEE codes and the single site row', () => {
      db.prepare("INSERT INTO users (login, display_name, created_at) VALUES ('a', 'A', 't')").run();
      expect(() => db.prepare("INSERT INTO user_roles VALUES (1, 'chef')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO communes (insee, name) VALUES ('821', 'X')").run()).toThrow(/CHECK/);
      db.prepare("INSERT INTO site VALUES (1, 'S', 'C', 't')").run();
      expect(() => db.prepare("INSERT INTO site VALUES (2, 'S', 'C', 't')").run()).toThrow(/CHECK/);
    });
    it('serves audit lookups by entity and communes by sector from indexes', () => {
      expect(plan(db, "SELECT * FROM audit_log WHERE entity = 'user' AND entity_id = '1'")).toContain('USING INDEX audit_by_entity');
      expect(plan(db, 'SELECT * FROM communes WHERE sector_id = 1')).toContain('USING INDEX communes_by_sector');
    });
  });

  describe('0002-accueil-dsu', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    it('creates persons, households, DSU, journal, documents, consents, appointments, partners and first contacts', () => {
      const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
      for (const t of ['persons', 'households', 'person_search', 'person_terms', 'dsu', 'dsu_intervenants', 'journal', 'journal_authors', 'documents', 'consents', 'exceptional_access', 'appointments', 'partners', 'motifs', 'first_contacts', 'person_merges']) {
        expect(tables, t).toContain(t);
      }
      expect((db.prepare('SELECT count(*) AS n FROM motifs').get() as { n: number }).n).toBe(10);
    });
    it('checks closing reasons against the status, dates, document types and first-contact motifs', () => {
      db.prepare("INSERT INTO users (id, login, display_name, created_at) VALUES (1, 'a', 'A', 't')").run();
      db.prepare("INSERT INTO households (id, created_at) VALUES (1, 't')").run();
      const dsu = db.prepare("INSERT INTO dsu (number, year, seq, household_id, referent_id, status, close_reason, opened_at, last_contact_on) VALUES ('X-2026-00001', 2026, 1, 1, 1, ?, ?, 't', '2026-01-01')");
      expect(() => dsu.run('actif', 'deces')).toThrow(/CHECK/);
      expect(() => dsu.run('clos', null)).toThrow(/CHECK/);
      dsu.run('actif', null);
      expect(() => db.prepare("INSERT INTO persons (birth_name, first_names, birth_date, created_at, updated_at) VALUES ('A', 'B', '12/03/1985', 't', 't')").run()).toThrow(/CHECK/);
      expect(() =>
        db.prepare("INSERT INTO documents (dsu_id, kind, title, doc_date, mime, size, sha256, content, uploaded_by, uploaded_at) VALUES (1, 'autre', 't', 'd', 'application/x-msdownload', 1, 'h', x'00', 1, 't')").run(),
      ).toThrow(/CHECK/);
      db.prepare("INSERT INTO persons (id, birth_name, first_names, created_at, updated_at) VALUES (1, 'A', 'B', 't', 't')").run();
      expect(() =>
        db.prepare("INSERT INTO first_contacts (at, mode, taken_by, person_id, request, motifs, urgent, outcome) VALUES ('t', 'telephone', 1, 1, 'r', 'pas du json', 0, 'information')").run(),
      ).toThrow(/CHECK/);
    });
    it('serves the hot paths from indexes: a file’s journal in order, searches, agendas', () => {
      expect(plan(db, 'SELECT * FROM journal WHERE dsu_id = 1 ORDER BY occurred_on DESC, id DESC LIMIT 51')).toMatch(/SEARCH journal USING PRIMARY KEY \(dsu_id=\?\)/);
      expect(plan(db, 'SELECT * FROM journal WHERE dsu_id = 1 ORDER BY occurred_on DESC, id DESC LIMIT 51')).not.toContain('TEMP B-TREE');
      expect(plan(db, "SELECT rowid FROM person_search WHERE person_search MATCH '\"du\"*'")).toContain('VIRTUAL TABLE INDEX');
      expect(plan(db, "SELECT * FROM appointments WHERE professional_id = 1 AND starts_at >= '2026-11-23' AND starts_at < '2026-11-30'")).toContain('USING INDEX appointments_by_professional');
      expect(plan(db, 'SELECT * FROM dsu WHERE household_id = 1')).toMatch(/USING INDEX sqlite_autoindex_dsu_2|USING INDEX/);
    });
  });

  describe('0003-aides', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 3);
    it('creates règlements, requests and their texts, decisions, events, commission sessions and envelopes', () => {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('reglements', 'aid_requests', 'aid_request_texts', 'aid_decisions', 'aid_events', 'commission_sessions', 'aid_envelopes') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(['aid_decisions', 'aid_envelopes', 'aid_events', 'aid_request_texts', 'aid_requests', 'commission_sessions', 'reglements']);
    });
    it('installs the example règlement as the active version, so a new site can instruct at once', () => {
      const r = db.prepare('SELECT code, version, status, effective_from, document FROM reglements').all() as { code: string; version: number; status: string; effective_from: string; document: string }[];
      expect(r).toHaveLength(1);
      expect(r[0]).toMatchObject({ status: 'actif', version: 1 });
      expect(JSON.parse(r[0]!.document)).toMatchObject({ code: r[0]!.code, effectiveFrom: r[0]!.effective_from });
    });
    it('checks statuses, amounts, origins, decision bodies and envelope amounts', () => {
      db.prepare("INSERT INTO users (id, login, display_name, created_at) VALUES (1, 'a', 'A', 't')").run();
      db.prepare("INSERT INTO persons (id, birth_name, first_names, created_at, updated_at) VALUES (1, 'X', 'Y', 't', 't')").run();
      expect(() => db.prepare("INSERT INTO reglements (code, version, title, effective_from, document, status, imported_at) VALUES ('c', 9, 't', '2026-01-01', '{}', 'en_vigueur', 't')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO aid_envelopes VALUES (2026, 'secours', -1, 1, 't')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO aid_decisions (request_id, body, decision, decided_on, decided_by, recorded_at) VALUES (1, 'maire', 'accordee', 'd', 1, 't')").run()).toThrow(/CHECK|FOREIGN KEY/);
      const request = (status: string, amount: number, origin: string) =>
        db.prepare(
          `INSERT INTO aid_requests (number, year, seq, dsu_id, person_id, requested_on, dispositif, nature, object, amount_cents, payment_mode, payee_kind, origin, status, created_by, created_at, updated_at)
           VALUES ('N-' || abs(random()), 2026, 1, 1, 1, '2026-01-02', 'secours', 'alimentaire', 'o', ?, 'virement', 'beneficiaire', ?, ?, 1, 't', 't')`,
        ).run(amount, origin, status);
      expect(() => request('accordee', 0, 'dsu')).toThrow(/CHECK/);
      expect(() => request('payee', 100, 'dsu')).toThrow(/CHECK/);
      expect(() => request('brouillon', 100, 'mairie')).toThrow(/CHECK/);
      // Every reference is a foreign key: a request for a DSU that does not exist is refused.
      expect(() => request('brouillon', 100, 'dsu')).toThrow(/FOREIGN KEY/);
    });
    it('serves the validation queue, a file’s aids and a commission’s agenda from indexes', () => {
      expect(plan(db, "SELECT * FROM aid_requests WHERE status = 'soumise' ORDER BY urgent DESC, submitted_at")).toContain('aid_requests_by_status');
      expect(plan(db, 'SELECT * FROM aid_requests WHERE dsu_id = 1 ORDER BY requested_on')).toContain('aid_requests_by_dsu');
      expect(plan(db, 'SELECT * FROM aid_requests WHERE commission_id = 3')).toContain('aid_requests_by_commission');
      expect(plan(db, 'SELECT * FROM aid_decisions WHERE request_id = 3')).toContain('aid_decisions_by_request');
    });
  });
  describe('0004-courriers', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    db.prepare("INSERT INTO site (id, name, code, created_at) VALUES (1, 'MDS', 'MDS', 't')").run();
    db.prepare("INSERT INTO households (id, address, created_at) VALUES (1, '5 rue Léon Cladel', 't')").run();
    migrate(db, 4);
    it('gives existing households and the site empty postal fields, nothing invented', () => {
      expect(db.prepare('SELECT postcode FROM households WHERE id = 1').get()).toEqual({ postcode: '' });
      expect(db.prepare('SELECT service_name, address_lines, postcode, city, phone FROM site').get()).toEqual({ service_name: '', address_lines: '[]', postcode: '', city: '', phone: '' });
    });
    it('accepts five-digit postcodes only, and up to three address lines as a JSON array', () => {
      db.prepare("UPDATE households SET postcode = '82000' WHERE id = 1").run();
      for (const bad of ['8200', '820000', '82 00', '2A004', 'abcde']) {
        expect(() => db.prepare('UPDATE households SET postcode = ? WHERE id = 1').run(bad), bad).toThrow(/CHECK/);
        expect(() => db.prepare('UPDATE site SET postcode = ?').run(bad), bad).toThrow(/CHECK/);
      }
      db.prepare(`UPDATE site SET address_lines = '["Maison Départementale des Solidarités", "2 rue de la Banque"]', postcode = '82000'`).run();
      expect(() => db.prepare("UPDATE site SET address_lines = 'pas du json'").run()).toThrow(/CHECK/);
      expect(() => db.prepare(`UPDATE site SET address_lines = '{"a": 1}'`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`UPDATE site SET address_lines = '["1", "2", "3", "4"]'`).run()).toThrow(/CHECK/);
    });
  });
  describe('0007-agenda', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.prepare("INSERT INTO settings (key, value) VALUES ('rdv_closed_days', '[{\"day\":\"2026-12-24\",\"label\":\"Pont\"}]')").run();
    migrate(db, 7);
    it('seeds the opening hours the agenda used until now and keeps closed days already set', () => {
      const week = JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'rdv_opening'").get() as { value: string }).value) as unknown[][];
      expect(week).toHaveLength(7);
      expect(week[0]).toEqual([{ from: '08:30', to: '12:30' }, { from: '13:30', to: '17:30' }]);
      expect(week[5]).toEqual([]);
      expect(db.prepare("SELECT value FROM settings WHERE key = 'rdv_closed_days'").get()).toEqual({ value: '[{"day":"2026-12-24","label":"Pont"}]' });
    });
    it('accepts only the listed cancellation reasons', () => {
      const cols = (db.prepare('PRAGMA table_info(appointments)').all() as { name: string }[]).map((c) => c.name);
      expect(cols).toEqual(expect.arrayContaining(['cancel_reason', 'cancel_note']));
      db.exec(`INSERT INTO users (id, login, display_name, created_at) VALUES (1, 'a', 'A', 't');
        INSERT INTO persons (id, birth_name, first_names, created_at, updated_at) VALUES (1, 'X', 'Y', 't', 't');
        INSERT INTO appointments (id, professional_id, person_id, starts_at, ends_at, kind, place, booked_by, created_at) VALUES (1, 1, 1, '2026-11-24T09:00', '2026-11-24T09:30', 'vad', 'Domicile', 1, 't');`);
      db.prepare("UPDATE appointments SET status = 'annule', cancel_reason = 'demande_personne' WHERE id = 1").run();
      expect(() => db.prepare("UPDATE appointments SET cancel_reason = 'caprice' WHERE id = 1").run()).toThrow(/CHECK/);
    });
    it('keeps permanences with a weekday, ordered hours, a weekly or fortnightly rhythm and dates in order', () => {
      db.exec("INSERT INTO communes (insee, name) VALUES ('82125', 'Montech')");
      const add = db.prepare("INSERT INTO permanences (place, commune_insee, professional_id, weekday, starts_at, ends_at, every_weeks, first_day, last_day, created_at) VALUES ('Mairie', '82125', 1, ?, ?, ?, ?, '2026-12-01', ?, 't')");
      add.run(2, '09:00', '12:00', 2, null);
      for (const bad of [[8, '09:00', '12:00', 1, null], [2, '12:00', '09:00', 1, null], [2, '09:00', '12:00', 3, null], [2, '09:00', '12:00', 1, '2026-11-01']] as const) {
        expect(() => add.run(...bad), JSON.stringify(bad)).toThrow(/CHECK/);
      }
      expect(plan(db, 'SELECT * FROM permanences WHERE professional_id = 1')).toContain('USING INDEX permanences_by_professional');
    });
  });
  describe('0009-surendettement', () => {
    const db = new Database(':memory:');
    migrate(db, 9);
    it('keeps debts, budgets and stages as appended versions, never rewritten', () => {
      db.exec(`INSERT INTO users (id, login, display_name, created_at) VALUES (1, 'c', 'C', 't');
        INSERT INTO households (id, created_at) VALUES (1, 't');
        INSERT INTO dsu (id, number, year, seq, household_id, referent_id, opened_at, last_contact_on) VALUES (1, 'MTB-2026-00001', 2026, 1, 1, 1, 't', '2026-11-23');
        INSERT INTO surendettement_files (id, dsu_id, referent_id, opened_on, opened_at, opened_by) VALUES (1, 1, 1, '2026-11-23', 't', 1);
        INSERT INTO surendettement_debts (id, file_id, created_at, created_by) VALUES (1, 1, 't', 1);
        INSERT INTO surendettement_debt_versions (debt_id, recorded_at, recorded_by, creditor, nature, amount_cents, monthly_cents) VALUES (1, 't', 1, 'Banque', 'fiscale', 100, 10);
        INSERT INTO surendettement_stages (file_id, cycle, kind, day, recorded_at, recorded_by) VALUES (1, 1, 'depot', '2026-11-20', 't', 1);`);
      expect(() => db.exec('UPDATE surendettement_debt_versions SET amount_cents = 1')).toThrow(/append-only/);
      expect(() => db.exec("UPDATE surendettement_stages SET day = '2026-11-21'")).toThrow(/append-only/);
      expect(() => db.exec("INSERT INTO surendettement_debt_versions (debt_id, recorded_at, recorded_by, creditor, nature, amount_cents, monthly_cents) VALUES (1, 't', 1, 'B', 'jeux', 1, 1)")).toThrow(/CHECK/);
      expect(() => db.exec("INSERT INTO surendettement_stages (file_id, cycle, kind, day, recorded_at, recorded_by) VALUES (1, 1, 'appel', '2026-11-20', 't', 1)")).toThrow(/CHECK/);
      expect(plan(db, "SELECT * FROM surendettement_files WHERE referent_id = 1 AND status = 'ouvert'")).toContain('USING INDEX surendettement_files_by_referent');
      expect(plan(db, 'SELECT * FROM surendettement_stages WHERE file_id = 1 ORDER BY id')).toContain('USING INDEX surendettement_stages_by_file');
    });
  });
  describe('0013-protection', () => {
    const step = MIGRATIONS.find((m) => m.name === '0013-protection')!;
    const db = new Database(':memory:');
    migrate(db, step.version);
    it('keeps the evaluation journal append-only, its lists checked, and finds an evaluator’s evaluations by index', () => {
      db.exec(`INSERT INTO users (id, login, display_name, created_at) VALUES (1, 'r', 'R', 't');
        INSERT INTO protection_evaluations (id, kind, received_on, origin, created_at, created_by) VALUES (1, 'ip', '2026-11-02', 'education_nationale', 't', 1);
        INSERT INTO protection_journal (evaluation_id, occurred_on, type, summary, recorded_at, recorded_by) VALUES (1, '2026-11-10', 'vad', 'Visite', 't', 1);
        INSERT INTO protection_team (evaluation_id, user_id, assigned_at, assigned_by) VALUES (1, 1, 't', 1);`);
      expect(() => db.exec("UPDATE protection_journal SET summary = 'x'")).toThrow(/append-only/);
      expect(() => db.exec('DELETE FROM protection_journal')).toThrow(/append-only/);
      expect(() => db.exec("INSERT INTO protection_evaluations (kind, received_on, origin, created_at, created_by) VALUES ('ae', '2026-11-02', 'autre', 't', 1)")).toThrow(/CHECK/);
      expect(() => db.exec("INSERT INTO protection_team (evaluation_id, external_name, external_role, assigned_at, assigned_by) VALUES (1, '', 'crip', 't', 1)")).toThrow(/CHECK/);
      expect(() => db.exec("UPDATE protection_evaluations SET proposals = 'aed'")).toThrow(/CHECK/);
      expect(plan(db, 'SELECT evaluation_id FROM protection_team WHERE user_id = 1')).toContain('USING COVERING INDEX protection_team_by_user');
      expect(plan(db, "SELECT * FROM protection_evaluations WHERE kind = 'ip' AND received_on BETWEEN '2026-01-01' AND '2026-12-31'")).toContain('USING INDEX protection_evaluations_by_received');
    });
  });
  describe('0005-situation', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.prepare("INSERT INTO site (id, name, code, created_at) VALUES (1, 'MDS', 'MDS', 't')").run();
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO users (id, login, display_name, created_at) VALUES (1, 'ass', 'Alice', 't')").run();
    db.prepare("INSERT INTO households (id, address, created_at) VALUES (1, '', 't')").run();
    db.prepare("INSERT INTO dsu (id, number, year, seq, household_id, referent_id, opened_at, last_contact_on) VALUES (1, 'MDS-2026-00001', 2026, 1, 1, 1, 't', '2026-01-01')").run();
    migrate(db, 5);
    const add = (dsu: number, validOn: string, content: string, changed = '[]') =>
      db.prepare("INSERT INTO dsu_situations (dsu_id, valid_on, recorded_at, recorded_by, content, changed) VALUES (?, ?, 't', 1, ?, ?)").run(dsu, validOn, content, changed);
    it('keeps dated versions of a file’s situation, append-only, checked as JSON', () => {
      add(1, '2026-01-05', '{"note":""}');
      expect(() => add(2, '2026-01-05', '{}')).toThrow(/FOREIGN KEY/);
      expect(() => add(1, '05/01/2026', '{}')).toThrow(/CHECK/);
      expect(() => add(1, '2026-01-05', 'pas du json')).toThrow(/CHECK/);
      expect(() => add(1, '2026-01-05', '[]')).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE dsu_situations SET content = '{}'").run()).toThrow(/append-only/);
    });
    it('reads a file’s versions, newest first, from an index', () => {
      expect(plan(db, 'SELECT * FROM dsu_situations WHERE dsu_id = 1 ORDER BY id DESC')).toContain('dsu_situations_by_dsu');
    });
  });
  describe('0006-adresses-logo', () => {
    const db = new Database(':memory:');
    migrate(db, 5);
    db.prepare("INSERT INTO site (id, name, code, created_at) VALUES (1, 'MDS', 'MDS', 't')").run();
    const ins = db.prepare("INSERT INTO households (id, address, postcode, created_at) VALUES (?, ?, ?, 't')");
    ins.run(1, '5 rue Léon Cladel', '82000');
    ins.run(2, '14 avenue Gambetta\nRésidence Les Tilleuls, bât. B\nappartement 12', '82000');
    ins.run(3, '3 chemin des Vignes 82200 Moissac', '');
    ins.run(4, 'Lieu-dit Le Bourg\n82130 Lafrançaise', '');
    ins.run(5, '', '');
    migrate(db, 6);
    const row = (id: number) => db.prepare('SELECT address, address_complement AS complement, postcode FROM households WHERE id = ?').get(id);
    it('keeps every existing address: first line the street, the others the complement, a trailing postcode moved to its field', () => {
      expect(row(1)).toEqual({ address: '5 rue Léon Cladel', complement: '', postcode: '82000' });
      expect(row(2)).toEqual({ address: '14 avenue Gambetta', complement: 'Résidence Les Tilleuls, bât. B, appartement 12', postcode: '82000' });
      expect(row(3)).toEqual({ address: '3 chemin des Vignes', complement: '', postcode: '82200' });
      expect(row(4)).toEqual({ address: 'Lieu-dit Le Bourg', complement: '', postcode: '82130' });
      expect(row(5)).toEqual({ address: '', complement: '', postcode: '' });
    });
    it('never overwrites a postcode already set, and leaves a number that is not a postcode in the street', () => {
      expect(splitAddress('3 chemin des Vignes 82200 Moissac', '82000')).toEqual({ address: '3 chemin des Vignes 82200 Moissac', complement: '', postcode: '82000' });
      expect(splitAddress('1200 route de Toulouse', '')).toEqual({ address: '1200 route de Toulouse', complement: '', postcode: '' });
    });
    it('keeps the complement on one line and the site logo a PNG or JPEG of 500 kB at most', () => {
      expect(() => db.prepare("UPDATE households SET address_complement = 'a' || char(10) || 'b' WHERE id = 1").run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE households SET address_complement = ? WHERE id = 1").run('x'.repeat(201))).toThrow(/CHECK/);
      expect(db.prepare('SELECT logo, logo_mime FROM site').get()).toEqual({ logo: null, logo_mime: null });
      db.prepare("UPDATE site SET logo = ?, logo_mime = 'image/png'").run(Buffer.alloc(512000));
      expect(() => db.prepare('UPDATE site SET logo = ?').run(Buffer.alloc(512001))).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE site SET logo_mime = 'image/gif'").run()).toThrow(/CHECK/);
    });
  });
  describe('0010-search-fields', () => {
    const step = MIGRATIONS.find((m) => m.name === '0010-search-fields')!;
    const db = new Database(':memory:');
    migrate(db, step.version - 1);
    db.exec(`INSERT INTO households (id, address, created_at) VALUES (1, '1 rue A', 't');
      INSERT INTO persons (id, birth_name, usage_name, first_names, birth_date, phone, household_id, household_role, created_at, updated_at) VALUES
        (1, 'Lefèvre', '', 'Noé', NULL, '', 1, 'enfant', 't', 't'),
        (2, 'Martin-Dubois', 'Œuvray', 'Jean-Pierre Éric', '1985-03-12', '+33 6 12 34 56 78', 1, 'conjoint', 't', 't'),
        (3, 'Garcia', '', 'Luis', '1960-01-01', '', 1, 'demandeur', 't', 't'),
        (4, 'Garcia', '', 'Luis', NULL, '', 1, 'demandeur', 't', 't');
      UPDATE persons SET merged_into = 3 WHERE id = 4;
      INSERT INTO person_search (rowid, text) VALUES (1, 'lefevre noe'), (2, 'martin dubois oeuvray jean pierre eric 12031985 1985 0612345678'), (3, 'garcia luis 01011960 1960');`);
    migrate(db, step.version);
    const holder = `SELECT id FROM persons WHERE household_id = 1 AND merged_into IS NULL
      ORDER BY CASE household_role WHEN 'demandeur' THEN 0 WHEN 'conjoint' THEN 1 ELSE 2 END, id LIMIT 1`;
    it('rebuilds the search index field by field for every live record', () => {
      expect(db.prepare('SELECT rowid AS id, birth, usage, first, date, year, phone FROM person_search ORDER BY rowid').all()).toEqual([
        { id: 1, birth: 'lefevre', usage: '', first: 'noe', date: '', year: '', phone: '' },
        { id: 2, birth: 'martin dubois', usage: 'oeuvray', first: 'jean pierre eric', date: '12031985', year: '1985', phone: '0612345678' },
        { id: 3, birth: 'garcia', usage: '', first: 'luis', date: '01011960', year: '1960', phone: '' },
      ]);
      expect(db.prepare("SELECT rowid AS id FROM person_search WHERE person_search MATCH '\"oeuv\"* AND \"1985\"*'").all()).toEqual([{ id: 2 }]);
    });
    it('finds a household’s holder (demandeur, conjoint, then the first member) from an index alone', () => {
      expect(db.prepare(holder).get()).toEqual({ id: 3 });
      expect(plan(db, holder)).toContain('USING COVERING INDEX persons_holder_by_household');
      db.exec("UPDATE persons SET household_role = 'autre' WHERE id = 3");
      expect(db.prepare(holder).get()).toEqual({ id: 2 });
    });
    it('reads the validation queue’s lines from an index of the waiting requests alone, in the queue’s order', () => {
      const queue = `SELECT a.id, a.number, a.dsu_id, a.person_id, a.dispositif, a.nature, a.amount_cents, a.granted_cents, a.paid_on, a.status, a.outcome, a.route, a.urgent,
        a.requested_on, a.submitted_at, a.taken_by, a.appeal_on, a.commission_id, coalesce(a.submitted_by, a.created_by)
        FROM aid_requests a INDEXED BY aid_requests_waiting WHERE a.status IN ('soumise', 'a_valider') ORDER BY a.urgent DESC, a.submitted_at, a.id`;
      expect(plan(db, queue)).toBe('SCAN a USING COVERING INDEX aid_requests_waiting');
    });
  });
});
