/**
 * The command line built from its sources (as `npm run build` builds it), run as a process for
 * the commands that compute without a database: each run gets a home folder and a data folder
 * that does not exist, and fails the test if the command created either.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { expect } from 'vitest';
import { tmpDir } from './tmp';

const root = path.resolve(__dirname, '../..');

/** Builds the command line into `out/<name>/cli.mjs` (call in `beforeAll`, about a few seconds). */
export async function buildOfflineCli(name: string): Promise<string> {
  const outDir = path.join(root, 'out', name);
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { ssr: path.join(root, 'src-main/cli-entry.ts'), outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { format: 'esm', entryFileNames: 'cli.mjs' } } },
  });
  return path.join(outDir, 'cli.mjs');
}

/** Runs `passeur <args>`; the command must neither need nor create a data folder. */
export function runOffline(cli: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const home = tmpDir();
  const data = path.join(home, 'jamais-cree');
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, PASSEUR_DATA: data, HOME: home, PASSEUR_LOG: 'silent' } });
  expect(fs.existsSync(data)).toBe(false);
  expect(fs.readdirSync(home)).toEqual([]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A JSON (or raw text) input file in a fresh folder. */
export function inputFile(content: unknown, name = 'entree.json'): string {
  const file = path.join(tmpDir(), name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}
