/** Team mode: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { teamContract } from './contract';
import { teamHandlers } from './handlers';

export const teamModule = defineModule({
  name: 'team',
  contract: teamContract,
  handlers: teamHandlers,
});
