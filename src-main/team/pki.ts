/**
 * The site's certificates for team mode (ARCHITECTURE « Team mode »), made with a maintained
 * X.509 library (@peculiar/x509), never by hand: a site certificate authority (ECDSA P-256,
 * 10 years), the host's server certificate (its listen address in the SAN), and the
 * workstations' client certificates signed from their signing requests (CSR).
 * Private keys are written with mode 0600 in a folder of mode 0700 (the host's account only).
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { PasseurError } from '../shared/errors';

x509.cryptoProvider.set(crypto.webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const CA_YEARS = 10;
/** Server and workstation certificates: renewed by pairing again / restarting the host. */
const LEAF_YEARS = 5;

/** The host's folder of team files, inside its data folder. */
export const HOST_DIR = 'team';
/** A workstation's pairing (its key, its certificate, the pinned site CA), inside its own data folder. */
export const CLIENT_DIR = 'poste-client';

export interface KeyPairPem {
  keyPem: string;
  certPem: string;
}

export interface SiteCa extends KeyPairPem {
  /** The CA's SHA-256 fingerprint, as people compare it (see `formatFingerprint`). */
  fingerprint: string;
}

/** Makes a folder readable by this account only (0700). */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/** Writes a file readable by this account only (0600), atomically. */
export function writePrivate(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

async function newKeys(): Promise<CryptoKeyPair> {
  return (await crypto.webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
}

function keyToPem(key: CryptoKey): string {
  return crypto.KeyObject.from(key as unknown as crypto.webcrypto.CryptoKey).export({ type: 'pkcs8', format: 'pem' }) as string;
}

function pemToKey(pem: string): CryptoKey {
  return crypto.createPrivateKey(pem).toCryptoKey(ALG, false, ['sign']) as unknown as CryptoKey;
}

/** Hexadecimal serial, positive, 16 random bytes. */
function newSerial(): string {
  const b = crypto.randomBytes(16);
  b[0] = b[0]! & 0x7f;
  return b.toString('hex');
}

/** A DN value without the characters that would change the name's structure. */
function dnValue(s: string): string {
  return s.replace(/[,=+<>#;"\\\r\n]/g, ' ').trim().slice(0, 64) || 'poste';
}

/** SHA-256 of a certificate's DER, as groups of four hex digits for people to compare. */
export function fingerprintOf(certPem: string): string {
  const der = new crypto.X509Certificate(certPem).raw;
  return formatFingerprint(crypto.createHash('sha256').update(der).digest('hex'));
}

export function formatFingerprint(hex: string): string {
  return (
    hex
      .toUpperCase()
      .replace(/[^0-9A-F]/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** Two fingerprints are the same whatever their spacing or case. */
export function sameFingerprint(a: string, b: string): boolean {
  const n = (s: string) => s.toUpperCase().replace(/[^0-9A-F]/g, '');
  return n(a).length === 64 && n(a) === n(b);
}

/** The serial of a certificate, lowercase hex without leading zeros (as Node's TLS reports it). */
export function serialOf(certPem: string): string {
  return normalizeSerial(new crypto.X509Certificate(certPem).serialNumber);
}

export function normalizeSerial(s: string): string {
  return s.toLowerCase().replace(/^0+/, '') || '0';
}

function years(n: number): Date {
  const d = new Date();
  d.setFullYear(d.getFullYear() + n);
  return d;
}

/** Creates the site CA. */
export async function createSiteCa(siteName: string): Promise<SiteCa> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: newSerial(),
    name: `CN=Autorité du site ${dnValue(siteName)}, O=Passeur`,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: years(CA_YEARS),
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const certPem = cert.toString('pem');
  return { certPem, keyPem: keyToPem(keys.privateKey), fingerprint: fingerprintOf(certPem) };
}

/** The host's server certificate for these addresses (IP addresses or names). */
export async function createServerCert(ca: KeyPairPem, addresses: readonly string[]): Promise<KeyPairPem> {
  const keys = await newKeys();
  const caCert = new x509.X509Certificate(ca.certPem);
  const names = [...new Set(addresses)].map((a) => (net.isIP(a) ? { type: 'ip' as const, value: a } : { type: 'dns' as const, value: a }));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: newSerial(),
    subject: `CN=Poste hôte Passeur, O=Passeur`,
    issuer: caCert.subject,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: years(LEAF_YEARS),
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: pemToKey(ca.keyPem),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: keyToPem(keys.privateKey) };
}

/** A workstation's key and its signing request, made on the workstation: the key never leaves it. */
export async function createCsr(name: string): Promise<{ keyPem: string; csrPem: string }> {
  const keys = await newKeys();
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${dnValue(name)}, O=Passeur`,
    keys,
    signingAlgorithm: ALG,
  });
  return { keyPem: keyToPem(keys.privateKey), csrPem: csr.toString('pem') };
}

/**
 * Signs a workstation's CSR into a client certificate (clientAuth only) named after the
 * workstation. The CSR's own signature is checked first: it proves the key is held.
 */
export async function signCsr(ca: KeyPairPem, csrPem: string, name: string): Promise<{ certPem: string; serial: string; fingerprint: string }> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(csrPem);
  } catch {
    throw new PasseurError('invalid_input', 'Demande de certificat illisible : relancez l’appairage depuis le poste client.');
  }
  if (!(await csr.verify())) throw new PasseurError('invalid_input', 'Demande de certificat invalide (signature) : relancez l’appairage depuis le poste client.');
  const caCert = new x509.X509Certificate(ca.certPem);
  const serial = newSerial();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: `CN=${dnValue(name)}, O=Passeur`,
    issuer: caCert.subject,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: years(LEAF_YEARS),
    signingAlgorithm: ALG,
    publicKey: csr.publicKey,
    signingKey: pemToKey(ca.keyPem),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  const certPem = cert.toString('pem');
  return { certPem, serial: serialOf(certPem), fingerprint: fingerprintOf(certPem) };
}

/** The host's files: the site CA and the server certificate. */
export interface HostPki {
  ca: SiteCa;
  server: KeyPairPem;
}

const file = (dir: string, name: string) => path.join(dir, HOST_DIR, name);

/**
 * The host's CA and server certificate, made at the first start of team mode. The server
 * certificate is made again (same CA: the pairings hold) when the listen address changes.
 */
export async function ensureHostPki(dataDir: string, siteName: string, addresses: readonly string[]): Promise<HostPki> {
  const dir = path.join(dataDir, HOST_DIR);
  privateDir(dir);
  let ca: SiteCa;
  if (fs.existsSync(file(dataDir, 'ca.crt')) && fs.existsSync(file(dataDir, 'ca.key'))) {
    const certPem = fs.readFileSync(file(dataDir, 'ca.crt'), 'utf8');
    ca = { certPem, keyPem: fs.readFileSync(file(dataDir, 'ca.key'), 'utf8'), fingerprint: fingerprintOf(certPem) };
  } else {
    ca = await createSiteCa(siteName);
    writePrivate(file(dataDir, 'ca.key'), ca.keyPem);
    writePrivate(file(dataDir, 'ca.crt'), ca.certPem);
  }
  let server: KeyPairPem | null = null;
  if (fs.existsSync(file(dataDir, 'server.crt')) && fs.existsSync(file(dataDir, 'server.key'))) {
    const certPem = fs.readFileSync(file(dataDir, 'server.crt'), 'utf8');
    const cert = new crypto.X509Certificate(certPem);
    const covers = addresses.every((a) => (net.isIP(a) ? cert.checkIP(a) : cert.checkHost(a))) && cert.checkIssued(new crypto.X509Certificate(ca.certPem));
    if (covers && new Date(cert.validTo).getTime() > Date.now() + 30 * 86_400_000) {
      server = { certPem, keyPem: fs.readFileSync(file(dataDir, 'server.key'), 'utf8') };
    }
  }
  if (!server) {
    server = await createServerCert(ca, addresses);
    writePrivate(file(dataDir, 'server.key'), server.keyPem);
    writePrivate(file(dataDir, 'server.crt'), server.certPem);
  }
  return { ca, server };
}
