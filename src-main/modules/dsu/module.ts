/** The Dossier Social Unique: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { dsuContract } from './contract';
import { dsuHandlers } from './handlers';

export const dsuModule = defineModule({
  name: 'dsu',
  contract: dsuContract,
  handlers: dsuHandlers,
});
