/**
 * The same journey in the Electron shell, through `_electron.launch`, when an Electron
 * binary is installed. Where none can be (no download on this machine), it says so and
 * is skipped — never counted as a pass.
 */
import { _electron as electron, test } from '@playwright/test';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { foundationJourney } from './journeys';

/** The installed Electron binary, found without `require('electron')` (which would try to
 *  download one when it is missing). */
function electronBinary(): string | null {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(pkg, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist');
  const bin = rel ? path.join(dist, rel) : null;
  return bin && fs.existsSync(bin) ? bin : null;
}

const binary = electronBinary();
if (!binary) {
  process.stdout.write('electron: aucun binaire Electron installé sur ce poste — parcours Electron ignoré (skipped), le parcours Chromium couvre le renderer.\n');
}

test('Electron: first run, one account per role, each sees its own navigation', async () => {
  test.skip(!binary, 'aucun binaire Electron installé sur ce poste');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: ['out/main/index.js'], env: { ...process.env, PASSEUR_DATA: dataDir, PASSEUR_LOG: 'silent' } });
  try {
    const page = await app.firstWindow();
    await foundationJourney(page, async (channel, input) => ({
      body: await page.evaluate(([c, i]) => (window as unknown as { passeur: { call: (c: string, i: unknown) => Promise<unknown> } }).passeur.call(c as string, i), [channel, input] as const),
    }));
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
