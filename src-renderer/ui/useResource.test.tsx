import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const listeners = new Map<string, Set<(p: unknown) => void>>();
vi.mock('../api', () => ({
  on: (event: string, cb: (p: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(cb);
    listeners.set(event, set);
    return () => set.delete(cb);
  },
}));

import { LIVE_DELAY_MS, useResource } from './useResource';

function changed() {
  for (const cb of listeners.get('data:changed') ?? []) cb({ module: 'partners' });
}

let renders = 0;
function Partners({ fetcher }: { fetcher: () => Promise<string[]> }) {
  const { data } = useResource(fetcher);
  renders++;
  return <ul>{(data ?? []).map((n) => <li key={n}>{n}</li>)}</ul>;
}

beforeEach(() => {
  vi.useFakeTimers();
  renders = 0;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  listeners.clear();
});

describe('useResource: one cache rule', () => {
  it('reads again once per burst of data:changed, and shows what changed', async () => {
    let directory = ['CAF'];
    const fetcher = vi.fn(() => Promise.resolve([...directory]));
    render(<Partners fetcher={fetcher} />);
    await act(async () => {});
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['CAF']);
    expect(fetcher).toHaveBeenCalledTimes(1);

    directory = ['CAF', 'Mission locale'];
    changed();
    changed();
    changed();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(LIVE_DELAY_MS + 10);
    });
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['CAF', 'Mission locale']);
  });

  it('identical data does not render again (a form seeded from it keeps what was typed); a failed read keeps what is shown', async () => {
    let fail = false;
    const fetcher = vi.fn(() => (fail ? Promise.reject(new Error('locked')) : Promise.resolve(['CAF'])));
    render(<Partners fetcher={fetcher} />);
    await act(async () => {});
    const before = renders;
    changed();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(LIVE_DELAY_MS + 10);
    });
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(renders).toBe(before);

    fail = true;
    changed();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(LIVE_DELAY_MS + 10);
    });
    expect(fetcher).toHaveBeenCalledTimes(3);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['CAF']);
  });

  it('stops listening when the screen goes away', async () => {
    const fetcher = vi.fn(() => Promise.resolve(['CAF']));
    const { unmount } = render(<Partners fetcher={fetcher} />);
    await act(async () => {});
    unmount();
    expect([...(listeners.get('data:changed') ?? [])]).toEqual([]);
    changed();
    await vi.advanceTimersByTimeAsync(LIVE_DELAY_MS + 10);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});
