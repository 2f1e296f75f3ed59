import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../tests/helpers/tmp';
import { ADMIN_PASSWORD, newSite } from '../../tests/helpers/site';
import { CONTENT_SECURITY_POLICY } from '../app/csp';
import { AppCore } from '../api/app';
import { createHttpHost, MAX_ANONYMOUS_BODY, MAX_BODY } from './http';
import { registry } from '../modules';

let site: Awaited<ReturnType<typeof newSite>>;
let host: ReturnType<typeof createHttpHost>;
let port: number;
const renderer = tmpDir();

function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const rpc = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  request({ method: 'POST', path: `/rpc/${channel}`, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(input) });

/**
 * POSTs `body` in one go, as a flooding client would, and resolves with the first answer and
 * how long it took. With `chunked`, no Content-Length is sent: the server has to count.
 * The server may close the connection while the client is still sending: the errors that
 * follow the answer are expected and ignored.
 */
function flood(channel: string, body: Buffer, opts: { headers?: Record<string, string>; chunked?: boolean; to?: number } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    const headers: Record<string, string> = { Host: `127.0.0.1:${opts.to ?? port}`, 'Content-Type': 'application/json', ...opts.headers };
    if (!opts.chunked) headers['Content-Length'] = String(body.length);
    const req = http.request({ host: '127.0.0.1', port: opts.to ?? port, method: 'POST', path: `/rpc/${channel}`, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        answered = true;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, ms: performance.now() - start });
      });
      res.on('error', () => undefined);
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    if (opts.chunked) for (let i = 0; i < body.length; i += 64 << 10) req.write(body.subarray(i, i + (64 << 10)));
    req.end(opts.chunked ? undefined : body);
  });
}

/** `{"pad":"xxx…"}` of exactly `size` bytes: valid JSON, ignored by channels that take `{}`. */
const padded = (size: number) => Buffer.from(JSON.stringify({ pad: 'x'.repeat(size - 10) }));
/** 16 MiB of `[[[[…]]]]`: valid JSON that took the server seconds to parse. */
const nested = () => Buffer.concat([Buffer.alloc(8 << 20, '['), Buffer.alloc(8 << 20, ']')]);

async function loginCookie(): Promise<string> {
  const res = await rpc('auth:login', { login: 'admin', password: ADMIN_PASSWORD });
  return res.headers['set-cookie']![0]!.split(';')[0]!;
}

beforeAll(async () => {
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Passeur</title>');
  fs.writeFileSync(path.join(tmpDir(), 'secret.txt'), 'outside');
  site = await newSite();
  host = createHttpHost(site.app, { rendererDir: renderer });
  port = await host.listen();
});
afterAll(async () => {
  await host.close();
  site.app.close();
});

describe('passeur serve: the HTTP transport', () => {
  it('binds loopback only', () => {
    const addr = host.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('logs in with an HttpOnly, SameSite=Strict cookie and runs the same table', async () => {
    const res = await rpc('auth:login', { login: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^passeur_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const token = cookie.split(';')[0]!;
    const users = await rpc('admin:listUsers', {}, { Cookie: token });
    expect(JSON.parse(users.body)).toMatchObject({ ok: true, value: [{ login: 'admin' }] });
    const bad = await rpc('admin:createUser', { login: '!!' }, { Cookie: token });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const out = await rpc('auth:logout', {}, { Cookie: token });
    expect(out.headers['set-cookie']?.[0]).toContain('Max-Age=0');
    expect(JSON.parse((await rpc('admin:listUsers', {}, { Cookie: token })).body)).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('refuses foreign Host (DNS rebinding), foreign Origin (CSRF) and non-JSON bodies', async () => {
    const rebinding = await request({ method: 'POST', path: '/rpc/setup:status', headers: { Host: 'evil.example:80', 'Content-Type': 'application/json' }, body: '{}' });
    expect(rebinding.status).toBe(421);
    const csrf = await rpc('setup:status', {}, { Origin: 'https://evil.example' });
    expect(csrf.status).toBe(403);
    const form = await request({ method: 'POST', path: '/rpc/setup:status', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=b' });
    expect(form.status).toBe(415);
    const broken = await request({ method: 'POST', path: '/rpc/setup:status', headers: { 'Content-Type': 'application/json' }, body: '{"a":' });
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const get = await request({ path: '/rpc/setup:status' });
    expect(get.status).toBe(405);
    const unknown = await rpc('admin:dropAll', {});
    expect(unknown.status).toBe(404);
  });

  it('serves the renderer with the strict CSP and never a file outside it', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['x-frame-options']).toBe('DENY');
    for (const p of ['/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const r = await request({ path: p });
      expect(r.status, p).toBe(404);
    }
  });

  it('pushes session events over the event stream', async () => {
    const login = await rpc('auth:login', { login: 'admin', password: ADMIN_PASSWORD });
    const token = login.headers['set-cookie']![0]!.split(';')[0]!;
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/events', headers: { Host: `127.0.0.1:${port}`, Cookie: token } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let buf = '';
        res.on('data', (d: Buffer) => {
          buf += d.toString();
          if (buf.includes('event: session:locked')) {
            req.destroy();
            resolve(buf);
          }
        });
        void rpc('auth:lock', {}, { Cookie: token });
      });
      req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)));
      req.end();
    });
    expect(received).toContain('event: session:locked');
    expect(JSON.parse((await rpc('site:info', {}, { Cookie: token })).body)).toMatchObject({ error: { code: 'locked' } });
    const anonymous = await request({ path: '/events' });
    expect(anonymous.status).toBe(401);
  });
});

describe('passeur serve: body size and media type', () => {
  const ANON = /^Requête trop volumineuse pour un appel sans session : 64 Kio au plus\. Connectez-vous d’abord, puis réessayez\.$/;

  it('refuses a big body without a session from its Content-Length, before reading or parsing it, and keeps answering', async () => {
    const r = await flood('auth:login', nested());
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(ANON) } });
    // Parsing it took ~1.5 s; refused from the header, the answer does not wait for the body.
    expect(r.ms).toBeLessThan(1000);
    expect((await rpc('setup:status', {})).status).toBe(200);
  });

  it('counts the bytes when no Content-Length is given (chunked), and treats an unknown session cookie as no session', async () => {
    const chunked = await flood('setup:status', padded(1 << 20), { chunked: true });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.message).toMatch(ANON);
    const forged = await flood('site:info', padded(MAX_ANONYMOUS_BODY + 1), { headers: { Cookie: 'passeur_session=not-a-live-session' } });
    expect(forged.status).toBe(413);
    expect((await rpc('setup:status', {})).status).toBe(200);
    // Just under the limit is still read as before.
    expect((await flood('setup:status', padded(MAX_ANONYMOUS_BODY))).status).toBe(200);
  });

  it('still accepts a live session’s large body up to the 16 MiB limit (DSU documents), and refuses beyond', async () => {
    const cookie = await loginCookie();
    const big = await flood('site:info', padded(12 << 20), { headers: { Cookie: cookie } });
    expect(big.status).toBe(200);
    expect(JSON.parse(big.body)).toMatchObject({ ok: true, value: { name: 'MDS Montauban Est' } });
    const chunked = await flood('site:info', padded(MAX_BODY), { headers: { Cookie: cookie }, chunked: true });
    expect(chunked.status).toBe(200);
    const over = await flood('site:info', padded(MAX_BODY + 1), { headers: { Cookie: cookie } });
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body).error.message).toMatch(/^Requête trop volumineuse : 16 Mio au plus\./);
    const overChunked = await flood('site:info', padded(MAX_BODY + 1), { headers: { Cookie: cookie }, chunked: true });
    expect(overChunked.status).toBe(413);
    expect((await rpc('site:info', {}, { Cookie: cookie })).status).toBe(200);
  });

  it('lets the site be created with a long list of communes, only while there is no site', async () => {
    const fresh = new AppCore(tmpDir(), registry);
    const other = createHttpHost(fresh);
    const otherPort = await other.listen();
    try {
      const communes = Array.from({ length: 1000 }, (_, i) => ({ insee: String(10000 + i), name: `Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson ${i}` }));
      const body = Buffer.from(JSON.stringify({ siteName: 'MDS Test', siteCode: 'TST', communes, admin: { login: 'admin', displayName: 'Admin', password: ADMIN_PASSWORD } }));
      expect(body.length).toBeGreaterThan(MAX_ANONYMOUS_BODY);
      const created = await flood('setup:init', body, { to: otherPort });
      expect(created.status, created.body).toBe(200);
      const again = await flood('setup:init', body, { to: otherPort });
      expect(again.status).toBe(413);
    } finally {
      await other.close();
      fresh.close();
    }
  });

  it('takes exactly application/json as media type, any case, with parameters', async () => {
    for (const type of ['application/jsonp', 'application/json-patch+json', 'application/jsonx; charset=utf-8', 'text/plain; a=application/json']) {
      const r = await request({ method: 'POST', path: '/rpc/setup:status', headers: { 'Content-Type': type }, body: '{}' });
      expect(r.status, type).toBe(415);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('application/json') } });
    }
    for (const type of ['APPLICATION/JSON; charset=UTF-8', 'Application/Json', 'application/json;charset=utf-8', 'application/json ; charset=utf-8']) {
      const r = await request({ method: 'POST', path: '/rpc/setup:status', headers: { 'Content-Type': type }, body: '{}' });
      expect(r.status, type).toBe(200);
    }
  });
});
