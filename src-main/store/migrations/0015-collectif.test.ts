import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from './index';

function plan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('0015-collectif', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 15);
  db.exec(`INSERT INTO users (id, login, display_name, created_at) VALUES (1, 'a', 'A', 't');
    INSERT INTO households (id, created_at) VALUES (1, 't');
    INSERT INTO persons (id, birth_name, first_names, household_id, created_at, updated_at) VALUES (1, 'Martin', 'Léa', 1, 't', 't');
    INSERT INTO collectif_actions (id, title, created_at, created_by, updated_at) VALUES (1, 'Atelier cuisine', 't', 1, 't');
    INSERT INTO collectif_sessions (id, action_id, day, starts, ends, place, recorded_at, recorded_by) VALUES (1, 1, '2026-11-24', '14:00', '16:00', 'MDS', 't', 1);
    INSERT INTO collectif_participants (id, action_id, person_id, consent_on, consent_form, added_at, added_by) VALUES (1, 1, 1, '2026-11-20', 'ecrit', 't', 1);
    INSERT INTO collectif_attendance (session_id, participant_id, status) VALUES (1, 1, 'present');`);

  it('checks statuses, consent forms, attendance marks, amounts and counts', () => {
    expect(() => db.exec("UPDATE collectif_actions SET status = 'finie'")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO collectif_participants (action_id, person_id, consent_on, consent_form, added_at, added_by) VALUES (1, 1, 'x', 'tacite', 't', 1)")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE collectif_attendance SET status = 'retard'")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO collectif_fundings (action_id, funder, amount_cents, status) VALUES (1, 'CAF', -1, 'demande')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO collectif_fundings (action_id, funder, amount_cents, status) VALUES (1, 'CAF', 100, 'promis')")).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE collectif_sessions SET anonymous_count = -1')).toThrow(/CHECK/);
  });

  it('takes a removed participant’s attendance with them, and refuses an unknown person', () => {
    expect(() => db.exec("INSERT INTO collectif_participants (action_id, person_id, consent_on, consent_form, added_at, added_by) VALUES (1, 99, 'x', 'ecrit', 't', 1)")).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM collectif_participants WHERE id = 1');
    expect(db.prepare('SELECT count(*) AS n FROM collectif_attendance').get()).toEqual({ n: 0 });
  });

  it('serves an action’s sessions, a period’s sessions, a person’s participations and a user’s actions from indexes', () => {
    expect(plan(db, 'SELECT * FROM collectif_sessions WHERE action_id = 1 ORDER BY day')).toContain('USING INDEX collectif_sessions_by_action');
    expect(plan(db, "SELECT * FROM collectif_sessions WHERE day BETWEEN '2026-01-01' AND '2026-12-31'")).toContain('USING INDEX collectif_sessions_by_day');
    expect(plan(db, 'SELECT * FROM collectif_participants WHERE person_id = 1')).toContain('USING INDEX collectif_participants_by_person');
    expect(plan(db, 'SELECT action_id FROM collectif_leads WHERE user_id = 1')).toContain('collectif_leads_by_user');
  });
});
