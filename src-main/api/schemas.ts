/**
 * Shapes more than one module's contract uses: ids, references to a user, dates, a file,
 * logins, roles, INSEE codes, and the role groups of the front desk and the social workers.
 */
import { z } from 'zod';
import { ROLES } from '../shared/roles';
import { isoDate } from '../shared/calendar-date';
import { oneLine } from './text';

export { isoDate };

/** The role groups (social workers, the social team, the front desk), declared in shared/roles.ts. */
export { FRONT, SOCIAL, WORKERS } from '../shared/roles';

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

/** A French postcode, optional (households, the site's postal block): five digits, or empty. */
export const postcodeSchema = z
  .string()
  .trim()
  .regex(/^(\d{5})?$/, { message: 'Code postal : 5 chiffres (ex. 82000), ou laissez le champ vide.' });

export const displayName = oneLine(z.string().trim().min(2, { message: 'Le nom affiché doit compter au moins 2 caractères.' }).max(120), 'Nom affiché');
export const communeInput = z.strictObject({
  insee: inseeSchema,
  name: oneLine(z.string().trim().min(1, { message: 'Nom de commune manquant.' }).max(100), 'Nom de commune'),
});

/**
 * The output schema of an input field: the same type, none of the input's checks (lengths,
 * control characters, messages) and no default — what is stored is read as it is, so that a
 * tightened input rule never makes an older record unreadable. Strings, numbers, booleans,
 * enums, nullable and defaulted fields; anything else is refused at start-up.
 */
export function readBack<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>> {
  const s = schema as unknown as z.core.$ZodTypes;
  switch (s._zod.def.type) {
    case 'string':
      return z.string() as never;
    case 'number':
      return z.number() as never;
    case 'boolean':
      return z.boolean() as never;
    case 'enum':
      return z.enum((s as z.ZodEnum).options as [string, ...string[]]) as never;
    case 'nullable':
      return readBack((s as z.ZodNullable).unwrap() as unknown as z.ZodType).nullable() as never;
    case 'default':
      return readBack((s as z.ZodDefault).unwrap() as unknown as z.ZodType) as never;
    default:
      throw new Error(`readBack: no read-back schema for a ${s._zod.def.type}`);
  }
}

/** `readBack` for each field of a shape (an object's own fields, as its output shows them). */
export function readBackShape<S extends z.ZodRawShape>(shape: S): { [K in keyof S]: z.ZodType<z.output<S[K]>> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, readBack(v as z.ZodType)])) as never;
}
