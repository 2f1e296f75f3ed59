/**
 * The evaluation of an aid request under a règlement (DOMAIN §4.2): a pure function of the
 * request, the household, its budget, its aid history and the règlement. For every rule it
 * says whether it passed and the figures it used, as a French sentence that is shown on the
 * screen and printed in the letter. Money is integer cents; every division is rounded down
 * to the cent ("arrondi au centime inférieur"), and the result says so.
 */
import { z } from 'zod';
import { budgetSchema, sumOf, threeMonths, type Budget } from '../budget';
import { euros, floorDiv, frNumber } from '../../shared/money';
import { isoDate } from '../../shared/calendar-date';
import { frDate, yearsBetween } from '../../shared/time';
import { HOUSEHOLD_ROLES } from '../../api/kinds-accueil';
import { natureLabel, type OutcomeBareme, type Route } from './kinds';
import { NATURES, PAYMENT_MODES, type AmountByType, type Dispositif, type HouseholdType, type PartsTable, type Reglement } from './reglement';

z.config(z.locales.fr());

export const ROUNDING = 'Calculs en centimes ; chaque division est arrondie au centime inférieur.';

const day = isoDate;
const cents = z.number().int({ message: 'Montant en centimes (nombre entier).' }).min(0);

/** What the engine needs, nothing more: the format of `passeur bareme evaluate --demande`. */
export const demandeSchema = z.strictObject({
  dispositif: z.string().min(1),
  nature: z.enum(NATURES),
  amountCents: cents.min(1, { message: 'Indiquez le montant demandé.' }),
  requestedOn: day,
  /** Days of a stay, for natures with a daily ceiling. */
  days: z.number().int().min(1).max(366).nullable().default(null),
  paymentMode: z.enum(PAYMENT_MODES),
  cheques: z.number().int().min(0).max(100).default(0),
  /** The 16–17-year-old applicant's derogation for the FAJ, argued in the note sociale. */
  derogation: z.boolean().default(false),
  household: z.strictObject({
    residesInDepartement: z.boolean(),
    pregnancy: z.boolean().default(false),
    members: z
      .array(
        z.strictObject({
          role: z.enum(HOUSEHOLD_ROLES),
          birthDate: day.nullable().default(null),
          /** The person the aid is for, when not the household's demandeur (a young adult for the FAJ). */
          applicant: z.boolean().default(false),
        }),
      )
      .min(1, { message: 'Le foyer compte au moins la personne qui demande.' })
      .max(30),
  }),
  budget: budgetSchema,
  /** Aids already granted to the household (any dispositif), with their decision date. */
  history: z.array(z.strictObject({ dispositif: z.string(), grantedOn: day, amountCents: cents })).max(500).default([]),
});
export type Demande = z.output<typeof demandeSchema>;
export type DemandeInput = z.input<typeof demandeSchema>;

export type RuleKind = 'forme' | 'bareme' | 'delegation';
export interface RuleResult {
  id: string;
  kind: RuleKind;
  passed: boolean;
  sentence: string;
  figures: Record<string, number | string | boolean>;
}
export type Outcome = OutcomeBareme;
export interface Evaluation {
  reglement: { code: string; version: number; title: string };
  dispositif: string;
  evaluatedOn: string;
  outcome: Outcome;
  withinDelegation: boolean;
  /** Who decides: a responsable alone, or the commission. */
  route: Route;
  householdType: HouseholdType;
  ceilingCents: number | null;
  rules: RuleResult[];
  /** The sentences of the failed rules, in order: the reasons printed in the letter. */
  reasons: string[];
  rounding: string;
}

const TYPE_LABEL: Record<HouseholdType, string> = {
  personne_seule: 'personne seule',
  couple: 'couple sans enfant',
  famille_monoparentale: 'famille monoparentale',
  couple_avec_enfants: 'couple avec enfants',
};

export interface Composition {
  type: HouseholdType;
  persons: number;
  couple: boolean;
  dependentChildren: number;
  pregnancy: boolean;
  applicantAge: number | null;
}

export function composition(d: Demande, r: Reglement): Composition {
  const members = d.household.members;
  const ageOf = (b: string | null) => (b && b <= d.requestedOn ? yearsBetween(b, d.requestedOn) : null);
  const dependentChildren = members.filter((m) => {
    if (m.role !== 'enfant') return false;
    const a = ageOf(m.birthDate);
    return a === null || a <= r.enfantAChargeAgeMax;
  }).length;
  const couple = members.some((m) => m.role === 'conjoint');
  const withChildren = dependentChildren > 0 || d.household.pregnancy;
  const type: HouseholdType = withChildren ? (couple ? 'couple_avec_enfants' : 'famille_monoparentale') : couple ? 'couple' : 'personne_seule';
  const applicant = members.find((m) => m.applicant) ?? members.find((m) => m.role === 'demandeur') ?? members[0]!;
  return { type, persons: members.length, couple, dependentChildren, pregnancy: d.household.pregnancy, applicantAge: ageOf(applicant.birthDate) };
}

/** Parts in hundredths (2.5 parts → 250) so that every computation stays in integers. */
export function partsX100(t: PartsTable, c: Composition): number {
  const h = (n: number) => Math.round(n * 100);
  let p = c.couple ? h(t.couple) : c.dependentChildren > 0 ? h(t.parent_isole) : h(t.personne_seule);
  for (let i = 0; i < c.dependentChildren; i++) p += h(t.par_enfant[Math.min(i, t.par_enfant.length - 1)]!);
  if (c.pregnancy) p += h(t.grossesse);
  return p;
}

export function amountFor(a: AmountByType, type: HouseholdType): number | null {
  return a[type] ?? a.default ?? null;
}

/** The months-rolling window: a grant counts if made after this day. */
export function twelveMonthsBefore(dayIso: string): string {
  const [y, m, dd] = dayIso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(dd, last)).padStart(2, '0')}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

interface CountedResources {
  counted: number;
  excluded: number;
  childSalaryCounted: number;
  housingAid: number;
}

function countResources(lines: Budget['resources'], disp: Dispositif, housingAidApart: boolean): CountedResources {
  let counted = 0;
  let excluded = 0;
  let childSalaryCounted = 0;
  let housingAid = 0;
  const { numerateur, denominateur } = disp.resources.salaireEnfant;
  for (const l of lines) {
    if (disp.resources.excluded.includes(l.kind)) excluded += l.amountCents;
    else if (l.kind === 'apl_al' && housingAidApart) housingAid += l.amountCents;
    else if (l.kind === 'salaire_enfant') {
      const part = floorDiv(l.amountCents * numerateur, denominateur);
      childSalaryCounted += part;
      counted += part;
    } else counted += l.amountCents;
  }
  return { counted, excluded, childSalaryCounted, housingAid };
}

function resourceRule(d: Demande, disp: Dispositif, c: Composition): RuleResult {
  const t = disp.resourceTest;
  if (t.method === 'aucun') {
    return { id: 'ressources', kind: 'bareme', passed: true, sentence: 'Ressources : ce dispositif ne prévoit pas de condition de ressources.', figures: {} };
  }
  const res = countResources(d.budget.resources, disp, t.method === 'moyenne_economique_journaliere' && t.loyerResiduel);
  const max = amountFor(t.maxCents, c.type);
  const notes: string[] = [];
  if (res.excluded > 0) notes.push(`${euros(res.excluded)} de ressources non prises en compte (${disp.resources.excluded.join(', ')})`);
  if (res.childSalaryCounted > 0) {
    notes.push(`salaire d’enfant compté pour ${disp.resources.salaireEnfant.numerateur}/${disp.resources.salaireEnfant.denominateur}`);
  }
  const noteText = notes.length ? ` (${notes.join(' ; ')})` : '';
  if (max === null) {
    return {
      id: 'ressources',
      kind: 'bareme',
      passed: false,
      sentence: `Ressources : le règlement ne fixe pas de plafond pour un foyer « ${TYPE_LABEL[c.type]} » dans ce dispositif.`,
      figures: { householdType: c.type },
    };
  }
  const below = (v: number) => (t.strict ? v < max : v <= max);
  const verdict = (v: number, unit: string) =>
    below(v)
      ? `${t.strict ? 'en dessous du' : 'dans la limite du'} plafond de ${euros(max)}${unit}`
      : `${t.strict && v === max ? 'égal au' : 'au-dessus du'} plafond de ${euros(max)}${unit} (${TYPE_LABEL[c.type]})`;

  if (t.method === 'reste_a_vivre_par_part') {
    const charges = sumOf(d.budget.charges);
    const p = partsX100(t.parts, c);
    const net = res.counted - charges;
    const perMonth = floorDiv(net * 100, p);
    const value = t.period === 'jour' ? floorDiv(net * 100, p * 30) : perMonth;
    const unit = t.period === 'jour' ? ' par jour et par part' : ' par mois et par part';
    return {
      id: 'ressources',
      kind: 'bareme',
      passed: below(value),
      sentence: `Reste à vivre : (${euros(res.counted)} de ressources − ${euros(charges)} de charges) ÷ ${frNumber(p / 100)} parts${
        t.period === 'jour' ? ' ÷ 30 jours' : ''
      } = ${euros(value)}${unit}, ${verdict(value, '')}${noteText}.`,
      figures: { method: t.method, resourcesCents: res.counted, chargesCents: charges, partsX100: p, valueCents: value, maxCents: max, excludedCents: res.excluded },
    };
  }
  if (t.method === 'moyenne_economique_journaliere') {
    const rent = sumOf(d.budget.charges, ['loyer']);
    const residualRent = t.loyerResiduel ? Math.max(0, rent - res.housingAid) : 0;
    const net = res.counted - t.forfaitChargesCents - residualRent;
    const value = floorDiv(net, c.persons * 30);
    return {
      id: 'ressources',
      kind: 'bareme',
      passed: below(value),
      sentence: `Moyenne économique journalière : (${euros(res.counted)} de ressources − ${euros(t.forfaitChargesCents)} de forfait charges${
        t.loyerResiduel ? ` − ${euros(residualRent)} de loyer résiduel` : ''
      }) ÷ ${plural(c.persons, 'personne', 'personnes')} ÷ 30 jours = ${euros(value)} par jour et par personne, ${verdict(value, '')}${noteText}.`,
      figures: { method: t.method, resourcesCents: res.counted, forfaitCents: t.forfaitChargesCents, residualRentCents: residualRent, persons: c.persons, valueCents: value, maxCents: max, excludedCents: res.excluded },
    };
  }
  // Quotient familial: the average of the last three months' resources (DOMAIN §4.1), in cents,
  // the sum divided by 3 and rounded down; a budget with one month counts it three times.
  const p = partsX100(t.parts, c);
  const m = threeMonths(d.budget);
  const [m1, m2, m3] = m.months.map((lines) => countResources(lines, disp, false).counted) as [number, number, number];
  const average = floorDiv(m1 + m2 + m3, 3);
  const value = floorDiv(average * 100, p);
  const sum = `(${euros(m1)} + ${euros(m2)} + ${euros(m3)}) ÷ 3 = ${euros(average)}`;
  const lead = m.known
    ? `moyenne des ressources des trois derniers mois ${sum}`
    : `ressources d’un seul mois connues, comptées pour chacun des trois derniers mois ${sum}`;
  return {
    id: 'ressources',
    kind: 'bareme',
    passed: below(value),
    sentence: `Quotient familial : ${lead} ÷ ${frNumber(p / 100)} parts = ${euros(value)}, ${verdict(value, '')}${m.known ? noteText.replace(/^ \(/, ' (dernier mois : ') : noteText}.`,
    figures: { method: t.method, resourcesCents: average, month1Cents: m1, month2Cents: m2, month3Cents: m3, monthsKnown: m.known ? 3 : 1, partsX100: p, valueCents: value, maxCents: max, excludedCents: res.excluded },
  };
}

/** Evaluates a request. Never throws on a request the schema accepted; unknown codes are failed rules. */
export function evaluate(d: Demande, r: Reglement): Evaluation {
  const rules: RuleResult[] = [];
  const c = composition(d, r);
  const disp = r.dispositifs.find((x) => x.code === d.dispositif);
  const base = { reglement: { code: r.code, version: r.version, title: r.title }, dispositif: d.dispositif, evaluatedOn: d.requestedOn, householdType: c.type, rounding: ROUNDING };
  if (!disp) {
    const rule: RuleResult = {
      id: 'dispositif',
      kind: 'forme',
      passed: false,
      sentence: `Dispositif « ${d.dispositif} » : il n’existe pas dans le règlement ${r.code} (version ${r.version}). Dispositifs : ${r.dispositifs.map((x) => x.code).join(', ')}.`,
      figures: {},
    };
    return { ...base, outcome: 'non_conforme', withinDelegation: false, route: 'commission', ceilingCents: null, rules: [rule], reasons: [rule.sentence] };
  }

  // Eligibility (DOMAIN §4.1).
  const e = disp.eligibility;
  if (e.composition !== 'tous') {
    const withChildren = c.dependentChildren > 0 || c.pregnancy;
    const ok = e.composition === 'sans_enfant_a_charge' ? !withChildren : withChildren;
    const what = `${plural(c.dependentChildren, 'enfant à charge', 'enfants à charge')}${c.pregnancy ? ', grossesse en cours' : ''}`;
    rules.push({
      id: 'composition',
      kind: 'bareme',
      passed: ok,
      sentence:
        e.composition === 'sans_enfant_a_charge'
          ? `Composition du foyer : ${what} ; le dispositif « ${disp.label} » est réservé aux personnes seules et aux foyers sans enfant à charge${ok ? ' — condition remplie' : ' — condition non remplie'}.`
          : `Composition du foyer : ${what} ; le dispositif « ${disp.label} » est réservé aux foyers avec enfant à charge ou grossesse${ok ? ' — condition remplie' : ' — condition non remplie'}.`,
      figures: { dependentChildren: c.dependentChildren, pregnancy: c.pregnancy, householdType: c.type },
    });
  }
  if (e.age) {
    const a = c.applicantAge;
    const inRange = a !== null && a >= e.age.min && a <= e.age.max;
    const byDerogation = a !== null && !inRange && e.age.derogationMin !== undefined && a >= e.age.derogationMin && a < e.age.min;
    const ok = inRange || (byDerogation && d.derogation);
    let sentence: string;
    if (a === null) sentence = `Âge : la date de naissance du demandeur n’est pas connue ; ce dispositif est ouvert de ${e.age.min} à ${e.age.max} ans.`;
    else if (inRange) sentence = `Âge : ${a} ans, dans la tranche de ${e.age.min} à ${e.age.max} ans.`;
    else if (byDerogation)
      sentence = d.derogation
        ? `Âge : ${a} ans, admis par dérogation (${e.age.derogationMin} à ${e.age.min - 1} ans), à motiver dans la note sociale.`
        : `Âge : ${a} ans ; de ${e.age.derogationMin} à ${e.age.min - 1} ans l’aide n’est possible que par dérogation motivée (cochez « dérogation »).`;
    else sentence = `Âge : ${a} ans, hors de la tranche de ${e.age.min} à ${e.age.max} ans.`;
    rules.push({ id: 'age', kind: 'bareme', passed: ok, sentence, figures: { age: a ?? 'inconnu', min: e.age.min, max: e.age.max, derogation: byDerogation && d.derogation } });
  }
  if (e.residence) {
    rules.push({
      id: 'residence',
      kind: 'bareme',
      passed: d.household.residesInDepartement,
      sentence: d.household.residesInDepartement ? 'Résidence : le foyer réside dans le département.' : 'Résidence : le foyer ne réside pas dans le département (ou sa commune n’est pas renseignée).',
      figures: {},
    });
  }

  rules.push(resourceRule(d, disp, c));

  // Nature and ceiling.
  const nat = disp.natures.find((n) => n.code === d.nature);
  let ceiling: number | null = null;
  if (!nat) {
    rules.push({
      id: 'nature',
      kind: 'forme',
      passed: false,
      sentence: `Nature « ${natureLabel(d.nature)} » : elle n’est pas prévue pour ${disp.label}. Natures possibles : ${disp.natures.map((n) => natureLabel(n.code)).join(', ')}.`,
      figures: {},
    });
  } else {
    ceiling = amountFor(nat.ceiling, c.type);
    let perDayNote = '';
    if (nat.perDayCents !== undefined) {
      if (d.days === null) {
        rules.push({ id: 'nature', kind: 'forme', passed: false, sentence: `Nature « ${natureLabel(d.nature)} » : indiquez le nombre de jours (plafond de ${euros(nat.perDayCents)} par jour).`, figures: {} });
      } else {
        const byDays = nat.perDayCents * d.days;
        perDayNote = ` (${euros(nat.perDayCents)} par jour × ${plural(d.days, 'jour', 'jours')} = ${euros(byDays)})`;
        ceiling = ceiling === null ? byDays : Math.min(ceiling, byDays);
      }
    }
    if (ceiling === null) {
      rules.push({ id: 'plafond', kind: 'bareme', passed: false, sentence: `Plafond : pas de plafond prévu pour un foyer « ${TYPE_LABEL[c.type]} » pour cette nature.`, figures: {} });
    } else {
      const ok = d.amountCents <= ceiling;
      rules.push({
        id: 'plafond',
        kind: 'bareme',
        passed: ok,
        sentence: `Montant : ${euros(d.amountCents)} demandés, ${ok ? 'dans la limite du' : 'au-dessus du'} plafond de ${euros(ceiling)}${perDayNote} pour un foyer « ${TYPE_LABEL[c.type]} ».`,
        figures: { amountCents: d.amountCents, ceilingCents: ceiling },
      });
    }
  }

  // Frequency caps across dispositifs (rolling 12 months), and not two in the same month.
  const since = twelveMonthsBefore(d.requestedOn);
  for (const cap of r.caps.filter((k) => k.dispositifs.includes(disp.code))) {
    const inCap = d.history.filter((h) => cap.dispositifs.includes(h.dispositif) && h.grantedOn <= d.requestedOn);
    const n = inCap.filter((h) => h.grantedOn > since).length;
    rules.push({
      id: `frequence:${cap.id}`,
      kind: 'bareme',
      passed: n < cap.maxPer12Months,
      sentence: `Fréquence (${cap.label}) : ${plural(n, 'aide accordée', 'aides accordées')} depuis le ${frDate(since)}, ${
        n < cap.maxPer12Months ? `celle-ci serait la ${n + 1}e sur ${cap.maxPer12Months} possibles` : `le maximum de ${cap.maxPer12Months} sur 12 mois glissants est atteint`
      }.`,
      figures: { count: n, max: cap.maxPer12Months, since },
    });
    if (cap.notSameMonth) {
      const month = d.requestedOn.slice(0, 7);
      const same = inCap.filter((h) => h.grantedOn.slice(0, 7) === month);
      rules.push({
        id: `meme_mois:${cap.id}`,
        kind: 'bareme',
        passed: same.length === 0,
        sentence:
          same.length === 0
            ? `Même mois : aucune autre aide (${cap.label}) accordée en ${frDate(month)}.`
            : `Même mois : une aide (${cap.label}) a déjà été accordée le ${frDate(same[0]!.grantedOn)} ; deux aides ne peuvent pas être accordées le même mois.`,
        figures: { sameMonth: same.length },
      });
    }
  }

  // Payment mode, and chèques d'accompagnement personnalisé.
  const pay = disp.payment;
  if (!pay.modes.includes(d.paymentMode)) {
    rules.push({ id: 'paiement', kind: 'forme', passed: false, sentence: `Paiement : ce mode n’est pas prévu pour ${disp.label} (modes possibles : ${pay.modes.join(', ')}).`, figures: {} });
  } else if (d.paymentMode === 'cheques_accompagnement' && pay.cheques) {
    const ch = pay.cheques;
    const year = d.requestedOn.slice(0, 4);
    const problems: string[] = [];
    if (d.cheques < 1 || d.cheques > ch.maxPerRequest) problems.push(`de 1 à ${ch.maxPerRequest} chèques par demande`);
    if (d.cheques * ch.valueCents !== d.amountCents) problems.push(`le montant doit valoir ${plural(d.cheques, 'chèque', 'chèques')} × ${euros(ch.valueCents)} = ${euros(d.cheques * ch.valueCents)}`);
    rules.push({
      id: 'paiement',
      kind: 'forme',
      passed: problems.length === 0,
      sentence: problems.length
        ? `Paiement en chèques d’accompagnement personnalisé : ${problems.join(' ; ')}.`
        : `Paiement : ${plural(d.cheques, 'chèque', 'chèques')} d’accompagnement personnalisé de ${euros(ch.valueCents)}, valables jusqu’au 31/12/${year}.`,
      figures: { cheques: d.cheques, valueCents: ch.valueCents, validUntil: `${year}-12-31` },
    });
  } else {
    rules.push({ id: 'paiement', kind: 'forme', passed: true, sentence: `Paiement : ${d.paymentMode === 'virement_tiers' ? 'virement à un tiers (bailleur, fournisseur, établissement…)' : 'virement au bénéficiaire'}.`, figures: {} });
  }

  const withinDelegation = d.amountCents <= disp.delegationCents;
  rules.push({
    id: 'delegation',
    kind: 'delegation',
    passed: withinDelegation,
    sentence: withinDelegation
      ? `Délégation : ${euros(d.amountCents)}, dans la délégation du responsable (${euros(disp.delegationCents)}).`
      : `Délégation : ${euros(d.amountCents)}, au-delà de la délégation du responsable (${euros(disp.delegationCents)}) : la commission décide.`,
    figures: { amountCents: d.amountCents, delegationCents: disp.delegationCents },
  });

  const failed = rules.filter((x) => !x.passed);
  const outcome: Outcome = failed.some((x) => x.kind === 'forme') ? 'non_conforme' : failed.some((x) => x.kind === 'bareme') ? 'hors_bareme' : 'dans_bareme';
  return {
    ...base,
    outcome,
    withinDelegation,
    route: outcome === 'dans_bareme' && withinDelegation ? 'validation' : 'commission',
    ceilingCents: ceiling,
    rules,
    reasons: failed.filter((x) => x.kind !== 'delegation').map((x) => x.sentence),
  };
}
