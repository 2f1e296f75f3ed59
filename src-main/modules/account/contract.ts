/**
 * The site's first setup, logging in and out, locking, the password, and what any logged-in
 * person may know of the site (its communes and sectors).
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { communeInput, displayName, id, loginSchema, roleSchema } from '../../api/schemas';
import { oneLine } from '../../api/text';

const empty = z.object({});
const password = z.string().min(1, { message: 'Saisissez le mot de passe.' }).max(256);

export const sessionOut = z.object({
  user: z.object({ id, login: z.string(), displayName: z.string(), roles: z.array(roleSchema) }),
  site: z.object({ name: z.string(), code: z.string() }),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionOut>;

export const accountContract = {
  'setup:status': channel({
    input: empty,
    output: z.object({ initialized: z.boolean(), open: z.boolean() }),
    access: 'public',
    whenLocked: true,
    beforePasswordChange: true,
  }),
  'setup:init': channel({
    input: z.strictObject({
      siteName: oneLine(z.string().trim().min(2, { message: 'Le nom du site doit compter au moins 2 caractères.' }).max(120), 'Nom du site'),
      siteCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{2,8}$/, { message: 'Code du site invalide : 2 à 8 lettres ou chiffres (il préfixe les numéros de DSU).' }),
      communes: z.array(communeInput).max(1000),
      admin: z.strictObject({ login: loginSchema, displayName, password }),
    }),
    output: z.object({ recoveryCode: z.string() }),
    access: 'public',
  }),

  'auth:session': channel({ input: empty, output: sessionOut.nullable(), access: 'public', whenLocked: true, beforePasswordChange: true }),
  'auth:login': channel({
    input: z.strictObject({ login: loginSchema, password }),
    output: sessionOut,
    access: 'public',
    whenLocked: true,
    beforePasswordChange: true,
  }),
  'auth:logout': channel({ input: empty, output: z.object({}), access: 'authenticated', whenLocked: true, beforePasswordChange: true }),
  'auth:lock': channel({ input: empty, output: z.object({}), access: 'authenticated', whenLocked: true, beforePasswordChange: true }),
  'auth:unlock': channel({ input: z.strictObject({ password }), output: sessionOut, access: 'authenticated', whenLocked: true, beforePasswordChange: true }),
  'auth:changePassword': channel({
    input: z.strictObject({ current: password, next: password }),
    output: sessionOut,
    access: 'authenticated',
    beforePasswordChange: true,
  }),

  /** A forgotten password: the site's recovery code gives the account a one-time password. */
  'auth:recover': channel({
    input: z.strictObject({
      login: loginSchema,
      recoveryCode: z
        .string()
        .max(64)
        .refine((c) => /^[0-9A-Za-z]{25}$/.test(c.replace(/[\s-]/g, '')), { message: 'Code de secours : 25 lettres ou chiffres (5 groupes de 5), tel qu’il est imprimé.' }),
    }),
    output: z.object({ login: z.string(), oneTimePassword: z.string() }),
    access: 'public',
    whenLocked: true,
    beforePasswordChange: true,
  }),

  'site:info': channel({
    input: empty,
    output: z.object({
      name: z.string(),
      code: z.string(),
      communes: z.array(z.object({ insee: z.string(), name: z.string(), sectorId: id.nullable(), sectorName: z.string().nullable() })),
    }),
    access: 'authenticated',
  }),
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type AccountHandlers = HandlersOf<typeof accountContract>;
