/**
 * Channels of the aides financières (DOMAIN §4): règlement versions, requests and their
 * workflow, commission sessions, envelopes.  None is
 * open to the secretaire (DOMAIN §1: never aid details); the admin reaches only the
 * règlement (configuration and aggregate impact), never a request.
 */
import { z } from 'zod';
import { budgetSchema } from '../budget';

export { CHARGE_KINDS, RESOURCE_KINDS } from '../budget';
import { AID_ACTIONS, AID_STATUSES, COMMISSION_STATUSES, DECISION_BODIES, DECISIONS, HOUSEHOLD_TYPES, NATURES, ORIGINS, OUTCOMES_BAREME, PAYEE_KINDS, PAYMENT_MODES, REGLEMENT_STATUSES, ROUTES } from './kinds';
import { id, isoDate, readBackShape, SOCIAL, userRef, WORKERS } from '../../api/schemas';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { hasControlChars, controlCharsMessage, longText, required, requiredLong, text } from '../../api/text';

export { AID_ACTIONS, AID_STATUSES, OUTCOMES_BAREME, PAYEE_KINDS } from './kinds';
export type { AidStatus } from './kinds';
export type AidAction = (typeof AID_ACTIONS)[number] | 'decide';
/** Who instructs a request or reads it: the social workers and their responsables. */
const INSTRUCT = SOCIAL;
const REGLEMENT_ADMIN = ['admin', 'responsable'] as const;

const cents = (label: string) =>
  z
    .number({ message: `${label} : montant attendu.` })
    .int({ message: `${label} : montant en centimes (nombre entier).` })
    .min(1, { message: `${label} : indiquez un montant supérieur à zéro.` })
    .max(10_000_000, { message: `${label} : montant invraisemblable (plus de 100 000 €), vérifiez la saisie.` });
const dispositifCode = z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, { message: 'Choisissez un dispositif.' });

const ruleOut = z.object({
  id: z.string(),
  kind: z.enum(['forme', 'bareme', 'delegation']),
  passed: z.boolean(),
  sentence: z.string(),
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
});
export const evaluationOut = z.object({
  reglement: z.object({ code: z.string(), version: z.number().int(), title: z.string() }),
  dispositif: z.string(),
  evaluatedOn: z.string(),
  outcome: z.enum(OUTCOMES_BAREME),
  withinDelegation: z.boolean(),
  route: z.enum(ROUTES),
  householdType: z.enum(HOUSEHOLD_TYPES),
  ceilingCents: z.number().int().nullable(),
  rules: z.array(ruleOut),
  reasons: z.array(z.string()),
  rounding: z.string(),
});
export type EvaluationOut = z.infer<typeof evaluationOut>;

const historyRow = z.object({ id, number: z.string(), dispositif: z.string(), nature: z.string(), status: z.enum(AID_STATUSES), requestedOn: z.string(), decidedOn: z.string().nullable(), amountCents: z.number().int(), grantedCents: z.number().int().nullable() });
const reglementRef = z.object({ id, code: z.string(), version: z.number().int(), title: z.string() });

/** The budget as typed: its line labels are one-line texts (the stored shape is `budgetSchema`). */
const budgetInput = budgetSchema.superRefine((b, ctx) => {
  for (const side of ['resources', 'charges'] as const) {
    b[side].forEach((line, i) => {
      if (hasControlChars(line.label)) ctx.addIssue({ code: 'custom', path: [side, i, 'label'], message: controlCharsMessage('Libellé') });
    });
  }
});

export const aidFields = {
  dsuId: id,
  personId: id,
  requestedOn: isoDate,
  dispositif: dispositifCode,
  nature: z.enum(NATURES, { message: 'Choisissez la nature de l’aide.' }),
  object: required(200, 'Objet de la demande'),
  amountCents: cents('Montant demandé'),
  days: z.number().int().min(1).max(366).nullable().default(null),
  paymentMode: z.enum(PAYMENT_MODES, { message: 'Choisissez le mode de paiement.' }),
  cheques: z.number().int().min(0).max(100).default(0),
  payeeKind: z.enum(PAYEE_KINDS).default('beneficiaire'),
  payeeName: text(120, 'Tiers payé').default(''),
  derogation: z.boolean().default(false),
  pregnancy: z.boolean().default(false),
  urgent: z.boolean().default(false),
  origin: z.enum(ORIGINS).default('dsu'),
  originPartnerId: id.nullable().default(null),
  noteSociale: longText(20_000, 'Note sociale').default(''),
  budget: budgetInput,
  consentId: id.nullable().default(null),
};
const aidFieldsSchema = z.object(aidFields);
/** A request's own fields as the form sends them (`AidFieldsInput`), and as handlers and the repository hold them, defaults applied (`AidFields`). */
export type AidFieldsInput = z.input<typeof aidFieldsSchema>;
export type AidFields = z.output<typeof aidFieldsSchema>;

const decisionOut = z.object({
  id,
  body: z.enum(DECISION_BODIES),
  commission: z.object({ id, heldOn: z.string() }).nullable(),
  decision: z.enum(DECISIONS),
  grantedCents: z.number().int().nullable(),
  paymentMode: z.string().nullable(),
  cheques: z.number().int(),
  payeeKind: z.string().nullable(),
  payeeName: z.string().nullable(),
  reasons: z.string(),
  appeal: z.boolean(),
  decidedOn: z.string(),
  decidedBy: userRef,
});

export const aidOut = z.object({
  id,
  number: z.string(),
  dsu: z.object({ id, number: z.string(), referent: userRef }),
  person: z.object({ id, name: z.string() }),
  householdSize: z.number().int(),
  communeName: z.string().nullable(),
  // The request's own fields, read back as stored; its references (DSU, person, partner, consent) are shown as objects.
  ...readBackShape(aidFieldsSchema.omit({ dsuId: true, personId: true, originPartnerId: true, consentId: true, budget: true }).shape),
  budget: budgetSchema,
  dispositifLabel: z.string(),
  originPartner: z.object({ id, name: z.string() }).nullable(),
  consent: z.object({ id, recipient: z.string(), givenOn: z.string(), withdrawnOn: z.string().nullable() }).nullable(),
  status: z.enum(AID_STATUSES),
  reglement: reglementRef.nullable(),
  /** Live for a draft; for a submitted request, the evaluation it was submitted under. */
  evaluation: evaluationOut.nullable(),
  evaluationError: z.string().nullable(),
  createdBy: userRef,
  createdAt: z.string(),
  submittedBy: userRef.nullable(),
  submittedAt: z.string().nullable(),
  takenBy: userRef.nullable(),
  opinion: z.string().nullable(),
  opinionFavorable: z.boolean().nullable(),
  commission: z.object({ id, heldOn: z.string() }).nullable(),
  appealOn: z.string().nullable(),
  appealReason: z.string().nullable(),
  grantedCents: z.number().int().nullable(),
  decidedOn: z.string().nullable(),
  mandatedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  decisions: z.array(decisionOut),
  events: z.array(z.object({ at: z.string(), user: userRef, action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), comment: z.string() })),
  /** The household's aids of the last 12 months (this one excluded). */
  history: z.array(historyRow),
  /** What the caller may do now, from the same rules the API enforces. */
  can: z.array(z.enum([...AID_ACTIONS, 'edit', 'decide', 'payment', 'letter'])),
});
export type AidOut = z.infer<typeof aidOut>;

const aidSummary = z.object({
  id,
  number: z.string(),
  dsu: z.object({ id, number: z.string() }),
  person: z.string(),
  referent: z.string(),
  /** Who instructed it: who submitted it, or who wrote it while it is a draft. */
  instructor: z.string(),
  dispositif: z.string(),
  dispositifLabel: z.string(),
  /** The règlement its dispositif belongs to (several may be in force: the département's, the FSL's…), by the short name of its title. */
  reglementLabel: z.string(),
  nature: z.enum(NATURES),
  amountCents: z.number().int(),
  grantedCents: z.number().int().nullable(),
  /** The day the payment was made (null until then). */
  paidOn: z.string().nullable(),
  status: z.enum(AID_STATUSES),
  outcome: z.enum(OUTCOMES_BAREME).nullable(),
  route: z.enum(ROUTES).nullable(),
  urgent: z.boolean(),
  requestedOn: z.string(),
  submittedAt: z.string().nullable(),
  takenBy: z.string().nullable(),
  appeal: z.boolean(),
  commissionId: id.nullable(),
});
export type AidSummary = z.infer<typeof aidSummary>;

/** A decision's payment: the request's own payment fields, the payee chosen again. */
const payment = {
  paymentMode: aidFields.paymentMode,
  cheques: aidFields.cheques,
  payeeKind: z.enum(PAYEE_KINDS),
  payeeName: aidFields.payeeName,
};
const reasons = requiredLong(4000, 'Motifs');
/** The actions of the workflow (DOMAIN §4.4); who may do each is enforced in `modules/aides/workflow.ts`. */
const actInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('submit'), id }),
  z.strictObject({ action: z.literal('recall'), id }),
  z.strictObject({ action: z.literal('take'), id }),
  z.strictObject({ action: z.literal('grant'), id, grantedCents: cents('Montant accordé'), ...payment, comment: longText(2000, 'Commentaire').default(''), confirmEnvelope: z.boolean().default(false) }),
  z.strictObject({ action: z.literal('refuse'), id, reasons }),
  z.strictObject({ action: z.literal('adjourn'), id, missingDocuments: requiredLong(2000, 'Pièces manquantes') }),
  z.strictObject({ action: z.literal('toCommission'), id, favorable: z.boolean(), opinion: requiredLong(4000, 'Avis') }),
  z.strictObject({ action: z.literal('classify'), id, reason: requiredLong(500, 'Motif du classement') }),
  z.strictObject({ action: z.literal('appeal'), id, appealOn: isoDate, reason: requiredLong(4000, 'Motif du recours') }),
]);
export type ActInput = z.output<typeof actInput>;

const commissionOut = z.object({
  id,
  heldOn: z.string(),
  place: z.string(),
  members: z.array(z.string()),
  status: z.enum(COMMISSION_STATUSES),
  requests: z.number().int(),
  decided: z.number().int(),
});
/** A request waiting for a session: named only under a consent in force on the session's day. */
const candidateRow = aidSummary.extend({ consentInForce: z.boolean() });
const agendaRow = aidSummary.extend({
  /** Name shown only with the person's consent in force (DOMAIN §4.6, §3). */
  consentInForce: z.boolean(),
  opinion: z.string().nullable(),
  opinionFavorable: z.boolean().nullable(),
  reasons: z.array(z.string()),
  decision: z.object({ decision: z.enum(DECISIONS), grantedCents: z.number().int().nullable(), reasons: z.string() }).nullable(),
});

const envelopeRow = z.object({
  envelope: z.string(),
  label: z.string(),
  /** The dispositifs that draw on it (labels). */
  dispositifs: z.array(z.string()),
  votedCents: z.number().int().nullable(),
  engagedCents: z.number().int(),
  paidCents: z.number().int(),
  remainingCents: z.number().int().nullable(),
  projectionCents: z.number().int(),
  granted: z.number().int(),
  pendingCents: z.number().int(),
});

const reglementOut = z.object({
  id,
  code: z.string(),
  version: z.number().int(),
  title: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  /** For an active version: the last day it applies, when a later active version takes over. */
  until: z.string().nullable(),
  status: z.enum(REGLEMENT_STATUSES),
  importedBy: userRef.nullable(),
  importedAt: z.string(),
  activatedBy: userRef.nullable(),
  activatedAt: z.string().nullable(),
  inForceToday: z.boolean(),
  requests: z.number().int(),
});
const file = z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string() });
const optionsOut = z.object({
  /** The default règlement (the site's own aid règlement); `reglements`: every règlement in force on the day, default first. */
  reglement: reglementRef,
  reglements: z.array(reglementRef),
  dispositifs: z.array(
    z.object({
      /** The règlement that provides it (dispositif codes are unique across règlements). */
      reglementCode: z.string(),
      code: z.string(),
      label: z.string(),
      description: z.string(),
      natures: z.array(z.object({ code: z.enum(NATURES), perDayCents: z.number().int().nullable() })),
      paymentModes: z.array(z.enum(PAYMENT_MODES)),
      cheques: z.object({ valueCents: z.number().int(), maxPerRequest: z.number().int() }).nullable(),
      /** The age derogation it allows (the request's `derogation`, argued in the note sociale): ages from `fromAge` to `toAge`; null: none. */
      derogation: z.object({ fromAge: z.number().int(), toAge: z.number().int() }).nullable(),
      delegationCents: z.number().int(),
      /** The resource test; `quotient_familial` averages three months of resources (the form asks for them). */
      resourceMethod: z.enum(['reste_a_vivre_par_part', 'moyenne_economique_journaliere', 'quotient_familial', 'aucun']),
    }),
  ),
});
export type AidOptions = z.infer<typeof optionsOut>;

export const aidesContract = {
  'aid:options': channel({ input: z.strictObject({ day: isoDate.optional(), reglementCode: z.string().max(40).optional() }), output: optionsOut, access: INSTRUCT }),
  'aid:evaluate': channel({
    input: z.strictObject({ id: id.optional(), ...aidFields }),
    output: z.object({ evaluation: evaluationOut, reglement: reglementRef, history: z.array(historyRow) }),
    access: INSTRUCT,
  }),
  'aid:save': channel({ input: z.strictObject({ id: id.optional(), ...aidFields }), output: aidOut, access: WORKERS }),
  'aid:get': channel({ input: z.strictObject({ id }), output: aidOut, access: INSTRUCT }),
  'aid:forDsu': channel({ input: z.strictObject({ dsuId: id }), output: z.array(aidSummary), access: INSTRUCT }),
  /** `mine`: the requests I instructed; `site`: all the site's requests (responsables). */
  'aid:list': channel({ input: z.strictObject({ scope: z.enum(['mine', 'site']) }), output: z.array(aidSummary), access: INSTRUCT }),
  'aid:queue': channel({ input: z.strictObject({}), output: z.array(aidSummary), access: ['responsable'] }),
  'aid:lastBudget': channel({ input: z.strictObject({ dsuId: id }), output: z.object({ budget: budgetSchema, on: z.string(), number: z.string() }).nullable(), access: INSTRUCT }),
  'aid:act': channel({ input: actInput, output: aidOut, access: INSTRUCT }),
  'aid:payment': channel({
    input: z.strictObject({ id, mandatedOn: isoDate.nullable(), paidOn: isoDate.nullable(), payeeKind: z.enum(PAYEE_KINDS).optional(), payeeName: text(120, 'Tiers payé').optional() }),
    output: aidOut,
    access: ['responsable'],
  }),
  'aid:letter': channel({ input: z.strictObject({ id }), output: file, access: INSTRUCT }),

  'commission:list': channel({ input: z.strictObject({}), output: z.array(commissionOut), access: ['responsable'] }),
  'commission:save': channel({
    input: z.strictObject({
      id: id.optional(),
      heldOn: isoDate,
      place: text(200, 'Lieu').default(''),
      members: z.array(required(120, 'Membre')).min(1, { message: 'Indiquez au moins un membre de la commission.' }).max(30),
    }),
    output: commissionOut,
    access: ['responsable'],
  }),
  'commission:get': channel({
    input: z.strictObject({ id }),
    output: z.object({ session: commissionOut, agenda: z.array(agendaRow), candidates: z.array(candidateRow) }),
    access: ['responsable'],
  }),
  'commission:assign': channel({ input: z.strictObject({ id, add: z.array(id).max(500).default([]), remove: z.array(id).max(500).default([]) }), output: z.object({}), access: ['responsable'] }),
  'commission:decide': channel({
    input: z.discriminatedUnion('decision', [
      z.strictObject({ id, requestId: id, decision: z.literal('accordee'), grantedCents: cents('Montant accordé'), ...payment, comment: longText(2000, 'Commentaire').default(''), confirmEnvelope: z.boolean().default(false) }),
      z.strictObject({ id, requestId: id, decision: z.literal('refusee'), reasons }),
      z.strictObject({ id, requestId: id, decision: z.literal('ajournee'), missingDocuments: requiredLong(2000, 'Pièces manquantes') }),
    ]),
    output: aidOut,
    access: ['responsable'],
  }),
  'commission:agenda': channel({ input: z.strictObject({ id }), output: file, access: ['responsable'] }),

  'envelope:list': channel({ input: z.strictObject({ year: z.number().int().min(2000).max(2100) }), output: z.object({ year: z.number().int(), asOf: z.string(), rows: z.array(envelopeRow) }), access: ['responsable'] }),
  'envelope:set': channel({
    input: z.strictObject({ year: z.number().int().min(2000).max(2100), envelope: dispositifCode, votedCents: z.number().int().min(0, { message: 'Le montant voté ne peut pas être négatif.' }).max(10_000_000_000) }),
    output: z.object({}),
    access: ['responsable'],
  }),

  'reglement:list': channel({ input: z.strictObject({}), output: z.array(reglementOut), access: [...REGLEMENT_ADMIN, 'ass', 'cesf'] }),
  'reglement:get': channel({ input: z.strictObject({ id }), output: z.object({ id, document: z.string() }), access: [...REGLEMENT_ADMIN, 'ass', 'cesf'] }),
  'reglement:import': channel({
    input: z.strictObject({ document: z.string().min(2, { message: 'Choisissez un fichier de règlement (JSON).' }).max(2_000_000, { message: 'Fichier trop volumineux pour un règlement (2 Mo au plus).' }) }),
    output: reglementOut,
    access: REGLEMENT_ADMIN,
  }),
  /** Edits a version not yet active (checked like an import); code and version stay. */
  'reglement:update': channel({
    input: z.strictObject({ id, document: z.string().min(2, { message: 'Le document est vide.' }).max(2_000_000, { message: 'Document trop volumineux pour un règlement (2 Mo au plus).' }) }),
    output: reglementOut,
    access: REGLEMENT_ADMIN,
  }),
  'reglement:activate': channel({ input: z.strictObject({ id }), output: reglementOut, access: REGLEMENT_ADMIN }),
  'reglement:replay': channel({
    input: z.strictObject({ id }),
    output: z.object({
      from: z.string(),
      to: z.string(),
      requests: z.number().int(),
      changed: z.number().int(),
      rows: z.array(z.object({ dispositif: z.string(), label: z.string(), requests: z.number().int(), changed: z.number().int(), becomeOut: z.number().int(), becomeIn: z.number().int(), amountOutCents: z.number().int(), amountInCents: z.number().int() })),
    }),
    access: REGLEMENT_ADMIN,
  }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type AidesHandlers = HandlersOf<typeof aidesContract>;
