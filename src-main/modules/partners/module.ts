/** The partners' directory: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { partnersContract } from './contract';
import { partnersHandlers } from './handlers';
import { auditEntities } from './repo';

export const partnersModule = defineModule({
  name: 'partners',
  contract: partnersContract,
  handlers: partnersHandlers,
  auditEntities,
});
