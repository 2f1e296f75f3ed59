/**
 * Nothing acknowledged is ever lost, whatever stops the owner process: kills during audited
 * writes and during backups handed to it by `passeur backup`; restore refused while another
 * process owns the folder; restore after a crash keeps every committed write in the kept
 * copy; a disable through the CLI while the app runs is carried out whole; a damaged file is
 * refused in French without a write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src-main/store/audit';
import { run } from '../../src-main/cli';
import { openDatabase } from '../../src-main/store/database';
import { findUserHolder, readKeyring, unsealDbKey } from '../../src-main/store/keyring';
import { Vault } from '../../src-main/store/vault';
import { hashDir, tmpDir } from '../helpers/tmp';
import { buildOwner, KILLS, prng, report, sleep, spawnOwner, type Child } from './child';

const PW = 'une longue phrase secrète';
const children: Child[] = [];
let out: string[] = [];
const say = (s: string) => void out.push(s);

beforeAll(buildOwner, 120_000);
beforeEach(() => {
  out = [];
  process.env.PASSEUR_PASSWORD = PW;
});
afterEach(async () => {
  for (const c of children.splice(0)) await c.kill();
});

async function site(): Promise<string> {
  const dir = tmpDir();
  const v = new Vault(dir);
  await v.init({ siteName: 'S', siteCode: 'SS', communes: [], admin: { login: 'admin', displayName: 'A', password: PW } });
  v.close();
  return dir;
}

function owner(dir: string, mode: 'write' | 'rotate' | 'idle', arg?: string): Child {
  const c = spawnOwner(dir, PW, mode, arg);
  children.push(c);
  return c;
}

/** Opens the site in this process and returns what the tests check. */
async function inspect(dir: string, upTo: number) {
  const v = new Vault(dir);
  await v.authenticate('admin', PW); // the open checks every page (quick_check)
  try {
    const db = v.db;
    const idx = "CAST(substr(key, 7) AS INTEGER)";
    const acknowledged = (db.prepare(`SELECT count(*) AS n FROM settings WHERE key LIKE 'crash-%' AND ${idx} <= ?`).get(upTo) as { n: number }).n;
    const max = (db.prepare(`SELECT coalesce(max(${idx}), 0) AS m FROM settings WHERE key LIKE 'crash-%'`).get() as { m: number }).m;
    const backups = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'store.backup'").get() as { n: number }).n;
    return { acknowledged, max, backups, audit: verifyAudit(db) };
  } finally {
    v.close();
  }
}

async function restorable(file: string): Promise<number> {
  const target = tmpDir();
  expect(await run(['restore', '--from', file, '--data', target, '--user', 'admin'], say)).toBe(0);
  const v = new Vault(target);
  await v.authenticate('admin', PW);
  try {
    expect(verifyAudit(v.db).ok).toBe(true);
    return (v.db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'crash-%'").get() as { n: number }).n;
  } finally {
    v.close();
  }
}

describe('kill -9 during audited writes and during backups', () => {
  it(`${KILLS} kills, each during writes and a handed-over backup: 0 acknowledged writes lost, every reported backup restorable and audited`, async () => {
    const dir = await site();
    const seed = Number(process.env.PASSEUR_SEED ?? Date.now() % 1_000_000);
    report(`writes: seed ${seed}, ${KILLS} kills`);
    const rand = prng(seed);
    // Calibration: how long a handed-over backup takes here, so the kills fall around it on
    // a slow machine as on a fast one.
    const calib = owner(dir, 'write');
    await calib.waitFor((l) => Number(l) >= 200, 'writes');
    const t0 = Date.now();
    expect(await run(['backup', '--to', path.join(tmpDir(), 'calibrage.passeur'), '--data', dir, '--user', 'admin'], say)).toBe(0);
    const backupMs = Date.now() - t0;
    await calib.kill();
    let next = (await inspect(dir, 0)).max + 1;
    let lost = 0;
    let backupsOk = 0;
    let backupsCut = 0;
    for (let k = 0; k < KILLS; k++) {
      const c = owner(dir, 'write', String(next));
      await c.waitFor((l) => Number(l) >= next + 20 + Math.floor(rand() * 200), 'writes');
      // Every kill falls during writes, and while a backup handed over by the CLI is under
      // way (or just asked, or just answered).
      const file = path.join(tmpDir(), 'sauvegarde.passeur');
      const backup: Promise<number | Error> = run(['backup', '--to', file, '--data', dir, '--user', 'admin'], say).catch((e: Error) => e);
      await sleep(Math.floor(rand() * backupMs * 1.5));
      await c.kill();
      const ack = c.lastNumber();
      const after = await inspect(dir, ack);
      if (after.acknowledged < ack) lost += ack - after.acknowledged;
      expect(after.acknowledged).toBe(ack);
      expect(after.audit.ok).toBe(true);
      next = after.max + 1;
      const r = await backup;
      if (r === 0) {
        backupsOk++;
        expect(await restorable(file)).toBeGreaterThan(0);
        expect(after.backups).toBeGreaterThanOrEqual(backupsOk);
      } else {
        backupsCut++;
        // Cut by the kill: said in French; "not carried out" only when the owner never got it.
        expect((r as Error).message).toMatch(/^Résultat inconnu|n’a pas reçu la commande/);
        if (/n’a pas reçu/.test((r as Error).message)) expect(fs.existsSync(file)).toBe(false);
      }
    }
    report(`writes: ${KILLS} kills (backups of ${backupMs} ms), ${next - 1} writes committed, ${lost} acknowledged writes lost; backups under way at each kill: ${backupsOk} completed (each restorable and audited), ${backupsCut} cut by the kill`);
    expect(lost).toBe(0);
    expect(backupsOk).toBeGreaterThan(0);
  }, 3_600_000);

  it('20 backups through the CLI while the owner keeps writing: every one exits 0, is audited and restorable', async () => {
    const dir = await site();
    const c = owner(dir, 'write');
    await c.waitFor((l) => Number(l) >= 100, 'writes');
    const files: string[] = [];
    for (let i = 0; i < 20; i++) {
      const file = path.join(tmpDir(), `s${i}.passeur`);
      expect(await run(['backup', '--to', file, '--data', dir, '--user', 'admin'], say)).toBe(0);
      expect(out.at(-1)).toMatch(/exécutée par « passeur serve »/);
      files.push(file);
    }
    await c.kill();
    const after = await inspect(dir, c.lastNumber());
    expect(after.backups).toBe(20);
    expect(after.acknowledged).toBe(c.lastNumber());
    const counts = [await restorable(files[0]!), await restorable(files[19]!)];
    expect(counts[1]).toBeGreaterThan(counts[0]!);
  });
});

describe('restore and the folder’s owner', () => {
  it('refuses a restore while another process owns the folder; files byte-identical', async () => {
    const dir = await site();
    const backup = path.join(tmpDir(), 'b.passeur');
    expect(await run(['backup', '--to', backup, '--data', dir, '--user', 'admin'], say)).toBe(0);
    const c = owner(dir, 'idle');
    await c.waitFor((l) => l === 'ready', 'ready');
    const before = hashDir(dir);
    await expect(run(['restore', '--from', backup, '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/déjà utilisé par « passeur serve » \(processus \d+.*Rien n’a été modifié/);
    expect(hashDir(dir)).toEqual(before);
    expect(fs.readdirSync(dir).some((f) => f.includes('avant-restauration') || f.startsWith('.restore-'))).toBe(false);
  });

  it('restore after a crash: the kept copy holds every committed write, WAL included', async () => {
    const dir = await site();
    const backup = path.join(tmpDir(), 'b.passeur');
    expect(await run(['backup', '--to', backup, '--data', dir, '--user', 'admin'], say)).toBe(0);
    const c = owner(dir, 'write');
    await c.waitFor((l) => Number(l) >= 300, 'writes');
    await c.kill();
    const ack = c.lastNumber();
    expect(fs.statSync(path.join(dir, 'passeur.db-wal')).size).toBeGreaterThan(0); // writes only in the WAL
    expect(await run(['restore', '--from', backup, '--data', dir, '--user', 'admin'], say)).toBe(0);
    expect(out.at(-1)).toMatch(/gardés entiers .* cette copie s’ouvre avec le même compte/);
    const kept = fs.readdirSync(dir).find((f) => f.startsWith('avant-restauration-'))!;
    expect(fs.readdirSync(path.join(dir, kept))).toEqual(expect.arrayContaining(['passeur.db', 'passeur.keyring.json']));
    const copy = await inspect(path.join(dir, kept), ack);
    expect(copy.acknowledged).toBe(ack);
    expect(copy.audit.ok).toBe(true);
    const restored = await inspect(dir, ack);
    expect(restored.acknowledged).toBe(0);
  });

  it('disable through the CLI while the app runs: carried out whole, the session ended, the old key refused', async () => {
    const dir = await site();
    const c = owner(dir, 'idle');
    const port = Number((await c.waitFor((l) => l.startsWith('port '), 'port')).slice(5));
    await c.waitFor((l) => l === 'ready', 'ready');
    expect(await run(['user', 'add', 'ass.partant', '--roles', 'ass', '--data', dir, '--user', 'admin'], say)).toBe(0);
    const otp = /: ([a-z0-9-]{19})$/.exec(out.find((l) => l.startsWith('Compte ass.partant créé'))!)![1]!;
    const rpc = async (channel: string, input: unknown, cookie?: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/rpc/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify(input),
      });
      return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0], body: (await res.json()) as { ok: boolean; error?: { code: string } } };
    };
    const login = await rpc('auth:login', { login: 'ass.partant', password: otp });
    expect(login.body.ok).toBe(true);
    const cookie = login.cookie!;
    expect((await rpc('auth:changePassword', { current: otp, next: 'phrase personnelle tres longue' }, cookie)).body.ok).toBe(true);
    expect((await rpc('auth:session', {}, cookie)).body.ok).toBe(true);
    const ring = readKeyring(path.join(dir, 'passeur.keyring.json'));
    const oldKey = (await unsealDbKey(ring, findUserHolder(ring, 'ass.partant')!, 'phrase personnelle tres longue'))![0]!;

    expect(await run(['user', 'disable', 'ass.partant', '--data', dir, '--user', 'admin'], say)).toBe(0);
    expect(out).toEqual(expect.arrayContaining([expect.stringMatching(/ass\.partant désactivé.*la clé de la base a été changée/)]));
    const after = await rpc('admin:listUsers', {}, cookie);
    expect(after.status).toBe(401);
    expect(after.body.error?.code).toBe('unauthenticated');
    const now = readKeyring(path.join(dir, 'passeur.keyring.json'));
    expect(now.keyCheck).not.toBe(ring.keyCheck);
    expect(findUserHolder(now, 'ass.partant')).toBeUndefined();
    expect(() => openDatabase(path.join(dir, 'passeur.db'), oldKey, { readonly: true })).toThrow(/n'est pas une base Passeur ouverte par ce trousseau/);
    // And the owner keeps working under the new key.
    expect(await run(['audit', 'verify', '--data', dir, '--user', 'admin'], say)).toBe(0);
  });

  it('the owner killed during a disable handed over by the CLI: the CLI never says "not carried out" for what was done, and the next open finishes it', async () => {
    const dir = await site();
    // Some weight, so that the rotation takes a while: 20 MB of rows.
    const w = new Vault(dir);
    await w.authenticate('admin', PW);
    const ins = w.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    w.db.transaction(() => {
      for (let i = 0; i < 20_000; i++) ins.run(`lest-${i}`, 'données '.repeat(120));
    })();
    w.close();
    const seed = Number(process.env.PASSEUR_SEED ?? Date.now() % 1_000_000);
    report(`disable handed over: seed ${seed}`);
    const rand = prng(seed);
    const runs = Math.max(10, Math.round(KILLS / 10));
    let unknown = 0;
    let finishedAtOpen = 0;
    let window = 0;
    for (let k = -1; k < runs; k++) {
      const c = owner(dir, 'idle');
      await c.waitFor((l) => l === 'ready', 'ready');
      expect(await run(['user', 'add', `k${k}`, '--roles', 'ass', '--data', dir, '--user', 'admin'], say)).toBe(0);
      const keyBefore = readKeyring(path.join(dir, 'passeur.keyring.json')).keyCheck;
      const t0 = Date.now();
      const disable = run(['user', 'disable', `k${k}`, '--data', dir, '--user', 'admin'], say).then(
        () => null,
        (e: Error) => e,
      );
      if (k < 0) {
        // Calibration: the whole command, timed, not killed.
        expect(await disable).toBeNull();
        window = Date.now() - t0;
        await c.kill();
        continue;
      }
      await sleep(Math.floor(rand() * window * 1.1));
      await c.kill();
      const err = await disable;
      const v = new Vault(dir);
      await v.authenticate('admin', PW);
      const disabled = (v.db.prepare('SELECT disabled_at FROM users WHERE login = ?').get(`k${k}`) as { disabled_at: string | null }).disabled_at !== null;
      const ring = v.keyring();
      if (v.resumedRotation) finishedAtOpen++;
      v.close();
      if (err) {
        unknown++;
        expect(err.message).toMatch(/^Résultat inconnu|n’a pas reçu la commande/);
        if (disabled) expect(err.message).toMatch(/^Résultat inconnu/);
      }
      if (disabled) {
        expect(findUserHolder(ring, `k${k}`)).toBeUndefined();
        expect(ring.keyCheck).not.toBe(keyBefore);
      }
      expect(ring.pendingKeyCheck).toBeUndefined();
    }
    report(`disable handed over: ${runs} kills during commands of ${window} ms, ${unknown} cut (said "résultat inconnu" or "pas reçue"), ${finishedAtOpen} finished at the next open`);
    expect(unknown).toBeGreaterThan(0);
  }, 600_000);

  it('a second owner is refused with a French message naming the first', async () => {
    const dir = await site();
    const c = owner(dir, 'idle');
    await c.waitFor((l) => l === 'ready', 'ready');
    await expect(run(['serve', '--data', dir, '--port', '0'], say)).rejects.toThrow(/déjà utilisé par « passeur serve » \(processus \d+/);
    process.env.PASSEUR_RECOVERY_CODE = 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA';
    await expect(run(['recover', '--user', 'admin', '--data', dir], say)).rejects.toThrow(/déjà utilisé par « passeur serve ».*Rien n’a été fait/);
    delete process.env.PASSEUR_RECOVERY_CODE;
  });
});

describe('damaged files', () => {
  it('a flipped byte in a data page or a truncated database: a French message and no write', async () => {
    const dir = await site();
    const c = owner(dir, 'write');
    await c.waitFor((l) => Number(l) >= 500, 'writes');
    await c.kill();
    await inspect(dir, 0); // fold the WAL into the file
    const file = path.join(dir, 'passeur.db');
    const good = fs.readFileSync(file);
    const cases: [string, Buffer][] = [
      ['flipped byte', Buffer.from(good.map((b, i) => (i === 4096 * 5 + 777 ? b ^ 0x40 : b)))],
      ['cut mid-page', good.subarray(0, good.length - 1000)],
      ['cut at a page boundary', good.subarray(0, good.length - 4096 * 3)],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of cases) {
      fs.writeFileSync(file, bytes);
      const before = hashDir(dir);
      const err = await run(['audit', 'verify', '--data', dir, '--user', 'admin'], say).then(
        () => null,
        (e: Error) => e,
      );
      expect(err?.message, what).toMatch(/endommagée|n'est pas une base Passeur/);
      expect(hashDir(dir), what).toEqual(before);
    }
  });
});
