/** Envelopes voted per year, and the amounts engaged, paid and pending against them: the only place their SQL lives. */
import type { Db } from '../../../store/database';
import { yearBounds } from '../projection';

/** The amount voted for an envelope that year, if one was. */
export function findVotedCents(db: Db, year: number, envelope: string): { v: number } | undefined {
  return db.prepare('SELECT voted_cents AS v FROM aid_envelopes WHERE year = ? AND envelope = ?').get(year, envelope) as { v: number } | undefined;
}
export function envelopeCodesOfYear(db: Db, year: number): { code: string }[] {
  return db.prepare('SELECT envelope AS code FROM aid_envelopes WHERE year = ?').all(year) as { code: string }[];
}
/** Dispositifs with a grant decided in `[from, to]`. */
export function grantedDispositifs(db: Db, from: string, to: string): { code: string }[] {
  return db.prepare("SELECT DISTINCT dispositif AS code FROM aid_requests WHERE status = 'accordee' AND decided_on >= ? AND decided_on <= ?").all(from, to) as { code: string }[];
}

/** Granted (engaged) and paid amounts of the year over some dispositifs. */
export function engagedIn(db: Db, year: number, dispositifs: readonly string[]): { n: number; engaged: number; paid: number } {
  const [from, to] = yearBounds(year);
  return db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(granted_cents), 0) AS engaged, coalesce(sum(CASE WHEN paid_on IS NOT NULL THEN granted_cents ELSE 0 END), 0) AS paid
       FROM aid_requests WHERE status = 'accordee' AND decided_on >= ? AND decided_on <= ? AND dispositif IN (SELECT value FROM json_each(?))`,
    )
    .get(from, to, JSON.stringify(dispositifs)) as { n: number; engaged: number; paid: number };
}
/** Amounts asked by the requests still awaiting a decision, over some dispositifs. */
export function pendingCents(db: Db, dispositifs: readonly string[]): number {
  return (
    db
      .prepare("SELECT coalesce(sum(amount_cents), 0) AS s FROM aid_requests WHERE status IN ('soumise', 'a_valider', 'en_commission') AND dispositif IN (SELECT value FROM json_each(?))")
      .get(JSON.stringify(dispositifs)) as { s: number }
  ).s;
}

export function upsertEnvelope(db: Db, year: number, envelope: string, votedCents: number, userId: number, now: Date): void {
  db.prepare(
    'INSERT INTO aid_envelopes (year, envelope, voted_cents, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (year, envelope) DO UPDATE SET voted_cents = excluded.voted_cents, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
  ).run(year, envelope, votedCents, userId, now.toISOString());
}
