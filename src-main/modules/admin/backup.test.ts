/**
 * The admin screen's backups and restores (same writer and same checks as `passeur backup`
 * and `passeur restore`), and the recovery code: renewed by an admin, used at the login
 * screen for a forgotten password. Refusals write nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashDir } from '../../../tests/helpers/tmp';
import { ADMIN_PASSWORD, newSite } from '../../../tests/helpers/site';
import { dispatch } from '../../api/dispatch';
import { verifyAudit } from '../../store/audit';

type Site = Awaited<ReturnType<typeof newSite>>;
let sites: Site[] = [];
async function site() {
  const s = await newSite();
  sites.push(s);
  return s;
}
afterEach(() => {
  for (const s of sites) s.app.close();
  sites = [];
});

const backups = (s: Site) => path.join(s.dir, 'sauvegardes');
const actions = (s: Site) => (s.app.vault.db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);
const logins = (s: Site) => (s.app.vault.db.prepare('SELECT login FROM users ORDER BY id').all() as { login: string }[]).map((r) => r.login);

/** The data folder and the backups folder, byte for byte. */
function folders(s: Site) {
  if (s.app.vault.isOpen()) s.app.vault.db.pragma('wal_checkpoint(TRUNCATE)');
  return { data: hashDir(s.dir), backups: fs.existsSync(backups(s)) ? hashDir(backups(s)) : {}, entries: fs.readdirSync(s.dir).sort() };
}

async function refused(s: Site, token: string | null, channel: string, input: unknown, code: string) {
  const before = folders(s);
  const { result } = await dispatch(s.app, token, channel, input);
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect(folders(s)).toEqual(before);
  return result.ok ? '' : result.error.message;
}

describe('backups from the admin screen', () => {
  it('writes an encrypted backup in the backups folder, audited, and lists it with its size', async () => {
    const s = await site();
    expect(await s.must(s.adminToken, 'admin:listBackups', {})).toEqual({ folder: backups(s), backups: [] });
    const b = await s.must(s.adminToken, 'admin:backup', {});
    expect(b.file).toMatch(/^passeur-MTB-\d{4}-\d{2}-\d{2}-\d{6}\.passeur$/);
    expect(b.path).toBe(path.join(backups(s), b.file));
    expect(fs.statSync(b.path).size).toBe(b.bytes);
    expect(fs.readFileSync(b.path).subarray(0, 15).toString()).toBe('PASSEUR-BACKUP\n');
    // The database inside is encrypted: no plain SQLite header, no login in clear.
    expect(fs.readFileSync(b.path).includes(Buffer.from('SQLite format 3'))).toBe(false);
    const second = await s.must(s.adminToken, 'admin:backup', {});
    expect(second.file).not.toBe(b.file);
    const list = await s.must(s.adminToken, 'admin:listBackups', {});
    expect(list.backups.map((x) => x.file).sort()).toEqual([b.file, second.file].sort());
    expect(list.backups.find((x) => x.file === b.file)).toMatchObject({ bytes: b.bytes, createdAt: b.createdAt });
    expect(actions(s).filter((a) => a === 'store.backup')).toHaveLength(2);
  });

  it('restores: the backup opens with the account first, the replaced files are kept, every session ends, the restore is audited', async () => {
    const s = await site();
    const ass = await s.userWith('ass.martin', ['ass']);
    const b = await s.must(s.adminToken, 'admin:backup', {});
    // After the backup: an account created, which the restore takes away.
    await s.userWith('sec.durand', ['secretaire']);
    expect(logins(s)).toContain('sec.durand');
    const events: string[] = [];
    s.app.bus.on('event', (_token: string | null, name: string) => events.push(name));
    const out = await s.must(s.adminToken, 'admin:restoreBackup', { file: b.file, login: 'admin', password: ADMIN_PASSWORD });
    // Nobody is told to read again (every session has ended): the restoring screen keeps its report.
    expect(events).not.toContain('data:changed');
    expect(out).toMatchObject({ createdAt: b.createdAt, keptVerified: true, keptNote: null });
    expect(out.kept).toMatch(/avant-restauration-/);
    // Every session ended, the caller's too: everyone logs in again.
    expect(await s.call(s.adminToken, 'admin:listUsers', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await s.call(ass.token, 'site:info', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const again = await dispatch(s.app, null, 'auth:login', { login: 'admin', password: ADMIN_PASSWORD });
    expect(again.result.ok).toBe(true);
    expect(logins(s)).toEqual(['admin', 'ass.martin']);
    expect(actions(s)).toContain('store.restore');
    expect(verifyAudit(s.app.vault.db).ok).toBe(true);
    // The kept copy is a data folder of its own, with the account created after the backup.
    expect(fs.existsSync(path.join(out.kept!, 'passeur.db'))).toBe(true);
    expect(fs.existsSync(path.join(out.kept!, 'passeur.keyring.json'))).toBe(true);
    const kept = await newSiteAt(out.kept!);
    expect(kept).toContain('sec.durand');
  });

  it('refuses a wrong password, an unknown file, a damaged backup and a non-admin, writing nothing', async () => {
    const s = await site();
    const resp = await s.userWith('resp.bernard', ['responsable']);
    const b = await s.must(s.adminToken, 'admin:backup', {});
    const msg = await refused(s, s.adminToken, 'admin:restoreBackup', { file: b.file, login: 'admin', password: 'pas le bon mot de passe' }, 'bad_credentials');
    expect(msg).toContain('Rien n’a été restauré');
    expect(await refused(s, s.adminToken, 'admin:restoreBackup', { file: 'inconnue.passeur', login: 'admin', password: ADMIN_PASSWORD }, 'not_found')).toContain('Rechargez la liste');
    expect(await refused(s, s.adminToken, 'admin:restoreBackup', { file: '../passeur.db', login: 'admin', password: ADMIN_PASSWORD }, 'invalid_input')).toContain('Sauvegarde');
    await refused(s, resp.token, 'admin:restoreBackup', { file: b.file, login: 'admin', password: ADMIN_PASSWORD }, 'forbidden');
    await refused(s, resp.token, 'admin:backup', {}, 'forbidden');
    // One byte changed in the encrypted pages: the SHA-256 says so before anything is touched.
    const bytes = fs.readFileSync(b.path);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    fs.writeFileSync(b.path, bytes);
    expect(await refused(s, s.adminToken, 'admin:restoreBackup', { file: b.file, login: 'admin', password: ADMIN_PASSWORD }, 'backup_invalid')).toContain('SHA-256');
    // The sessions live on after each refusal.
    expect((await s.call(s.adminToken, 'admin:listUsers', {})).ok).toBe(true);
    expect((await s.call(resp.token, 'site:info', {})).ok).toBe(true);
  });
});

/** Opens a kept folder as a site of its own and lists its accounts. */
async function newSiteAt(dir: string): Promise<string[]> {
  const { AppCore } = await import('../../api/app');
  const { registry } = await import('..');
  const app = new AppCore(dir, registry);
  try {
    const r = await dispatch(app, null, 'auth:login', { login: 'admin', password: ADMIN_PASSWORD });
    expect(r.result.ok).toBe(true);
    return (app.vault.db.prepare('SELECT login FROM users ORDER BY id').all() as { login: string }[]).map((u) => u.login);
  } finally {
    app.close();
  }
}

describe('the recovery code', () => {
  it('gives a forgotten password a one-time one at the login screen, to change at once; audited', async () => {
    const s = await site();
    const ass = await s.userWith('ass.martin', ['ass']);
    const r = await s.must(null, 'auth:recover', { login: 'ASS.Martin', recoveryCode: s.recoveryCode.toLowerCase().replace(/-/g, ' ') });
    expect(r.login).toBe('ass.martin');
    // The open session of the account ends; the old password no longer opens anything.
    expect(await s.call(ass.token, 'site:info', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await dispatch(s.app, null, 'auth:login', { login: 'ass.martin', password: ass.password })).result.ok).toBe(false);
    const login = await dispatch(s.app, null, 'auth:login', { login: 'ass.martin', password: r.oneTimePassword });
    expect(login.result).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect(actions(s)).toContain('user.password_recover');
  });

  it('refuses a wrong code, an unknown account and a malformed code, changing nothing', async () => {
    const s = await site();
    await s.userWith('ass.martin', ['ass']);
    expect(await refused(s, null, 'auth:recover', { login: 'ass.martin', recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' }, 'bad_credentials')).toContain('Code de secours incorrect');
    expect(await refused(s, null, 'auth:recover', { login: 'personne', recoveryCode: s.recoveryCode }, 'not_found')).toContain('Aucun compte actif « personne »');
    expect(await refused(s, null, 'auth:recover', { login: 'ass.martin', recoveryCode: '1234' }, 'invalid_input')).toContain('25 lettres ou chiffres');
  });

  it('an admin renews it: the former code stops working, the new one works; audited', async () => {
    const s = await site();
    await s.userWith('ass.martin', ['ass']);
    const { recoveryCode } = await s.must(s.adminToken, 'admin:renewRecoveryCode', {});
    expect(recoveryCode).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
    expect(recoveryCode).not.toBe(s.recoveryCode);
    await refused(s, null, 'auth:recover', { login: 'ass.martin', recoveryCode: s.recoveryCode }, 'bad_credentials');
    expect((await s.call(null, 'auth:recover', { login: 'ass.martin', recoveryCode })).ok).toBe(true);
    expect(s.app.vault.keyring().holders.filter((h) => h.kind === 'recovery')).toHaveLength(1);
    expect(actions(s)).toContain('store.recovery_renewed');
  });

  it('too many wrong codes: the next tries wait, even with the right code', async () => {
    const s = await site();
    for (let i = 0; i < 5; i++) await s.call(null, 'auth:recover', { login: 'admin', recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' });
    await refused(s, null, 'auth:recover', { login: 'admin', recoveryCode: s.recoveryCode }, 'too_many_attempts');
  });
});
