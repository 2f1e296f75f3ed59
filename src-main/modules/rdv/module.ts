/** Appointments: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { rdvContract } from './contract';
import { rdvHandlers } from './handlers';
import { personActivity } from './repo';
import { rdvTasks } from './tasks';
import { rdvDsuExport, rdvExport } from './export-part';
import { rdvStatistics } from './statistics';

export const rdvModule = defineModule({
  name: 'rdv',
  contract: rdvContract,
  handlers: rdvHandlers,
  personRefs: [{ table: 'appointments', column: 'person_id', purgeWithPonctuel: true }],
  personActivity,
  tasks: rdvTasks,
  personExport: rdvExport,
  dsuExport: rdvDsuExport,
  statistics: rdvStatistics,
});
