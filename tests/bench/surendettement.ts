/**
 * Surendettement computations (DOMAIN §5), pure rules on the parameters of `resources/`:
 * the capacity to repay of 2,000 varied households (2025 and 2026 barèmes, 1 or 2 adults,
 * 0 to 6 dependants, 1 to 4 resources, with or without a budget, every sentence written),
 * and the deadlines of 2,000 procedures (deposit, recevabilité, orientation, measures or
 * plan, hearings, sometimes a closure and a redeposit; 2025–2028, so weekends and public
 * holidays of four years are met). Each series is run once to warm up, then timed.
 */
import { computeCapacity, computeDeadlines, type CapacityInput, type StageInput } from '../../src-main/modules/surendettement/rules';
import { fileParameters } from '../../src-main/shared/parameters';
import { addDays } from '../../src-main/shared/time';
import { rng } from './generate';
import { result, time, type BenchResult } from './stats';

const KINDS = ['salaire', 'prime_activite', 'prestations_familiales', 'pension_retraite', 'are', 'aah', 'apl_al'];

export function households(n: number, seed = 5): CapacityInput[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => ({
    date: addDays('2025-04-01', Math.floor(r() * 600)),
    adults: r() < 0.5 ? 1 : 2,
    dependants: Math.floor(r() * 7),
    resources: Array.from({ length: 1 + Math.floor(r() * 4) }, (_, k) => ({ kind: KINDS[k]!, monthly_cents: Math.floor(r() * 250_000) })),
    everydayExpenses_cents: r() < 0.5 ? null : 80_000 + Math.floor(r() * 200_000),
  }));
}

export function procedures(n: number, seed = 6): StageInput[][] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const start = addDays('2025-01-01', Math.floor(r() * 900));
    const at = (days: number) => addDays(start, days);
    const stages: StageInput[] = [
      { kind: 'depot', date: start },
      { kind: 'recevabilite', date: at(60), notified: at(62 + Math.floor(r() * 6)), decision: 'recevable' },
      { kind: 'orientation', date: at(100), decision: 'mesures imposées' },
    ];
    if (r() < 0.5) stages.push({ kind: 'mesures_imposees', date: at(150), notified: at(153 + Math.floor(r() * 10)), durationMonths: 12 + Math.floor(r() * 73) });
    else stages.push({ kind: 'plan_conventionnel', date: at(150), durationMonths: 12 + Math.floor(r() * 73) });
    stages.push({ kind: 'audience', date: at(200 + Math.floor(r() * 60)), label: 'juge des contentieux de la protection' });
    if (r() < 0.2) stages.push({ kind: 'cloture', date: at(300) }, { kind: 'redepot', date: at(400) });
    return stages;
  });
}

export function surendettementBench(): BenchResult[] {
  const hh = households(2000);
  const procs = procedures(2000);
  const capacity = (i: number) => computeCapacity(hh[i]!, fileParameters);
  const deadlines = (i: number) => computeDeadlines(procs[i]!, fileParameters);
  time(hh.length, capacity);
  time(procs.length, deadlines);
  return [
    result('surendettement : capacité de remboursement (quotité saisissable par tranches, RSA, reste, explication en phrases), règle pure', time(hh.length, capacity)),
    result('surendettement : échéances d’une procédure (5 à 8 étapes ; mois et jours du CPC, prorogation samedi, dimanche, jours fériés), règle pure', time(procs.length, deadlines)),
  ];
}
