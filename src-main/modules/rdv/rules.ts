/**
 * Appointment rules (DOMAIN §7): opening hours, overlap, next free slot. Pure functions.
 * The opening hours and closed days are the site's settings (`rdv:hours`), passed in.
 */
import { addDays, addMinutes, weekday } from '../../shared/time';

export const SLOT_STEP_MIN = 15;

export interface Range {
  from: string;
  to: string;
}
/** The site's week (index 0 = Monday … 6 = Sunday, each day's open ranges in order) and its closed days. */
export interface Hours {
  week: Range[][];
  closed: { day: string; label: string }[];
}

export interface Busy {
  startsAt: string;
  endsAt: string;
}

export const overlaps = (a: Busy, b: Busy) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The open ranges of a day: none on a closed day. */
export function openOn(hours: Hours, day: string): Range[] {
  if (hours.closed.some((c) => c.day === day)) return [];
  return hours.week[weekday(day) - 1] ?? [];
}

/** Within one of the day's open ranges (a VAD or a permanence may be outside: checked by the caller). */
export function withinOpening(hours: Hours, startsAt: string, endsAt: string): boolean {
  const day = startsAt.slice(0, 10);
  if (endsAt.slice(0, 10) !== day) return false;
  const s = startsAt.slice(11);
  const e = endsAt.slice(11);
  return openOn(hours, day).some((o) => s >= o.from && e <= o.to);
}

function roundUp(local: string): string {
  const m = Number(local.slice(14, 16));
  const extra = (SLOT_STEP_MIN - (m % SLOT_STEP_MIN)) % SLOT_STEP_MIN;
  return addMinutes(local, extra);
}

/** The first slot of `durationMin` at or after `from`, within opening hours, free of `busy`. */
export function nextFree(hours: Hours, from: string, durationMin: number, busy: Busy[], horizonDays = 60): string | null {
  let t = roundUp(from);
  const limit = addDays(from.slice(0, 10), horizonDays);
  while (t.slice(0, 10) <= limit) {
    const day = t.slice(0, 10);
    const hm = t.slice(11);
    // The range holding `t`, else the next one to open that day; none left: the next day.
    const range = openOn(hours, day).find((o) => hm < o.to);
    if (!range) {
      t = `${addDays(day, 1)}T00:00`;
      continue;
    }
    if (hm < range.from) t = `${day}T${range.from}`;
    const slot = { startsAt: t, endsAt: addMinutes(t, durationMin) };
    if (slot.endsAt.slice(11) <= range.to && slot.endsAt.slice(0, 10) === day && !busy.some((b) => overlaps(b, slot))) return t;
    t = addMinutes(t, SLOT_STEP_MIN);
  }
  return null;
}

/** What is wrong with a week of opening hours, in French, or null: ranges well formed, in order, apart. */
export function checkWeek(week: Range[][]): string | null {
  const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
  for (let i = 0; i < week.length; i++) {
    const ranges = week[i] ?? [];
    for (let j = 0; j < ranges.length; j++) {
      const r = ranges[j]!;
      if (r.from >= r.to) return `Le ${DAYS[i]}, la plage ${r.from}–${r.to} finit avant de commencer : corrigez ses heures.`;
      const prev = ranges[j - 1];
      if (prev && r.from < prev.to) return `Le ${DAYS[i]}, les plages ${prev.from}–${prev.to} et ${r.from}–${r.to} se chevauchent ou ne sont pas dans l’ordre : corrigez-les.`;
    }
  }
  return null;
}

export interface PermanenceRule {
  weekday: number;
  startsAt: string;
  endsAt: string;
  everyWeeks: number;
  firstDay: string;
  lastDay: string | null;
}

/**
 * The days a permanence is held between `from` and `from + days` (excluded): its weekday, every
 * week or every other week counted from its first day, within its first and last days, never
 * on a day the site is closed.
 */
export function occurrences(p: PermanenceRule, hours: Pick<Hours, 'closed'>, from: string, days: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    if (weekday(day) !== p.weekday || day < p.firstDay || (p.lastDay !== null && day > p.lastDay)) continue;
    if (hours.closed.some((c) => c.day === day)) continue;
    const weeks = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${p.firstDay}T00:00:00Z`)) / (7 * 86_400_000));
    if (weeks % p.everyWeeks === 0) out.push(day);
  }
  return out;
}
