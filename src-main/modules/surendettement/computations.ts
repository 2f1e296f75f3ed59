/**
 * Where the file's views call the pure rules (rules.ts): the legal parameters' lookup, the
 * capacity from the file's latest budget, the deadlines from its stages. A rule that refuses
 * its input gives a French sentence shown on the file, never a failed read.
 */
import type { CallContext } from '../../api/app';
import { PasseurError } from '../../shared/errors';
import type { ParameterLookup } from '../../shared/parameters';
import { KIND_LABELS_FR, sumOf, type Budget } from '../budget';
import type { CapacityOut, DeadlineOut, StageOut } from './contract';
import { computeCapacity, computeDeadlines, type StageInput } from './rules';

/**
 * The legal parameters the module computes with: the files plus the entries an administrator
 * added. The lookup keeps its identity while those entries do not change, which is what the
 * deadlines' memo below is keyed on.
 */
export function parametersOf(ctx: CallContext): ParameterLookup {
  return ctx.app.parameters;
}

const message = (e: unknown): string => (e instanceof PasseurError ? e.message : 'Calcul impossible : vérifiez les données du dossier.');

/**
 * The capacity to repay from the budget: every resource line, and as everyday expenses the
 * charges other than the credits (the debts are what the capacity is meant to repay).
 */
export function capacityOf(
  ctx: CallContext,
  b: { validOn: string; adults: number; dependants: number; budget: Budget } | null,
): { capacity: CapacityOut | null; error: string | null } {
  if (!b) return { capacity: null, error: 'Enregistrez le budget du foyer pour calculer sa capacité de remboursement.' };
  try {
    const everyday = sumOf(b.budget.charges.filter((c) => c.kind !== 'credits'));
    const r = computeCapacity(
      {
        date: b.validOn,
        adults: b.adults === 2 ? 2 : 1,
        dependants: b.dependants,
        resources: b.budget.resources.map((l) => ({ kind: KIND_LABELS_FR[l.kind], ...(l.label ? { label: `${KIND_LABELS_FR[l.kind]} (${l.label})` } : {}), monthly_cents: l.amountCents })),
        everydayExpenses_cents: b.budget.charges.length > 0 ? everyday : null,
      },
      parametersOf(ctx),
    );
    return {
      capacity: {
        day: r.date,
        resourcesCents: r.resources_cents,
        quotiteMonthlyCents: r.quotite.monthly_cents,
        rsaCents: r.rsa_cents,
        everydayCents: r.everyday_cents,
        remainderCents: r.remainder_cents,
        capacityCents: r.capacity_cents,
        limitedBy: r.limitedBy,
        explanation: r.explanation,
        parameters: r.parameters.map((p) => ({ label: p.label, from: p.from, source: p.source })),
        warnings: r.warnings,
      },
      error: null,
    };
  } catch (e) {
    return { capacity: null, error: message(e) };
  }
}

function stageInput(s: StageOut, planStart: boolean): StageInput {
  const plan = s.kind === 'mesures_imposees' || s.kind === 'plan_conventionnel' ? s.plan : null;
  return {
    kind: s.kind,
    date: planStart && plan ? plan.start : s.day,
    notified: planStart && plan ? null : s.notifiedOn,
    decision: s.decision || null,
    durationMonths: plan?.months ?? null,
    mainResidenceLoans: plan?.mainResidenceLoans ?? null,
    label: s.kind === 'audience' ? s.decision || s.reference || null : null,
  };
}

interface Deadlines {
  deadlines: DeadlineOut[];
  warnings: string[];
  pending: string[];
  error: string | null;
}
const NONE: Deadlines = { deadlines: [], warnings: [], pending: [], error: null };

/**
 * The deadlines already counted, by lookup and by procedure: they are a pure function of the
 * stages and of the parameters (a lookup is one set of dated entries), and the lists count
 * those of hundreds of files on every read. Bounded: emptied when full.
 */
const MEMO = new WeakMap<ParameterLookup, Map<string, Deadlines>>();
const MEMO_MAX = 20_000;

/**
 * The file's deadlines (rules.ts `computeDeadlines`). A plan's stage is recorded on its
 * decision's day, with its notification, and carries the plan's own start: the contestation
 * runs from the notification, the plan's end from its start, so the end is taken from a second
 * reading of the stages where the plan's stage stands on its start.
 */
export function deadlinesOf(ctx: CallContext, stages: StageOut[]): Deadlines {
  if (stages.length === 0) return NONE;
  // The file's cycles are known (a redépôt opens the next): only the last one's deadlines count.
  const cycle = stages.reduce((c, s) => Math.max(c, s.cycle), 1);
  const current = stages.filter((s) => s.cycle === cycle);
  const params = parametersOf(ctx);
  const decidedInput = current.map((s) => stageInput(s, false));
  const key = JSON.stringify(decidedInput) + (current.some((s) => s.plan) ? JSON.stringify(current.map((s) => s.plan?.start ?? null)) : '');
  let memo = MEMO.get(params);
  if (!memo) MEMO.set(params, (memo = new Map()));
  const known = memo.get(key);
  if (known) return known;
  let out: Deadlines;
  try {
    const decided = computeDeadlines(decidedInput, params);
    // Read a second time, each plan standing on its start, only when there is a plan.
    const started = current.some((s) => s.plan) ? computeDeadlines(current.map((s) => stageInput(s, true)), params) : { deadlines: [], warnings: [] };
    const deadlines = [...decided.deadlines.filter((d) => d.kind !== 'fin_plan'), ...started.deadlines.filter((d) => d.kind === 'fin_plan')]
      .sort((a, b) => a.due.localeCompare(b.due))
      .map((d) => ({ kind: d.kind, due: d.due, label: d.label, rule: d.rule, article: d.article, from: d.from }));
    out = { deadlines, warnings: [...new Set([...decided.warnings, ...started.warnings])], pending: decided.pending, error: null };
  } catch (e) {
    out = { deadlines: [], warnings: [], pending: [], error: message(e) };
  }
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, out);
  return out;
}

/** The first deadline not yet past, else the latest past one (what the lists show). */
export function nextDeadline(deadlines: readonly DeadlineOut[], today: string): DeadlineOut | null {
  return deadlines.find((d) => d.due >= today) ?? deadlines[deadlines.length - 1] ?? null;
}
