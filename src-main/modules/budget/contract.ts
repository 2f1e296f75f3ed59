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
  resources: z.array(z.strictObject({ kind: z.enum(RESOURCE_KINDS), amountCents: monthlyCents, label: z.string().trim().max(80).default('') })).max(60),
  charges: z.array(z.strictObject({ kind: z.enum(CHARGE_KINDS), amountCents: monthlyCents, label: z.string().trim().max(80).default('') })).max(60),
});
export type Budget = z.output<typeof budgetSchema>;

export const EMPTY_BUDGET: Budget = { resources: [], charges: [] };

export function sumOf<K extends string>(lines: readonly { kind: K; amountCents: number }[], kinds?: readonly K[]): number {
  let s = 0;
  for (const l of lines) if (!kinds || kinds.includes(l.kind)) s += l.amountCents;
  return s;
}

/** Totals of a diagnosis: what comes in, what goes out, what is left each month. */
export function budgetTotals(b: Budget): { resourcesCents: number; chargesCents: number; balanceCents: number } {
  const resourcesCents = sumOf(b.resources);
  const chargesCents = sumOf(b.charges);
  return { resourcesCents, chargesCents, balanceCents: resourcesCents - chargesCents };
}
