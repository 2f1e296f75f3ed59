/** Its figures for the activity report (DOMAIN §7, table 6): files opened, and open, in the period, per professional. */
import type { Db } from '../../store/database';
import type { Statistic } from '../../api/app';
import { periodCounts } from './repo';

export function surendettementStatistics(db: Db, from: string, to: string): Statistic[] {
  const c = periodCounts(db, from, to);
  return [
    { key: 'surendettement.opened', label: 'Dossiers de surendettement ouverts dans la période', value: c.opened },
    { key: 'surendettement.open', label: 'Dossiers de surendettement suivis dans la période', value: c.open },
    ...c.byReferent.flatMap((r) => [
      { key: `surendettement.opened.user_${r.id}`, label: `Dossiers de surendettement ouverts par ${r.name}`, value: r.opened },
      { key: `surendettement.open.user_${r.id}`, label: `Dossiers de surendettement suivis par ${r.name}`, value: r.open },
    ]),
  ];
}
