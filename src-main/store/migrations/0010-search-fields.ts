import type { Migration } from './migration';

/**
 * The person search index by field (DOMAIN §2). The index was one text column (names, then
 * date and phone), so ranking a candidate (« nom exact » before « début du nom », before the
 * first names…) meant reading the record again to know which words were its surnames. Each
 * field now has its own column: birth name, usage name, first names (folded words), the
 * birth date as said (`12031985`), its year, the phone's digits. Matching is unchanged (every
 * word typed is the beginning of a word of any field, same tokenizer, same prefix indexes);
 * the ranking reads the candidate's index row alone. Rebuilt here for every live record
 * (not merged into another); the vocabulary kept for typos (`person_terms`) is the same.
 *
 * And the holder of each household (its demandeur, else its conjoint, else its first member),
 * named on every line of the site's DSU list: an index in that order, so that finding her is
 * one lookup instead of reading and sorting every member of the household. And the requests
 * waiting for a responsable (the validation queue): an index over them alone, in the queue's
 * order (urgent first, then the oldest), holding every field a line shows, so that the queue
 * is read from it as it stands, without sorting and without the requests' rows.
 */
export const m0010SearchFields: Migration = {
  version: 10,
  name: '0010-search-fields',
  up(db) {
    db.exec(`
      DROP TABLE person_search;
      CREATE VIRTUAL TABLE person_search USING fts5(birth, usage, first, date, year, phone,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8', detail = 'none');

      -- Trailing columns: everything the lookup reads, so that it never reads the record itself.
      CREATE INDEX persons_holder_by_household
        ON persons(household_id, (CASE household_role WHEN 'demandeur' THEN 0 WHEN 'conjoint' THEN 1 ELSE 2 END), id, household_role, merged_into)
        WHERE merged_into IS NULL;

      CREATE INDEX aid_requests_waiting ON aid_requests(urgent DESC, submitted_at, id, status, number, dsu_id, person_id, dispositif, nature, amount_cents,
          granted_cents, paid_on, outcome, route, requested_on, taken_by, appeal_on, commission_id, submitted_by, created_by)
        WHERE status IN ('soumise', 'a_valider');
    `);
    const persons = db
      .prepare('SELECT id, birth_name AS birthName, usage_name AS usageName, first_names AS firstNames, birth_date AS birthDate, phone FROM persons WHERE merged_into IS NULL ORDER BY id')
      .all() as { id: number; birthName: string; usageName: string; firstNames: string; birthDate: string | null; phone: string }[];
    const insert = db.prepare('INSERT INTO person_search (rowid, birth, usage, first, date, year, phone) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const p of persons) {
      const [y, m, d] = p.birthDate ? p.birthDate.split('-') : [];
      insert.run(p.id, fold(p.birthName), fold(p.usageName), fold(p.firstNames), p.birthDate ? `${d}${m}${y}` : '', p.birthDate?.slice(0, 4) ?? '', phoneDigits(p.phone));
    }
  },
};

/**
 * The folding of the index as of this version (the person module's `fold`, repeated here so
 * that this step stays what it is when the module changes): lower case, no accents or
 * ligatures, anything but letters and digits as one space.
 */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** French phone numbers as digits only, `+33 6…` and `0033 6…` written `06…` (the module's `normalizePhone`). */
function phoneDigits(s: string): string {
  const digits = s.replace(/[^\d+]/g, '');
  if (digits.startsWith('+33')) return `0${digits.slice(3)}`;
  if (digits.startsWith('0033')) return `0${digits.slice(4)}`;
  return digits.replace(/\+/g, '');
}
