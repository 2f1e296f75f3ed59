/** "Mes échéances": this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { tasksContract } from './contract';
import { tasksHandlers } from './handlers';

export const tasksModule = defineModule({
  name: 'tasks',
  contract: tasksContract,
  handlers: tasksHandlers,
});
