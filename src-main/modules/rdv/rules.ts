/**
 * Appointment rules (DOMAIN §7): opening hours, overlap, next free slot. Pure functions.
 * The opening hours are the site's defaults (Monday–Friday, 8:30–12:30 and 13:30–17:30).
 */
import { addDays, addMinutes, weekday } from '../../shared/time';

export const OPENING = [
  { from: '08:30', to: '12:30' },
  { from: '13:30', to: '17:30' },
] as const;
export const SLOT_STEP_MIN = 15;

export interface Busy {
  startsAt: string;
  endsAt: string;
}

export const overlaps = (a: Busy, b: Busy) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** Within opening hours on a weekday (a VAD or a permanence may be outside: checked by the caller). */
export function withinOpening(startsAt: string, endsAt: string): boolean {
  const day = startsAt.slice(0, 10);
  if (weekday(day) > 5 || endsAt.slice(0, 10) !== day) return false;
  const s = startsAt.slice(11);
  const e = endsAt.slice(11);
  return OPENING.some((o) => s >= o.from && e <= o.to);
}

function roundUp(local: string): string {
  const m = Number(local.slice(14, 16));
  const extra = (SLOT_STEP_MIN - (m % SLOT_STEP_MIN)) % SLOT_STEP_MIN;
  return addMinutes(local, extra);
}

/** The first slot of `durationMin` at or after `from`, within opening hours, free of `busy`. */
export function nextFree(from: string, durationMin: number, busy: Busy[], horizonDays = 60): string | null {
  let t = roundUp(from);
  const limit = addDays(from.slice(0, 10), horizonDays);
  while (t.slice(0, 10) <= limit) {
    const day = t.slice(0, 10);
    if (weekday(day) > 5) {
      t = `${addDays(day, 1)}T${OPENING[0].from}`;
      continue;
    }
    const slot = { startsAt: t, endsAt: addMinutes(t, durationMin) };
    if (withinOpening(slot.startsAt, slot.endsAt) && !busy.some((b) => overlaps(b, slot))) return t;
    const hm = t.slice(11);
    if (hm < OPENING[0].from) t = `${day}T${OPENING[0].from}`;
    else if (hm >= OPENING[1].to) t = `${addDays(day, 1)}T${OPENING[0].from}`;
    else t = addMinutes(t, SLOT_STEP_MIN);
  }
  return null;
}
