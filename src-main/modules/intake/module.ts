/** The premier accueil: this module's entry in the registry (src-main/modules/index.ts). */
import { defineModule } from '../../api/app';
import { intakeContract } from './contract';
import { intakeHandlers } from './handlers';
import { auditEntities, personActivity } from './repo';
import { intakeDsuExport, intakeExport } from './export-part';
import { intakeStatistics } from './statistics';

export const intakeModule = defineModule({
  name: 'intake',
  contract: intakeContract,
  handlers: intakeHandlers,
  personRefs: [{ table: 'first_contacts', column: 'person_id', purgeWithPonctuel: true, dsuColumn: 'dsu_id' }],
  personActivity,
  auditEntities,
  personExport: intakeExport,
  dsuExport: intakeDsuExport,
  statistics: intakeStatistics,
});
