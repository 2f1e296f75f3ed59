import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import exemple from '../../../resources/reglements/exemple.json';
import { demandeSchema, evaluate, partsX100, composition, twelveMonthsBefore, type DemandeInput } from './engine';
import { envelopeGroups, parseReglement, reglementJsonSchema, type Reglement } from './reglement';
import { euros } from '../../shared/money';

const parsed = parseReglement(exemple);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const R: Reglement = parsed.reglement;

const adult = { role: 'demandeur' as const, birthDate: '1980-05-01' };
const spouse = { role: 'conjoint' as const, birthDate: '1982-03-01' };
const child = (birthDate: string) => ({ role: 'enfant' as const, birthDate });

function demande(over: Partial<DemandeInput> = {}): DemandeInput {
  return {
    dispositif: 'secours_cd',
    nature: 'alimentaire',
    amountCents: 15000,
    requestedOn: '2026-11-23',
    paymentMode: 'virement_beneficiaire',
    household: { residesInDepartement: true, members: [adult] },
    budget: { resources: [{ kind: 'rsa', amountCents: 64652 }], charges: [{ kind: 'loyer', amountCents: 40000 }] },
    history: [],
    ...over,
  } as DemandeInput;
}
const run = (over: Partial<DemandeInput> = {}, r: Reglement = R) => evaluate(demandeSchema.parse(demande(over)), r);
const rule = (e: ReturnType<typeof run>, id: string) => {
  const x = e.rules.find((r) => r.id === id);
  if (!x) throw new Error(`no rule ${id}: ${e.rules.map((r) => r.id).join(',')}`);
  return x;
};
function clone(): Reglement {
  return structuredClone(R);
}

describe('the example règlement', () => {
  it('is valid and ships the four default dispositifs', () => {
    expect(R.dispositifs.map((d) => d.code)).toEqual(['secours_cd', 'am_ase', 'aml_ase', 'faj']);
  });
  it('every rule names the text it follows', () => {
    for (const d of R.dispositifs) {
      expect(d.eligibility.source.length).toBeGreaterThan(3);
      expect(d.resourceTest.source.length).toBeGreaterThan(3);
      for (const n of d.natures) expect(n.source.length).toBeGreaterThan(3);
    }
  });
  it('the JSON Schema shipped in resources/ is the one generated from the validator', () => {
    const file = new URL('../../../resources/reglements/reglement.schema.json', import.meta.url);
    const generated = `${JSON.stringify(reglementJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) fs.writeFileSync(file, generated);
    expect(fs.readFileSync(file, 'utf8')).toBe(generated);
  });
});

describe('règlement validation points at the faulty field in French', () => {
  it('names the path of each problem', () => {
    const bad = structuredClone(exemple) as Record<string, unknown> & { dispositifs: Record<string, unknown>[] };
    (bad.dispositifs[0] as { delegationCents: unknown }).delegationCents = 12.5;
    (bad.dispositifs[2] as { label: unknown }).label = '';
    const r = parseReglement(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['dispositifs.0.delegationCents', 'dispositifs.2.label']);
    expect(r.problems[0]!.message).toMatch(/centimes/);
    const twice = structuredClone(exemple) as { dispositifs: { code: string }[] };
    twice.dispositifs[1]!.code = 'secours_cd';
    const r2 = parseReglement(twice);
    if (r2.ok) throw new Error('accepted');
    const dup = r2.problems.find((p) => p.path === 'dispositifs.1.code');
    expect(dup?.message).toMatch(/défini deux fois/);
  });
  it('refuses a cap naming an unknown dispositif, and an inverted date range', () => {
    const bad = structuredClone(exemple) as { caps: { dispositifs: string[] }[]; effectiveTo: string | null };
    bad.caps[0]!.dispositifs.push('inconnu');
    bad.effectiveTo = '2024-06-01';
    const r = parseReglement(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(expect.arrayContaining([
      { path: 'caps.0.dispositifs.2', message: 'dispositif inconnu : inconnu' },
      { path: 'effectiveTo', message: 'la fin de validité précède le début' },
    ]));
  });
  it('envelopes: the shared one, then one per remaining dispositif; a dispositif in one envelope only', () => {
    expect(envelopeGroups(R).map((g) => [g.code, g.dispositifs])).toEqual([
      ['enveloppe_cd', ['secours_cd', 'am_ase', 'aml_ase']],
      ['faj', ['faj']],
    ]);
    const twice = structuredClone(exemple) as { envelopes: { code: string; label: string; dispositifs: string[]; source: string }[] };
    twice.envelopes.push({ code: 'autre', label: 'Autre enveloppe', dispositifs: ['am_ase', 'fsl'], source: 'Exemple' });
    const r = parseReglement(twice);
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'envelopes.1.dispositifs.0', message: 'am_ase est déjà dans l’enveloppe enveloppe_cd' },
      { path: 'envelopes.1.dispositifs.1', message: 'dispositif inconnu : fsl' },
    ]);
  });
  it('dates must exist in the calendar', () => {
    for (const bad of ['2026-13-01', '2026-02-30']) {
      const r = parseReglement({ ...structuredClone(exemple), effectiveFrom: bad });
      expect(r.ok ? 'ok' : r.problems[0]).toEqual({ path: 'effectiveFrom', message: 'cette date n’existe pas dans le calendrier' });
      expect(demandeSchema.safeParse(demande({ requestedOn: bad })).success).toBe(false);
    }
  });
  it('chèques need their value and count', () => {
    const bad = structuredClone(exemple) as { dispositifs: { payment: { cheques?: unknown } }[] };
    delete bad.dispositifs[0]!.payment.cheques;
    const r = parseReglement(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/chèques d’accompagnement/);
  });
});

describe('household composition and parts', () => {
  it('a pregnant woman alone is 1 part, one adult + 1 child 2.5, couple + 1 child 3 (Savoie table)', () => {
    const t = R.dispositifs[1]!.resourceTest;
    if (t.method !== 'reste_a_vivre_par_part') throw new Error('shape');
    const c = (members: DemandeInput['household']['members'], pregnancy = false) =>
      composition(demandeSchema.parse(demande({ household: { residesInDepartement: true, pregnancy, members } })), R);
    expect(partsX100(t.parts, c([adult], true))).toBe(100);
    expect(partsX100(t.parts, c([adult, child('2020-01-01')]))).toBe(250);
    expect(partsX100(t.parts, c([adult, spouse, child('2020-01-01')]))).toBe(300);
    expect(c([adult], true).type).toBe('famille_monoparentale');
    expect(c([adult, spouse]).type).toBe('couple');
  });
  it('a child over the dependent age no longer counts as a dependent', () => {
    const c = composition(demandeSchema.parse(demande({ household: { residesInDepartement: true, members: [adult, child('2004-01-01')] } })), R);
    expect(c.dependentChildren).toBe(0);
    expect(c.type).toBe('personne_seule');
    expect(c.persons).toBe(2);
  });
});

describe('moyenne économique journalière (secours_cd)', () => {
  it('computes (resources − 140 € − residual rent) ÷ persons ÷ 30, rounded down', () => {
    // 646.52 RSA + 300 APL, rent 400 → residual 100 ; (646.52 − 140 − 100) / 1 / 30 = 13.5506… → 13.55
    const e = run({ budget: { resources: [{ kind: 'rsa', amountCents: 64652 }, { kind: 'apl_al', amountCents: 30000 }], charges: [{ kind: 'loyer', amountCents: 40000 }] } });
    const r = rule(e, 'ressources');
    expect(r.figures).toMatchObject({ resourcesCents: 64652, residualRentCents: 10000, persons: 1, valueCents: 1355, maxCents: 800 });
    expect(r.passed).toBe(false);
    expect(r.sentence).toBe(
      `Moyenne économique journalière : (${euros(64652)} de ressources − ${euros(14000)} de forfait charges − ${euros(10000)} de loyer résiduel) ÷ 1 personne ÷ 30 jours = ${euros(1355)} par jour et par personne, au-dessus du plafond de ${euros(800)} (personne seule).`,
    );
    expect(e.outcome).toBe('hors_bareme');
    expect(e.reasons).toContain(r.sentence);
  });
  it('passes at exactly the threshold (inclusive) and fails one cent above', () => {
    // 8.00 € × 30 = 240 € + 140 € forfait = 380 € of resources, no rent.
    const at = run({ budget: { resources: [{ kind: 'rsa', amountCents: 38000 }], charges: [] } });
    expect(rule(at, 'ressources')).toMatchObject({ passed: true, figures: { valueCents: 800 } });
    const above = run({ budget: { resources: [{ kind: 'rsa', amountCents: 38030 }], charges: [] } });
    expect(rule(above, 'ressources')).toMatchObject({ passed: false, figures: { valueCents: 801 } });
  });
  it('excludes AEEH and the allocation de rentrée scolaire, counts a third of a child’s salary', () => {
    const e = run({
      budget: {
        resources: [
          { kind: 'rsa', amountCents: 20000 },
          { kind: 'aeeh', amountCents: 15000 },
          { kind: 'allocation_rentree_scolaire', amountCents: 40000 },
          { kind: 'salaire_enfant', amountCents: 30001 },
        ],
        charges: [],
      },
      household: { residesInDepartement: true, members: [adult, { role: 'autre', birthDate: '2003-01-01' }] },
    });
    const r = rule(e, 'ressources');
    expect(r.figures).toMatchObject({ resourcesCents: 20000 + 10000, excludedCents: 55000, persons: 2 });
    expect(r.sentence).toMatch(/non prises en compte/);
    expect(r.sentence).toMatch(/1\/3/);
  });
  it('a negative reste goes below the threshold (a household with nothing left passes)', () => {
    const e = run({ budget: { resources: [{ kind: 'rsa', amountCents: 10000 }], charges: [{ kind: 'loyer', amountCents: 50000 }] } });
    expect(rule(e, 'ressources').passed).toBe(true);
    expect(e.outcome).toBe('dans_bareme');
    expect(e.route).toBe('validation');
  });
  it('the family threshold (5.50 €) applies when the household is a couple', () => {
    const e = run({ household: { residesInDepartement: true, members: [adult, spouse] }, budget: { resources: [{ kind: 'rsa', amountCents: 50000 }], charges: [] } });
    expect(rule(e, 'ressources').figures).toMatchObject({ maxCents: 550, persons: 2, valueCents: Math.floor((50000 - 14000) / 60) });
  });
});

describe('reste à vivre par part (am_ase)', () => {
  const family = { residesInDepartement: true, members: [adult, child('2018-02-02')] };
  it('(resources − charges) ÷ parts ÷ 30, with the sentence of DOMAIN §4.2', () => {
    // (1200 − 666) / 2.5 / 30 = 7.12
    const e = run({ dispositif: 'am_ase', amountCents: 20000, household: family, budget: { resources: [{ kind: 'salaires', amountCents: 120000 }], charges: [{ kind: 'loyer', amountCents: 66600 }] } });
    const r = rule(e, 'ressources');
    expect(r.figures).toMatchObject({ partsX100: 250, valueCents: 712, maxCents: 550 });
    expect(r.sentence).toContain(`= ${euros(712)} par jour et par part, au-dessus du plafond de ${euros(550)}`);
    expect(r.passed).toBe(false);
  });
  it('is refused to a person alone without children (composition) — and secours_cd the other way', () => {
    const e = run({ dispositif: 'am_ase', budget: { resources: [], charges: [] } });
    expect(rule(e, 'composition').passed).toBe(false);
    expect(e.outcome).toBe('hors_bareme');
    const s = run({ household: family, budget: { resources: [], charges: [] } });
    expect(rule(s, 'composition')).toMatchObject({ passed: false });
    expect(rule(s, 'composition').sentence).toMatch(/1 enfant à charge/);
  });
  it('pregnancy opens am_ase to a woman alone', () => {
    const e = run({ dispositif: 'am_ase', household: { residesInDepartement: true, pregnancy: true, members: [adult] }, budget: { resources: [], charges: [] } });
    expect(rule(e, 'composition').passed).toBe(true);
    expect(e.householdType).toBe('famille_monoparentale');
  });
});

describe('quotient familial (aml_ase) and daily ceiling', () => {
  const family = { residesInDepartement: true, members: [adult, spouse, child('2016-01-01'), child('2018-01-01')] };
  it('resources ÷ parts, strictly under 500 €', () => {
    // couple 2 + 0.5 + 0.5 = 3 parts ; 1500 / 3 = 500.00 → not strictly under
    const e = run({ dispositif: 'aml_ase', nature: 'loisirs_vacances', days: 5, amountCents: 30000, paymentMode: 'virement_tiers', household: family, budget: { resources: [{ kind: 'salaires', amountCents: 150000 }], charges: [] } });
    expect(rule(e, 'ressources')).toMatchObject({ passed: false, figures: { partsX100: 300, valueCents: 50000 } });
    expect(rule(e, 'ressources').sentence).toMatch(/égal au plafond/);
    const ok = run({ dispositif: 'aml_ase', nature: 'loisirs_vacances', days: 5, amountCents: 30000, paymentMode: 'virement_tiers', household: family, budget: { resources: [{ kind: 'salaires', amountCents: 149999 }], charges: [] } });
    expect(rule(ok, 'ressources').passed).toBe(true);
  });
  it('a stay is capped at 60 € a day within 460 €', () => {
    const base = { dispositif: 'aml_ase', nature: 'loisirs_vacances' as const, paymentMode: 'virement_tiers' as const, household: family, budget: { resources: [], charges: [] } };
    expect(rule(run({ ...base, days: 5, amountCents: 30000 }), 'plafond').passed).toBe(true);
    expect(rule(run({ ...base, days: 5, amountCents: 30001 }), 'plafond').passed).toBe(false);
    expect(run({ ...base, days: 10, amountCents: 46000 }).ceilingCents).toBe(46000);
    const noDays = run({ ...base, amountCents: 10000 });
    expect(noDays.outcome).toBe('non_conforme');
    expect(rule(noDays, 'nature').sentence).toMatch(/nombre de jours/);
  });
});

describe('FAJ age', () => {
  const young = (birthDate: string, derogation = false) =>
    run({ dispositif: 'faj', nature: 'mobilite', amountCents: 10000, derogation, household: { residesInDepartement: true, members: [{ role: 'demandeur', birthDate }] }, budget: { resources: [], charges: [] } });
  it('18–25 passes; 26 fails; 16–17 only with the derogation', () => {
    expect(rule(young('2006-11-23'), 'age')).toMatchObject({ passed: true, figures: { age: 20 } });
    expect(rule(young('2000-11-22'), 'age').passed).toBe(false);
    expect(rule(young('2009-06-01'), 'age').passed).toBe(false);
    expect(rule(young('2009-06-01'), 'age').sentence).toMatch(/dérogation motivée/);
    expect(rule(young('2009-06-01', true), 'age')).toMatchObject({ passed: true, figures: { derogation: true } });
    expect(rule(young('2011-01-01', true), 'age').passed).toBe(false);
  });
});

describe('frequency caps across dispositifs', () => {
  const h = (dispositif: string, grantedOn: string) => ({ dispositif, grantedOn, amountCents: 10000 });
  const poor = { budget: { resources: [], charges: [] } };
  it('the 4th aid in 12 rolling months passes, the 5th does not; aml_ase and faj do not count', () => {
    const three = [h('secours_cd', '2026-01-10'), h('am_ase', '2026-04-10'), h('secours_cd', '2026-07-10'), h('aml_ase', '2026-08-01'), h('faj', '2026-09-01')];
    expect(rule(run({ ...poor, history: three }), 'frequence:secours_am')).toMatchObject({ passed: true, figures: { count: 3 } });
    const four = [...three, h('am_ase', '2026-10-02')];
    const e = run({ ...poor, history: four });
    expect(rule(e, 'frequence:secours_am')).toMatchObject({ passed: false, figures: { count: 4, max: 4 } });
    expect(e.outcome).toBe('hors_bareme');
  });
  it('the window is rolling: a grant of exactly 12 months ago no longer counts', () => {
    expect(twelveMonthsBefore('2026-11-23')).toBe('2025-11-23');
    expect(twelveMonthsBefore('2028-02-29')).toBe('2027-02-28');
    const old = [h('secours_cd', '2025-11-23'), h('secours_cd', '2026-01-01'), h('secours_cd', '2026-02-01'), h('secours_cd', '2026-03-01')];
    expect(rule(run({ ...poor, history: old }), 'frequence:secours_am').figures.count).toBe(3);
  });
  it('not two aids of the group in the same month', () => {
    const e = run({ ...poor, history: [h('am_ase', '2026-11-02')] });
    expect(rule(e, 'meme_mois:secours_am')).toMatchObject({ passed: false });
    expect(rule(e, 'meme_mois:secours_am').sentence).toMatch(/02\/11\/2026/);
    expect(rule(run({ ...poor, history: [h('am_ase', '2026-10-31')] }), 'meme_mois:secours_am').passed).toBe(true);
  });
});

describe('ceilings, delegation, payment', () => {
  const poor = { budget: { resources: [], charges: [] } };
  it('the ceiling depends on the household type (160 € alone, 230 € couple)', () => {
    expect(run({ ...poor, amountCents: 16000 }).outcome).toBe('dans_bareme');
    expect(run({ ...poor, amountCents: 16001 }).outcome).toBe('hors_bareme');
    expect(run({ ...poor, amountCents: 23000, household: { residesInDepartement: true, members: [adult, spouse] } }).outcome).toBe('dans_bareme');
  });
  it('above the delegation but in the barème goes to the commission', () => {
    const r = clone();
    r.dispositifs[0]!.delegationCents = 10000;
    const e = run({ ...poor, amountCents: 15000 }, r);
    expect(e.outcome).toBe('dans_bareme');
    expect(e.withinDelegation).toBe(false);
    expect(e.route).toBe('commission');
    expect(e.reasons).toEqual([]);
  });
  it('chèques: count × value must equal the amount, at most 3, valid until 31/12', () => {
    const ok = run({ ...poor, paymentMode: 'cheques_accompagnement', cheques: 3, amountCents: 6000 });
    expect(rule(ok, 'paiement')).toMatchObject({ passed: true, figures: { validUntil: '2026-12-31' } });
    expect(run({ ...poor, paymentMode: 'cheques_accompagnement', cheques: 4, amountCents: 8000 }).outcome).toBe('non_conforme');
    expect(run({ ...poor, paymentMode: 'cheques_accompagnement', cheques: 2, amountCents: 5000 }).outcome).toBe('non_conforme');
  });
  it('a mode the dispositif does not allow is a form error', () => {
    const e = run({ dispositif: 'faj', nature: 'mobilite', paymentMode: 'cheques_accompagnement', cheques: 1, amountCents: 2000, household: { residesInDepartement: true, members: [{ role: 'demandeur', birthDate: '2004-01-01' }] }, ...poor });
    expect(e.outcome).toBe('non_conforme');
    expect(rule(e, 'paiement').passed).toBe(false);
  });
  it('an unknown dispositif or nature is said, not thrown', () => {
    expect(run({ dispositif: 'fsl' }).rules[0]!.sentence).toMatch(/n’existe pas/);
    expect(rule(run({ nature: 'scolarite' }), 'nature').passed).toBe(false);
  });
  it('residence outside the département fails', () => {
    const e = run({ ...poor, household: { residesInDepartement: false, members: [adult] } });
    expect(rule(e, 'residence').passed).toBe(false);
    expect(e.outcome).toBe('hors_bareme');
  });
});

describe('purity', () => {
  it('the same input gives the same result and the input is not modified', () => {
    const d = demandeSchema.parse(demande({ history: [{ dispositif: 'secours_cd', grantedOn: '2026-03-01', amountCents: 1 }] }));
    const before = JSON.stringify(d);
    expect(evaluate(d, R)).toEqual(evaluate(d, R));
    expect(JSON.stringify(d)).toBe(before);
  });
});
