/**
 * The team client (ARCHITECTURE « Team mode »): forwards the renderer's `call`/`on` to the
 * host over mutual TLS 1.3, pinned to the site CA, with this workstation's certificate.
 * The renderer stays local and does not know: the Electron main process and
 * `passeur serve --client-of` (loopback, for a browser) both use this backend.
 *
 * Every call carries an idempotency key, the same on each retry: after a network cut the host
 * answers a retried write with its first answer, never records it twice. Connection errors are
 * retried a few times; a host that stays unreachable is said in French, and the screen keeps
 * what the person typed.
 *
 * When every attempt fails, the outcome is unknown: the host may have written before the cut.
 * The forwarder then remembers the call (session, channel, hash of the exact input) with its key
 * for `PENDING_MS`; the person pressing « Enregistrer » again sends the same input, gets the same
 * key, and the host answers its first result instead of writing twice. The memory of a call is
 * dropped as soon as an answer arrives: a new identical call after that is a new write.
 */
import crypto from 'node:crypto';
import https from 'node:https';
import type http from 'node:http';
import type { DispatchOutcome } from '../api/dispatch';
import type { Result } from '../api/spec';
import { COOKIE, MAX_BODY, type RpcBackend } from '../host/http';
import { log } from '../shared/log';
import type { ClientPairing } from './pairing';

/** Attempts of one call when the connection fails (the first included), and the waits between. */
export const ATTEMPTS = 4;
const BACKOFF_MS = [100, 400, 1200];
/** A call taking longer is treated as a cut connection (retried with the same key). */
const CALL_TIMEOUT_MS = 60_000;
/** How long, and how many, calls of unknown outcome are remembered (their key reused). */
export const PENDING_MS = 15 * 60_000;
export const MAX_PENDING = 500;

export function unreachable(where: string): Result<never> {
  return {
    ok: false,
    error: {
      code: 'unreachable',
      message: `Le poste hôte ne répond pas (${where}). Ce que vous avez saisi est conservé ; réessayez dans un instant. Si cela dure, vérifiez que le poste hôte est allumé et relié au réseau.`,
    },
  };
}

/** The session token a `Set-Cookie` from the host sets: a string, null when it clears it, undefined otherwise. */
function tokenFrom(header: string | string[] | undefined): string | null | undefined {
  for (const line of Array.isArray(header) ? header : header ? [header] : []) {
    const m = new RegExp(`^${COOKIE}=([^;]*)`).exec(line);
    if (m) return /Max-Age=0/i.test(line) || !m[1] ? null : m[1];
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ForwarderOptions {
  /** Tests: attempts and waits (defaults above). */
  attempts?: number;
  backoffMs?: number[];
  /** Tests: the clock of the memory of unknown outcomes. */
  now?: () => number;
}

/** A call whose last attempt ended without an answer: its key, and when it was made. */
interface Pending {
  key: string;
  at: number;
}

export class Forwarder implements RpcBackend {
  readonly agent: https.Agent;
  private readonly where: string;
  private readonly streams = new Set<http.ClientRequest>();
  private readonly attempts: number;
  private readonly backoff: number[];
  private readonly now: () => number;
  /** Calls of unknown outcome, oldest first, by hash of (session, channel, input). */
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly pairing: ClientPairing,
    opts: ForwarderOptions = {},
  ) {
    this.where = `${pairing.host.includes(':') ? `[${pairing.host}]` : pairing.host}:${pairing.port}`;
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 16,
      ca: [pairing.caPem],
      cert: pairing.certPem,
      key: pairing.keyPem,
      minVersion: 'TLSv1.3',
      rejectUnauthorized: true,
    });
    this.attempts = opts.attempts ?? ATTEMPTS;
    this.backoff = opts.backoffMs ?? BACKOFF_MS;
    this.now = opts.now ?? Date.now;
  }

  /** How many calls of unknown outcome are remembered now. */
  get pendingCount(): number {
    this.sweep();
    return this.pending.size;
  }

  private sweep(): void {
    const limit = this.now() - PENDING_MS;
    for (const [id, p] of this.pending) {
      if (p.at >= limit && this.pending.size <= MAX_PENDING) break;
      this.pending.delete(id);
    }
  }

  /** The host checks the real limits; this one only bounds what is forwarded. */
  bodyLimit(): number {
    return MAX_BODY;
  }

  async call(token: string | null, channel: string, input: unknown, idempotencyKey?: string): Promise<DispatchOutcome> {
    const body = JSON.stringify(input ?? {});
    // A key given by the caller is its own; otherwise the key of the same call left unanswered.
    const id = idempotencyKey ? null : crypto.createHash('sha256').update(`${token ?? ''}\u0000${channel}\u0000${body}`).digest('base64url');
    this.sweep();
    const known = id ? this.pending.get(id) : undefined;
    const key = idempotencyKey ?? known?.key ?? crypto.randomUUID();
    if (known) log('team', 'forward_same_key', { channel });
    for (let attempt = 0; attempt < this.attempts; attempt++) {
      if (attempt > 0) await sleep(this.backoff[Math.min(attempt - 1, this.backoff.length - 1)] ?? 0);
      try {
        const out = await this.once(token, channel, body, key);
        if (id && this.pending.get(id)?.key === key) this.pending.delete(id);
        return out;
      } catch {
        log('team', 'forward_retry', { channel, attempt: attempt + 1 });
      }
    }
    if (id) {
      // Re-inserted: the newest last, the first dropped by the bounds.
      this.pending.delete(id);
      this.pending.set(id, { key, at: this.now() });
      this.sweep();
    }
    return { result: unreachable(this.where) };
  }

  private once(token: string | null, channel: string, body: string, key: string): Promise<DispatchOutcome> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: this.pairing.host,
          port: this.pairing.port,
          method: 'POST',
          path: `/rpc/${encodeURIComponent(channel)}`,
          agent: this.agent,
          timeout: CALL_TIMEOUT_MS,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'Idempotency-Key': key,
            ...(token ? { Cookie: `${COOKIE}=${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            try {
              const result = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown>;
              const sessionToken = tokenFrom(res.headers['set-cookie']);
              resolve({ result, ...(sessionToken !== undefined ? { sessionToken } : {}) });
            } catch (e) {
              reject(e as Error);
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(body);
    });
  }

  subscribe(token: string, push: (name: string, payload: unknown) => void, end: () => void): Promise<(() => void) | null> {
    return new Promise((resolve) => {
      const req = https.request({ host: this.pairing.host, port: this.pairing.port, method: 'GET', path: '/events', agent: false, ca: [this.pairing.caPem], cert: this.pairing.certPem, key: this.pairing.keyPem, minVersion: 'TLSv1.3', headers: { Cookie: `${COOKIE}=${token}`, Accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          resolve(null);
          return;
        }
        this.streams.add(req);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const name = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (name && data !== undefined) {
              try {
                push(name, JSON.parse(data));
              } catch {
                // a malformed event is dropped
              }
            }
          }
        });
        const finish = () => {
          this.streams.delete(req);
          end();
        };
        res.on('end', finish);
        res.on('error', finish);
        resolve(() => {
          this.streams.delete(req);
          req.destroy();
        });
      });
      req.on('error', () => {
        this.streams.delete(req);
        resolve(null);
      });
      req.end();
    });
  }

  close(): void {
    this.pending.clear();
    for (const r of this.streams) r.destroy();
    this.streams.clear();
    this.agent.destroy();
  }
}
