import { BrowserWindow, dialog, shell } from 'electron';
import path from 'node:path';
import { hardenContents, webPreferences } from './security';

export interface WindowPaths {
  preload: string;
  rendererIndex: string;
  devServerUrl?: string;
  icon?: string;
}

/** Creates the main window with the production security settings. */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Passeur',
    backgroundColor: '#f7f7f5',
    autoHideMenuBar: true,
    ...(paths.icon ? { icon: paths.icon } : {}),
    webPreferences: webPreferences(paths.preload),
  });
  hardenContents(
    win.webContents,
    {
      confirm: async (url) => {
        const r = await dialog.showMessageBox(win, {
          type: 'question',
          buttons: ['Ouvrir dans le navigateur', 'Annuler'],
          defaultId: 1,
          cancelId: 1,
          message: 'Ouvrir ce lien hors de Passeur ?',
          detail: url,
        });
        return r.response === 0;
      },
      open: (url) => shell.openExternal(url),
    },
    { rendererDir: path.dirname(path.resolve(paths.rendererIndex)), devServerUrl: paths.devServerUrl },
  );
  win.once('ready-to-show', () => win.show());
  if (paths.devServerUrl) void win.loadURL(paths.devServerUrl);
  else void win.loadFile(path.resolve(paths.rendererIndex));
  return win;
}
