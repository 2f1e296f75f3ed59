import type { Migration } from './migration';

/**
 * Team mode (ARCHITECTURE « Team mode »): every audit row names the paired workstation its
 * call came from. Null for the rows written before, and for the host's own calls; the hash
 * chain includes the workstation only when it is set, so older rows verify as they were.
 * The list of paired workstations is not here: the host checks it at the TLS layer, before
 * anyone has logged in and while the store's key is still sealed (src-main/team/workstations.ts).
 */
export const m0016Postes: Migration = {
  version: 16,
  name: '0016-postes',
  up(db) {
    db.exec(`ALTER TABLE audit_log ADD COLUMN workstation TEXT;`);
  },
};
