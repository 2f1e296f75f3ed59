/** Persons and households: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { personsContract } from './contract';
import { allPersonsHandlers } from './handlers';

export const personsModule = defineModule({
  name: 'persons',
  contract: personsContract,
  handlers: allPersonsHandlers,
});
