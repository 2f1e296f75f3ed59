/** What the DSU asks of its référent, dated: a file reaching the end of retention without contact. */
import type { CallContext, Task } from '../../api/app';
import { sessionOf } from '../../api/app';
import { yearsBefore } from '../../shared/time';
import { withLastContact } from './handlers';
import * as repo from './repo';

export function dsuTasks(ctx: CallContext, today: string, until: string): Task[] {
  const s = sessionOf(ctx);
  if (!s.roles.includes('ass') && !s.roles.includes('cesf')) return [];
  const years = ctx.app.parameters('dsu_retention', today).value.years;
  // A file falls due `years` after its last contact: those whose last contact is before `until − years`.
  const before = yearsBefore(until, years);
  const candidates = repo.activeOfReferent(ctx.app.vault.db, s.userId).filter((d) => d.lastContactOn <= before);
  return withLastContact(ctx, candidates)
    .filter((d) => d.lastContactOn <= before)
    .map((d) => ({ module: 'dsu', kind: 'retention', due: yearsBefore(d.lastContactOn, -years), label: d.number, href: `#/dsu/${d.id}` }));
}
