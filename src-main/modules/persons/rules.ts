/**
 * Finding a person (DOMAIN §2): folding, query parsing, typo tolerance and ranking. Pure
 * functions; the SQL that feeds them lives in `repo.ts`.
 */

/** Lower case, no accents or ligatures, hyphens and apostrophes as spaces, single spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** French phone numbers as digits only, `+33 6…` and `0033 6…` written `06…`. */
export function normalizePhone(s: string): string {
  const digits = s.replace(/[^\d+]/g, '');
  if (digits.startsWith('+33')) return `0${digits.slice(3)}`;
  if (digits.startsWith('0033')) return `0${digits.slice(4)}`;
  return digits.replace(/\+/g, '');
}

export interface IndexedPerson {
  birthName: string;
  usageName: string;
  firstNames: string;
  birthDate: string | null;
  phone: string;
}

/** `2024-03-05` → `05032024` (how people say a birth date: day, month, year). */
export function dateDigits(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}${m}${y}`;
}

/**
 * The one-column index text of the stores before schema version 10 (folded words of the
 * names, the birth date as people say it and its year, the phone's digits): the search now
 * reads `indexFields`; this form lets the migration's test rebuild such a store.
 */
export function indexText(p: IndexedPerson): string {
  const names = fold([p.birthName, p.usageName, p.firstNames].join(' '));
  const extra = [dateDigits(p.birthDate), p.birthDate?.slice(0, 4) ?? '', normalizePhone(p.phone)].filter(Boolean).join(' ');
  return extra ? `${names} ${extra}` : names;
}

/**
 * The search index of a person, field by field (migration 0010): folded birth name, usage
 * name and first names, the birth date as said (`12031985`) and its year, the phone's digits.
 * The ranking reads these words straight from the index rows, without the record.
 */
export interface IndexFields {
  birth: string;
  usage: string;
  first: string;
  date: string;
  year: string;
  phone: string;
}

export function indexFields(p: IndexedPerson): IndexFields {
  return {
    birth: fold(p.birthName),
    usage: fold(p.usageName),
    first: fold(p.firstNames),
    date: dateDigits(p.birthDate),
    year: p.birthDate?.slice(0, 4) ?? '',
    phone: normalizePhone(p.phone),
  };
}

export interface ParsedQuery {
  words: string[];
  digits: string[];
}

/**
 * Splits what was typed into name words and digit groups. Digit groups separated only by
 * spaces, dots, dashes or slashes are joined: `12/03/1985` and `06 12 34` are one token each.
 */
export function parseQuery(q: string): ParsedQuery {
  const joined = q.replace(/\+33\s*/g, '0').replace(/(\d)[\s./-]+(?=\d)/g, '$1');
  const tokens = fold(joined).split(' ').filter(Boolean);
  const words: string[] = [];
  const digits: string[] = [];
  for (const t of tokens) (/^\d+$/.test(t) ? digits : words).push(t);
  return { words: [...new Set(words)], digits: [...new Set(digits)] };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** FTS5 expression: every token as the start of a word of the record, in any order. */
export function prefixExpression(q: ParsedQuery, replace?: { word: string; by: string[] }): string | null {
  const parts = [
    // Words one typo away are whole words of the index: matched exactly (no prefix expansion).
    ...q.words.map((w) => (replace && w === replace.word ? `(${replace.by.map(quote).join(' OR ')})` : `${quote(w)}*`)),
    ...q.digits.filter((d) => d.length >= 2).map((d) => `${quote(d)}*`),
  ];
  return parts.length ? parts.join(' AND ') : null;
}

/**
 * Whether `term` (a word of the index) is what `token` was meant to be, with one typo:
 * the token is within one edit of the term or of one of its beginnings (still typing).
 */
export function oneTypoAway(token: string, term: string): boolean {
  if (term.length < token.length - 1) return false;
  for (let len = token.length - 1; len <= token.length + 1; len++) {
    if (len <= term.length && len > 0 && editDistance(token, term.slice(0, len)) <= 1) return true;
  }
  return false;
}

/** Optimal string alignment distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/**
 * Why a person was found, shown beside the result: the strongest match of what was typed.
 * `word` is the word of the record that matched (for a typo: the word it was taken for).
 */
export const MATCH_KINDS = ['nom_exact', 'nom_debut', 'nom', 'prenom', 'date', 'telephone', 'proche'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
export interface MatchReason {
  kind: MatchKind;
  word: string;
}

/** What a person's record offers to the ranking: her names, birth date and phone. */
export type RankedPerson = IndexedPerson;

/**
 * Points of a typed word against a record, by where it is found (DOMAIN §2: the surname
 * first). Surname = birth name or usage name; a compound surname (`Martin-Dubois`) is several
 * words, the first of which is its beginning.
 */
const POINTS = {
  surnameWhole: 100, // « martin » : MARTIN
  surnameFirstWord: 90, // « martin » : MARTIN-DUBOIS
  surnameOtherWord: 85, // « martin » : DUBOIS-MARTIN
  surnamePrefix: 80, // « martin » : MARTINEAU
  surnameOtherPrefix: 70, // « mart » : DUBOIS-MARTINEAU
  firstName: 50, // « martin » : CLÉMENT Martin
  firstNamePrefix: 45,
  date: 40,
  phone: 35,
  typoSurname: 20,
  typoFirstName: 15,
} as const;

interface TokenMatch {
  points: number;
  kind: MatchKind;
  word: string;
}

function nameMatch(token: string, surnames: string[][], firstNames: string[], typo: boolean): TokenMatch | null {
  let best: TokenMatch | null = null;
  const take = (points: number, kind: MatchKind, word: string) => {
    if (!best || points > best.points) best = { points, kind, word };
  };
  for (const words of surnames) {
    words.forEach((w, i) => {
      if (typo) {
        if (token.length >= 4 && oneTypoAway(token, w)) take(POINTS.typoSurname, 'proche', w);
      } else if (w === token) take(words.length === 1 ? POINTS.surnameWhole : i === 0 ? POINTS.surnameFirstWord : POINTS.surnameOtherWord, words.length === 1 ? 'nom_exact' : i === 0 ? 'nom_debut' : 'nom', w);
      else if (w.startsWith(token)) take(i === 0 ? POINTS.surnamePrefix : POINTS.surnameOtherPrefix, i === 0 ? 'nom_debut' : 'nom', w);
    });
  }
  for (const w of firstNames) {
    if (typo) {
      if (token.length >= 4 && oneTypoAway(token, w)) take(POINTS.typoFirstName, 'proche', w);
    } else if (w === token) take(POINTS.firstName, 'prenom', w);
    else if (w.startsWith(token)) take(POINTS.firstNamePrefix, 'prenom', w);
  }
  return best;
}

/**
 * Rank of a record for what was typed, and why it was found, or null when it does not
 * match: every token must be found (names as words or their beginnings, digits as the
 * beginning of the birth date, its year or the phone), at most one name with a typo.
 * Bands, best first: the surname as typed, its beginning, another field (first name, date,
 * phone), then a typo — a typo ranks below every exact or prefix match.
 */
export function rankPerson(p: RankedPerson, q: ParsedQuery): { score: number; reason: MatchReason } | null {
  return rankWords(
    { birth: fold(p.birthName).split(' ').filter(Boolean), usage: fold(p.usageName).split(' ').filter(Boolean), first: fold(p.firstNames).split(' ').filter(Boolean) },
    { date: dateDigits(p.birthDate), year: p.birthDate?.slice(0, 4) ?? '', phone: normalizePhone(p.phone) },
    q,
  );
}

/** Words of a folded field (`fold` leaves single spaces, nothing at either end). */
const wordsOf = (folded: string) => (folded ? folded.split(' ') : []);

/** The same rank as `rankPerson`, from the record's index row (`indexFields`): nothing to fold again. */
export function rankFields(f: IndexFields, q: ParsedQuery): { score: number; reason: MatchReason } | null {
  return rankWords({ birth: wordsOf(f.birth), usage: wordsOf(f.usage), first: wordsOf(f.first) }, f, q);
}

type NameWords = { birth: string[]; usage: string[]; first: string[] };
type DigitWords = { date: string; year: string; phone: string };

function rankWords({ birth, usage, first }: NameWords, { date, year, phone }: DigitWords, q: ParsedQuery): { score: number; reason: MatchReason } | null {
  const surnames = usage.length && usage.join(' ') !== birth.join(' ') ? [birth, usage] : [birth];
  const matches: TokenMatch[] = [];
  let typos = 0;
  for (const t of q.words) {
    let m = nameMatch(t, surnames, first, false);
    // A typo is looked for only when the word is found nowhere as typed.
    if (!m && typos === 0) {
      m = nameMatch(t, surnames, first, true);
      if (m) typos++;
    }
    if (!m) return null;
    matches.push(m);
  }
  if (q.digits.length) {
    for (const d of q.digits) {
      if ((date && date.startsWith(d)) || (year && year.startsWith(d))) matches.push({ points: POINTS.date, kind: 'date', word: d });
      else if (phone && phone.startsWith(d)) matches.push({ points: POINTS.phone, kind: 'telephone', word: d });
      else return null;
    }
  }
  if (!matches.length) return null;
  const sum = matches.reduce((a, m) => a + m.points, 0);
  if (typos) {
    const typo = matches.find((m) => m.kind === 'proche')!;
    return { score: sum, reason: { kind: 'proche', word: typo.word } };
  }
  const top = matches.reduce((a, m) => (m.points > a.points ? m : a));
  return { score: top.points * 1000 + sum, reason: { kind: top.kind, word: top.word } };
}

/** FTS5 expression of whole words only (no beginnings): finds the exact matches first when beginnings are too many. */
export function exactExpression(q: ParsedQuery): string | null {
  if (!q.words.length) return null;
  return [...q.words.map(quote), ...q.digits.filter((d) => d.length >= 2).map((d) => `${quote(d)}*`)].join(' AND ');
}

/** Likely the same person (DOMAIN §2): names within two edits, compared word by word. */
export function similarNames(a: string, b: string): boolean {
  const wa = fold(a).split(' ').filter(Boolean);
  const wb = fold(b).split(' ').filter(Boolean);
  if (!wa.length || !wb.length) return false;
  return wa.some((x) => wb.some((y) => x === y || (x.length >= 4 && y.length >= 4 && editDistance(x, y, 2) <= 2)));
}
