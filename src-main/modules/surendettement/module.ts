/** Overindebtedness files: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { surendettementContract } from './contract';
import { surendettementHandlers } from './handlers';
import { auditEntities, lastActivity } from './repo';
import { surendettementDsuExport, surendettementExport } from './export-part';
import { surendettementStatistics } from './statistics';
import { surendettementTasks } from './tasks';

export const surendettementModule = defineModule({
  name: 'surendettement',
  contract: surendettementContract,
  handlers: surendettementHandlers,
  auditEntities,
  lastActivity,
  tasks: surendettementTasks,
  personExport: surendettementExport,
  dsuExport: surendettementDsuExport,
  statistics: surendettementStatistics,
});
