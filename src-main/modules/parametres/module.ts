/** Legal parameters (DOMAIN §8): this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { parametresContract } from './contract';
import { auditEntities, parametresHandlers, parameterTasks } from './handlers';

export const parametresModule = defineModule({
  name: 'parametres',
  contract: parametresContract,
  handlers: parametresHandlers,
  auditEntities,
  tasks: parameterTasks,
});
