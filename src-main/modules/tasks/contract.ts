/**
 * "Mes échéances" (DOMAIN §7): one list per person of the dated things they must act on,
 * fed by every module through the registry (`tasks`), shown on the home page.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';

const taskOut = z.object({
  module: z.string(),
  kind: z.string(),
  due: z.string(),
  label: z.string(),
  href: z.string(),
  overdue: z.boolean(),
});
export type TaskOut = z.infer<typeof taskOut>;

export const tasksContract = {
  'tasks:mine': channel({
    input: z.strictObject({}),
    output: z.object({ today: z.string(), until: z.string(), noticeDays: z.number().int(), items: z.array(taskOut) }),
    access: 'authenticated',
  }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type TasksHandlers = HandlersOf<typeof tasksContract>;
