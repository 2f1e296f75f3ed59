/** Commission sessions and their decisions: the only place their SQL lives. */
import type { Db } from '../../../store/database';
import type { CommissionStatus, Decision } from '../kinds';

export interface SessionRow {
  id: number;
  heldOn: string;
  place: string;
  members: string;
  status: CommissionStatus;
}
const SESSION_SELECT = 'SELECT id, held_on AS heldOn, place, members, status FROM commission_sessions';

export function findSession(db: Db, id: number): SessionRow | undefined {
  return db.prepare(`${SESSION_SELECT} WHERE id = ?`).get(id) as SessionRow | undefined;
}
export function listSessions(db: Db): SessionRow[] {
  return db.prepare(`${SESSION_SELECT} ORDER BY held_on DESC, id DESC`).all() as SessionRow[];
}
/** The request's session, as its view shows it. */
export function sessionDate(db: Db, id: number): { id: number; heldOn: string } {
  return db.prepare('SELECT id, held_on AS heldOn FROM commission_sessions WHERE id = ?').get(id) as { id: number; heldOn: string };
}
/** Requests on the session's agenda (`n`), and how many of them are decided (`d`). */
export function sessionCounts(db: Db, id: number): { n: number; d: number | null } {
  return db
    .prepare(
      `SELECT count(*) AS n, sum(CASE WHEN a.status <> 'en_commission' THEN 1 ELSE 0 END) AS d FROM aid_requests a WHERE a.commission_id = ?`,
    )
    .get(id) as { n: number; d: number | null };
}

export interface SessionWrite {
  heldOn: string;
  place: string;
  members: string[];
}
export function insertSession(db: Db, s: SessionWrite, userId: number, now: Date): number {
  return Number(
    db.prepare('INSERT INTO commission_sessions (held_on, place, members, created_by, created_at) VALUES (?, ?, ?, ?, ?)').run(s.heldOn, s.place, JSON.stringify(s.members), userId, now.toISOString())
      .lastInsertRowid,
  );
}
export function updateSession(db: Db, id: number, s: SessionWrite): void {
  db.prepare('UPDATE commission_sessions SET held_on = ?, place = ?, members = ? WHERE id = ?').run(s.heldOn, s.place, JSON.stringify(s.members), id);
}
export function markSessionHeld(db: Db, id: number): void {
  db.prepare("UPDATE commission_sessions SET status = 'tenue' WHERE id = ?").run(id);
}

export interface SessionDecisionRow {
  decision: Decision;
  grantedCents: number | null;
  reasons: string;
}
/** The session's latest decision on a request, if any. */
export function findSessionDecision(db: Db, requestId: number, sessionId: number): SessionDecisionRow | undefined {
  return db.prepare('SELECT decision, granted_cents AS grantedCents, reasons FROM aid_decisions WHERE request_id = ? AND commission_id = ? ORDER BY id DESC LIMIT 1').get(requestId, sessionId) as
    | SessionDecisionRow
    | undefined;
}
