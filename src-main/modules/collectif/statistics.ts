/** Its figures for the activity report (DOMAIN §7, table 9): actions, sessions, participants, attendance; per year and per leading professional. */
import type { Db } from '../../store/database';
import type { Statistic } from '../../api/app';
import { allLeads, periodPresentPersons, periodSessions } from './repo';
import { table9 } from './rules';

export function collectifStatistics(db: Db, from: string, to: string): Statistic[] {
  return table9(periodSessions(db, from, to), periodPresentPersons(db, from, to), allLeads(db));
}
