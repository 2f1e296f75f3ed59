/**
 * French for the documents the main process writes (PDF letters and exports, sentences of the
 * rules): plurals, ordinals, long dates, agreement with a person's civility, and the one way
 * a person's name is written (NOM Prénom). The renderer has the same helpers in
 * `src-renderer/ui/format.ts`; both are tested on the same cases.
 */

/** French plural: 0 and 1 take the singular (« 0 demande », « 1 demande », « 2 demandes »). */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${Math.abs(n) < 2 ? one : many}`;
}

/** `1` → `1er` (or `1re` in the feminine), `2` → `2e`. */
export function ordinal(n: number, gender: 'm' | 'f' = 'm'): string {
  if (n === 1) return gender === 'f' ? '1re' : '1er';
  return `${n}e`;
}

const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2026-12-01` → `1er décembre 2026`; with `weekday`, `mardi 1er décembre 2026`. */
export function frLongDate(day: string, opts: { weekday?: boolean; year?: boolean } = {}): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  const wd = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  const text = `${d === 1 ? '1er' : d} ${MONTHS[m - 1]}${opts.year === false ? '' : ` ${y}`}`;
  return opts.weekday ? `${wd} ${text}` : text;
}

/** A person's civility: `F` Madame, `M` Monsieur, unknown Madame, Monsieur. */
export type Sex = '' | 'F' | 'M' | string;
export function civility(sex: Sex): string {
  return sex === 'F' ? 'Madame' : sex === 'M' ? 'Monsieur' : 'Madame, Monsieur';
}

/** A word agreed with a person's civility: `agree('F', 'né', 'née')`; unknown writes both (`né(e)`). */
export function agree(sex: Sex, masculine: string, feminine: string, both = `${masculine}(${feminine.slice(masculine.length) || feminine})`): string {
  return sex === 'F' ? feminine : sex === 'M' ? masculine : both;
}

/**
 * The one way a person is named in the app: usage name (else birth name) in capitals, then
 * the first names — `DURAND Marie`; `withBirthName` adds `(née MARTIN)` when the usage name
 * differs from the birth name.
 */
export function personName(p: { birthName: string; usageName?: string | null; firstNames: string; sex?: Sex }, opts: { withBirthName?: boolean } = {}): string {
  const name = (p.usageName || p.birthName).toLocaleUpperCase('fr-FR');
  const born = opts.withBirthName && p.usageName && p.usageName.toLocaleUpperCase('fr-FR') !== p.birthName.toLocaleUpperCase('fr-FR') ? ` (${agree(p.sex ?? '', 'né', 'née')} ${p.birthName.toLocaleUpperCase('fr-FR')})` : '';
  return `${name} ${p.firstNames}`.trim() + born;
}

export interface PostalAddress {
  address: string;
  addressComplement?: string | null;
  postcode: string;
  communeName: string | null;
}

/**
 * The address block of a letter, La Poste's order: complement, number and street, then
 * postcode and commune in capitals (`82000 MONTAUBAN`). Empty parts are left out.
 */
export function postalLines(a: PostalAddress): string[] {
  const town = [a.postcode, (a.communeName ?? '').toLocaleUpperCase('fr-FR')].filter(Boolean).join(' ');
  return [a.addressComplement ?? '', a.address, town].map((l) => l.trim()).filter(Boolean);
}

/** The same on one line, for a screen or a document's field (`14 avenue Gambetta, Bât. B, 82000 Montauban`). */
export function postalLine(a: PostalAddress): string {
  const town = [a.postcode, a.communeName ?? ''].filter(Boolean).join(' ');
  return [a.address, a.addressComplement ?? '', town].map((l) => l.trim()).filter(Boolean).join(', ');
}
