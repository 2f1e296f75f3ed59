/** Channel `tasks:mine`: every module's tasks for the caller, in one list ordered by date. */
import { addDays, localDay } from '../../shared/time';
import { noticeDays } from '../admin';
import type { TasksHandlers } from './contract';

/** Beyond this many items the list says how to narrow it rather than growing without end. */
const MAX_ITEMS = 200;

export const tasksHandlers = {
  'tasks:mine': (ctx) => {
    const today = localDay(ctx.now);
    const notice = noticeDays(ctx.app.vault.db);
    const until = addDays(today, notice);
    const items = ctx.app.modules
      .flatMap((m) => (m.tasks ? m.tasks(ctx, today, until) : []))
      .filter((t) => t.due <= until || (t.showFrom !== undefined && t.showFrom <= today))
      .sort((a, b) => a.due.localeCompare(b.due) || a.module.localeCompare(b.module) || a.label.localeCompare(b.label))
      .slice(0, MAX_ITEMS)
      .map((t) => ({ ...t, overdue: t.due < today }));
    return { today, until, noticeDays: notice, items };
  },
} satisfies TasksHandlers;
