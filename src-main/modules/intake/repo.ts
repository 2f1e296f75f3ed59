/** The premier accueil: the only place its SQL lives (DOMAIN §2). */
import { prep, type Db } from '../../store/database';
import { daysOf, labelsOf } from '../../store/labels';
import type { FirstContactOut } from './contract';
import { shortName } from '../persons';

export interface Motif {
  code: string;
  label: string;
  active: boolean;
  position: number;
}

type MotifRow = Omit<Motif, 'active'> & { active: number };
const motifShape = (m: MotifRow): Motif => ({ ...m, active: m.active === 1 });

// Motifs ------------------------------------------------------------------------------------

export function listMotifs(db: Db): Motif[] {
  return (db.prepare('SELECT code, label, active, position FROM motifs ORDER BY position').all() as MotifRow[]).map(motifShape);
}

export function getMotif(db: Db, code: string): Motif | undefined {
  const r = db.prepare('SELECT code, label, active, position FROM motifs WHERE code = ?').get(code) as MotifRow | undefined;
  return r ? motifShape(r) : undefined;
}

/** The code of the motif with this label (case-insensitive), if any. */
export function motifCodeByLabel(db: Db, label: string): string | undefined {
  return (db.prepare('SELECT code FROM motifs WHERE label = ? COLLATE NOCASE').get(label) as { code: string } | undefined)?.code;
}

export function motifCodeExists(db: Db, code: string): boolean {
  return db.prepare('SELECT 1 FROM motifs WHERE code = ?').get(code) !== undefined;
}

/** Renames / switches a motif on or off; false when there is no such code. */
export function updateMotif(db: Db, code: string, label: string, active: boolean): boolean {
  return db.prepare('UPDATE motifs SET label = ?, active = ? WHERE code = ?').run(label, active ? 1 : 0, code).changes !== 0;
}

/** Adds a motif after the last one. */
export function insertMotif(db: Db, code: string, label: string, active: boolean): void {
  const position = ((db.prepare('SELECT max(position) AS m FROM motifs').get() as { m: number | null }).m ?? 0) + 1;
  db.prepare('INSERT INTO motifs (code, label, position, active) VALUES (?, ?, ?, ?)').run(code, label, position, active ? 1 : 0);
}

export function activeMotifs(db: Db): { code: string; label: string }[] {
  return db.prepare('SELECT code, label FROM motifs WHERE active = 1 ORDER BY position').all() as { code: string; label: string }[];
}

export function activeMotifCodes(db: Db): string[] {
  return (prep(db, 'SELECT code FROM motifs WHERE active = 1').all() as { code: string }[]).map((m) => m.code);
}

// First contacts ----------------------------------------------------------------------------

export interface FirstContactInsert {
  at: string;
  mode: string;
  takenBy: number;
  personId: number;
  householdId: number | null;
  request: string;
  motifs: string[];
  urgent: boolean;
  urgencyReason: string;
  outcome: string;
  partnerId: number | null;
  appointmentId: number | null;
  dsuId: number | null;
}

export function insertFirstContact(db: Db, f: FirstContactInsert): number {
  const r = prep(
    db,
    `INSERT INTO first_contacts (at, mode, taken_by, person_id, household_id, request, motifs, urgent, urgency_reason, outcome, partner_id, appointment_id, dsu_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.at,
    f.mode,
    f.takenBy,
    f.personId,
    f.householdId,
    f.request,
    JSON.stringify(f.motifs),
    f.urgent ? 1 : 0,
    f.urgencyReason,
    f.outcome,
    f.partnerId,
    f.appointmentId,
    f.dsuId,
  );
  return Number(r.lastInsertRowid);
}

// Other modules' tables (to move behind their index.ts) -------------------------------------

/** Active ASS and CESF accounts, with all their roles. */
export function socialWorkers(db: Db): { id: number; displayName: string; roles: string[] }[] {
  return (
    db
      .prepare(
        `SELECT u.id, u.display_name AS displayName, json_group_array(r.role) AS roles FROM users u JOIN user_roles r ON r.user_id = u.id
           WHERE u.disabled_at IS NULL AND u.id IN (SELECT user_id FROM user_roles WHERE role IN ('ass', 'cesf'))
           GROUP BY u.id ORDER BY u.display_name COLLATE NOCASE`,
      )
      .all() as { id: number; displayName: string; roles: string }[]
  ).map((u) => ({ ...u, roles: JSON.parse(u.roles) as string[] }));
}

export function communes(db: Db): { insee: string; name: string }[] {
  return db.prepare('SELECT insee, name FROM communes ORDER BY name COLLATE NOCASE').all() as { insee: string; name: string }[];
}

export function activePartnerExists(db: Db, partnerId: number): boolean {
  return db.prepare('SELECT 1 FROM partners WHERE id = ? AND active = 1').get(partnerId) !== undefined;
}

/** The INSEE code of an existing household's commune. */
export function householdCommune(db: Db, householdId: number): string | null {
  return (db.prepare('SELECT commune_insee AS c FROM households WHERE id = ?').get(householdId) as { c: string | null }).c;
}

/** Names of this module's entities in the audit log. */
export const auditEntities = {
  motif: (db: Db, ids: readonly string[]) => labelsOf(db, 'SELECT code AS id, label FROM motifs WHERE code IN (SELECT value FROM json_each(?))', ids),
};


/** The latest first contact of each person. */
export function personActivity(db: Db, personIds: readonly number[]): Map<number, string> {
  return daysOf(db, (f) => `SELECT person_id AS id, max(date(at, 'localtime')) AS day FROM first_contacts WHERE ${f('person_id')} GROUP BY person_id`, personIds);
}

/** A person's first contacts, oldest first, for their right-of-access export. */
export function firstContactsOfPerson(db: Db, personId: number) {
  return db
    .prepare(
      `SELECT f.at, f.mode, f.request, f.urgent, f.urgency_reason AS urgencyReason, f.outcome, p.organisation AS partner, u.display_name AS takenBy,
              (SELECT json_group_array(m.label) FROM json_each(f.motifs) fm JOIN motifs m ON m.code = fm.value) AS motifs
       FROM first_contacts f JOIN users u ON u.id = f.taken_by LEFT JOIN partners p ON p.id = f.partner_id
       WHERE f.person_id = ? ORDER BY f.at`,
    )
    .all(personId) as { at: string; mode: string; request: string; urgent: number; urgencyReason: string; outcome: string; partner: string | null; takenBy: string; motifs: string }[];
}

/** First contacts of the period by mode, and those that opened no DSU (*ponctuels*). */
export function periodCounts(db: Db, from: string, to: string): { mode: string; n: number; ponctuels: number }[] {
  return db
    .prepare(
      `SELECT mode, count(*) AS n, coalesce(sum(outcome IN ('information', 'orientation') AND dsu_id IS NULL), 0) AS ponctuels FROM first_contacts
       WHERE date(at, 'localtime') BETWEEN ? AND ? GROUP BY mode ORDER BY mode`,
    )
    .all(from, to) as { mode: string; n: number; ponctuels: number }[];
}

/** The latest first contacts of a household, for its DSU (its panel: 50; its export: all). */
export function firstContactsOfHousehold(db: Db, householdId: number, limit = 50): FirstContactOut[] {
  return firstContactsWhere(db, 'f.household_id', householdId, limit);
}

/** The first contacts about one person (whatever her household then), newest first. */
export function recentFirstContactsOfPerson(db: Db, personId: number, limit = 20): FirstContactOut[] {
  return firstContactsWhere(db, 'f.person_id', personId, limit);
}

function firstContactsWhere(db: Db, column: 'f.household_id' | 'f.person_id', value: number, limit: number): FirstContactOut[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.at, f.mode, u.id AS uid, u.display_name AS uname, p.id AS pid, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames,
              (SELECT json_group_array(m.label ORDER BY m.position) FROM json_each(f.motifs) fm JOIN motifs m ON m.code = fm.value) AS motifs,
              f.urgent, f.urgency_reason AS urgencyReason, f.request, f.outcome,
              pa.organisation || CASE WHEN pa.service <> '' THEN ' — ' || pa.service ELSE '' END AS partner
       FROM first_contacts f JOIN users u ON u.id = f.taken_by JOIN persons p ON p.id = f.person_id LEFT JOIN partners pa ON pa.id = f.partner_id
       WHERE ${column} = ? ORDER BY f.at DESC, f.id DESC LIMIT ?`,
    )
    .all(value, limit) as {
    id: number;
    at: string;
    mode: FirstContactOut['mode'];
    uid: number;
    uname: string;
    pid: number;
    birthName: string;
    usageName: string;
    firstNames: string;
    motifs: string;
    urgent: number;
    urgencyReason: string;
    request: string;
    outcome: FirstContactOut['outcome'];
    partner: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    mode: r.mode,
    takenBy: { id: r.uid, displayName: r.uname },
    person: { id: r.pid, name: shortName(r) },
    motifs: JSON.parse(r.motifs) as string[],
    urgent: r.urgent === 1,
    urgencyReason: r.urgencyReason,
    request: r.request,
    outcome: r.outcome,
    partner: r.partner,
  }));
}
