/** Channels `partners:*`: the directory of partner organisations (DOMAIN §9). */
import { PasseurError } from '../../shared/errors';
import type { PartnersHandlers } from './contract';
import { appendAudit } from '../../store/audit';
import { sessionOf } from '../../api/app';
import { readPartners } from './csv';
import * as repo from './repo';

export const partnersHandlers = {
  'partners:list': (ctx) => repo.listPartners(ctx.app.vault.db),

  'partners:save': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { id, ...p } = input;
    if (id !== undefined && !repo.partnerExists(db, id)) throw new PasseurError('not_found', 'Ce partenaire n’existe plus.');
    const same = repo.findSamePartner(db, p.organisation, p.service);
    if (same && same.id !== id) throw new PasseurError('conflict', `« ${p.organisation}${p.service ? ` — ${p.service}` : ''} » est déjà dans l’annuaire.`, 'organisation');
    const saved = db.transaction(() => {
      const pid = repo.savePartner(db, id, p, ctx.now.toISOString());
      appendAudit(db, { userId: sessionOf(ctx).userId, action: id ? 'partner.update' : 'partner.create', entity: 'partner', entityId: pid }, ctx.now);
      return pid;
    })();
    return repo.getPartner(db, saved);
  },

  /** All or nothing: one bad line and nothing is imported; the report names every bad line. */
  'partners:import': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { rows, errors } = readPartners(input.csv);
    if (errors.length) return { imported: 0, updated: 0, errors };
    return db.transaction(() => {
      let imported = 0;
      let updated = 0;
      for (const { partner } of rows) {
        const same = repo.findSamePartner(db, partner.organisation, partner.service);
        repo.savePartner(db, same?.id, { ...partner, active: true }, ctx.now.toISOString());
        if (same) updated++;
        else imported++;
      }
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'partner.import', entity: 'partner', detail: { imported, updated } }, ctx.now);
      return { imported, updated, errors: [] };
    })();
  },
} satisfies { [C in keyof PartnersHandlers as C extends `partners:${string}` ? C : never]: PartnersHandlers[C] };
