/** Opening a household's DSU inside the caller's transaction (used by `dsu:open` and the premier accueil). */
import type { CallContext } from '../../api/app';
import { appendAudit } from '../../store/audit';
import { localDay } from '../../shared/time';
import { siteRow } from '../admin';
import { requireSocialWorker, sessionOf } from './access';
import * as repo from './repo';

/** Opens the household's DSU, or returns the one it already has (one DSU per household). */
export function openDsuFor(ctx: CallContext, householdId: number, referentId: number): repo.DsuRow {
  const db = ctx.app.vault.db;
  const existing = repo.dsuOfHousehold(db, householdId);
  if (existing) return existing;
  requireSocialWorker(db, referentId, 'referentId');
  const id = repo.insertDsu(db, siteRow(db).code, householdId, referentId, ctx.now, localDay(ctx.now));
  appendAudit(db, { userId: sessionOf(ctx).userId, action: 'dsu.open', entity: 'dsu', entityId: id, detail: { referentId } }, ctx.now);
  return repo.getDsu(db, id)!;
}
