/**
 * Electron transport: one `ipcMain.handle` dispatches into the handler table. Each window
 * holds its own session token in the main process; the renderer never sees it.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { AppCore } from '../api/app';
import { dispatch } from '../api/dispatch';
import { isAppUrl, type AppOrigin } from '../app/security';

export const CALL_CHANNEL = 'passeur:call';
export const EVENT_CHANNEL = 'passeur:event';

export function registerIpc(ipcMain: IpcMain, app: AppCore, origin: AppOrigin): () => void {
  const tokens = new Map<number, { token: string | null; contents: WebContents }>();

  const handler = async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl, origin) || typeof channel !== 'string') {
      return { ok: false, error: { code: 'forbidden', message: 'Appel refusé : origine inconnue.' } };
    }
    const entry = tokens.get(event.sender.id) ?? { token: null, contents: event.sender };
    const out = await dispatch(app, entry.token, channel, input);
    if (out.sessionToken !== undefined) {
      entry.token = out.sessionToken;
      tokens.set(event.sender.id, entry);
      event.sender.once('destroyed', () => tokens.delete(event.sender.id));
    }
    return out.result;
  };
  ipcMain.handle(CALL_CHANNEL, handler);

  const onEvent = (token: string | null, name: string, payload: unknown) => {
    for (const e of tokens.values()) if (e.token !== null && (token === null || e.token === token) && !e.contents.isDestroyed()) e.contents.send(EVENT_CHANNEL, name, payload);
  };
  app.bus.on('event', onEvent);
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    app.bus.off('event', onEvent);
  };
}
