/** Eviction prevention cases: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { expulsionsContract } from './contract';
import { ccapexHandlers } from './ccapex';
import { expulsionsHandlers } from './handlers';
import { auditEntities, lastActivity } from './repo';
import { expulsionsStatistics } from './statistics';
import { expulsionsTasks } from './tasks';

export const expulsionsModule = defineModule({
  name: 'expulsions',
  contract: expulsionsContract,
  handlers: { ...expulsionsHandlers, ...ccapexHandlers },
  auditEntities,
  lastActivity,
  tasks: expulsionsTasks,
  statistics: expulsionsStatistics,
});
