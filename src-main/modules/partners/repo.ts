/** Partner organisations (DOMAIN §9): the only place their SQL lives. */
import type { Db } from '../../store/database';
import type { PartnerOut } from './contract';
import type { PartnerRecord } from './csv';
import { byIntegerId } from '../../store/labels';

const SELECT = 'SELECT id, organisation, service, category, address, postcode, city, phone, email, contact, missions, active FROM partners';
type Row = Omit<PartnerOut, 'active'> & { active: number };
const shape = (r: Row): PartnerOut => ({ ...r, active: r.active === 1 });

/** Active partners first, then by organisation and service (case-insensitive). */
export function listPartners(db: Db): PartnerOut[] {
  return (db.prepare(`${SELECT} ORDER BY active DESC, organisation COLLATE NOCASE, service COLLATE NOCASE`).all() as Row[]).map(shape);
}

export function getPartner(db: Db, id: number): PartnerOut {
  return shape(db.prepare(`${SELECT} WHERE id = ?`).get(id) as Row);
}

export function partnerExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM partners WHERE id = ?').get(id) !== undefined;
}

/** The partner with the same organisation and service, ignoring case. */
export function findSamePartner(db: Db, organisation: string, service: string): { id: number } | undefined {
  return db.prepare('SELECT id FROM partners WHERE organisation = ? COLLATE NOCASE AND service = ? COLLATE NOCASE').get(organisation, service) as { id: number } | undefined;
}

/** Updates partner `id`, or inserts a new one when `id` is undefined; returns its id. */
export function savePartner(db: Db, id: number | undefined, p: PartnerRecord & { active: boolean }, now: string): number {
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

/** Names of this module's entities in the audit log. */
export const auditEntities = { partner: byIntegerId('partners', 'organisation') };
