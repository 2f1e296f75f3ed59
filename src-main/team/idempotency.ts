/**
 * The host's memory of answered writes (ARCHITECTURE « Team mode »: a retry never writes
 * twice). A call carrying an `Idempotency-Key` is run once per (session, channel, key); the
 * same key again, while the first is running or after, gets the first answer.
 *
 * Kept in memory, bounded: answers are kept `KEEP_MS` (24 h) and `MAX_ENTRIES` at most (the
 * oldest go first); an answer above `MAX_KEPT_BYTES` is only kept when the call changed the
 * store (a read answered again is harmless).
 *
 * The answers of writes are also kept in the store (`KeptAnswers`, migration 0017): the key is
 * recorded in the transaction of the write, the answer right after, before it is sent. A host
 * that stops between its write and its answer still answers the retry after its restart with
 * the first result (or, if it stopped before even keeping the answer, says the write was done).
 * Logins are not kept there: a session does not outlive the host.
 */
import crypto from 'node:crypto';
import type { DispatchOutcome } from '../api/dispatch';

export const KEEP_MS = 24 * 60 * 60_000;
export const MAX_ENTRIES = 20_000;
export const MAX_KEPT_BYTES = 256 << 10;

/** The answers kept in the store, across host restarts (src-main/team/host.ts). */
export interface KeptAnswers {
  /** The answer kept for this call; `'written'` when only its write is known; null when unknown. */
  find(id: string): DispatchOutcome | 'written' | null;
  /** Runs the call so that a write it commits records `id` in its own transaction. */
  around(id: string, fn: () => Promise<DispatchOutcome>): Promise<DispatchOutcome>;
  keep(id: string, outcome: DispatchOutcome): void;
}

/** The retry of a write whose answer the host lost in a stop: done once, not done again. */
export function alreadyWritten(): DispatchOutcome {
  return {
    result: {
      ok: false,
      error: {
        code: 'conflict',
        message: 'Cet enregistrement a été fait sur le poste hôte juste avant une coupure ; il n’a pas été refait. Rechargez l’écran pour le voir.',
      },
    },
  };
}

interface Entry {
  at: number;
  outcome: Promise<DispatchOutcome>;
  /** Answered (not running any more). */
  settled: boolean;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly now: () => number = Date.now,
    private readonly kept: KeptAnswers | null = null,
  ) {}

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
    const kept = channel.startsWith('auth:') ? null : this.kept;
    const stored = kept?.find(id) ?? null;
    if (stored) {
      const answer = stored === 'written' ? alreadyWritten() : stored;
      this.entries.set(id, { at: this.now(), outcome: Promise.resolve(answer), settled: true });
      return answer;
    }
    const outcome = kept ? kept.around(id, fn) : fn();
    const entry: Entry = { at: this.now(), outcome, settled: false };
    this.entries.set(id, entry);
    try {
      const done = await outcome;
      entry.settled = true;
      if (changed()) kept?.keep(id, done);
      else if (JSON.stringify(done.result).length > MAX_KEPT_BYTES) this.entries.delete(id);
      return done;
    } catch (e) {
      this.entries.delete(id);
      throw e;
    }
  }

  /**
   * After an erasure: the answers held in memory may name the people erased, so the answered
   * ones go. A retry then finds its write in the store (kept answer, or « already written »);
   * the calls still running stay, so that a retry never runs them twice.
   */
  forgetAnswered(): number {
    let n = 0;
    for (const [id, e] of this.entries) {
      if (!e.settled) continue;
      this.entries.delete(id);
      n += 1;
    }
    return n;
  }

  private sweep(): void {
    const limit = this.now() - KEEP_MS;
    for (const [id, e] of this.entries) {
      if (e.at >= limit && this.entries.size < MAX_ENTRIES) break;
      this.entries.delete(id);
    }
  }
}
