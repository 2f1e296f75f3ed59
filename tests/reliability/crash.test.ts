/**
 * Killing the process in the middle of writes loses nothing that was committed and breaks
 * nothing: the pages still authenticate, the audit chain still verifies.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src-main/auth/audit';
import { readBackup, restoreBackup, Vault } from '../../src-main/store/vault';
import { tmpDir } from '../helpers/tmp';

const PW = 'une longue phrase secrète';
const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'out', 'reliability');

beforeAll(async () => {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { ssr: path.join(root, 'tests/reliability/writer.ts'), outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { format: 'esm', entryFileNames: 'writer.mjs' } } },
  });
});

describe('kill during writes', () => {
  it('keeps every committed transaction and an intact audit chain after SIGKILL', async () => {
    const dir = tmpDir();
    const v = new Vault(dir);
    await v.init({ siteName: 'S', siteCode: 'SS', communes: [], admin: { login: 'admin', displayName: 'A', password: PW } });
    v.close();

    const child = spawn(process.execPath, [path.join(outDir, 'writer.mjs'), dir, PW], { stdio: ['ignore', 'pipe', 'inherit'] });
    let lastCommitted = 0;
    let buf = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const l of lines) lastCommitted = Number(l);
        if (lastCommitted >= 400 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    expect(lastCommitted).toBeGreaterThanOrEqual(400);

    const after = new Vault(dir);
    await after.authenticate('admin', PW); // opening runs the page check (quick_check)
    const rows = (after.db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'crash-%'").get() as { n: number }).n;
    expect(rows).toBeGreaterThanOrEqual(lastCommitted);
    const audit = verifyAudit(after.db);
    expect(audit.ok).toBe(true);
    expect(audit.rows).toBeGreaterThanOrEqual(lastCommitted);
    after.close();
  });
});

describe('backup under load', () => {
  it('takes a consistent encrypted copy while another process keeps writing', async () => {
    const dir = tmpDir();
    const v = new Vault(dir);
    await v.init({ siteName: 'S', siteCode: 'SS', communes: [], admin: { login: 'admin', displayName: 'A', password: PW } });
    const child = spawn(process.execPath, [path.join(outDir, 'writer.mjs'), dir, PW], { stdio: ['ignore', 'pipe', 'inherit'] });
    let committed = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        committed = Number(d.toString().trim().split('\n').pop());
        if (committed >= 200) resolve();
      });
    });
    const target = path.join(tmpDir(), 'pendant-ecriture.passeur');
    v.backupTo(target);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    v.close();

    expect(readBackup(target).db.includes(Buffer.from('crash-'))).toBe(false);
    const restored = tmpDir();
    await restoreBackup(target, restored, 'admin', PW);
    const r = new Vault(restored);
    await r.authenticate('admin', PW);
    const rows = (r.db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'crash-%'").get() as { n: number }).n;
    expect(rows).toBeGreaterThanOrEqual(200);
    // Same number of audit rows as data rows: no transaction is half in the copy.
    const audited = (r.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.update'").get() as { n: number }).n;
    expect(audited).toBe(rows);
    expect(verifyAudit(r.db).ok).toBe(true);
    r.close();
  });
});
