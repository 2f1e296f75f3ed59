/**
 * Procedural delays counted as the code de procédure civile counts them (art. 640 to 642),
 * on days written `AAAA-MM-JJ`:
 *   - a delay in months ends on the day of the last month that bears the same number as the
 *     day of the act; without such a day (31 → February), on the last day of that month (641);
 *   - a delay in days does not count the day of the act, event or notification that starts
 *     it: it ends on that day + N (641);
 *   - a delay that would end on a Saturday, a Sunday or a public holiday is extended to the
 *     next working day (642). Whether 642 applies is the caller's choice: it concerns the
 *     delays a party has for acting, not a commission's examination time or a plan's term.
 * French public holidays come from `date-holidays` (type `public`: the eleven days of the
 * code du travail, art. L3133-1), computed once per year.
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { addDays, frDate, weekday } from './time';
import { frLongDate } from './french';

const holidaysByYear = new Map<number, Map<string, string>>();
let calendar: Holidays | null = null;

/** `date-holidays` loads every country's rules (about 80 ms): only when a delay is first counted, not at start. */
function frenchCalendar(): Holidays {
  if (!calendar) {
    const HolidaysClass = createRequire(import.meta.url)('date-holidays') as typeof Holidays;
    calendar = new HolidaysClass('FR');
  }
  return calendar;
}

/** The French public holidays of a year: day → name. */
export function publicHolidays(year: number): Map<string, string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of frenchCalendar().getHolidays(year)) {
      if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    }
    holidaysByYear.set(year, days);
  }
  return days;
}

/** The public holiday's name when the day is one, else null. */
export function publicHoliday(day: string): string | null {
  return publicHolidays(Number(day.slice(0, 4))).get(day) ?? null;
}

/** Why a day is not a working day (« samedi », « dimanche », « jour férié (Noël) »), or null. */
export function nonWorkingReason(day: string): string | null {
  const wd = weekday(day);
  if (wd === 6) return 'samedi';
  if (wd === 7) return 'dimanche';
  const h = publicHoliday(day);
  return h ? `jour férié (${h})` : null;
}

/** The same day `months` later (641): 31 January + 1 month → 28 (or 29) February. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The day a delay of `days` days ends when the act's day does not count (641): day + N. */
export function addLegalDays(day: string, days: number): string {
  return addDays(day, days);
}

/** The day itself when it is a working day, else the first working day after it (642). */
export function nextWorkingDay(day: string): string {
  let d = day;
  while (nonWorkingReason(d)) d = addDays(d, 1);
  return d;
}

export interface LegalDelay {
  /** The day the delay ends, after any extension. */
  due: string;
  /** The day it would end without the extension of 642. */
  nominal: string;
  /** Whether 642 moved it. */
  extended: boolean;
  /** The computation in one French sentence (without a final full stop). */
  text: string;
}

/**
 * A delay of `amount` months or days from `start` (the act's day), extended per 642 when
 * `extend` is true. The sentence states the count and the extension, e.g.
 * « 13/03/2026 + 15 jours (le jour de départ ne compte pas) = 28/03/2026, un samedi :
 * prorogé au lundi 30 mars 2026 (premier jour ouvrable, CPC art. 642) ».
 */
export function legalDelay(start: string, amount: number, unit: 'months' | 'days', extend: boolean): LegalDelay {
  const nominal = unit === 'months' ? addMonths(start, amount) : addLegalDays(start, amount);
  const count = unit === 'months' ? `${amount} mois (même quantième, CPC art. 641)` : `${amount} jours (le jour de départ ne compte pas, CPC art. 641)`;
  let text = `${frDate(start)} + ${count} = ${frDate(nominal)}`;
  if (!extend) return { due: nominal, nominal, extended: false, text };
  const reason = nonWorkingReason(nominal);
  if (!reason) return { due: nominal, nominal, extended: false, text };
  const due = nextWorkingDay(nominal);
  text += `, un ${reason} : prorogé au ${frLongDate(due, { weekday: true })} (premier jour ouvrable, CPC art. 642)`;
  return { due, nominal, extended: true, text };
}
