/**
 * Typed client of the contract. In Electron it goes through the preload's
 * `window.passeur`; in a browser served by `passeur serve`, through `POST /rpc/:channel`
 * and an event stream. Both transports answer the same `Result` shape.
 */
import type { Channel, EventName, Input, Output, Result } from '../src-main/modules';

export type { Channel, Input, Output, Result };

/** Every event the main process may push (the record makes the list exhaustive at compile time). */
const EVENT_NAMES: Record<EventName, true> = { 'session:locked': true, 'session:ended': true, 'data:changed': true };

interface Bridge {
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    passeur?: Bridge;
  }
}

export class ApiError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  /** Every faulty field of a refused input (path → French sentence). */
  readonly fields: Record<string, string>;
  constructor(code: string, message: string, field?: string, fields?: Record<string, string>) {
    super(message);
    this.code = code;
    this.field = field;
    this.fields = fields ?? (field ? { [field]: message } : {});
  }
}

type Listener = (code: string) => void;
const sessionListeners = new Set<Listener>();
/** Notified when any call answers `locked`, `unauthenticated` or `must_change_password`. */
export function onSessionTrouble(l: Listener): () => void {
  sessionListeners.add(l);
  return () => sessionListeners.delete(l);
}

async function httpCall(channel: string, input: unknown): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'network', message: 'network' } };
  }
  try {
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'internal' } };
  }
}

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  const r = window.passeur ? await window.passeur.call(channel, input) : await httpCall(channel, input);
  if (!window.passeur && r.ok) serverAnswered();
  if (!r.ok && ['locked', 'unauthenticated', 'must_change_password'].includes(r.error.code) && !channel.startsWith('auth:')) {
    for (const l of sessionListeners) l(r.error.code);
  }
  return r as Result<Output<C>>;
}

/** Like `call`, but throws an ApiError on refusal. */
export async function must<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await call(channel, input);
  if (!r.ok) throw new ApiError(r.error.code, r.error.message, r.error.field, r.error.fields);
  return r.value;
}

let source: EventSource | null = null;
const eventListeners = new Map<string, Set<(p: unknown) => void>>();

/** Waits before subscribing again once the stream was refused or lost: 1 s, doubling, 30 s at most. */
export const RESUBSCRIBE_MS = { first: 1000, max: 30_000 };
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = RESUBSCRIBE_MS.first;

const listening = () => [...eventListeners.values()].some((s) => s.size > 0);

/**
 * Opens the event stream. A stream the server refuses (`passeur serve` restarted and the session
 * is gone, a workstation's host unreachable) is closed by the browser for good: it is opened
 * again after a wait that doubles up to 30 s, or at once when a call is answered again.
 */
function openStream(): void {
  if (source || !listening()) return;
  const s = new EventSource('/events');
  source = s;
  for (const name of Object.keys(EVENT_NAMES) as EventName[]) {
    s.addEventListener(name, (e) => {
      const payload: unknown = JSON.parse((e as MessageEvent<string>).data || '{}');
      for (const l of eventListeners.get(name) ?? []) l(payload);
    });
  }
  s.addEventListener('open', () => {
    retryDelay = RESUBSCRIBE_MS.first;
  });
  s.addEventListener('error', () => {
    // CONNECTING: the browser retries by itself; CLOSED: it gave up, so do we, later.
    if (s.readyState !== EventSource.CLOSED || source !== s) return;
    s.close();
    source = null;
    scheduleStream(retryDelay);
    retryDelay = Math.min(retryDelay * 2, RESUBSCRIBE_MS.max);
  });
}

function scheduleStream(ms: number): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = setTimeout(() => {
    retryTimer = null;
    openStream();
  }, ms);
}

/** A call was answered: a stream waiting to be opened again is opened now. */
function serverAnswered(): void {
  if (!retryTimer) return;
  clearTimeout(retryTimer);
  retryTimer = null;
  retryDelay = RESUBSCRIBE_MS.first;
  openStream();
}

/** Subscribes to a main-process event; returns the unsubscribe function. */
export function on(event: EventName, cb: (payload: unknown) => void): () => void {
  if (window.passeur) return window.passeur.on(event, cb);
  const set = eventListeners.get(event) ?? new Set();
  set.add(cb);
  eventListeners.set(event, set);
  openStream();
  return () => {
    set.delete(cb);
    if (!listening()) {
      source?.close();
      source = null;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      retryDelay = RESUBSCRIBE_MS.first;
    }
  };
}
