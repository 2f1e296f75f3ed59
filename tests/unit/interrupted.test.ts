/** What an interruption leaves is finished (or refused in French) at the next open. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src-main/cli';
import { appendAudit } from '../../src-main/store/audit';
import { setDisabled } from '../../src-main/store/users';
import { durably, getIntent, setIntent } from '../../src-main/store/intents';
import { findUserHolder, readKeyring } from '../../src-main/store/keyring';
import { Vault } from '../../src-main/store/vault';
import { writeBackup } from '../../src-main/store/backup';
import { RESTORE_MARKER } from '../../src-main/store/files';
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
    expect(getIntent(v.db, 'partant')).toBeNull();
    expect(v.db.prepare("SELECT detail FROM audit_log WHERE action = 'store.rekey_resumed'").get()).toEqual({ detail: JSON.stringify({ stage: 'intent' }) });
    v.close();
    // Done once: the next open rotates nothing more.
    const again = new Vault(s.dir);
    await again.authenticate('admin', ADMIN_PASSWORD);
    expect(again.keyring().keyCheck).toBe(ring.keyCheck);
    again.close();
  });
});

describe('unfinished disables, one per account', () => {
  /** A disable of `login` whose keyring part never ran (the process died after the commit). */
  async function cutDisable(s: Awaited<ReturnType<typeof newSite>>, id: number, login: string) {
    const db = s.app.vault.db;
    const keyCheckBefore = readKeyring(s.app.vault.keyringFile).keyCheck;
    durably(db, () => {
      setDisabled(db, id, '2026-11-30T10:00:00.000Z');
      setIntent(db, { op: 'disable', login, rotate: true, keyCheckBefore });
    });
    return keyCheckBefore;
  }

  it('a second disable does not erase the first one’s; a retry finishes it before saying done', async () => {
    const s = await newSite();
    const x = await s.userWith('premier', ['ass']);
    const y = await s.userWith('second', ['cesf']);
    const keyBefore = await cutDisable(s, x.id, 'premier');
    await s.must(s.adminToken, 'admin:disableUser', { userId: y.id, rotateKey: false });
    expect(getIntent(s.app.vault.db, 'premier')).not.toBeNull();
    // Asked again: carried out now, then answered.
    await s.must(s.adminToken, 'admin:disableUser', { userId: x.id, rotateKey: true });
    const ring = readKeyring(s.app.vault.keyringFile);
    expect(findUserHolder(ring, 'premier')).toBeUndefined();
    expect(ring.keyCheck).not.toBe(keyBefore);
    expect(getIntent(s.app.vault.db, 'premier')).toBeNull();
    s.app.close();
  });

  it('several cut disables are all finished at the next open', async () => {
    const s = await newSite();
    const x = await s.userWith('un', ['ass']);
    const y = await s.userWith('deux', ['cesf']);
    const before = await cutDisable(s, x.id, 'un');
    await cutDisable(s, y.id, 'deux');
    s.app.close();
    const v = new Vault(s.dir);
    await v.authenticate('admin', ADMIN_PASSWORD);
    const ring = v.keyring();
    expect(findUserHolder(ring, 'un')).toBeUndefined();
    expect(findUserHolder(ring, 'deux')).toBeUndefined();
    expect(ring.keyCheck).not.toBe(before);
    v.close();
  });

  it('an account enabled again drops its unfinished disable: it still logs in after a restart', async () => {
    const s = await newSite();
    const x = await s.userWith('revenant', ['ass']);
    await cutDisable(s, x.id, 'revenant');
    const { oneTimePassword } = await s.must(s.adminToken, 'admin:enableUser', { userId: x.id });
    expect(getIntent(s.app.vault.db, 'revenant')).toBeNull();
    s.app.close();
    const v = new Vault(s.dir);
    await v.authenticate('admin', ADMIN_PASSWORD);
    v.close();
    const again = new Vault(s.dir);
    expect((await again.authenticate('revenant', oneTimePassword)).login).toBe('revenant');
    again.close();
  });

  it('two right passwords at once while the open finishes a cut disable: both accepted', async () => {
    const s = await newSite();
    const x = await s.userWith('partant', ['ass']);
    const stay = await s.userWith('reste', ['cesf']);
    await cutDisable(s, x.id, 'partant');
    s.app.close();
    const v = new Vault(s.dir);
    const both = await Promise.allSettled([v.authenticate('admin', ADMIN_PASSWORD), v.authenticate('reste', stay.password)]);
    expect(both.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    v.close();
  });
});

describe('an interrupted restore', () => {
  it('leaves a folder that refuses to open or to be created again, until the restore is run again', async () => {
    process.env.PASSEUR_PASSWORD = ADMIN_PASSWORD;
    try {
      const s = await newSite();
      const backup = path.join(tmpDir(), 'b.passeur');
      writeBackup(s.app.vault, backup);
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
      writeBackup(s.app.vault, backup);
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
