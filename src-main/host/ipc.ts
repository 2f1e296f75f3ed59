/**
 * Electron transport: one `ipcMain.handle` dispatches into the handler table. Each window
 * holds its own session token in the main process; the renderer never sees it.
 * The calls go to a backend (host/http.ts): this process's core, or on a team client the
 * forwarder to the host (src-main/team/forwarder.ts); the renderer cannot tell.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { AppCore } from '../api/app';
import { isAppUrl, type AppOrigin } from '../app/security';
import { localBackend, type RpcBackend } from './http';

export const CALL_CHANNEL = 'passeur:call';
export const EVENT_CHANNEL = 'passeur:event';

export function registerIpc(ipcMain: IpcMain, target: AppCore | RpcBackend, origin: AppOrigin): () => void {
  const backend = target instanceof AppCore ? localBackend(target) : target;
  const windows = new Map<number, { token: string | null; contents: WebContents; stop: (() => void) | null }>();
  let closed = false;

  /** The window's event stream follows its session: a new token, a new stream. */
  const follow = async (entry: { token: string | null; contents: WebContents; stop: (() => void) | null }) => {
    entry.stop?.();
    entry.stop = null;
    const token = entry.token;
    if (token === null) return;
    const stop = await backend.subscribe(
      token,
      (name, payload) => {
        if (!entry.contents.isDestroyed()) entry.contents.send(EVENT_CHANNEL, name, payload);
      },
      // The source ended (a team host restarted): the same session follows it again shortly.
      () => {
        if (!closed && entry.token === token && !entry.contents.isDestroyed()) setTimeout(() => void follow(entry), 1000).unref();
      },
    );
    if (entry.token === token) entry.stop = stop;
    else stop?.();
  };

  const handler = async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl, origin) || typeof channel !== 'string') {
      return { ok: false, error: { code: 'forbidden', message: 'Appel refusé : origine inconnue.' } };
    }
    const entry = windows.get(event.sender.id) ?? { token: null, contents: event.sender, stop: null };
    const out = await backend.call(entry.token, channel, input);
    if (out.sessionToken !== undefined) {
      entry.token = out.sessionToken;
      if (!windows.has(event.sender.id)) {
        windows.set(event.sender.id, entry);
        event.sender.once('destroyed', () => {
          entry.stop?.();
          windows.delete(event.sender.id);
        });
      }
      await follow(entry);
    }
    return out.result;
  };
  ipcMain.handle(CALL_CHANNEL, handler);

  return () => {
    closed = true;
    ipcMain.removeHandler(CALL_CHANNEL);
    for (const e of windows.values()) e.stop?.();
    backend.close();
  };
}
