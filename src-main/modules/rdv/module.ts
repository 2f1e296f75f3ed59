/** Appointments: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { rdvContract } from './contract';
import { rdvHandlers } from './handlers';

export const rdvModule = defineModule({
  name: 'rdv',
  contract: rdvContract,
  handlers: rdvHandlers,
});
