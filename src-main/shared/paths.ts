import os from 'node:os';
import path from 'node:path';

/** Electron's userData folder for the product "Passeur", computed without Electron so the
 *  CLI and the desktop app agree on where the data lives. */
export function userDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Passeur');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Passeur');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Passeur');
}

/** The site's data folder (database + keyring) when no `--data` names one: PASSEUR_DATA
 *  when set (as for the desktop app), otherwise `data` inside userData. */
export function defaultDataDir(env = process.env): string {
  const fromEnv = env.PASSEUR_DATA?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(userDataDir(process.platform, env), 'data');
}
