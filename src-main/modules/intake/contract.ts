/**
 * The premier accueil (DOMAIN §2): the options of the first-contact form, the record of a
 * first contact (with its appointment or DSU), and the configurable motifs.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { FRONT, SOCIAL, id, userRef } from '../../api/schemas';
import { CONTACT_MODES, OUTCOMES } from '../../api/kinds-accueil';
import { oneLine, required, requiredLong, text } from '../../api/text';
import { appointmentInput, appointmentOut } from '../rdv/contract';
import { dsuRef } from '../persons/contract';

const optionsOut = z.object({
  motifs: z.array(z.object({ code: z.string(), label: z.string() })),
  professionals: z.array(z.object({ id, displayName: z.string(), roles: z.array(z.string()) })),
  communes: z.array(
    z.object({ insee: z.string(), name: z.string(), sector: z.string().nullable(), ass: userRef.nullable(), cesf: userRef.nullable() }),
  ),
});
export type IntakeOptions = z.infer<typeof optionsOut>;

/** A first contact as a social worker reads it in the household's DSU (the front desk never does). */
export const firstContactOut = z.object({
  id,
  at: z.string(),
  mode: z.enum(CONTACT_MODES),
  takenBy: userRef,
  person: z.object({ id, name: z.string() }),
  motifs: z.array(z.string()),
  urgent: z.boolean(),
  urgencyReason: z.string(),
  request: z.string(),
  outcome: z.enum(OUTCOMES),
  partner: z.string().nullable(),
});
export type FirstContactOut = z.infer<typeof firstContactOut>;

/** A person's earlier first contacts as the front desk sees them on her card: when, how, why,
 *  what was done — not the words of the request nor the reason of an urgency (those stay in the DSU). */
export const firstContactBrief = firstContactOut.omit({ request: true, urgencyReason: true, person: true });
export type FirstContactBrief = z.infer<typeof firstContactBrief>;

export const intakeContract = {
  /** The first contacts of a DSU's household: its panel in the DSU (registry `dsuPanels`). */
  'intake:forDsu': channel({ input: z.strictObject({ dsuId: id }), output: z.array(firstContactOut), access: SOCIAL }),
  /** The first contacts about one person, newest first (her card at the front desk). */
  'intake:forPerson': channel({ input: z.strictObject({ personId: id }), output: z.array(firstContactBrief), access: FRONT }),
  'intake:options': channel({ input: z.object({}), output: optionsOut, access: FRONT }),
  'intake:record': channel({
    input: z
      .strictObject({
        personId: id,
        mode: z.enum(CONTACT_MODES),
        motifs: z.array(oneLine(z.string().max(40), 'Motif')).min(1, { message: 'Choisissez au moins un motif.' }).max(10),
        urgent: z.boolean(),
        urgencyReason: text(300, 'Motif d’urgence').default(''),
        request: requiredLong(2000, 'Demande'),
        outcome: z.enum(OUTCOMES),
        partnerId: id.nullable().default(null),
        appointment: appointmentInput.omit({ personId: true }).nullable().default(null),
        referentId: id.nullable().default(null),
      })
      .superRefine((v, ctx) => {
        if (v.urgent && !v.urgencyReason) ctx.addIssue({ code: 'custom', path: ['urgencyReason'], message: 'Urgence : précisez-en la raison.' });
        if (v.outcome === 'orientation' && v.partnerId === null) ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'Orientation : choisissez le partenaire.' });
        if (v.outcome === 'rdv' && v.appointment === null) ctx.addIssue({ code: 'custom', path: ['appointment'], message: 'Rendez-vous : choisissez le professionnel, la date et l’heure.' });
      }),
    output: z.object({ id, appointment: appointmentOut.nullable(), dsu: dsuRef.nullable() }),
    access: FRONT,
  }),

  /** The motifs list (DOMAIN §2: configurable), all of them with their state, for the admin. */
  'intake:motifs': channel({
    input: z.object({}),
    output: z.array(z.object({ code: z.string(), label: z.string(), active: z.boolean(), position: z.number().int() })),
    access: ['admin'],
  }),
  'intake:saveMotif': channel({
    input: z.strictObject({
      code: oneLine(z.string().max(40), 'Code du motif').optional(),
      label: required(60, 'Libellé du motif'),
      active: z.boolean().default(true),
    }),
    output: z.object({ code: z.string(), label: z.string(), active: z.boolean(), position: z.number().int() }),
    access: ['admin'],
  }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type IntakeHandlers = HandlersOf<typeof intakeContract>;
