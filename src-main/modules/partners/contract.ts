/**
 * The partners' directory (DOMAIN §9): list, record, CSV import.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { FRONT, id } from '../../api/schemas';
import { longText, required, text } from '../../api/text';

const partnerFields = {
  organisation: required(120, 'Organisme'),
  service: text(120, 'Service').default(''),
  category: text(60, 'Catégorie').default(''),
  address: text(200, 'Adresse').default(''),
  postcode: text(10, 'Code postal').default(''),
  city: text(80, 'Ville').default(''),
  phone: text(30, 'Téléphone').default(''),
  email: text(120, 'Courriel').default(''),
  contact: text(120, 'Contact').default(''),
  missions: longText(1000, 'Missions').default(''),
};
export const partnerOut = z.object({
  id,
  organisation: z.string(),
  service: z.string(),
  category: z.string(),
  address: z.string(),
  postcode: z.string(),
  city: z.string(),
  phone: z.string(),
  email: z.string(),
  contact: z.string(),
  missions: z.string(),
  active: z.boolean(),
});
export type PartnerOut = z.infer<typeof partnerOut>;

export const partnersContract = {
  'partners:list': channel({ input: z.object({}), output: z.array(partnerOut), access: [...FRONT, 'admin'] }),
  'partners:save': channel({
    input: z.strictObject({ id: id.optional(), ...partnerFields, active: z.boolean().default(true) }),
    output: partnerOut,
    access: [...FRONT, 'admin'],
  }),
  'partners:import': channel({
    input: z.strictObject({ csv: z.string().max(2_000_000, { message: 'Fichier trop grand : 2 Mo au plus.' }) }),
    output: z.object({ imported: z.number().int(), updated: z.number().int(), errors: z.array(z.object({ line: z.number().int(), message: z.string() })) }),
    access: ['secretaire', 'responsable', 'admin'],
  }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type PartnersHandlers = HandlersOf<typeof partnersContract>;
