/** French-first formats for dates and money (money is always integer cents). */
import i18n from '../i18n';

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'fr-FR');

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

/** French writes the first day of a month « 1er » (« 1er décembre 2026 »); Intl writes « 1 ». */
const firstOfMonth = (text: string) => (locale() === 'fr-FR' ? text.replace(/(^|\s)1(?=\s)/, '$11er') : text);

export function formatDate(iso: string): string {
  return firstOfMonth(new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(new Date(iso)));
}

/** A day with its weekday, without the year: `2026-12-01` → « mardi 1er décembre » (« Tuesday 1 December »). */
export function formatDayLabel(day: string): string {
  return firstOfMonth(new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${day.slice(0, 10)}T12:00:00`)));
}

/** An ordinal: `1` → « 1er » (« 1re » in the feminine), `2` → « 2e »; in English 1st, 2nd, 3rd, 4th. */
export function formatOrdinal(n: number, gender: 'm' | 'f' = 'm'): string {
  if (locale() === 'en-GB') {
    const rule = new Intl.PluralRules('en-GB', { type: 'ordinal' }).select(n);
    return `${n}${{ one: 'st', two: 'nd', few: 'rd' }[rule as 'one' | 'two' | 'few'] ?? 'th'}`;
  }
  if (n === 1) return gender === 'f' ? '1re' : '1er';
  return `${n}e`;
}

/** A word agreed with a person's civility (`F`, `M`, or unknown): `agree(sex, 'Demandeur', 'Demandeuse', 'Demandeur ou demandeuse')`. */
export function agree(sex: string, masculine: string, feminine: string, unknown = masculine): string {
  return sex === 'F' ? feminine : sex === 'M' ? masculine : unknown;
}

/** A postal address on one line: number and street, complement, postcode and commune. */
export function postalLine(a: { address: string; addressComplement?: string | null; postcode: string; communeName: string | null }): string {
  return [a.address, a.addressComplement ?? '', [a.postcode, a.communeName ?? ''].filter(Boolean).join(' ')]
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');
}

export function formatShortDate(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short' }).format(new Date(iso));
}

export function formatCents(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error('money must be integer cents');
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** What a person types for a date (`12/03/1985`, `12031985`, `1985-03-12`) → ISO, or null. */
export function parseFrDate(s: string): string | null {
  const t = s.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const packed = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  const fr = /^(\d{1,2})[/.\s-](\d{1,2})[/.\s-](\d{4})$/.exec(t);
  const parts = iso ? [iso[3], iso[2], iso[1]] : packed ? [packed[1], packed[2], packed[3]] : fr ? [fr[1], fr[2], fr[3]] : null;
  if (!parts) return null;
  const [d, m, y] = parts as [string, string, string];
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${out}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === out ? out : null;
}

/** `1985-03-12` → `12/03/1985`. */
export function isoToFr(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The one way a person is named in the app (the PDFs use the same rule, src-main/shared/french.ts):
 * usage name (else birth name) in capitals, then first names — « DURAND Marie ».
 */
export function personName(p: { birthName: string; usageName?: string | null; firstNames: string }): string {
  return `${(p.usageName || p.birthName).toLocaleUpperCase('fr-FR')} ${p.firstNames}`.trim();
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Local day `YYYY-MM-DD` and minute `YYYY-MM-DDTHH:MM` of the machine's clock. */
export const today = (d = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const nowMinute = (d = new Date()) => `${today(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** `2026-11-23T09:30` → `09:30`. */
export const timeOf = (local: string) => local.slice(11, 16);

export function addDaysIso(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week of `day`. */
export function mondayOf(day: string): string {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDaysIso(day, wd === 0 ? -6 : 1 - wd);
}

/** A file read for upload, as base64 (without the `data:` prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read'));
    r.readAsDataURL(file);
  });
}

/** Offers a file produced by the main process for saving (download in the browser, save dialog in Electron). */
export function saveFile(f: { fileName: string; mime: string; contentBase64: string }): void {
  const bytes = Uint8Array.from(atob(f.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: f.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `0671223344` → `06 71 22 33 44` (French numbers by pairs); anything else as stored. */
export function formatPhone(digits: string): string {
  return /^0\d{9}$/.test(digits) ? digits.replace(/(\d{2})(?=\d)/g, '$1 ') : digits;
}

/** What a person types for an amount in euros (`150`, `150,5`, `1 234,56 €`) → cents, or null. */
export function parseEuros(s: string): number | null {
  const t = s.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null;
  const [units, dec = ''] = t.split('.');
  return Number(units) * 100 + Number(dec.padEnd(2, '0'));
}

/** Cents → what goes back in an input: `15050` → `150,50`, `15000` → `150`. */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const units = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(units) : `${units},${String(rest).padStart(2, '0')}`;
}
