/**
 * Eviction prevention (DOMAIN §6): the dates that follow from a case's procedure stages, as
 * pure rules. Pure: no store, no clock, no file read; every delay comes from the
 * `ParameterLookup` given (`expulsions_delais`, `treve_hivernale` of `resources/parameters/`,
 * or those plus an administrator's entries), never from a literal here.
 *
 * How each date is counted (code de procédure civile 641, 642; `shared/legal-days.ts`):
 * - commandement de payer: the household's delay to pay, counted from the commandement:
 *   `commandement_payer_from_weeks` weeks (same weekday) for a lease signed on or after
 *   `commandement_payer_switch`, `commandement_payer_before_months` months (same day of the
 *   month) for an earlier lease. A party's delay for acting: extended per 642 to the next
 *   working day. The clause résolutoire is acquired the day after.
 * - CCAPEX referral by a landlord personne morale (not an SCI familiale): the assignation may
 *   be delivered only once `ccapex_avant_assignation_months` months have run from the
 *   referral: the date given is the first day it may be, the day after the delay ends. A
 *   waiting period, not a delay for acting: not extended.
 * - notification of the assignation to the préfet: at the latest the hearing minus
 *   `notification_prefet_days` days. Counted backwards from the hearing: 642 does not apply
 *   (an extension would make the act late); the day is given as it falls.
 * - diagnostic social et financier: the first interview offered within
 *   `dsf_premier_entretien_working_days` working days after the referral (the referral's day
 *   not counted); without an answer, a second offer `dsf_seconde_proposition_working_days`
 *   working days before the hearing (the hearing's day not counted). Working days: Monday to
 *   Friday except French public holidays; the window always ends on one, so 642 is moot.
 * - commandement de quitter les lieux: the expulsion may take place once
 *   `quitter_lieux_months` months have run (L412-1), extended by the months the judge granted
 *   (L412-2, at most `prorogation_max_months`), and not before the end of any délais de grâce
 *   (L412-3, L412-4: `delais_grace_min_months` to `delais_grace_max_months` months, counted from
 *   the day of the stage that records them). The date given is the first day the expulsion may
 *   take place: the day after the delays end, moved past a Sunday or a public holiday (no
 *   execution then, CPCE L141-1), then past the trêve hivernale to the day after its end
 *   (L412-6) unless rehousing is assured. Waiting periods protecting the occupant: 642 does
 *   not apply.
 * - demande de concours de la force publique: the préfet's silence for
 *   `silence_prefet_months` months is a refusal (R153-1): the day the delay ends. The
 *   administration's delay: not extended.
 * - hearings and CCAPEX sessions: their own day.
 *
 * A date the case already met is not returned (the assignation once delivered, the first DSF
 * offer once made, the second once the household answered, the préfet's silence once his
 * decision is recorded). After an `issue` (or an `expulsion`), dates falling later are dropped.
 * Of stages of the same kind, the last one counts (a second commandement supersedes the first).
 */
import { PasseurError } from '../../shared/errors';
import { addDays, frDate } from '../../shared/time';
import { frLongDate, plural } from '../../shared/french';
import { addMonths, legalDelay, nonWorkingReason, publicHoliday, type LegalDelay } from '../../shared/legal-days';
import type { ExpulsionsDelais, ParameterLookup } from '../../shared/parameters';

// ───────────────────────────── Input ─────────────────────────────

export { EVICTION_STAGE_KINDS, EVICTION_STAGE_LABELS, LANDLORD_KINDS, LANDLORD_LABELS, type EvictionStageKind, type LandlordKind } from './kinds';
import { EVICTION_STAGE_LABELS, type EvictionStageKind } from './kinds';

export { evictionInputSchema, evictionStageSchema, type EvictionInput, type EvictionStageInput } from './input';
import { evictionInputSchema, type EvictionInput, type EvictionStageInput } from './input';

export type EvictionDateKind =
  | 'assignation_possible'
  | 'fin_commandement_payer'
  | 'notification_prefet'
  | 'dsf_premier_entretien'
  | 'dsf_seconde_proposition'
  | 'audience'
  | 'passage_ccapex'
  | 'fin_delais_grace'
  | 'expulsion_possible'
  | 'silence_prefet';

export const EVICTION_DATE_KINDS: readonly EvictionDateKind[] = [
  'assignation_possible',
  'fin_commandement_payer',
  'notification_prefet',
  'dsf_premier_entretien',
  'dsf_seconde_proposition',
  'audience',
  'passage_ccapex',
  'fin_delais_grace',
  'expulsion_possible',
  'silence_prefet',
];

export interface EvictionDate {
  kind: EvictionDateKind;
  due: string;
  /** What the day is, in French. */
  label: string;
  /** How the day was computed, in French, with the figures (start, delay, counting, moves). */
  rule: string;
  article: string;
  from: { kind: EvictionStageKind; date: string };
  /** Set when the trêve hivernale moved the day to the day after its end. */
  treve?: true;
  /** Set when the day was moved past a non-working day (CPC 642 for a delay, CPCE L141-1 for an expulsion). */
  extended?: true;
}

export interface EvictionDates {
  dates: EvictionDate[];
  /** Parameters past their expected renewal, and acts recorded against a delay (an assignation delivered too early). */
  warnings: string[];
  /** Dates that cannot be computed yet, and why. */
  pending: string[];
}

/** The fields a stage kind may carry beyond `kind`, `date` and `label`. */
const FIELDS: Partial<Record<EvictionStageKind, (keyof EvictionStageInput)[]>> = {
  assignation: ['hearing'],
  diagnostic_social_financier: ['firstOffer', 'answered'],
  jugement: ['delaisGranted', 'graceMonths'],
  commandement_quitter_lieux: ['extensionMonths', 'graceMonths'],
};
const OPTIONAL: (keyof EvictionStageInput)[] = ['hearing', 'firstOffer', 'answered', 'delaisGranted', 'graceMonths', 'extensionMonths'];
const WHO_TAKES: Record<string, string> = {
  hearing: 'une assignation',
  firstOffer: 'un diagnostic social et financier',
  answered: 'un diagnostic social et financier',
  delaisGranted: 'un jugement',
  graceMonths: 'un jugement ou un commandement de quitter les lieux',
  extensionMonths: 'un commandement de quitter les lieux',
};

const PREFIX = 'Dates de la procédure d’expulsion';
const fmtMonths = (n: number) => `${n} mois`;
const refuse = (message: string, field: string): never => {
  throw new PasseurError('invalid_input', `${PREFIX} : ${message}`, field);
};

function check(input: EvictionInput): void {
  const parsed = evictionInputSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const [top, n, ...field] = i.path;
    const where =
      top === 'stages' && typeof n === 'number' ? `étape n° ${n + 1}${field.length ? ` (${field.join('.')})` : ''}` : i.path.length ? i.path.join('.') : 'données';
    refuse(`${where} — ${i.message}.`, i.path.join('.'));
  }
  input.stages.forEach((s, n) => {
    const where = `étape n° ${n + 1} (${EVICTION_STAGE_LABELS[s.kind]})`;
    for (const f of OPTIONAL) {
      if (s[f] !== undefined && s[f] !== null && !(FIELDS[s.kind] ?? []).includes(f)) {
        refuse(`${where} — « ${f} » ne s’applique qu’à ${WHO_TAKES[f]} ; retirez-le de cette étape.`, `stages.${n}.${f}`);
      }
    }
    if (s.hearing && s.hearing < s.date) refuse(`${where} — l’audience (${frDate(s.hearing)}) précède l’assignation (${frDate(s.date)}) ; corrigez l’une des deux dates.`, `stages.${n}.hearing`);
    if (s.firstOffer && s.firstOffer < s.date) refuse(`${where} — la première proposition d’entretien (${frDate(s.firstOffer)}) précède la saisine (${frDate(s.date)}) ; corrigez l’une des deux dates.`, `stages.${n}.firstOffer`);
  });
}

// ───────────────────────────── Counting ─────────────────────────────

/** The day `n` working days after `day` (n > 0) or before it (n < 0), `day` itself not counted. */
export function addWorkingDays(day: string, n: number): { due: string; skipped: string[] } {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = day;
  const skipped: string[] = [];
  while (left > 0) {
    d = addDays(d, step);
    const reason = nonWorkingReason(d);
    if (!reason) left--;
    else if (reason.startsWith('jour férié')) skipped.push(d);
  }
  return { due: d, skipped };
}

function workingDaysText(start: string, n: number, due: string, skipped: string[], backwards: boolean, startName: string): string {
  const holidays = skipped.length ? ` ; ${plural(skipped.length, 'jour férié sauté', 'jours fériés sautés')} : ${[...skipped].sort().map((d) => `${frLongDate(d, { weekday: true })} (${publicHoliday(d)})`).join(', ')}` : '';
  return `${frDate(start)} ${backwards ? '−' : '+'} ${n} jours ouvrés (du lundi au vendredi hors jours fériés, le jour ${startName} ne compte pas${holidays}) = ${frDate(due)}`;
}

/** The first day on or after `day` that is neither a Sunday nor a public holiday (CPCE L141-1). */
function executionDay(day: string): string {
  let d = day;
  for (;;) {
    const reason = nonWorkingReason(d);
    if (!reason || reason === 'samedi') return d;
    d = addDays(d, 1);
  }
}

/** When `day` falls in the trêve in force that day, the day after the trêve ends; else null. */
function afterTreve(day: string, params: ParameterLookup, warn: (w: string | null) => void): { until: string; start: string; end: string } | null {
  const t = params('treve_hivernale', day);
  warn(t.warning);
  const { start, end } = t.value;
  const md = day.slice(5);
  const wraps = start > end;
  const inside = wraps ? md >= start || md <= end : md >= start && md <= end;
  if (!inside) return null;
  const year = Number(day.slice(0, 4)) + (wraps && md >= start ? 1 : 0);
  const endDay = `${String(year).padStart(4, '0')}-${end}`;
  return { until: addDays(endDay, 1), start, end };
}

const ARTICLES: Record<EvictionDateKind, string> = {
  assignation_possible: 'Loi n° 89-462 du 6 juillet 1989, art. 24 II',
  fin_commandement_payer: 'Loi n° 89-462 du 6 juillet 1989, art. 24 I (loi n° 2023-668 du 27 juillet 2023) ; code de procédure civile, art. 641 et 642',
  notification_prefet: 'Loi n° 89-462 du 6 juillet 1989, art. 24 III',
  dsf_premier_entretien: 'Loi n° 89-462 du 6 juillet 1989, art. 24 III ; décret n° 2021-8 du 5 janvier 2021, art. 1',
  dsf_seconde_proposition: 'Loi n° 89-462 du 6 juillet 1989, art. 24 III ; décret n° 2021-8 du 5 janvier 2021, art. 1',
  audience: 'Assignation devant le juge des contentieux de la protection',
  passage_ccapex: 'Commission de coordination des actions de prévention des expulsions locatives (loi n° 90-449 du 31 mai 1990, art. 7-2)',
  fin_delais_grace: 'Code des procédures civiles d’exécution, art. L412-3 et L412-4',
  expulsion_possible: 'Code des procédures civiles d’exécution, art. L412-1 à L412-4, L412-6 et L141-1',
  silence_prefet: 'Code des procédures civiles d’exécution, art. R153-1',
};

// ───────────────────────────── The dates ─────────────────────────────

/**
 * The dates of an eviction case (DOMAIN §6) from its stages in any order, sorted by day.
 * Refused with a French message naming the stage and the field: a malformed input, a field on
 * a stage that does not take it, an extension or délais de grâce outside the law's bounds, a
 * day before the first entry of a parameter.
 */
export function computeEvictionDates(input: EvictionInput, params: ParameterLookup): EvictionDates {
  check(input);
  const stages = input.stages.map((s, i) => ({ s, i })).sort((a, b) => a.s.date.localeCompare(b.s.date) || a.i - b.i).map((x) => x.s);
  const warnings = new Set<string>();
  const warn = (w: string | null) => {
    if (w) warnings.add(w);
  };
  const pending: string[] = [];
  const dates: EvictionDate[] = [];
  const delays = (day: string): ExpulsionsDelais => {
    const p = params('expulsions_delais', day);
    warn(p.warning);
    return p.value;
  };
  const last = (kind: EvictionStageKind) => [...stages].reverse().find((s) => s.kind === kind);
  const push = (d: EvictionDate) => dates.push(d);

  // Referral to the CCAPEX by a landlord personne morale: no assignation for 2 months.
  const referral = last('signalement_ccapex');
  const assignation = last('assignation');
  if (input.landlord === 'personne_morale') {
    if (referral) {
      const v = delays(referral.date);
      const end = addMonths(referral.date, v.ccapex_avant_assignation_months);
      const first = addDays(end, 1);
      const text = `Saisine de la CCAPEX le ${frDate(referral.date)} + ${fmtMonths(v.ccapex_avant_assignation_months)} (même quantième, CPC art. 641) = ${frDate(end)} : un bailleur personne morale ne peut faire délivrer l’assignation qu’après ce délai, soit à partir du ${frDate(first)} ; délai d’attente, non prorogé.`;
      if (!assignation || assignation.date < referral.date) {
        push({ kind: 'assignation_possible', due: first, label: 'Assignation possible à partir de ce jour (bailleur personne morale)', rule: text, article: ARTICLES.assignation_possible, from: { kind: referral.kind, date: referral.date } });
      } else if (assignation.date < first) {
        warnings.add(`Assignation délivrée le ${frDate(assignation.date)}, moins de ${fmtMonths(v.ccapex_avant_assignation_months)} après la saisine de la CCAPEX du ${frDate(referral.date)} (possible à partir du ${frDate(first)}) : la demande du bailleur personne morale est irrecevable (loi n° 89-462, art. 24 II).`);
      }
    } else if (assignation) {
      const v = delays(assignation.date);
      pending.push(`Bailleur personne morale : la saisine de la CCAPEX, au moins ${fmtMonths(v.ccapex_avant_assignation_months)} avant l’assignation, n’est pas enregistrée ; vérifiez-la.`);
    }
  }

  // Commandement de payer: the household's delay to pay, by the lease's signing day.
  const commandement = last('commandement_payer');
  if (commandement) {
    if (!input.leaseSigned) {
      const v = delays(commandement.date);
      pending.push(
        `Commandement de payer du ${frDate(commandement.date)} : date de signature du bail inconnue, délai non calculé (${v.commandement_payer_from_weeks} semaines pour un bail signé à partir du ${frDate(v.commandement_payer_switch)}, ${fmtMonths(v.commandement_payer_before_months)} pour un bail antérieur).`,
      );
    } else {
      const v = delays(commandement.date);
      const recent = input.leaseSigned >= v.commandement_payer_switch;
      const lease = `bail signé le ${frDate(input.leaseSigned)}, ${recent ? 'à partir du' : 'avant le'} ${frDate(v.commandement_payer_switch)}`;
      let d: LegalDelay;
      let count: string;
      if (recent) {
        d = legalDelay(commandement.date, v.commandement_payer_from_weeks * 7, 'days', true);
        count = `${frDate(commandement.date)} + ${v.commandement_payer_from_weeks} semaines (même jour de la semaine, CPC art. 641)${d.text.slice(d.text.indexOf(' = '))}`;
      } else {
        d = legalDelay(commandement.date, v.commandement_payer_before_months, 'months', true);
        count = d.text;
      }
      push({
        kind: 'fin_commandement_payer',
        due: d.due,
        label: 'Dernier jour pour régler la dette du commandement de payer',
        rule: `Commandement de payer le ${count} (${lease}) ; la dette non réglée à cette date, la clause résolutoire est acquise le lendemain.`,
        article: ARTICLES.fin_commandement_payer,
        from: { kind: commandement.kind, date: commandement.date },
        ...(d.extended ? { extended: true as const } : {}),
      });
    }
  }

  // The hearing: written on the assignation, else the first hearing recorded after it.
  let hearing: { day: string; from: { kind: EvictionStageKind; date: string } } | null = null;
  if (assignation) {
    if (assignation.hearing) hearing = { day: assignation.hearing, from: { kind: 'assignation', date: assignation.date } };
    else {
      const a = stages.find((s) => s.kind === 'audience' && s.date >= assignation.date);
      if (a) hearing = { day: a.date, from: { kind: 'audience', date: a.date } };
      else pending.push(`Assignation du ${frDate(assignation.date)} : date d’audience inconnue, notification au préfet et seconde proposition d’entretien non calculées.`);
    }
  }
  if (assignation && hearing) {
    const v = delays(assignation.date);
    const due = addDays(hearing.day, -v.notification_prefet_days);
    const weeks = v.notification_prefet_days % 7 === 0 ? ` (${v.notification_prefet_days / 7} semaines)` : '';
    push({
      kind: 'notification_prefet',
      due,
      label: 'Dernier jour pour notifier l’assignation au préfet',
      rule: `Audience le ${frDate(hearing.day)} − ${v.notification_prefet_days} jours${weeks}, à rebours, le jour de l’audience ne compte pas = ${frDate(due)} : l’assignation est notifiée au préfet au plus tard ce jour-là ; délai à rebours, non prorogé (CPC art. 642 ne s’applique pas).`,
      article: ARTICLES.notification_prefet,
      from: hearing.from,
    });
  }

  // Diagnostic social et financier: working-day windows.
  const dsf = last('diagnostic_social_financier');
  if (dsf) {
    const v = delays(dsf.date);
    if (!dsf.firstOffer) {
      const w = addWorkingDays(dsf.date, v.dsf_premier_entretien_working_days);
      push({
        kind: 'dsf_premier_entretien',
        due: w.due,
        label: 'Diagnostic social et financier : dernier jour pour proposer l’entretien',
        rule: `Saisine le ${workingDaysText(dsf.date, v.dsf_premier_entretien_working_days, w.due, w.skipped, false, 'de la saisine')} : l’entretien est proposé au locataire au plus tard ce jour-là.`,
        article: ARTICLES.dsf_premier_entretien,
        from: { kind: dsf.kind, date: dsf.date },
      });
    } else {
      const w = addWorkingDays(dsf.date, v.dsf_premier_entretien_working_days);
      if (dsf.firstOffer > w.due) warnings.add(`Diagnostic social et financier : l’entretien a été proposé le ${frDate(dsf.firstOffer)}, après le délai de ${v.dsf_premier_entretien_working_days} jours ouvrés suivant la saisine du ${frDate(dsf.date)} (au plus tard le ${frDate(w.due)}).`);
    }
    if (dsf.answered !== true) {
      const hearingDay = hearing && hearing.day >= dsf.date ? hearing.day : stages.find((s) => s.kind === 'audience' && s.date >= dsf.date)?.date;
      if (!hearingDay) pending.push(`Diagnostic social et financier saisi le ${frDate(dsf.date)} : date d’audience inconnue, seconde proposition d’entretien non calculée.`);
      else {
        const w = addWorkingDays(hearingDay, -v.dsf_seconde_proposition_working_days);
        push({
          kind: 'dsf_seconde_proposition',
          due: w.due,
          label: 'Diagnostic social et financier : seconde proposition d’entretien si le locataire n’a pas répondu',
          rule: `Audience le ${workingDaysText(hearingDay, v.dsf_seconde_proposition_working_days, w.due, w.skipped, true, 'de l’audience')} : sans réponse du locataire à la première proposition à cette date, un nouvel entretien lui est proposé.`,
          article: ARTICLES.dsf_seconde_proposition,
          from: { kind: dsf.kind, date: dsf.date },
        });
      }
    }
  }

  // Hearings and CCAPEX sessions: their own day.
  const hearingDays = new Set<string>();
  if (assignation?.hearing) hearingDays.add(assignation.hearing);
  for (const s of stages) if (s.kind === 'audience') hearingDays.add(s.date);
  for (const day of [...hearingDays].sort()) {
    const stage = stages.find((s) => s.kind === 'audience' && s.date === day);
    const label = stage?.label?.trim();
    push({
      kind: 'audience',
      due: day,
      label: label ? `Audience : ${label}` : 'Audience',
      rule: stage ? `Audience fixée au ${frDate(day)}.` : `Audience fixée au ${frDate(day)} par l’assignation du ${frDate(assignation!.date)}.`,
      article: ARTICLES.audience,
      from: stage ? { kind: 'audience', date: day } : { kind: 'assignation', date: assignation!.date },
    });
  }
  for (const s of stages.filter((x) => x.kind === 'passage_ccapex')) {
    push({
      kind: 'passage_ccapex',
      due: s.date,
      label: s.label?.trim() ? `Passage en CCAPEX : ${s.label.trim()}` : 'Passage en CCAPEX (note sociale à transmettre avant la séance)',
      rule: `Séance de la CCAPEX le ${frDate(s.date)}.`,
      article: ARTICLES.passage_ccapex,
      from: { kind: s.kind, date: s.date },
    });
  }

  // Délais de grâce (L412-3, L412-4): the last stage granting them.
  const graceStage = [...stages].reverse().find((s) => (s.kind === 'jugement' || s.kind === 'commandement_quitter_lieux') && s.graceMonths);
  let graceEnd: string | null = null;
  if (graceStage) {
    const v = delays(graceStage.date);
    const m = graceStage.graceMonths!;
    if (m < v.delais_grace_min_months || m > v.delais_grace_max_months) {
      refuse(
        `étape « ${EVICTION_STAGE_LABELS[graceStage.kind]} » du ${frDate(graceStage.date)} — des délais de grâce de ${fmtMonths(m)} sortent des bornes de la loi : de ${fmtMonths(v.delais_grace_min_months)} à ${fmtMonths(v.delais_grace_max_months)} (code des procédures civiles d’exécution, art. L412-4). Corrigez graceMonths.`,
        'graceMonths',
      );
    }
    graceEnd = addMonths(graceStage.date, m);
    push({
      kind: 'fin_delais_grace',
      due: graceEnd,
      label: 'Fin des délais de grâce accordés par le juge',
      rule: `${EVICTION_STAGE_LABELS[graceStage.kind].replace(/^./, (c) => c.toUpperCase())} le ${frDate(graceStage.date)} + ${fmtMonths(m)} de délais de grâce (même quantième, CPC art. 641) = ${frDate(graceEnd)} ; non prorogé.`,
      article: ARTICLES.fin_delais_grace,
      from: { kind: graceStage.kind, date: graceStage.date },
    });
  }

  // Commandement de quitter les lieux: the earliest expulsion.
  const cql = last('commandement_quitter_lieux');
  if (cql) {
    const v = delays(cql.date);
    const ext = cql.extensionMonths ?? 0;
    if (ext > v.prorogation_max_months) {
      refuse(
        `étape « commandement de quitter les lieux » du ${frDate(cql.date)} — une prorogation de ${fmtMonths(ext)} dépasse le maximum de ${fmtMonths(v.prorogation_max_months)} (code des procédures civiles d’exécution, art. L412-2). Corrigez extensionMonths.`,
        'extensionMonths',
      );
    }
    const total = v.quitter_lieux_months + ext;
    const end = addMonths(cql.date, total);
    const parts: string[] = [
      ext
        ? `Commandement de quitter les lieux le ${frDate(cql.date)} + ${fmtMonths(v.quitter_lieux_months)} prorogés de ${fmtMonths(ext)} par le juge, soit ${fmtMonths(total)} (même quantième, CPC art. 641) = ${frDate(end)}`
        : `Commandement de quitter les lieux le ${frDate(cql.date)} + ${fmtMonths(v.quitter_lieux_months)} (même quantième, CPC art. 641) = ${frDate(end)}`,
    ];
    let ends = end;
    if (graceEnd && graceEnd > end) {
      ends = graceEnd;
      parts.push(`les délais de grâce courent jusqu’au ${frDate(graceEnd)}, plus tard`);
    }
    let due = addDays(ends, 1);
    parts.push(`l’expulsion est possible à partir du lendemain, ${frDate(due)}`);
    let extended = false;
    const exec = executionDay(due);
    if (exec !== due) {
      parts.push(`un ${nonWorkingReason(due)} : reportée au ${frLongDate(exec, { weekday: true })} (aucune exécution un dimanche ou un jour férié, CPCE art. L141-1)`);
      due = exec;
      extended = true;
    }
    let treve = false;
    const t = afterTreve(due, params, warn);
    if (t) {
      const period = `trêve hivernale du ${frLongDate(`2000-${t.start}`, { year: false })} au ${frLongDate(`2000-${t.end}`, { year: false })}`;
      if (input.rehousingAssured) parts.push(`ce jour tombe pendant la ${period}, mais le relogement est assuré : non reporté (CPCE art. L412-6)`);
      else {
        let after = t.until;
        let text = `ce jour tombe pendant la ${period} : reportée au ${frLongDate(after, { weekday: true })} (CPCE art. L412-6)`;
        const exec2 = executionDay(after);
        if (exec2 !== after) {
          text += `, un ${nonWorkingReason(after)} : puis au ${frLongDate(exec2, { weekday: true })} (CPCE art. L141-1)`;
          after = exec2;
          extended = true;
        }
        parts.push(text);
        due = after;
        treve = true;
      }
    }
    push({
      kind: 'expulsion_possible',
      due,
      label: treve ? 'Expulsion possible au plus tôt (après la trêve hivernale)' : 'Expulsion possible au plus tôt',
      rule: `${parts.join(' ; ')}.`,
      article: ARTICLES.expulsion_possible,
      from: { kind: cql.kind, date: cql.date },
      ...(treve ? { treve: true as const } : {}),
      ...(extended ? { extended: true as const } : {}),
    });
  }

  // Demande de concours de la force publique: the préfet's silence is a refusal.
  const request = last('demande_concours_force_publique');
  if (request) {
    const decided = stages.some((s) => s.kind === 'decision_prefet' && s.date >= request.date);
    if (!decided) {
      const v = delays(request.date);
      const due = addMonths(request.date, v.silence_prefet_months);
      push({
        kind: 'silence_prefet',
        due,
        label: 'Refus implicite du préfet si la demande de concours de la force publique reste sans réponse',
        rule: `Demande de concours de la force publique le ${frDate(request.date)} + ${fmtMonths(v.silence_prefet_months)} (même quantième, CPC art. 641) = ${frDate(due)} : sans réponse du préfet à cette date, le concours est réputé refusé ; délai de l’administration, non prorogé.`,
        article: ARTICLES.silence_prefet,
        from: { kind: request.kind, date: request.date },
      });
    }
  }

  // After the outcome, nothing later is due.
  const closing = [...stages].reverse().find((s) => s.kind === 'issue' || s.kind === 'expulsion');
  const kept = closing ? dates.filter((d) => d.due <= closing.date) : dates;
  const order = (k: EvictionDateKind) => EVICTION_DATE_KINDS.indexOf(k);
  kept.sort((a, b) => a.due.localeCompare(b.due) || order(a.kind) - order(b.kind));
  return { dates: kept, warnings: [...warnings], pending };
}
