/** First contacts of a period by mode, and the *ponctuels* (registry `statistics`, DOMAIN §3, §7). */
import type { Statistic } from '../../api/app';
import type { Db } from '../../store/database';
import { label } from '../dsu';
import * as repo from './repo';

export function intakeStatistics(db: Db, from: string, to: string): Statistic[] {
  const rows = repo.periodCounts(db, from, to);
  return [
    ...rows.map((r) => ({ key: `intake.mode.${r.mode}`, label: `Premiers accueils — ${label(r.mode)}`, value: r.n })),
    { key: 'intake.ponctuels', label: 'Interventions ponctuelles (sans ouverture de dossier)', value: rows.reduce((n, r) => n + r.ponctuels, 0) },
  ];
}
