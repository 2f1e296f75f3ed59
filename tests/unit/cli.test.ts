/** The `passeur` commands, run in-process with the same arguments a person types. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src-main/cli';
import { hashDir, tmpDir } from '../helpers/tmp';

const PW = 'une longue phrase secrète';
let out: string[];
const say = (s: string) => void out.push(s);

beforeEach(() => {
  out = [];
  process.env.PASSEUR_PASSWORD = PW;
  delete process.env.PASSEUR_RECOVERY_CODE;
});
afterEach(() => {
  delete process.env.PASSEUR_PASSWORD;
  delete process.env.PASSEUR_RECOVERY_CODE;
});

async function init(dir: string) {
  const communes = path.join(tmpDir(), 'communes.txt');
  fs.writeFileSync(communes, '# territoire\n82121 Montauban\n82125;Montech\n');
  expect(await run(['init', '--data', dir, '--site-name', 'MDS Montauban Est', '--site-code', 'MTB', '--admin', 'admin', '--communes', communes], say)).toBe(0);
  return /: ([0-9A-Z-]{29})$/.exec(out.find((l) => l.startsWith('Code de secours')) ?? '')![1]!;
}

describe('passeur CLI', () => {
  it('init → user add → audit verify → backup → restore', async () => {
    const dir = tmpDir();
    const code = await init(dir);
    expect(code).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
    expect(await run(['user', 'add', 'ass.martin', '--roles', 'ass,cesf', '--name', 'Alex Martin', '--data', dir, '--user', 'admin'], say)).toBe(0);
    expect(out.at(-1)).toMatch(/Compte ass\.martin créé\. Mot de passe provisoire .* : [a-z0-9-]{19}$/);
    expect(await run(['audit', 'verify', '--data', dir, '--user', 'admin'], say)).toBe(0);
    expect(out.at(-1)).toMatch(/Journal d’audit intègre : \d+ entrées/);
    const backup = path.join(tmpDir(), 'sauvegarde.passeur');
    expect(await run(['backup', '--to', backup, '--data', dir, '--user', 'admin'], say)).toBe(0);
    expect(fs.readFileSync(backup).includes(Buffer.from('Montauban'))).toBe(false);
    const target = tmpDir();
    expect(await run(['restore', '--from', backup, '--data', target, '--user', 'admin'], say)).toBe(0);
    expect(await run(['audit', 'verify', '--data', target, '--user', 'admin'], say)).toBe(0);
  });

  it('refuses with a French message and changes nothing: wrong password, unknown role, missing option, existing file', async () => {
    const dir = tmpDir();
    await init(dir);
    const before = hashDir(dir);
    process.env.PASSEUR_PASSWORD = 'pas le bon mot de passe';
    await expect(run(['user', 'add', 'x.y', '--roles', 'ass', '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/Identifiant ou mot de passe incorrect/);
    process.env.PASSEUR_PASSWORD = PW;
    await expect(run(['user', 'add', 'x.y', '--roles', 'chef', '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/Donnée invalide \(roles\.0\)/);
    await expect(run(['user', 'add', 'x.y', '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/--roles manquante/);
    await expect(run(['backup', '--to', path.join(dir, 'passeur.db'), '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/existe déjà/);
    // Logins leave audit rows; the refused commands themselves wrote nothing else.
    expect(Object.keys(hashDir(dir))).toEqual(Object.keys(before));
  });

  it('never takes a password as an argument', async () => {
    await expect(run(['user', 'add', 'x', '--password', 'secret'], say)).rejects.toThrow(/jamais en argument/);
  });

  it('disables a user and rotates the key; the recovery code gives a new one-time password', async () => {
    const dir = tmpDir();
    const code = await init(dir);
    await run(['user', 'add', 'sec.durand', '--roles', 'secretaire', '--data', dir, '--user', 'admin'], say);
    const keyBefore = JSON.parse(fs.readFileSync(path.join(dir, 'passeur.keyring.json'), 'utf8')).keyCheck;
    expect(await run(['user', 'disable', 'sec.durand', '--data', dir, '--user', 'admin'], say)).toBe(0);
    expect(out.at(-1)).toContain('la clé de la base a été changée');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'passeur.keyring.json'), 'utf8')).keyCheck).not.toBe(keyBefore);
    process.env.PASSEUR_RECOVERY_CODE = code.toLowerCase();
    expect(await run(['recover', '--user', 'admin', '--data', dir], say)).toBe(0);
    const otp = /: ([a-z0-9-]{19})$/.exec(out.find((l) => l.startsWith('Mot de passe provisoire de admin'))!)![1]!;
    process.env.PASSEUR_PASSWORD = otp;
    expect(await run(['audit', 'verify', '--data', dir, '--user', 'admin'], say)).toBe(0);
    process.env.PASSEUR_PASSWORD = PW;
    await expect(run(['audit', 'verify', '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/incorrect/);
  });

  it('refuses a second init in the same folder', async () => {
    const dir = tmpDir();
    await init(dir);
    const before = hashDir(dir);
    await expect(run(['init', '--data', dir, '--site-name', 'Autre', '--site-code', 'AUT', '--admin', 'admin'], say)).rejects.toThrow(/contient déjà un site/);
    expect(hashDir(dir)).toEqual(before);
  });
});

describe('passeur bareme evaluate', () => {
  const reglement = path.resolve('resources/reglements/exemple.json');
  const demande = path.resolve('resources/reglements/exemples/demande-secours.json');

  it('prints the evaluation of the README example as JSON, without any database', async () => {
    expect(await run(['bareme', 'evaluate', '--reglement', reglement, '--demande', demande], say)).toBe(0);
    const e = JSON.parse(out.join('\n')) as { outcome: string; route: string; rules: { id: string; passed: boolean; sentence: string }[] };
    // (646,52 − 140 − (420 − 280)) ÷ 1 ÷ 30 = 12,21 € > 8 € : hors barème, to the commission.
    expect(e.outcome).toBe('hors_bareme');
    expect(e.route).toBe('commission');
    const r = e.rules.find((x) => x.id === 'ressources')!;
    expect(r.passed).toBe(false);
    expect(r.sentence).toContain('12,21\u00a0€ par jour et par personne');
    expect(e.rules.find((x) => x.id === 'frequence:secours_am')).toMatchObject({ passed: true });
  });

  it('a faulty règlement is refused with the field named, in French', async () => {
    const bad = path.join(tmpDir(), 'r.json');
    const doc = JSON.parse(fs.readFileSync(reglement, 'utf8')) as { dispositifs: { delegationCents: unknown }[] };
    doc.dispositifs[0]!.delegationCents = 'trois cents';
    fs.writeFileSync(bad, JSON.stringify(doc));
    await expect(run(['bareme', 'evaluate', '--reglement', bad, '--demande', demande], say)).rejects.toThrow(/Règlement invalide : dispositifs\.0\.delegationCents/);
    await expect(run(['bareme', 'evaluate', '--reglement', reglement], say)).rejects.toThrow(/--demande manquante/);
  });

  it('prints the règlement JSON Schema', async () => {
    expect(await run(['bareme', 'schema'], say)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ $id: expect.stringContaining('reglement-1') });
  });
});
