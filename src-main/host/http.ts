/**
 * `passeur serve`: the same handler table over loopback HTTP (ARCHITECTURE "Two
 * transports"). `POST /rpc/:channel` with a JSON body; the session travels in an
 * HttpOnly, SameSite=Strict cookie. Only loopback Host and Origin headers are accepted, so
 * another site in the same browser cannot drive the API (CSRF, DNS rebinding).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { log } from '../shared/log';
import { SECURITY_HEADERS } from '../app/csp';
import type { AppCore } from '../api/app';
import { dispatch } from '../api/dispatch';
import type { Result } from '../api/spec';
import type { DispatchOutcome } from '../api/dispatch';

export const COOKIE = 'passeur_session';
/** Large enough for a 10 MiB document in base64 (DSU documents), small enough to refuse floods. */
export const MAX_BODY = 16 << 20;
/**
 * A call without a live session (status, login): a few hundred bytes. Checked before the body
 * is read, so that nobody can make the server read and parse megabytes without logging in.
 */
export const MAX_ANONYMOUS_BODY = 64 << 10;
/** The site's creation, only while there is no site yet: up to 1000 communes (~230 kB at worst). */
export const MAX_SETUP_BODY = 256 << 10;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function sessionCookie(token: string | null): string {
  return token
    ? `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
    : `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}

export function readCookie(req: http.IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=') || null;
  }
  return null;
}

function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

function send(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

const refusal = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** `application/json`, parameters allowed (`; charset=utf-8`), case-insensitive; nothing else. */
export function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/** The body as text, or null as soon as it exceeds `limit` (what was read is dropped). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // Stop reading and keep nothing; the 413 is sent with `Connection: close`, which
        // closes the connection once it is written.
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const bytes = (n: number) => (n >= 1 << 20 ? `${n >> 20} Mio` : `${n >> 10} Kio`);

function tooLargeMessage(limit: number): string {
  const max = bytes(limit);
  if (limit === MAX_BODY) {
    return `Requête trop volumineuse : ${max} au plus. Un document joint ne doit pas dépasser 10 Mo ; réduisez-le (PDF compressé, numérisation en niveaux de gris) puis réessayez.`;
  }
  if (limit === MAX_SETUP_BODY) {
    return `Création du site : requête trop volumineuse (${max} au plus). Raccourcissez la liste des communes (1000 au plus), puis réessayez.`;
  }
  return `Requête trop volumineuse pour un appel sans session : ${max} au plus. Connectez-vous d’abord, puis réessayez.`;
}

export interface HttpHostOptions {
  port?: number;
  rendererDir?: string | null;
}

/**
 * What the routes call: the local core (`localBackend`), or in team mode the forwarder to the
 * host (src-main/team/forwarder.ts). The routes, limits and checks are the same for both.
 */
export interface RpcBackend {
  /** The body limit of a call, chosen before anything is read. */
  bodyLimit(token: string | null, channel: string): number;
  /** One call; `idempotencyKey`: the same key twice from one session runs the call once. */
  call(token: string | null, channel: string, input: unknown, idempotencyKey?: string): Promise<DispatchOutcome>;
  /**
   * Opens the event stream of a session: `push` for each event, `end` when the source ends.
   * Resolves with the unsubscribe function, or null when the token has no session.
   */
  subscribe(token: string, push: (name: string, payload: unknown) => void, end: () => void): Promise<(() => void) | null>;
  /** Ends every stream (the host closes). */
  close(): void;
}

/** The core of this process as a backend: `dispatch`, its bus, its sessions. */
export function localBackend(app: AppCore): RpcBackend {
  const streams = new Map<string, Set<(name: string, payload: unknown) => void>>();
  const ends = new Set<() => void>();
  const onEvent = (token: string | null, name: string, payload: unknown) => {
    const targets = token === null ? [...streams.values()].flatMap((s) => [...s]) : [...(streams.get(token) ?? [])];
    for (const push of targets) push(name, payload);
  };
  app.bus.on('event', onEvent);
  return {
    bodyLimit(token, channel) {
      const authenticated = app.sessions.get(token) !== null;
      return authenticated ? MAX_BODY : channel === 'setup:init' && !app.vault.isInitialized() ? MAX_SETUP_BODY : MAX_ANONYMOUS_BODY;
    },
    call: (token, channel, input) => dispatch(app, token, channel, input),
    subscribe(token, push, end) {
      if (!app.sessions.get(token)) return Promise.resolve(null);
      const set = streams.get(token) ?? new Set();
      set.add(push);
      streams.set(token, set);
      ends.add(end);
      return Promise.resolve(() => {
        ends.delete(end);
        set.delete(push);
        if (set.size === 0) streams.delete(token);
      });
    },
    close() {
      app.bus.off('event', onEvent);
      for (const end of [...ends]) end();
      ends.clear();
      streams.clear();
    },
  };
}

export interface RequestHandlerOptions {
  rendererDir?: string | null;
  /** The Host header this server answers (DNS rebinding); `Origin`, when sent, must name it too. */
  acceptHost(host: string | undefined): boolean;
  /** Runs each request inside the caller's context (the team host: the workstation). */
  around?: <T>(req: http.IncomingMessage, fn: () => Promise<T>) => Promise<T>;
}

/**
 * The routes shared by `passeur serve`, the team host and the team client's loopback:
 * `POST /rpc/:channel`, `GET /events`, and the built renderer when there is one.
 */
export function createRequestHandler(backend: RpcBackend, opts: RequestHandlerOptions) {
  const rendererDir = opts.rendererDir ? path.resolve(opts.rendererDir) : null;
  const around = opts.around ?? (<T>(_req: http.IncomingMessage, fn: () => Promise<T>) => fn());

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      if (!opts.acceptHost(req.headers.host)) {
        send(res, 421, refusal('forbidden', 'Hôte non autorisé : Passeur ne répond qu’à 127.0.0.1.'));
        return;
      }
      const url = new URL(req.url ?? '/', 'http://passeur.invalid');
      if (url.pathname.startsWith('/rpc/')) {
        await around(req, () => handleRpc(req, res, decodeURIComponent(url.pathname.slice(5))));
      } else if (url.pathname === '/events' && req.method === 'GET') {
        await handleEvents(req, res);
      } else if (req.method === 'GET' || req.method === 'HEAD') {
        serveStatic(res, url.pathname);
      } else {
        send(res, 405, refusal('invalid_input', 'Méthode non autorisée.'));
      }
    } catch {
      log('http', 'request_error');
      if (!res.headersSent) send(res, 500, refusal('internal', 'Erreur interne inattendue.'));
      else res.end();
    }
  }

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, channel: string) {
    if (req.method !== 'POST') {
      send(res, 405, refusal('invalid_input', 'Les appels se font en POST.'), { Allow: 'POST' });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !opts.acceptHost(origin.replace(/^https?:\/\//, ''))) {
      send(res, 403, refusal('forbidden', 'Origine non autorisée.'));
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      send(res, 415, refusal('invalid_input', 'Le corps de la requête doit être du JSON (Content-Type: application/json).'));
      return;
    }
    // The limit is chosen before anything is read: only a live session may send big bodies.
    const token = readCookie(req);
    const limit = backend.bodyLimit(token, channel);
    const tooLarge = () =>
      // `Connection: close`: the rest of the body is never read, the connection ends with the answer.
      send(res, 413, refusal('invalid_input', tooLargeMessage(limit)), { Connection: 'close' });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      tooLarge();
      return;
    }
    const text = await readBody(req, limit);
    if (text === null) {
      tooLarge();
      return;
    }
    let input: unknown;
    try {
      input = text.length ? JSON.parse(text) : {};
    } catch {
      send(res, 400, refusal('invalid_input', 'Le corps de la requête n’est pas du JSON valide.'));
      return;
    }
    const key = req.headers['idempotency-key'];
    const out = await backend.call(token, channel, input, typeof key === 'string' && key.length > 0 && key.length <= 128 ? key : undefined);
    const headers: Record<string, string> = {};
    if (out.sessionToken !== undefined) headers['Set-Cookie'] = sessionCookie(out.sessionToken);
    const status = out.result.ok ? 200 : statusFor(out.result.error.code);
    send(res, status, out.result, headers);
  }

  async function handleEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    const token = readCookie(req);
    let open = true;
    const unsubscribe = token
      ? await backend.subscribe(
          token,
          (name, payload) => {
            if (open) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
          },
          () => {
            open = false;
            res.end();
          },
        )
      : null;
    if (!unsubscribe) {
      send(res, 401, refusal('unauthenticated', 'Connectez-vous pour recevoir les événements.'));
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': ok\n\n');
    req.on('close', () => {
      open = false;
      unsubscribe();
    });
  }

  function serveStatic(res: http.ServerResponse, pathname: string) {
    if (!rendererDir) {
      send(res, 404, refusal('not_found', 'Interface non construite : lancez « npm run build ».'));
      return;
    }
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      send(res, 404, refusal('not_found', 'Fichier introuvable.'));
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': rel === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    fs.createReadStream(file).pipe(res);
  }

  return handle;
}

/** A loopback HTTP server for a browser on this workstation, over any backend. */
export function createLoopbackServer(backend: RpcBackend, opts: HttpHostOptions = {}) {
  let port = opts.port ?? 0;
  const handle = createRequestHandler(backend, { rendererDir: opts.rendererDir ?? null, acceptHost: (host) => isLoopbackHost(host, port) });
  const server = http.createServer((req, res) => void handle(req, res));
  return {
    server,
    listen(): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, '127.0.0.1', () => {
          port = (server.address() as AddressInfo).port;
          resolve(port);
        });
      });
    },
    close(): Promise<void> {
      backend.close();
      return new Promise((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections alive; an exit must not wait for them.
        server.closeAllConnections();
      });
    },
  };
}

export function createHttpHost(app: AppCore, opts: HttpHostOptions = {}) {
  return createLoopbackServer(localBackend(app), opts);
}

export function statusFor(code: string): number {
  switch (code) {
    case 'invalid_input':
    case 'weak_password':
      return 400;
    case 'unauthenticated':
    case 'bad_credentials':
      return 401;
    case 'too_many_attempts':
      return 429;
    case 'forbidden':
    case 'account_disabled':
      return 403;
    case 'locked':
    case 'must_change_password':
      return 423;
    case 'not_found':
    case 'unknown_channel':
      return 404;
    case 'conflict':
    case 'already_initialized':
      return 409;
    case 'internal':
      return 500;
    case 'unreachable':
      return 503;
    default:
      return 422;
  }
}
