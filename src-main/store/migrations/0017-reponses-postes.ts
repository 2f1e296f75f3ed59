import type { Migration } from './migration';

/**
 * Team mode (ARCHITECTURE « Team mode »): the host's answers to the writes of paired
 * workstations, by idempotency key, so that a retry after a host restart gets the first
 * answer instead of writing twice. `id` is a hash of the workstation, session, channel and
 * key; the key is recorded in the transaction of the write itself (`answer` null), the answer
 * right after. Kept 24 hours (src-main/team/idempotency.ts).
 */
export const m0017ReponsesPostes: Migration = {
  version: 17,
  name: '0017-reponses-postes',
  up(db) {
    db.exec(`
      CREATE TABLE team_answers (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        answer TEXT
      ) WITHOUT ROWID;
      CREATE INDEX team_answers_by_at ON team_answers (at);
    `);
  },
};
