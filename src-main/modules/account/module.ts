/** The site's setup, logging in, locking, the password: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { accountContract } from './contract';
import { authHandlers } from './handlers';

export const accountModule = defineModule({
  name: 'account',
  contract: accountContract,
  handlers: authHandlers,
});
