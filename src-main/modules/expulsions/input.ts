/**
 * What the eviction dates are computed from (`computeEvictionDates`): the lease, the landlord's
 * kind, rehousing, and the procedure's stages; and its schema with French messages, as the
 * command line (`passeur expulsions echeances`) and the API take it.
 */
import { z } from 'zod';
import { isoDate } from '../../shared/calendar-date';
import { EVICTION_STAGE_KINDS, LANDLORD_KINDS, type EvictionStageKind, type LandlordKind } from './kinds';

export interface EvictionStageInput {
  kind: EvictionStageKind;
  /** The stage's day: the act, the referral, the hearing, the judgment, the request, the decision. */
  date: string;
  /** `assignation`: the hearing's day written on it. */
  hearing?: string | null;
  /** `diagnostic_social_financier` (its date is the referral): the day the first interview was offered. */
  firstOffer?: string | null;
  /** `diagnostic_social_financier`: whether the household answered the offer. */
  answered?: boolean | null;
  /** `jugement`: délais de paiement granted (clause résolutoire suspended). */
  delaisGranted?: boolean | null;
  /** `jugement` or `commandement_quitter_lieux`: délais de grâce granted, in months (L412-3, L412-4), counted from the stage's day. */
  graceMonths?: number | null;
  /** `commandement_quitter_lieux`: months by which the judge extended the L412-1 delay (L412-2). */
  extensionMonths?: number | null;
  label?: string | null;
}

export interface EvictionInput {
  /** The lease's signing day, or null when unknown (the commandement de payer's delay then is not computed). */
  leaseSigned: string | null;
  landlord: LandlordKind;
  /** Rehousing assured in conditions suited to the family: the trêve does not defer the expulsion (L412-6). */
  rehousingAssured: boolean;
  stages: EvictionStageInput[];
}

const DAY_FORMAT = 'date attendue au format AAAA-MM-JJ, par exemple 2026-09-15';
const DAY_EXISTS = 'cette date n’existe pas dans le calendrier';
/** A day `AAAA-MM-JJ` that exists, between 1900 and 2199; one message each (the path names the field). */
const day = (missing: string) =>
  z.string({ message: missing }).superRefine((s, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: DAY_FORMAT });
    else if (!isoDate.safeParse(s).success) ctx.addIssue({ code: 'custom', message: DAY_EXISTS });
    else if (s < '1900-01-01' || s > '2199-12-31') ctx.addIssue({ code: 'custom', message: 'une année entre 1900 et 2199 ; vérifiez la date' });
  });
const calendarDay = day(DAY_FORMAT);
const months = (what: string, min: number, max: number) =>
  z
    .number({ message: `${what} : un nombre entier de mois` })
    .int({ message: `${what} : un nombre entier de mois, sans décimales` })
    .min(min, { message: `${what} : au moins ${min} mois` })
    .max(max, { message: `${what} : ${max} mois au plus ; vérifiez le nombre` });

const STAGE_FIELDS = ['kind', 'date', 'hearing', 'firstOffer', 'answered', 'delaisGranted', 'graceMonths', 'extensionMonths', 'label'];
const unknownFields = (keys: readonly PropertyKey[], known: string[]) =>
  `${keys.length > 1 ? 'champs inconnus' : 'champ inconnu'} : ${keys.map(String).join(', ')} (champs possibles : ${known.join(', ')})`;

export const evictionStageSchema = z
  .object(
    {
      kind: z.enum(EVICTION_STAGE_KINDS as [EvictionStageKind, ...EvictionStageKind[]], { message: `une étape parmi : ${EVICTION_STAGE_KINDS.join(', ')}` }),
      date: calendarDay,
      hearing: calendarDay.nullable().optional(),
      firstOffer: calendarDay.nullable().optional(),
      answered: z.boolean({ message: 'true ou false (le ménage a-t-il répondu ?)' }).nullable().optional(),
      delaisGranted: z.boolean({ message: 'true ou false (délais de paiement accordés ?)' }).nullable().optional(),
      graceMonths: months('délais de grâce', 1, 120).nullable().optional(),
      extensionMonths: months('prorogation du délai', 0, 120).nullable().optional(),
      label: z.string({ message: 'un texte' }).max(200, { message: '200 caractères au plus' }).nullable().optional(),
    },
    { error: (i) => (i.code === 'unrecognized_keys' ? unknownFields(i.keys, STAGE_FIELDS) : 'une étape { "kind", "date", … }') },
  )
  .strict();

/** The input as the command line and the API take it (French messages; the path names the field). */
export const evictionInputSchema = z
  .object(
    {
      leaseSigned: day(`date de signature du bail : ${DAY_FORMAT}, ou null si elle est inconnue`).nullable(),
      landlord: z.enum(LANDLORD_KINDS as [LandlordKind, ...LandlordKind[]], { message: `le type de bailleur parmi : ${LANDLORD_KINDS.join(', ')}` }),
      rehousingAssured: z.boolean({ message: 'true si le relogement est assuré, sinon false' }),
      stages: z.array(evictionStageSchema, { message: 'une liste d’étapes ([] s’il n’y en a aucune)' }).max(200, { message: '200 étapes au plus' }),
    },
    { error: (i) => (i.code === 'unrecognized_keys' ? unknownFields(i.keys, ['leaseSigned', 'landlord', 'rehousingAssured', 'stages']) : 'un objet { "leaseSigned", "landlord", "rehousingAssured", "stages" }') },
  )
  .strict();
