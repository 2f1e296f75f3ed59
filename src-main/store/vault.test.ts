import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { hashDir, tmpDir } from '../../tests/helpers/tmp';
import { DB_FILE, KEYRING_FILE, Vault, createUserWithSecret } from './vault';
import { readBackup, restoreBackup, writeBackup } from './backup';
import { LATEST_VERSION } from './migrations';
import { verifyAudit } from './audit';

const ADMIN = { login: 'admin.site', displayName: 'Camille Admin', password: 'correct horse battery' };
const SITE = { siteName: 'MDS Montauban Est', siteCode: 'MTB', communes: [{ insee: '82121', name: 'Montauban' }] };

const open: Vault[] = [];
async function freshSite() {
  const dir = tmpDir();
  const v = new Vault(dir);
  open.push(v);
  const { recoveryCode } = await v.init({ ...SITE, admin: ADMIN });
  return { dir, v, recoveryCode };
}
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});

async function expectRefused(dir: string, fn: () => Promise<unknown>, code: string) {
  const before = hashDir(dir);
  const err = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ code });
  expect((err as Error).message).toMatch(/[éèàç]|Rien|incorrect/); // a French sentence
  expect(hashDir(dir)).toEqual(before);
  return err as Error;
}

describe('Vault: encrypted store and keyring', () => {
  it('writes nothing readable: a known name never appears in the files', async () => {
    const { dir, v } = await freshSite();
    v.db.transaction(() => v.db.prepare("UPDATE users SET display_name = 'Bérénice Quatrefages-Zorn'").run())();
    v.close();
    for (const f of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, f));
      expect(bytes.includes(Buffer.from('Quatrefages'))).toBe(false);
      expect(bytes.includes(Buffer.from('Montauban'))).toBe(false);
    }
    expect(fs.readFileSync(path.join(dir, DB_FILE)).subarray(0, 15).toString()).not.toBe('SQLite format 3');
  });

  it('unlocks with the admin password and opens the database at the latest schema', async () => {
    const { dir, v } = await freshSite();
    v.close();
    const again = new Vault(dir);
    open.push(again);
    const user = await again.authenticate('ADMIN.site', ADMIN.password);
    expect(user.roles).toEqual(['admin']);
    expect(again.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(again.db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(again.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(verifyAudit(again.db)).toMatchObject({ ok: true, rows: 2 });
  });

  it('refuses a wrong password and an unknown user with the same message, files unchanged', async () => {
    const { dir, v } = await freshSite();
    v.close();
    const a = await expectRefused(dir, () => new Vault(dir).authenticate(ADMIN.login, 'wrong password!!'), 'bad_credentials');
    const b = await expectRefused(dir, () => new Vault(dir).authenticate('nobody', ADMIN.password), 'bad_credentials');
    expect(a.message).toBe(b.message);
  });

  it('refuses a damaged keyring, files unchanged', async () => {
    const { dir, v } = await freshSite();
    v.close();
    const kr = path.join(dir, KEYRING_FILE);
    fs.writeFileSync(kr, fs.readFileSync(kr, 'utf8').slice(0, 200));
    await expectRefused(dir, () => new Vault(dir).authenticate(ADMIN.login, ADMIN.password), 'keyring_damaged');
    const ring = JSON.parse(fs.readFileSync(path.join(dir, KEYRING_FILE), 'utf8').length > 0 ? '{}' : '{}');
    fs.writeFileSync(kr, JSON.stringify({ ...ring, format: 'passeur-keyring', version: 1 }));
    await expectRefused(dir, () => new Vault(dir).authenticate(ADMIN.login, ADMIN.password), 'keyring_damaged');
  });

  it('refuses a database written by a newer version, files unchanged', async () => {
    const { dir, v } = await freshSite();
    v.db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    v.close();
    const err = await expectRefused(dir, () => new Vault(dir).authenticate(ADMIN.login, ADMIN.password), 'database_newer');
    expect(err.message).toContain('plus récente');
  });

  it('refuses a database file that is not Passeur’s, files unchanged', async () => {
    const { dir, v } = await freshSite();
    v.close();
    fs.rmSync(path.join(dir, DB_FILE));
    const plain = new Database(path.join(dir, DB_FILE));
    plain.exec('CREATE TABLE other(x); INSERT INTO other VALUES (1)');
    plain.close();
    await expectRefused(dir, () => new Vault(dir).authenticate(ADMIN.login, ADMIN.password), 'database_foreign');
  });

  it('refuses a tampered page, files unchanged', async () => {
    const { dir, v } = await freshSite();
    // Enough rows that the file has pages past the first.
    v.db.transaction(() => {
      const ins = v.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      for (let i = 0; i < 400; i++) ins.run(`k${i}`, 'x'.repeat(100));
    })();
    v.close();
    const file = path.join(dir, DB_FILE);
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(4096 * 4);
    bytes[4096 * 3 + 100] = (bytes[4096 * 3 + 100]! ^ 0xff) & 0xff;
    fs.writeFileSync(file, bytes);
    await expectRefused(dir, () => new Vault(dir).authenticate(ADMIN.login, ADMIN.password), 'database_damaged');
  });

  it('opens with the recovery code, typed loosely', async () => {
    const { dir, v, recoveryCode } = await freshSite();
    v.close();
    expect(recoveryCode).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
    const again = new Vault(dir);
    open.push(again);
    await again.unlockWithRecovery(recoveryCode.toLowerCase().replace(/-/g, ' '));
    expect(again.isOpen()).toBe(true);
    await expect(new Vault(dir).unlockWithRecovery('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA')).rejects.toMatchObject({ code: 'bad_credentials' });
  });

  it('adds a user without their password being known to anyone but the admin session, and rotates the key on removal', async () => {
    const { dir, v } = await freshSite();
    await createUserWithSecret(v, 1, { login: 'ass.martin', displayName: 'Alex Martin', roles: ['ass'], password: 'temporary-pass-1', mustChangePassword: true });
    await createUserWithSecret(v, 1, { login: 'sec.durand', displayName: 'Sam Durand', roles: ['secretaire'], password: 'temporary-pass-2', mustChangePassword: true });
    const oldRing = v.keyring();
    // The removed user's copy: their holder as it was.
    v.saveKeyring(v.withoutUser('ass.martin'));
    await v.rotateKey();
    v.close();
    const after = new Vault(dir);
    open.push(after);
    await expect(after.authenticate('ass.martin', 'temporary-pass-1')).rejects.toMatchObject({ code: 'bad_credentials' });
    expect((await after.authenticate('sec.durand', 'temporary-pass-2')).login).toBe('sec.durand');
    after.close();
    // Even putting the old keyring back, the removed user's sealed key opens nothing now.
    fs.writeFileSync(path.join(dir, KEYRING_FILE), JSON.stringify(oldRing));
    await expect(new Vault(dir).authenticate('ass.martin', 'temporary-pass-1')).rejects.toMatchObject({ code: expect.stringMatching(/database_foreign|keyring_damaged/) });
  });

  it('backs up to one encrypted file and restores it after checking the password', async () => {
    const { dir, v } = await freshSite();
    const target = path.join(tmpDir(), 'sauvegarde.passeur');
    writeBackup(v, target);
    const { db } = readBackup(target);
    expect(db.includes(Buffer.from('Montauban'))).toBe(false);
    v.db.transaction(() => v.db.prepare("UPDATE site SET name = 'Changed after backup'").run())();
    v.close();
    const restoreDir = tmpDir();
    await expect(restoreBackup(target, restoreDir, ADMIN.login, 'wrong password!!')).rejects.toMatchObject({ code: 'bad_credentials' });
    expect(hashDir(restoreDir)).toEqual({}); // nothing restored (only the folder's lock was taken)
    await restoreBackup(target, dir, ADMIN.login, ADMIN.password);
    const r = new Vault(dir);
    open.push(r);
    await r.authenticate(ADMIN.login, ADMIN.password);
    expect(r.db.prepare('SELECT name FROM site').get()).toEqual({ name: SITE.siteName });
    expect(fs.readdirSync(dir).some((f) => f.includes('avant-restauration'))).toBe(true);
    // A truncated backup is refused.
    const cut = path.join(tmpDir(), 'cut.passeur');
    fs.writeFileSync(cut, fs.readFileSync(target).subarray(0, 5000));
    expect(() => readBackup(cut)).toThrow(/altéré|tronqué/);
  });
});
