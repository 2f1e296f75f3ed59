/**
 * The one contract between the renderer and the main process (ARCHITECTURE "One contract,
 * checked at runtime"). Every channel is declared here once, with its input and output
 * schemas and who may call it. The dispatcher validates and authorizes against this table
 * before any handler runs; nothing is reachable except through it.
 */
import { z } from 'zod';
import { ROLES } from '../shared/roles';

import { channel, type ChannelSpec } from './spec';
import { accueilChannels } from './contract-accueil';
import { aidesChannels } from './contract-aides';
import { oneLine } from './text';

export type { Access, ChannelSpec } from './spec';

// Shared shapes ---------------------------------------------------------------------------

export const roleSchema = z.enum(ROLES);
const nothing = z.strictObject({});
const empty = z.object({});

export const loginSchema = oneLine(z.string().trim(), 'Identifiant')
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, {
    message: 'Identifiant invalide : 2 à 40 caractères, lettres sans accent, chiffres, point, tiret ou souligné.',
  });
const password = z.string().min(1, { message: 'Saisissez le mot de passe.' }).max(256);
const displayName = oneLine(z.string().trim().min(2, { message: 'Le nom affiché doit compter au moins 2 caractères.' }).max(120), 'Nom affiché');
const rolesInput = z.array(roleSchema).min(1, { message: 'Choisissez au moins un rôle.' }).max(ROLES.length);
export const inseeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{5}|2[AB]\d{3})$/, { message: 'Code INSEE invalide : 5 caractères (ex. 82121, ou 2A004 en Corse).' });
const communeInput = z.strictObject({
  insee: inseeSchema,
  name: oneLine(z.string().trim().min(1, { message: 'Nom de commune manquant.' }).max(100), 'Nom de commune'),
});
const id = z.number().int().positive();

const userOut = z.object({
  id,
  login: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

const sessionOut = z.object({
  user: z.object({ id, login: z.string(), displayName: z.string(), roles: z.array(roleSchema) }),
  site: z.object({ name: z.string(), code: z.string() }),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionOut>;

const sectorOut = z.object({
  id,
  name: z.string(),
  referentAss: z.object({ id, displayName: z.string() }).nullable(),
  referentCesf: z.object({ id, displayName: z.string() }).nullable(),
  communes: z.array(z.object({ insee: z.string(), name: z.string() })),
});

const auditRowOut = z.object({
  id,
  at: z.string(),
  user: z.object({ id, displayName: z.string() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** What the id names, for objects the log's readers may see anyway (account, sector, commune). */
  entityLabel: z.string().nullable(),
});

const oneTime = z.object({ user: userOut, oneTimePassword: z.string() });

// The table -------------------------------------------------------------------------------

export const contract = {
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

  'site:info': channel({
    input: empty,
    output: z.object({
      name: z.string(),
      code: z.string(),
      communes: z.array(z.object({ insee: z.string(), name: z.string(), sectorId: id.nullable(), sectorName: z.string().nullable() })),
    }),
    access: 'authenticated',
  }),

  'admin:listUsers': channel({ input: empty, output: z.array(userOut), access: ['admin'] }),
  'admin:createUser': channel({
    input: z.strictObject({ login: loginSchema, displayName, roles: rolesInput }),
    output: oneTime,
    access: ['admin'],
  }),
  'admin:updateUser': channel({
    input: z.strictObject({ userId: id, displayName: displayName.optional(), roles: rolesInput.optional() }),
    output: userOut,
    access: ['admin'],
  }),
  'admin:disableUser': channel({
    input: z.strictObject({ userId: id, rotateKey: z.boolean().default(true) }),
    output: userOut,
    access: ['admin'],
  }),
  'admin:enableUser': channel({ input: z.strictObject({ userId: id }), output: oneTime, access: ['admin'] }),
  'admin:resetPassword': channel({ input: z.strictObject({ userId: id }), output: oneTime, access: ['admin'] }),

  'admin:listSectors': channel({ input: empty, output: z.array(sectorOut), access: ['admin', 'responsable'] }),
  'admin:saveSector': channel({
    input: z.strictObject({
      id: id.optional(),
      name: oneLine(z.string().trim().min(1, { message: 'Donnez un nom au secteur.' }).max(80), 'Nom du secteur'),
      referentAssId: id.nullable(),
      referentCesfId: id.nullable(),
      communes: z.array(inseeSchema).max(1000),
    }),
    output: sectorOut,
    access: ['admin'],
  }),
  'admin:deleteSector': channel({ input: z.strictObject({ id }), output: z.object({}), access: ['admin'] }),
  'admin:addCommune': channel({ input: communeInput, output: z.object({ insee: z.string(), name: z.string() }), access: ['admin'] }),

  'admin:getSettings': channel({ input: empty, output: z.object({ idleLockMinutes: z.number().int() }), access: ['admin'] }),
  'admin:saveSettings': channel({
    input: z.strictObject({
      idleLockMinutes: z
        .number()
        .int()
        .min(1, { message: 'Le verrouillage doit intervenir après 1 minute au moins.' })
        .max(60, { message: 'Le verrouillage doit intervenir après 60 minutes au plus.' }),
    }),
    output: z.object({ idleLockMinutes: z.number().int() }),
    access: ['admin'],
  }),

  'audit:verify': channel({
    input: nothing,
    output: z.object({ ok: z.boolean(), rows: z.number().int(), brokenAt: z.number().int().nullable() }),
    access: ['admin', 'responsable'],
  }),
  'audit:list': channel({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100), beforeId: id.optional() }),
    output: z.array(auditRowOut),
    access: ['admin', 'responsable'],
  }),

  ...accueilChannels,
  ...aidesChannels,
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export interface ApiError {
  code: string;
  message: string;
  field?: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Events the main process pushes to a window (`window.passeur.on`). */
export const EVENTS = ['session:locked', 'session:ended'] as const;
export type EventName = (typeof EVENTS)[number];

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
