/**
 * Channels `aid:*`, `commission:*`, `envelope:*`, `reglement:*` (DOMAIN §4), gathered from
 * their files: `requests.ts` (and `decisions.ts`, the workflow written), `commission.ts`,
 * `envelopes.ts`, `reglements.ts`. What they share is in `context.ts`; the pure computations
 * in `views.ts`, `projection.ts`, `checks.ts`; the SQL in `repo*.ts`; what comes from other
 * modules in `outside.ts`. A request lives in a DSU: reading or writing it needs the same
 * access as the DSU (référent, co-intervenant, responsable, exceptional access). Every change
 * writes its audit row and its event in the same transaction.
 */
import type { AidesHandlers } from './contract';
import { commissionHandlers } from './commission';
import { envelopeHandlers } from './envelopes';
import { reglementHandlers } from './reglements';
import { requestHandlers } from './requests';

export { aidView, demandeOf, reglementAt } from './context';
export { replay } from './reglements';

export const aidesHandlers = {
  ...requestHandlers,
  ...commissionHandlers,
  ...envelopeHandlers,
  ...reglementHandlers,
} satisfies { [C in keyof AidesHandlers as C extends `aid:${string}` | `commission:${string}` | `envelope:${string}` | `reglement:${string}` ? C : never]: AidesHandlers[C] };
