/**
 * Who reads an evaluation (DOMAIN §10): the responsables, and the ASS/CESF of its team. Anyone
 * else — another ASS, a CESF not assigned — gets the very answer an unknown id gets, so that not
 * even the existence of an evaluation leaks. No exceptional access exists for this content.
 */
import type { CallContext } from '../../api/app';
import { PasseurError } from '../../shared/errors';
import { hasAny, WORKERS } from '../../shared/roles';
import { sessionOf } from './outside';
import * as repo from './repo';

export const NOT_FOUND = 'Cette évaluation est introuvable. Ouvrez la liste « Évaluations IP / IS » pour retrouver celles qui vous sont confiées.';

export function isResponsable(ctx: CallContext): boolean {
  return sessionOf(ctx).roles.includes('responsable');
}

/** The evaluation when the caller may hold it; the same « introuvable » otherwise. */
export function requireEvaluation(ctx: CallContext, id: number): repo.EvaluationRow {
  const s = sessionOf(ctx);
  const db = ctx.app.vault.db;
  const e = repo.getEvaluation(db, id);
  if (!e) throw new PasseurError('not_found', NOT_FOUND);
  if (isResponsable(ctx)) return e;
  if (hasAny(s.roles, WORKERS) && repo.isOnTeam(db, id, s.userId)) return e;
  throw new PasseurError('not_found', NOT_FOUND);
}
