/**
 * The only bridge between the sandboxed renderer and the main process: `call` and `on`.
 * No raw ipcRenderer, no Node API, no arbitrary event names.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const CALL_CHANNEL = 'passeur:call';
const EVENT_CHANNEL = 'passeur:event';
const EVENTS = new Set(['session:locked', 'session:ended', 'data:changed']);

contextBridge.exposeInMainWorld('passeur', {
  call: (channel: string, input: unknown) => ipcRenderer.invoke(CALL_CHANNEL, String(channel), input),
  on: (event: string, callback: (payload: unknown) => void) => {
    if (!EVENTS.has(event)) throw new Error(`unknown event ${String(event)}`);
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
});
