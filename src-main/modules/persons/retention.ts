/**
 * Channels `persons:retention` and `persons:purge`: a person who never had a DSU (*ponctuel*,
 * DOMAIN §3) falls under the same retention as a file, 2 years from the last contact; the
 * responsable reviews the list and deletes them, explicitly, never silently.
 */
import { PasseurError } from '../../shared/errors';
import type { CallContext } from '../../api/app';
import { sessionOf } from '../../api/app';
import { appendAudit } from '../../store/audit';
import { localDay, yearsBefore } from '../../shared/time';
import type { PersonsHandlers } from './contract';
import { shortName } from './repo';
import * as repo from './retention/repo';
import { forgetAnswers } from '../../team/repo';

function retention(ctx: CallContext) {
  const db = ctx.app.vault.db;
  const rule = ctx.app.parameters('dsu_retention', localDay(ctx.now));
  const limitDate = yearsBefore(localDay(ctx.now), rule.value.years);
  const candidates = repo.ponctuelCandidates(db, limitDate);
  const ids = candidates.map((c) => c.id);
  const latest = new Map(candidates.map((c) => [c.id, c.createdOn]));
  const sources = [repo.ownActivity, ...ctx.app.modules.flatMap((m) => (m.personActivity ? [m.personActivity] : []))];
  if (ids.length) {
    for (const activity of sources) for (const [id, day] of activity(db, ids)) if ((latest.get(id) ?? '') < day) latest.set(id, day);
  }
  const rows = candidates
    .filter((c) => latest.get(c.id)! < limitDate)
    .map((c) => ({ id: c.id, name: shortName(c), createdOn: c.createdOn, lastContactOn: latest.get(c.id)!, householdId: c.householdId }));
  return { limitDate, source: rule.source, rows };
}

export const retentionHandlers = {
  'persons:retention': (ctx) => {
    const { limitDate, source, rows } = retention(ctx);
    return { limitDate, source, rows: rows.map(({ householdId: _h, ...r }) => r) };
  },

  'persons:purge': (ctx, input) => {
    const db = ctx.app.vault.db;
    const done = db.transaction(() => {
      const { rows, limitDate } = retention(ctx);
      const due = new Map(rows.map((r) => [r.id, r]));
      const early = input.ids.filter((id) => !due.has(id));
      if (early.length) {
        throw new PasseurError(
          'conflict',
          `Rien n’a été supprimé : ${early.length > 1 ? `${early.length} personnes de la sélection ne sont plus concernées` : '1 personne de la sélection n’est plus concernée'} (un dossier ouvert, un contact depuis le ${limitDate.split('-').reverse().join('/')}, ou déjà supprimée). Rechargez la liste.`,
        );
      }
      const refs = ctx.app.modules.flatMap((m) => m.personRefs ?? []);
      const groups = [...new Set(input.ids)].map((id) => ({ id, ids: repo.withAbsorbed(db, id), householdId: due.get(id)!.householdId }));
      for (const g of groups) {
        for (const ref of refs) {
          if (!ref.purgeWithPonctuel && repo.countReferencing(db, ref, g.ids) > 0) {
            throw new PasseurError('conflict', 'Rien n’a été supprimé : une personne de la sélection a des éléments d’un dossier (aide, consentement…). Ouvrez sa fiche pour vérifier.');
          }
        }
      }
      for (const g of groups) {
        for (const ref of refs) if (ref.purgeWithPonctuel) repo.deleteReferencing(db, ref, g.ids);
        repo.deletePersons(db, g.ids, g.householdId);
        appendAudit(db, { userId: sessionOf(ctx).userId, action: 'person.purge', entity: 'person', entityId: g.id, detail: { records: g.ids.length } }, ctx.now);
      }
      // The host's kept answers to workstations may name them (src-main/team/repo.ts).
      forgetAnswers(db);
      return { purged: groups.length };
    })();
    ctx.app.erased();
    return done;
  },
} satisfies Pick<PersonsHandlers, 'persons:retention' | 'persons:purge'>;
