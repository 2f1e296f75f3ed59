/** What an interruption leaves is finished (or refused in French) at the next open. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src-main/cli';
import { appendAudit } from '../../src-main/store/audit';
import { setDisabled } from '../../src-main/store/users';
import { durably, getIntent, setIntent } from '../../src-main/store/intents';
import { findUserHolder, readKeyring } from '../../src-main/store/keyring';
import { RESTORE_MARKER, Vault } from '../../src-main/store/vault';
import { ADMIN_PASSWORD, newSite } from '../helpers/site';
import { hashDir, tmpDir } from '../helpers/tmp';

const say = () => undefined;

describe('a disable cut after its database commit', () => {
  it('is carried out at the next open: holder removed, key rotated, audited, intent cleared', async () => {
    const s = await newSite();
    const ass = await s.userWith('partant', ['ass']);
    const before = readKeyring(s.app.vault.keyringFile);
    const db = s.app.vault.db;
    // What the handler commits first; then the process dies before touching the keyring.
    durably(db, () => {
      setDisabled(db, ass.id, '2026-11-30T10:00:00.000Z');
      appendAudit(db, { userId: 1, action: 'user.disable', entity: 'user', entityId: ass.id, detail: { rotateKey: true } });
      setIntent(db, { op: 'disable', login: 'partant', rotate: true, keyCheckBefore: before.keyCheck });
    });
    s.app.close();
    expect(findUserHolder(readKeyring(path.join(s.dir, 'passeur.keyring.json')), 'partant')).toBeDefined();

    const v = new Vault(s.dir);
    await v.authenticate('admin', ADMIN_PASSWORD);
    const ring = v.keyring();
    expect(findUserHolder(ring, 'partant')).toBeUndefined();
    expect(ring.keyCheck).not.toBe(before.keyCheck);
    expect(getIntent(v.db)).toBeNull();
    expect(v.db.prepare("SELECT detail FROM audit_log WHERE action = 'store.rekey_resumed'").get()).toEqual({ detail: JSON.stringify({ stage: 'intent' }) });
    v.close();
    // Done once: the next open rotates nothing more.
    const again = new Vault(s.dir);
    await again.authenticate('admin', ADMIN_PASSWORD);
    expect(again.keyring().keyCheck).toBe(ring.keyCheck);
    again.close();
  });
});

describe('an interrupted restore', () => {
  it('leaves a folder that refuses to open or to be created again, until the restore is run again', async () => {
    process.env.PASSEUR_PASSWORD = ADMIN_PASSWORD;
    try {
      const s = await newSite();
      const backup = path.join(tmpDir(), 'b.passeur');
      s.app.vault.backupTo(backup);
      s.app.close();
      // The state a kill leaves between the removal of the live names and the renames.
      fs.writeFileSync(path.join(s.dir, RESTORE_MARKER), JSON.stringify({ startedAt: '2026-11-30T10:00:00Z', kept: path.join(s.dir, 'avant-restauration-x') }));
      fs.rmSync(path.join(s.dir, 'passeur.keyring.json'));
      fs.mkdirSync(path.join(s.dir, '.restore-abc'));
      const before = hashDir(s.dir);
      await expect(run(['audit', 'verify', '--data', s.dir, '--user', 'admin'], say)).rejects.toThrow(/restauration a été interrompue.*relancez « passeur restore/);
      await expect(run(['init', '--data', s.dir, '--site-name', 'Autre site', '--site-code', 'AUT', '--admin', 'admin'], say)).rejects.toThrow(/restauration a été interrompue/);
      expect(hashDir(s.dir)).toEqual(before);
      expect(await run(['restore', '--from', backup, '--data', s.dir, '--user', 'admin'], say)).toBe(0);
      expect(fs.existsSync(path.join(s.dir, RESTORE_MARKER))).toBe(false);
      expect(fs.readdirSync(s.dir).some((f) => f.startsWith('.restore-'))).toBe(false);
      expect(await run(['audit', 'verify', '--data', s.dir, '--user', 'admin'], say)).toBe(0);
    } finally {
      delete process.env.PASSEUR_PASSWORD;
    }
  });

  it('a damaged current database is still replaced, and the kept copy is said damaged, not "wrong password"', async () => {
    process.env.PASSEUR_PASSWORD = ADMIN_PASSWORD;
    const lines: string[] = [];
    try {
      const s = await newSite();
      const backup = path.join(tmpDir(), 'b.passeur');
      s.app.vault.backupTo(backup);
      s.app.close();
      const file = path.join(s.dir, 'passeur.db');
      const bytes = fs.readFileSync(file);
      bytes[4096 * 2 + 50] = bytes[4096 * 2 + 50]! ^ 0xff;
      fs.writeFileSync(file, bytes);
      fs.rmSync(`${file}-wal`, { force: true });
      expect(await run(['restore', '--from', backup, '--data', s.dir, '--user', 'admin'], (l) => void lines.push(l))).toBe(0);
      expect(lines.at(-1)).toMatch(/copie non vérifiée : La base de données est endommagée/);
    } finally {
      delete process.env.PASSEUR_PASSWORD;
    }
  });
});
