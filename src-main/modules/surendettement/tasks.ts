/** "Mes échéances": the deadlines of the files the caller follows, each opening its file. */
import type { CallContext, Task } from '../../api/app';
import { hasAny, WORKERS } from '../../shared/roles';
import { deadlinesOf } from './computations';
import { sessionOf } from './outside';
import * as repo from './repo';

/**
 * Upcoming deadlines up to `until`; past ones only when they call for an act still missing (a
 * recevabilité decision expected and not recorded). An appeal window that closed is history.
 */
export function surendettementTasks(ctx: CallContext, today: string, until: string): Task[] {
  const s = sessionOf(ctx);
  if (!hasAny(s.roles, WORKERS)) return [];
  const db = ctx.app.vault.db;
  const files = repo.filesFollowed(db, s.userId, false, false);
  const stages = repo.stagesOfFiles(db, files.map((f) => f.id));
  return files.flatMap((f) =>
    deadlinesOf(ctx, stages.get(f.id) ?? [])
      .deadlines.filter((d) => d.due <= until && (d.due >= today || d.kind === 'recevabilite_attendue'))
      .map((d) => ({
        module: 'surendettement',
        kind: d.kind === 'recevabilite_attendue' ? 'recevabilite' : d.kind === 'recours_recevabilite' ? 'recours' : d.kind === 'contestation_mesures' ? 'contestation' : d.kind === 'fin_plan' ? 'finPlan' : 'audience',
        due: d.due,
        label: repo.householdName(f),
        href: `#/surendettement/${f.id}`,
      })),
  );
}
