import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './index';

describe('0014-concertation', () => {
  const step = MIGRATIONS.find((m) => m.name === '0014-concertation')!;
  const db = new Database(':memory:');
  migrate(db, step.version);
  db.exec(`INSERT INTO users (id, login, display_name, created_at) VALUES (1, 'a', 'A', 't');
    INSERT INTO households (id, created_at) VALUES (1, 't');
    INSERT INTO persons (id, birth_name, first_names, household_id, household_role, created_at, updated_at) VALUES (1, 'Moreau', 'Lina', 1, 'demandeur', 't', 't');
    INSERT INTO dsu (id, number, year, seq, household_id, referent_id, opened_at, last_contact_on) VALUES (1, 'MTB-2026-00001', 2026, 1, 1, 1, 't', '2026-11-23');
    INSERT INTO consents (id, dsu_id, person_id, recipient_label, scope, form, given_on, recorded_by, recorded_at) VALUES (1, 1, 1, 'Instance de concertation', 'Situation', 'ecrit', '2026-11-23', 1, 't');
    INSERT INTO concertation_referrals (id, dsu_id, consent_id, referred_by, referred_at, referred_on, motif, purpose, field) VALUES (1, 1, 1, 1, 't', '2026-11-23', 'm', 'p', 'enfance');
    INSERT INTO concertation_elements (referral_id, kind, content, recorded_at, recorded_by) VALUES (1, 'logement', 'x', 't', 1);
    INSERT INTO concertation_decisions (referral_id, action, who, recorded_at, recorded_by) VALUES (1, 'a', 'w', 't', 1);`);

  it('rests each referral on a consent of the DSU and keeps elements and decisions appended, never rewritten', () => {
    db.pragma('foreign_keys = ON');
    expect(() => db.exec("INSERT INTO concertation_referrals (dsu_id, consent_id, referred_by, referred_at, referred_on, motif, purpose, field) VALUES (1, 99, 1, 't', '2026-11-23', 'm', 'p', 'enfance')")).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("UPDATE concertation_elements SET content = 'y'")).toThrow(/append-only/);
    expect(() => db.exec("UPDATE concertation_decisions SET who = 'z'")).toThrow(/append-only/);
  });

  it('checks the lists: element kinds, statuses, the field of intervention, member kinds', () => {
    expect(() => db.exec("INSERT INTO concertation_elements (referral_id, kind, content, recorded_at, recorded_by) VALUES (1, 'religion', 'x', 't', 1)")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE concertation_referrals SET status = 'ouverte'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE concertation_referrals SET field = 'loisirs'")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO concertation_participants (referral_id, kind, name, added_at, added_by) VALUES (1, 'invite', 'X', 't', 1)")).toThrow(/CHECK/);
  });
});
