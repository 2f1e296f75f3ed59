import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { hashDir } from '../../../tests/helpers/tmp';
import { newSite } from '../../../tests/helpers/site';
import { dispatch } from '../../api/dispatch';
import { verifyAudit } from '../../store/audit';

let sites: Awaited<ReturnType<typeof newSite>>[] = [];
async function site() {
  const s = await newSite();
  sites.push(s);
  return s;
}
afterEach(() => {
  for (const s of sites) s.app.close();
  sites = [];
});

/** A refused call leaves the data folder byte-for-byte as it was. */
async function refusedUnchanged(s: Awaited<ReturnType<typeof newSite>>, token: string, channel: string, input: unknown, code: string) {
  s.app.vault.db.pragma('wal_checkpoint(TRUNCATE)');
  const before = hashDir(s.dir);
  const { result } = await dispatch(s.app, token, channel, input);
  expect(result).toMatchObject({ ok: false, error: { code } });
  s.app.vault.db.pragma('wal_checkpoint(TRUNCATE)');
  expect(hashDir(s.dir)).toEqual(before);
  return result.ok ? null : result.error;
}

describe('accounts', () => {
  it('a new account must replace its one-time password before anything else', async () => {
    const s = await site();
    const created = await s.must(s.adminToken, 'admin:createUser', { login: 'ass.martin', displayName: 'Alex Martin', roles: ['ass'] });
    const { sessionToken } = await dispatch(s.app, null, 'auth:login', { login: 'ass.martin', password: (created as { oneTimePassword: string }).oneTimePassword });
    expect(await s.call(sessionToken!, 'site:info', {})).toMatchObject({ ok: false, error: { code: 'must_change_password' } });
    const weak = await s.call(sessionToken!, 'auth:changePassword', { current: (created as { oneTimePassword: string }).oneTimePassword, next: 'court' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'weak_password', field: 'next' } });
    await s.must(sessionToken!, 'auth:changePassword', { current: (created as { oneTimePassword: string }).oneTimePassword, next: 'ma phrase secrète à moi' });
    expect(await s.call(sessionToken!, 'site:info', {})).toMatchObject({ ok: true });
    // The one-time password no longer opens anything; the new one does.
    expect((await dispatch(s.app, null, 'auth:login', { login: 'ass.martin', password: (created as { oneTimePassword: string }).oneTimePassword })).result.ok).toBe(false);
    expect((await dispatch(s.app, null, 'auth:login', { login: 'ass.martin', password: 'ma phrase secrète à moi' })).result.ok).toBe(true);
  });

  it('refuses a login already taken, and changes nothing', async () => {
    const s = await site();
    await s.userWith('sec.durand', ['secretaire']);
    const err = await refusedUnchanged(s, s.adminToken, 'admin:createUser', { login: 'SEC.Durand', displayName: 'Autre', roles: ['ass'] }, 'conflict');
    expect(err?.message).toContain('« sec.durand » est déjà utilisé');
  });

  it('disabling rotates the database key: the account is out, the others still in, its sessions ended', async () => {
    const s = await site();
    const ass = await s.userWith('ass.martin', ['ass']);
    const sec = await s.userWith('sec.durand', ['secretaire']);
    const keyBefore = s.app.vault.keyring().keyCheck;
    await s.must(s.adminToken, 'admin:disableUser', { userId: ass.id, rotateKey: true });
    expect(s.app.vault.keyring().keyCheck).not.toBe(keyBefore);
    expect(s.app.vault.keyring().holders.map((h) => h.login ?? h.kind).sort()).toEqual(['admin', 'recovery', 'sec.durand']);
    expect(await s.call(ass.token, 'site:info', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await dispatch(s.app, null, 'auth:login', { login: 'ass.martin', password: ass.password })).result).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect((await dispatch(s.app, null, 'auth:login', { login: 'sec.durand', password: sec.password })).result.ok).toBe(true);
    const actions = (s.app.vault.db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'store.rekey']));
    expect(verifyAudit(s.app.vault.db).ok).toBe(true);
    // Re-enabling gives a new one-time password.
    const back = await s.must(s.adminToken, 'admin:enableUser', { userId: ass.id });
    expect(back.user).toMatchObject({ disabled: false, mustChangePassword: true });
    expect((await dispatch(s.app, null, 'auth:login', { login: 'ass.martin', password: back.oneTimePassword })).result.ok).toBe(true);
  });

  it('keeps one active admin and refuses self-disabling', async () => {
    const s = await site();
    const me = await s.must(s.adminToken, 'admin:listUsers', {});
    const adminId = me[0]!.id;
    await refusedUnchanged(s, s.adminToken, 'admin:disableUser', { userId: adminId, rotateKey: false }, 'conflict');
    await refusedUnchanged(s, s.adminToken, 'admin:updateUser', { userId: adminId, roles: ['responsable'] }, 'conflict');
  });

  it('a reset password replaces the old one and ends open sessions', async () => {
    const s = await site();
    const u = await s.userWith('cesf.petit', ['cesf']);
    const r = await s.must(s.adminToken, 'admin:resetPassword', { userId: u.id });
    expect(await s.call(u.token, 'site:info', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await dispatch(s.app, null, 'auth:login', { login: 'cesf.petit', password: u.password })).result.ok).toBe(false);
    expect((await dispatch(s.app, null, 'auth:login', { login: 'cesf.petit', password: r.oneTimePassword })).result.ok).toBe(true);
  });

  it('changing roles ends the person’s sessions so new rights apply at once', async () => {
    const s = await site();
    const u = await s.userWith('x.resp', ['responsable']);
    expect(await s.call(u.token, 'audit:list', { limit: 1 })).toMatchObject({ ok: true });
    await s.must(s.adminToken, 'admin:updateUser', { userId: u.id, roles: ['secretaire'] });
    expect(await s.call(u.token, 'audit:list', { limit: 1 })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const again = await dispatch(s.app, null, 'auth:login', { login: 'x.resp', password: u.password });
    expect(await s.call(again.sessionToken!, 'audit:list', { limit: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('sectors', () => {
  it('maps communes to a sector with its référents, and refuses what does not fit, unchanged', async () => {
    const s = await site();
    const ass = await s.userWith('ass.martin', ['ass'], 'Alex Martin');
    const cesf = await s.userWith('cesf.petit', ['cesf'], 'Dominique Petit');
    const sector = await s.must(s.adminToken, 'admin:saveSector', { name: 'Nord', referentAssId: ass.id, referentCesfId: cesf.id, communes: ['82121', '82125'] });
    const info = await s.must(ass.token, 'site:info', {});
    expect(info.communes.find((c) => c.insee === '82121')?.sectorName).toBe('Nord');
    await refusedUnchanged(s, s.adminToken, 'admin:saveSector', { name: 'Sud', referentAssId: cesf.id, referentCesfId: null, communes: [] }, 'invalid_input');
    await refusedUnchanged(s, s.adminToken, 'admin:saveSector', { name: 'Sud', referentAssId: null, referentCesfId: null, communes: ['75056'] }, 'invalid_input');
    const taken = await refusedUnchanged(s, s.adminToken, 'admin:saveSector', { name: 'Sud', referentAssId: null, referentCesfId: null, communes: ['82125'] }, 'conflict');
    expect(taken?.message).toContain('Montech (82125, secteur Nord)');
    await refusedUnchanged(s, s.adminToken, 'admin:saveSector', { name: 'nord', referentAssId: null, referentCesfId: null, communes: [] }, 'conflict');
    await s.must(s.adminToken, 'admin:deleteSector', { id: sector.id });
    const after = await s.must(s.adminToken, 'site:info', {});
    expect(after.communes.every((c) => c.sectorId === null)).toBe(true);
  });
});

describe('password guessing', () => {
  it('makes a login wait after 5 wrong passwords, even with the right one, then lets it in', async () => {
    const s = await site();
    const u = await s.userWith('sec.durand', ['secretaire']);
    for (let i = 0; i < 5; i++) {
      expect((await dispatch(s.app, null, 'auth:login', { login: 'sec.durand', password: `essai ${i}` })).result).toMatchObject({ error: { code: 'bad_credentials' } });
    }
    const blocked = (await dispatch(s.app, null, 'auth:login', { login: 'SEC.DURAND', password: u.password })).result;
    expect(blocked).toMatchObject({ ok: false, error: { code: 'too_many_attempts' } });
    if (!blocked.ok) expect(blocked.error.message).toMatch(/réessayez dans 1 minute/);
    // Another login is not affected.
    expect((await dispatch(s.app, null, 'auth:login', { login: 'admin', password: 'une longue phrase secrète' })).result.ok).toBe(true);
    const start = Date.now();
    s.app.clock = () => new Date(start + 31_000);
    expect((await dispatch(s.app, null, 'auth:login', { login: 'sec.durand', password: u.password })).result.ok).toBe(true);
  });
});

describe('idle lock', () => {
  it('locks a session after the site’s idle time, server-side, until the password is given', async () => {
    const s = await site();
    await s.must(s.adminToken, 'admin:saveSettings', { idleLockMinutes: 5 });
    const u = await s.userWith('sec.durand', ['secretaire']);
    const locked: string[] = [];
    s.app.bus.on('event', (_t, name) => locked.push(name));
    const start = Date.now();
    s.app.clock = () => new Date(start + 6 * 60_000);
    expect(await s.call(u.token, 'site:info', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(locked).toContain('session:locked');
    expect(await s.call(u.token, 'auth:unlock', { password: 'wrong password here' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect(await s.call(u.token, 'site:info', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await s.call(u.token, 'auth:unlock', { password: u.password })).toMatchObject({ ok: true });
    expect(await s.call(u.token, 'site:info', {})).toMatchObject({ ok: true });
    // After a working day the session is over, active or not.
    s.app.clock = () => new Date(start + 13 * 60 * 60_000);
    expect(await s.call(u.token, 'site:info', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('audit log', () => {
  it('records who did what in the same transaction, and verify finds the first altered row', async () => {
    const s = await site();
    await s.userWith('sec.durand', ['secretaire']);
    expect(await s.must(s.adminToken, 'audit:verify', {})).toMatchObject({ ok: true, brokenAt: null });
    const db = s.app.vault.db;
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE id = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 3').run()).toThrow(/append-only/);
    // Someone with the key and a SQL shell drops the guard and edits a row.
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET entity_id = '99' WHERE id = 3").run();
    expect(await s.must(s.adminToken, 'audit:verify', {})).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('logs carry no personal data', async () => {
    const lines: string[] = [];
    const { setLogSink } = await import('../../shared/log');
    setLogSink((l) => lines.push(l));
    const s = await site();
    await s.userWith('dupont.berenice', ['ass'], 'Bérénice Dupont');
    await dispatch(s.app, null, 'auth:login', { login: 'dupont.berenice', password: 'mauvais mot de passe' });
    const { setQuiet } = await import('../../shared/log');
    setQuiet(true);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toMatch(/dupont|bérénice|berenice|Montauban|phrase|mot de passe/i);
    expect(fs.existsSync(s.dir)).toBe(true);
  });
});
