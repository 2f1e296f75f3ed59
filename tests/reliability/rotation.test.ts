/**
 * A key rotation interrupted at any point leaves a database that opens: before the rekey
 * (the old key still works, the pending half is dropped) or after it (the pending key
 * works and the rotation is completed on the next unlock).
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { rekeyDatabase } from '../../src-main/store/database';
import { keyCheckOf, newDbKey, sealTo, writeKeyring, type Keyring } from '../../src-main/store/keyring';
import { Vault } from '../../src-main/store/vault';
import { tmpDir } from '../helpers/tmp';

const PW = 'une longue phrase secrète';
const open: Vault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.close()));

async function siteWithStagedRotation() {
  const dir = tmpDir();
  const v = new Vault(dir);
  open.push(v);
  await v.init({ siteName: 'S', siteCode: 'SS', communes: [], admin: { login: 'admin', displayName: 'A', password: PW } });
  v.db.transaction(() => v.db.prepare("INSERT INTO settings VALUES ('marker', 'kept')").run())();
  const ring = v.keyring();
  const next = await newDbKey();
  const staged: Keyring = {
    ...ring,
    pendingKeyCheck: await keyCheckOf(next),
    holders: await Promise.all(ring.holders.map(async (h) => ({ ...h, pendingSealedDbKey: await sealTo(h, next) }))),
  };
  writeKeyring(v.keyringFile, staged);
  return { dir, v, next, oldCheck: ring.keyCheck };
}

async function reopen(dir: string) {
  const v = new Vault(dir);
  open.push(v);
  await v.authenticate('admin', PW);
  return v;
}

describe('interrupted key rotation', () => {
  it('crash after staging, before the rekey: opens with the old key and drops the pending one', async () => {
    const { dir, v, oldCheck } = await siteWithStagedRotation();
    v.close();
    const again = await reopen(dir);
    expect(again.db.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: 'kept' });
    const ring = JSON.parse(fs.readFileSync(again.keyringFile, 'utf8')) as Keyring;
    expect(ring.keyCheck).toBe(oldCheck);
    expect(ring.pendingKeyCheck).toBeUndefined();
    expect(ring.holders.every((h) => h.pendingSealedDbKey === undefined)).toBe(true);
  });

  it('crash after the rekey, before the final keyring: opens with the new key and completes', async () => {
    const { dir, v, next } = await siteWithStagedRotation();
    rekeyDatabase(v.db, next);
    v.close();
    const again = await reopen(dir);
    expect(again.db.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: 'kept' });
    const ring = JSON.parse(fs.readFileSync(again.keyringFile, 'utf8')) as Keyring;
    expect(ring.keyCheck).toBe(await keyCheckOf(next));
    expect(ring.pendingKeyCheck).toBeUndefined();
    again.close();
    // And from then on, the plain unlock path works.
    await reopen(dir);
  });
});
