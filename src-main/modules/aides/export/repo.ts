/** What a person's right-of-access export reads of aid requests: the person's requests, their decisions. */
import type { Db } from '../../../store/database';

export function requestsOfPerson(db: Db, personId: number) {
  return requestsWhere(db, 'a.person_id = ?', personId);
}

/** The requests of a DSU (every member of the household), for the DSU's export. */
export function requestsOfDsu(db: Db, dsuId: number) {
  return requestsWhere(db, 'a.dsu_id = ?', dsuId);
}

function requestsWhere(db: Db, where: 'a.person_id = ?' | 'a.dsu_id = ?', id: number) {
  return db
    .prepare(
      `SELECT a.id, a.number, p.birth_name AS birthName, p.usage_name AS usageName, p.first_names AS firstNames, a.dispositif, a.nature, a.object, a.amount_cents AS amountCents, a.status, a.requested_on AS requestedOn,
              a.granted_cents AS grantedCents, a.decided_on AS decidedOn, t.budget
       FROM aid_requests a JOIN aid_request_texts t ON t.request_id = a.id JOIN persons p ON p.id = a.person_id WHERE ${where} ORDER BY a.requested_on, a.id`,
    )
    .all(id) as {
    id: number;
    number: string;
    birthName: string;
    usageName: string;
    firstNames: string;
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
