/** A demonstration stopped half-way (here: a call refused) leaves the folder as it found it. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tmpDir } from '../helpers/tmp';
import type * as Dispatch from '../../src-main/api/dispatch';

vi.mock('../../src-main/api/dispatch', async (importOriginal) => {
  const real = await importOriginal<typeof Dispatch>();
  return {
    ...real,
    dispatch: (app: unknown, token: string | null, channel: string, input: unknown) =>
      channel === 'partners:save' ? Promise.resolve({ result: { ok: false, error: { code: 'conflict', message: 'refus simulé' } } }) : real.dispatch(app as never, token, channel, input),
  };
});

describe('passeur demo, interrupted', () => {
  it('an empty folder is left empty, an absent one absent; the error says which call was refused', async () => {
    const { createDemo } = await import('../../src-main/demo/demo');
    const empty = tmpDir();
    await expect(createDemo(empty, 'site', 82, 5)).rejects.toThrow(/Démonstration : partners:save refusé \(refus simulé\)/);
    expect(fs.readdirSync(empty)).toEqual([]);
    const absent = path.join(tmpDir(), 'demo');
    await expect(createDemo(absent, 'site', 82, 5)).rejects.toThrow(/partners:save/);
    expect(fs.existsSync(absent)).toBe(false);
  }, 120_000);
});
