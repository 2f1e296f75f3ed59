/** What a person's right-of-access export reads of aid requests: the person's requests, their decisions. */
import type { Db } from '../../../store/database';

export function requestsOfPerson(db: Db, personId: number) {
  return db
    .prepare(
      `SELECT a.id, a.number, a.dispositif, a.nature, a.object, a.amount_cents AS amountCents, a.status, a.requested_on AS requestedOn,
              a.granted_cents AS grantedCents, a.decided_on AS decidedOn, t.budget
       FROM aid_requests a JOIN aid_request_texts t ON t.request_id = a.id WHERE a.person_id = ? ORDER BY a.requested_on, a.id`,
    )
    .all(personId) as {
    id: number;
    number: string;
    dispositif: string;
    nature: string;
    object: string;
    amountCents: number;
    status: string;
    requestedOn: string;
    grantedCents: number | null;
    decidedOn: string | null;
    budget: string;
  }[];
}

export function decisionsOf(db: Db, requestId: number) {
  return db
    .prepare('SELECT body, decision, granted_cents AS grantedCents, reasons, appeal, decided_on AS decidedOn FROM aid_decisions WHERE request_id = ? ORDER BY decided_on, id')
    .all(requestId) as { body: string; decision: string; grantedCents: number | null; reasons: string; appeal: number; decidedOn: string }[];
}

/** Aids granted in the period by dispositif (count, amount), and requests sent to the commission (DOMAIN §7 report table 3). */
export function periodFigures(db: Db, from: string, to: string) {
  const granted = db
    .prepare(
      `SELECT dispositif, count(*) AS n, coalesce(sum(granted_cents), 0) AS cents FROM aid_requests
       WHERE status = 'accordee' AND decided_on BETWEEN ? AND ? GROUP BY dispositif ORDER BY dispositif`,
    )
    .all(from, to) as { dispositif: string; n: number; cents: number }[];
  const commission = (db
    .prepare(`SELECT count(DISTINCT request_id) AS n FROM aid_decisions WHERE body = 'commission' AND decided_on BETWEEN ? AND ?`)
    .get(from, to) as { n: number }).n;
  return { granted, commission };
}
