/** Protection evaluations (IP, IS PA/PH): this module's entry in the registry (src-main/modules/index.ts). No DSU part: nothing of it appears in a DSU. */
import { defineModule } from '../../api/app';
import { SOCIAL } from '../../shared/roles';
import { protectionContract } from './contract';
import { protectionHandlers } from './handlers';
import { auditEntities, personActivity } from './repo';
import { protectionExport } from './export-part';
import { protectionStatistics } from './statistics';
import { protectionTasks } from './tasks';

export const protectionModule = defineModule({
  name: 'protection',
  contract: protectionContract,
  handlers: protectionHandlers,
  personRefs: [{ table: 'protection_persons', column: 'person_id' }],
  auditEntities,
  personActivity,
  tasks: protectionTasks,
  personExport: protectionExport,
  statistics: protectionStatistics,
  // The front desk and the admin are not even told that an evaluation changed.
  changesTold: SOCIAL,
});
