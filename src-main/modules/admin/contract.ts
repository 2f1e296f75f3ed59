/**
 * Administration: accounts and roles, sectors and communes, settings, the audit log.
 */
import { z } from 'zod';
import type { HandlersOf } from '../../api/app';
import { channel, type ChannelSpec } from '../../api/spec';
import { communeInput, displayName, id, inseeSchema, loginSchema, postcodeSchema, roleSchema } from '../../api/schemas';
import { oneLine, text } from '../../api/text';
import { ROLES } from '../../shared/roles';

const nothing = z.strictObject({});
const empty = z.object({});
const settingsOut = z.object({ idleLockMinutes: z.number().int(), tasksNoticeDays: z.number().int() });
const rolesInput = z.array(roleSchema).min(1, { message: 'Choisissez au moins un rôle.' }).max(ROLES.length);

const userOut = z.object({
  id,
  login: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

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

/** The site's postal block, printed at the head of every letter (DOMAIN §4.4). */
const sitePostal = {
  serviceName: text(120, 'Nom du service'),
  addressLines: z.array(text(120, 'Ligne d’adresse')).max(3, { message: 'Adresse : trois lignes au plus.' }),
  postcode: postcodeSchema,
  city: text(80, 'Ville'),
  phone: text(30, 'Téléphone').regex(/^[\d\s+().-]*$/, { message: 'Téléphone : chiffres, espaces, points, tirets ou + seulement.' }),
};
/** The site's logo at the head of letters: a PNG or JPEG of 500 kB at most, kept in the encrypted store. */
export const LOGO_MAX_BYTES = 512_000;
const logoMime = z.enum(['image/png', 'image/jpeg'], { message: 'Logo : une image PNG ou JPEG.' });
const siteOut = z.object({
  name: z.string(),
  code: z.string(),
  serviceName: z.string(),
  addressLines: z.array(z.string()),
  postcode: z.string(),
  city: z.string(),
  phone: z.string(),
  logo: z.object({ mime: logoMime, contentBase64: z.string() }).nullable(),
});

const backupOut = z.object({ file: z.string(), path: z.string(), bytes: z.number().int(), createdAt: z.string().nullable() });
const backupFile = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.passeur$/, { message: 'Sauvegarde : choisissez un fichier de la liste des sauvegardes (nom en .passeur).' });
const password = z.string().min(1, { message: 'Saisissez le mot de passe.' }).max(256);

export const adminContract = {
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

  'admin:getSettings': channel({ input: empty, output: settingsOut, access: ['admin'] }),
  'admin:saveSettings': channel({
    input: z.strictObject({
      idleLockMinutes: z
        .number()
        .int()
        .min(1, { message: 'Le verrouillage doit intervenir après 1 minute au moins.' })
        .max(60, { message: 'Le verrouillage doit intervenir après 60 minutes au plus.' }),
      /** How many days ahead "Mes échéances" shows what falls due; unchanged when absent. */
      tasksNoticeDays: z
        .number()
        .int({ message: 'Préavis des échéances : un nombre entier de jours.' })
        .min(1, { message: 'Préavis des échéances : 1 jour au moins.' })
        .max(365, { message: 'Préavis des échéances : 365 jours au plus.' })
        .optional(),
    }),
    output: settingsOut,
    access: ['admin'],
  }),

  'admin:getSite': channel({ input: empty, output: siteOut, access: ['admin'] }),
  'admin:saveSite': channel({ input: z.strictObject(sitePostal), output: siteOut, access: ['admin'] }),
  /** Sets the logo printed on letters, or removes it (`logo: null`). */
  'admin:setLogo': channel({
    input: z.strictObject({
      logo: z
        .strictObject({
          mime: logoMime,
          // base64 of 500 kB is about 683,000 characters; the exact size is checked once decoded.
          contentBase64: z.string().min(1, { message: 'Logo : fichier vide, choisissez une image.' }).max(700_000, { message: 'Logo trop volumineux : 500 Ko au plus.' }),
        })
        .nullable(),
    }),
    output: siteOut,
    access: ['admin'],
  }),

  /** Backups (README « Où vivent les données ») : the same writer as `passeur backup`. */
  'admin:listBackups': channel({ input: empty, output: z.object({ folder: z.string(), backups: z.array(backupOut) }), access: ['admin'] }),
  'admin:backup': channel({ input: nothing, output: backupOut, access: ['admin'] }),
  /** The same checks as `passeur restore`; every session ends, the app asks for a login again. */
  'admin:restoreBackup': channel({
    input: z.strictObject({ file: backupFile, login: loginSchema, password }),
    output: z.object({ createdAt: z.string(), kept: z.string().nullable(), keptVerified: z.boolean(), keptNote: z.string().nullable() }),
    access: ['admin'],
  }),
  /** A new recovery code for the site, shown once; the former one stops working. */
  'admin:renewRecoveryCode': channel({ input: nothing, output: z.object({ recoveryCode: z.string() }), access: ['admin'] }),

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
} as const satisfies Record<string, ChannelSpec>;

/** This module's handlers, typed by its channels. */
export type AdminHandlers = HandlersOf<typeof adminContract>;
