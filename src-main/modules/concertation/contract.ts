/**
 * The concertation instance's channels (DOMAIN §9, §3). A referral lives in a household's DSU
 * and takes its access from it: who holds the DSU (its référent, co-intervenants, the site's
 * responsables) reads it; the social workers who hold it make and fill it. The instance's
 * permanent members are a site setting kept by the responsable. Nothing here is open to the
 * front desk or to the administrator.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { SOCIAL, WORKERS, fileOut, id, isoDate, userRef } from '../../api/schemas';
import { longText, required, requiredLong, text } from '../../api/text';
import { FIELDS } from '../../api/kinds-accueil';
import { ELEMENT_KINDS, MEMBER_KINDS, REFERRAL_STATUSES } from './kinds';

export { ELEMENT_KINDS, MEMBER_KINDS, REFERRAL_STATUSES } from './kinds';

const memberOut = z.object({
  id,
  partnerId: id.nullable(),
  name: z.string(),
  organisation: z.string(),
  active: z.boolean(),
  /** The day this permanent member signed the secrecy charter (carried to each new referral). */
  charterSignedOn: z.string().nullable(),
});
export type MemberOut = z.infer<typeof memberOut>;

export const memberInput = z.strictObject({
  /** Absent: a new permanent member; given: that member's new details (or its retirement). */
  id: id.nullable().default(null),
  /** The organisation from the partner directory, or null and its name typed in `organisation`. */
  partnerId: id.nullable().default(null),
  name: required(160, 'Nom du membre'),
  organisation: text(160, 'Organisme').default(''),
  active: z.boolean().default(true),
});

const participantOut = z.object({
  id,
  kind: z.enum(MEMBER_KINDS),
  partnerId: id.nullable(),
  name: z.string(),
  organisation: z.string(),
  /** The day the member signed the secrecy charter, as the organiser recorded it. */
  charterSignedOn: z.string().nullable(),
  charterRecordedBy: userRef.nullable(),
  attended: z.boolean(),
});
export type ParticipantOut = z.infer<typeof participantOut>;

const consentState = z.object({
  id,
  person: z.string(),
  recipient: z.string(),
  scope: z.string(),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable(),
  /** In force today and given for the instance: a referral may rest on it. */
  usable: z.boolean(),
  /** Why it may not, in French (null when it may). */
  why: z.string().nullable(),
});
export type ConsentState = z.infer<typeof consentState>;

const delaysOut = z.object({
  gatherFrom: z.string(),
  gatherBy: z.string(),
  meetingBy: z.string(),
  /** The parameter's source, for the reader. */
  source: z.string(),
});
export type DelaysOut = z.infer<typeof delaysOut>;

const summaryOut = z.object({
  id,
  dsu: z.object({ id, number: z.string() }),
  household: z.string(),
  referredBy: userRef,
  referredOn: z.string(),
  motif: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  heldOn: z.string().nullable(),
  /** The next date someone must act on (gathering, meeting), or null once the meeting is held. */
  next: z.object({ kind: z.enum(['rassemblement', 'reunion']), due: z.string() }).nullable(),
});
export type ReferralSummary = z.infer<typeof summaryOut>;

const referralOut = summaryOut.extend({
  purpose: z.string(),
  field: z.enum(FIELDS),
  services: z.array(z.string()),
  elementKinds: z.array(z.enum(ELEMENT_KINDS)),
  consent: consentState,
  delays: delaysOut,
  place: z.string(),
  lateReason: z.string(),
  participants: z.array(participantOut),
  elements: z.array(z.object({ id, kind: z.enum(ELEMENT_KINDS), content: z.string(), sharedBy: z.string(), recordedAt: z.string(), recordedBy: userRef })),
  decisions: z.array(z.object({ id, action: z.string(), who: z.string(), dueOn: z.string().nullable(), recordedAt: z.string(), recordedBy: userRef })),
  /** The journal entry written in the DSU when the record was closed. */
  journalEntryId: id.nullable(),
  closedAt: z.string().nullable(),
  warnings: z.array(z.string()),
  canWrite: z.boolean(),
  partners: z.array(z.object({ id, name: z.string() })),
});
export type ReferralOut = z.infer<typeof referralOut>;

const list = <T extends z.ZodType>(t: T, max: number, what: string) => z.array(t).max(max, { message: `${what} : ${max} au plus.` });

export const referInput = z.strictObject({
  dsuId: id,
  /** The consent recorded in the DSU the sharing rests on (with the instance, in force). */
  consentId: id.nullable().default(null),
  motif: requiredLong(2000, 'Motif de la saisine'),
  purpose: required(300, 'Objet du partage'),
  /** The field of intervention, for the journal entry the record's closing writes in the DSU. */
  field: z.enum(FIELDS, { message: 'Champ d’intervention : choisissez-le dans la liste.' }),
  services: list(required(120, 'Service sollicité'), 12, 'Services sollicités').min(1, { message: 'Services sollicités : indiquez au moins un service dont la famille a besoin.' }),
  elementKinds: list(z.enum(ELEMENT_KINDS, { message: 'Éléments à partager : choisissez dans la liste.' }), ELEMENT_KINDS.length, 'Éléments à partager').min(1, {
    message: 'Éléments à partager : cochez ceux dont l’objet du partage a besoin (au moins un).',
  }),
});

export const concertationContract = {
  /** The instance's permanent members (no family's data). */
  'concertation:members': channel({ input: z.strictObject({}), output: z.array(memberOut), access: SOCIAL }),
  'concertation:saveMember': channel({ input: memberInput, output: z.array(memberOut), access: ['responsable'] }),
  /** A household's consents as the referral sees them, and its referrals (the DSU's tab « Concertation »; audited read). */
  'concertation:forDsu': channel({ input: z.strictObject({ dsuId: id }), output: z.object({ consents: z.array(consentState), referrals: z.array(summaryOut), canRefer: z.boolean() }), access: SOCIAL }),
  /** The referrals the caller made or holds the DSU of (a responsable: every one of the site), open ones unless `closed`. */
  'concertation:list': channel({ input: z.strictObject({ closed: z.boolean().default(false) }), output: z.array(summaryOut), access: SOCIAL }),
  'concertation:refer': channel({ input: referInput, output: referralOut, access: WORKERS }),
  /** The whole record (audited read). */
  'concertation:get': channel({ input: z.strictObject({ id }), output: referralOut, access: SOCIAL }),
  /** An associated member for this referral: a partner of the directory or a named professional. */
  'concertation:addMember': channel({
    input: z.strictObject({ referralId: id, partnerId: id.nullable().default(null), name: required(160, 'Nom du membre'), organisation: text(160, 'Organisme').default('') }),
    output: referralOut,
    access: WORKERS,
  }),
  'concertation:signCharter': channel({ input: z.strictObject({ referralId: id, participantId: id, signedOn: isoDate }), output: referralOut, access: WORKERS }),
  'concertation:recordMeeting': channel({
    input: z.strictObject({
      referralId: id,
      heldOn: isoDate,
      place: required(200, 'Lieu de la réunion'),
      attendees: list(id, 60, 'Présents').min(1, { message: 'Présents : cochez les membres présents (au moins un).' }),
      /** Why the meeting was held past the delay, when it was (recorded with the warning). */
      lateReason: longText(1000, 'Raison du retard').default(''),
    }),
    output: referralOut,
    access: WORKERS,
  }),
  'concertation:addElement': channel({
    input: z.strictObject({
      referralId: id,
      kind: z.enum(ELEMENT_KINDS, { message: 'Élément partagé : choisissez sa nature dans la liste.' }),
      content: requiredLong(2000, 'Élément partagé'),
      sharedBy: text(160, 'Partagé par').default(''),
    }),
    output: referralOut,
    access: WORKERS,
  }),
  'concertation:addDecision': channel({
    input: z.strictObject({ referralId: id, action: requiredLong(1000, 'Décision'), who: required(160, 'Qui s’en charge'), dueOn: isoDate.nullable().default(null) }),
    output: referralOut,
    access: WORKERS,
  }),
  /** Closes the record: one `instance_synthese` entry is written in the DSU's journal with the decisions. */
  'concertation:close': channel({ input: z.strictObject({ referralId: id }), output: referralOut, access: WORKERS }),
  /** « Compte rendu de l’instance de concertation » (PDF) for the members. */
  'concertation:document': channel({ input: z.strictObject({ id }), output: fileOut, access: SOCIAL }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type ConcertationHandlers = HandlersOf<typeof concertationContract>;
