/** Electron entry: one window, the secure defaults, the IPC transport. */
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppCore } from '../api/app';
import { ownFolder } from '../host/control';
import { registerIpc } from '../host/ipc';
import { log } from '../shared/log';
import { hardenSession } from './security';
import { createMainWindow } from './window';
import { registry } from '../modules';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

if (!app.requestSingleInstanceLock()) app.quit();

app.enableSandbox();

app.whenReady().then(async () => {
  const dataDir = process.env.PASSEUR_DATA ?? path.join(app.getPath('userData'), 'data');
  const core = new AppCore(dataDir, registry, 'app');
  try {
    // One owner per data folder: `passeur` commands then go through this process.
    await ownFolder(core, 'Fermez-le d’abord, puis rouvrez Passeur.');
  } catch (e) {
    core.close();
    dialog.showErrorBox('Passeur ne peut pas ouvrir ce dossier de données', e instanceof Error ? e.message : String(e));
    app.quit();
    return;
  }
  hardenSession(session.defaultSession);
  const rendererIndex = path.join(here, '../renderer/index.html');
  registerIpc(ipcMain, core, { rendererDir: path.dirname(rendererIndex), devServerUrl });
  const open = () =>
    createMainWindow({
      preload: path.join(here, '../preload/index.cjs'),
      rendererIndex,
      ...(devServerUrl ? { devServerUrl } : {}),
    });
  open();
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && open());
  app.on('before-quit', () => core.close());
  log('main', 'ready');
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
