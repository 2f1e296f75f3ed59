/**
 * The `passeur` command line read against each command's declared options: unknown commands,
 * options and extra words refused with a French line naming them (exit 2), help per command.
 */
import { defaultDataDir } from './shared/paths';

/** The commands, their options and their help. An option not listed is refused (exit 2):
 *  a typo must never send a command to the default folder or change its meaning. */
export interface CommandSpec {
  /** Options taking a value. */
  values: string[];
  /** Options without a value. */
  switches?: string[];
  /** Words after the command (e.g. the login of `user add`). */
  operands?: number;
  usage: string;
  help: string;
}

const DATA = '--data DOSSIER';
export const COMMANDS: Record<string, CommandSpec> = {
  init: {
    values: ['site-name', 'site-code', 'admin', 'admin-name', 'communes', 'data'],
    usage: 'init --site-name NOM --site-code CODE --admin IDENTIFIANT [--admin-name NOM] [--communes FICHIER]',
    help: 'Crée le site et son premier administrateur dans un dossier vide ; affiche le code de secours, une seule fois. --communes : un fichier « CODE_INSEE Nom » par ligne.',
  },
  serve: {
    values: ['port', 'data', 'listen', 'pairing-port', 'client-of'],
    switches: ['team'],
    usage: 'serve [--port N] [--team --listen ADRESSE:PORT [--pairing-port N]] [--client-of ADRESSE:PORT]',
    help: 'Sert l’interface sur http://127.0.0.1:N (navigateur de ce poste) et garde le dossier de données pour lui : les autres commandes passent par lui. --team --listen : poste hôte de l’équipe, qui accepte aussi les postes appairés sur le réseau du site (TLS mutuel). --client-of : poste client, qui transmet tout au poste hôte (il faut l’avoir appairé avec « passeur pair »).',
  },
  'team pairing-code': {
    values: ['data', 'user'],
    usage: 'team pairing-code',
    help: 'Crée un code d’appairage à usage unique (valable 10 minutes) sur le poste hôte en marche (« passeur serve --team ») et affiche l’empreinte du poste hôte à comparer sur le nouveau poste (administrateurs).',
  },
  pair: {
    values: ['host', 'code', 'name', 'fingerprint', 'data'],
    usage: 'pair --host ADRESSE:PORT --code CODE --name NOM [--fingerprint EMPREINTE]',
    help: 'Appaire ce poste avec le poste hôte : vérifie l’empreinte du poste hôte (refus si elle diffère), crée la clé du poste, obtient son certificat. --host : l’adresse d’appairage affichée avec le code.',
  },
  'user add': {
    values: ['roles', 'name', 'data', 'user'],
    operands: 1,
    usage: 'user add IDENTIFIANT --roles r1,r2 [--name NOM]',
    help: 'Crée un compte et affiche son mot de passe provisoire. Rôles : secretaire, ass, cesf, responsable, admin.',
  },
  'user disable': {
    values: ['data', 'user'],
    switches: ['no-rotate'],
    operands: 1,
    usage: 'user disable IDENTIFIANT [--no-rotate]',
    help: 'Désactive un compte, ferme ses sessions et change la clé de la base (sauf --no-rotate), pour que l’ancienne copie du trousseau de ce compte n’ouvre plus rien.',
  },
  backup: {
    values: ['to', 'data', 'user'],
    usage: 'backup --to FICHIER',
    help: 'Écrit une sauvegarde chiffrée (base + trousseau) ; possible pendant l’utilisation : l’application ou « serve » en cours la fait elle-même.',
  },
  restore: {
    values: ['from', 'data', 'user'],
    usage: 'restore --from FICHIER',
    help: 'Restaure une sauvegarde, application arrêtée. Les fichiers remplacés sont gardés entiers dans avant-restauration-DATE/ ; rien n’est effacé.',
  },
  'audit verify': {
    values: ['data', 'user'],
    usage: 'audit verify',
    help: 'Vérifie la chaîne du journal d’audit (administrateurs et responsables).',
  },
  recover: {
    values: ['user', 'data'],
    usage: 'recover --user IDENTIFIANT',
    help: 'Donne un nouveau mot de passe provisoire à un compte grâce au code de secours (PASSEUR_RECOVERY_CODE ou saisie masquée), application arrêtée.',
  },
  demo: {
    values: ['data', 'scale', 'seed'],
    usage: 'demo --data DOSSIER [--scale site|departement] [--seed N]',
    help: 'Crée dans un dossier vide un site de démonstration fictif (communes de Tarn-et-Garonne, une année d’activité) par l’API de l’application ; un compte par rôle, dont les mots de passe provisoires sont affichés. Même graine, même contenu.',
  },
  'bareme evaluate': {
    values: ['reglement', 'demande'],
    usage: 'bareme evaluate --reglement FICHIER --demande FICHIER',
    help: 'Évalue une demande d’aide sous un règlement (JSON sur la sortie, sans base).',
  },
  'bareme schema': { values: [], usage: 'bareme schema', help: 'Affiche le schéma JSON des règlements.' },
  'surendettement capacite': {
    values: ['input'],
    usage: 'surendettement capacite --input FICHIER',
    help: 'Calcule la capacité de remboursement d’un foyer à une date (quotité saisissable, RSA, reste), chaque étape expliquée (JSON sur la sortie, sans base ni dossier de données). Format du fichier : README « Surendettement en ligne de commande ».',
  },
  'surendettement echeances': {
    values: ['input'],
    usage: 'surendettement echeances --input FICHIER',
    help: 'Calcule les échéances d’une procédure de surendettement à partir de ses étapes datées (JSON sur la sortie, sans base ni dossier de données). Format du fichier : README « Surendettement en ligne de commande ».',
  },
  'expulsions echeances': {
    values: ['input'],
    usage: 'expulsions echeances --input FICHIER',
    help: 'Calcule les dates d’une procédure d’expulsion locative à partir du bail et des étapes datées (commandement de payer, notification au préfet, diagnostic social et financier, expulsion au plus tôt avec la trêve hivernale, silence du préfet), chacune avec sa règle et son article (JSON sur la sortie, sans base ni dossier de données). Format du fichier : README « Prévention des expulsions en ligne de commande ».',
  },
};
const GROUPS = new Set(['user', 'audit', 'bareme', 'surendettement', 'expulsions', 'team']);
const COMMON_SWITCHES = ['help', 'verbose'];

export const USAGE = `Usage : passeur <commande> [options]

${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}\n      ${c.help}`)
  .join('\n')}

Options des commandes qui travaillent sur un site : ${DATA} (défaut : variable PASSEUR_DATA, sinon ${defaultDataDir({ ...process.env, PASSEUR_DATA: '' })}), --user IDENTIFIANT.
Toutes : --help, --verbose.
Mot de passe : variable PASSEUR_PASSWORD, sinon saisie masquée. Code de secours : PASSEUR_RECOVERY_CODE.
Aide d’une commande : passeur <commande> --help.`;

function commandHelp(spec: CommandSpec): string {
  const opts = [...spec.values.map((v) => `--${v}`), ...(spec.switches ?? []).map((v) => `--${v}`)].join(', ');
  return `Usage : passeur ${spec.usage}\n\n${spec.help}\n\nOptions : ${opts || 'aucune'}.${spec.values.includes('data') ? `\nDossier de données par défaut : ${defaultDataDir()}${process.env.PASSEUR_DATA?.trim() ? ' (variable PASSEUR_DATA)' : ''}.` : ''}`;
}

export class UsageError extends Error {}

export interface Args {
  /** '' (nothing asked), 'help', a command of COMMANDS, or an unknown/incomplete one. */
  command: string;
  spec: CommandSpec | null;
  operands: string[];
  flags: Map<string, string | true>;
}

/** Options taking a value, whatever the command (an option means the same everywhere). */
const VALUE_OPTIONS = new Set(Object.values(COMMANDS).flatMap((c) => c.values));

/**
 * Reads the command line. Options may come before or after the command. Refused with a
 * French line naming them (exit 2): an unknown command, an option the command does not take,
 * a missing or empty value, a value given to a switch, an option given twice, a word too many.
 */
export function parseArgs(argv: string[]): Args {
  const words: string[] = [];
  const given: [string, string | true | null][] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      words.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const k = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (k === 'password') throw new UsageError('Le mot de passe ne se passe jamais en argument : utilisez PASSEUR_PASSWORD ou la saisie masquée.');
    if (eq >= 0) given.push([k, a.slice(eq + 1)]);
    else if (VALUE_OPTIONS.has(k)) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) given.push([k, null]);
      else given.push([k, argv[++i]!]);
    } else given.push([k, true]);
  }
  const isHelp = words[0] === 'help';
  const rest = isHelp ? words.slice(1) : words;
  const take = GROUPS.has(rest[0] ?? '') && rest[1] !== undefined ? 2 : 1;
  const command = rest.slice(0, take).join(' ');
  const operands = rest.slice(take);
  const spec = COMMANDS[command] ?? null;
  const flags = new Map<string, string | true>();
  const wantsHelp = isHelp || given.some(([k]) => k === 'help');
  if (GROUPS.has(command) && !wantsHelp) throw new UsageError(`Commande incomplète : « passeur ${command} ». Voir « passeur ${command} --help ».`);
  if (command && !spec && !(GROUPS.has(command) && wantsHelp)) {
    throw new UsageError(`Commande inconnue : « ${command} ». Voir « passeur --help ».`);
  }
  const unknown: string[] = [];
  for (const [k, v] of given) {
    const isValue = spec?.values.includes(k) ?? false;
    const isSwitch = COMMON_SWITCHES.includes(k) || (spec?.switches ?? []).includes(k);
    if (!isValue && !isSwitch) {
      // Without a command, only options no command knows are named.
      const knownSomewhere = VALUE_OPTIONS.has(k) || Object.values(COMMANDS).some((c) => c.switches?.includes(k));
      if (!(wantsHelp && !spec) && !(!spec && knownSomewhere)) unknown.push(`--${k}`);
      continue;
    }
    if (flags.has(k)) throw new UsageError(`L'option --${k} est donnée deux fois : gardez-en une seule.`);
    if (isSwitch && v !== true) throw new UsageError(`L'option --${k} ne prend pas de valeur.`);
    if (isValue && (v === null || v === true)) throw new UsageError(`L'option --${k} attend une valeur.`);
    if (isValue && (v as string).trim() === '') throw new UsageError(`L'option --${k} attend une valeur non vide.`);
    flags.set(k, v as string | true);
  }
  if (unknown.length && spec) {
    throw new UsageError(`Option${unknown.length > 1 ? 's' : ''} inconnue${unknown.length > 1 ? 's' : ''} pour « passeur ${command} » : ${unknown.join(', ')}. Options possibles : ${[...spec.values, ...(spec.switches ?? [])].map((v) => `--${v}`).join(', ') || 'aucune'}. Rien n’a été fait.`);
  }
  if (unknown.length) throw new UsageError(`Option${unknown.length > 1 ? 's' : ''} inconnue${unknown.length > 1 ? 's' : ''} : ${unknown.join(', ')}. Voir « passeur --help ».`);
  if (!command && !wantsHelp && given.length) throw new UsageError('Commande manquante : par exemple « passeur backup --to FICHIER --data DOSSIER --user IDENTIFIANT ». Voir « passeur --help ».');
  if (wantsHelp) return { command: isHelp && !command ? 'help' : command, spec, operands, flags: new Map([['help', true]]) };
  if (spec && operands.length > (spec.operands ?? 0)) {
    throw new UsageError(`Argument en trop pour « passeur ${command} » : ${operands.slice(spec.operands ?? 0).join(' ')}. Usage : passeur ${spec.usage}`);
  }
  return { command, spec, operands, flags };
}

/** Help for a command, or for a group (`passeur user --help`): its commands. */
export function helpFor(command: string): string {
  const spec = COMMANDS[command];
  if (spec) return commandHelp(spec);
  const members = Object.entries(COMMANDS).filter(([name]) => name.startsWith(`${command} `));
  if (members.length) return `Commandes « passeur ${command} » :\n\n${members.map(([, c]) => `  passeur ${c.usage}\n      ${c.help}`).join('\n')}\n\nAide d’une commande : passeur ${members[0]![0]} --help.`;
  return USAGE;
}

export function flag(args: Args, name: string, required: true): string;
export function flag(args: Args, name: string, required?: false): string | undefined;
export function flag(args: Args, name: string, required = false): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`L'option --${name} attend une valeur.`);
  if (v === undefined && required) throw new UsageError(`Option --${name} manquante.`);
  return v;
}

