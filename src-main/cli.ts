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
import type { Channel, Input, Output, Result } from './modules';
import type { DispatchOutcome } from './api/dispatch';
import { recoverAccount } from './store/recovery';
import { createHttpHost } from './host/http';
import { isPasseurError, PasseurError } from './shared/errors';
import { setQuiet } from './shared/log';
import { defaultDataDir } from './shared/paths';
import { flag, helpFor, parseArgs, USAGE, UsageError, type Args } from './cli-args';
import { DB_FILE, KEYRING_FILE } from './store/vault';
import { restoreBackup } from './store/backup';
import { refuseIfRestoring } from './store/files';
import { describeOwner, folderBusy, readOwner } from './store/lock';
import { backupStore, controlRequest, ownFolder } from './host/control';
import { demandeSchema, evaluate, parseReglement, reglementJsonSchema } from './modules/aides';
import { registry } from './modules';
import { capacityInputSchema, computeCapacity, computeDeadlines, deadlinesInputSchema } from './modules/surendettement/rules';
import { computeEvictionDates, evictionInputSchema } from './modules/expulsions/rules';
import { fileParameters } from './shared/parameters';
import { createDemo } from './demo/demo';
import { createLoopbackServer } from './host/http';
import { enableHostingControl, startTeamHost } from './team/host';
import { Forwarder } from './team/forwarder';
import { pairWithHost, parseAddress, readClientPairing } from './team/pairing';

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

/**
 * Where a command's calls go. A command first tries to take the data folder (it then runs
 * the handlers itself); when the desktop app or `passeur serve` owns the folder, the same
 * calls go to that owner through its control endpoint, so nothing is opened twice.
 */
interface Target {
  /** The owner this command goes through; null when it runs here. */
  via: string | null;
  dispatch(token: string | null, channel: Channel, input: unknown): Promise<DispatchOutcome>;
  backup(token: string, to: string): Promise<Result<{ bytes: number; path: string }>>;
  close(): Promise<void>;
}

function localTarget(app: AppCore): Target {
  return {
    via: null,
    dispatch: (token, channel, input) => dispatch(app, token, channel, input),
    backup: (token, to) => Promise.resolve(backupStore(app, token, to)),
    close: () => Promise.resolve(app.close()),
  };
}

function remoteTarget(address: string, owner: string): Target {
  return {
    via: owner,
    dispatch: (token, channel, input) => controlRequest(address, { op: 'dispatch', token, channel, input }),
    backup: async (token, to) => (await controlRequest(address, { op: 'backup', token, to })).result as Result<{ bytes: number; path: string }>,
    close: () => Promise.resolve(),
  };
}

/** Takes the folder for `command`, or goes through its owner when it has one. */
function openTarget(dir: string, command: string): Target {
  refuseIfRestoring(dir);
  if (!fs.existsSync(path.join(dir, KEYRING_FILE)) && !fs.existsSync(path.join(dir, DB_FILE))) {
    throw new PasseurError('not_initialized', `Aucun site Passeur dans ${dir}. Vérifiez --data, ou créez le site (passeur init).`);
  }
  const app = new AppCore(dir, registry, command);
  try {
    app.vault.claim();
    return localTarget(app);
  } catch (e) {
    app.close();
    if (!isPasseurError(e) || e.code !== 'folder_busy') throw e;
    const note = readOwner(dir);
    if (!note?.control) throw folderBusy(dir, note, 'Attendez qu’il ait fini, puis relancez la commande. Rien n’a été fait.');
    return remoteTarget(note.control, describeOwner(note));
  }
}

/** Takes the folder for a command that must run alone (recover): refused while owned. */
function ownAlone(dir: string, command: string): AppCore {
  const app = new AppCore(dir, registry, command);
  try {
    app.vault.claim('Arrêtez-le d’abord (fermez l’application ou arrêtez « passeur serve »), puis relancez la commande. Rien n’a été fait.');
    return app;
  } catch (e) {
    app.close();
    throw e;
  }
}

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new PasseurError(r.error.code as never, r.error.message);
  return r.value;
}

/** Logs in as --user through the API (same checks, throttle and audit as the app). */
async function session(t: Target, args: Args): Promise<string> {
  const login = flag(args, 'user', true);
  const password = await prompt(`Mot de passe de ${login} : `, 'PASSEUR_PASSWORD');
  const out = await t.dispatch(null, 'auth:login', { login, password });
  unwrap(out.result);
  return out.sessionToken!;
}

async function call<C extends Channel>(t: Target, token: string, channel: C, input: Input<C>): Promise<Output<C>> {
  return unwrap((await t.dispatch(token, channel, input)).result) as Output<C>;
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

/**
 * `passeur surendettement …`: the overindebtedness computations without any database or data
 * folder, on the legal parameters of `resources/parameters/` (DOMAIN §5, §8). A file that
 * cannot be read or does not follow the format is a usage error (exit 2) naming the field.
 */
function surendettement(sub: string, args: Args, out: (s: string) => void): number {
  const file = flag(args, 'input', true);
  const name = path.basename(file);
  const fix = 'Corrigez le fichier (format : README « Surendettement en ligne de commande »).';
  let data: unknown;
  try {
    data = readJson(file, `Fichier ${name}`);
  } catch (e) {
    throw new UsageError(`${(e as Error).message} ${fix}`);
  }
  const schema = sub === 'capacite' ? capacityInputSchema : deadlinesInputSchema;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 8).map((i) => `${i.path.join('.') || '(document)'} — ${i.message}`);
    throw new UsageError(`Fichier ${name} invalide : ${problems.join(' ; ')}. ${fix}`);
  }
  try {
    const result = sub === 'capacite' ? computeCapacity(parsed.data as never, fileParameters) : computeDeadlines((parsed.data as { stages: never[] }).stages, fileParameters);
    out(JSON.stringify(result, null, 2));
    return 0;
  } catch (e) {
    if (isPasseurError(e) && e.code === 'invalid_input') throw new UsageError(`Fichier ${name} : ${e.message} ${fix}`);
    throw e;
  }
}

/**
 * `passeur expulsions echeances`: the eviction procedure's dates without any database or data
 * folder, on the legal parameters of `resources/parameters/` (DOMAIN §6, §8). A file that
 * cannot be read or does not follow the format is a usage error (exit 2) naming the field.
 */
function expulsions(args: Args, out: (s: string) => void): number {
  const file = flag(args, 'input', true);
  const name = path.basename(file);
  const fix = 'Corrigez le fichier (format : README « Prévention des expulsions en ligne de commande »).';
  let data: unknown;
  try {
    data = readJson(file, `Fichier ${name}`);
  } catch (e) {
    throw new UsageError(`${(e as Error).message} ${fix}`);
  }
  const parsed = evictionInputSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 8).map((i) => `${i.path.join('.') || '(document)'} — ${i.message}`);
    throw new UsageError(`Fichier ${name} invalide : ${problems.join(' ; ')}. ${fix}`);
  }
  try {
    out(JSON.stringify(computeEvictionDates(parsed.data, fileParameters), null, 2));
    return 0;
  } catch (e) {
    if (isPasseurError(e) && e.code === 'invalid_input') throw new UsageError(`Fichier ${name} : ${e.message} ${fix}`);
    throw e;
  }
}

export { parseArgs };

export async function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): Promise<number> {
  const args = parseArgs(argv);
  const { command, spec } = args;
  if (args.flags.has('help')) {
    out(command === 'help' || command === '' ? USAGE : helpFor(command));
    return 0;
  }
  if (!spec) {
    out(USAGE);
    return 2;
  }
  const target = args.operands[0];
  if (command === 'bareme evaluate' || command === 'bareme schema') return bareme(command.split(' ')[1], args, out);
  if (command === 'surendettement capacite' || command === 'surendettement echeances') return surendettement(command.split(' ')[1]!, args, out);
  if (command === 'expulsions echeances') return expulsions(args, out);
  const dir = dataDir(args);
  setQuiet(command !== 'serve' && !args.flags.has('verbose'));

  if (command === 'init') {
    const app = new AppCore(dir, registry, 'init');
    try {
      const login = flag(args, 'admin', true);
      const password = await prompt(`Mot de passe du premier administrateur (${login}) : `, 'PASSEUR_PASSWORD');
      if (!process.env.PASSEUR_PASSWORD) {
        const again = await prompt('Confirmez le mot de passe : ', 'PASSEUR_PASSWORD_CONFIRM');
        if (again !== password) throw new UsageError('Les deux saisies du mot de passe diffèrent. Rien n’a été créé.');
      }
      const communesFile = flag(args, 'communes');
      const result = unwrap(
        (
          await dispatch(app, null, 'setup:init', {
            siteName: flag(args, 'site-name', true),
            siteCode: flag(args, 'site-code', true),
            communes: communesFile ? parseCommunes(communesFile) : [],
            admin: { login, displayName: flag(args, 'admin-name') ?? login, password },
          })
        ).result,
      ) as { recoveryCode: string };
      out(`Site créé dans ${dir}.`);
      out(`Code de secours (à imprimer et ranger sous clé ; il ne sera plus affiché) : ${result.recoveryCode}`);
      return 0;
    } finally {
      app.close();
    }
  }

  if (command === 'serve') {
    const port = Number(flag(args, 'port') ?? 7430);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port attend un numéro de port (0 à 65535).');
    const clientOf = flag(args, 'client-of');
    if (clientOf) return serveClient(dir, clientOf, port, out);
    const team = args.flags.has('team');
    const listen = flag(args, 'listen');
    if (team !== (listen !== undefined)) throw new UsageError('Le poste hôte s’indique avec --team et --listen ADRESSE:PORT ensemble, par exemple --team --listen 192.168.1.20:7443.');
    const teamAddress = listen ? parseAddress(listen, '--listen', true) : null;
    const pairingText = flag(args, 'pairing-port');
    const pairingPort = pairingText === undefined ? undefined : Number(pairingText);
    if (pairingPort !== undefined && !(Number.isInteger(pairingPort) && pairingPort >= 0 && pairingPort <= 65535)) throw new UsageError('--pairing-port attend un numéro de port (0 à 65535).');
    const app = new AppCore(dir, registry, 'serve');
    try {
      await ownFolder(app, 'Arrêtez-le d’abord, ou utilisez-le : un seul processus sert un dossier de données.');
    } catch (e) {
      app.close();
      throw e;
    }
    const host = createHttpHost(app, { port, rendererDir: rendererDir() });
    const bound = await host.listen().catch((e: NodeJS.ErrnoException) => {
      app.close();
      if (e.code === 'EADDRINUSE') throw new PasseurError('conflict', `Le port ${port} est déjà utilisé (une autre instance de Passeur ?). Choisissez-en un autre avec --port.`);
      throw e;
    });
    out(`Passeur sert ${dir} sur http://127.0.0.1:${bound}/ (Ctrl+C pour arrêter)`);
    enableHostingControl(app, dir);
    if (teamAddress) {
      const teamHost = await startTeamHost(app, { dataDir: dir, address: teamAddress.host, port: teamAddress.port, ...(pairingPort !== undefined ? { pairingPort } : {}) }).catch(async (e: NodeJS.ErrnoException) => {
        await host.close();
        app.close();
        if (e.code === 'EADDRINUSE' || e.code === 'EADDRNOTAVAIL') throw new PasseurError('conflict', `Impossible d’écouter sur ${listen} (${e.code === 'EADDRINUSE' ? 'port déjà utilisé' : 'adresse absente de ce poste'}). Choisissez une autre adresse avec --listen.`);
        throw e;
      });
      out(`Poste hôte de l’équipe sur ${teamAddress.host}:${teamHost.port} (TLS mutuel). Empreinte du poste hôte : ${teamHost.fingerprint}`);
    }
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

  if (command === 'pair') {
    const address = parseAddress(flag(args, 'host', true), '--host');
    const fingerprint = flag(args, 'fingerprint');
    const pairing = await pairWithHost({
      dataDir: dir,
      host: address.host,
      port: address.port,
      code: flag(args, 'code', true),
      name: flag(args, 'name', true),
      ...(fingerprint !== undefined
        ? { fingerprint }
        : {
            confirm: async (fp: string) => {
              out(`Empreinte du poste hôte : ${fp}`);
              const answer = await prompt('Est-ce bien celle affichée sur le poste hôte ? (oui/non) : ', 'PASSEUR_CONFIRM_FINGERPRINT');
              return /^(o|oui|y|yes)$/i.test(answer.trim());
            },
          }),
    });
    out(`Poste « ${pairing.name} » appairé avec le poste hôte ${address.host}:${pairing.port}. Lancez : passeur serve --client-of ${address.host}:${pairing.port} --data ${dir}`);
    return 0;
  }

  if (command === 'restore') {
    const from = flag(args, 'from', true);
    const login = flag(args, 'user', true);
    const password = await prompt(`Mot de passe de ${login} (dans la sauvegarde) : `, 'PASSEUR_PASSWORD');
    const r = await restoreBackup(from, dir, login, password);
    out(`Sauvegarde restaurée dans ${dir}.`);
    if (r.kept) {
      out(
        r.keptVerified
          ? `Les fichiers remplacés sont gardés entiers (base, journal WAL, trousseau) dans ${r.kept} ; cette copie s’ouvre avec le même compte.`
          : `Les fichiers remplacés sont gardés entiers dans ${r.kept} (copie non vérifiée : ${r.keptNote}).`,
      );
    }
    return 0;
  }

  if (command === 'demo') {
    if (!flag(args, 'data') && !process.env.PASSEUR_DATA?.trim()) throw new UsageError('Indiquez le dossier à créer : passeur demo --data DOSSIER (un dossier vide ou qui n’existe pas).');
    const scale = flag(args, 'scale') ?? 'site';
    if (scale !== 'site' && scale !== 'departement') throw new UsageError('--scale attend « site » (une MDS) ou « departement » (tout le territoire).');
    const seedText = flag(args, 'seed') ?? '82';
    if (!/^\d{1,9}$/.test(seedText)) throw new UsageError('--seed attend un nombre entier positif (9 chiffres au plus), par exemple --seed 82.');
    const started = Date.now();
    const demo = await createDemo(dir, scale, Number(seedText));
    const c = demo.counts;
    out(`Site de démonstration « ${demo.site.name} » (${demo.site.code}) créé dans ${dir} en ${Math.round((Date.now() - started) / 100) / 10} s — graine ${seedText}, données entièrement fictives.`);
    out(`${demo.site.communes} communes de Tarn-et-Garonne ; ${c.households} foyers, ${c.persons} personnes, ${c.firstContacts} premiers accueils, ${c.dsu} DSU, ${c.journal} entrées de journal, ${c.appointments} rendez-vous, ${c.aids} demandes d’aide, ${c.commissions} séances de commission, ${c.surendettement} dossiers de surendettement.`);
    out('Comptes (mot de passe provisoire, à changer à la première connexion) :');
    for (const a of demo.accounts) out(`  ${a.role.padEnd(12)} ${a.login.padEnd(14)} ${a.oneTimePassword}   ${a.displayName}`);
    out(`Ouvrir : passeur serve --data ${dir}   (ou : PASSEUR_DATA=${dir} npm start)`);
    return 0;
  }

  if (command === 'recover') {
    const app = ownAlone(dir, command);
    try {
      const login = flag(args, 'user', true);
      const code = await prompt('Code de secours : ', 'PASSEUR_RECOVERY_CODE');
      const r = await recoverAccount(app.vault, login, code, app.clock());
      out(`Mot de passe provisoire de ${r.login} : ${r.oneTimePassword}`);
      out('À changer à la première connexion.');
      return 0;
    } finally {
      app.close();
    }
  }

  if ((command === 'user add' || command === 'user disable') && !target) {
    throw new UsageError(`Indiquez l’identifiant du compte : passeur ${spec.usage}`);
  }
  const t = openTarget(dir, command);
  let token: string | null = null;
  try {
    token = await session(t, args);
    if (command === 'user add') {
      if (!target) throw new UsageError('Indiquez l’identifiant du compte à créer : passeur user add IDENTIFIANT --roles ass');
      const roles = flag(args, 'roles', true).split(',').map((r) => r.trim()).filter(Boolean);
      const r = await call(t, token, 'admin:createUser', { login: target, displayName: flag(args, 'name') ?? target, roles: roles as never });
      out(`Compte ${r.user.login} créé. Mot de passe provisoire (à changer à la première connexion) : ${r.oneTimePassword}`);
    } else if (command === 'user disable') {
      if (!target) throw new UsageError('Indiquez l’identifiant du compte à désactiver.');
      const users = await call(t, token, 'admin:listUsers', {});
      const u = users.find((x) => x.login === target.toLowerCase());
      if (!u) throw new PasseurError('not_found', `Aucun compte « ${target} » sur ce site.`);
      const rotate = !args.flags.has('no-rotate');
      await call(t, token, 'admin:disableUser', { userId: u.id, rotateKey: rotate });
      out(`Compte ${u.login} désactivé, ses sessions fermées${rotate ? ' ; la clé de la base a été changée' : ''}.`);
    } else if (command === 'backup') {
      const r = unwrap(await t.backup(token, path.resolve(flag(args, 'to', true))));
      out(`Sauvegarde chiffrée écrite : ${r.path} (${Math.round(r.bytes / 1024)} Kio).`);
    } else if (command === 'team pairing-code') {
      const r = await call(t, token, 'team:createPairingCode', {});
      out(`Code d’appairage : ${r.code} (valable jusqu’à ${new Date(r.expiresAt).toLocaleTimeString('fr-FR')}, une seule fois).`);
      out(`Empreinte du poste hôte : ${r.fingerprint}`);
      out(`Sur le nouveau poste : passeur pair --host ${r.address} --code ${r.code} --name NOM-DU-POSTE`);
    } else if (command === 'audit verify') {
      const r = await call(t, token, 'audit:verify', {});
      if (!r.ok) throw new PasseurError('database_damaged', `Journal d’audit altéré : la chaîne est rompue à l’entrée n° ${r.brokenAt}. Prévenez le responsable et l’administrateur ; gardez la base en l’état.`);
      out(`Journal d’audit intègre : ${r.rows} entrées, chaîne vérifiée.`);
    }
    if (t.via) out(`(commande exécutée par ${t.via}, qui utilise ce dossier de données)`);
    return 0;
  } finally {
    if (t.via && token) await t.dispatch(token, 'auth:logout', {}).catch(() => undefined);
    await t.close();
  }
}

/** `serve --client-of`: the renderer on loopback, every call forwarded to the host over mutual TLS. */
async function serveClient(dir: string, hostText: string, port: number, out: (s: string) => void): Promise<number> {
  const pairing = readClientPairing(dir);
  if (!pairing) throw new PasseurError('not_initialized', `Ce poste n’est pas appairé (dossier ${dir}) : lancez d’abord « passeur pair --host ADRESSE:PORT --code CODE --name NOM ».`);
  const wanted = parseAddress(hostText, '--client-of');
  if (wanted.host !== pairing.host || wanted.port !== pairing.port) {
    throw new PasseurError('conflict', `Ce poste est appairé avec ${pairing.host}:${pairing.port}, pas avec ${hostText}. Vérifiez --client-of.`);
  }
  const server = createLoopbackServer(new Forwarder(pairing), { port, rendererDir: rendererDir() });
  const bound = await server.listen().catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new PasseurError('conflict', `Le port ${port} est déjà utilisé. Choisissez-en un autre avec --port.`);
    throw e;
  });
  out(`Poste client « ${pairing.name} » : http://127.0.0.1:${bound}/ → poste hôte ${pairing.host}:${pairing.port} (Ctrl+C pour arrêter)`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
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
