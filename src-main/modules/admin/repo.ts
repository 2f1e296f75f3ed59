/** Site, territory, sectors and settings: the only place their SQL lives. */
import { byIntegerId, labelsOf } from '../../store/labels';
import type { Db } from '../../store/database';
import { DEFAULT_IDLE_MINUTES } from '../../api/app';

export interface SectorRow {
  id: number;
  name: string;
  referentAss: { id: number; displayName: string } | null;
  referentCesf: { id: number; displayName: string } | null;
  communes: { insee: string; name: string }[];
}

export function siteRow(db: Db): { name: string; code: string } {
  return db.prepare('SELECT name, code FROM site WHERE id = 1').get() as { name: string; code: string };
}

export function listCommunes(db: Db) {
  return db
    .prepare(
      `SELECT c.insee, c.name, c.sector_id AS sectorId, s.name AS sectorName
       FROM communes c LEFT JOIN sectors s ON s.id = c.sector_id ORDER BY c.name COLLATE NOCASE`,
    )
    .all() as { insee: string; name: string; sectorId: number | null; sectorName: string | null }[];
}

export function listSectors(db: Db): SectorRow[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.name, a.id AS assId, a.display_name AS assName, c.id AS cesfId, c.display_name AS cesfName
       FROM sectors s LEFT JOIN users a ON a.id = s.referent_ass_id LEFT JOIN users c ON c.id = s.referent_cesf_id
       ORDER BY s.name COLLATE NOCASE`,
    )
    .all() as { id: number; name: string; assId: number | null; assName: string | null; cesfId: number | null; cesfName: string | null }[];
  const communes = db.prepare('SELECT insee, name, sector_id AS sectorId FROM communes WHERE sector_id IS NOT NULL ORDER BY name COLLATE NOCASE').all() as {
    insee: string;
    name: string;
    sectorId: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    referentAss: r.assId !== null ? { id: r.assId, displayName: r.assName ?? '' } : null,
    referentCesf: r.cesfId !== null ? { id: r.cesfId, displayName: r.cesfName ?? '' } : null,
    communes: communes.filter((c) => c.sectorId === r.id).map(({ insee, name }) => ({ insee, name })),
  }));
}

export function findSectorByName(db: Db, name: string): { id: number } | undefined {
  return db.prepare('SELECT id FROM sectors WHERE name = ? COLLATE NOCASE').get(name) as { id: number } | undefined;
}

export function sectorExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM sectors WHERE id = ?').get(id) !== undefined;
}

export function upsertSector(db: Db, s: { id?: number; name: string; referentAssId: number | null; referentCesfId: number | null }): number {
  if (s.id) {
    db.prepare('UPDATE sectors SET name = ?, referent_ass_id = ?, referent_cesf_id = ? WHERE id = ?').run(s.name, s.referentAssId, s.referentCesfId, s.id);
    return s.id;
  }
  return Number(db.prepare('INSERT INTO sectors (name, referent_ass_id, referent_cesf_id) VALUES (?, ?, ?)').run(s.name, s.referentAssId, s.referentCesfId).lastInsertRowid);
}

export function assignCommunes(db: Db, sectorId: number, insee: string[]): void {
  db.prepare('UPDATE communes SET sector_id = NULL WHERE sector_id = ?').run(sectorId);
  const upd = db.prepare('UPDATE communes SET sector_id = ? WHERE insee = ?');
  for (const code of insee) upd.run(sectorId, code);
}

/** Communes among `insee` that do not belong to the territory, and those already in another sector. */
export function communeConflicts(db: Db, sectorId: number | undefined, insee: string[]) {
  const get = db.prepare('SELECT c.insee, c.name, c.sector_id AS sectorId, s.name AS sectorName FROM communes c LEFT JOIN sectors s ON s.id = c.sector_id WHERE c.insee = ?');
  const unknown: string[] = [];
  const taken: { insee: string; name: string; sectorName: string }[] = [];
  for (const code of insee) {
    const row = get.get(code) as { insee: string; name: string; sectorId: number | null; sectorName: string | null } | undefined;
    if (!row) unknown.push(code);
    else if (row.sectorId !== null && row.sectorId !== sectorId) taken.push({ insee: code, name: row.name, sectorName: row.sectorName ?? '' });
  }
  return { unknown, taken };
}

export function deleteSector(db: Db, id: number): void {
  db.prepare('UPDATE communes SET sector_id = NULL WHERE sector_id = ?').run(id);
  db.prepare('DELETE FROM sectors WHERE id = ?').run(id);
}

export function insertCommune(db: Db, c: { insee: string; name: string }): boolean {
  return db.prepare('INSERT OR IGNORE INTO communes (insee, name) VALUES (?, ?)').run(c.insee, c.name).changes === 1;
}

export function getIdleLockMinutes(db: Db): number {
  const r = db.prepare("SELECT value FROM settings WHERE key = 'idle_lock_minutes'").get() as { value: string } | undefined;
  const n = r ? Number(r.value) : DEFAULT_IDLE_MINUTES;
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_IDLE_MINUTES;
}

export function setIdleLockMinutes(db: Db, minutes: number): void {
  db.prepare("INSERT INTO settings (key, value) VALUES ('idle_lock_minutes', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(minutes));
}

/** The site with its postal block (letters' heading); address lines are stored as a JSON array. */
export function sitePostal(db: Db): { name: string; code: string; serviceName: string; addressLines: string[]; postcode: string; city: string; phone: string } {
  const r = db.prepare('SELECT name, code, service_name AS serviceName, address_lines AS addressLines, postcode, city, phone FROM site WHERE id = 1').get() as {
    name: string;
    code: string;
    serviceName: string;
    addressLines: string;
    postcode: string;
    city: string;
    phone: string;
  };
  return { ...r, addressLines: JSON.parse(r.addressLines) as string[] };
}

/** The site's logo for letters, or null. */
export function siteLogo(db: Db): { mime: 'image/png' | 'image/jpeg'; data: Buffer } | null {
  const r = db.prepare('SELECT logo, logo_mime AS mime FROM site WHERE id = 1').get() as { logo: Buffer | null; mime: 'image/png' | 'image/jpeg' | null } | undefined;
  return r?.logo && r.mime ? { mime: r.mime, data: r.logo } : null;
}

export function setSiteLogo(db: Db, logo: { mime: string; data: Buffer } | null): void {
  db.prepare('UPDATE site SET logo = ?, logo_mime = ? WHERE id = 1').run(logo?.data ?? null, logo?.mime ?? null);
}

export function setSitePostal(db: Db, p: { serviceName: string; addressLines: string[]; postcode: string; city: string; phone: string }): void {
  db.prepare('UPDATE site SET service_name = ?, address_lines = ?, postcode = ?, city = ?, phone = ? WHERE id = 1').run(p.serviceName, JSON.stringify(p.addressLines), p.postcode, p.city, p.phone);
}

export function listAudit(db: Db, limit: number, beforeId?: number) {
  const rows = db
    .prepare(
      `SELECT l.id, l.at, l.user_id AS userId, u.display_name AS userName, l.action, l.entity, l.entity_id AS entityId
       FROM audit_log l LEFT JOIN users u ON u.id = l.user_id
       WHERE (? IS NULL OR l.id < ?) ORDER BY l.id DESC LIMIT ?`,
    )
    .all(beforeId ?? null, beforeId ?? null, limit) as {
    id: number;
    at: string;
    userId: number | null;
    userName: string | null;
    action: string;
    entity: string;
    entityId: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    user: r.userId !== null ? { id: r.userId, displayName: r.userName ?? '' } : null,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
  }));
}

/** Names of the administration's own entities in the audit log (accounts, sectors, communes). */
export const auditEntities = {
  user: byIntegerId('users', 'display_name'),
  sector: byIntegerId('sectors', 'name'),
  commune: (db: Db, ids: readonly string[]) => labelsOf(db, 'SELECT insee AS id, name AS label FROM communes WHERE insee IN (SELECT value FROM json_each(?))', ids),
};

/** How many days ahead "Mes échéances" shows what falls due (a site setting, DOMAIN §7). */
export const DEFAULT_NOTICE_DAYS = 30;
export function noticeDays(db: Db): number {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'tasks_notice_days'").get() as { value: string } | undefined;
  const n = Number(row?.value);
  return Number.isInteger(n) && n >= 1 && n <= 365 ? n : DEFAULT_NOTICE_DAYS;
}

export function setNoticeDays(db: Db, days: number): void {
  db.prepare("INSERT INTO settings (key, value) VALUES ('tasks_notice_days', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(days));
}
