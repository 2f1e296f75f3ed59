/** The concertation instance: the only place its SQL lives (DOMAIN §9). */
import { prep, type Db } from '../../store/database';
import { byIntegerId } from '../../store/labels';
import type { FIELDS } from '../../api/kinds-accueil';
import type { MemberOut, ParticipantOut, ReferralOut } from './contract';
import type { ElementKind, MemberKind, ReferralStatus } from './kinds';
import { shortName } from './outside';

// Permanent members ---------------------------------------------------------------------------

export function members(db: Db): MemberOut[] {
  return (
    prep(db, 'SELECT id, partner_id AS partnerId, name, organisation, active, charter_signed_on AS charterSignedOn FROM concertation_members ORDER BY active DESC, organisation, name').all() as (Omit<MemberOut, 'active'> & {
      active: number;
    })[]
  ).map((r) => ({ ...r, active: r.active === 1 }));
}

/** A permanent member's signature of the charter (with who recorded it, when), to carry to a new referral. */
export function memberCharter(db: Db, id: number): { signedOn: string; by: number; at: string } | undefined {
  const r = prep(db, 'SELECT charter_signed_on AS signedOn, charter_recorded_by AS by, charter_recorded_at AS at FROM concertation_members WHERE id = ? AND charter_signed_on IS NOT NULL').get(id) as
    | { signedOn: string; by: number; at: string }
    | undefined;
  return r;
}

/** Records a permanent member's signature of the charter, once. */
export function signMemberCharter(db: Db, id: number, signedOn: string, at: string, by: number): void {
  prep(db, 'UPDATE concertation_members SET charter_signed_on = ?, charter_recorded_at = ?, charter_recorded_by = ? WHERE id = ? AND charter_signed_on IS NULL').run(signedOn, at, by, id);
}

/** The permanent member a participant of a referral stands for (null: an associated member). */
export function participantMember(db: Db, participantId: number): number | null {
  return (prep(db, 'SELECT member_id AS m FROM concertation_participants WHERE id = ?').get(participantId) as { m: number | null } | undefined)?.m ?? null;
}

export function memberExists(db: Db, id: number): boolean {
  return prep(db, 'SELECT 1 FROM concertation_members WHERE id = ?').get(id) !== undefined;
}

export function saveMember(db: Db, m: { id: number | null; partnerId: number | null; name: string; organisation: string; active: boolean }, at: string, by: number): number {
  if (m.id === null) {
    return Number(
      prep(db, 'INSERT INTO concertation_members (partner_id, name, organisation, active, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)').run(m.partnerId, m.name, m.organisation, m.active ? 1 : 0, at, by)
        .lastInsertRowid,
    );
  }
  prep(db, 'UPDATE concertation_members SET partner_id = ?, name = ?, organisation = ?, active = ?, saved_at = ?, saved_by = ? WHERE id = ?').run(m.partnerId, m.name, m.organisation, m.active ? 1 : 0, at, by, m.id);
  return m.id;
}

export function partnerName(db: Db, id: number): string | undefined {
  const r = prep(db, 'SELECT organisation, service FROM partners WHERE id = ?').get(id) as { organisation: string; service: string } | undefined;
  return r ? (r.service ? `${r.organisation} — ${r.service}` : r.organisation) : undefined;
}

export function partnerChoices(db: Db): { id: number; name: string }[] {
  return (prep(db, 'SELECT id, organisation, service FROM partners WHERE active = 1 ORDER BY organisation, service').all() as { id: number; organisation: string; service: string }[]).map((r) => ({
    id: r.id,
    name: r.service ? `${r.organisation} — ${r.service}` : r.organisation,
  }));
}

// Referrals -----------------------------------------------------------------------------------

export interface ReferralRow {
  id: number;
  dsuId: number;
  dsuNumber: string;
  dsuStatus: 'actif' | 'clos' | 'archive';
  householdId: number;
  consentId: number;
  referredBy: number;
  referredByName: string;
  referredAt: string;
  referredOn: string;
  motif: string;
  purpose: string;
  field: (typeof FIELDS)[number];
  services: string;
  elementKinds: string;
  status: ReferralStatus;
  heldOn: string | null;
  place: string;
  lateReason: string;
  closedAt: string | null;
  journalEntry: number | null;
  birthName: string | null;
  usageName: string | null;
  firstNames: string | null;
}

const SELECT = `SELECT r.id, r.dsu_id AS dsuId, d.number AS dsuNumber, d.status AS dsuStatus, d.household_id AS householdId, r.consent_id AS consentId,
  r.referred_by AS referredBy, u.display_name AS referredByName, r.referred_at AS referredAt, r.referred_on AS referredOn, r.motif, r.purpose, r.field, r.services,
  r.element_kinds AS elementKinds, r.status, r.held_on AS heldOn, r.place, r.late_reason AS lateReason, r.closed_at AS closedAt, r.journal_entry AS journalEntry,
  p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames
  FROM concertation_referrals r
  JOIN dsu d ON d.id = r.dsu_id
  JOIN users u ON u.id = r.referred_by
  LEFT JOIN persons p ON p.id = (SELECT id FROM persons WHERE household_id = d.household_id AND merged_into IS NULL
      ORDER BY CASE household_role WHEN 'demandeur' THEN 0 WHEN 'conjoint' THEN 1 ELSE 2 END, id LIMIT 1)`;

export const householdName = (r: ReferralRow): string => (r.birthName === null ? '—' : shortName({ birthName: r.birthName, usageName: r.usageName ?? '', firstNames: r.firstNames ?? '' }));

export function getReferral(db: Db, id: number): ReferralRow | undefined {
  return prep(db, `${SELECT} WHERE r.id = ?`).get(id) as ReferralRow | undefined;
}

export function referralsOfDsu(db: Db, dsuId: number): ReferralRow[] {
  return prep(db, `${SELECT} WHERE r.dsu_id = ? ORDER BY r.id DESC`).all(dsuId) as ReferralRow[];
}

/**
 * The referrals a professional follows: those they made, and those of the DSU they hold
 * (référent or active co-intervenant); every referral of the site for `all` (a responsable).
 */
export function referralsFollowed(db: Db, userId: number, all: boolean, closed: boolean): ReferralRow[] {
  const status = closed ? "r.status = 'close'" : "r.status <> 'close'";
  if (all) return prep(db, `${SELECT} WHERE ${status} ORDER BY r.referred_on DESC, r.id DESC`).all() as ReferralRow[];
  return prep(
    db,
    `${SELECT} WHERE ${status} AND d.status <> 'archive' AND (r.referred_by = ? OR d.referent_id = ?
       OR r.dsu_id IN (SELECT dsu_id FROM dsu_intervenants WHERE user_id = ? AND ended_on IS NULL)) ORDER BY r.referred_on DESC, r.id DESC`,
  ).all(userId, userId, userId) as ReferralRow[];
}

export function insertReferral(
  db: Db,
  r: { dsuId: number; consentId: number; referredBy: number; referredAt: string; referredOn: string; motif: string; purpose: string; field: string; services: string[]; elementKinds: ElementKind[] },
): number {
  return Number(
    prep(db, 'INSERT INTO concertation_referrals (dsu_id, consent_id, referred_by, referred_at, referred_on, motif, purpose, field, services, element_kinds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      r.dsuId,
      r.consentId,
      r.referredBy,
      r.referredAt,
      r.referredOn,
      r.motif,
      r.purpose,
      r.field,
      JSON.stringify(r.services),
      JSON.stringify(r.elementKinds),
    ).lastInsertRowid,
  );
}

export function setMeeting(db: Db, id: number, m: { heldOn: string; place: string; lateReason: string; at: string; by: number }): void {
  prep(db, "UPDATE concertation_referrals SET status = 'reunie', held_on = ?, place = ?, late_reason = ?, met_at = ?, met_by = ? WHERE id = ?").run(m.heldOn, m.place, m.lateReason, m.at, m.by, id);
}

export function setClosed(db: Db, id: number, at: string, by: number, entryId: number): void {
  prep(db, "UPDATE concertation_referrals SET status = 'close', closed_at = ?, closed_by = ?, journal_entry = ? WHERE id = ?").run(at, by, entryId, id);
}

// Members of a referral -----------------------------------------------------------------------

export function participants(db: Db, referralId: number): ParticipantOut[] {
  return (
    prep(
      db,
      `SELECT p.id, p.kind, p.partner_id AS partnerId, p.name, p.organisation, p.charter_signed_on AS charterSignedOn, u.id AS uid, u.display_name AS uname, p.attended
       FROM concertation_participants p LEFT JOIN users u ON u.id = p.charter_recorded_by WHERE p.referral_id = ? ORDER BY p.kind DESC, p.id`,
    ).all(referralId) as (Omit<ParticipantOut, 'attended' | 'charterRecordedBy'> & { attended: number; uid: number | null; uname: string | null })[]
  ).map(({ uid, uname, attended, ...r }) => ({ ...r, attended: attended === 1, charterRecordedBy: uid === null ? null : { id: uid, displayName: uname ?? '' } }));
}

export function insertParticipant(
  db: Db,
  p: { referralId: number; kind: MemberKind; memberId: number | null; partnerId: number | null; name: string; organisation: string; at: string; by: number; charter?: { signedOn: string; by: number; at: string } | undefined },
): number {
  return Number(
    prep(
      db,
      'INSERT INTO concertation_participants (referral_id, kind, member_id, partner_id, name, organisation, added_at, added_by, charter_signed_on, charter_recorded_by, charter_recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(p.referralId, p.kind, p.memberId, p.partnerId, p.name, p.organisation, p.at, p.by, p.charter?.signedOn ?? null, p.charter?.by ?? null, p.charter?.at ?? null).lastInsertRowid,
  );
}

export function signCharter(db: Db, participantId: number, signedOn: string, at: string, by: number): void {
  prep(db, 'UPDATE concertation_participants SET charter_signed_on = ?, charter_recorded_at = ?, charter_recorded_by = ? WHERE id = ?').run(signedOn, at, by, participantId);
}

export function setAttendance(db: Db, referralId: number, attendees: readonly number[]): void {
  prep(db, 'UPDATE concertation_participants SET attended = CASE WHEN id IN (SELECT value FROM json_each(?)) THEN 1 ELSE 0 END WHERE referral_id = ?').run(JSON.stringify(attendees), referralId);
}

// Elements and decisions (appended) -----------------------------------------------------------

export function elements(db: Db, referralId: number): ReferralOut['elements'] {
  return (
    prep(
      db,
      `SELECT e.id, e.kind, e.content, e.shared_by AS sharedBy, e.recorded_at AS recordedAt, u.id AS uid, u.display_name AS uname
       FROM concertation_elements e JOIN users u ON u.id = e.recorded_by WHERE e.referral_id = ? ORDER BY e.id`,
    ).all(referralId) as (Omit<ReferralOut['elements'][number], 'recordedBy'> & { uid: number; uname: string })[]
  ).map(({ uid, uname, ...r }) => ({ ...r, recordedBy: { id: uid, displayName: uname } }));
}

export function elementCounts(db: Db, referralIds: readonly number[]): Map<number, number> {
  const rows = prep(db, 'SELECT referral_id AS id, count(*) AS n FROM concertation_elements WHERE referral_id IN (SELECT value FROM json_each(?)) GROUP BY referral_id').all(JSON.stringify(referralIds)) as {
    id: number;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function insertElement(db: Db, e: { referralId: number; kind: ElementKind; content: string; sharedBy: string; at: string; by: number }): number {
  return Number(prep(db, 'INSERT INTO concertation_elements (referral_id, kind, content, shared_by, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)').run(e.referralId, e.kind, e.content, e.sharedBy, e.at, e.by).lastInsertRowid);
}

export function decisions(db: Db, referralId: number): ReferralOut['decisions'] {
  return (
    prep(
      db,
      `SELECT c.id, c.action, c.who, c.due_on AS dueOn, c.recorded_at AS recordedAt, u.id AS uid, u.display_name AS uname
       FROM concertation_decisions c JOIN users u ON u.id = c.recorded_by WHERE c.referral_id = ? ORDER BY c.id`,
    ).all(referralId) as (Omit<ReferralOut['decisions'][number], 'recordedBy'> & { uid: number; uname: string })[]
  ).map(({ uid, uname, ...r }) => ({ ...r, recordedBy: { id: uid, displayName: uname } }));
}

export function insertDecision(db: Db, d: { referralId: number; action: string; who: string; dueOn: string | null; at: string; by: number }): number {
  return Number(prep(db, 'INSERT INTO concertation_decisions (referral_id, action, who, due_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)').run(d.referralId, d.action, d.who, d.dueOn, d.at, d.by).lastInsertRowid);
}

// Registry hooks ------------------------------------------------------------------------------

export function lastActivity(db: Db, dsuIds: readonly number[] | null): Map<number, string> {
  const filter = dsuIds === null ? '' : 'WHERE r.dsu_id IN (SELECT value FROM json_each(?))';
  const rows = prep(
    db,
    `SELECT r.dsu_id AS id, max(max(r.referred_on, coalesce(r.held_on, ''), coalesce(substr(r.closed_at, 1, 10), ''))) AS day FROM concertation_referrals r ${filter} GROUP BY r.dsu_id`,
  ).all(...(dsuIds === null ? [] : [JSON.stringify(dsuIds)])) as { id: number; day: string }[];
  return new Map(rows.map((r) => [r.id, r.day]));
}

export const auditEntities = {
  concertation: byIntegerId('concertation_referrals', "'Instance de concertation n° ' || id"),
  concertation_member: byIntegerId('concertation_members', "'Membre permanent n° ' || id"),
};

/** Referrals made, meetings held and decisions taken in a period, per referring professional. */
export function periodCounts(db: Db, from: string, to: string): { id: number; name: string; referrals: number; meetings: number; decisions: number }[] {
  return prep(
    db,
    `SELECT u.id, u.display_name AS name,
       sum(CASE WHEN r.referred_on BETWEEN ? AND ? THEN 1 ELSE 0 END) AS referrals,
       sum(CASE WHEN r.held_on BETWEEN ? AND ? THEN 1 ELSE 0 END) AS meetings,
       sum(CASE WHEN r.held_on BETWEEN ? AND ? THEN (SELECT count(*) FROM concertation_decisions c WHERE c.referral_id = r.id) ELSE 0 END) AS decisions
     FROM concertation_referrals r JOIN users u ON u.id = r.referred_by GROUP BY u.id ORDER BY u.display_name`,
  ).all(from, to, from, to, from, to) as { id: number; name: string; referrals: number; meetings: number; decisions: number }[];
}


/** The DSU of a person's household, for their export. */
export function dsuOfPerson(db: Db, personId: number): number | undefined {
  return (prep(db, 'SELECT d.id FROM persons p JOIN dsu d ON d.household_id = p.household_id WHERE p.id = ?').get(personId) as { id: number } | undefined)?.id;
}
