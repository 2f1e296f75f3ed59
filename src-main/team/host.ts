/**
 * The team host (ARCHITECTURE « Team mode »): the same routes as `passeur serve`
 * (`POST /rpc/:channel`, `GET /events`, from host/http.ts) over mutual TLS 1.3 on the site's
 * network. Only connections presenting a client certificate signed by the site CA complete
 * the handshake; the certificate's serial is then checked against the paired workstations
 * before a single HTTP byte is read, and a revoked or unknown one is cut. Each call runs as
 * its workstation: the audit rows and the login throttle name it.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { AppCore } from '../api/app';
import { localBackend, createRequestHandler, type RpcBackend } from '../host/http';
import { attachHosting, attachTeam, detachTeam, teamOf, type TeamService } from '../modules/team';
import { PasseurError } from '../shared/errors';
import crypto from 'node:crypto';
import type { DispatchOutcome } from '../api/dispatch';
import { appendAudit, asWorkstation, besideAudit, currentWorkstation, rowsChangedBesidesAudit } from '../store/audit';
import { log } from '../shared/log';
import { IdempotencyStore, KEEP_MS, type KeptAnswers } from './idempotency';
import { findAnswer, keepAnswer, markWritten, purgeAnswers } from './repo';
import { openPairingListener, PairingCodes, type PairingListener } from './pairing';
import { ensureHostPki, HOST_DIR, privateDir, writePrivate, type HostPki } from './pki';
import { WorkstationRegistry, type Workstation } from './workstations';

export interface TeamHostOptions {
  dataDir: string;
  /** The address to listen on (an address of this machine on the site's network). */
  address: string;
  port: number;
  /** The pairing listener's port (default: `port + 1`, or any free port when `port` is 0). */
  pairingPort?: number;
  /** Tests: runs before each answer is written; `cut()` drops the connection instead. */
  beforeReply?: (channel: string, cut: () => void) => void;
}

export interface TeamHost extends TeamService {
  pki: HostPki;
  registry: WorkstationRegistry;
  idempotency: IdempotencyStore;
  close(): Promise<void>;
}

/** Starts the team listener beside the core's other transports, and attaches it to the core. */
export async function startTeamHost(app: AppCore, opts: TeamHostOptions): Promise<TeamHost> {
  const pki = await ensureHostPki(opts.dataDir, 'Passeur', [opts.address]);
  const registry = new WorkstationRegistry(opts.dataDir);
  const codes = new PairingCodes(() => app.clock());
  const changes = () => (app.vault.isOpen() ? rowsChangedBesidesAudit(app.vault.db) : 0);
  const idempotency = new IdempotencyStore(() => app.clock().getTime(), keptAnswers(app, changes));
  const offErasure = app.onErasure(() => idempotency.forgetAnswered());
  const local = localBackend(app);

  const backend: RpcBackend = {
    ...local,
    call(token, channel, input, key) {
      if (!key) return local.call(token, channel, input);
      const before = changes();
      return idempotency.run(token, channel, key, () => local.call(token, channel, input), () => changes() !== before);
    },
  };

  const bySocket = new WeakMap<tls.TLSSocket, Workstation>();
  const sockets = new Map<string, Set<tls.TLSSocket>>();
  const handle = createRequestHandler(backend, {
    rendererDir: null,
    // No browser reaches this listener (it has no client certificate): the certificate is the check.
    acceptHost: () => true,
    around: (req, fn) => {
      const w = bySocket.get(req.socket as tls.TLSSocket);
      if (!w) throw new Error('connection without workstation');
      registry.seen(w.id, app.clock());
      return asWorkstation(w.id, fn);
    },
  });

  const server = https.createServer(
    { key: pki.server.keyPem, cert: pki.server.certPem, ca: [pki.ca.certPem], requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3' },
    (req, res) => {
      if (opts.beforeReply) {
        const channel = decodeURIComponent((req.url ?? '').replace(/^\/rpc\//, ''));
        const end = res.end.bind(res) as (...a: unknown[]) => typeof res;
        let cut = false;
        res.end = ((...a: unknown[]) => {
          opts.beforeReply!(channel, () => (cut = true));
          if (cut) {
            req.socket.destroy();
            return res;
          }
          return end(...a);
        }) as typeof res.end;
      }
      void handle(req, res);
    },
  );
  // Before HTTP's own listener: an unknown or revoked certificate never reaches the parser.
  server.prependListener('secureConnection', (socket: tls.TLSSocket) => {
    const cert = socket.getPeerCertificate();
    const w = socket.authorized && cert?.serialNumber ? registry.active(cert.serialNumber) : undefined;
    if (!w) {
      log('team', 'connection_refused', { reason: socket.authorized ? 'revoked' : 'unauthorized' });
      socket.destroy();
      return;
    }
    bySocket.set(socket, w);
    const set = sockets.get(w.id) ?? new Set();
    set.add(socket);
    sockets.set(w.id, set);
    socket.once('close', () => set.delete(socket));
  });
  server.on('tlsClientError', () => log('team', 'handshake_refused'));
  server.keepAliveTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.address, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let pairing: PairingListener | null = null;
  let pairingTimer: NodeJS.Timeout | null = null;
  const closePairing = async () => {
    if (pairingTimer) clearTimeout(pairingTimer);
    pairingTimer = null;
    const p = pairing;
    pairing = null;
    if (p) await p.close();
  };

  const host: TeamHost = {
    pki,
    registry,
    idempotency,
    address: opts.address,
    port,
    fingerprint: pki.ca.fingerprint,
    pairing() {
      const a = codes.active();
      return a && pairing ? { expiresAt: a.expiresAt, address: `${opts.address}:${pairing.port}` } : null;
    },
    async createPairingCode(by) {
      await closePairing();
      const code = codes.create(by);
      pairing = await openPairingListener({
        pki,
        address: opts.address,
        port: opts.pairingPort ?? (opts.port === 0 ? 0 : opts.port + 1),
        teamPort: port,
        codes,
        workstations: registry,
        onPaired: (w, pairedBy) => {
          if (app.vault.isOpen()) {
            const db = app.vault.db;
            db.transaction(() => appendAudit(db, { userId: pairedBy, action: 'team.paired', entity: 'poste', entityId: w.id }))();
          }
          void closePairing();
        },
      });
      // The listener closes with the code: at its expiry, or once used (above).
      pairingTimer = setTimeout(() => void closePairing().then(() => codes.cancel()), new Date(code.expiresAt).getTime() - Date.now());
      pairingTimer.unref();
      return { ...code, address: `${opts.address}:${pairing.port}` };
    },
    workstations: () => registry.list(),
    revoke(id, by) {
      const w = registry.revoke(id, by, app.clock());
      // Its open connections end now, not at their next handshake.
      for (const s of sockets.get(id) ?? []) s.destroy();
      sockets.delete(id);
      return w;
    },
    async close() {
      detachTeam(app, host);
      offErasure();
      await closePairing();
      local.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  attachTeam(app, host);
  app.onClose(() => void host.close());
  return host;
}

/**
 * The answers of workstations' writes kept in the store (migration 0017), by a hash of the
 * workstation and the call's own id: found again after a host restart. Nothing is kept while
 * the store is locked.
 */
function keptAnswers(app: AppCore, changes: () => number): KeptAnswers {
  const sid = (id: string) => crypto.createHash('sha256').update(`${currentWorkstation() ?? ''}\u0000${id}`).digest('base64url');
  const since = () => new Date(app.clock().getTime() - KEEP_MS).toISOString();
  return {
    find(id) {
      if (!app.vault.isOpen()) return null;
      const row = findAnswer(app.vault.db, sid(id), since());
      if (!row) return null;
      return row.answer === null ? 'written' : { result: JSON.parse(row.answer) as DispatchOutcome['result'] };
    },
    around(id, fn) {
      const before = changes();
      const key = sid(id);
      // Inside the write's transaction, once it changed more than the audit log.
      return besideAudit((db) => {
        if (rowsChangedBesidesAudit(db) !== before) markWritten(db, key, app.clock().toISOString());
      }, fn);
    },
    keep(id, outcome) {
      if (!app.vault.isOpen()) return;
      const db = app.vault.db;
      try {
        const key = sid(id);
        db.transaction(() => {
          purgeAnswers(db, since());
          keepAnswer(db, key, app.clock().toISOString(), JSON.stringify(outcome.result));
        })();
      } catch {
        log('team', 'answer_not_kept');
      }
    },
  };
}

const SETTING = 'hote.json';

/** « Héberger l'équipe »: the address and port the admin chose, or null when it is off. */
export function hostingSetting(dataDir: string): { address: string; port: number } | null {
  const file = path.join(dataDir, HOST_DIR, SETTING);
  if (!fs.existsSync(file)) return null;
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as { address?: unknown; port?: unknown };
    return typeof v.address === 'string' && typeof v.port === 'number' ? { address: v.address, port: v.port } : null;
  } catch {
    return null;
  }
}

/**
 * Lets an admin turn hosting on or off from the screen « Postes de l'équipe » (the desktop app
 * and `passeur serve`): the setting is kept for the next start, the listener starts or stops now.
 */
export function enableHostingControl(app: AppCore, dataDir: string): void {
  attachHosting(app, {
    setting: () => hostingSetting(dataDir),
    async enable(address, port) {
      const current = teamOf(app);
      if (current && current.address === address && current.port === port) return;
      try {
        await startTeamHost(app, { dataDir, address, port });
      } catch (e) {
        if (current) attachTeam(app, current);
        const code = (e as NodeJS.ErrnoException).code;
        throw new PasseurError('conflict', `Impossible d’écouter sur ${address}:${port} (${code === 'EADDRINUSE' ? 'port déjà utilisé' : code === 'EADDRNOTAVAIL' ? 'adresse absente de ce poste' : 'erreur réseau'}). Choisissez une autre adresse ou un autre port. Rien n’a été changé.`, 'address');
      }
      await current?.close();
      privateDir(path.join(dataDir, HOST_DIR));
      writePrivate(path.join(dataDir, HOST_DIR, SETTING), JSON.stringify({ address, port }));
    },
    async disable() {
      await teamOf(app)?.close();
      fs.rmSync(path.join(dataDir, HOST_DIR, SETTING), { force: true });
    },
  });
}
