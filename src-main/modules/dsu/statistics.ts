/** The DSU's figures for a period (registry `statistics`, DOMAIN §7 report table 2). */
import type { Statistic } from '../../api/app';
import type { Db } from '../../store/database';
import * as repo from './repo';

export function dsuStatistics(db: Db, from: string, to: string): Statistic[] {
  const c = repo.periodCounts(db, from, to);
  return [
    { key: 'dsu.active', label: 'Dossiers sociaux actifs sur la période', value: c.active },
    { key: 'dsu.opened', label: 'Dossiers sociaux ouverts sur la période', value: c.opened },
  ];
}
