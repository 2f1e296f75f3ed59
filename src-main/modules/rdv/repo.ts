/** Appointments: the only place their SQL lives. Identity-level data only. */
import type { Db } from '../../store/database';
import type { AppointmentOut } from './contract';
import { addDays } from '../../shared/time';
import type { Busy } from './rules';
import { daysOf } from '../../store/labels';
import { personName } from '../../shared/french';

const SELECT = `SELECT a.id, a.professional_id AS proId, u.display_name AS proName, a.person_id AS personId,
  p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, a.household_id AS householdId,
  d.id AS dsuId, d.number AS dsuNumber, a.starts_at AS startsAt, a.ends_at AS endsAt, a.kind, a.place, a.status
  FROM appointments a JOIN users u ON u.id = a.professional_id JOIN persons p ON p.id = a.person_id
  LEFT JOIN dsu d ON d.household_id = a.household_id`;

interface Row {
  id: number;
  proId: number;
  proName: string;
  personId: number;
  birthName: string;
  usageName: string;
  firstNames: string;
  householdId: number | null;
  dsuId: number | null;
  dsuNumber: string | null;
  startsAt: string;
  endsAt: string;
  kind: AppointmentOut['kind'];
  place: string;
  status: AppointmentOut['status'];
}

const shape = (r: Row): AppointmentOut => ({
  id: r.id,
  professional: { id: r.proId, displayName: r.proName },
  person: { id: r.personId, name: personName(r) },
  householdId: r.householdId,
  dsu: r.dsuId !== null && r.dsuNumber !== null ? { id: r.dsuId, number: r.dsuNumber } : null,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  kind: r.kind,
  place: r.place,
  status: r.status,
});

export function getAppointment(db: Db, id: number): AppointmentOut | undefined {
  const r = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
  return r ? shape(r) : undefined;
}

export function agenda(db: Db, professionalId: number, from: string, days: number): AppointmentOut[] {
  const to = addDays(from, days);
  return (db.prepare(`${SELECT} WHERE a.professional_id = ? AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at`).all(professionalId, from, to) as Row[]).map(shape);
}

export function forHousehold(db: Db, householdId: number | null, personId: number, limit = 20): AppointmentOut[] {
  return (
    db
      .prepare(`${SELECT} WHERE a.id IN (SELECT id FROM appointments WHERE household_id = ? UNION SELECT id FROM appointments WHERE person_id = ?) ORDER BY a.starts_at DESC LIMIT ?`)
      .all(householdId, personId, limit) as Row[]
  ).map(shape);
}

/** A household's appointments, latest first (its DSU's panel). */
export function ofHousehold(db: Db, householdId: number, limit: number): AppointmentOut[] {
  return (db.prepare(`${SELECT} WHERE a.household_id = ? ORDER BY a.starts_at DESC LIMIT ?`).all(householdId, limit) as Row[]).map(shape);
}

/** Appointments that still hold the professional's time (planned or honoured). */
export function busyBetween(db: Db, professionalId: number, from: string, to: string, exceptId = 0): Busy[] {
  return db
    .prepare(
      `SELECT starts_at AS startsAt, ends_at AS endsAt FROM appointments
       WHERE professional_id = ? AND status IN ('prevu', 'honore') AND starts_at < ? AND ends_at > ? AND id <> ? ORDER BY starts_at`,
    )
    .all(professionalId, to, from, exceptId) as Busy[];
}

export function insertAppointment(
  db: Db,
  a: { professionalId: number; personId: number; householdId: number | null; startsAt: string; endsAt: string; kind: string; place: string; bookedBy: number },
  now: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO appointments (professional_id, person_id, household_id, starts_at, ends_at, kind, place, booked_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.professionalId, a.personId, a.householdId, a.startsAt, a.endsAt, a.kind, a.place, a.bookedBy, now).lastInsertRowid,
  );
}

export function setStatus(db: Db, id: number, status: string, by: number, now: string): void {
  db.prepare('UPDATE appointments SET status = ?, status_by = ?, status_at = ? WHERE id = ?').run(status, by, now, id);
}


/** The latest appointment of each person that was not cancelled (a booked one keeps the person in contact). */
export function personActivity(db: Db, personIds: readonly number[]): Map<number, string> {
  return daysOf(db, (f) => `SELECT person_id AS id, max(substr(starts_at, 1, 10)) AS day FROM appointments WHERE status <> 'annule' AND ${f('person_id')} GROUP BY person_id`, personIds);
}

/** A professional's past appointments still "prévu": their outcome is to be recorded. */
export function unmarked(db: Db, professionalId: number, beforeMinute: string): { id: number; startsAt: string; name: string }[] {
  return db
    .prepare(
      `SELECT a.id, a.starts_at AS startsAt, upper(CASE p.usage_name WHEN '' THEN p.birth_name ELSE p.usage_name END) || ' ' || p.first_names AS name
       FROM appointments a JOIN persons p ON p.id = a.person_id
       WHERE a.professional_id = ? AND a.status = 'prevu' AND a.starts_at < ? ORDER BY a.starts_at LIMIT 100`,
    )
    .all(professionalId, beforeMinute) as { id: number; startsAt: string; name: string }[];
}

/** A person's appointments, oldest first, for their right-of-access export. */
export function appointmentsOfPerson(db: Db, personId: number) {
  return db
    .prepare(
      `SELECT a.starts_at AS startsAt, a.kind, a.place, a.status, u.display_name AS professional
       FROM appointments a JOIN users u ON u.id = a.professional_id WHERE a.person_id = ? ORDER BY a.starts_at`,
    )
    .all(personId) as { startsAt: string; kind: string; place: string; status: string; professional: string }[];
}

/** Honoured appointments of the period by kind and by the professional's role (ASS / CESF, DOMAIN §7 report tables 4–5). */
export function honouredByKind(db: Db, from: string, to: string): { kind: string; role: string; n: number }[] {
  return db
    .prepare(
      `SELECT a.kind, CASE WHEN EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'cesf') THEN 'cesf' ELSE 'ass' END AS role, count(*) AS n
       FROM appointments a JOIN users u ON u.id = a.professional_id
       WHERE a.status = 'honore' AND substr(a.starts_at, 1, 10) BETWEEN ? AND ? GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all(from, to) as { kind: string; role: string; n: number }[];
}
