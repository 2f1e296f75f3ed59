/** Eviction prevention cases: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { expulsionsContract } from './contract';
import { expulsionsHandlers } from './handlers';
import { auditEntities, lastActivity } from './repo';
import { expulsionsStatistics } from './statistics';
import { expulsionsTasks } from './tasks';

export const expulsionsModule = defineModule({
  name: 'expulsions',
  contract: expulsionsContract,
  handlers: expulsionsHandlers,
  auditEntities,
  lastActivity,
  tasks: expulsionsTasks,
  statistics: expulsionsStatistics,
});
