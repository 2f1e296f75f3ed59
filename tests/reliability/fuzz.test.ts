/**
 * Every channel, fed random JSON (seeded, so a failure replays), as an admin: the answer is
 * always a Result, never an internal error or a crash, and the audit chain stays intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src-main/modules';
import { dispatch } from '../../src-main/api/dispatch';
import { verifyAudit } from '../../src-main/store/audit';
import { newSite } from '../helpers/site';

function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const KEYS = ['login', 'password', 'current', 'next', 'userId', 'id', 'roles', 'name', 'communes', 'insee', 'limit', 'beforeId', 'displayName', 'rotateKey', 'idleLockMinutes', 'siteName', 'siteCode', 'admin', 'referentAssId', 'referentCesfId', '__proto__', 'constructor'];
const STRINGS = ['', ' ', 'admin', 'a'.repeat(5000), "'; DROP TABLE users; --", '82121', '2A004', 'ass', 'secretaire', '\u0000', 'é€😀', '../../etc/passwd', 'NaN', '-1'];

function value(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 2 ? 6 : 9));
  switch (k) {
    case 0: return null;
    case 1: return r() < 0.5;
    case 2: return [0, -1, 1, 2 ** 53, 1e308, -0.5, 3.7, Number.MAX_SAFE_INTEGER][Math.floor(r() * 8)];
    case 3:
    case 4: return STRINGS[Math.floor(r() * STRINGS.length)];
    case 5: return undefined;
    case 6: return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 5); i > 0; i--) o[KEYS[Math.floor(r() * KEYS.length)]!] = value(r, depth + 1);
      return o;
    }
  }
}

let site: Awaited<ReturnType<typeof newSite>>;
beforeAll(async () => {
  site = await newSite();
});
afterAll(() => site?.app.close());

describe('fuzzing every channel', () => {
  it('answers 150 random inputs per channel without an internal error', async () => {
    const r = prng(20261123);
    const internal: string[] = [];
    for (const channel of CHANNELS) {
      if (channel === 'auth:logout' || channel === 'auth:lock') continue; // they end the fuzzing session itself
      for (let i = 0; i < 150; i++) {
        const input = value(r);
        const token = site.app.sessions.create({ userId: 1, login: 'admin', roles: ['admin'], mustChangePassword: false }).token;
        const out = await dispatch(site.app, token, channel, input);
        expect(typeof out.result.ok).toBe('boolean');
        if (!out.result.ok && out.result.error.code === 'internal') internal.push(`${channel} ${JSON.stringify(input)?.slice(0, 200)}`);
      }
    }
    expect(internal).toEqual([]);
    expect(verifyAudit(site.app.vault.db).ok).toBe(true);
  });
});
