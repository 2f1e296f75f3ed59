/**
 * The arithmetic of envelopes (engaged, remaining, projected to the year's end) and of a
 * règlement's replay (DOMAIN §4.7). Pure: the figures come in, nothing is read or written.
 */
import { evaluate, type Demande } from './engine';
import { envelopeGroups, type EnvelopeGroup, type Reglement } from './reglement';
import type { ReplayRow } from './repo';

export const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** The envelope a dispositif draws on under a règlement (an envelope of its own if none names it). */
export function envelopeGroupOf(reg: Reglement, dispositif: string): EnvelopeGroup {
  return envelopeGroups(reg).find((g) => g.dispositifs.includes(dispositif)) ?? { code: dispositif, label: dispositif, dispositifs: [dispositif] };
}

/**
 * The règlement's envelopes, then one of its own for each envelope voted that it does not name
 * and for each dispositif granted that year that none of its envelopes covers.
 */
export function envelopesShown(groups: EnvelopeGroup[], voted: readonly string[], granted: readonly string[], labels: Map<string, string>): EnvelopeGroup[] {
  const covered = new Set(groups.flatMap((g) => g.dispositifs));
  const known = new Set(groups.map((g) => g.code));
  for (const code of voted) {
    if (!known.has(code)) {
      known.add(code);
      groups.push({ code, label: labels.get(code) ?? code, dispositifs: [code] });
    }
  }
  for (const code of granted) {
    if (!covered.has(code) && !known.has(code)) {
      known.add(code);
      groups.push({ code, label: labels.get(code) ?? code, dispositifs: [code] });
    }
  }
  return groups;
}

export interface YearProgress {
  year: number;
  /** The year of `day`. */
  current: number;
  daysInYear: number;
  /** Days of the year gone by on `day`, that day included: all of a past year, none of a future one. */
  elapsed: number;
}
export function yearProgress(year: number, day: string): YearProgress {
  const start = Date.UTC(year, 0, 1);
  const daysInYear = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const elapsed = year < y ? daysInYear : year > y ? 0 : (Date.UTC(y, m - 1, d) - start) / 86_400_000 + 1;
  return { year, current: y, daysInYear, elapsed };
}

/** One envelope's line: voted, engaged, paid, what remains, the engaged amount projected to the year's end. */
export function envelopeRow(
  g: EnvelopeGroup,
  labels: Map<string, string>,
  voted: number | null,
  e: { n: number; engaged: number; paid: number },
  pending: number,
  p: YearProgress,
) {
  return {
    envelope: g.code,
    label: g.label,
    dispositifs: g.dispositifs.map((x) => labels.get(x) ?? x),
    votedCents: voted,
    engagedCents: e.engaged,
    paidCents: e.paid,
    remainingCents: voted === null ? null : voted - e.engaged,
    projectionCents: p.elapsed === 0 ? 0 : Math.floor((e.engaged * p.daysInYear) / p.elapsed),
    granted: e.n,
    pendingCents: p.year >= p.current ? pending : 0,
  };
}

/**
 * The requests of `]from, to]` evaluated again under a candidate version with the very inputs
 * they were evaluated with: how many would change outcome and the amount at stake, by dispositif.
 */
export function replayOf(rows: readonly ReplayRow[], candidate: Reglement, from: string, to: string) {
  const by = new Map<string, { dispositif: string; label: string; requests: number; changed: number; becomeOut: number; becomeIn: number; amountOutCents: number; amountInCents: number }>();
  let changed = 0;
  for (const r of rows) {
    const e = evaluate(JSON.parse(r.demande) as Demande, candidate);
    let g = by.get(r.dispositif);
    if (!g) by.set(r.dispositif, (g = { dispositif: r.dispositif, label: candidate.dispositifs.find((d) => d.code === r.dispositif)?.label ?? r.dispositif, requests: 0, changed: 0, becomeOut: 0, becomeIn: 0, amountOutCents: 0, amountInCents: 0 }));
    g.requests++;
    if (e.outcome === r.outcome) continue;
    g.changed++;
    changed++;
    if (e.outcome === 'dans_bareme') {
      g.becomeIn++;
      g.amountInCents += r.amount;
    } else if (r.outcome === 'dans_bareme') {
      g.becomeOut++;
      g.amountOutCents += r.granted ?? r.amount;
    }
  }
  return { from, to, requests: rows.length, changed, rows: [...by.values()].sort((a, b) => a.dispositif.localeCompare(b.dispositif)) };
}
