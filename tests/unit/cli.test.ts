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

  it('takes the data folder from PASSEUR_DATA when --data is absent, as the desktop app does; --data wins', async () => {
    const dir = tmpDir();
    const other = tmpDir();
    process.env.PASSEUR_DATA = dir;
    try {
      expect(await run(['init', '--site-name', 'MDS Montauban Est', '--site-code', 'MTB', '--admin', 'admin'], say)).toBe(0);
      expect(out).toContain(`Site créé dans ${dir}.`);
      expect(fs.existsSync(path.join(dir, 'passeur.db'))).toBe(true);
      expect(await run(['audit', 'verify', '--user', 'admin'], say)).toBe(0);
      expect(await run(['init', '--data', other, '--site-name', 'Autre site', '--site-code', 'AUT', '--admin', 'admin'], say)).toBe(0);
      expect(out).toContain(`Site créé dans ${other}.`);
    } finally {
      delete process.env.PASSEUR_DATA;
    }
  });

  it('refuses with a French message and changes nothing: wrong password, unknown role, missing option, existing file', async () => {
    const dir = tmpDir();
    await init(dir);
    const before = hashDir(dir);
    process.env.PASSEUR_PASSWORD = 'pas le bon mot de passe';
    await expect(run(['user', 'add', 'x.y', '--roles', 'ass', '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/Identifiant ou mot de passe incorrect/);
    process.env.PASSEUR_PASSWORD = PW;
    await expect(run(['user', 'add', 'x.y', '--roles', 'chef', '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/Rôles : /);
    await expect(run(['user', 'add', 'x.y', '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/--roles manquante/);
    await expect(run(['backup', '--to', path.join(dir, 'passeur.db'), '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/existe déjà/);
    // Logins leave audit rows; the refused commands themselves wrote nothing else.
    expect(Object.keys(hashDir(dir))).toEqual(Object.keys(before));
  });

  it('refuses unknown commands, options and extra words with exit 2 and a French line naming them; nothing done', async () => {
    const dir = tmpDir();
    await init(dir);
    const before = hashDir(dir);
    const usage = async (argv: string[], msg: RegExp) => {
      const err = await run(argv, say).then(
        () => null,
        (e: Error) => e,
      );
      expect(err?.message).toMatch(msg);
      expect(err?.constructor.name).toBe('UsageError');
    };
    await usage(['restore', '--from', 'x.passeur', '--dat', dir, '--user', 'admin'], /Option inconnue pour « passeur restore » : --dat\. Options possibles : --from, --data, --user\. Rien n’a été fait/);
    await usage(['serve', '--equipe'], /Option inconnue pour « passeur serve » : --equipe/);
    await usage(['serve', '--team', '--data', dir], /--team et --listen ADRESSE:PORT ensemble/);
    await usage(['backupp', '--to', 'x'], /Commande inconnue : « backupp »/);
    await usage(['user', 'remove', 'x'], /Commande inconnue : « user remove »/);
    await usage(['user', 'disable', 'a', 'b', '--data', dir], /Argument en trop pour « passeur user disable » : b/);
    await usage(['user', 'disable', 'a', '--no-rotate=oui', '--data', dir], /--no-rotate ne prend pas de valeur/);
    await usage(['backup', '--to', '--data', dir], /--to attend une valeur/);
    await usage(['audit', 'verify', '--data=', '--user', 'admin'], /--data attend une valeur non vide/);
    await usage(['backup', '--to', 'a', '--to', 'b', '--data', dir], /--to est donnée deux fois/);
    await usage(['user'], /Commande incomplète : « passeur user »/);
    await usage(['--bogus'], /Option inconnue : --bogus/);
    await usage(['--data', dir], /Commande manquante/);
    await usage(['user', 'add', '--roles', 'ass', '--data', dir], /Indiquez l’identifiant du compte/);
    await usage(['restore', '--help', '--bogus'], /Option inconnue pour « passeur restore » : --bogus/);
    expect(hashDir(dir)).toEqual(before);
    // A switch before the operand does not swallow it.
    expect(await run(['user', 'add', 'sec.b', '--roles', 'secretaire', '--data', dir, '--user', 'admin'], say)).toBe(0);
    // Options before the command, too.
    expect(await run(['--data', dir, '--user', 'admin', 'user', 'disable', '--no-rotate', 'sec.b'], say)).toBe(0);
    expect(out.at(-1)).toBe('Compte sec.b désactivé, ses sessions fermées.');
  });

  it('--help on a command shows that command’s help (exit 0); no command shows the list (exit 2)', async () => {
    expect(await run(['restore', '--help'], say)).toBe(0);
    expect(out.at(-1)).toMatch(/^Usage : passeur restore --from FICHIER\n\nRestaure une sauvegarde/);
    expect(out.at(-1)).not.toContain('bareme');
    expect(await run(['user', 'disable', 'x', '--help'], say)).toBe(0);
    expect(out.at(-1)).toMatch(/^Usage : passeur user disable IDENTIFIANT \[--no-rotate\]/);
    expect(await run(['help', 'backup'], say)).toBe(0);
    expect(out.at(-1)).toMatch(/^Usage : passeur backup --to FICHIER/);
    expect(await run(['--help', 'backup'], say)).toBe(0);
    expect(out.at(-1)).toMatch(/^Usage : passeur backup --to FICHIER/);
    expect(await run(['user', '--help'], say)).toBe(0);
    expect(out.at(-1)).toMatch(/^Commandes « passeur user » :[\s\S]*user add IDENTIFIANT[\s\S]*user disable IDENTIFIANT/);
    expect(await run(['help', 'user'], say)).toBe(0);
    expect(out.at(-1)).toMatch(/^Commandes « passeur user »/);
    expect(await run(['help', 'backup'], say)).toBe(0);
    expect(out.at(-1)).toMatch(/^Usage : passeur backup --to FICHIER/);
    expect(await run(['--help'], say)).toBe(0);
    expect(out.at(-1)).toContain('user disable IDENTIFIANT');
    expect(await run([], say)).toBe(2);
  });

  it('a command on a folder without a site says so and creates nothing', async () => {
    const missing = path.join(tmpDir(), 'pas-de-site');
    await expect(run(['audit', 'verify', '--data', missing, '--user', 'admin'], say)).rejects.toThrow(/Aucun site Passeur dans .*pas-de-site/);
    expect(fs.existsSync(missing)).toBe(false);
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
    // The one-time password opens the account, which must first choose its own password.
    await expect(run(['audit', 'verify', '--data', dir, '--user', 'admin'], say)).rejects.toThrow(/Choisissez d’abord votre mot de passe personnel/);
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
