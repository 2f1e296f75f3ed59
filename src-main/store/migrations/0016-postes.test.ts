import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { appendAudit, asWorkstation, verifyAudit } from '../audit';
import { migrate } from './index';
import { m0016Postes } from './0016-postes';

describe('0016-postes', () => {
  it('adds the workstation to the audit log; rows from before and after it verify in one chain', () => {
    const db = new Database(':memory:');
    migrate(db, 11);
    db.transaction(() => appendAudit(db, { userId: null, action: 'avant', entity: 'site' }))();
    migrate(db, m0016Postes.version);
    db.transaction(() => appendAudit(db, { userId: null, action: 'hote', entity: 'site' }))();
    asWorkstation('poste-7', () => db.transaction(() => appendAudit(db, { userId: null, action: 'client', entity: 'site' }))());
    expect(db.prepare('SELECT action, workstation FROM audit_log ORDER BY id').all()).toEqual([
      { action: 'avant', workstation: null },
      { action: 'hote', workstation: null },
      { action: 'client', workstation: 'poste-7' },
    ]);
    expect(verifyAudit(db)).toMatchObject({ ok: true, rows: 3 });
  });

  it('hashes the workstation: a row whose workstation was changed no longer verifies', () => {
    const db = new Database(':memory:');
    migrate(db, m0016Postes.version);
    asWorkstation('poste-1', () => db.transaction(() => appendAudit(db, { userId: null, action: 'client', entity: 'site' }))());
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec("UPDATE audit_log SET workstation = 'poste-2'");
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 1, reason: 'hash' });
  });
});
