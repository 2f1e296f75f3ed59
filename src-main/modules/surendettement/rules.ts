/**
 * Surendettement computations as pure rules (DOMAIN §5): the capacity to repay of a household
 * and the deadlines of a file's procedure. Pure: no store, no clock, no file read; the legal
 * figures come from the `ParameterLookup` given (dated entries of `resources/parameters/`,
 * or those plus an administrator's), never from literals here.
 *
 * Money is integer cents. Rounding of the quotité saisissable: each tranche's seized part is
 * rounded down to the cent, then the monthly figure (annual / 12) is rounded down to the cent;
 * both are said in the explanation.
 */
import { z } from 'zod';
import { PasseurError } from '../../shared/errors';
import { euros } from '../../shared/money';
import { frDate } from '../../shared/time';
import { plural } from '../../shared/french';
import { legalDelay } from '../../shared/legal-days';
import type { BaremeSaisies, InForce, ParameterLookup, RsaForfaitaire } from '../../shared/parameters';
import { isoDate } from '../../shared/calendar-date';

// ───────────────────────────── Capacity to repay (L731-1, L731-2, R731-1) ─────────────────────────────

export interface CapacityInput {
  date: string;
  adults: 1 | 2;
  dependants: number;
  resources: { kind: string; label?: string; monthly_cents: number }[];
  everydayExpenses_cents?: number | null;
}

export interface QuotiteTranche {
  from_cents: number;
  to_cents: number | null;
  fraction: [number, number];
  /** The part of the annual resources inside the tranche. */
  base_cents: number;
  /** fraction × base, rounded down to the cent. */
  seized_cents: number;
}

export interface CapacityResult {
  date: string;
  adults: 1 | 2;
  dependants: number;
  /** Monthly total of the resources. */
  resources_cents: number;
  quotite: { annual_cents: number; monthly_cents: number; tranches: QuotiteTranche[] };
  /** The household's RSA montant forfaitaire (monthly). */
  rsa_cents: number;
  /** Part kept for everyday expenses: max(budget given, RSA). */
  everyday_cents: number;
  /** Where the part for everyday expenses comes from: the budget given, or the RSA floor. */
  everydayFrom: 'budget' | 'rsa';
  /** Resources − everyday (≥ 0). */
  remainder_cents: number;
  /** min(quotite.monthly, remainder). */
  capacity_cents: number;
  limitedBy: 'quotite' | 'reste_a_vivre';
  /** French sentences, every intermediate figure, the rounding stated. */
  explanation: string[];
  parameters: { id: string; label: string; from: string; source: string }[];
  /** The lookup's renewal warnings. */
  warnings: string[];
}

const DAY_FORMAT = 'date attendue au format AAAA-MM-JJ, par exemple 2026-03-15';
const DAY_EXISTS = 'cette date n’existe pas dans le calendrier';
/** A day `AAAA-MM-JJ` that exists, between 1900 and 2199; one message each (the path names the field). */
const calendarDay = z.string({ message: DAY_FORMAT }).superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: DAY_FORMAT });
  else if (!isoDate.safeParse(s).success) ctx.addIssue({ code: 'custom', message: DAY_EXISTS });
  else if (s < '1900-01-01' || s > '2199-12-31') ctx.addIssue({ code: 'custom', message: 'une année entre 1900 et 2199 ; vérifiez la date' });
});

const cents = (what: string) =>
  z
    .number({ message: `${what} : un nombre entier de centimes (par exemple 180000 pour 1 800,00 €)` })
    .int({ message: `${what} : un nombre entier de centimes, sans décimales (par exemple 180000 pour 1 800,00 €)` })
    .min(0, { message: `${what} : un montant positif ou nul` })
    .max(100_000_000, { message: `${what} : plus d’un million d’euros par mois, vérifiez le montant (en centimes)` });

/** The capacity input as the command line and the API take it (French messages; the path names the field). */
export const capacityInputSchema = z
  .object({
    date: calendarDay,
    adults: z.union([z.literal(1), z.literal(2)], { message: '1 (personne seule) ou 2 (couple)' }),
    dependants: z
      .number({ message: 'un nombre entier de personnes à charge (0 s’il n’y en a pas)' })
      .int({ message: 'un nombre entier de personnes à charge' })
      .min(0, { message: 'un nombre positif ou nul' })
      .max(20, { message: '20 personnes à charge au plus ; vérifiez le nombre' }),
    resources: z
      .array(
        z
          .object({
            kind: z.string({ message: 'la nature de la ressource (par exemple « salaire »)' }).trim().min(1, { message: 'la nature de la ressource (par exemple « salaire »)' }).max(80),
            label: z.string().max(200).optional(),
            monthly_cents: cents('montant mensuel'),
          })
          .strict(),
        { message: 'une liste des ressources mensuelles ([] s’il n’y en a aucune)' },
      )
      .max(100, { message: '100 ressources au plus' }),
    everydayExpenses_cents: cents('budget des dépenses courantes').nullable().optional(),
  })
  .strict();

function check(input: CapacityInput): void {
  const parsed = capacityInputSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new PasseurError('invalid_input', `Calcul de la capacité de remboursement : ${i.path.join('.') || 'données'} — ${i.message}.`, i.path.join('.'));
  }
}

const fractionText = ([n, d]: [number, number]) => (n === d ? 'la totalité' : `${n}/${d}`);

/** The household's RSA montant forfaitaire from its composition (table of R262-1 as dated data). */
export function rsaAmount(rsa: RsaForfaitaire, adults: 1 | 2, dependants: number): number {
  const row = adults === 1 ? rsa.alone_cents : rsa.couple_cents;
  if (dependants <= 2) return row[dependants]!;
  return row[2] + (dependants - 2) * rsa.perFurtherChild_cents;
}

/**
 * The quotité saisissable of annual resources: each threshold raised by perDependant ×
 * dependants, each tranche's part seized for its fraction, rounded down to the cent.
 */
export function quotiteSaisissable(bareme: BaremeSaisies, annual_cents: number, dependants: number): { annual_cents: number; monthly_cents: number; tranches: QuotiteTranche[] } {
  const raise = bareme.perDependant_cents * dependants;
  const tranches: QuotiteTranche[] = [];
  let from = 0;
  let total = 0;
  for (const t of bareme.tranches) {
    const to = t.upTo_cents === null ? null : t.upTo_cents + raise;
    const base = Math.max(0, (to === null ? annual_cents : Math.min(annual_cents, to)) - from);
    const seized = Math.floor((base * t.fraction[0]) / t.fraction[1]);
    tranches.push({ from_cents: from, to_cents: to, fraction: [t.fraction[0], t.fraction[1]], base_cents: base, seized_cents: seized });
    total += seized;
    if (to === null) break;
    from = to;
  }
  return { annual_cents: total, monthly_cents: Math.floor(total / 12), tranches };
}

function household(adults: 1 | 2, dependants: number): string {
  const who = adults === 1 ? 'une personne seule' : 'un couple';
  return dependants === 0 ? `${who} sans personne à charge` : `${who} avec ${plural(dependants, 'personne à charge', 'personnes à charge')}`;
}

/** The capacity to repay on `input.date` (DOMAIN §5), with every figure explained in French. */
export function computeCapacity(input: CapacityInput, params: ParameterLookup): CapacityResult {
  check(input);
  const { date, adults, dependants } = input;
  const bareme = params('bareme_saisies', date);
  const rsaEntry = params('rsa_forfaitaire', date);
  const used: InForce<unknown>[] = [bareme, rsaEntry];
  const explanation: string[] = [];

  const resources = input.resources.reduce((s, r) => s + r.monthly_cents, 0);
  const detail = input.resources.map((r) => `${r.label?.trim() || r.kind} ${euros(r.monthly_cents)}`).join(' ; ');
  explanation.push(
    input.resources.length
      ? `Ressources mensuelles du foyer (${household(adults, dependants)}) : ${euros(resources)} (${detail}).`
      : `Ressources mensuelles du foyer (${household(adults, dependants)}) : aucune ressource indiquée, soit ${euros(0)}.`,
  );

  // (a) Quotité saisissable under the barème des saisies in force on the date.
  const annual = resources * 12;
  explanation.push(`Ressources annuelles : 12 × ${euros(resources)} = ${euros(annual)}.`);
  const q = quotiteSaisissable(bareme.value, annual, dependants);
  const raise = bareme.value.perDependant_cents * dependants;
  explanation.push(
    `Barème des saisies en vigueur au ${frDate(date)} (entrée du ${frDate(bareme.from)}) : ` +
      (dependants === 0
        ? 'aucune personne à charge, les seuils ne sont pas relevés.'
        : `chaque seuil est relevé de ${euros(bareme.value.perDependant_cents)} par personne à charge, soit ${dependants} × ${euros(bareme.value.perDependant_cents)} = ${euros(raise)}.`),
  );
  for (const t of q.tranches) {
    const range = t.to_cents === null ? `au-delà de ${euros(t.from_cents)}` : `de ${euros(t.from_cents)} à ${euros(t.to_cents)}`;
    if (t.base_cents === 0) {
      explanation.push(`Tranche ${range} (${fractionText(t.fraction)}) : les ressources n’y atteignent pas, rien n’est saisissable.`);
      continue;
    }
    const whole = t.to_cents !== null && t.base_cents === t.to_cents - t.from_cents;
    const exact = (t.base_cents * t.fraction[0]) % t.fraction[1] === 0;
    explanation.push(
      `Tranche ${range} : ${fractionText(t.fraction)} de ${euros(t.base_cents)}${whole ? '' : ' (part des ressources dans la tranche)'} = ${euros(t.seized_cents)}${exact ? '' : ', arrondi au centime inférieur'}.`,
    );
  }
  const seizedParts = q.tranches.filter((t) => t.seized_cents > 0).map((t) => euros(t.seized_cents));
  explanation.push(
    seizedParts.length > 1
      ? `Quotité saisissable annuelle : ${seizedParts.join(' + ')} = ${euros(q.annual_cents)}.`
      : `Quotité saisissable annuelle : ${euros(q.annual_cents)}.`,
  );
  explanation.push(
    `Quotité saisissable mensuelle : ${euros(q.annual_cents)} ÷ 12 = ${euros(q.monthly_cents)}${q.annual_cents % 12 === 0 ? '' : ', arrondi au centime inférieur'} (chaque tranche puis le montant mensuel sont arrondis au centime inférieur).`,
  );

  // (b) Resources minus the part for everyday expenses, never below the RSA.
  const rsa = rsaAmount(rsaEntry.value, adults, dependants);
  explanation.push(`Montant forfaitaire du RSA pour ${household(adults, dependants)} (entrée du ${frDate(rsaEntry.from)}) : ${euros(rsa)} par mois.`);
  const budget = input.everydayExpenses_cents ?? null;
  const everydayFrom: 'budget' | 'rsa' = budget !== null && budget > rsa ? 'budget' : 'rsa';
  const everyday = everydayFrom === 'budget' ? budget! : rsa;
  if (budget === null) explanation.push(`Part des ressources réservée aux dépenses courantes : aucun budget indiqué, c’est le montant forfaitaire du RSA, ${euros(rsa)}.`);
  else if (everydayFrom === 'budget') explanation.push(`Part des ressources réservée aux dépenses courantes : le budget indiqué, ${euros(budget)}, supérieur au montant forfaitaire du RSA (${euros(rsa)}).`);
  else explanation.push(`Part des ressources réservée aux dépenses courantes : le budget indiqué (${euros(budget)}) ${budget === rsa ? 'est égal au' : 'est inférieur au'} montant forfaitaire du RSA ; cette part n’est jamais inférieure au RSA : ${euros(rsa)}.`);
  const remainder = Math.max(0, resources - everyday);
  explanation.push(
    resources > everyday
      ? `Reste après les dépenses courantes : ${euros(resources)} − ${euros(everyday)} = ${euros(remainder)}.`
      : `Reste après les dépenses courantes : nul, les ressources (${euros(resources)}) ne dépassent pas la part réservée (${euros(everyday)}).`,
  );

  const limitedBy: 'quotite' | 'reste_a_vivre' = q.monthly_cents <= remainder ? 'quotite' : 'reste_a_vivre';
  const capacity = Math.min(q.monthly_cents, remainder);
  explanation.push(
    `Capacité de remboursement mensuelle : la plus petite de la quotité saisissable (${euros(q.monthly_cents)}) et du reste (${euros(remainder)}), soit ${euros(capacity)}` +
      (limitedBy === 'quotite' ? ', limitée par la quotité saisissable.' : ', limitée par la part réservée aux dépenses courantes.'),
  );

  return {
    date,
    adults,
    dependants,
    resources_cents: resources,
    quotite: q,
    rsa_cents: rsa,
    everyday_cents: everyday,
    everydayFrom,
    remainder_cents: remainder,
    capacity_cents: capacity,
    limitedBy,
    explanation,
    parameters: used.map((p) => ({ id: p.id, label: p.label, from: p.from, source: p.source })),
    warnings: [...new Set(used.map((p) => p.warning).filter((w): w is string => !!w))],
  };
}

// ───────────────────────────── Deadlines of the procedure ─────────────────────────────

export type StageKind = 'depot' | 'recevabilite' | 'orientation' | 'mesures_imposees' | 'plan_conventionnel' | 'audience' | 'cloture' | 'redepot';
export const STAGE_KINDS: readonly StageKind[] = ['depot', 'recevabilite', 'orientation', 'mesures_imposees', 'plan_conventionnel', 'audience', 'cloture', 'redepot'];

export interface StageInput {
  kind: StageKind;
  /** The stage's day: deposit, decision, start of the plan or measures, hearing, closure. */
  date: string;
  /** The day the decision was notified (recevabilité, mesures imposées). */
  notified?: string | null;
  decision?: string | null;
  /** Plan or measures: their duration in months. */
  durationMonths?: number | null;
  /** Plan or measures including loans on the main residence (the maximum duration does not apply). */
  mainResidenceLoans?: boolean | null;
  label?: string | null;
}

export type DeadlineKind = 'recevabilite_attendue' | 'recours_recevabilite' | 'contestation_mesures' | 'fin_plan' | 'audience';

export interface Deadline {
  kind: DeadlineKind;
  due: string;
  label: string;
  /** How the day was computed, in French (start, delay, counting, extension). */
  rule: string;
  article: string;
  from: { kind: StageKind; date: string };
  /** Whether CPC 642 moved the day past a Saturday, Sunday or public holiday. */
  extended: boolean;
}

export const stageInputSchema = z
  .object({
    kind: z.enum(STAGE_KINDS as [StageKind, ...StageKind[]], { message: `une étape parmi : ${STAGE_KINDS.join(', ')}` }),
    date: calendarDay,
    notified: calendarDay.nullable().optional(),
    decision: z.string().max(200).nullable().optional(),
    durationMonths: z
      .number({ message: 'une durée en mois (nombre entier)' })
      .int({ message: 'une durée en mois, nombre entier' })
      .min(1, { message: 'une durée d’au moins 1 mois' })
      .max(600, { message: '600 mois au plus ; vérifiez la durée' })
      .nullable()
      .optional(),
    mainResidenceLoans: z.boolean({ message: 'true ou false' }).nullable().optional(),
    label: z.string().max(200).nullable().optional(),
  })
  .strict();

export const stagesInputSchema = z.array(stageInputSchema, { message: 'une liste d’étapes' }).max(200, { message: '200 étapes au plus' });

/** The deadlines' input as the command line reads it: `{ "stages": [...] }`. */
export const deadlinesInputSchema = z.object({ stages: stagesInputSchema }, { message: 'un objet { "stages": [ … ] }' }).strict();

/** Each stage in French, as the sentences name it. */
export const STAGE_LABELS: Record<StageKind, string> = {
  depot: 'dépôt du dossier',
  recevabilite: 'décision sur la recevabilité',
  orientation: 'orientation',
  mesures_imposees: 'mesures imposées',
  plan_conventionnel: 'plan conventionnel',
  audience: 'audience',
  cloture: 'clôture',
  redepot: 'redépôt du dossier',
};

const ARTICLES = {
  recevabilite_attendue: 'Code de la consommation, art. L721-2 et R721-4',
  recours_recevabilite: 'Code de la consommation, art. R722-1 ; code de procédure civile, art. 641 et 642',
  contestation_mesures: 'Code de la consommation, art. R733-6 ; code de procédure civile, art. 641 et 642',
  fin_plan: 'Code de la consommation, art. L733-3',
  audience: 'Convocation du juge des contentieux de la protection',
} as const;

function checkStages(stages: StageInput[]): void {
  const parsed = stagesInputSchema.safeParse(stages);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const [n, ...field] = i.path;
    const where = typeof n === 'number' ? `étape n° ${n + 1}${field.length ? ` (${field.join('.')})` : ''}` : 'étapes';
    throw new PasseurError('invalid_input', `Échéances de la procédure : ${where} — ${i.message}.`, i.path.join('.'));
  }
  stages.forEach((s, n) => {
    if (s.notified && s.notified < s.date) {
      throw new PasseurError('invalid_input', `Échéances de la procédure : étape n° ${n + 1} (${STAGE_LABELS[s.kind]}) — la notification (${frDate(s.notified)}) précède la décision (${frDate(s.date)}) ; corrigez l’une des deux dates.`, `${n}.notified`);
    }
  });
}

/**
 * The deadlines of a file's procedure (DOMAIN §5), from its stages in any order.
 *
 * - Recevabilité expected: deposit (or redeposit) + `recevabilite_months` months (CPC 641);
 *   the commission's examination time, not a party's delay: never extended (642 not applied);
 *   not returned once a decision on recevabilité is recorded in the same cycle.
 * - Appeal against the recevabilité decision: notification + `recours_recevabilite_days`
 *   days, the notification day not counted, extended per 642 (a party's delay).
 * - Contestation of imposed measures: notification + `contestation_mesures_days` days, same
 *   counting and extension.
 * - Plan end: start of the plan or the imposed measures + their duration in months (641 day,
 *   no extension: a term, not a delay for acting); a duration above `plan_max_months` is
 *   refused unless the stage says it includes main-residence loans.
 * - Hearings: their own day.
 * A `depot` or `redepot` starts a new cycle: only the last cycle's deadlines are returned
 * (the earlier deposit's are superseded). In a cycle, a later decision of the same kind
 * supersedes an earlier one (a second recevabilité decision, a plan replaced by imposed
 * measures). After a `cloture` with no redeposit, deadlines due after the closure are dropped.
 * Stages with no notification date give no appeal deadline; `pending` says so.
 */
export function computeDeadlines(stages: StageInput[], params: ParameterLookup): { deadlines: Deadline[]; warnings: string[]; pending: string[] } {
  checkStages(stages);
  const sorted = stages.map((s, i) => ({ s, i })).sort((a, b) => a.s.date.localeCompare(b.s.date) || a.i - b.i);
  // The current cycle: from the last deposit or redeposit on.
  let start = 0;
  sorted.forEach(({ s }, k) => {
    if (s.kind === 'depot' || s.kind === 'redepot') start = k;
  });
  const cycle = sorted.slice(start).map((x) => x.s);
  const warnings = new Set<string>();
  const deadlines: Deadline[] = [];
  const pending: string[] = [];
  const delays = (d: string) => {
    const p = params('surendettement_delais', d);
    if (p.warning) warnings.add(p.warning);
    return p.value;
  };
  const last = (kinds: StageKind[]) => [...cycle].reverse().find((s) => kinds.includes(s.kind));

  const deposit = cycle[0] && (cycle[0].kind === 'depot' || cycle[0].kind === 'redepot') ? cycle[0] : undefined;
  const decision = last(['recevabilite']);
  if (deposit && !decision) {
    const v = delays(deposit.date);
    const d = legalDelay(deposit.date, v.recevabilite_months, 'months', false);
    deadlines.push({
      kind: 'recevabilite_attendue',
      due: d.due,
      label: 'Décision de recevabilité attendue',
      rule: `${deposit.kind === 'redepot' ? 'Redépôt' : 'Dépôt'} le ${d.text} : la commission a ${v.recevabilite_months} mois pour examiner la recevabilité ; délai de la commission, non prorogé.`,
      article: ARTICLES.recevabilite_attendue,
      from: { kind: deposit.kind, date: deposit.date },
      extended: false,
    });
  }
  if (decision) {
    if (!decision.notified) pending.push(`Recours contre la décision de recevabilité du ${frDate(decision.date)} : date de notification inconnue, délai non calculé.`);
    else {
      const v = delays(decision.notified);
      const d = legalDelay(decision.notified, v.recours_recevabilite_days, 'days', true);
      deadlines.push({
        kind: 'recours_recevabilite',
        due: d.due,
        label: `Fin du délai de recours contre la décision de recevabilité${decision.decision ? ` (${decision.decision})` : ''}`,
        rule: `Notification le ${d.text}.`,
        article: ARTICLES.recours_recevabilite,
        from: { kind: decision.kind, date: decision.date },
        extended: d.extended,
      });
    }
  }
  const measures = last(['mesures_imposees']);
  if (measures) {
    if (!measures.notified) pending.push(`Contestation des mesures imposées du ${frDate(measures.date)} : date de notification inconnue, délai non calculé.`);
    else {
      const v = delays(measures.notified);
      const d = legalDelay(measures.notified, v.contestation_mesures_days, 'days', true);
      deadlines.push({
        kind: 'contestation_mesures',
        due: d.due,
        label: 'Fin du délai de contestation des mesures imposées',
        rule: `Notification le ${d.text}.`,
        article: ARTICLES.contestation_mesures,
        from: { kind: measures.kind, date: measures.date },
        extended: d.extended,
      });
    }
  }
  const plan = last(['plan_conventionnel', 'mesures_imposees']);
  if (plan) {
    const v = delays(plan.date);
    const months = plan.durationMonths ?? null;
    if (months === null) pending.push(`Fin du ${plan.kind === 'plan_conventionnel' ? 'plan conventionnel' : 'plan de mesures imposées'} commencé le ${frDate(plan.date)} : durée inconnue, fin non calculée.`);
    else {
      if (months > v.plan_max_months && !plan.mainResidenceLoans) {
        throw new PasseurError(
          'invalid_input',
          `Échéances de la procédure : ${STAGE_LABELS[plan.kind]} du ${frDate(plan.date)} — une durée de ${months} mois dépasse le maximum de ${v.plan_max_months} mois (code de la consommation, art. L733-3). Réduisez la durée, ou indiquez que les mesures portent sur des prêts de la résidence principale (mainResidenceLoans).`,
          'durationMonths',
        );
      }
      const d = legalDelay(plan.date, months, 'months', false);
      deadlines.push({
        kind: 'fin_plan',
        due: d.due,
        label: plan.kind === 'plan_conventionnel' ? 'Fin du plan conventionnel' : 'Fin des mesures imposées',
        rule: `Début le ${d.text} ; terme du plan, non prorogé${months > v.plan_max_months ? ` (au-delà de ${v.plan_max_months} mois : prêts de la résidence principale)` : ''}.`,
        article: ARTICLES.fin_plan,
        from: { kind: plan.kind, date: plan.date },
        extended: false,
      });
    }
  }
  for (const s of cycle.filter((x) => x.kind === 'audience')) {
    deadlines.push({
      kind: 'audience',
      due: s.date,
      label: s.label?.trim() ? `Audience : ${s.label.trim()}` : 'Audience',
      rule: `Audience fixée au ${frDate(s.date)}.`,
      article: ARTICLES.audience,
      from: { kind: s.kind, date: s.date },
      extended: false,
    });
  }
  const closed = last(['cloture']);
  const kept = closed ? deadlines.filter((d) => d.due <= closed.date) : deadlines;
  kept.sort((a, b) => a.due.localeCompare(b.due));
  return { deadlines: kept, warnings: [...warnings], pending };
}
