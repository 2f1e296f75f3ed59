#!/usr/bin/env node
// Entry point of the `passeur` command: runs the built CLI (`npm run build` first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`passeur : Node ${process.versions.node} est trop ancien ; Passeur demande Node 22.12 ou plus récent (voir scripts/node-env.sh).\n`);
  process.exit(1);
}
const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('passeur : la commande n’est pas construite ; lancez d’abord « npm run build ».\n');
  process.exit(1);
}
await import(built);
