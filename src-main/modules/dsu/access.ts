/**
 * Who may hold a DSU (DOMAIN §1): its référent, its active co-intervenants, the site's
 * responsables; another ASS/CESF of the site after stating a reason ("accès exceptionnel",
 * valid for EXCEPTIONAL_ACCESS_HOURS, audited and shown to the référent). Archived files:
 * responsables only, read-only (DOMAIN §3, retention).
 */
import { PasseurError } from '../../shared/errors';
import { hasAny, WORKERS } from '../../shared/roles';
import { sessionOf, type CallContext } from '../../api/app';
import { findUserById } from '../../store/users';
import type { Db } from '../../store/database';
import { getDsu, hasExceptionalAccess, isActiveIntervenant, type DsuRow } from './repo';

export type DsuAccess = 'referent' | 'intervenant' | 'responsable' | 'exceptionnel';

/** An exceptional access lasts as long as the longest session: one working day. */
export const EXCEPTIONAL_ACCESS_HOURS = 12;

export { sessionOf };

export function accessOf(ctx: CallContext, dsu: DsuRow): DsuAccess | null {
  const s = sessionOf(ctx);
  const db = ctx.app.vault.db;
  const responsable = s.roles.includes('responsable');
  if (dsu.status === 'archive') return responsable ? 'responsable' : null;
  if (dsu.referentId === s.userId) return 'referent';
  if (isActiveIntervenant(db, dsu.id, s.userId)) return 'intervenant';
  if (responsable) return 'responsable';
  if (hasExceptionalAccess(db, dsu.id, s.userId, ctx.now.toISOString())) return 'exceptionnel';
  return null;
}

export function dsuOr404(db: Db, id: number): DsuRow {
  const d = getDsu(db, id);
  if (!d) throw new PasseurError('not_found', 'Ce dossier n’existe pas. Recherchez la personne pour retrouver son DSU.');
  return d;
}

export function refuseArchive(dsu: DsuRow): never {
  throw new PasseurError('forbidden', `Le dossier ${dsu.number} est archivé : il n’est consultable que par les responsables, en lecture seule.`);
}

/** The DSU and how the caller holds it; throws when they do not (or may not write). */
export function requireDsu(ctx: CallContext, dsuId: number, mode: 'read' | 'write'): { dsu: DsuRow; access: DsuAccess } {
  const dsu = dsuOr404(ctx.app.vault.db, dsuId);
  const access = accessOf(ctx, dsu);
  if (!access) {
    if (dsu.status === 'archive') refuseArchive(dsu);
    throw new PasseurError(
      'exceptional_access_required',
      `Le dossier ${dsu.number} n’est pas dans vos suivis. Pour l’ouvrir, indiquez le motif de cet accès exceptionnel : il sera tracé et signalé à sa référente ou son référent.`,
    );
  }
  if (mode === 'write' && dsu.status !== 'actif') {
    throw new PasseurError(
      'read_only',
      dsu.status === 'archive'
        ? `Le dossier ${dsu.number} est archivé : il est en lecture seule.`
        : `Le dossier ${dsu.number} est clos : rouvrez-le pour y ajouter quelque chose (son historique est conservé).`,
    );
  }
  return { dsu, access };
}

/** A référent or co-intervenant must be an active ASS or CESF of the site. */
export function requireSocialWorker(db: Db, userId: number, field: string): { id: number; displayName: string } {
  const u = findUserById(db, userId);
  if (!u || u.disabled || !hasAny(u.roles, WORKERS)) {
    throw new PasseurError('invalid_input', 'Choisissez un compte actif d’assistant(e) de service social ou de CESF.', field);
  }
  return { id: u.id, displayName: u.displayName };
}
