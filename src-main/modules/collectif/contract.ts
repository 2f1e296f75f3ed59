/**
 * Collective actions' channels (DOMAIN §11, développement social local). An action — its
 * title, aim, public, partners, funding, leading professionals, sessions and counts — is seen
 * by every social worker and responsable of the site. Its named participants are seen, and
 * written, only by the professionals who lead it and the responsables (`collectif:participants`,
 * an audited read). The front desk and the administrator see nothing of it.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { SOCIAL, id, isoDate, userRef } from '../../api/schemas';
import { longText, oneLine, required, requiredLong, text } from '../../api/text';
import { ACTION_STATUSES, CONSENT_FORMS, FUNDING_STATUSES, MARKS } from './kinds';

export { ACTION_STATUSES, CONSENT_FORMS, FUNDING_STATUSES, MARKS } from './kinds';

/** A funding amount in cents: up to 10 M€, beyond which it is a typo. */
const cents = z
  .number({ message: 'Montant attendu en centimes (nombre entier).' })
  .int({ message: 'Montant attendu en centimes (nombre entier).' })
  .min(0, { message: 'Un montant ne peut pas être négatif.' })
  .max(1_000_000_000, { message: 'Montant invraisemblable : vérifiez la saisie (en centimes).' });

/** A time of day on the site's clock, to the minute. */
const time = (label: string) =>
  oneLine(z.string(), label).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: `${label} : heure attendue au format HH:MM (ex. 14:00).` });

export const partnerInput = z.strictObject({
  /** From the partner directory, or null and its name typed in `name`. */
  partnerId: id.nullable().default(null),
  name: text(160, 'Partenaire').default(''),
  /** What it brings (co-animation, a room, transport…). */
  role: text(160, 'Apport du partenaire').default(''),
});

export const fundingInput = z.strictObject({
  funder: required(160, 'Financeur'),
  amountCents: cents,
  fundingStatus: z.enum(FUNDING_STATUSES, { message: 'choisissez demandé, accordé ou refusé.' }),
});

export const actionInput = z.strictObject({
  /** Absent: a new action. */
  id: id.nullable().default(null),
  title: required(160, 'Titre'),
  aim: longText(2000, 'Objectif'),
  audience: text(200, 'Public visé').default(''),
  actionStatus: z.enum(ACTION_STATUSES, { message: 'choisissez prévue, en cours ou close.' }).default('prevue'),
  /** The professionals who lead it (site accounts); empty: the caller. */
  leadIds: z.array(id).max(10, { message: 'dix au plus.' }).default([]),
  partners: z.array(partnerInput).max(30, { message: 'Trente partenaires au plus.' }).default([]),
  fundings: z.array(fundingInput).max(20, { message: 'Vingt financements au plus.' }).default([]),
});

export const sessionInput = z.strictObject({
  actionId: id,
  /** Absent: a new session. */
  sessionId: id.nullable().default(null),
  date: isoDate,
  starts: time('Heure de début'),
  ends: time('Heure de fin'),
  place: required(200, 'Lieu'),
  theme: text(200, 'Thème').default(''),
});

export const participantInput = z.strictObject({
  actionId: id,
  personId: id,
  /** Whether the person agreed to take part and to be named; without it, count them anonymously. */
  consentGiven: z.boolean({ message: 'oui ou non.' }),
  consentOn: isoDate.nullable().default(null),
  consentForm: z.enum(CONSENT_FORMS, { message: 'écrit, électronique ou oral tracé.' }).nullable().default(null),
});

export const attendanceInput = z.strictObject({
  sessionId: id,
  anonymousCount: z.number({ message: 'un nombre entier.' }).int({ message: 'un nombre entier.' }).min(0, { message: '0 ou plus.' }).max(500, { message: '500 au plus.' }),
  marks: z.array(z.strictObject({ participantId: id, mark: z.enum(MARKS, { message: 'présent, absent ou excusé.' }) })).max(300).default([]),
});

export const evaluationInput = z.strictObject({
  actionId: id,
  date: isoDate,
  text: requiredLong(5000, 'Évaluation'),
  participantsWords: longText(5000, 'Ce que disent les participants').default(''),
  results: longText(5000, 'Résultats au regard de l’objectif').default(''),
});

const sessionOut = z.object({
  id,
  date: z.string(),
  starts: z.string(),
  ends: z.string(),
  place: z.string(),
  theme: z.string(),
  anonymousCount: z.number().int(),
  /** Named participants marked at this session, by mark (no names). */
  present: z.number().int(),
  absent: z.number().int(),
  excused: z.number().int(),
  attendanceRecorded: z.boolean(),
});
export type SessionOut = z.infer<typeof sessionOut>;

const countsOut = z.object({
  sessions: z.number().int(),
  /** Named participants (with their consent). */
  named: z.number().int(),
  /** People counted anonymously: the highest count of a session (the same people may come each time). */
  anonymous: z.number().int(),
  /** Presences: named present + anonymous counts, summed over sessions. */
  presences: z.number().int(),
  /** Named participants present among those marked, in % (one decimal); null before any mark. */
  attendanceRate: z.number().nullable(),
});

const summaryOut = z.object({
  id,
  title: z.string(),
  actionStatus: z.enum(ACTION_STATUSES),
  leads: z.array(userRef),
  nextSession: z.object({ date: z.string(), starts: z.string(), place: z.string() }).nullable(),
  counts: countsOut,
});
export type ActionSummary = z.infer<typeof summaryOut>;

const actionOut = summaryOut.extend({
  aim: z.string(),
  audience: z.string(),
  partners: z.array(z.object({ partnerId: id.nullable(), name: z.string(), role: z.string() })),
  fundings: z.array(z.object({ funder: z.string(), amountCents: z.number().int(), fundingStatus: z.enum(FUNDING_STATUSES) })),
  sessions: z.array(sessionOut),
  evaluation: z
    .object({ date: z.string(), text: z.string(), participantsWords: z.string(), results: z.string(), recordedAt: z.string(), recordedBy: userRef })
    .nullable(),
  createdAt: z.string(),
  /** Whether the caller leads it or is a responsable: may see the names and write. */
  canWrite: z.boolean(),
});
export type ActionOut = z.infer<typeof actionOut>;

const participantsOut = z.object({
  actionId: id,
  participants: z.array(
    z.object({
      id,
      personId: id,
      name: z.string(),
      birthDate: z.string().nullable(),
      consentOn: z.string(),
      consentForm: z.enum(CONSENT_FORMS),
      addedBy: userRef,
      /** The mark of each session (by session id) where one was recorded. */
      marks: z.record(z.string(), z.enum(MARKS)),
    }),
  ),
});
export type ParticipantsOut = z.infer<typeof participantsOut>;

export const collectifContract = {
  /** Every action of the site (open ones first), and the professionals who may lead one. */
  'collectif:list': channel({ input: z.strictObject({}), output: z.object({ actions: z.array(summaryOut), professionals: z.array(userRef) }), access: SOCIAL }),
  'collectif:get': channel({ input: z.strictObject({ id }), output: actionOut, access: SOCIAL }),
  'collectif:save': channel({ input: actionInput, output: actionOut, access: SOCIAL }),
  'collectif:saveSession': channel({ input: sessionInput, output: actionOut, access: SOCIAL }),
  /** The named participants and their attendance: the leading professionals and the responsables (audited read). */
  'collectif:participants': channel({ input: z.strictObject({ actionId: id }), output: participantsOut, access: SOCIAL }),
  'collectif:addParticipant': channel({ input: participantInput, output: participantsOut, access: SOCIAL }),
  /** A participant withdraws: no longer named; their presences stay in the sessions' anonymous counts. */
  'collectif:removeParticipant': channel({ input: z.strictObject({ actionId: id, participantId: id }), output: participantsOut, access: SOCIAL }),
  'collectif:attendance': channel({ input: attendanceInput, output: participantsOut, access: SOCIAL }),
  'collectif:saveEvaluation': channel({ input: evaluationInput, output: actionOut, access: SOCIAL }),
} as const satisfies Record<string, ChannelSpec>;

export type CollectifHandlers = HandlersOf<typeof collectifContract>;
