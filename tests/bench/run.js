#!/usr/bin/env node
// `npm run bench [-- --json]`: bundles the TypeScript benchmark with Vite (SSR build,
// dependencies left external) and runs it under this Node. Timings are printed, never asserted.
import { build } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Inside the checkout, so the bundle resolves the project's node_modules.
const outDir = path.join(root, 'out', 'bench');
await build({
  root,
  configFile: false,
  logLevel: 'silent',
  build: { ssr: path.join(root, 'tests/bench/bench.ts'), outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { format: 'esm', entryFileNames: 'bench.mjs' } } },
});
const { main } = await import(pathToFileURL(path.join(outDir, 'bench.mjs')).href);
try {
  await main(process.argv.slice(2));
} finally {
  fs.rmSync(outDir, { recursive: true, force: true });
}
