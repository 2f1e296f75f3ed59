/**
 * Where the case's views call the pure rules (rules.ts `computeEvictionDates`) with the legal
 * parameters in force (the files plus an administrator's entries). A rule that refuses its
 * input gives a French sentence shown on the case, never a failed read.
 */
import type { CallContext } from '../../api/app';
import { PasseurError } from '../../shared/errors';
import type { ParameterLookup } from '../../shared/parameters';
import type { DateOut, StageOut } from './contract';
import type { LandlordKind } from './kinds';
import { computeEvictionDates, type EvictionInput } from './rules';

export interface CaseDates {
  dates: DateOut[];
  warnings: string[];
  pending: string[];
  error: string | null;
}
const NONE: CaseDates = { dates: [], warnings: [], pending: [], error: null };

/** The parameters the module computes with; the lookup keeps its identity while they do not change. */
export function parametersOf(ctx: CallContext): ParameterLookup {
  return ctx.app.parameters;
}

/** What the rules read of a case. */
export interface CaseFacts {
  leaseSigned: string | null;
  landlordKind: LandlordKind;
  rehousingAssured: boolean;
}

export function ruleInput(c: CaseFacts, stages: readonly Pick<StageOut, 'kind' | 'day' | 'hearing' | 'firstOffer' | 'answered' | 'delaisGranted' | 'graceMonths' | 'extensionMonths'>[]): EvictionInput {
  return {
    leaseSigned: c.leaseSigned,
    landlord: c.landlordKind,
    rehousingAssured: c.rehousingAssured,
    stages: stages.map((s) => ({
      kind: s.kind,
      date: s.day,
      ...(s.kind === 'assignation' ? { hearing: s.hearing } : {}),
      ...(s.kind === 'diagnostic_social_financier' ? { firstOffer: s.firstOffer, answered: s.answered } : {}),
      ...(s.kind === 'jugement' ? { delaisGranted: s.delaisGranted, graceMonths: s.graceMonths } : {}),
      ...(s.kind === 'commandement_quitter_lieux' ? { extensionMonths: s.extensionMonths, graceMonths: s.graceMonths } : {}),
    })),
  };
}

/**
 * The dates already counted, by lookup and by input: a pure function of both, and the lists
 * count those of hundreds of cases on every read. Bounded: emptied when full.
 */
const MEMO = new WeakMap<ParameterLookup, Map<string, CaseDates>>();
const MEMO_MAX = 20_000;

/** The dates that follow from a case's stages, each with its rule and article. */
export function datesOf(ctx: CallContext, input: EvictionInput): CaseDates {
  if (input.stages.length === 0) return NONE;
  const params = parametersOf(ctx);
  const key = JSON.stringify(input);
  let memo = MEMO.get(params);
  if (!memo) MEMO.set(params, (memo = new Map()));
  const known = memo.get(key);
  if (known) return known;
  let out: CaseDates;
  try {
    const r = computeEvictionDates(input, params);
    out = {
      dates: r.dates.map((d) => ({ kind: d.kind, due: d.due, label: d.label, rule: d.rule, article: d.article, from: d.from, treve: d.treve === true, extended: d.extended === true })),
      warnings: r.warnings,
      pending: r.pending,
      error: null,
    };
  } catch (e) {
    out = { ...NONE, error: e instanceof PasseurError ? e.message : 'Calcul impossible : vérifiez les étapes du dossier.' };
  }
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, out);
  return out;
}

/** The first date not yet past, else the latest past one (what the lists show). */
export function nextDate(dates: readonly DateOut[], today: string): DateOut | null {
  return dates.find((d) => d.due >= today) ?? dates[dates.length - 1] ?? null;
}
