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
 * The text indexed for a person. A leading and trailing space, words separated by single
 * spaces, so that `" mar"` matches the start of a word and `"tin "` the end of one.
 */
export function indexText(p: IndexedPerson): string {
  const names = fold([p.birthName, p.usageName, p.firstNames].join(' '));
  const extra = [dateDigits(p.birthDate), normalizePhone(p.phone)].filter(Boolean).join(' ');
  return ` ${names}${extra ? ` ${extra}` : ''} `;
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

/** FTS5 expression: every word at the start of a word (≥ 2 letters), every digit group (≥ 3) anywhere. */
export function prefixExpression(q: ParsedQuery): string | null {
  const parts = [...q.words.filter((w) => w.length >= 2).map((w) => quote(` ${w}`)), ...q.digits.filter((d) => d.length >= 3).map(quote)];
  return parts.length ? parts.join(' AND ') : null;
}

/** FTS5 expression: every word of ≥ 3 letters anywhere in a word. */
export function substringExpression(q: ParsedQuery): string | null {
  if (!q.words.some((w) => w.length >= 3)) return null;
  const parts = [...q.words.map((w) => (w.length >= 3 ? quote(w) : quote(` ${w}`))), ...q.digits.filter((d) => d.length >= 3).map(quote)];
  return parts.join(' AND ');
}

/** Pieces of `w` at least one of which survives one substitution, insertion or deletion. */
function pieces(w: string): string[] {
  const k = Math.ceil(w.length / 2);
  const head = ` ${w.slice(0, k)}`;
  const tail = w.slice(k);
  return [head, tail.length >= 3 ? tail : `${tail} `];
}

/**
 * FTS5 expressions for a one-typo search: one per word of ≥ 4 letters, that word replaced
 * by pieces of which one must be intact (also for a transposition across the middle), the
 * other tokens as prefixes.
 */
export function fuzzyExpressions(q: ParsedQuery): string[] {
  const out: string[] = [];
  for (const w of q.words) {
    if (w.length < 4) continue;
    const k = Math.ceil(w.length / 2);
    const swapped = w.slice(0, k - 1) + w.charAt(k) + w.charAt(k - 1) + w.slice(k + 1);
    const alts = [...new Set([...pieces(w), ...pieces(swapped)])].map(quote).join(' OR ');
    const others = prefixExpression({ words: q.words.filter((x) => x !== w), digits: q.digits });
    out.push(others ? `(${alts}) AND ${others}` : `(${alts})`);
  }
  return out;
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

/** A typed word against a word of the record: 4 equal, 3 prefix, 1 inside, 0.5 one typo, 0 none. */
function wordScore(token: string, word: string, allowTypo: boolean): number {
  if (word === token) return 4;
  if (word.startsWith(token)) return 3;
  if (token.length >= 3 && word.includes(token)) return 1;
  if (allowTypo && token.length >= 4) {
    for (let len = token.length - 1; len <= token.length + 1; len++) {
      if (len <= word.length && editDistance(token, word.slice(0, len)) <= 1) return 0.5;
    }
  }
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
    for (const w of words) best = Math.max(best, wordScore(t, w, typos === 0));
    if (best === 0) return 0;
    if (best === 0.5) typos++;
    total += best;
  }
  for (const d of q.digits) {
    if (!words.some((w) => w.includes(d))) return 0;
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
