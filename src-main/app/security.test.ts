/**
 * Electron's security checklist, asserted on the code that creates the window and the
 * preload, with Electron's modules replaced by recorders (no Electron binary is needed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';

type Handler = (...args: unknown[]) => unknown;
const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; handlers: Map<string, Handler>; openHandler?: Handler; loaded?: string }[],
  exposed: new Map<string, unknown>(),
  ipcListeners: new Map<string, Set<Handler>>(),
  opened: [] as string[],
  dialogAnswer: 0,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const entry: (typeof recorded.windows)[number] = { options, handlers: new Map() };
      recorded.windows.push(entry);
      this.webContents = {
        on: (event: string, h: Handler) => entry.handlers.set(event, h),
        setWindowOpenHandler: (h: Handler) => (entry.openHandler = h),
      };
      Object.assign(this, {
        once: () => undefined,
        loadFile: (f: string) => ((entry.loaded = f), Promise.resolve()),
        loadURL: (u: string) => ((entry.loaded = u), Promise.resolve()),
      });
    }
  }
  return {
    BrowserWindow,
    dialog: { showMessageBox: async () => ({ response: recorded.dialogAnswer }) },
    shell: { openExternal: async (url: string) => void recorded.opened.push(url) },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => args,
      on: (ch: string, h: Handler) => {
        const set = recorded.ipcListeners.get(ch) ?? new Set();
        set.add(h);
        recorded.ipcListeners.set(ch, set);
      },
      removeListener: (ch: string, h: Handler) => recorded.ipcListeners.get(ch)?.delete(h),
    },
  };
});

beforeEach(() => {
  recorded.windows.length = 0;
  recorded.opened.length = 0;
});

describe('the main window', () => {
  it('is created with every isolation setting on', async () => {
    const { createMainWindow } = await import('./window');
    createMainWindow({ preload: '/app/preload/index.cjs', rendererIndex: '/app/renderer/index.html' });
    const prefs = recorded.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      preload: '/app/preload/index.cjs',
    });
    expect(recorded.windows[0]!.loaded).toBe(path.resolve('/app/renderer/index.html'));
  });

  it('denies navigation, redirects, webviews and new windows; external http(s) only after confirmation', async () => {
    const { createMainWindow } = await import('./window');
    createMainWindow({ preload: 'p', rendererIndex: 'r' });
    const w = recorded.windows[0]!;
    recorded.dialogAnswer = 1; // the person answers "Annuler"
    const prevent = vi.fn();
    w.handlers.get('will-navigate')!({ preventDefault: prevent }, 'https://example.org/');
    expect(prevent).toHaveBeenCalled();
    const preventFile = vi.fn();
    w.handlers.get('will-navigate')!({ preventDefault: preventFile }, `${pathToFileURL(path.resolve('r'))}#/`);
    expect(preventFile).not.toHaveBeenCalled();
    const preventOtherFile = vi.fn();
    w.handlers.get('will-navigate')!({ preventDefault: preventOtherFile }, 'file:///etc/passwd');
    expect(preventOtherFile).toHaveBeenCalled();
    const preventRedirect = vi.fn();
    w.handlers.get('will-redirect')!({ preventDefault: preventRedirect }, 'https://evil.example/');
    expect(preventRedirect).toHaveBeenCalled();
    const preventWebview = vi.fn();
    w.handlers.get('will-attach-webview')!({ preventDefault: preventWebview });
    expect(preventWebview).toHaveBeenCalled();

    expect(w.openHandler!({ url: 'https://www.service-public.fr/' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 10));
    expect(recorded.opened).toEqual([]);
    recorded.dialogAnswer = 0; // "Ouvrir dans le navigateur"
    expect(w.openHandler!({ url: 'https://www.service-public.fr/' })).toEqual({ action: 'deny' });
    expect(w.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(w.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 10));
    expect(recorded.opened).toEqual(['https://www.service-public.fr/']);
  });

  it('refuses every permission and sets the CSP header on every response', async () => {
    const { hardenSession } = await import('./security');
    let permission: Handler | undefined;
    let check: Handler | undefined;
    let headers: Handler | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: Handler) => (permission = h),
      setPermissionCheckHandler: (h: Handler) => (check = h),
      webRequest: { onHeadersReceived: (h: Handler) => (headers = h) },
    } as never);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      permission!({}, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
    const cb = vi.fn();
    headers!({ responseHeaders: { a: ['b'] } }, cb);
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { a: ['b'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});

describe('the content security policy', () => {
  it('allows no inline or evaluated script, no remote origin, no frames', () => {
    const d = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1)]));
    expect(d['default-src']).toEqual(["'none'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['style-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('is also in the renderer page itself (meta), identical but for what a meta cannot carry', () => {
    const html = fs.readFileSync(path.resolve('src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const expected = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
    expect(meta).toBe(expected);
  });

  it('no renderer source uses <webview>, inline handlers in HTML, or eval', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(tsx?|html)$/.test(e.name)) files.push(p);
      }
    };
    walk(path.resolve('src-renderer'));
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/<webview|\beval\(|new Function\(|dangerouslySetInnerHTML/);
    }
  });
});

describe('the preload', () => {
  it('exposes only call() and on(), and on() returns an unsubscribe function', async () => {
    await import('../preload');
    const api = recorded.exposed.get('passeur') as { call: Handler; on: (e: string, cb: Handler) => () => void };
    expect([...recorded.exposed.keys()]).toEqual(['passeur']);
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(await api.call('auth:session', {})).toEqual(['passeur:call', 'auth:session', {}]);
    const seen: unknown[] = [];
    const off = api.on('session:locked', (p) => seen.push(p));
    const [listener] = [...recorded.ipcListeners.get('passeur:event')!];
    listener!({}, 'session:locked', { a: 1 });
    listener!({}, 'session:ended', { b: 2 });
    expect(seen).toEqual([{ a: 1 }]);
    off();
    expect(recorded.ipcListeners.get('passeur:event')!.size).toBe(0);
    expect(() => api.on('anything:else', () => undefined)).toThrow();
  });
});
