/**
 * "Mes échéances" (DOMAIN §7): for each referral not yet met, « réunir les éléments » (from
 * referral + 24 h to + 72 h) while none is shared, and « tenir l'instance » by referral + 3 days,
 * to the referring professional and to the site's responsables.
 */
import type { CallContext, Task } from '../../api/app';
import { hasAny, SOCIAL } from '../../shared/roles';
import { sessionOf } from './outside';
import { delaysOf } from './rules';
import * as repo from './repo';

export function concertationTasks(ctx: CallContext): Task[] {
  const s = sessionOf(ctx);
  if (!hasAny(s.roles, SOCIAL)) return [];
  const db = ctx.app.vault.db;
  const responsable = s.roles.includes('responsable');
  const open = repo.referralsFollowed(db, s.userId, true, false).filter((r) => r.status === 'saisie' && (responsable || r.referredBy === s.userId));
  const counts = repo.elementCounts(db, open.map((r) => r.id));
  return open.flatMap((r) => {
    const d = delaysOf(r.referredAt, ctx.app.parameters);
    const href = `#/concertation/${r.id}`;
    const label = r.dsuNumber;
    const out: Task[] = [];
    // Both are shown from the referral on: the hub keeps them once due within the notice period or from `showFrom`.
    if ((counts.get(r.id) ?? 0) === 0) out.push({ module: 'concertation', kind: 'rassemblement', due: d.gatherBy, label, href, showFrom: r.referredOn });
    out.push({ module: 'concertation', kind: 'reunion', due: d.meetingBy, label, href, showFrom: r.referredOn });
    return out;
  });
}
