/** What aids ask of someone, dated: decisions to take, sessions to hold, adjourned requests to complete. */
import type { CallContext, Task } from '../../api/app';
import { sessionOf } from '../../api/app';
import { frDate } from '../../shared/time';
import * as repo from './tasks/repo';

export function aidesTasks(ctx: CallContext, _today: string, until: string): Task[] {
  const s = sessionOf(ctx);
  const db = ctx.app.vault.db;
  const out: Task[] = [];
  if (s.roles.includes('responsable')) {
    for (const a of repo.waitingForDecision(db)) out.push({ module: 'aides', kind: a.urgent ? 'decideUrgent' : 'decide', due: a.since, label: a.number, href: `#/aides/${a.id}` });
    for (const c of repo.sessionsToHold(db, until)) out.push({ module: 'aides', kind: 'session', due: c.heldOn, label: frDate(c.heldOn), href: '#/commission' });
  }
  if (s.roles.includes('ass') || s.roles.includes('cesf')) {
    for (const a of repo.adjournedOf(db, s.userId)) out.push({ module: 'aides', kind: 'adjourned', due: a.since, label: a.number, href: `#/aides/${a.id}` });
  }
  return out;
}
