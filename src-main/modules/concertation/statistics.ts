/** Its figures for the activity report: referrals made, meetings held and decisions taken in the period, per professional. */
import type { Db } from '../../store/database';
import type { Statistic } from '../../api/app';
import { periodCounts } from './repo';

export function concertationStatistics(db: Db, from: string, to: string): Statistic[] {
  const rows = periodCounts(db, from, to);
  const sum = (k: 'referrals' | 'meetings' | 'decisions') => rows.reduce((s, r) => s + r[k], 0);
  return [
    { key: 'concertation.referrals', label: 'Saisines de l’instance de concertation dans la période', value: sum('referrals') },
    { key: 'concertation.meetings', label: 'Réunions de l’instance de concertation tenues dans la période', value: sum('meetings') },
    { key: 'concertation.decisions', label: 'Décisions prises par l’instance de concertation dans la période', value: sum('decisions') },
    ...rows.flatMap((r) => [
      { key: `concertation.referrals.user_${r.id}`, label: `Saisines de l’instance de concertation par ${r.name}`, value: r.referrals },
      { key: `concertation.meetings.user_${r.id}`, label: `Réunions de l’instance de concertation sur saisine de ${r.name}`, value: r.meetings },
      { key: `concertation.decisions.user_${r.id}`, label: `Décisions de l’instance de concertation sur saisine de ${r.name}`, value: r.decisions },
    ]),
  ];
}
