/** Financial aids: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { aidesContract } from './contract';
import { aidesHandlers } from './handlers';
import { auditEntities, lastActivity } from './repo';
import { aidesTasks } from './tasks';
import { aidesDsuExport, aidesExport } from './export-part';
import { aidesStatistics } from './statistics';

export const aidesModule = defineModule({
  name: 'aides',
  contract: aidesContract,
  handlers: aidesHandlers,
  personRefs: [{ table: 'aid_requests', column: 'person_id', dsuColumn: 'dsu_id' }],
  auditEntities,
  lastActivity,
  tasks: aidesTasks,
  personExport: aidesExport,
  dsuExport: aidesDsuExport,
  statistics: aidesStatistics,
});
