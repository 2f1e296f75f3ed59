/** The shape of one channel of the contract (see `contract.ts`). */
import type { z } from 'zod';
import type { Role } from '../shared/roles';

/** `public`: no session needed. `authenticated`: any logged-in user. Otherwise: the roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Callable while the session is locked for inactivity (default false). */
  whenLocked?: boolean;
  /** Callable before the one-time password has been changed (default false). */
  beforePasswordChange?: boolean;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>) => spec;

/** A table of channels: one module's slice, or the whole contract (src-main/modules/index.ts). */
export type ContractTable = Record<string, ChannelSpec>;

export interface ApiError {
  code: string;
  message: string;
  field?: string;
  /** Every faulty field of a refused input (path → French sentence), for forms. */
  fields?: Record<string, string>;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Events the main process pushes to a window (`window.passeur.on`). */
export const EVENTS = ['session:locked', 'session:ended', 'data:changed'] as const;

/** Payload of `data:changed`, sent to every open session after a call that changed the store:
 *  only the module whose channel made the change — never what changed, nor for whom. */
export interface DataChanged {
  module: string;
}
export type EventName = (typeof EVENTS)[number];
