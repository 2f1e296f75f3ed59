/**
 * Its figures for the activity report (DOMAIN §7): cases opened and followed in the period, the
 * stage each reached and the outcomes recorded, for the site and per professional.
 */
import type { Db } from '../../store/database';
import type { Statistic } from '../../api/app';
import { EVICTION_STAGE_KINDS, EVICTION_STAGE_LABELS, OUTCOME_LABELS_FR, OUTCOMES } from './kinds';
import { periodCounts } from './repo';

type Counts = ReturnType<typeof periodCounts>[number];

function figures(who: string, suffix: string, value: (f: (p: Counts) => number) => number): Statistic[] {
  return [
    { key: `expulsions.opened${suffix}`, label: `Dossiers de prévention des expulsions ouverts${who}`, value: value((p) => p.opened) },
    { key: `expulsions.open${suffix}`, label: `Dossiers de prévention des expulsions suivis${who}`, value: value((p) => p.open) },
    ...EVICTION_STAGE_KINDS.map((k) => ({ key: `expulsions.stage.${k}${suffix}`, label: `Dossiers d’expulsion à l’étape « ${EVICTION_STAGE_LABELS[k]} »${who}`, value: value((p) => p.stages[k] ?? 0) })),
    ...OUTCOMES.map((o) => ({ key: `expulsions.outcome.${o}${suffix}`, label: `Dossiers d’expulsion clos par ${OUTCOME_LABELS_FR[o]}${who}`, value: value((p) => p.outcomes[o] ?? 0) })),
  ];
}

export function expulsionsStatistics(db: Db, from: string, to: string): Statistic[] {
  const people = periodCounts(db, from, to);
  return [...figures(' dans la période', '', (f) => people.reduce((s, p) => s + f(p), 0)), ...people.flatMap((p) => figures(` par ${p.name}`, `.user_${p.id}`, (f) => f(p)))];
}
