/**
 * Key rotation survives any crash. A site of more than 30 MB; again and again a real owner
 * process (folder lock, control endpoint, HTTP host) creates a user and disables it with a
 * key rotation, and is killed with SIGKILL at a random moment of it. After each kill:
 *   - the site opens (0 unopenable sites);
 *   - no rotation is left pending or dropped: once the disable is committed, the key the
 *     removed user held opens nothing (0 dropped rotations) and the user has no holder;
 *   - the audit chain verifies, and a resumed rotation is in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src-main/store/audit';
import { openDatabase } from '../../src-main/store/database';
import { findUserHolder, readKeyring, unsealDbKey } from '../../src-main/store/keyring';
import { Vault } from '../../src-main/store/vault';
import { tmpDir } from '../helpers/tmp';
import { buildOwner, KILLS, prng, report, sleep, spawnOwner } from './child';

const PW = 'une longue phrase secrète';

beforeAll(buildOwner, 120_000);

async function bigSite(bytes: number): Promise<string> {
  const dir = tmpDir();
  const v = new Vault(dir);
  await v.init({ siteName: 'S', siteCode: 'SS', communes: [], admin: { login: 'admin', displayName: 'A', password: PW } });
  const ins = v.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  const row = 'données '.repeat(120);
  for (let batch = 0; fs.statSync(v.dbFile).size < bytes; batch++) {
    v.db.transaction(() => {
      for (let i = 0; i < 2000; i++) ins.run(`lest-${batch}-${i}`, row);
    })();
    v.db.pragma('wal_checkpoint(TRUNCATE)');
  }
  v.close();
  return dir;
}

/** The database key as the admin's keyring entry holds it now (the current one). */
async function currentKey(dir: string): Promise<Uint8Array> {
  const ring = readKeyring(path.join(dir, 'passeur.keyring.json'));
  const keys = await unsealDbKey(ring, findUserHolder(ring, 'admin')!, PW);
  expect(ring.pendingKeyCheck).toBeUndefined();
  return keys![0]!;
}

function opensWith(dir: string, key: Uint8Array): boolean {
  try {
    openDatabase(path.join(dir, 'passeur.db'), key, { readonly: true, verify: false }).close();
    return true;
  } catch (e) {
    expect((e as { code?: string }).code).toBe('database_foreign');
    return false;
  }
}

describe('kill -9 during key rotation', () => {
  it(`${KILLS} kills on a site over 30 MB: every site opens, no rotation dropped, the old key refused`, async () => {
    const dir = await bigSite(31 << 20);
    expect(fs.statSync(path.join(dir, 'passeur.db')).size).toBeGreaterThan(30 << 20);
    const seed = Number(process.env.PASSEUR_SEED ?? Date.now() % 1_000_000);
    report(`rotation: seed ${seed}, ${KILLS} kills`);
    const rand = prng(seed);

    // Calibration: one rotation carried to its end, timed from "ready" to "done".
    const calib = spawnOwner(dir, PW, 'rotate', 'calibrage');
    await calib.waitFor((l) => l === 'ready', 'ready');
    const t0 = Date.now();
    await calib.waitFor((l) => l === 'done', 'done');
    const rotationMs = Date.now() - t0;
    await calib.exited;

    let unopenable = 0;
    let dropped = 0;
    let completedBeforeKill = 0;
    let resumed = 0;
    for (let k = 0; k < KILLS; k++) {
      const oldKey = await currentKey(dir);
      const child = spawnOwner(dir, PW, 'rotate', `partant${k}`);
      await child.waitFor((l) => l === 'ready', 'ready');
      await sleep(Math.floor(rand() * rotationMs * 1.2));
      await child.kill();
      if (child.lines.includes('done')) completedBeforeKill++;

      const v = new Vault(dir);
      try {
        await v.authenticate('admin', PW);
      } catch (e) {
        unopenable++;
        report(`rotation: kill ${k} (seed ${seed}) left an unopenable site: ${(e as Error).message}`);
        break;
      }
      if (v.resumedRotation) resumed++;
      const disabled = v.db.prepare('SELECT disabled_at FROM users WHERE login = ?').get(`partant${k}`) as { disabled_at: string | null } | undefined;
      const ring = v.keyring();
      expect(ring.pendingKeyCheck).toBeUndefined();
      if (disabled?.disabled_at) {
        expect(findUserHolder(ring, `partant${k}`)).toBeUndefined();
        if (opensWith(dir, oldKey)) dropped++;
      }
      expect(verifyAudit(v.db).ok).toBe(true);
      v.close();
    }
    report(
      `rotation: ${KILLS} kills during rotations of ${rotationMs} ms on ${(fs.statSync(path.join(dir, 'passeur.db')).size / 2 ** 20).toFixed(1)} MiB — ` +
        `${unopenable} unopenable, ${dropped} dropped, ${resumed} resumed at the next open, ${completedBeforeKill} finished before the kill`,
    );
    expect(unopenable).toBe(0);
    expect(dropped).toBe(0);
    // The campaign really hit rotations mid-way.
    expect(resumed).toBeGreaterThan(0);
  }, 3_600_000);
});
