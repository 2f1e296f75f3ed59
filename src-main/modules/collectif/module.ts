/** Collective actions: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { collectifContract } from './contract';
import { collectifHandlers } from './handlers';
import { collectifExport } from './export-part';
import { auditEntities, personActivity } from './repo';
import { collectifStatistics } from './statistics';
import { collectifTasks } from './tasks';

export const collectifModule = defineModule({
  name: 'collectif',
  contract: collectifContract,
  handlers: collectifHandlers,
  personRefs: [{ table: 'collectif_participants', column: 'person_id', purgeWithPonctuel: true }],
  personActivity,
  auditEntities,
  tasks: collectifTasks,
  personExport: collectifExport,
  statistics: collectifStatistics,
});
