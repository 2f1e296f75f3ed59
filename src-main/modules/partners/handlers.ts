/** Channels `partners:*`: the directory of partner organisations (DOMAIN §9). */
import { PasseurError } from '../../shared/errors';
import type { Handler } from '../../api/dispatch';
import type { Channel } from '../../api/contract';
import type { PartnerOut } from '../../api/contract-accueil';
import { appendAudit } from '../../auth/audit';
import type { Db } from '../../store/database';
import { sessionOf } from '../dsu/access';
import { readPartners, type PartnerRecord } from './csv';

const SELECT = 'SELECT id, organisation, service, category, address, postcode, city, phone, email, contact, missions, active FROM partners';
type Row = Omit<PartnerOut, 'active'> & { active: number };
const shape = (r: Row): PartnerOut => ({ ...r, active: r.active === 1 });

function findSame(db: Db, organisation: string, service: string): { id: number } | undefined {
  return db.prepare('SELECT id FROM partners WHERE organisation = ? COLLATE NOCASE AND service = ? COLLATE NOCASE').get(organisation, service) as { id: number } | undefined;
}

function write(db: Db, id: number | undefined, p: PartnerRecord & { active: boolean }, now: string): number {
  const values = [p.organisation, p.service, p.category, p.address, p.postcode, p.city, p.phone, p.email, p.contact, p.missions, p.active ? 1 : 0];
  if (id !== undefined) {
    db.prepare(
      'UPDATE partners SET organisation = ?, service = ?, category = ?, address = ?, postcode = ?, city = ?, phone = ?, email = ?, contact = ?, missions = ?, active = ? WHERE id = ?',
    ).run(...values, id);
    return id;
  }
  return Number(
    db
      .prepare('INSERT INTO partners (organisation, service, category, address, postcode, city, phone, email, contact, missions, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(...values, now).lastInsertRowid,
  );
}

export const partnersHandlers = {
  'partners:list': (ctx) => (ctx.app.vault.db.prepare(`${SELECT} ORDER BY active DESC, organisation COLLATE NOCASE, service COLLATE NOCASE`).all() as Row[]).map(shape),

  'partners:save': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { id, ...p } = input;
    if (id !== undefined && db.prepare('SELECT 1 FROM partners WHERE id = ?').get(id) === undefined) throw new PasseurError('not_found', 'Ce partenaire n’existe plus.');
    const same = findSame(db, p.organisation, p.service);
    if (same && same.id !== id) throw new PasseurError('conflict', `« ${p.organisation}${p.service ? ` — ${p.service}` : ''} » est déjà dans l’annuaire.`, 'organisation');
    const saved = db.transaction(() => {
      const pid = write(db, id, p, ctx.now.toISOString());
      appendAudit(db, { userId: sessionOf(ctx).userId, action: id ? 'partner.update' : 'partner.create', entity: 'partner', entityId: pid }, ctx.now);
      return pid;
    })();
    return shape(db.prepare(`${SELECT} WHERE id = ?`).get(saved) as Row);
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
        const same = findSame(db, partner.organisation, partner.service);
        write(db, same?.id, { ...partner, active: true }, ctx.now.toISOString());
        if (same) updated++;
        else imported++;
      }
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'partner.import', entity: 'partner', detail: { imported, updated } }, ctx.now);
      return { imported, updated, errors: [] };
    })();
  },
} satisfies { [C in Extract<Channel, `partners:${string}`>]: Handler<C> };
