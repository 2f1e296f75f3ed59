import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { LOCK_FILE, OWNER_FILE } from '../../src-main/store/lock';

export function tmpDir(prefix = 'passeur-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** SHA-256 of every regular file in `dir` (name → hash): compare before and after a refused
 *  call. The WAL's `-shm` file is left out: it is SQLite's shared-memory index of the WAL
 *  (reader marks and counters, rebuilt at will), not stored data; so are the folder's lock
 *  (an empty file SQLite locks) and the note naming its current owner (store/lock.ts). */
export function hashDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.endsWith('-shm') || name === LOCK_FILE || name === OWNER_FILE) continue;
    const p = path.join(dir, name);
    if (fs.statSync(p).isFile()) out[name] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}
