/**
 * "Mes échéances" for the professionals who lead an action: each session coming up, and the
 * evaluation to write with the participants once the last session planned is past.
 */
import type { CallContext, Task } from '../../api/app';
import { frDate } from '../../shared/time';
import { sessionOf } from './outside';
import * as repo from './repo';

export function collectifTasks(ctx: CallContext, today: string, until: string): Task[] {
  const s = sessionOf(ctx);
  const db = ctx.app.vault.db;
  const sessions = repo.sessionsLedBetween(db, s.userId, today, until).map((x) => ({
    module: 'collectif',
    kind: 'session',
    due: x.date,
    label: `${x.title} (${frDate(x.date)} à ${x.starts})`,
    href: `#/collectif/${x.actionId}`,
  }));
  const evaluations = repo
    .ledOpenActions(db, s.userId)
    .filter((a) => a.lastDay !== null && a.lastDay < today && a.evaluated === 0)
    .map((a) => ({ module: 'collectif', kind: 'evaluation', due: a.lastDay!, label: a.title, href: `#/collectif/${a.id}` }));
  return [...sessions, ...evaluations];
}
