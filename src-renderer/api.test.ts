/**
 * The browser's event stream (`passeur serve`, `passeur serve --client-of`): once refused, it is
 * opened again after a bounded wait, or at once when the server answers a call again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Api from './api';

class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  closed = false;
  private readonly listeners = new Map<string, ((e: Event) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(name: string, l: (e: Event) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), l]);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(name: string, data?: unknown) {
    const e = Object.assign(new Event(name), data === undefined ? {} : { data: JSON.stringify(data) });
    for (const l of this.listeners.get(name) ?? []) l(e);
  }
  /** The server answered 200. */
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.emit('open');
  }
  /** The server refused the stream (non-200) or is gone: the browser gives up. */
  refuse() {
    this.readyState = FakeEventSource.CLOSED;
    this.emit('error');
  }
  /** A network hiccup the browser retries by itself. */
  drop() {
    this.readyState = FakeEventSource.CONNECTING;
    this.emit('error');
  }
}

const live = () => FakeEventSource.all.filter((s) => !s.closed);
const last = () => FakeEventSource.all[FakeEventSource.all.length - 1]!;

let api: typeof Api;

beforeEach(async () => {
  vi.useFakeTimers();
  FakeEventSource.all = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.resetModules();
  api = await import('./api');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the browser’s event stream', () => {
  it('subscribes again after the server refused it, waiting 1 s doubling up to 30 s, and delivers events again', async () => {
    const seen: unknown[] = [];
    const stop = api.on('data:changed', (p) => seen.push(p));
    expect(live()).toHaveLength(1);
    last().open();
    last().emit('data:changed', { module: 'partners' });
    expect(seen).toEqual([{ module: 'partners' }]);

    // The host goes down: each refusal waits longer, never more than 30 s.
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const s = last();
      s.refuse();
      expect(live()).toHaveLength(0);
      const before = FakeEventSource.all.length;
      let waited = 0;
      while (FakeEventSource.all.length === before) {
        await vi.advanceTimersByTimeAsync(250);
        waited += 250;
        expect(waited).toBeLessThanOrEqual(30_000);
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);

    // The host is back: the new stream delivers, and the next loss waits 1 s again.
    last().open();
    last().emit('data:changed', { module: 'dsu' });
    expect(seen).toEqual([{ module: 'partners' }, { module: 'dsu' }]);
    expect(live()).toHaveLength(1);
    last().refuse();
    await vi.advanceTimersByTimeAsync(1000);
    expect(live()).toHaveLength(1);

    // Unsubscribed: no stream, and no more tries.
    stop();
    expect(live()).toHaveLength(0);
    const count = FakeEventSource.all.length;
    last().refuse();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.all.length).toBe(count);
  });

  it('leaves a stream the browser is retrying alone', async () => {
    api.on('data:changed', () => undefined);
    last().drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.all).toHaveLength(1);
    expect(live()).toHaveLength(1);
  });

  it('subscribes again at once when a call is answered (the person logged in again after a restart)', async () => {
    api.on('session:ended', () => undefined);
    for (let i = 0; i < 5; i++) {
      last().refuse();
      await vi.advanceTimersByTimeAsync(30_000);
    }
    const count = FakeEventSource.all.length;
    last().refuse();
    // A refused call (host still down) changes nothing; an answered one reopens the stream now.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await api.call('auth:session', {} as never);
    expect(FakeEventSource.all).toHaveLength(count);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ ok: true, value: null }), { headers: { 'Content-Type': 'application/json' } })));
    await api.call('auth:session', {} as never);
    expect(FakeEventSource.all).toHaveLength(count + 1);
    expect(live()).toHaveLength(1);
  });
});
