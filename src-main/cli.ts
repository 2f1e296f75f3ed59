/**
 * `passeur` — headless commands for the site's admin and for tests. Every command takes
 * `--data DIR`; those that open the store take `--user LOGIN`, and the password comes
 * from PASSEUR_PASSWORD or a hidden prompt, never from an argument. Exit 0 on success;
 * otherwise a one-line French message on stderr and exit 1 (2 for a usage error).
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { AppCore } from './api/app';
import { dispatch } from './api/dispatch';
import type { Channel, Input } from './api/contract';
import { appendAudit, verifyAudit } from './auth/audit';
import { oneTimePassword } from './auth/passwords';
import { findUserByLogin, setMustChangePassword } from './auth/users';
import { createHttpHost } from './host/http';
import { PasseurError } from './shared/errors';
import { setQuiet } from './shared/log';
import { defaultDataDir } from './shared/paths';
import { restoreBackup } from './store/vault';
import { demandeSchema, evaluate } from './modules/aides/engine';
import { parseReglement, reglementJsonSchema } from './modules/aides/reglement';

const USAGE = `Usage : passeur <commande> [options]

  init --site-name NOM --site-code CODE --admin IDENTIFIANT [--admin-name NOM] [--communes FICHIER]
                       crée le site et son premier administrateur ; affiche le code de secours
  serve [--port N]     sert l'interface sur http://127.0.0.1:N (navigateur de ce poste)
  user add IDENTIFIANT --roles r1,r2 [--name NOM]   crée un compte ; affiche son mot de passe provisoire
  user disable IDENTIFIANT [--no-rotate]            désactive un compte et change la clé de la base
  backup --to FICHIER  sauvegarde chiffrée (base + trousseau) pendant l'utilisation
  restore --from FICHIER                            restaure une sauvegarde (application arrêtée)
  audit verify         vérifie la chaîne du journal d'audit
  recover --user IDENTIFIANT                        nouveau mot de passe provisoire grâce au code de secours
  bareme evaluate --reglement FICHIER --demande FICHIER
                       évalue une demande d'aide sous un règlement (JSON sur la sortie, sans base)
  bareme schema        affiche le schéma JSON des règlements

Options communes : --data DOSSIER (défaut : ${defaultDataDir()}), --user IDENTIFIANT.
Mot de passe : variable PASSEUR_PASSWORD, sinon saisie masquée. Code de secours : PASSEUR_RECOVERY_CODE.
Rôles : secretaire, ass, cesf, responsable, admin.`;

class UsageError extends Error {}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (k === 'password') throw new UsageError('Le mot de passe ne se passe jamais en argument : utilisez PASSEUR_PASSWORD ou la saisie masquée.');
      if (inline !== undefined) flags.set(k, inline);
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(k, argv[++i]!);
      else flags.set(k, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

function flag(args: Args, name: string, required: true): string;
function flag(args: Args, name: string, required?: false): string | undefined;
function flag(args: Args, name: string, required = false): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`L'option --${name} attend une valeur.`);
  if (v === undefined && required) throw new UsageError(`Option --${name} manquante.`);
  return v;
}

async function prompt(question: string, env: string): Promise<string> {
  const fromEnv = process.env[env];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UsageError(`Aucun terminal pour saisir le secret : définissez la variable ${env}.`);
  }
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) {
        process.stderr.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      process.stderr.write('\n');
      rl.close();
      resolve(answer);
    });
  });
}

function dataDir(args: Args): string {
  return path.resolve(flag(args, 'data') ?? defaultDataDir());
}

/** Logs in as --user through the API (same checks and audit as the app). */
async function session(app: AppCore, args: Args): Promise<string> {
  const login = flag(args, 'user', true);
  const password = await prompt(`Mot de passe de ${login} : `, 'PASSEUR_PASSWORD');
  const out = await dispatch(app, null, 'auth:login', { login, password });
  if (!out.result.ok) throw new PasseurError(out.result.error.code as never, out.result.error.message);
  return out.sessionToken!;
}

async function call<C extends Channel>(app: AppCore, token: string, channel: C, input: Input<C>): Promise<unknown> {
  const out = await dispatch(app, token, channel, input);
  if (!out.result.ok) throw new PasseurError(out.result.error.code as never, out.result.error.message);
  return out.result.value;
}

function parseCommunes(file: string): { insee: string; name: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: { insee: string; name: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const m = /^([0-9]{5}|2[ABab][0-9]{3})[\s;,:]+(.+)$/.exec(t);
    if (!m) throw new UsageError(`Communes, ligne ${i + 1} : attendu « CODE_INSEE Nom », par exemple « 82121 Montauban ».`);
    out.push({ insee: m[1]!.toUpperCase(), name: m[2]!.trim() });
  });
  return out;
}

export function rendererDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(here, '../renderer');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new PasseurError('invalid_input', `${what} : fichier illisible (${path.basename(file)}). Vérifiez le chemin.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new PasseurError('invalid_input', `${what} : JSON invalide (${(e as Error).message}).`);
  }
}

/** `passeur bareme …`: the règlement engine without any database (DOMAIN §4.2). */
function bareme(sub: string | undefined, args: Args, out: (s: string) => void): number {
  if (sub === 'schema') {
    out(JSON.stringify(reglementJsonSchema(), null, 2));
    return 0;
  }
  if (sub !== 'evaluate') throw new UsageError('Sous-commande attendue : bareme evaluate --reglement FICHIER --demande FICHIER, ou bareme schema.');
  const reglement = parseReglement(readJson(flag(args, 'reglement', true), 'Règlement'));
  if (!reglement.ok) {
    throw new PasseurError('invalid_input', `Règlement invalide : ${reglement.problems.map((p) => `${p.path} : ${p.message}`).join(' ; ')}.`);
  }
  const demande = demandeSchema.safeParse(readJson(flag(args, 'demande', true), 'Demande'));
  if (!demande.success) {
    throw new PasseurError('invalid_input', `Demande invalide : ${demande.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(document)'} : ${i.message}`).join(' ; ')}.`);
  }
  out(JSON.stringify(evaluate(demande.data, reglement.reglement), null, 2));
  return 0;
}

export async function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): Promise<number> {
  const args = parseArgs(argv);
  const [cmd, sub, target] = args.positional;
  if (!cmd || args.flags.has('help') || cmd === 'help') {
    out(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd === 'bareme') return bareme(sub, args, out);
  const dir = dataDir(args);
  setQuiet(cmd !== 'serve' && !args.flags.has('verbose'));

  if (cmd === 'init') {
    const app = new AppCore(dir);
    try {
      const login = flag(args, 'admin', true);
      const password = await prompt(`Mot de passe du premier administrateur (${login}) : `, 'PASSEUR_PASSWORD');
      if (!process.env.PASSEUR_PASSWORD) {
        const again = await prompt('Confirmez le mot de passe : ', 'PASSEUR_PASSWORD_CONFIRM');
        if (again !== password) throw new UsageError('Les deux saisies du mot de passe diffèrent. Rien n’a été créé.');
      }
      const communesFile = flag(args, 'communes');
      const result = (await call(app, '', 'setup:init', {
        siteName: flag(args, 'site-name', true),
        siteCode: flag(args, 'site-code', true),
        communes: communesFile ? parseCommunes(communesFile) : [],
        admin: { login, displayName: flag(args, 'admin-name') ?? login, password },
      })) as { recoveryCode: string };
      out(`Site créé dans ${dir}.`);
      out(`Code de secours (à imprimer et ranger sous clé ; il ne sera plus affiché) : ${result.recoveryCode}`);
      return 0;
    } finally {
      app.close();
    }
  }

  if (cmd === 'serve') {
    const app = new AppCore(dir);
    const port = Number(flag(args, 'port') ?? 7430);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port attend un numéro de port (0 à 65535).');
    const host = createHttpHost(app, { port, rendererDir: rendererDir() });
    const bound = await host.listen().catch((e: NodeJS.ErrnoException) => {
      app.close();
      if (e.code === 'EADDRINUSE') throw new PasseurError('conflict', `Le port ${port} est déjà utilisé (une autre instance de Passeur ?). Choisissez-en un autre avec --port.`);
      throw e;
    });
    out(`Passeur sert ${dir} sur http://127.0.0.1:${bound}/ (Ctrl+C pour arrêter)`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        void host.close().then(() => {
          app.close();
          resolve();
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  }

  if (cmd === 'restore') {
    const from = flag(args, 'from', true);
    const login = flag(args, 'user', true);
    const password = await prompt(`Mot de passe de ${login} (dans la sauvegarde) : `, 'PASSEUR_PASSWORD');
    await restoreBackup(from, dir, login, password);
    out(`Sauvegarde restaurée dans ${dir}. Les fichiers remplacés sont conservés à côté (*.avant-restauration-*).`);
    return 0;
  }

  const app = new AppCore(dir);
  try {
    if (cmd === 'recover') {
      const login = flag(args, 'user', true);
      const code = await prompt('Code de secours : ', 'PASSEUR_RECOVERY_CODE');
      await app.vault.unlockWithRecovery(code);
      const db = app.vault.db;
      const user = findUserByLogin(db, login);
      if (!user || user.disabled) throw new PasseurError('not_found', `Aucun compte actif « ${login} » sur ce site.`);
      const otp = oneTimePassword();
      const ring = await app.vault.setUserSecret(user.login, otp);
      db.transaction(() => {
        setMustChangePassword(db, user.id, true);
        appendAudit(db, { userId: null, action: 'user.password_recover', entity: 'user', entityId: user.id });
        app.vault.saveKeyring(ring);
      })();
      out(`Mot de passe provisoire de ${user.login} : ${otp}`);
      out('À changer à la première connexion.');
      return 0;
    }

    const token = await session(app, args);
    if (cmd === 'user' && sub === 'add') {
      if (!target) throw new UsageError('Indiquez l’identifiant du compte à créer : passeur user add IDENTIFIANT --roles ass');
      const roles = (flag(args, 'roles', true) ?? '').split(',').map((r) => r.trim()).filter(Boolean);
      const r = (await call(app, token, 'admin:createUser', { login: target, displayName: flag(args, 'name') ?? target, roles: roles as never })) as {
        user: { login: string };
        oneTimePassword: string;
      };
      out(`Compte ${r.user.login} créé. Mot de passe provisoire (à changer à la première connexion) : ${r.oneTimePassword}`);
      return 0;
    }
    if (cmd === 'user' && sub === 'disable') {
      if (!target) throw new UsageError('Indiquez l’identifiant du compte à désactiver.');
      const users = (await call(app, token, 'admin:listUsers', {})) as { id: number; login: string }[];
      const u = users.find((x) => x.login === target.toLowerCase());
      if (!u) throw new PasseurError('not_found', `Aucun compte « ${target} » sur ce site.`);
      await call(app, token, 'admin:disableUser', { userId: u.id, rotateKey: !args.flags.has('no-rotate') });
      out(`Compte ${u.login} désactivé${args.flags.has('no-rotate') ? '' : ' ; la clé de la base a été changée'}.`);
      return 0;
    }
    if (cmd === 'backup') {
      const to = path.resolve(flag(args, 'to', true));
      const db = app.vault.db;
      const me = app.sessions.get(token)!;
      if (!me.roles.includes('admin')) throw new PasseurError('forbidden', 'La sauvegarde est réservée aux administrateurs du site.');
      const { bytes } = app.vault.backupTo(to);
      db.transaction(() => appendAudit(db, { userId: me.userId, action: 'store.backup', entity: 'store' }))();
      out(`Sauvegarde chiffrée écrite : ${to} (${Math.round(bytes / 1024)} Kio).`);
      return 0;
    }
    if (cmd === 'audit' && sub === 'verify') {
      const me = app.sessions.get(token)!;
      if (!me.roles.some((r) => r === 'admin' || r === 'responsable')) throw new PasseurError('forbidden', 'La vérification du journal est réservée aux administrateurs et responsables.');
      const r = verifyAudit(app.vault.db);
      if (r.ok) {
        out(`Journal d’audit intègre : ${r.rows} entrées, chaîne vérifiée.`);
        return 0;
      }
      throw new PasseurError('database_damaged', `Journal d’audit altéré : la chaîne est rompue à l’entrée n° ${r.brokenAt} (${r.reason === 'gap' ? 'entrée supprimée' : r.reason === 'link' ? 'lien vers l’entrée précédente invalide' : 'contenu modifié'}).`);
    }
    throw new UsageError(`Commande inconnue : ${[cmd, sub].filter(Boolean).join(' ')}. Voir « passeur help ».`);
  } finally {
    app.close();
  }
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`passeur : ${msg.replace(/\s+/g, ' ')}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}
