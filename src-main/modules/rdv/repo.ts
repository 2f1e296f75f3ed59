/** Appointments: the only place their SQL lives. Identity-level data only. */
import type { Db } from '../../store/database';
import type { AppointmentOut } from './contract';
import { addDays } from '../../shared/time';
import type { Busy, Hours, PermanenceRule } from './rules';
import { daysOf } from '../../store/labels';
import { personName } from '../../shared/french';

const SELECT = `SELECT a.id, a.professional_id AS proId, u.display_name AS proName, a.person_id AS personId,
  p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, a.household_id AS householdId,
  d.id AS dsuId, d.number AS dsuNumber, a.starts_at AS startsAt, a.ends_at AS endsAt, a.kind, a.place, a.status,
  a.cancel_reason AS cancelReason, a.cancel_note AS cancelNote
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
  cancelReason: AppointmentOut['cancelReason'];
  cancelNote: string;
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
  cancelReason: r.cancelReason,
  cancelNote: r.cancelNote,
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

/** The agendas of several professionals over `days` days from `from`, in time order. */
export function agendas(db: Db, professionalIds: readonly number[], from: string, days: number): AppointmentOut[] {
  const to = addDays(from, days);
  const marks = professionalIds.map(() => '?').join(', ');
  return (db.prepare(`${SELECT} WHERE a.professional_id IN (${marks}) AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.professional_id`).all(...professionalIds, from, to) as Row[]).map(shape);
}

/** Moves an appointment (another time, length or professional); the caller checked the slot. */
export function moveAppointment(db: Db, id: number, a: { professionalId: number; startsAt: string; endsAt: string; place: string }): void {
  db.prepare('UPDATE appointments SET professional_id = ?, starts_at = ?, ends_at = ?, place = ? WHERE id = ?').run(a.professionalId, a.startsAt, a.endsAt, a.place, id);
}

export function cancelAppointment(db: Db, id: number, reason: string, note: string, by: number, now: string): void {
  db.prepare("UPDATE appointments SET status = 'annule', cancel_reason = ?, cancel_note = ?, status_by = ?, status_at = ? WHERE id = ?").run(reason, note, by, now, id);
}

/** The planned appointments of a day with what a reminder needs: the person's phone, the professional, the place. */
export function remindersOf(db: Db, day: string): { id: number; startsAt: string; endsAt: string; name: string; phone: string; professional: string; place: string; kind: string }[] {
  return db
    .prepare(
      `SELECT a.id, a.starts_at AS startsAt, a.ends_at AS endsAt,
         upper(CASE p.usage_name WHEN '' THEN p.birth_name ELSE p.usage_name END) || ' ' || p.first_names AS name,
         p.phone, u.display_name AS professional, a.place, a.kind
       FROM appointments a JOIN persons p ON p.id = a.person_id JOIN users u ON u.id = a.professional_id
       WHERE a.status = 'prevu' AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, u.display_name`,
    )
    .all(`${day}T00:00`, `${day}T99`) as { id: number; startsAt: string; endsAt: string; name: string; phone: string; professional: string; place: string; kind: string }[];
}

/** The site's opening hours and closed days (settings written by migration 0007, changed by the administrator). */
export function hours(db: Db): Hours {
  const read = (key: string) => (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  const week = JSON.parse(read('rdv_opening') ?? '[[],[],[],[],[],[],[]]') as Hours['week'];
  const closed = JSON.parse(read('rdv_closed_days') ?? '[]') as Hours['closed'];
  return { week, closed: closed.sort((a, b) => a.day.localeCompare(b.day)) };
}

export function saveHours(db: Db, h: Hours): void {
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  put.run('rdv_opening', JSON.stringify(h.week));
  put.run('rdv_closed_days', JSON.stringify([...h.closed].sort((a, b) => a.day.localeCompare(b.day))));
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

export interface PermanenceRow extends PermanenceRule {
  id: number;
  place: string;
  address: string;
  communeInsee: string;
  communeName: string;
  professional: { id: number; displayName: string };
}

/** The permanences, of some professionals or all; those ended before `since` left out when it is given. */
export function permanences(db: Db, professionalIds: readonly number[] | null, since: string | null = null): PermanenceRow[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.place, p.address, p.commune_insee AS communeInsee, c.name AS communeName, p.professional_id AS proId, u.display_name AS proName,
         p.weekday, p.starts_at AS startsAt, p.ends_at AS endsAt, p.every_weeks AS everyWeeks, p.first_day AS firstDay, p.last_day AS lastDay
       FROM permanences p JOIN communes c ON c.insee = p.commune_insee JOIN users u ON u.id = p.professional_id
       WHERE (? IS NULL OR p.last_day IS NULL OR p.last_day >= ?) ORDER BY p.weekday, p.starts_at, p.place`,
    )
    .all(since, since) as (Omit<PermanenceRow, 'professional'> & { proId: number; proName: string })[];
  return rows
    .filter((r) => professionalIds === null || professionalIds.includes(r.proId))
    .map(({ proId, proName, ...r }) => ({ ...r, professional: { id: proId, displayName: proName } }));
}

export function savePermanence(
  db: Db,
  p: { id?: number | undefined; place: string; address: string; communeInsee: string; professionalId: number; weekday: number; startsAt: string; endsAt: string; everyWeeks: number; firstDay: string; lastDay: string | null },
  now: string,
): number {
  if (p.id !== undefined) {
    db.prepare(
      `UPDATE permanences SET place = ?, address = ?, commune_insee = ?, professional_id = ?, weekday = ?, starts_at = ?, ends_at = ?, every_weeks = ?, first_day = ?, last_day = ? WHERE id = ?`,
    ).run(p.place, p.address, p.communeInsee, p.professionalId, p.weekday, p.startsAt, p.endsAt, p.everyWeeks, p.firstDay, p.lastDay, p.id);
    return p.id;
  }
  return Number(
    db
      .prepare(
        `INSERT INTO permanences (place, address, commune_insee, professional_id, weekday, starts_at, ends_at, every_weeks, first_day, last_day, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.place, p.address, p.communeInsee, p.professionalId, p.weekday, p.startsAt, p.endsAt, p.everyWeeks, p.firstDay, p.lastDay, now).lastInsertRowid,
  );
}

export function permanenceExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM permanences WHERE id = ?').get(id) !== undefined;
}

export function communes(db: Db): { insee: string; name: string }[] {
  return db.prepare('SELECT insee, name FROM communes ORDER BY name COLLATE NOCASE').all() as { insee: string; name: string }[];
}

/** The active ASS and CESF, by name. */
export function workers(db: Db): { id: number; displayName: string }[] {
  return db
    .prepare(
      `SELECT u.id, u.display_name AS displayName FROM users u
       WHERE u.disabled_at IS NULL AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('ass', 'cesf'))
       ORDER BY u.display_name COLLATE NOCASE`,
    )
    .all() as { id: number; displayName: string }[];
}
