/**
 * Local dates and times of the site (the machine's time zone: an MDS works on French time).
 * Appointments are stored as local `YYYY-MM-DDTHH:MM`, days as `YYYY-MM-DD`.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function localMinute(d: Date): string {
  return `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `2026-11-23T09:30` + minutes, calendar arithmetic on the wall clock (no DST surprises). */
export function addMinutes(local: string, minutes: number): string {
  const d = new Date(`${local}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 16);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(day: string): number {
  const n = new Date(`${day}T00:00:00Z`).getUTCDay();
  return n === 0 ? 7 : n;
}

/** Whole years between two days (`from` ≤ `to`), as a birthday counts them. */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** The same calendar day `years` earlier (29 February → 28 February). */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-') as [string, string, string];
  const target = `${String(Number(y) - years).padStart(4, '0')}-${m}-${d}`;
  return m === '02' && d === '29' ? `${target.slice(0, 8)}28` : target;
}

/** `2026-11-23` or an ISO instant → `23/11/2026`; `2026-11` → `11/2026`; empty for null. */
export function frDate(s: string | null | undefined): string {
  if (!s) return '';
  return s.slice(0, 10).split('-').reverse().join('/');
}
