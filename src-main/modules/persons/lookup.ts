/** Finding a person by id for an operation, with the French refusals when it cannot be used. */
import { PasseurError } from '../../shared/errors';
import type { CallContext } from '../../api/app';
import * as repo from './repo';

export function personOr404(ctx: CallContext, id: number): repo.PersonRow {
  const p = repo.getPerson(ctx.app.vault.db, id);
  if (!p) throw new PasseurError('not_found', 'Cette personne n’existe pas. Recherchez-la à nouveau.');
  if (p.mergedInto !== null) throw new PasseurError('conflict', 'Cette fiche a été fusionnée avec une autre : recherchez la personne à nouveau.');
  return p;
}
