/**
 * "Mes échéances": the computed dates of the cases the caller follows, each opening its case,
 * and the coming CCAPEX sessions they are on (the note sociale to prepare).
 */
import type { CallContext, Task } from '../../api/app';
import { hasAny, WORKERS } from '../../shared/roles';
import { datesOf, ruleInput } from './computations';
import { sessionOf } from './outside';
import * as repo from './repo';

/**
 * Upcoming dates up to `until`, each a task of its kind (i18n `tasks.expulsions.<kind>`). Past
 * dates are history, except a hearing held with no judgment recorded since: that stays, overdue,
 * until the judgment (or the end of the case) is recorded.
 */
export function expulsionsTasks(ctx: CallContext, today: string, until: string): Task[] {
  const s = sessionOf(ctx);
  if (!hasAny(s.roles, WORKERS)) return [];
  const db = ctx.app.vault.db;
  const cases = repo.casesFollowed(db, s.userId, false, false);
  const stages = repo.stagesOfCases(db, cases.map((c) => c.id));
  return cases.flatMap((c) => {
    const recorded = stages.get(c.id) ?? [];
    const dates = datesOf(ctx, ruleInput({ leaseSigned: c.leaseSigned, landlordKind: c.landlordKind, rehousingAssured: c.rehousingAssured === 1 }, recorded)).dates;
    const judged = (hearing: string) => recorded.some((s) => (s.kind === 'jugement' || s.kind === 'issue' || s.kind === 'expulsion') && s.day >= hearing);
    return [
      ...dates
        .filter((d) => d.due >= today && d.due <= until)
        .map((d) => ({ module: 'expulsions', kind: d.kind, due: d.due, label: repo.householdName(c), href: `#/expulsions/${c.id}` })),
      ...dates
        .filter((d) => d.kind === 'audience' && d.due < today && !judged(d.due))
        .map((d) => ({ module: 'expulsions', kind: 'jugement_attendu', due: d.due, label: repo.householdName(c), href: `#/expulsions/${c.id}/procedure` })),
      ...repo
        .sessionsOfCase(db, c.id)
        .filter((a) => a.heldOn >= today && a.heldOn <= until)
        .map((a) => ({ module: 'expulsions', kind: a.noteGeneratedAt ? 'ccapex_seance' : 'ccapex_note', due: a.heldOn, label: repo.householdName(c), href: `#/expulsions/${c.id}/ccapex` })),
    ];
  });
}
