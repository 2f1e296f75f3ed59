/**
 * The quotient familial on the 3-month average of monthly resources (DOMAIN §4.1, Ardèche's
 * form): integer cents, the three months' sum divided by 3 rounded down to the cent, then
 * divided by the parts (in hundredths) rounded down; a budget without earlier months is one
 * month counted three times, and the sentence says so.
 */
import { describe, expect, it } from 'vitest';
import exemple from '../../../resources/reglements/exemple.json';
import { budgetSchema, threeMonths } from '../budget';
import { demandeSchema, evaluate, type DemandeInput } from './engine';
import { parseReglement, type Reglement } from './reglement';

const parsed = parseReglement(exemple);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const R: Reglement = parsed.reglement;

/** Couple with two children: 2 + 0,5 + 0,5 = 3 parts (aml_ase, quotient familial strictly under 500 €). */
const family = {
  residesInDepartement: true,
  members: [
    { role: 'demandeur' as const, birthDate: '1980-05-01' },
    { role: 'conjoint' as const, birthDate: '1982-03-01' },
    { role: 'enfant' as const, birthDate: '2016-01-01' },
    { role: 'enfant' as const, birthDate: '2018-01-01' },
  ],
};
function qf(resources: DemandeInput['budget']['resources']) {
  const d = demandeSchema.parse({
    dispositif: 'aml_ase',
    nature: 'loisirs_vacances',
    days: 5,
    amountCents: 30000,
    requestedOn: '2026-11-23',
    paymentMode: 'virement_tiers',
    household: family,
    budget: { resources, charges: [] },
  });
  const rule = evaluate(d, R).rules.find((r) => r.id === 'ressources')!;
  return rule;
}

describe('three months of resources in the budget', () => {
  it('a line without earlier months repeats its amount; a line with them gives [M-2, M-1, M]', () => {
    const b = budgetSchema.parse({
      resources: [
        { kind: 'salaires', amountCents: 150000, previousMonthsCents: [120000, 130000] },
        { kind: 'prestations_familiales', amountCents: 30000 },
      ],
      charges: [],
    });
    const m = threeMonths(b);
    expect(m.known).toBe(true);
    expect(m.months.map((lines) => lines.map((l) => l.amountCents))).toEqual([
      [120000, 30000],
      [130000, 30000],
      [150000, 30000],
    ]);
    expect(threeMonths(budgetSchema.parse({ resources: [{ kind: 'rsa', amountCents: 64652 }], charges: [] })).known).toBe(false);
  });

  it('an old stored budget (no earlier months) stays valid; a half-filled one is refused in French', () => {
    expect(budgetSchema.safeParse({ resources: [{ kind: 'rsa', amountCents: 64652, label: '' }], charges: [] }).success).toBe(true);
    const bad = budgetSchema.safeParse({ resources: [{ kind: 'rsa', amountCents: 64652, previousMonthsCents: [64652] }], charges: [] });
    expect(bad.success).toBe(false);
    const negative = budgetSchema.safeParse({ resources: [{ kind: 'rsa', amountCents: 64652, previousMonthsCents: [-1, 64652] }], charges: [] });
    expect(negative.success ? 'ok' : negative.error.issues[0]!.message).toMatch(/négatif/);
  });
});

describe('quotient familial on the 3-month average', () => {
  it('averages the three months in cents, rounding the division by 3 down to the cent', () => {
    // (1 500,01 + 1 500,00 + 1 500,00) ÷ 3 = 1 500,003 → 1 500,00 ; ÷ 3 parts = 500,00 → not strictly under 500 €.
    const r = qf([{ kind: 'salaires', amountCents: 150000, previousMonthsCents: [150001, 150000] }]);
    expect(r.figures).toMatchObject({ month1Cents: 150001, month2Cents: 150000, month3Cents: 150000, resourcesCents: 150000, partsX100: 300, valueCents: 50000, monthsKnown: 3 });
    expect(r.passed).toBe(false);
    // (1 500,02 + 1 500,02 + 1 499,95) ÷ 3 = 449 999 ÷ 3 = 149 999,67 → 149 999 cents ; ÷ 3 parts = 49 999,66 → 49 999.
    const under = qf([{ kind: 'salaires', amountCents: 149995, previousMonthsCents: [150002, 150002] }]);
    expect(under.figures).toMatchObject({ resourcesCents: 149999, valueCents: 49999 });
    expect(under.passed).toBe(true);
  });

  it('a rise in the last month alone does not decide: the average does', () => {
    const r = qf([{ kind: 'salaires', amountCents: 240000, previousMonthsCents: [90000, 90000] }]);
    // (900 + 900 + 2 400) ÷ 3 = 1 400 € ; ÷ 3 parts = 466,66 € → under 500 €, where the last month alone (800 €) was not.
    expect(r.figures).toMatchObject({ resourcesCents: 140000, valueCents: 46666 });
    expect(r.passed).toBe(true);
    expect(qf([{ kind: 'salaires', amountCents: 240000 }]).passed).toBe(false);
  });

  it('says the three months and the average in its sentence', () => {
    const r = qf([
      { kind: 'salaires', amountCents: 120000, previousMonthsCents: [110000, 100000] },
      { kind: 'prestations_familiales', amountCents: 30000 },
    ]);
    expect(r.sentence.replace(/\u00a0/g, ' ')).toBe(
      'Quotient familial : moyenne des ressources des trois derniers mois (1 400,00 € + 1 300,00 € + 1 500,00 €) ÷ 3 = 1 400,00 € ÷ 3 parts = 466,66 €, en dessous du plafond de 500,00 €.',
    );
  });

  it('a budget with one month is that month repeated, and the sentence says so', () => {
    const r = qf([{ kind: 'salaires', amountCents: 120000 }]);
    expect(r.figures).toMatchObject({ month1Cents: 120000, month2Cents: 120000, month3Cents: 120000, resourcesCents: 120000, monthsKnown: 1 });
    expect(r.sentence.replace(/\u00a0/g, ' ')).toMatch(/^Quotient familial : ressources d’un seul mois connues, comptées pour chacun des trois derniers mois \(1 200,00 € \+ 1 200,00 € \+ 1 200,00 €\) ÷ 3 = 1 200,00 € ÷ 3 parts = 400,00 €/);
  });

  it('applies the exclusions and the child’s salary share month by month', () => {
    // AEEH excluded; a child's salary counts for one third, each month rounded down: 100,00 → 33,33 ; 50,00 → 16,66.
    const r = qf([
      { kind: 'salaires', amountCents: 90000, previousMonthsCents: [90000, 90000] },
      { kind: 'aeeh', amountCents: 20000, previousMonthsCents: [20000, 20000] },
      { kind: 'salaire_enfant', amountCents: 5000, previousMonthsCents: [10000, 10000] },
    ]);
    expect(r.figures).toMatchObject({ month1Cents: 93333, month2Cents: 93333, month3Cents: 91666, resourcesCents: 92777 });
  });
});
