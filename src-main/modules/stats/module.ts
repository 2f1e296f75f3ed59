/** The site's activity figures: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { statsContract } from './contract';
import { statsHandlers } from './handlers';

export const statsModule = defineModule({
  name: 'stats',
  contract: statsContract,
  handlers: statsHandlers,
});
