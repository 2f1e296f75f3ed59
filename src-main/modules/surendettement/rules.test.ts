import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryInForce, fileParameters, parameterDefinition, type ParameterLookup } from '../../shared/parameters';
import { nonWorkingReason } from '../../shared/legal-days';
import { addDays } from '../../shared/time';
import { computeCapacity, computeDeadlines, quotiteSaisissable, rsaAmount, STAGE_KINDS, type CapacityInput, type StageInput } from './rules';
import { refused } from '../../../tests/helpers/refused';

const salary = (cents: number) => [{ kind: 'salaire', monthly_cents: cents }];


describe('capacity to repay (L731-1, L731-2, R731-1)', () => {
  it('2026, one adult, 2 dependants, 1,800 € a month', () => {
    // Annual 12 × 1 800 = 21 600 €. Thresholds raised by 2 × 1 740 = 3 480 €:
    //   4 480 → 7 960 ; 8 730 → 12 210 ; 13 000 → 16 480 ; 17 230 → 20 710 ; 21 470 → 24 950 ; 25 810 → 29 290.
    //   1/20 × 7 960 = 398,00 ; 1/10 × 4 250 = 425,00 ; 1/5 × 4 270 = 854,00 ; 1/4 × 4 230 = 1 057,50 ;
    //   1/3 × (21 600 − 20 710 = 890) = 296,666… → 296,66 (rounded down) ; nothing above.
    //   Annual 3 031,16 € ; monthly 3 031,16 / 12 = 252,596… → 252,59 € (rounded down, not 252,60).
    // RSA alone + 2 = 1 163,74 € ; remainder 1 800 − 1 163,74 = 636,26 € ; capacity min(252,59 ; 636,26) = 252,59 €.
    const r = computeCapacity(
      { date: '2026-03-15', adults: 1, dependants: 2, resources: [{ kind: 'salaire', monthly_cents: 150_000 }, { kind: 'prestations_familiales', label: 'allocations familiales', monthly_cents: 30_000 }] },
      fileParameters,
    );
    expect(r.resources_cents).toBe(180_000);
    expect(r.quotite.tranches.map((t) => [t.from_cents, t.to_cents, t.base_cents, t.seized_cents])).toEqual([
      [0, 796_000, 796_000, 39_800],
      [796_000, 1_221_000, 425_000, 42_500],
      [1_221_000, 1_648_000, 427_000, 85_400],
      [1_648_000, 2_071_000, 423_000, 105_750],
      [2_071_000, 2_495_000, 89_000, 29_666],
      [2_495_000, 2_929_000, 0, 0],
      [2_929_000, null, 0, 0],
    ]);
    expect(r.quotite.annual_cents).toBe(303_116);
    expect(r.quotite.monthly_cents).toBe(25_259);
    expect(r).toMatchObject({ rsa_cents: 116_374, everyday_cents: 116_374, everydayFrom: 'rsa', remainder_cents: 63_626, capacity_cents: 25_259, limitedBy: 'quotite', warnings: [] });
    expect(r.explanation).toContain('Ressources annuelles : 12 × 1\u00a0800,00\u00a0€ = 21\u00a0600,00\u00a0€.');
    expect(r.explanation).toContain('Tranche de 20\u00a0710,00\u00a0€ à 24\u00a0950,00\u00a0€ : 1/3 de 890,00\u00a0€ (part des ressources dans la tranche) = 296,66\u00a0€, arrondi au centime inférieur.');
    expect(r.explanation.some((s) => s.startsWith('Quotité saisissable mensuelle : 3\u00a0031,16\u00a0€ ÷ 12 = 252,59\u00a0€, arrondi au centime inférieur'))).toBe(true);
    expect(r.explanation.at(-1)).toBe('Capacité de remboursement mensuelle : la plus petite de la quotité saisissable (252,59\u00a0€) et du reste (636,26\u00a0€), soit 252,59\u00a0€, limitée par la quotité saisissable.');
    expect(r.parameters.map((p) => [p.id, p.from])).toEqual([['bareme_saisies', '2026-01-01'], ['rsa_forfaitaire', '2025-04-01']]);
  });

  it('a couple with 4 children: every tranche reached, monthly figure exact; then a budget above the RSA limits it', () => {
    // Annual 12 × 2 800 = 33 600 €. Thresholds raised by 4 × 1 740 = 6 960 €:
    //   11 440 ; 15 690 ; 19 960 ; 24 190 ; 28 430 ; 32 770.
    //   1/20 × 11 440 = 572,00 ; 1/10 × 4 250 = 425,00 ; 1/5 × 4 270 = 854,00 ; 1/4 × 4 230 = 1 057,50 ;
    //   1/3 × 4 240 = 1 413,333… → 1 413,33 ; 2/3 × 4 340 = 2 893,333… → 2 893,33 ; all of 33 600 − 32 770 = 830,00.
    //   Annual 8 045,16 € ; monthly 8 045,16 / 12 = 670,43 € exactly.
    // RSA couple + 2 = 1 357,70 + 2 × 258,61 = 1 874,92 € ; remainder 2 800 − 1 874,92 = 925,08 € ; capacity 670,43 €.
    const input: CapacityInput = { date: '2026-05-01', adults: 2, dependants: 4, resources: salary(280_000) };
    const r = computeCapacity(input, fileParameters);
    expect(r.quotite.tranches.map((t) => t.seized_cents)).toEqual([57_200, 42_500, 85_400, 105_750, 141_333, 289_333, 83_000]);
    expect(r.quotite.annual_cents).toBe(804_516);
    expect(r.quotite.monthly_cents).toBe(67_043);
    expect(r.explanation.some((s) => s.startsWith('Quotité saisissable mensuelle : 8\u00a0045,16\u00a0€ ÷ 12 = 670,43\u00a0€ ('))).toBe(true);
    expect(r).toMatchObject({ rsa_cents: 187_492, remainder_cents: 92_508, capacity_cents: 67_043, limitedBy: 'quotite' });

    // A budget of 2 300 € (above the RSA's 1 874,92 €) is kept for everyday expenses:
    // remainder 2 800 − 2 300 = 500 € < 670,43 € → capacity 500 €, limited by the reste à vivre.
    const b = computeCapacity({ ...input, everydayExpenses_cents: 230_000 }, fileParameters);
    expect(b).toMatchObject({ everyday_cents: 230_000, everydayFrom: 'budget', remainder_cents: 50_000, capacity_cents: 50_000, limitedBy: 'reste_a_vivre' });
    expect(b.explanation.at(-1)).toContain('limitée par la part réservée aux dépenses courantes');
    // A budget below the RSA never lowers the part kept: the RSA applies.
    const low = computeCapacity({ ...input, everydayExpenses_cents: 100_000 }, fileParameters);
    expect(low).toMatchObject({ everyday_cents: 187_492, everydayFrom: 'rsa', capacity_cents: 67_043 });
    expect(low.explanation).toContain('Part des ressources réservée aux dépenses courantes : le budget indiqué (1\u00a0000,00\u00a0€) est inférieur au montant forfaitaire du RSA ; cette part n’est jamais inférieure au RSA : 1\u00a0874,92\u00a0€.');
  });

  it('resources under the first threshold: 1/20 only, and nothing left above the RSA', () => {
    // Annual 12 × 300 = 3 600 € < 4 480 € : 1/20 × 3 600 = 180 € a year, 15 € a month.
    // RSA alone 646,52 € > 300 € : remainder 0, capacity 0 (limited by the reste à vivre).
    const r = computeCapacity({ date: '2026-02-01', adults: 1, dependants: 0, resources: salary(30_000) }, fileParameters);
    expect(r.quotite).toMatchObject({ annual_cents: 18_000, monthly_cents: 1_500 });
    expect(r.quotite.tranches.slice(1).every((t) => t.base_cents === 0 && t.seized_cents === 0)).toBe(true);
    expect(r).toMatchObject({ rsa_cents: 64_652, remainder_cents: 0, capacity_cents: 0, limitedBy: 'reste_a_vivre' });
    expect(r.explanation).toContain('Reste après les dépenses courantes : nul, les ressources (300,00\u00a0€) ne dépassent pas la part réservée (646,52\u00a0€).');
    // No resources at all: everything is zero, nothing negative.
    const none = computeCapacity({ date: '2026-02-01', adults: 2, dependants: 1, resources: [] }, fileParameters);
    expect(none).toMatchObject({ resources_cents: 0, capacity_cents: 0, remainder_cents: 0 });
  });

  it('the barème of the date: 2025 and 2026 differ for the same household', () => {
    // One adult, 1 500 € a month, annual 18 000 €.
    // 2025: 444,00/20=222,00 ; 4 220/10=422,00 ; 4 230/5=846,00 ; 4 200/4=1 050,00 ; (18 000 − 17 090 = 910)/3=303,33
    //       → 2 843,33 € a year, 236,944… → 236,94 € a month.
    // 2026: 224,00 ; 425,00 ; 854,00 ; 1 057,50 ; (18 000 − 17 230 = 770)/3 = 256,66 → 2 817,16 €, 234,763… → 234,76 €.
    const y2025 = computeCapacity({ date: '2025-06-15', adults: 1, dependants: 0, resources: salary(150_000) }, fileParameters);
    const y2026 = computeCapacity({ date: '2026-01-01', adults: 1, dependants: 0, resources: salary(150_000) }, fileParameters);
    expect(y2025.quotite).toMatchObject({ annual_cents: 284_333, monthly_cents: 23_694 });
    expect(y2026.quotite).toMatchObject({ annual_cents: 281_716, monthly_cents: 23_476 });
    expect(y2025.parameters[0]!.from).toBe('2025-01-01');
    expect(y2026.parameters[0]!.from).toBe('2026-01-01');
    expect(y2025.capacity_cents).toBe(23_694);
    expect(y2026.capacity_cents).toBe(23_476);
  });

  it('a date before the first RSA entry is an explicit error naming the parameter', () => {
    const e = refused(() => computeCapacity({ date: '2025-03-31', adults: 1, dependants: 0, resources: salary(150_000) }, fileParameters));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toBe('Paramètre « Revenu de solidarité active — montant forfaitaire mensuel » : aucune valeur connue au 31/03/2025 (première valeur au 01/04/2025).');
  });

  it('carries the RSA renewal warning from 1 April 2026 (no newer entry), and not the day before', () => {
    const before = computeCapacity({ date: '2026-03-31', adults: 1, dependants: 0, resources: salary(150_000) }, fileParameters);
    expect(before.warnings).toEqual([]);
    const after = computeCapacity({ date: '2026-04-01', adults: 1, dependants: 0, resources: salary(150_000) }, fileParameters);
    expect(after.warnings).toEqual(['Paramètre « Revenu de solidarité active — montant forfaitaire mensuel » à mettre à jour : une nouvelle valeur était attendue au 01/04/2026 ; le calcul utilise celle du 01/04/2025.']);
    expect(after.capacity_cents).toBe(before.capacity_cents);
  });

  it('reads every figure from the lookup it is given, never from files of its own', () => {
    // A lookup where an administrator added an RSA entry on 1 April 2026 of 700,00 € alone.
    const rsa = parameterDefinition('rsa_forfaitaire');
    const added = [...rsa.entries, { from: '2026-04-01', value: { alone_cents: [70_000, 105_000, 126_000] as [number, number, number], couple_cents: [105_000, 126_000, 147_000] as [number, number, number], perFurtherChild_cents: 28_000 }, source: 'Décret de test' }];
    const lookup: ParameterLookup = (id, day) => (id === 'rsa_forfaitaire' ? (entryInForce(rsa, added, day) as never) : fileParameters(id, day));
    const r = computeCapacity({ date: '2026-04-15', adults: 1, dependants: 3, resources: salary(150_000) }, lookup);
    // alone + 2 = 1 260,00 + 280,00 for the third = 1 540,00 €.
    expect(r.rsa_cents).toBe(154_000);
    expect(r.warnings).toEqual([]);
    expect(r.parameters[1]).toMatchObject({ from: '2026-04-01', source: 'Décret de test' });
  });

  it('refuses bad input with a French message naming the field', () => {
    const base: CapacityInput = { date: '2026-03-15', adults: 1, dependants: 0, resources: salary(150_000) };
    expect(refused(() => computeCapacity({ ...base, adults: 3 as never }, fileParameters)).message).toMatch(/^Calcul de la capacité de remboursement : adults — 1 \(personne seule\) ou 2 \(couple\)\.$/);
    expect(refused(() => computeCapacity({ ...base, resources: salary(1_500.5) }, fileParameters)).message).toContain('resources.0.monthly_cents — montant mensuel : un nombre entier de centimes');
    expect(refused(() => computeCapacity({ ...base, resources: salary(-1) }, fileParameters)).message).toContain('resources.0.monthly_cents — montant mensuel : un montant positif ou nul');
    expect(refused(() => computeCapacity({ ...base, date: '2026-02-30' }, fileParameters)).message).toContain('date — cette date n’existe pas dans le calendrier');
    expect(refused(() => computeCapacity({ ...base, dependants: -2 }, fileParameters)).message).toContain('dependants — un nombre positif ou nul');
  });

  it('RSA composition: alone or couple, 0 to 5 dependants', () => {
    const v = fileParameters('rsa_forfaitaire', '2025-06-01').value;
    expect([0, 1, 2, 3, 4, 5].map((n) => rsaAmount(v, 1, n))).toEqual([64_652, 96_978, 116_374, 142_235, 168_096, 193_957]);
    expect([0, 1, 2, 3].map((n) => rsaAmount(v, 2, n))).toEqual([96_978, 116_374, 135_770, 161_631]);
  });

  it('properties: capacity never negative, never above the quotité nor the remainder, monotone in resources', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<1 | 2>(1, 2),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 1_500_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        fc.option(fc.integer({ min: 0, max: 500_000 })),
        fc.constantFrom('2025-06-01', '2026-02-15', '2026-09-30'),
        (adults, dependants, cents, more, budget, date) => {
          const a = computeCapacity({ date, adults, dependants, resources: salary(cents), everydayExpenses_cents: budget }, fileParameters);
          const b = computeCapacity({ date, adults, dependants, resources: salary(cents + more), everydayExpenses_cents: budget }, fileParameters);
          for (const r of [a, b]) {
            expect(r.capacity_cents).toBeGreaterThanOrEqual(0);
            expect(r.capacity_cents).toBeLessThanOrEqual(r.quotite.monthly_cents);
            expect(r.capacity_cents).toBeLessThanOrEqual(r.remainder_cents);
            expect(r.capacity_cents).toBe(Math.min(r.quotite.monthly_cents, r.remainder_cents));
            expect(r.quotite.monthly_cents).toBeLessThanOrEqual(r.resources_cents);
            expect(r.everyday_cents).toBeGreaterThanOrEqual(r.rsa_cents);
            expect(Number.isInteger(r.capacity_cents) && Number.isInteger(r.quotite.monthly_cents)).toBe(true);
          }
          expect(b.capacity_cents).toBeGreaterThanOrEqual(a.capacity_cents);
          expect(b.quotite.annual_cents).toBeGreaterThanOrEqual(a.quotite.annual_cents);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('properties: more dependants never raise the quotité', () => {
    const bareme = fileParameters('bareme_saisies', '2026-06-01').value;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000_000 }), fc.integer({ min: 0, max: 8 }), (annual, n) => {
        expect(quotiteSaisissable(bareme, annual, n + 1).annual_cents).toBeLessThanOrEqual(quotiteSaisissable(bareme, annual, n).annual_cents);
      }),
      { numRuns: 300 },
    );
  });
});

describe('deadlines of the procedure', () => {
  const deadlines = (stages: StageInput[]) => computeDeadlines(stages, fileParameters);

  it('deposit: recevabilité expected 3 months later (641), never extended (a commission’s delay)', () => {
    // 31 January 2026 + 3 months: no 31 April → 30 April 2026.
    expect(deadlines([{ kind: 'depot', date: '2026-01-31' }]).deadlines).toMatchObject([{ kind: 'recevabilite_attendue', due: '2026-04-30', extended: false, from: { kind: 'depot', date: '2026-01-31' } }]);
    // 4 January 2026 + 3 months = Saturday 4 April 2026: kept (642 not applied).
    const sat = deadlines([{ kind: 'depot', date: '2026-01-04' }]).deadlines[0]!;
    expect(sat.due).toBe('2026-04-04');
    expect(sat.rule).toBe('Dépôt le 04/01/2026 + 3 mois (même quantième, CPC art. 641) = 04/04/2026 : la commission a 3 mois pour examiner la recevabilité ; délai de la commission, non prorogé.');
    expect(sat.article).toContain('L721-2');
  });

  it('recevabilité decision: the expected one is met; appeal 15 days from notification, extended per 642', () => {
    // Notified Friday 13 March 2026 + 15 = Saturday 28 March → Monday 30 March.
    const r = deadlines([
      { kind: 'depot', date: '2026-01-05' },
      { kind: 'recevabilite', date: '2026-03-10', notified: '2026-03-13', decision: 'recevable' },
    ]);
    expect(r.deadlines).toEqual([
      expect.objectContaining({ kind: 'recours_recevabilite', due: '2026-03-30', extended: true, label: 'Fin du délai de recours contre la décision de recevabilité (recevable)', from: { kind: 'recevabilite', date: '2026-03-10' } }),
    ]);
    expect(r.deadlines[0]!.rule).toContain('un samedi : prorogé au lundi 30 mars 2026');
    expect(r.deadlines[0]!.article).toContain('R722-1');
    expect(r.pending).toEqual([]);
  });

  it('imposed measures: contestation 30 days from notification (642), and their end after the duration', () => {
    // Notified 5 June 2026 + 30 = Sunday 5 July → Monday 6 July. Start 1 June 2026 + 84 months = 1 June 2033.
    const r = deadlines([
      { kind: 'depot', date: '2026-01-05' },
      { kind: 'recevabilite', date: '2026-02-10', notified: '2026-02-12', decision: 'recevable' },
      { kind: 'mesures_imposees', date: '2026-06-01', notified: '2026-06-05', durationMonths: 84 },
      { kind: 'audience', date: '2026-09-14', label: 'JCP de Montauban' },
    ]);
    // 12 February + 15 = Friday 27 February 2026 (a working day).
    expect(r.deadlines.map((d) => [d.kind, d.due, d.extended])).toEqual([
      ['recours_recevabilite', '2026-02-27', false],
      ['contestation_mesures', '2026-07-06', true],
      ['audience', '2026-09-14', false],
      ['fin_plan', '2033-06-01', false],
    ]);
    expect(r.deadlines[2]!.label).toBe('Audience : JCP de Montauban');
    expect(r.deadlines[3]!.label).toBe('Fin des mesures imposées');
  });

  it('plan end: start + duration (641 day), above 84 months refused unless main-residence loans', () => {
    // 31 March 2026 + 11 months: no 31 February → 28 February 2027.
    expect(deadlines([{ kind: 'plan_conventionnel', date: '2026-03-31', durationMonths: 11 }]).deadlines).toMatchObject([{ kind: 'fin_plan', due: '2027-02-28', label: 'Fin du plan conventionnel' }]);
    const e = refused(() => deadlines([{ kind: 'plan_conventionnel', date: '2026-06-01', durationMonths: 85 }]));
    expect(e.message).toBe(
      'Échéances de la procédure : plan conventionnel du 01/06/2026 — une durée de 85 mois dépasse le maximum de 84 mois (code de la consommation, art. L733-3). Réduisez la durée, ou indiquez que les mesures portent sur des prêts de la résidence principale (mainResidenceLoans).',
    );
    const long = deadlines([{ kind: 'plan_conventionnel', date: '2026-06-01', durationMonths: 240, mainResidenceLoans: true }]).deadlines[0]!;
    expect(long.due).toBe('2046-06-01');
    expect(long.rule).toContain('prêts de la résidence principale');
    // Measures imposed after a plan conventionnel supersede its end.
    const replaced = deadlines([
      { kind: 'plan_conventionnel', date: '2026-06-01', durationMonths: 24 },
      { kind: 'mesures_imposees', date: '2027-01-15', durationMonths: 36 },
    ]);
    expect(replaced.deadlines.filter((d) => d.kind === 'fin_plan').map((d) => d.due)).toEqual(['2030-01-15']);
    expect(replaced.pending).toEqual(['Contestation des mesures imposées du 15/01/2027 : date de notification inconnue, délai non calculé.']);
  });

  it('a redeposit starts a new cycle: the earlier deposit’s deadlines are not returned', () => {
    const r = deadlines([
      { kind: 'redepot', date: '2026-02-02' },
      { kind: 'depot', date: '2024-02-01' },
      { kind: 'recevabilite', date: '2024-04-10', notified: '2024-04-12', decision: 'recevable' },
      { kind: 'audience', date: '2024-10-01' },
      { kind: 'cloture', date: '2025-01-10', decision: 'plan non respecté' },
    ]);
    // 2 February 2026 + 3 months = Saturday 2 May 2026, not extended.
    expect(r.deadlines).toEqual([expect.objectContaining({ kind: 'recevabilite_attendue', due: '2026-05-02', from: { kind: 'redepot', date: '2026-02-02' } })]);
    expect(r.deadlines[0]!.rule.startsWith('Redépôt le 02/02/2026')).toBe(true);
  });

  it('after a closure, deadlines falling later are dropped; an unknown notification is said, not guessed', () => {
    expect(deadlines([{ kind: 'depot', date: '2026-01-10' }, { kind: 'cloture', date: '2026-02-01' }]).deadlines).toEqual([]);
    const r = deadlines([{ kind: 'depot', date: '2026-01-10' }, { kind: 'recevabilite', date: '2026-03-02', decision: 'irrecevable' }]);
    expect(r.deadlines).toEqual([]);
    expect(r.pending).toEqual(['Recours contre la décision de recevabilité du 02/03/2026 : date de notification inconnue, délai non calculé.']);
  });

  it('properties: any valid procedure gives sorted deadlines of its last cycle, appeal days on working days', () => {
    const stage = fc.record({
      kind: fc.constantFrom(...STAGE_KINDS),
      offset: fc.integer({ min: 0, max: 1500 }),
      notifiedAfter: fc.option(fc.integer({ min: 0, max: 20 })),
      durationMonths: fc.option(fc.integer({ min: 1, max: 84 })),
      mainResidenceLoans: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(stage, { maxLength: 10 }), (raw) => {
        const stages: StageInput[] = raw.map((r) => {
          const date = addDays('2024-06-01', r.offset);
          return { kind: r.kind, date, notified: r.notifiedAfter === null ? null : addDays(date, r.notifiedAfter), durationMonths: r.durationMonths, mainResidenceLoans: r.mainResidenceLoans };
        });
        const { deadlines: out } = computeDeadlines(stages, fileParameters);
        const cycleStart = stages.filter((s) => s.kind === 'depot' || s.kind === 'redepot').reduce((m, s) => (s.date > m ? s.date : m), '');
        out.forEach((d, k) => {
          if (k > 0) expect(d.due >= out[k - 1]!.due).toBe(true);
          expect(d.due >= d.from.date).toBe(true);
          expect(d.from.date >= cycleStart).toBe(true);
          if (d.kind === 'recours_recevabilite' || d.kind === 'contestation_mesures') expect(nonWorkingReason(d.due)).toBeNull();
          if (d.kind !== 'audience') expect(out.filter((x) => x.kind === d.kind)).toHaveLength(1);
          expect(d.rule.length).toBeGreaterThan(20);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses bad stages with a French message naming the stage and the field', () => {
    expect(refused(() => deadlines([{ kind: 'depot', date: '2026-13-01' }])).message).toBe('Échéances de la procédure : étape n° 1 (date) — cette date n’existe pas dans le calendrier.');
    expect(refused(() => deadlines([{ kind: 'depot', date: '2026-01-01' }, { kind: 'jugement' as never, date: '2026-02-01' }])).message).toContain('étape n° 2 (kind) — une étape parmi : depot, recevabilite');
    expect(refused(() => deadlines([{ kind: 'recevabilite', date: '2026-03-10', notified: '2026-03-01' }])).message).toBe(
      'Échéances de la procédure : étape n° 1 (décision sur la recevabilité) — la notification (01/03/2026) précède la décision (10/03/2026) ; corrigez l’une des deux dates.',
    );
    expect(refused(() => deadlines([{ kind: 'plan_conventionnel', date: '2026-03-10', durationMonths: 0 }])).message).toContain('étape n° 1 (durationMonths) — une durée d’au moins 1 mois');
    expect(refused(() => deadlines([{ kind: 'depot', date: '9999-12-31' }])).message).toBe('Échéances de la procédure : étape n° 1 (date) — une année entre 1900 et 2199 ; vérifiez la date.');
    expect(refused(() => deadlines([{ kind: 'depot', date: '31/12/2026' }])).message).toBe('Échéances de la procédure : étape n° 1 (date) — date attendue au format AAAA-MM-JJ, par exemple 2026-03-15.');
  });
});
