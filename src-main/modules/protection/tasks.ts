/**
 * "Mes échéances": each evaluation whose report is not yet sent, on its due date, for the ASS
 * and CESF of its team and for every responsable — with the days left in its label.
 */
import type { CallContext, Task } from '../../api/app';
import { hasAny, WORKERS } from '../../shared/roles';
import { type KINDS } from './kinds';
import { sessionOf } from './outside';
import { summaryOf } from './view';
import * as repo from './repo';

const SHORT = { ip: 'IP', is: 'IS' } as const satisfies Record<(typeof KINDS)[number], string>;
/** The task's kind (its sentence in the renderer, `tasks.kinds.protection.*`). */
const TASK_KIND = { ip: 'evaluationIp', is: 'evaluationIs' } as const satisfies Record<(typeof KINDS)[number], string>;

export function protectionTasks(ctx: CallContext, _today: string, until: string): Task[] {
  const s = sessionOf(ctx);
  const responsable = s.roles.includes('responsable');
  if (!responsable && !hasAny(s.roles, WORKERS)) return [];
  const db = ctx.app.vault.db;
  const rows = repo.listEvaluations(db, responsable ? null : s.userId, false).filter((r) => r.sentOn === null);
  const ids = rows.map((r) => r.id);
  const persons = repo.personsOfMany(db, ids);
  const team = repo.teamOfMany(db, ids);
  const params = ctx.app.parameters;
  return rows.flatMap((r) => {
    const sum = summaryOf(ctx, r, persons.get(r.id) ?? [], team.get(r.id) ?? [], params);
    if (!sum.due || sum.due.due > until) return [];
    const left = sum.due.daysLeft;
    const when = left > 1 ? `${left} jours restants` : left === 1 ? '1 jour restant' : left === 0 ? 'à rendre aujourd’hui' : `en retard de ${-left} jour${left < -1 ? 's' : ''}`;
    return [{ module: 'protection', kind: TASK_KIND[r.kind], due: sum.due.due, label: `${SHORT[r.kind]} — ${sum.label} (${when})`, href: `#/protection/${r.id}` }];
  });
}
