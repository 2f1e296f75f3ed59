/** What the agenda asks of a professional: past appointments whose outcome is not recorded. */
import type { CallContext, Task } from '../../api/app';
import { sessionOf } from '../../api/app';
import { localMinute } from '../../shared/time';
import * as repo from './repo';

export function rdvTasks(ctx: CallContext): Task[] {
  const s = sessionOf(ctx);
  if (!s.roles.includes('ass') && !s.roles.includes('cesf')) return [];
  return repo.unmarked(ctx.app.vault.db, s.userId, localMinute(ctx.now)).map((a) => ({
    module: 'rdv',
    kind: 'outcome',
    due: a.startsAt.slice(0, 10),
    label: `${a.name}, ${a.startsAt.slice(11).replace(':', ' h ')}`,
    href: '#/agenda',
  }));
}
