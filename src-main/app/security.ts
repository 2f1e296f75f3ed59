/**
 * Window security (ARCHITECTURE "Security of the window", Electron's security checklist).
 * Pure settings and decisions live here so they are tested as they are used.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './csp';

/** Where the app's own pages live: the packaged renderer folder, or the dev server. */
export interface AppOrigin {
  rendererDir: string;
  devServerUrl?: string | undefined;
}

/** The only pages the window may show and the only frames that may call the API: files
 *  of the packaged renderer folder (not any file:// URL), or the dev server. */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  if (origin.devServerUrl && url.startsWith(origin.devServerUrl)) return true;
  const base = pathToFileURL(path.resolve(origin.rendererDir) + path.sep).href;
  try {
    // The URL parser has already resolved any "..": compare the normalised address.
    const u = new URL(url);
    return u.protocol === 'file:' && `${u.protocol}//${u.host}${u.pathname}`.startsWith(base);
  } catch {
    return false;
  }
}

export function webPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    safeDialogs: true,
  };
}

/** External links: only http(s), and only after the person confirms. */
export function isOpenableExternally(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export interface ExternalOpener {
  confirm: (url: string) => Promise<boolean>;
  open: (url: string) => Promise<void>;
}

/** Navigation and new windows are always denied inside the app; an http(s) link may go
 *  to the system browser after confirmation. */
export function hardenContents(contents: WebContents, opener: ExternalOpener, origin: AppOrigin): void {
  const offerExternally = (url: string) => {
    if (!isOpenableExternally(url)) return;
    void opener.confirm(url).then((ok) => (ok ? opener.open(url) : undefined));
  };
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, origin)) {
      event.preventDefault();
      offerExternally(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    offerExternally(url);
    return { action: 'deny' };
  });
}

/** Every permission (camera, notifications, geolocation…) is refused; the CSP header is
 *  set on every response the session loads. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
