/**
 * Legal parameters (DOMAIN §8): every parameter with its dated entries (the files', and those
 * an administrator added), an entry added from the screen, or a file of entries imported.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { id } from '../../api/schemas';
import { longText } from '../../api/text';
import { PARAMETER_IDS, type ParameterId } from '../../shared/parameters';

export const parameterId = z.enum(PARAMETER_IDS as [ParameterId, ...ParameterId[]], { message: 'Paramètre inconnu : choisissez-en un dans la liste des paramètres légaux.' });

const entryOut = z.object({
  from: z.string(),
  value: z.unknown(),
  source: z.string(),
  /** `fichier`: shipped in `resources/parameters/`; `ajout`: added by an administrator. */
  origin: z.enum(['fichier', 'ajout']),
  addedBy: z.object({ id, displayName: z.string() }).nullable(),
  addedAt: z.string().nullable(),
  /** Replaced by a later-added entry on the same day (kept in history, no longer used). */
  replaced: z.boolean(),
  /** The entry computations use today. */
  inForceToday: z.boolean(),
});

const parameterOut = z.object({
  id: parameterId,
  label: z.string(),
  description: z.string().nullable(),
  /** When it is normally renewed (`MM-DD`), or null when it changes only with the law. */
  renewal: z.string().nullable(),
  entries: z.array(entryOut),
  /** The entry in force today, with its warning when its renewal has passed with no newer entry. */
  current: z.object({ from: z.string(), value: z.unknown(), source: z.string(), warning: z.string().nullable() }).nullable(),
  /** The next day a new value is expected (after the latest entry), or null. */
  nextRenewal: z.string().nullable(),
  /** That day has come and no newer entry is known. */
  overdue: z.boolean(),
  /** Overdue, or expected within the renewal lead time: shown on the admin's home and in « Mes échéances ». */
  toRenew: z.boolean(),
});
export type ParameterOut = z.infer<typeof parameterOut>;

/** Checked by the handler (filled in), with the value and the day, so that every problem shows at once. */
const source = longText(1000, 'Source');

export const parametresContract = {
  'params:list': channel({
    input: z.strictObject({}),
    output: z.object({ today: z.string(), parameters: z.array(parameterOut) }),
    access: ['admin'],
  }),
  'params:addEntry': channel({
    input: z.strictObject({
      id: parameterId,
      /** A real day `AAAA-MM-JJ`, checked by the handler with the value (every problem at once). */
      from: z.string().max(10, { message: 'En vigueur à partir du : date attendue au format AAAA-MM-JJ.' }),
      /** Checked against the parameter's own schema by the handler (every field named). */
      value: z.unknown(),
      source,
    }),
    output: parameterOut,
    access: ['admin'],
  }),
  'params:import': channel({
    input: z.strictObject({ text: z.string().max(2_000_000, { message: 'Fichier trop grand : 2 Mo au plus.' }) }),
    output: z.object({
      added: z.number().int(),
      /** Entries already known as they are (same day, value and source), left aside. */
      known: z.number().int(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
    access: ['admin'],
  }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type ParametresHandlers = HandlersOf<typeof parametresContract>;
