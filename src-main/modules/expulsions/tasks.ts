/**
 * "Mes échéances": the computed dates of the cases the caller follows, each opening its case,
 * and the coming CCAPEX sessions they are on (the note sociale to prepare).
 */
import type { CallContext, Task } from '../../api/app';
import { hasAny, WORKERS } from '../../shared/roles';
import { datesOf, ruleInput } from './computations';
import { sessionOf } from './outside';
import * as repo from './repo';

/** Upcoming dates up to `until`, each a task of its kind (i18n `tasks.expulsions.<kind>`); past ones are history. */
export function expulsionsTasks(ctx: CallContext, today: string, until: string): Task[] {
  const s = sessionOf(ctx);
  if (!hasAny(s.roles, WORKERS)) return [];
  const db = ctx.app.vault.db;
  const cases = repo.casesFollowed(db, s.userId, false, false);
  const stages = repo.stagesOfCases(db, cases.map((c) => c.id));
  return cases.flatMap((c) => [
    ...datesOf(ctx, ruleInput({ leaseSigned: c.leaseSigned, landlordKind: c.landlordKind, rehousingAssured: c.rehousingAssured === 1 }, stages.get(c.id) ?? []))
      .dates.filter((d) => d.due >= today && d.due <= until)
      .map((d) => ({ module: 'expulsions', kind: d.kind, due: d.due, label: repo.householdName(c), href: `#/expulsions/${c.id}` })),
    ...repo
      .sessionsOfCase(db, c.id)
      .filter((a) => a.heldOn >= today && a.heldOn <= until)
      .map((a) => ({ module: 'expulsions', kind: a.noteGeneratedAt ? 'ccapex_seance' : 'ccapex_note', due: a.heldOn, label: repo.householdName(c), href: `#/expulsions/${c.id}/ccapex` })),
  ]);
}
