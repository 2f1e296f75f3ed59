/** The reliability tests' child processes: the owner script built once, spawned, read line
 *  by line, killed with SIGKILL. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'out', 'reliability');
export const OWNER = path.join(outDir, 'owner.mjs');

export async function buildOwner(): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: path.join(root, 'tests/reliability/owner.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'esm', entryFileNames: 'owner.mjs' } },
    },
  });
}

export interface Child {
  proc: ChildProcess;
  lines: string[];
  /** The last number printed (write mode: the last committed write). */
  lastNumber: () => number;
  /** Resolves with the first line (already printed or to come) that `pred` accepts. */
  waitFor: (pred: (line: string) => boolean, what: string) => Promise<string>;
  exited: Promise<number | null>;
  kill: () => Promise<void>;
}

export function spawnOwner(dir: string, password: string, mode: 'write' | 'rotate' | 'idle', arg?: string): Child {
  const proc = spawn(process.execPath, [OWNER, dir, password, mode, ...(arg ? [arg] : [])], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PASSEUR_LOG: 'silent' } });
  const lines: string[] = [];
  let last = 0;
  let buf = '';
  let stderr = '';
  const waiters: { pred: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    for (const l of parts) {
      if (/^\d+$/.test(l)) last = Number(l);
      else lines.push(l);
      for (const w of [...waiters]) {
        if (w.pred(l)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(l);
        }
      }
    }
  });
  proc.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc,
    lines,
    lastNumber: () => last,
    waitFor: (pred, what) => {
      const seen = lines.find(pred) ?? (pred(String(last)) ? String(last) : undefined);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        waiters.push({ pred, resolve });
        void exited.then((code) => reject(new Error(`child exited (${code}) before ${what}: ${stderr.slice(-500)}`)));
      });
    },
    exited,
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

/** A seeded generator (a failing run is replayed with the seed it printed). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How many kills each campaign runs: 200 by default (PASSEUR_KILLS to change it). */
export const KILLS = Number(process.env.PASSEUR_KILLS ?? 200);

/** The campaigns' figures, on the test run's output (the README quotes the last run). */
export function report(line: string): void {
  process.stdout.write(`[fiabilité] ${line}\n`);
}
