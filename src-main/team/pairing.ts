/**
 * Pairing a workstation with the team host (ARCHITECTURE « Team mode »).
 *
 * On the host, an admin creates a one-time code (valid `PAIRING_MINUTES`, single use, a few
 * wrong attempts at most); only its hash is kept. While a code is valid, and only then, a
 * second TLS listener (server authentication only) answers two requests:
 *   GET  /ca    → the site CA certificate and its fingerprint, and the team port;
 *   POST /pair  {code, name, csr} → the workstation's client certificate signed by the site CA.
 * On the new workstation (`pairWithHost`), the person compares the CA fingerprint with the one
 * the host shows before anything is sent; the code and the CSR then travel over TLS pinned to
 * that CA. The workstation's private key never leaves it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { PasseurError } from '../shared/errors';
import { log } from '../shared/log';
import { CLIENT_DIR, createCsr, fingerprintOf, privateDir, sameFingerprint, signCsr, writePrivate, type HostPki } from './pki';
import type { Workstation, WorkstationRegistry } from './workstations';

/**
 * How long a pairing code stays valid: the time for an admin to walk from the host to the new
 * workstation. An operational choice of the application, not a legal figure.
 */
export const PAIRING_MINUTES = 10;
/** Wrong codes tried before the code under way is cancelled (a new one must be created). */
export const PAIRING_MAX_WRONG = 5;
/** 31 characters without look-alikes (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

const normalize = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const hashOf = (code: string) => crypto.createHash('sha256').update(normalize(code)).digest();

export interface PairingCode {
  /** Shown once, in groups of four: ABCD-EFGH-JKMN. */
  code: string;
  expiresAt: string;
}

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'none';

/** The one code under way (a new code replaces the previous one). */
export class PairingCodes {
  private current: { hash: Buffer; expires: number; wrong: number; by: number | null } | null = null;
  constructor(private readonly now: () => Date) {}

  create(by: number | null): PairingCode {
    const bytes = crypto.randomBytes(CODE_LENGTH);
    const raw = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    const expires = this.now().getTime() + PAIRING_MINUTES * 60_000;
    this.current = { hash: hashOf(raw), expires, wrong: 0, by };
    return { code: raw.match(/.{4}/g)!.join('-'), expiresAt: new Date(expires).toISOString() };
  }

  /** The code under way, if it is still valid. */
  active(): { expiresAt: string } | null {
    if (!this.current || this.current.expires <= this.now().getTime()) return null;
    return { expiresAt: new Date(this.current.expires).toISOString() };
  }

  /** Checks a code; a right one is used up, so is the code after too many wrong ones. */
  consume(code: string): { result: CodeCheck; by: number | null } {
    const c = this.current;
    if (!c) return { result: 'none', by: null };
    if (c.expires <= this.now().getTime()) {
      this.current = null;
      return { result: 'expired', by: null };
    }
    if (!crypto.timingSafeEqual(hashOf(code), c.hash)) {
      c.wrong++;
      if (c.wrong >= PAIRING_MAX_WRONG) this.current = null;
      return { result: 'wrong', by: null };
    }
    this.current = null;
    return { result: 'ok', by: c.by };
  }

  cancel(): void {
    this.current = null;
  }
}

const CODE_MESSAGES: Record<Exclude<CodeCheck, 'ok'>, string> = {
  wrong: `Code d’appairage erroné. Vérifiez-le sur le poste hôte et ressaisissez-le (après ${PAIRING_MAX_WRONG} erreurs, il faut en créer un nouveau).`,
  expired: `Code d’appairage expiré (valable ${PAIRING_MINUTES} minutes). Créez-en un nouveau sur le poste hôte.`,
  none: 'Aucun code d’appairage en cours sur le poste hôte (déjà utilisé, expiré ou annulé). Créez-en un nouveau sur le poste hôte.',
};

const nameSchema = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t.length >= 1 && t.length <= 60 && !/[\p{Cc}]/u.test(t) ? t : null;
};

export interface PairingListener {
  port: number;
  close(): Promise<void>;
}

/**
 * The pairing listener, open while a code is valid. `onPaired` is told of each new workstation
 * (the caller audits it and closes the listener).
 */
export async function openPairingListener(opts: {
  pki: HostPki;
  address: string;
  port: number;
  teamPort: number;
  codes: PairingCodes;
  workstations: WorkstationRegistry;
  onPaired: (w: Workstation, by: number | null) => void;
}): Promise<PairingListener> {
  const reply = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: http.ServerResponse, status: number, code: string, message: string) => reply(res, status, { ok: false, error: { code, message } });
  const server = https.createServer({ key: opts.pki.server.keyPem, cert: opts.pki.server.certPem, minVersion: 'TLSv1.3' }, (req, res) => {
    void (async () => {
      try {
        if (req.method === 'GET' && req.url === '/ca') {
          reply(res, 200, { ok: true, value: { caCertificate: opts.pki.ca.certPem, fingerprint: opts.pki.ca.fingerprint, teamPort: opts.teamPort } });
          return;
        }
        if (req.method !== 'POST' || req.url !== '/pair') {
          refuse(res, 404, 'not_found', 'Adresse inconnue du service d’appairage.');
          return;
        }
        let body = '';
        for await (const chunk of req) {
          body += String(chunk);
          if (body.length > 16 << 10) {
            refuse(res, 413, 'invalid_input', 'Demande d’appairage trop volumineuse.');
            return;
          }
        }
        let input: { code?: unknown; name?: unknown; csr?: unknown };
        try {
          input = JSON.parse(body) as typeof input;
        } catch {
          refuse(res, 400, 'invalid_input', 'Demande d’appairage illisible (JSON attendu).');
          return;
        }
        const name = nameSchema(input.name);
        if (typeof input.code !== 'string' || typeof input.csr !== 'string' || name === null) {
          refuse(res, 400, 'invalid_input', 'Demande d’appairage incomplète : code, nom du poste (1 à 60 caractères) et demande de certificat sont nécessaires.');
          return;
        }
        const { result, by } = opts.codes.consume(input.code);
        if (result !== 'ok') {
          log('team', 'pairing_refused', { reason: result });
          refuse(res, 403, 'forbidden', CODE_MESSAGES[result]);
          return;
        }
        const signed = await signCsr(opts.pki.ca, input.csr, name);
        const w = opts.workstations.add({ name, serial: signed.serial, fingerprint: signed.fingerprint, pairedBy: by });
        log('team', 'paired', { workstation: w.id });
        reply(res, 200, { ok: true, value: { certificate: signed.certPem, caCertificate: opts.pki.ca.certPem, workstation: { id: w.id, name: w.name } } });
        opts.onPaired(w, by);
      } catch (e) {
        if (e instanceof PasseurError) refuse(res, 400, e.code, e.message);
        else {
          log('team', 'pairing_error', { error: (e as Error)?.name ?? 'Error' });
          refuse(res, 500, 'internal', 'Erreur interne pendant l’appairage ; recommencez avec un nouveau code.');
        }
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.address, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A workstation's pairing, in its own data folder (`poste-client/`). */
export interface ClientPairing {
  host: string;
  port: number;
  name: string;
  workstationId: string;
  fingerprint: string;
  keyPem: string;
  certPem: string;
  caPem: string;
}

export function clientPairingDir(dataDir: string): string {
  return path.join(dataDir, CLIENT_DIR);
}

/** The pairing of this workstation, or null when it has none (it is then not a team client). */
export function readClientPairing(dataDir: string): ClientPairing | null {
  const dir = clientPairingDir(dataDir);
  if (!fs.existsSync(path.join(dir, 'poste.json'))) return null;
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'poste.json'), 'utf8')) as Omit<ClientPairing, 'keyPem' | 'certPem' | 'caPem'>;
  return {
    ...meta,
    keyPem: fs.readFileSync(path.join(dir, 'client.key'), 'utf8'),
    certPem: fs.readFileSync(path.join(dir, 'client.crt'), 'utf8'),
    caPem: fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8'),
  };
}

/** `ADDRESS:PORT` (IPv6 in brackets) → its parts; a French refusal otherwise. */
export function parseAddress(text: string, what = 'Adresse', anyPort = false): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || !((port > 0 || (anyPort && port === 0)) && port < 65536)) throw new PasseurError('invalid_input', `${what} invalide : « ${text} ». Attendu ADRESSE:PORT, par exemple 192.168.1.20:7443.`);
  return { host: (m[1] ?? m[2])!, port };
}

interface Answer<T> {
  status: number;
  body: { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}

function requestJson<T>(opts: https.RequestOptions, body?: unknown): Promise<Answer<T>> {
  return new Promise((resolve, reject) => {
    const req = https.request({ ...opts, minVersion: 'TLSv1.3', timeout: 10_000, headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        text += d;
        if (text.length > 1 << 20) req.destroy(new Error('too large'));
      });
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer<T>['body'] });
        } catch (e) {
          reject(e as Error);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const unreachablePairing = (where: string) =>
  new PasseurError('unreachable', `Le service d’appairage du poste hôte ne répond pas (${where}). Vérifiez l’adresse, et qu’un code d’appairage est en cours sur le poste hôte (il ferme après usage ou au bout de ${PAIRING_MINUTES} minutes).`);

/**
 * Pairs this workstation with the host's pairing listener at `host:port`. `confirm` receives
 * the host's CA fingerprint and says whether it is the one the host shows; with `fingerprint`
 * given, a different one is refused before anything is sent.
 */
export async function pairWithHost(opts: {
  dataDir: string;
  host: string;
  port: number;
  code: string;
  name: string;
  fingerprint?: string;
  confirm?: (fingerprint: string) => Promise<boolean>;
}): Promise<ClientPairing> {
  const where = `${opts.host}:${opts.port}`;
  if (nameSchema(opts.name) === null) throw new PasseurError('invalid_input', 'Nom du poste : 1 à 60 caractères, par exemple « Accueil 2 ».');
  if (readClientPairing(opts.dataDir)) {
    throw new PasseurError('conflict', `Ce poste est déjà appairé (dossier ${clientPairingDir(opts.dataDir)}). Pour l’appairer de nouveau, retirez d’abord ce dossier.`);
  }
  // The CA is fetched without trusting it: the person's comparison is what establishes it.
  const first = await requestJson<{ caCertificate: string; fingerprint: string; teamPort: number }>({ host: opts.host, port: opts.port, method: 'GET', path: '/ca', rejectUnauthorized: false }).catch(() => {
    throw unreachablePairing(where);
  });
  if (!first.body.ok) throw new PasseurError('forbidden', first.body.error.message);
  const caPem = first.body.value.caCertificate;
  const fingerprint = fingerprintOf(caPem);
  const mismatch = () =>
    new PasseurError('forbidden', `L’empreinte du poste hôte ne correspond pas à celle attendue : ${fingerprint}. Ne poursuivez pas : vérifiez l’adresse du poste hôte et l’empreinte affichée sur son écran. Rien n’a été envoyé.`);
  if (opts.fingerprint !== undefined) {
    if (!sameFingerprint(opts.fingerprint, fingerprint)) throw mismatch();
  } else if (!opts.confirm || !(await opts.confirm(fingerprint))) {
    throw new PasseurError('forbidden', 'Empreinte non confirmée : l’appairage est abandonné. Rien n’a été envoyé.');
  }
  const { keyPem, csrPem } = await createCsr(opts.name.trim());
  const answer = await requestJson<{ certificate: string; caCertificate: string; workstation: { id: string; name: string } }>(
    { host: opts.host, port: opts.port, method: 'POST', path: '/pair', ca: [caPem], rejectUnauthorized: true },
    { code: opts.code, name: opts.name.trim(), csr: csrPem },
  ).catch(() => {
    throw unreachablePairing(where);
  });
  if (!answer.body.ok) throw new PasseurError(answer.body.error.code === 'invalid_input' ? 'invalid_input' : 'forbidden', answer.body.error.message);
  const v = answer.body.value;
  if (fingerprintOf(v.caCertificate) !== fingerprint) throw mismatch();
  const pairing: ClientPairing = {
    host: opts.host,
    port: first.body.value.teamPort,
    name: v.workstation.name,
    workstationId: v.workstation.id,
    fingerprint,
    keyPem,
    certPem: v.certificate,
    caPem,
  };
  const dir = clientPairingDir(opts.dataDir);
  privateDir(dir);
  writePrivate(path.join(dir, 'client.key'), keyPem);
  writePrivate(path.join(dir, 'client.crt'), v.certificate);
  writePrivate(path.join(dir, 'ca.crt'), caPem);
  const { keyPem: _k, certPem: _c, caPem: _a, ...meta } = pairing;
  writePrivate(path.join(dir, 'poste.json'), JSON.stringify({ ...meta, pairedAt: new Date().toISOString() }, null, 1));
  return pairing;
}
