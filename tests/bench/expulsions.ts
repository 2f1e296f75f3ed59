/**
 * Eviction prevention dates (DOMAIN §6), pure rules on the parameters of `resources/`: 2,000
 * varied cases (leases signed before and after 29/07/2023, the three landlord kinds, with or
 * without rehousing assured; 4 to 12 stages from the arrears to the préfet's decision, hearings,
 * diagnostic windows in working days, extensions and délais de grâce, commandements de quitter
 * les lieux all year round so the trêve hivernale is met; 2023–2029). Run once to warm up, then
 * timed.
 */
import { computeEvictionDates, type EvictionInput, type EvictionStageInput } from '../../src-main/modules/expulsions/rules';
import { LANDLORD_KINDS } from '../../src-main/modules/expulsions/rules';
import { fileParameters } from '../../src-main/shared/parameters';
import { addDays } from '../../src-main/shared/time';
import { rng } from './generate';
import { result, time, type BenchResult } from './stats';

export function evictionCases(n: number, seed = 7): EvictionInput[] {
  const r = rng(seed);
  const pick = (k: number) => Math.floor(r() * k);
  return Array.from({ length: n }, () => {
    const start = addDays('2023-08-01', pick(1500));
    const at = (days: number) => addDays(start, days);
    const stages: EvictionStageInput[] = [
      { kind: 'impayes', date: start },
      { kind: 'signalement_ccapex', date: at(40 + pick(20)) },
      { kind: 'commandement_payer', date: at(60 + pick(30)) },
    ];
    if (r() < 0.85) {
      const assigned = 150 + pick(40);
      const hearing = assigned + 60 + pick(60);
      const answered = r() < 0.5;
      stages.push(
        { kind: 'assignation', date: at(assigned), hearing: r() < 0.9 ? at(hearing) : null },
        { kind: 'diagnostic_social_financier', date: at(assigned + 5 + pick(10)), answered, firstOffer: answered ? at(assigned + 20) : null },
        { kind: 'audience', date: at(hearing), label: 'juge des contentieux de la protection' },
      );
      if (r() < 0.7) {
        stages.push({ kind: 'jugement', date: at(hearing + 30), delaisGranted: r() < 0.3, graceMonths: r() < 0.3 ? 1 + pick(12) : null });
        stages.push({ kind: 'commandement_quitter_lieux', date: at(hearing + 60 + pick(300)), extensionMonths: r() < 0.2 ? pick(4) : null });
        if (r() < 0.6) stages.push({ kind: 'passage_ccapex', date: at(hearing + 120) }, { kind: 'demande_concours_force_publique', date: at(hearing + 150 + pick(60)) });
        if (r() < 0.3) stages.push({ kind: 'decision_prefet', date: at(hearing + 230) });
        if (r() < 0.2) stages.push({ kind: 'issue', date: at(hearing + 400), label: 'relogement' });
      }
    }
    return { leaseSigned: addDays('2015-01-01', pick(3300)), landlord: LANDLORD_KINDS[pick(3)]!, rehousingAssured: r() < 0.1, stages };
  });
}

export function expulsionsBench(): BenchResult[] {
  const cases = evictionCases(2000);
  const dates = (i: number) => computeEvictionDates(cases[i]!, fileParameters);
  time(cases.length, dates);
  return [result('expulsions : dates d’une procédure (4 à 12 étapes ; semaines, mois et jours ouvrés, prorogation, trêve hivernale, phrases et articles), règle pure', time(cases.length, dates))];
}
