/** The premier accueil: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { intakeContract } from './contract';
import { intakeHandlers } from './handlers';

export const intakeModule = defineModule({
  name: 'intake',
  contract: intakeContract,
  handlers: intakeHandlers,
});
