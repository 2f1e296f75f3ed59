/** The Electron transport, with ipcMain and webContents replaced by recorders: the same
 *  table, a session per window kept in the main process, calls from foreign frames refused,
 *  events delivered only to the window of that session. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcMain } from 'electron';
import { ADMIN_PASSWORD, newSite } from '../../tests/helpers/site';
import { CALL_CHANNEL, EVENT_CHANNEL, registerIpc } from './ipc';

type Handler = (event: unknown, channel: unknown, input: unknown) => Promise<unknown>;
let handler: Handler;
let site: Awaited<ReturnType<typeof newSite>>;
let unregister: () => void;

function fakeWindow(id: number, url = 'file:///opt/Passeur/resources/app.asar/out/renderer/index.html') {
  const sent: unknown[][] = [];
  const sender = { id, once: () => undefined, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
  return { sent, call: (channel: unknown, input: unknown) => handler({ sender, senderFrame: { url } }, channel, input) };
}

beforeAll(async () => {
  site = await newSite();
  const ipcMain = {
    handle: (name: string, h: Handler) => {
      expect(name).toBe(CALL_CHANNEL);
      handler = h;
    },
    removeHandler: () => undefined,
  } as unknown as IpcMain;
  unregister = registerIpc(ipcMain, site.app, { rendererDir: '/opt/Passeur/resources/app.asar/out/renderer' });
});
afterAll(() => {
  unregister();
  site.app.close();
});

describe('IPC transport', () => {
  it('keeps one session per window, never handed to the renderer', async () => {
    const a = fakeWindow(1);
    const b = fakeWindow(2);
    const login = (await a.call('auth:login', { login: 'admin', password: ADMIN_PASSWORD })) as { ok: boolean; value: Record<string, unknown> };
    expect(login.ok).toBe(true);
    expect(JSON.stringify(login)).not.toMatch(/token/i);
    expect(await a.call('admin:listUsers', {})).toMatchObject({ ok: true });
    expect(await b.call('admin:listUsers', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await a.call('admin:createUser', { login: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses calls from a frame that is not the app, and non-string channels', async () => {
    const foreign = fakeWindow(3, 'https://evil.example/');
    expect(await foreign.call('setup:status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Another local file is not the app either.
    expect(await fakeWindow(7, 'file:///home/someone/Downloads/page.html').call('setup:status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fakeWindow(8, 'file:///opt/Passeur/resources/app.asar/out/renderer/../../evil.html').call('setup:status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fakeWindow(4).call({ toString: () => 'setup:status' }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('delivers a session event only to the window that holds that session', async () => {
    const a = fakeWindow(5);
    const b = fakeWindow(6);
    await a.call('auth:login', { login: 'admin', password: ADMIN_PASSWORD });
    await b.call('auth:login', { login: 'admin', password: ADMIN_PASSWORD });
    await a.call('auth:lock', {});
    expect(a.sent).toEqual([[EVENT_CHANNEL, 'session:locked', {}]]);
    expect(b.sent).toEqual([]);
  });
});
