/** The Dossier Social Unique: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { dsuContract } from './contract';
import { dsuHandlers } from './handlers';
import { auditEntities, ownActivity } from './repo';
import { dsuTasks } from './tasks';
import { dsuExport, situationDsuExport } from './export-part';
import { dsuStatistics } from './statistics';

export const dsuModule = defineModule({
  name: 'dsu',
  contract: dsuContract,
  handlers: dsuHandlers,
  personRefs: [{ table: 'consents', column: 'person_id', dsuColumn: 'dsu_id' }],
  auditEntities,
  lastActivity: ownActivity,
  tasks: dsuTasks,
  personExport: dsuExport,
  dsuExport: situationDsuExport,
  statistics: dsuStatistics,
});
