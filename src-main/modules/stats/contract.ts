/**
 * The site's activity over a period, gathered from every module (registry `statistics`): the
 * figures the yearly activity report (DOMAIN §7) is built from. Counts only, no person.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { isoDate } from '../../api/schemas';
import { channel, type ChannelSpec } from '../../api/spec';
import { yearsBefore } from '../../shared/time';

export const statsContract = {
  'stats:period': channel({
    input: z
      .strictObject({ from: isoDate, to: isoDate })
      .refine((p) => p.from >= '2000-01-01', { message: 'La période commence en 2000 au plus tôt.', path: ['from'] })
      .refine((p) => p.from <= p.to, { message: 'La période doit commencer avant de finir.', path: ['to'] })
      .refine((p) => yearsBefore(p.to, 5) < p.from, { message: 'Période trop longue : cinq ans au plus.', path: ['to'] }),
    output: z.object({
      from: z.string(),
      to: z.string(),
      modules: z.array(z.object({ module: z.string(), figures: z.array(z.object({ key: z.string(), label: z.string(), value: z.number().int() })) })),
    }),
    access: ['responsable'],
  }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type StatsHandlers = HandlersOf<typeof statsContract>;
