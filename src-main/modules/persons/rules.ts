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
 * The text indexed for a person: folded words of the names, the birth date as people say
 * it (`12031985`) and its year, the phone's digits.
 */
export function indexText(p: IndexedPerson): string {
  const names = fold([p.birthName, p.usageName, p.firstNames].join(' '));
  const extra = [dateDigits(p.birthDate), p.birthDate?.slice(0, 4) ?? '', normalizePhone(p.phone)].filter(Boolean).join(' ');
  return extra ? `${names} ${extra}` : names;
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

/** A typed word against a word of the record: 4 equal, 3 beginning, 0.5 one typo, 0 none. */
function wordScore(token: string, word: string, allowTypo: boolean): number {
  if (word === token) return 4;
  if (word.startsWith(token)) return 3;
  if (allowTypo && token.length >= 4 && oneTypoAway(token, word)) return 0.5;
  return 0;
}

/**
 * Score of a candidate's indexed text for the query, or 0 when it does not match: every
 * token must be found, at most one of them with a typo.
 */
export function scoreCandidate(text: string, q: ParsedQuery): number {
  const words = text.trim().split(' ');
  let total = 0;
  let typos = 0;
  for (const t of q.words) {
    let best = 0;
    for (const w of words) best = Math.max(best, wordScore(t, w, false));
    // A typo is looked for only when the word is found nowhere as typed.
    if (best === 0 && typos === 0) for (const w of words) best = Math.max(best, wordScore(t, w, true));
    if (best === 0) return 0;
    if (best === 0.5) typos++;
    total += best;
  }
  for (const d of q.digits) {
    if (!words.some((w) => w.startsWith(d))) return 0;
    total += 2;
  }
  return total;
}

/** Likely the same person (DOMAIN §2): names within two edits, compared word by word. */
export function similarNames(a: string, b: string): boolean {
  const wa = fold(a).split(' ').filter(Boolean);
  const wb = fold(b).split(' ').filter(Boolean);
  if (!wa.length || !wb.length) return false;
  return wa.some((x) => wb.some((y) => x === y || (x.length >= 4 && y.length >= 4 && editDistance(x, y, 2) <= 2)));
}
