/**
 * The time grid's arithmetic (DOMAIN §7), pure: which hours it spans, where an appointment
 * sits, which slots are free to book, and the French words a screen reader says for each.
 */
import type { AppointmentOut } from '../../../src-main/modules';

export const STEP_MIN = 15;
export const SLOT_MIN = 30;

export interface Range {
  from: string;
  to: string;
}
export interface Hours {
  week: Range[][];
  closed: { day: string; label: string }[];
}

export const toMin = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
export const toHm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  const n = new Date(`${day}T00:00:00Z`).getUTCDay();
  return n === 0 ? 7 : n;
}

export function closedLabel(hours: Hours, day: string): string | null {
  const c = hours.closed.find((x) => x.day === day);
  return c ? c.label || '' : null;
}

export function openOn(hours: Hours, day: string): Range[] {
  if (closedLabel(hours, day) !== null) return [];
  return hours.week[weekdayOf(day) - 1] ?? [];
}

/** The minutes the grid spans: the earliest opening to the latest closing of the days shown, widened to hold every appointment; 8:00–18:00 when nothing is open. */
export function span(hours: Hours, days: string[], appointments: Pick<AppointmentOut, 'startsAt' | 'endsAt'>[], permanences: Pick<PermanenceDay, 'startsAt' | 'endsAt'>[] = []): { start: number; end: number } {
  const ranges = [...days.flatMap((d) => openOn(hours, d)), ...permanences.map((p) => ({ from: p.startsAt, to: p.endsAt }))];
  let start = ranges.length ? Math.min(...ranges.map((r) => toMin(r.from))) : 8 * 60;
  let end = ranges.length ? Math.max(...ranges.map((r) => toMin(r.to))) : 18 * 60;
  for (const a of appointments) {
    start = Math.min(start, toMin(a.startsAt.slice(11)));
    end = Math.max(end, a.endsAt.slice(0, 10) === a.startsAt.slice(0, 10) ? toMin(a.endsAt.slice(11)) : 24 * 60);
  }
  start = Math.floor(start / 60) * 60;
  end = Math.ceil(end / STEP_MIN) * STEP_MIN;
  return { start, end };
}

/** The grid rows (1-based, one per quarter of an hour) an appointment covers. */
export function rowsOf(a: Pick<AppointmentOut, 'startsAt' | 'endsAt'>, start: number): { from: number; to: number } {
  const s = toMin(a.startsAt.slice(11));
  const e = a.endsAt.slice(0, 10) === a.startsAt.slice(0, 10) ? toMin(a.endsAt.slice(11)) : 24 * 60;
  return { from: Math.floor((s - start) / STEP_MIN) + 1, to: Math.max(Math.ceil((e - start) / STEP_MIN) + 1, Math.floor((s - start) / STEP_MIN) + 2) };
}

/** Side by side when they overlap: each appointment's lane, and how many lanes its column needs. */
export function lanes<T extends Pick<AppointmentOut, 'startsAt' | 'endsAt'>>(items: T[]): { item: T; lane: number }[] {
  const ends: string[] = [];
  return [...items]
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((item) => {
      let lane = ends.findIndex((e) => e <= item.startsAt);
      if (lane < 0) lane = ends.length;
      ends[lane] = item.endsAt;
      return { item, lane };
    });
}

/** A day a permanence is held (from `rdv:grid`). */
export interface PermanenceDay {
  id: number;
  professionalId: number;
  day: string;
  startsAt: string;
  endsAt: string;
  place: string;
  address: string;
  communeName: string;
}

/**
 * The free half-hours of a professional's day, not taken by a planned or honoured appointment,
 * not past: within the site's opening hours, except while the professional holds a permanence
 * elsewhere; and within each permanence's hours (tagged with it), even outside the site's.
 */
export function freeSlots(hours: Hours, day: string, taken: Pick<AppointmentOut, 'startsAt' | 'endsAt' | 'status'>[], now: string, permanences: PermanenceDay[] = []): { at: string; permanence: PermanenceDay | null }[] {
  const out: { at: string; permanence: PermanenceDay | null }[] = [];
  const busy = taken.filter((a) => a.status === 'prevu' || a.status === 'honore');
  const held = permanences.filter((p) => p.day === day);
  const ranges: { from: string; to: string; permanence: PermanenceDay | null }[] = [...openOn(hours, day).map((r) => ({ ...r, permanence: null })), ...held.map((p) => ({ from: p.startsAt, to: p.endsAt, permanence: p }))];
  for (const r of ranges) {
    for (let m = toMin(r.from); m + SLOT_MIN <= toMin(r.to); m += SLOT_MIN) {
      const s = `${day}T${toHm(m)}`;
      const e = `${day}T${toHm(m + SLOT_MIN)}`;
      if (s < now) continue;
      if (busy.some((b) => b.startsAt < e && s < b.endsAt)) continue;
      if (!r.permanence && held.some((p) => `${day}T${p.startsAt}` < e && s < `${day}T${p.endsAt}`)) continue;
      out.push({ at: s, permanence: r.permanence });
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** « mardi 1er décembre » in French, « Tuesday 1 December » in English. */
export function dayName(day: string, lang: string): string {
  const d = new Date(`${day}T12:00:00`);
  const s = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { weekday: 'long', day: 'numeric', month: 'long' }).format(d);
  return lang === 'en' ? s : s.replace(/ 1 /, ' 1er ');
}

/** « 9 h 30 » in French, « 09:30 » in English. */
export function timeName(local: string, lang: string): string {
  const hm = local.slice(-5);
  if (lang === 'en') return hm;
  const [h, m] = hm.split(':') as [string, string];
  return `${Number(h)} h${m === '00' ? '' : ` ${m}`}`;
}

/** The professional with their profession: « Alice Assistante (ASS) ». */
export function proName(p: { displayName: string; roles?: readonly string[] }): string {
  const r = (p.roles ?? []).filter((x) => x === 'ass' || x === 'cesf').map((x) => x.toUpperCase());
  return r.length ? `${p.displayName} (${r.join(', ')})` : p.displayName;
}
