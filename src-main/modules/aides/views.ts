/**
 * The views the channels return, assembled from rows already read: a request (`AidOut`) and
 * what the caller may do on it, the règlement's options, a commission session and its agenda,
 * the list of règlement versions. Pure: nothing here reads or writes.
 */
import type { AidOut, AidSummary } from './contract';
import { addDays } from '../../shared/time';
import type { Evaluation } from './engine';
import type { Reglement } from './reglement';
import { derogationOf } from './checks';
import type { AidFields } from './contract';
import type { AidRow, ReglementRow } from './repo';
import type { SessionDecisionRow, SessionRow } from './commission/repo';
import { allowedActions, refusalAlone, type Actor } from './workflow';
import { personName } from '../../shared/french';

/** A request's own fields (the contract's `aidFields`, defaults applied). */
export type Fields = AidFields;
type UserRef = { id: number; displayName: string };

export const regRef = (r: ReglementRow) => ({ id: r.id, code: r.code, version: r.version, title: r.title });

/** The request's own fields, as the form sends them, read back from its row. */
export { fieldsOfRow as fieldsOf } from './repo';

/**
 * What the actor may do on the request now (the workflow's actions, then edit, payment, letter).
 * `refusAutonome`: the request's dispositif lets a responsable refuse alone out of the barème.
 */
export function aidCan(a: AidRow, actor: Actor, refusAutonome = false): AidOut['can'] {
  const facts = { status: a.status, createdBy: a.createdBy, submittedBy: a.submittedBy };
  const can: AidOut['can'] = allowedActions(facts, actor).filter(
    (x) => (x !== 'grant' || a.route === 'validation') && (x !== 'refuse' || refusalAlone(a.route, refusAutonome) === null),
  );
  if ((a.status === 'brouillon' || a.status === 'ajournee') && actor.instructs) can.push('edit');
  if (a.status === 'accordee' && actor.responsable) can.push('payment');
  if (a.decisionId !== null) can.push('letter');
  return can;
}

/** What a request's view needs besides its row, read beforehand. */
export interface AidViewParts {
  fields: Fields;
  dsu: { id: number; number: string; referentId: number; referentName: string };
  person: { id: number; usageName: string; birthName: string; firstNames: string };
  householdSize: number;
  communeName: string | null;
  dispositifLabel: string;
  partner: { organisation: string; service: string } | undefined;
  consent: { id: number; recipient: string; givenOn: string; withdrawnOn: string | null } | undefined;
  session: { id: number; heldOn: string } | null;
  reglement: ReturnType<typeof regRef> | null;
  evaluation: Evaluation | null;
  evaluationError: string | null;
  createdBy: UserRef;
  submittedBy: UserRef | null;
  takenBy: UserRef | null;
  decisions: AidOut['decisions'];
  events: AidOut['events'];
  history: AidOut['history'];
  can: AidOut['can'];
}

export function aidOut(a: AidRow, p: AidViewParts): AidOut {
  const { dsu, person, partner, consent } = p;
  return {
    id: a.id,
    number: a.number,
    dsu: { id: dsu.id, number: dsu.number, referent: { id: dsu.referentId, displayName: dsu.referentName } },
    person: { id: person.id, name: personName(person) },
    householdSize: p.householdSize,
    communeName: p.communeName,
    // The request's own fields, as the form sends them (ids are stripped by the contract).
    ...p.fields,
    dispositifLabel: p.dispositifLabel,
    originPartner: partner && a.originPartnerId !== null ? { id: a.originPartnerId, name: partner.service ? `${partner.organisation} — ${partner.service}` : partner.organisation } : null,
    consent: consent ? { id: consent.id, recipient: consent.recipient, givenOn: consent.givenOn, withdrawnOn: consent.withdrawnOn } : null,
    status: a.status,
    reglement: p.reglement,
    evaluation: p.evaluation,
    evaluationError: p.evaluationError,
    createdBy: p.createdBy,
    createdAt: a.createdAt,
    submittedBy: p.submittedBy,
    submittedAt: a.submittedAt,
    takenBy: p.takenBy,
    opinion: a.opinion,
    opinionFavorable: a.opinionFavorable === null ? null : a.opinionFavorable === 1,
    commission: p.session,
    appealOn: a.appealOn,
    appealReason: a.appealReason,
    grantedCents: a.grantedCents,
    decidedOn: a.decidedOn,
    mandatedOn: a.mandatedOn,
    paidOn: a.paidOn,
    closeReason: a.closeReason,
    decisions: p.decisions,
    events: p.events,
    history: p.history,
    can: p.can,
  };
}

/** The form's choices under a version: per dispositif, its natures, payment modes, age derogation, delegation. */
/** The dispositifs of every règlement in force (each names its règlement); `reglement`: the default one. */
export function optionsOut(row: ReglementRow, inForce: { row: ReglementRow; reglement: Reglement }[]) {
  return {
    reglement: regRef(row),
    reglements: inForce.map((x) => regRef(x.row)),
    dispositifs: inForce.flatMap(({ row: r, reglement }) => reglement.dispositifs.map((d) => ({
      reglementCode: r.code,
      code: d.code,
      label: d.label,
      description: d.description,
      natures: d.natures.map((n) => ({ code: n.code, perDayCents: n.perDayCents ?? null })),
      paymentModes: d.payment.modes,
      cheques: d.payment.cheques ? { valueCents: d.payment.cheques.valueCents, maxPerRequest: d.payment.cheques.maxPerRequest } : null,
      derogation: derogationOf(d),
      delegationCents: d.delegationCents,
      resourceMethod: d.resourceTest.method,
    }))),
  };
}

// Commission -------------------------------------------------------------------------------------

/** Whether a consent was given and not withdrawn on a day. */
export function consentInForce(c: { givenOn: string; withdrawnOn: string | null } | undefined, on: string): boolean {
  return !!c && c.givenOn <= on && (c.withdrawnOn === null || c.withdrawnOn > on);
}

export function sessionOut(r: SessionRow, counts: { n: number; d: number | null }) {
  return { id: r.id, heldOn: r.heldOn, place: r.place, members: JSON.parse(r.members) as string[], status: r.status, requests: counts.n, decided: counts.d ?? 0 };
}

/** A line of the agenda: the person is named only under a consent in force on the session's day. */
export function agendaRow(r: AidSummary, a: AidRow, decision: SessionDecisionRow | undefined, consent: boolean) {
  const e = a.evaluation ? (JSON.parse(a.evaluation) as Evaluation) : null;
  return {
    ...r,
    person: consent ? r.person : '',
    consentInForce: consent,
    opinion: a.opinion,
    opinionFavorable: a.opinionFavorable === null ? null : a.opinionFavorable === 1,
    reasons: e?.reasons ?? [],
    decision: decision ?? null,
    _aid: a,
  };
}

// Règlement versions -----------------------------------------------------------------------------

/** The versions as listed: until when each applies (a later version of the same code takes over), which ones are in force (one per code), how many requests it evaluated. */
export function reglementItems(rows: ReglementRow[], counts: Map<number, number>, inForce: ReadonlySet<number>, userRef: (id: number | null) => UserRef | null) {
  const active = rows.filter((r) => r.status === 'actif');
  const untilOf = (r: ReglementRow): string | null => {
    if (r.status !== 'actif') return r.effectiveTo;
    const next = active.filter((x) => x.code === r.code && x.effectiveFrom > r.effectiveFrom).map((x) => x.effectiveFrom).sort()[0];
    const byNext = next ? addDays(next, -1) : null;
    return [r.effectiveTo, byNext].filter((x): x is string => x !== null).sort()[0] ?? null;
  };
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    version: r.version,
    title: r.title,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    until: untilOf(r),
    status: r.status,
    importedBy: userRef(r.importedBy),
    importedAt: r.importedAt,
    activatedBy: userRef(r.activatedBy),
    activatedAt: r.activatedAt,
    inForceToday: inForce.has(r.id),
    requests: counts.get(r.id) ?? 0,
  }));
}
