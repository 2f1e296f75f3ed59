/**
 * The appointments' channels (DOMAIN §2, §7): agendas, booking, the first free slot and the
 * outcome of an appointment. The front desk sees the DSU's number only.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { FRONT, SOCIAL, fileOut, id, inseeSchema, isoDate, localDateTime, userRef } from '../../api/schemas';
import { FIELDS, RDV_KINDS, RDV_STATUSES } from '../../api/kinds-accueil';
import { required, text } from '../../api/text';
import { CANCEL_REASONS } from './kinds';

export const appointmentOut = z.object({
  id,
  professional: userRef,
  person: z.object({ id, name: z.string() }),
  householdId: id.nullable(),
  /** The household's DSU reference (number only: what the front desk may know). */
  dsu: z.object({ id, number: z.string() }).nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  kind: z.enum(RDV_KINDS),
  place: z.string(),
  status: z.enum(RDV_STATUSES),
  /** Cancelled: why (a reason of the list, and a short precision that is not social content). */
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  cancelNote: z.string(),
});
export type AppointmentOut = z.infer<typeof appointmentOut>;

export const appointmentInput = z.strictObject({
  professionalId: id,
  personId: id,
  startsAt: localDateTime,
  durationMin: z.number().int().min(10, { message: 'Durée : 10 minutes au moins.' }).max(240, { message: 'Durée : 4 heures au plus.' }),
  kind: z.enum(RDV_KINDS),
  place: required(120, 'Lieu'),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Heure attendue au format HH:MM (ex. 08:30).' });
const range = z.strictObject({ from: hhmm, to: hhmm });
/** The site's opening hours (DOMAIN §7): a week from Monday, each day's open ranges, and its closed days. */
export const hoursSchema = z.strictObject({
  week: z.array(z.array(range).max(4, { message: 'Quatre plages par jour au plus.' })).length(7, { message: 'Les horaires donnent les sept jours de la semaine, du lundi au dimanche.' }),
  closed: z
    .array(z.strictObject({ day: isoDate, label: text(80, 'Motif de fermeture') }))
    .max(366, { message: 'Une année de jours fermés au plus : retirez les jours passés.' }),
});
/** A permanence (DOMAIN §7): a place outside the MDS, held by a professional on a weekly or fortnightly timetable. */
export const permanenceInput = z.strictObject({
  id: id.optional(),
  place: required(120, 'Lieu de la permanence'),
  address: text(200, 'Adresse'),
  communeInsee: inseeSchema,
  professionalId: id,
  weekday: z.number().int().min(1, { message: 'Jour de la semaine : de 1 (lundi) à 7 (dimanche).' }).max(7, { message: 'Jour de la semaine : de 1 (lundi) à 7 (dimanche).' }),
  startsAt: hhmm,
  endsAt: hhmm,
  everyWeeks: z.union([z.literal(1), z.literal(2)], { message: 'Fréquence : chaque semaine (1) ou une semaine sur deux (2).' }),
  firstDay: isoDate,
  lastDay: isoDate.nullable().default(null),
});
export const permanenceOut = z.object({
  id,
  place: z.string(),
  address: z.string(),
  communeInsee: z.string(),
  communeName: z.string(),
  professional: userRef,
  weekday: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  everyWeeks: z.number().int(),
  firstDay: z.string(),
  lastDay: z.string().nullable(),
});
export type PermanenceOut = z.infer<typeof permanenceOut>;
/** A day a permanence is held, in the grid. */
export const permanenceDay = z.object({ id, professionalId: id, day: z.string(), startsAt: z.string(), endsAt: z.string(), place: z.string(), address: z.string(), communeName: z.string() });

const durationMin = z.number().int().min(10, { message: 'Durée : 10 minutes au moins.' }).max(240, { message: 'Durée : 4 heures au plus.' });
export const reminderRow = z.object({ id, startsAt: z.string(), endsAt: z.string(), name: z.string(), phone: z.string(), professional: z.string(), place: z.string(), kind: z.enum(RDV_KINDS) });

export const rdvContract = {
  /** The appointments of a DSU's household: its panel in the DSU (registry `dsuPanels`). */
  'rdv:forDsu': channel({ input: z.strictObject({ dsuId: id }), output: z.array(appointmentOut), access: SOCIAL }),
  'rdv:agenda': channel({
    input: z.strictObject({ professionalId: id, from: isoDate, days: z.number().int().min(1).max(31).default(7) }),
    output: z.array(appointmentOut),
    access: FRONT,
  }),
  'rdv:book': channel({ input: appointmentInput, output: appointmentOut, access: FRONT }),
  /** The time grid: the agendas of one or several professionals (side by side) over one to seven days, with the site's hours. */
  'rdv:grid': channel({
    input: z.strictObject({
      professionalIds: z.array(id).min(1, { message: 'Choisissez au moins un professionnel.' }).max(8, { message: 'Huit agendas côte à côte au plus.' }),
      from: isoDate,
      days: z.number().int().min(1).max(7).default(1),
    }),
    output: z.object({ appointments: z.array(appointmentOut), hours: hoursSchema, permanences: z.array(permanenceDay) }),
    access: FRONT,
  }),
  /** Another time, length, place or professional for a planned appointment, under the booking's conflict rule. */
  'rdv:move': channel({
    input: z.strictObject({ id, professionalId: id, startsAt: localDateTime, durationMin, place: required(120, 'Lieu') }),
    output: appointmentOut,
    access: FRONT,
  }),
  'rdv:cancel': channel({
    input: z.strictObject({
      id,
      reason: z.enum(CANCEL_REASONS, { message: 'Choisissez le motif d’annulation dans la liste.' }),
      note: text(200, 'Précision'),
    }),
    output: appointmentOut,
    access: FRONT,
  }),
  /** The convocation letter (PDF): the site's postal block, the person's address, where, when, what to bring. */
  'rdv:convocation': channel({
    input: z.strictObject({ id, bring: z.array(required(120, 'Pièce à apporter')).max(12, { message: 'Douze pièces à apporter au plus.' }).default([]) }),
    output: fileOut,
    access: FRONT,
  }),
  /** The planned appointments of a day, with the phone to call or text for a reminder. */
  'rdv:reminders': channel({ input: z.strictObject({ day: isoDate }), output: z.array(reminderRow), access: FRONT }),
  'rdv:remindersFile': channel({ input: z.strictObject({ day: isoDate, format: z.enum(['pdf', 'csv']) }), output: fileOut, access: FRONT }),
  'rdv:hours': channel({ input: z.strictObject({}), output: hoursSchema, access: [...FRONT, 'admin'] }),
  'rdv:saveHours': channel({ input: hoursSchema, output: hoursSchema, access: ['admin'] }),
  /** The permanences, with what their form offers: the social workers and the site's communes. */
  'rdv:permanences': channel({
    input: z.strictObject({}),
    output: z.object({ items: z.array(permanenceOut), professionals: z.array(userRef), communes: z.array(z.object({ insee: z.string(), name: z.string() })) }),
    access: ['admin'],
  }),
  'rdv:savePermanence': channel({ input: permanenceInput, output: permanenceOut, access: ['admin'] }),
  'rdv:nextFree': channel({
    input: z.strictObject({ professionalId: id, from: localDateTime, durationMin: z.number().int().min(10).max(240) }),
    output: z.object({ startsAt: z.string() }),
    access: FRONT,
  }),
  /**
   * The outcome of an appointment (a cancellation goes by `rdv:cancel`, with its reason). Honoured, it becomes an entry of the household's DSU
   * journal: `field`, its field of intervention, is then required when the household has a DSU
   * (and only then given).
   */
  'rdv:setStatus': channel({
    input: z.strictObject({
      id,
      status: z.enum(RDV_STATUSES).exclude(['prevu', 'annule'], { message: 'Indiquez « honoré » ou « absent » ; une annulation se fait avec son motif.' }),
      field: z.enum(FIELDS, { message: 'Choisissez le champ d’intervention parmi ceux du schéma départemental.' }).optional(),
    }),
    output: appointmentOut,
    access: SOCIAL,
  }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type RdvHandlers = HandlersOf<typeof rdvContract>;
