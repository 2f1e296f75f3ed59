/**
 * The eviction prevention cases' channels (DOMAIN §6). A case lives in a household's DSU:
 * reading it needs the DSU's access (référent, co-intervenant, responsable, exceptional
 * access); writing it, a social worker's role as well. The front desk only learns, through
 * `expulsions:exists`, that a case exists and who follows it.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { FRONT, SOCIAL, WORKERS, fileOut, id, isoDate, userRef } from '../../api/schemas';
import { longText, required, text } from '../../api/text';
import { CASE_STATUSES, CCAPEX_AVIS, EVICTION_STAGE_KINDS, LANDLORD_KINDS, OUTCOMES, type EvictionStageKind, type LandlordKind } from './kinds';

const STAGE_ENUM = EVICTION_STAGE_KINDS as [EvictionStageKind, ...EvictionStageKind[]];
const LANDLORD_ENUM = LANDLORD_KINDS as [LandlordKind, ...LandlordKind[]];

/** An amount in cents: up to 10 M€, beyond which it is a typo. */
const cents = (what: string) =>
  z
    .number({ message: `${what} : un montant en centimes (nombre entier).` })
    .int({ message: `${what} : un montant en centimes (nombre entier).` })
    .min(0, { message: `${what} : un montant ne peut pas être négatif.` })
    .max(1_000_000_000, { message: `${what} : montant invraisemblable ; vérifiez la saisie (en centimes).` });

const months = (what: string, min: number) =>
  z
    .number({ message: `${what} : un nombre entier de mois.` })
    .int({ message: `${what} : un nombre entier de mois.` })
    .min(min, { message: `${what} : ${min} mois au moins.` })
    .max(120, { message: `${what} : 120 mois au plus ; vérifiez le nombre.` });

/** The case's own details: the dwelling, the landlord, the lease and the rent. */
export const detailsInput = z.strictObject({
  dwelling: text(300, 'Logement').default(''),
  landlordKind: z.enum(LANDLORD_ENUM, { message: 'Type de bailleur : personne morale, personne physique ou SCI familiale.' }),
  /** The landlord from the partner directory, or null and its name typed in `landlordName`. */
  landlordPartnerId: id.nullable().default(null),
  landlordName: text(160, 'Bailleur').default(''),
  leaseSigned: isoDate.nullable().default(null),
  rentCents: cents('Loyer'),
  chargesCents: cents('Charges').default(0),
  rehousingAssured: z.boolean().default(false),
});

export const openInput = detailsInput.extend({ dsuId: id, referentId: id.nullable().default(null) });
export const saveCaseInput = detailsInput.extend({ caseId: id });

/** How the case ended, on which day: the case is then closed (its history kept). */
export const outcomeInput = z.strictObject({
  caseId: id,
  outcome: z.enum(OUTCOMES, { message: 'Issue : maintien avec plan d’apurement, FSL, protocole de cohésion sociale, relogement, départ volontaire ou expulsion réalisée.' }),
  day: isoDate,
});

export const debtInput = z.strictObject({ caseId: id, day: isoDate, amountCents: cents('Dette locative') });

export const stageInput = z.strictObject({
  caseId: id,
  kind: z.enum(STAGE_ENUM, { message: 'Choisissez l’étape de la procédure dans la liste.' }),
  day: isoDate,
  /** Who acted: the bailiff, the court, the préfecture, the commission… */
  actor: text(160, 'Acteur').default(''),
  /** The document's reference (the act's number, the judgment's RG number…). */
  reference: text(120, 'Référence du document').default(''),
  note: longText(2000, 'Note').default(''),
  hearing: isoDate.nullable().default(null),
  firstOffer: isoDate.nullable().default(null),
  answered: z.boolean().nullable().default(null),
  delaisGranted: z.boolean().nullable().default(null),
  graceMonths: months('Délais de grâce', 1).nullable().default(null),
  extensionMonths: months('Prorogation du délai', 0).nullable().default(null),
});

const stageOut = z.object({
  id,
  kind: z.enum(STAGE_ENUM),
  day: z.string(),
  actor: z.string(),
  reference: z.string(),
  note: z.string(),
  hearing: z.string().nullable(),
  firstOffer: z.string().nullable(),
  answered: z.boolean().nullable(),
  delaisGranted: z.boolean().nullable(),
  graceMonths: z.number().int().nullable(),
  extensionMonths: z.number().int().nullable(),
  recordedAt: z.string(),
  recordedBy: userRef,
});
export type StageOut = z.infer<typeof stageOut>;

const dateOut = z.object({
  kind: z.string(),
  due: z.string(),
  label: z.string(),
  rule: z.string(),
  article: z.string(),
  from: z.object({ kind: z.enum(STAGE_ENUM), date: z.string() }),
  treve: z.boolean(),
  extended: z.boolean(),
});
export type DateOut = z.infer<typeof dateOut>;

const debtPointOut = z.object({ id, day: z.string(), amountCents: z.number().int(), recordedAt: z.string(), recordedBy: userRef });

const aidRef = z.object({ id, number: z.string(), nature: z.string(), status: z.string(), requestedOn: z.string() });

// CCAPEX ---------------------------------------------------------------------------------------

const member = z.strictObject({
  name: required(120, 'Membre : nom'),
  /** Their role or organisation (préfecture, CAF, bailleur, commune…). */
  role: text(160, 'Membre : rôle ou organisme').default(''),
});

export const ccapexSessionInput = z.strictObject({
  /** null creates a session. */
  id: id.nullable().default(null),
  heldOn: isoDate,
  place: text(200, 'Lieu').default(''),
  members: z.array(member).max(40, { message: 'Membres : 40 au plus.' }).default([]),
  /** The site's professionals attending (social workers, responsable). */
  professionalIds: z.array(id).max(40, { message: 'Professionnels du site : 40 au plus.' }).default([]),
});

const agendaRef = z.strictObject({ sessionId: id, caseId: id });

export const ccapexEvaluationInput = agendaRef.extend({
  evaluation: longText(8000, 'Évaluation sociale').default(''),
  proposals: longText(4000, 'Propositions').default(''),
});

export const ccapexOpinionInput = agendaRef.extend({
  day: isoDate,
  avis: z.enum(CCAPEX_AVIS, { message: 'Avis : maintien avec plan d’apurement, orientation FSL, relogement, accord du concours de la force publique, report ou autre.' }),
  text: longText(4000, 'Avis de la commission').default(''),
  recommendations: longText(4000, 'Recommandations').default(''),
});

const opinionOut = z.object({ day: z.string(), avis: z.enum(CCAPEX_AVIS), text: z.string(), recommendations: z.string(), recordedAt: z.string(), recordedBy: userRef });
export type OpinionOut = z.infer<typeof opinionOut>;

const caseCcapexOut = z.object({
  sessionId: id,
  heldOn: z.string(),
  place: z.string(),
  position: z.number().int(),
  evaluation: z.string(),
  proposals: z.string(),
  noteGeneratedAt: z.string().nullable(),
  opinion: opinionOut.nullable(),
  /** The household's consent to share with the CCAPEX on the session's day, as the note will print it. */
  consent: z.object({ kind: z.enum(['in_force', 'withdrawn', 'none']), on: z.string().nullable() }),
});

const sessionSummaryOut = z.object({
  id,
  heldOn: z.string(),
  place: z.string(),
  members: z.array(z.object({ name: z.string(), role: z.string() })),
  professionals: z.array(userRef),
  /** The cases on its agenda the caller may read, and the others (counted, never named). */
  cases: z.number().int(),
  others: z.number().int(),
});
export type CcapexSessionSummary = z.infer<typeof sessionSummaryOut>;

const sessionOut = sessionSummaryOut.extend({
  agenda: z.array(
    z.object({
      caseId: id,
      position: z.number().int(),
      household: z.string(),
      dsuNumber: z.string(),
      referent: z.string(),
      stage: z.enum(STAGE_ENUM).nullable(),
      noteGeneratedAt: z.string().nullable(),
      opinion: opinionOut.nullable(),
    }),
  ),
  /** The site's professionals who may be named on a session. */
  staff: z.array(userRef),
  canWrite: z.boolean(),
});
export type CcapexSessionOut = z.infer<typeof sessionOut>;


const summaryOut = z.object({
  id,
  dsu: z.object({ id, number: z.string() }),
  household: z.string(),
  referent: userRef,
  status: z.enum(CASE_STATUSES),
  openedOn: z.string(),
  /** The latest stage reached (by day), if any. */
  stage: z.enum(STAGE_ENUM).nullable(),
  /** The first date not yet past (else the latest past one). */
  nextDate: dateOut.nullable(),
  /** The latest known rent debt, in cents. */
  debtCents: z.number().int().nullable(),
});
export type CaseSummary = z.infer<typeof summaryOut>;

const caseOutShape = summaryOut.extend({
  dwelling: z.string(),
  landlordKind: z.enum(LANDLORD_ENUM),
  landlordPartnerId: id.nullable(),
  landlordName: z.string(),
  leaseSigned: z.string().nullable(),
  rentCents: z.number().int(),
  chargesCents: z.number().int(),
  rehousingAssured: z.boolean(),
  outcome: z.enum(OUTCOMES).nullable(),
  closedOn: z.string().nullable(),
  /** The aid requests linked to the case, and those of the household's DSU that may be. */
  aids: z.array(aidRef),
  aidChoices: z.array(aidRef),
  debts: z.array(debtPointOut),
  stages: z.array(stageOut),
  dates: z.array(dateOut),
  warnings: z.array(z.string()),
  pending: z.array(z.string()),
  /** Whether the caller may record anything on the case. */
  canWrite: z.boolean(),
  partners: z.array(z.object({ id, name: z.string() })),
  /** The CCAPEX sessions the case is on, by date, each with the evaluation, the note's generation and the opinion. */
  ccapex: z.array(caseCcapexOut),
});
export type CaseOut = z.infer<typeof caseOutShape>;


export const expulsionsContract = {
  'expulsions:open': channel({ input: openInput, output: caseOutShape, access: WORKERS }),
  /** The whole case (audited read). */
  'expulsions:get': channel({ input: z.strictObject({ id }), output: caseOutShape, access: SOCIAL }),
  /** The cases of a household's DSU (its tab « Expulsion »). */
  'expulsions:forDsu': channel({ input: z.strictObject({ dsuId: id }), output: z.array(summaryOut), access: SOCIAL }),
  /** The cases the caller follows (a responsable: every case of the site), open ones unless `closed`. */
  'expulsions:list': channel({ input: z.strictObject({ closed: z.boolean().default(false) }), output: z.array(summaryOut), access: SOCIAL }),
  /** What the front desk may know: that a case exists on the DSU, who follows it, since when. */
  'expulsions:exists': channel({ input: z.strictObject({ dsuId: id }), output: z.array(z.object({ followedBy: z.string(), openedOn: z.string() })), access: FRONT }),
  'expulsions:saveCase': channel({ input: saveCaseInput, output: caseOutShape, access: WORKERS }),
  'expulsions:addDebt': channel({ input: debtInput, output: caseOutShape, access: WORKERS }),
  'expulsions:addStage': channel({ input: stageInput, output: caseOutShape, access: WORKERS }),
  /** Links an aid request of the household (FSL maintien, financial aid) to the case. */
  'expulsions:linkAid': channel({ input: z.strictObject({ caseId: id, aidId: id }), output: caseOutShape, access: WORKERS }),
  /** The case an aid request is linked to (the aid request's page: « Liée au dossier d'expulsion … »). */
  'expulsions:forAid': channel({ input: z.strictObject({ aidId: id }), output: z.array(z.object({ caseId: id, openedOn: z.string(), referent: z.string(), stage: z.enum(STAGE_ENUM).nullable() })), access: SOCIAL }),
  /** Records the case's outcome and closes it. */
  'expulsions:setOutcome': channel({ input: outcomeInput, output: caseOutShape, access: WORKERS }),
  /** The CCAPEX sessions, latest first, each with how many of its cases the caller may read. */
  'expulsions:ccapexList': channel({ input: z.strictObject({}), output: z.object({ sessions: z.array(sessionSummaryOut), staff: z.array(userRef) }), access: SOCIAL }),
  /** Creates or edits a session: date, place, members. */
  'expulsions:ccapexSave': channel({ input: ccapexSessionInput, output: sessionOut, access: WORKERS }),
  /** A session with its agenda: the cases the caller may read by name, the others counted (audited read). */
  'expulsions:ccapexGet': channel({ input: z.strictObject({ id }), output: sessionOut, access: SOCIAL }),
  'expulsions:ccapexAddCase': channel({ input: agendaRef, output: caseOutShape, access: WORKERS }),
  'expulsions:ccapexRemoveCase': channel({ input: agendaRef, output: caseOutShape, access: WORKERS }),
  /** The social worker's evaluation and proposals for the session, printed in the note sociale. */
  'expulsions:ccapexEvaluation': channel({ input: ccapexEvaluationInput, output: caseOutShape, access: WORKERS }),
  /** The note sociale to the CCAPEX (PDF), within the consents in force on the session's day; its generation is recorded. */
  'expulsions:ccapexNote': channel({ input: agendaRef, output: fileOut, access: WORKERS }),
  /** The commission's opinion on the case at the session; records the « passage en CCAPEX » stage if missing. */
  'expulsions:ccapexOpinion': channel({ input: ccapexOpinionInput, output: caseOutShape, access: WORKERS }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type ExpulsionsHandlers = HandlersOf<typeof expulsionsContract>;

/** The CCAPEX's channels (ccapex.ts); the case's own are in handlers.ts. */
export type CcapexChannels = Extract<keyof typeof expulsionsContract, `expulsions:ccapex${string}`>;
