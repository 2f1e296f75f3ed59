/**
 * The keyring beside the database (ARCHITECTURE "The encrypted store").
 *
 * The database key is 32 random bytes, never derived from anyone's password. Each holder
 * (a user, or the recovery code shown once at set-up) has an X25519 key pair; the private
 * half is encrypted with XSalsa20-Poly1305 under a key derived from the holder's secret
 * with Argon2id, and the database key is sealed to the public half. So:
 *  - unlocking needs one holder's secret;
 *  - adding a holder needs only the database key (an admin's open session), not anyone
 *    else's password;
 *  - removing a holder and rotating the database key reseals the new key to the remaining
 *    public keys, so the removed copy opens nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import sodiumModule from 'libsodium-wrappers-sumo';
import { z } from 'zod';
import { PasseurError } from '../shared/errors';

type Sodium = typeof sodiumModule;
let sodiumReady: Promise<Sodium> | undefined;
export function sodium(): Promise<Sodium> {
  sodiumReady ??= sodiumModule.ready.then(() => sodiumModule);
  return sodiumReady;
}

const b64 = z.string().regex(/^[A-Za-z0-9_-]+$/, 'base64url');

const wrappedSecretSchema = z.object({
  kdf: z.literal('argon2id13'),
  salt: b64,
  opslimit: z.number().int().positive(),
  memlimit: z.number().int().positive(),
  nonce: b64,
  box: b64,
});

const holderSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['user', 'recovery']),
  /** For users: their login (lower case). */
  login: z.string().optional(),
  publicKey: b64,
  secretKey: wrappedSecretSchema,
  sealedDbKey: b64,
  /** During a key rotation: the new database key sealed to this holder. */
  pendingSealedDbKey: b64.optional(),
});

const keyringSchema = z.object({
  format: z.literal('passeur-keyring'),
  version: z.literal(1),
  /** Check value of the database key (BLAKE2b, keyed by a fixed context): tells whether an
   *  unsealed key is the current one without touching the database. */
  keyCheck: b64,
  pendingKeyCheck: b64.optional(),
  holders: z.array(holderSchema).min(1),
});

export type Keyring = z.infer<typeof keyringSchema>;
export type KeyringHolder = z.infer<typeof holderSchema>;

/** Argon2id cost: libsodium's "interactive" limits (2 passes, 64 MiB), above OWASP's
 *  minimum for Argon2id; stored per holder so they can be raised later without a migration. */
async function kdfLimits(): Promise<{ opslimit: number; memlimit: number }> {
  const s = await sodium();
  return { opslimit: s.crypto_pwhash_OPSLIMIT_INTERACTIVE, memlimit: s.crypto_pwhash_MEMLIMIT_INTERACTIVE };
}

const enc = (s: Sodium, bytes: Uint8Array) => s.to_base64(bytes, s.base64_variants.URLSAFE_NO_PADDING);
const dec = (s: Sodium, text: string) => s.from_base64(text, s.base64_variants.URLSAFE_NO_PADDING);

export async function keyCheckOf(dbKey: Uint8Array): Promise<string> {
  const s = await sodium();
  const ctx = s.from_string('passeur-db-key-check-v1').subarray(0, 16);
  const key = new Uint8Array(32);
  key.set(ctx);
  return enc(s, s.crypto_generichash(16, dbKey, key));
}

export async function newDbKey(): Promise<Uint8Array> {
  const s = await sodium();
  return s.randombytes_buf(32);
}

async function wrapSecretKey(secretKey: Uint8Array, passphrase: string) {
  const s = await sodium();
  const { opslimit, memlimit } = await kdfLimits();
  const salt = s.randombytes_buf(s.crypto_pwhash_SALTBYTES);
  const kek = s.crypto_pwhash(s.crypto_secretbox_KEYBYTES, passphrase, salt, opslimit, memlimit, s.crypto_pwhash_ALG_ARGON2ID13);
  const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
  const box = s.crypto_secretbox_easy(secretKey, nonce, kek);
  s.memzero(kek);
  return { kdf: 'argon2id13' as const, salt: enc(s, salt), opslimit, memlimit, nonce: enc(s, nonce), box: enc(s, box) };
}

/** Builds a holder for `passphrase` holding `dbKey`. */
export async function makeHolder(
  kind: 'user' | 'recovery',
  id: string,
  passphrase: string,
  dbKey: Uint8Array,
  login?: string,
): Promise<KeyringHolder> {
  const s = await sodium();
  const pair = s.crypto_box_keypair();
  const holder: KeyringHolder = {
    id,
    kind,
    publicKey: enc(s, pair.publicKey),
    secretKey: await wrapSecretKey(pair.privateKey, passphrase),
    sealedDbKey: enc(s, s.crypto_box_seal(dbKey, pair.publicKey)),
  };
  if (login !== undefined) holder.login = login;
  s.memzero(pair.privateKey);
  return holder;
}

/** Opens a holder's private key with its passphrase; null when the passphrase is wrong. */
async function openSecretKey(holder: KeyringHolder, passphrase: string): Promise<Uint8Array | null> {
  const s = await sodium();
  const w = holder.secretKey;
  const kek = s.crypto_pwhash(s.crypto_secretbox_KEYBYTES, passphrase, dec(s, w.salt), w.opslimit, w.memlimit, s.crypto_pwhash_ALG_ARGON2ID13);
  try {
    return s.crypto_secretbox_open_easy(dec(s, w.box), dec(s, w.nonce), kek);
  } catch {
    return null;
  } finally {
    s.memzero(kek);
  }
}

/** Spends the same Argon2id work as a real unlock, so an unknown login answers no faster
 *  than a wrong password. */
export async function burnUnlockTime(passphrase: string): Promise<void> {
  const s = await sodium();
  const { opslimit, memlimit } = await kdfLimits();
  s.crypto_pwhash(32, passphrase, new Uint8Array(s.crypto_pwhash_SALTBYTES), opslimit, memlimit, s.crypto_pwhash_ALG_ARGON2ID13);
}

/**
 * Unseals the database key with a holder's passphrase. Returns every candidate key the
 * holder carries (the current one, and during an interrupted rotation the pending one),
 * with which one the keyring considers current.
 */
export async function unsealDbKey(ring: Keyring, holder: KeyringHolder, passphrase: string): Promise<Uint8Array[] | null> {
  const s = await sodium();
  const sk = await openSecretKey(holder, passphrase);
  if (!sk) return null;
  const pk = dec(s, holder.publicKey);
  const keys: Uint8Array[] = [];
  try {
    for (const sealed of [holder.sealedDbKey, holder.pendingSealedDbKey]) {
      if (!sealed) continue;
      try {
        keys.push(s.crypto_box_seal_open(dec(s, sealed), pk, sk));
      } catch {
        throw new PasseurError('keyring_damaged', 'Le trousseau de clés est endommagé : la clé scellée de ce compte est illisible. Restaurez le trousseau depuis une sauvegarde ou utilisez le code de secours.');
      }
    }
  } finally {
    s.memzero(sk);
  }
  const checks = await Promise.all(keys.map(keyCheckOf));
  if (!checks.some((c) => c === ring.keyCheck || c === ring.pendingKeyCheck)) {
    throw new PasseurError('keyring_damaged', 'Le trousseau de clés est incohérent : la clé de ce compte ne correspond pas à la base. Restaurez le trousseau depuis une sauvegarde ou utilisez le code de secours.');
  }
  return keys;
}

/** Rewraps a holder's private key under a new passphrase (password change). The sealed
 *  database key is unchanged: only the wrapping of the private key moves. */
export async function rewrapHolder(holder: KeyringHolder, oldPassphrase: string, newPassphrase: string): Promise<KeyringHolder | null> {
  const sk = await openSecretKey(holder, oldPassphrase);
  if (!sk) return null;
  const s = await sodium();
  const secretKey = await wrapSecretKey(sk, newPassphrase);
  s.memzero(sk);
  return { ...holder, secretKey };
}

/** Seals `dbKey` to an existing holder's public key (rotation, re-adding). */
export async function sealTo(holder: KeyringHolder, dbKey: Uint8Array): Promise<string> {
  const s = await sodium();
  return enc(s, s.crypto_box_seal(dbKey, dec(s, holder.publicKey)));
}

export function findUserHolder(ring: Keyring, login: string): KeyringHolder | undefined {
  return ring.holders.find((h) => h.kind === 'user' && h.login === login.toLowerCase());
}

export function recoveryHolder(ring: Keyring): KeyringHolder | undefined {
  return ring.holders.find((h) => h.kind === 'recovery');
}

const damaged = (why: string) =>
  new PasseurError(
    'keyring_damaged',
    `Le trousseau de clés (passeur.keyring.json) est endommagé : ${why}. Aucune donnée n'a été modifiée. Restaurez-le depuis une sauvegarde (passeur restore).`,
  );

export function parseKeyring(text: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw damaged("ce n'est pas un JSON lisible");
  }
  const parsed = keyringSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw damaged(`champ « ${first?.path.join('.') || '(racine)'} » invalide`);
  }
  return parsed.data;
}

export function readKeyring(file: string): Keyring {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new PasseurError('not_initialized', "Aucun trousseau de clés n'existe dans ce dossier de données. Créez d'abord le site (passeur init).");
  }
  return parseKeyring(text);
}

/** Atomic write: a temporary file fsynced then renamed over the old one, so a crash leaves
 *  either the old keyring or the new one, never half of one. */
export function writeKeyring(file: string, ring: Keyring): void {
  keyringSchema.parse(ring);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(ring, null, 2) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  try {
    const dfd = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  } catch {
    // Directory fsync is not available on every platform (Windows); the rename stays atomic.
  }
}

/** A recovery code: 25 characters of Crockford base32 (125 bits) in five groups. */
export async function newRecoveryCode(): Promise<string> {
  const s = await sodium();
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = s.randombytes_buf(25);
  let out = '';
  for (let i = 0; i < 25; i++) {
    out += alphabet[(bytes[i] ?? 0) & 31];
    if (i % 5 === 4 && i < 24) out += '-';
  }
  return out;
}

/** Normalises a typed recovery code: case, spaces and the usual look-alikes. */
export function normaliseRecoveryCode(code: string): string {
  const flat = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return flat.replace(/(.{5})(?=.)/g, '$1-');
}

export { enc as toB64, dec as fromB64 };
