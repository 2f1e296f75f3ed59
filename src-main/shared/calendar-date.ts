/** A day written `AAAA-MM-JJ` that exists in the calendar (no 30 February), as a zod schema. */
import { z } from 'zod';

export function calendarDate(formatMessage: string, existMessage: string) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: formatMessage })
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, { message: existMessage });
}

/** For the API and the engine's inputs (whole French sentences). */
export const isoDate = calendarDate('Date attendue au format AAAA-MM-JJ.', 'Cette date n’existe pas dans le calendrier.');
