/**
 * The owner's control endpoint: how a `passeur` command hands its work to the process that
 * owns the data folder (the desktop app or `passeur serve`) instead of opening the files a
 * second time. A Unix socket in the data folder (owner-only, in an owner-only folder) or, on
 * Windows, a named pipe; its address is in the owner note (store/lock.ts).
 *
 * One request per connection, one JSON line each way. The requests are the same as the
 * other transports': `dispatch` (same contract, validation, roles and audit; the command logs
 * in with its user's password like anyone) and `backup` (an admin's session; audited).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AppCore } from '../api/app';
import type { Result } from '../api/spec';
import { admit, dispatch, type DispatchOutcome } from '../api/dispatch';
import { isPasseurError, PasseurError } from '../shared/errors';
import { log } from '../shared/log';
import { writeAuditedBackup } from '../store/backup';

/** A request never needs more: logins, user records, a backup path. */
const MAX_REQUEST = 1 << 20;

export type ControlRequest =
  | { op: 'dispatch'; token: string | null; channel: string; input: unknown }
  | { op: 'backup'; token: string; to: string };

/** Where the owner of `dataDir` listens: a socket beside the data when its path is short
 *  enough for the system (about 100 bytes), otherwise one named after the folder. */
export function controlAddress(dataDir: string, platform = process.platform, elsewhere = false): string {
  const tag = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\passeur-${tag}`;
  const beside = path.join(path.resolve(dataDir), 'passeur.ctl');
  if (Buffer.byteLength(beside) < 100 && !elsewhere) return beside;
  // A folder of our own (0700, unguessable) in the temporary folder: nobody else can place
  // or replace a socket there. The client finds it in the owner note.
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-')), 'ctl');
}

/** Listens on a socket only this OS user may use (a leftover of a dead owner is replaced:
 *  the caller holds the folder's lock). */
async function listenOn(server: net.Server, address: string): Promise<void> {
  if (process.platform !== 'win32') fs.rmSync(address, { force: true });
  const oldMask = process.platform !== 'win32' ? process.umask(0o177) : null;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => reject(e);
      server.once('error', fail);
      server.listen(address, () => {
        server.off('error', fail);
        resolve();
      });
    });
  } finally {
    if (oldMask !== null) process.umask(oldMask);
  }
  if (process.platform !== 'win32') fs.chmodSync(address, 0o600);
}

const refusal = (code: string, message: string): DispatchOutcome => ({ result: { ok: false, error: { code, message } } });

/** A backup of the store by an admin's session, admitted as a channel call would be: the
 *  encrypted copy, then its audit row. */
export function backupStore(app: AppCore, token: string, to: string): Result<{ bytes: number; path: string }> {
  const session = app.sessions.get(token);
  const refused = admit(app, session, { access: ['admin'] }, 'store:backup');
  if (refused) return refused.result as Result<never>;
  try {
    return { ok: true, value: writeAuditedBackup(app.vault, session!.userId, path.resolve(to), app.clock()) };
  } catch (e) {
    if (isPasseurError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    throw e;
  }
}

async function answer(app: AppCore, req: ControlRequest): Promise<DispatchOutcome> {
  if (req.op === 'dispatch') return dispatch(app, req.token, String(req.channel), req.input);
  if (req.op === 'backup' && typeof req.to === 'string' && typeof req.token === 'string') return { result: backupStore(app, req.token, req.to) };
  return refusal('invalid_input', 'Demande de commande inconnue.');
}

export interface ControlServer {
  address: string;
  close(): Promise<void>;
}

/**
 * For the long-running owners (desktop app, `passeur serve`): takes the data folder at start,
 * before anyone logs in (refused with `folder_busy`, naming the owner, when another process
 * has it), and opens the control endpoint through which `passeur` commands hand it their
 * work. Both end with the core.
 */
export async function ownFolder(app: AppCore, what: string): Promise<ControlServer> {
  app.vault.claim(what);
  const server = await startControlServer(app);
  app.onClose(() => void server.close());
  return server;
}

/** Starts the endpoint. Call only while holding the folder's lock (a leftover socket of a
 *  dead owner is then safe to remove). */
export async function startControlServer(app: AppCore): Promise<ControlServer> {
  const lock = app.vault.folderLock;
  if (!lock) throw new Error('control server without the folder lock');
  const server = net.createServer((sock) => {
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('error', () => sock.destroy());
    sock.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.length > MAX_REQUEST) {
        sock.end(JSON.stringify(refusal('invalid_input', 'Demande trop volumineuse.')) + '\n');
        return;
      }
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      sock.pause();
      let req: ControlRequest;
      try {
        req = JSON.parse(buf.slice(0, nl)) as ControlRequest;
      } catch {
        sock.end(JSON.stringify(refusal('invalid_input', 'Demande illisible.')) + '\n');
        return;
      }
      void answer(app, req)
        .catch(() => refusal('internal', 'Erreur interne inattendue. Rien n’a été enregistré de l’opération en cours.'))
        .then((out) => sock.end(JSON.stringify(out) + '\n'));
    });
  });
  let address = controlAddress(app.vault.dataDir);
  try {
    await listenOn(server, address);
  } catch (e) {
    // A file system without sockets (FAT, some network shares): one named after the folder.
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (process.platform === 'win32' || !['EPERM', 'EACCES', 'ENOTSUP', 'EOPNOTSUPP', 'EINVAL'].includes(code)) throw e;
    address = controlAddress(app.vault.dataDir, process.platform, true);
    await listenOn(server, address);
  }
  lock.setControl(address);
  log('control', 'listening');
  return {
    address,
    close: () =>
      new Promise<void>((resolve) => {
        if (lock.held) lock.setControl(null);
        server.close(() => resolve());
      }),
  };
}

/** The client side: one request to the owner at `address`. A connection refused before the
 *  request left says the command was not carried out; a cut after it says the outcome is
 *  unknown, never that nothing happened. */
export function controlRequest(address: string, req: ControlRequest, timeoutMs = 120_000): Promise<DispatchOutcome> {
  if (process.platform !== 'win32') {
    // Only a socket of this OS user: a login's password never goes to anyone else's.
    const st = fs.statSync(address, { throwIfNoEntry: false });
    if (!st) return Promise.reject(notCarriedOut('il ne prend pas de commandes'));
    if (st.uid !== process.getuid?.()) return Promise.reject(notCarriedOut('son point de contrôle n’appartient pas à cet utilisateur du système'));
  }
  return new Promise((resolve, reject) => {
    const sock = net.connect(address);
    let buf = '';
    let done = false;
    let sent = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      sock.destroy();
      fn();
    };
    const cut = (why: string) => finish(() => reject(sent ? outcomeUnknown(why) : notCarriedOut(why)));
    sock.setEncoding('utf8');
    sock.setTimeout(timeoutMs, () => cut('il ne répond pas'));
    sock.on('connect', () => {
      sent = true;
      sock.write(JSON.stringify(req) + '\n');
    });
    sock.on('data', (c: string) => {
      buf += c;
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        try {
          const out = JSON.parse(buf.slice(0, nl)) as DispatchOutcome;
          finish(() => resolve(out));
        } catch {
          cut('sa réponse est illisible');
        }
      }
    });
    sock.on('error', (e: NodeJS.ErrnoException) => cut(e.code === 'ENOENT' || e.code === 'ECONNREFUSED' ? 'il ne prend pas de commandes' : 'la connexion a été coupée'));
    sock.on('close', () => cut('la connexion a été coupée avant la réponse'));
  });
}

function notCarriedOut(why: string): PasseurError {
  return new PasseurError('owner_unreachable', `Le processus Passeur qui utilise ce dossier n’a pas reçu la commande (${why}) : elle n’a pas été exécutée. Vérifiez qu’il tourne, puis relancez-la.`);
}

function outcomeUnknown(why: string): PasseurError {
  return new PasseurError(
    'owner_unreachable',
    `Résultat inconnu : la commande a été transmise au processus Passeur qui utilise ce dossier, puis ${why}. Elle a pu être exécutée en tout ou en partie (une opération commencée est achevée à la prochaine ouverture de la base). Vérifiez dans le journal d’audit ou la liste des comptes avant de la relancer.`,
  );
}
