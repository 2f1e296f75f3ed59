/** The concertation instance: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { concertationContract } from './contract';
import { concertationHandlers } from './handlers';
import { auditEntities, lastActivity } from './repo';
import { concertationDsuExport, concertationExport } from './export-part';
import { concertationStatistics } from './statistics';
import { concertationTasks } from './tasks';

export const concertationModule = defineModule({
  name: 'concertation',
  contract: concertationContract,
  handlers: concertationHandlers,
  auditEntities,
  lastActivity,
  tasks: concertationTasks,
  personExport: concertationExport,
  dsuExport: concertationDsuExport,
  statistics: concertationStatistics,
});
