/** Financial aids: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { aidesContract } from './contract';
import { aidesHandlers } from './handlers';

export const aidesModule = defineModule({
  name: 'aides',
  contract: aidesContract,
  handlers: aidesHandlers,
});
