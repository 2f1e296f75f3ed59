/** Administration: accounts, sectors, settings, the audit log: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { adminContract } from './contract';
import { adminHandlers } from './handlers';
import { auditEntities } from './repo';

export const adminModule = defineModule({
  name: 'admin',
  contract: adminContract,
  handlers: adminHandlers,
  auditEntities,
});
