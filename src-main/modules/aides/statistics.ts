/** Aids of a period (registry `statistics`, DOMAIN §7 report table 3): granted per dispositif, count and amount in cents; sent to the commission. */
import type { Statistic } from '../../api/app';
import type { Db } from '../../store/database';
import * as repo from './export/repo';
import { dispositifLabels } from './repo';

export function aidesStatistics(db: Db, from: string, to: string): Statistic[] {
  const labels = dispositifLabels(db);
  const f = repo.periodFigures(db, from, to);
  return [
    ...f.granted.flatMap((g) => [
      { key: `aides.accordees.${g.dispositif}`, label: `Aides accordées — ${labels.get(g.dispositif) ?? g.dispositif}`, value: g.n },
      { key: `aides.montant_centimes.${g.dispositif}`, label: `Montant accordé (centimes) — ${labels.get(g.dispositif) ?? g.dispositif}`, value: g.cents },
    ]),
    { key: 'aides.commission', label: 'Demandes décidées par la commission', value: f.commission },
  ];
}
