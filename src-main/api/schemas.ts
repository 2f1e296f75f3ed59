/**
 * Shapes more than one module's contract uses: ids, references to a user, dates, a file,
 * logins, roles, INSEE codes, and the role groups of the front desk and the social workers.
 */
import { z } from 'zod';
import { ROLES } from '../shared/roles';
import { isoDate } from '../shared/calendar-date';
import { oneLine } from './text';

export { isoDate };

/** Social workers and their responsables: the roles that read social content (DOMAIN §1). */
export const SOCIAL = ['ass', 'cesf', 'responsable'] as const;
/** Everyone at the front desk or in the social team (the admin excepted). */
export const FRONT = ['secretaire', 'ass', 'cesf', 'responsable'] as const;

export const id = z.number().int().positive();
export const userRef = z.object({ id, displayName: z.string() });
export const fileOut = z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string() });
export const roleSchema = z.enum(ROLES);

/** A local date and time on the site's clock, to the minute: `2026-11-23T09:30`. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Date et heure attendues au format AAAA-MM-JJTHH:MM.' })
  .refine((s) => {
    const d = new Date(`${s}:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === s;
  }, { message: 'Cette date ou cette heure n’existe pas.' });

export const loginSchema = oneLine(z.string().trim(), 'Identifiant')
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, {
    message: 'Identifiant invalide : 2 à 40 caractères, lettres sans accent, chiffres, point, tiret ou souligné.',
  });
export const inseeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{5}|2[AB]\d{3})$/, { message: 'Code INSEE invalide : 5 caractères (ex. 82121, ou 2A004 en Corse).' });

export const displayName = oneLine(z.string().trim().min(2, { message: 'Le nom affiché doit compter au moins 2 caractères.' }).max(120), 'Nom affiché');
export const communeInput = z.strictObject({
  insee: inseeSchema,
  name: oneLine(z.string().trim().min(1, { message: 'Nom de commune manquant.' }).max(100), 'Nom de commune'),
});
