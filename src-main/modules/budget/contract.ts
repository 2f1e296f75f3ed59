/**
 * The budget diagnosis (DOMAIN §4.3): monthly resources and charges of a household, in
 * integer cents. Kept with an aid request as it was on that day; the same structure serves
 * the overindebtedness files (DOMAIN §5).
 */
import { z } from 'zod';

import { CHARGE_KINDS, RESOURCE_KINDS } from './kinds';

export { CHARGE_KINDS, RESOURCE_KINDS, type ChargeKind, type ResourceKind } from './kinds';

/** A monthly amount in cents; 10 M€ a month is far beyond any household and catches typos. */
export const monthlyCents = z
  .number({ message: 'Montant attendu en centimes (nombre entier).' })
  .int({ message: 'Montant attendu en centimes (nombre entier).' })
  .min(0, { message: 'Un montant ne peut pas être négatif.' })
  .max(1_000_000_000, { message: 'Montant invraisemblable : vérifiez la saisie (en centimes).' });

export const budgetSchema = z.strictObject({
  resources: z
    .array(
      z.strictObject({
        kind: z.enum(RESOURCE_KINDS),
        /** The monthly amount now (the month of the diagnosis). */
        amountCents: monthlyCents,
        label: z.string().trim().max(80).default(''),
        /**
         * The two months before that one, oldest first (`[M-2, M-1]`), for the tests on a 3-month
         * average (quotient familial). Absent: the line counts the same each of the three months,
         * which is how budgets recorded before this field are read.
         */
        previousMonthsCents: z.tuple([monthlyCents, monthlyCents], { message: 'Mois précédents : deux montants attendus (il y a deux mois, le mois dernier).' }).optional(),
      }),
    )
    .max(60),
  charges: z.array(z.strictObject({ kind: z.enum(CHARGE_KINDS), amountCents: monthlyCents, label: z.string().trim().max(80).default('') })).max(60),
});
export type Budget = z.output<typeof budgetSchema>;

export function sumOf<K extends string>(lines: readonly { kind: K; amountCents: number }[], kinds?: readonly K[]): number {
  let s = 0;
  for (const l of lines) if (!kinds || kinds.includes(l.kind)) s += l.amountCents;
  return s;
}

export type ResourceLine = Budget['resources'][number];

/**
 * The resource lines of each of the last three months, oldest first (`[M-2, M-1, M]`); a line
 * without earlier months repeats its amount. `known` says whether any line gave earlier months.
 */
export function threeMonths(b: Budget): { known: boolean; months: [ResourceLine[], ResourceLine[], ResourceLine[]] } {
  const month = (k: 0 | 1) => b.resources.map((l) => ({ ...l, amountCents: l.previousMonthsCents?.[k] ?? l.amountCents }));
  return { known: b.resources.some((l) => l.previousMonthsCents !== undefined), months: [month(0), month(1), b.resources] };
}
