/** What aid requests and commission sessions ask of someone, dated (for "Mes échéances"). */
import type { Db } from '../../../store/database';

/** Requests waiting for a responsable's decision, by the day they were submitted. */
export function waitingForDecision(db: Db): { id: number; number: string; since: string; urgent: number }[] {
  return db
    .prepare(
      `SELECT id, number, date(submitted_at, 'localtime') AS since, urgent FROM aid_requests
       WHERE status IN ('soumise', 'a_valider') ORDER BY urgent DESC, submitted_at LIMIT 100`,
    )
    .all() as { id: number; number: string; since: string; urgent: number }[];
}

/** Commission sessions still to be held, up to `until`. */
export function sessionsToHold(db: Db, until: string): { id: number; heldOn: string }[] {
  return db.prepare("SELECT id, held_on AS heldOn FROM commission_sessions WHERE status = 'prevue' AND held_on <= ? ORDER BY held_on").all(until) as { id: number; heldOn: string }[];
}

/** An instructor's adjourned requests: to complete and submit again, by the day of the adjournment. */
export function adjournedOf(db: Db, userId: number): { id: number; number: string; since: string }[] {
  return db
    .prepare("SELECT id, number, coalesce(decided_on, date(updated_at, 'localtime')) AS since FROM aid_requests WHERE status = 'ajournee' AND created_by = ? ORDER BY since LIMIT 100")
    .all(userId) as { id: number; number: string; since: string }[];
}
