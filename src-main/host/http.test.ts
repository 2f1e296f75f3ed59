import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../tests/helpers/tmp';
import { ADMIN_PASSWORD, newSite } from '../../tests/helpers/site';
import { CONTENT_SECURITY_POLICY } from '../app/csp';
import { createHttpHost } from './http';

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
