/**
 * The host's memory of answered writes (ARCHITECTURE « Team mode »: a retry never writes
 * twice). A call carrying an `Idempotency-Key` is run once per (session, channel, key); the
 * same key again, while the first is running or after, gets the first answer.
 *
 * Kept in memory, bounded: answers are kept `KEEP_MS` (24 h) and `MAX_ENTRIES` at most (the
 * oldest go first); an answer above `MAX_KEPT_BYTES` is only kept when the call changed the
 * store (a read answered again is harmless). The forwarder retries within seconds, so the
 * bounds are far from the window that matters; a host restart forgets them — the forwarder
 * then finds no host to retry against until it is back, and says so.
 */
import crypto from 'node:crypto';
import type { DispatchOutcome } from '../api/dispatch';

export const KEEP_MS = 24 * 60 * 60_000;
export const MAX_ENTRIES = 20_000;
export const MAX_KEPT_BYTES = 256 << 10;

interface Entry {
  at: number;
  outcome: Promise<DispatchOutcome>;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Runs `fn` once for this key. `changed` says, once `fn` is done, whether it changed the
   * store (then its answer is kept whatever its size).
   */
  async run(token: string | null, channel: string, key: string, fn: () => Promise<DispatchOutcome>, changed: () => boolean): Promise<DispatchOutcome> {
    this.sweep();
    const id = crypto.createHash('sha256').update(`${token ?? ''}\u0000${channel}\u0000${key}`).digest('base64url');
    const known = this.entries.get(id);
    if (known) return known.outcome;
    const outcome = fn();
    this.entries.set(id, { at: this.now(), outcome });
    try {
      const done = await outcome;
      if (!changed() && JSON.stringify(done.result).length > MAX_KEPT_BYTES) this.entries.delete(id);
      return done;
    } catch (e) {
      this.entries.delete(id);
      throw e;
    }
  }

  private sweep(): void {
    const limit = this.now() - KEEP_MS;
    for (const [id, e] of this.entries) {
      if (e.at >= limit && this.entries.size < MAX_ENTRIES) break;
      this.entries.delete(id);
    }
  }
}
