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
import { Forwarder } from '../team/forwarder';
import { readClientPairing } from '../team/pairing';
import { enableHostingControl, hostingSetting, startTeamHost } from '../team/host';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

if (!app.requestSingleInstanceLock()) app.quit();

app.enableSandbox();

app.whenReady().then(async () => {
  const dataDir = process.env.PASSEUR_DATA ?? path.join(app.getPath('userData'), 'data');
  hardenSession(session.defaultSession);
  const rendererIndex = path.join(here, '../renderer/index.html');
  const open = () =>
    createMainWindow({
      preload: path.join(here, '../preload/index.cjs'),
      rendererIndex,
      ...(devServerUrl ? { devServerUrl } : {}),
    });
  // A paired workstation (poste client): the same window, its calls forwarded to the host.
  const pairing = readClientPairing(dataDir);
  if (pairing) {
    const forwarder = new Forwarder(pairing);
    registerIpc(ipcMain, forwarder, { rendererDir: path.dirname(rendererIndex), devServerUrl });
    open();
    app.on('before-quit', () => forwarder.close());
    log('main', 'ready_client');
    return;
  }
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
  registerIpc(ipcMain, core, { rendererDir: path.dirname(rendererIndex), devServerUrl });
  // « Héberger l'équipe », turned on by an admin: the team listener beside the window.
  enableHostingControl(core, dataDir);
  const hosting = hostingSetting(dataDir);
  if (hosting) await startTeamHost(core, { dataDir, address: hosting.address, port: hosting.port }).catch(() => log('main', 'team_host_failed'));
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
