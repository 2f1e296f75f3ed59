/** The partners' directory: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { partnersContract } from './contract';
import { partnersHandlers } from './handlers';

export const partnersModule = defineModule({
  name: 'partners',
  contract: partnersContract,
  handlers: partnersHandlers,
});
