/**
 * `passeur demo`: a fictional site made through the API, deterministic for a seed, refused
 * in a folder that holds anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppCore } from '../../src-main/api/app';
import { dispatch } from '../../src-main/api/dispatch';
import { registry } from '../../src-main/modules';
import { createDemo } from '../../src-main/demo/demo';
import { planHouseholds } from '../../src-main/demo/plan';
import { run } from '../../src-main/cli';
import { verifyAudit } from '../../src-main/store/audit';
import communes from '../../resources/demo/communes-82.json';
import { hashDir, tmpDir } from '../helpers/tmp';

/** Opens a demo folder with its printed admin password; returns a digest of every table and a few reads. */
async function open(dir: string, adminPassword: string) {
  const app = new AppCore(dir, registry);
  try {
    const login = await dispatch(app, null, 'auth:login', { login: 'admin', password: adminPassword });
    expect(login.result).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    const db = app.vault.db;
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const h = createHash('sha256');
    // What differs between two runs: the login just made (audit log), and the moment the
    // migration installed the example règlement (stamped at the real time, not the site's clock).
    const stable = (row: Record<string, unknown>) => JSON.stringify({ ...row, imported_at: null, activated_at: null });
    for (const t of tables) if (t !== 'audit_log') h.update(t).update(JSON.stringify((db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]).map(stable).sort()));
    const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
    const names = (db.prepare('SELECT birth_name || \' \' || first_names AS n FROM persons ORDER BY id').all() as { n: string }[]).map((p) => p.n);
    const audit = verifyAudit(db);
    const auditRows = count('audit_log');
    const reglements = (db.prepare("SELECT code FROM reglements WHERE status = 'actif' ORDER BY code").all() as { code: string }[]).map((x) => x.code);
    return { digest: h.digest('hex'), names, persons: count('persons'), audit, auditRows, tables, reglements };
  } finally {
    app.close();
  }
}

describe('passeur demo', () => {
  it('same seed, same site; another seed, another site; every record through the API, audited', async () => {
    const a = tmpDir();
    const b = tmpDir();
    const c = tmpDir();
    const one = await createDemo(a, 'site', 82, 40);
    const two = await createDemo(b, 'site', 82, 40);
    const other = await createDemo(c, 'site', 7, 40);
    expect(one.counts).toEqual(two.counts);
    expect(one.counts.households).toBe(40);
    expect(one.counts.firstContacts).toBe(40);
    expect(one.counts.dsu).toBeGreaterThan(5);
    expect(one.counts.journal).toBeGreaterThan(5);
    expect(one.counts.appointments).toBeGreaterThan(5);
    expect(one.counts.surendettement).toBeGreaterThan(0);
    // One account per role, each with its own one-time password.
    expect(one.accounts.map((x) => x.role).sort()).toEqual(['admin', 'ass', 'cesf', 'responsable', 'secretaire']);
    expect(new Set(one.accounts.map((x) => x.oneTimePassword)).size).toBe(5);
    expect(one.accounts[0]!.oneTimePassword).not.toBe(two.accounts[0]!.oneTimePassword);
    const pw = (s: typeof one) => s.accounts.find((x) => x.role === 'admin')!.oneTimePassword;
    const [ra, rb, rc] = [await open(a, pw(one)), await open(b, pw(two)), await open(c, pw(other))];
    expect(ra.digest).toBe(rb.digest);
    expect(ra.names).toEqual(rb.names);
    expect(rc.digest).not.toBe(ra.digest);
    expect(rc.names).not.toEqual(ra.names);
    // Names with accents and compound names, as in the lists.
    expect(ra.names.some((n) => /[éèëêïîôâç]/i.test(n))).toBe(true);
    expect(ra.names.some((n) => /\S-\S/.test(n))).toBe(true);
    // Every change has its audit row, and the chain holds.
    expect(ra.audit.ok).toBe(true);
    expect(ra.auditRows).toBeGreaterThan(one.counts.persons + one.counts.firstContacts + one.counts.journal);
    expect(ra.persons).toBe(one.counts.persons);
    // The FSL's règlement intérieur (example) in force beside the département's aid règlement.
    expect(ra.reglements).toEqual(['exemple', 'fsl']);
  }, 300_000);

  it('draws the seed document’s proportions: 57 % of first contacts by phone; communes of Tarn-et-Garonne with their INSEE codes', () => {
    const plan = planHouseholds(82, 4000, 8);
    const phone = plan.filter((h) => h.mode === 'telephone').length / plan.length;
    expect(phone).toBeGreaterThan(0.54);
    expect(phone).toBeLessThan(0.6);
    const withChildren = plan.filter((h) => h.members.some((m) => m.role === 'enfant'));
    const alone = withChildren.filter((h) => h.shape === 'famille_monoparentale').length / withChildren.length;
    expect(alone).toBeGreaterThan(0.2);
    expect(alone).toBeLessThan(0.32);
    expect(communes.communes.every((x) => /^82\d{3}$/.test(x.insee))).toBe(true);
    expect(communes.communes.find((x) => x.insee === '82033')?.name).toBe('Castelsarrasin');
    expect(communes.source).toMatch(/décret n° 2014-758/);
    expect(planHouseholds(82, 50, 8)).toEqual(planHouseholds(82, 50, 8));
  });

  it('refuses a folder that holds anything, in French, and writes nothing', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'à garder');
    const before = hashDir(dir);
    await expect(run(['demo', '--data', dir], () => undefined)).rejects.toThrow(/n’est pas vide : la démonstration crée un site neuf.*Rien n’a été écrit/);
    expect(hashDir(dir)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
    await expect(run(['demo', '--data', tmpDir(), '--scale', 'pays'], () => undefined)).rejects.toThrow(/--scale attend « site »/);
    await expect(run(['demo', '--data', tmpDir(), '--seed', 'abc'], () => undefined)).rejects.toThrow(/--seed attend un nombre/);
  });
});
