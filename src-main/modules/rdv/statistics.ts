/** Appointments honoured in a period, by kind and profession (registry `statistics`, DOMAIN §7 report tables 4–5). */
import type { Statistic } from '../../api/app';
import type { Db } from '../../store/database';
import { label } from '../dsu';
import * as repo from './repo';

export function rdvStatistics(db: Db, from: string, to: string): Statistic[] {
  return repo.honouredByKind(db, from, to).map((r) => ({ key: `rdv.honore.${r.role}.${r.kind}`, label: `Rendez-vous honorés — ${r.role.toUpperCase()} — ${label(r.kind)}`, value: r.n }));
}
