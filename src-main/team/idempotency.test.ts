/**
 * The host's memory of answered calls (src-main/team/idempotency.ts): after an erasure it lets
 * go of the answers it holds, yet a retry still does not write twice.
 */
import { describe, expect, it } from 'vitest';
import type { DispatchOutcome } from '../api/dispatch';
import { IdempotencyStore, type KeptAnswers } from './idempotency';

/** The store's kept answers, as a map; `forget` empties them as the erasure does (answer gone, write known). */
function keptInMemory() {
  const rows = new Map<string, DispatchOutcome | 'written'>();
  const kept: KeptAnswers = {
    find: (id) => rows.get(id) ?? null,
    around: async (id, fn) => {
      rows.set(id, 'written');
      return fn();
    },
    keep: (id, outcome) => void rows.set(id, outcome),
  };
  const forget = () => {
    for (const id of rows.keys()) rows.set(id, 'written');
  };
  return { kept, forget };
}

const answer = (name: string): DispatchOutcome => ({ result: { ok: true, value: { name } } });

describe('the host’s memory of answered calls, after an erasure', () => {
  it('forgets the answered ones (a retry is told its write was done, not run again) and keeps the running ones', async () => {
    const { kept, forget } = keptInMemory();
    const store = new IdempotencyStore(() => 1_000, kept);
    let runs = 0;
    const write = async () => {
      runs += 1;
      return answer('ANCIEN Paul');
    };
    expect(await store.run('jeton', 'persons:create', 'cle-1', write, () => true)).toEqual(answer('ANCIEN Paul'));

    let finish!: (o: DispatchOutcome) => void;
    const running = store.run('jeton', 'dsu:addEntry', 'cle-2', () => new Promise<DispatchOutcome>((r) => (finish = r)), () => true);
    expect(store.size).toBe(2);

    forget();
    expect(store.forgetAnswered()).toBe(1);
    expect(store.size).toBe(1);

    const again = await store.run('jeton', 'persons:create', 'cle-1', write, () => true);
    expect(runs).toBe(1);
    expect(JSON.stringify(again)).not.toContain('ANCIEN');
    expect(again.result.ok ? 'ok' : again.result.error.code).toBe('conflict');

    // The call still running answers its retry once, with its own result.
    let second = 0;
    const retry = store.run('jeton', 'dsu:addEntry', 'cle-2', async () => ((second += 1), answer('x')), () => true);
    finish(answer('entrée'));
    expect(await running).toEqual(answer('entrée'));
    expect(await retry).toEqual(answer('entrée'));
    expect(second).toBe(0);
  });
});
