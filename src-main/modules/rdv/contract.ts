/**
 * The appointments' channels (DOMAIN §2, §7): agendas, booking, the first free slot and the
 * outcome of an appointment. The front desk sees the DSU's number only.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { FRONT, SOCIAL, id, isoDate, localDateTime, userRef } from '../../api/schemas';
import { FIELDS, RDV_KINDS, RDV_STATUSES } from '../../api/kinds-accueil';
import { required } from '../../api/text';

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

export const rdvContract = {
  /** The appointments of a DSU's household: its panel in the DSU (registry `dsuPanels`). */
  'rdv:forDsu': channel({ input: z.strictObject({ dsuId: id }), output: z.array(appointmentOut), access: SOCIAL }),
  'rdv:agenda': channel({
    input: z.strictObject({ professionalId: id, from: isoDate, days: z.number().int().min(1).max(31).default(7) }),
    output: z.array(appointmentOut),
    access: FRONT,
  }),
  'rdv:book': channel({ input: appointmentInput, output: appointmentOut, access: FRONT }),
  'rdv:nextFree': channel({
    input: z.strictObject({ professionalId: id, from: localDateTime, durationMin: z.number().int().min(10).max(240) }),
    output: z.object({ startsAt: z.string() }),
    access: FRONT,
  }),
  /**
   * The outcome of an appointment. Honoured, it becomes an entry of the household's DSU
   * journal: `field`, its field of intervention, is then required when the household has a DSU
   * (and only then given).
   */
  'rdv:setStatus': channel({
    input: z.strictObject({
      id,
      status: z.enum(RDV_STATUSES).exclude(['prevu']),
      field: z.enum(FIELDS, { message: 'Choisissez le champ d’intervention parmi ceux du schéma départemental.' }).optional(),
    }),
    output: appointmentOut,
    access: FRONT,
  }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type RdvHandlers = HandlersOf<typeof rdvContract>;
