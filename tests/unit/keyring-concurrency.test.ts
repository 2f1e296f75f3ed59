/** Keyring work that overlaps (accounts created while another is disabled with a key
 *  rotation, a password changed meanwhile) loses nobody's holder. */
import { describe, expect, it } from 'vitest';
import { readKeyring, findUserHolder } from '../../src-main/store/keyring';
import { Vault } from '../../src-main/store/vault';
import { ADMIN_PASSWORD, newSite } from '../helpers/site';

describe('keyring changes at the same time', () => {
  it('three accounts created during a disable with rotation all open the database afterwards', async () => {
    const s = await newSite();
    const leaving = await s.userWith('partant', ['ass']);
    const staying = await s.userWith('reste', ['cesf']);
    const [created, , changed] = await Promise.all([
      Promise.all(['n1', 'n2', 'n3'].map((login) => s.must(s.adminToken, 'admin:createUser', { login, displayName: login, roles: ['secretaire'] }))),
      s.must(s.adminToken, 'admin:disableUser', { userId: leaving.id, rotateKey: true }),
      s.call(staying.token, 'auth:changePassword', { current: staying.password, next: 'une autre phrase bien longue' }),
    ]);
    expect(changed.ok).toBe(true);
    const ring = readKeyring(s.app.vault.keyringFile);
    expect(ring.pendingKeyCheck).toBeUndefined();
    expect(findUserHolder(ring, 'partant')).toBeUndefined();
    s.app.close();

    const otps = (created as { oneTimePassword: string }[]).map((c) => c.oneTimePassword);
    for (const [login, password] of [['n1', otps[0]], ['n2', otps[1]], ['n3', otps[2]], ['reste', 'une autre phrase bien longue'], ['admin', ADMIN_PASSWORD]] as const) {
      const v = new Vault(s.dir);
      expect((await v.authenticate(login, password!)).login).toBe(login);
      v.close();
    }
    const v = new Vault(s.dir);
    await expect(v.authenticate('partant', leaving.password)).rejects.toMatchObject({ code: 'bad_credentials' });
    v.close();
  });
});

describe('two admins at once', () => {
  it('disabling each other at the same time leaves one active administrator', async () => {
    const s = await newSite();
    const other = await s.userWith('admin2', ['admin']);
    const [a, b] = await Promise.all([
      s.call(s.adminToken, 'admin:disableUser', { userId: other.id, rotateKey: true }),
      s.call(other.token, 'admin:disableUser', { userId: 1, rotateKey: false }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const refused = (a.ok ? b : a) as { ok: false; error: { code: string; message: string } };
    expect(['forbidden', 'conflict', 'account_disabled']).toContain(refused.error.code);
    const admins = s.app.vault.db.prepare("SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'admin' AND u.disabled_at IS NULL").get() as { n: number };
    expect(admins.n).toBe(1);
    s.app.close();
  });

  it('a password reset racing a disable never gives the disabled account a keyring entry back', async () => {
    const s = await newSite();
    const other = await s.userWith('admin2', ['admin']);
    const target = await s.userWith('cible', ['ass']);
    const [, reset] = await Promise.all([
      s.call(s.adminToken, 'admin:disableUser', { userId: target.id, rotateKey: true }),
      s.call(other.token, 'admin:resetPassword', { userId: target.id }),
    ]);
    const ring = readKeyring(s.app.vault.keyringFile);
    const disabled = (s.app.vault.db.prepare('SELECT disabled_at FROM users WHERE id = ?').get(target.id) as { disabled_at: string | null }).disabled_at;
    expect(disabled).not.toBeNull();
    expect(findUserHolder(ring, 'cible')).toBeUndefined();
    expect(reset).toMatchObject({ ok: false, error: { code: 'conflict' } });
    s.app.close();
  });
});
