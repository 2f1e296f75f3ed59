/**
 * The site's data folder: the encrypted database and its keyring, opened together.
 *
 *   <dataDir>/passeur.db             SQLCipher 4 database (raw 32-byte key)
 *   <dataDir>/passeur.keyring.json   the database key sealed to each holder
 *
 * A Vault is locked until someone unseals the database key with their password (or the
 * recovery code); then it keeps the key in memory for the life of the process, which is
 * what lets an admin's session add holders without anybody else's password.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PasseurError } from '../shared/errors';
import { log } from '../shared/log';
import { appendAudit } from '../auth/audit';
import { checkPasswordPolicy } from '../auth/passwords';
import type { Role } from '../auth/roles';
import { findUserByLogin, insertUser, type UserRow } from '../auth/users';
import { createDatabase, openDatabase, rekeyDatabase, vacuumInto, type Db } from './database';
import {
  burnUnlockTime,
  findUserHolder,
  keyCheckOf,
  makeHolder,
  newDbKey,
  newRecoveryCode,
  normaliseRecoveryCode,
  readKeyring,
  recoveryHolder,
  rewrapHolder,
  sealTo,
  unsealDbKey,
  writeKeyring,
  type Keyring,
} from './keyring';

export const DB_FILE = 'passeur.db';
export const KEYRING_FILE = 'passeur.keyring.json';

export interface Commune {
  insee: string;
  name: string;
}

export interface InitInput {
  siteName: string;
  siteCode: string;
  communes: Commune[];
  admin: { login: string; displayName: string; password: string };
}

const badCredentials = () =>
  new PasseurError('bad_credentials', "Identifiant ou mot de passe incorrect. Vérifiez la saisie (majuscules, disposition du clavier) ; en cas d'oubli, l'administrateur du site peut réinitialiser votre mot de passe.");

export class Vault {
  readonly dataDir: string;
  private db_: Db | null = null;
  private key: Uint8Array | null = null;

  constructor(dataDir: string) {
    this.dataDir = path.resolve(dataDir);
  }

  get dbFile(): string {
    return path.join(this.dataDir, DB_FILE);
  }
  get keyringFile(): string {
    return path.join(this.dataDir, KEYRING_FILE);
  }

  isInitialized(): boolean {
    return fs.existsSync(this.keyringFile) || fs.existsSync(this.dbFile);
  }

  isOpen(): boolean {
    return this.db_ !== null;
  }

  get db(): Db {
    if (!this.db_) throw new PasseurError('unauthenticated', 'La base est verrouillée : connectez-vous pour la déverrouiller.');
    return this.db_;
  }

  /** Creates the site: database, keyring (admin + recovery holders), site row, first admin. */
  async init(input: InitInput, now = new Date()): Promise<{ recoveryCode: string }> {
    if (this.isInitialized()) {
      throw new PasseurError('already_initialized', 'Ce dossier de données contient déjà un site Passeur. Connectez-vous, ou choisissez un autre dossier.');
    }
    checkPasswordPolicy(input.admin.password, input.admin.login, 'admin.password');
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const key = await newDbKey();
    const recoveryCode = await newRecoveryCode();
    const login = input.admin.login.toLowerCase();
    const ring: Keyring = {
      format: 'passeur-keyring',
      version: 1,
      keyCheck: await keyCheckOf(key),
      holders: [
        await makeHolder('user', `user:${login}`, input.admin.password, key, login),
        await makeHolder('recovery', 'recovery', recoveryCode, key),
      ],
    };
    const db = createDatabase(this.dbFile, key);
    try {
      db.transaction(() => {
        db.prepare('INSERT INTO site (id, name, code, created_at) VALUES (1, ?, ?, ?)').run(input.siteName, input.siteCode, now.toISOString());
        const ins = db.prepare('INSERT INTO communes (insee, name) VALUES (?, ?)');
        for (const c of input.communes) ins.run(c.insee, c.name);
        const adminId = insertUser(db, { login, displayName: input.admin.displayName, roles: ['admin'], mustChangePassword: false }, now);
        appendAudit(db, { userId: adminId, action: 'site.create', entity: 'site', entityId: 1, detail: { communes: input.communes.length } }, now);
        appendAudit(db, { userId: adminId, action: 'user.create', entity: 'user', entityId: adminId, detail: { roles: ['admin'] } }, now);
        writeKeyring(this.keyringFile, ring);
      })();
    } catch (e) {
      db.close();
      for (const f of [this.dbFile, `${this.dbFile}-wal`, `${this.dbFile}-shm`, this.keyringFile]) fs.rmSync(f, { force: true });
      throw e;
    }
    this.db_ = db;
    this.key = key;
    log('Vault.init', 'site_created');
    return { recoveryCode };
  }

  keyring(): Keyring {
    return readKeyring(this.keyringFile);
  }

  /** Opens the database with one of the candidate keys (the current one first); completes
   *  or abandons a key rotation that an interruption left half-done. */
  private async openWith(keys: Uint8Array[], ring: Keyring): Promise<void> {
    let lastError: unknown;
    for (const k of keys) {
      try {
        this.db_ = openDatabase(this.dbFile, k);
        this.key = k;
        if (ring.pendingKeyCheck) await this.finishRotation(ring);
        return;
      } catch (e) {
        lastError = e;
        if (!(e instanceof PasseurError) || e.code !== 'database_foreign') throw e;
      }
    }
    throw lastError;
  }

  /**
   * Checks a login's password against the keyring and, if the database is still locked,
   * opens it. Returns the user's row. Refusals change nothing on disk.
   */
  async authenticate(login: string, password: string): Promise<UserRow> {
    const ring = this.keyring();
    const holder = findUserHolder(ring, login);
    if (!holder) {
      await burnUnlockTime(password);
      throw badCredentials();
    }
    const keys = await unsealDbKey(ring, holder, password);
    if (!keys) throw badCredentials();
    if (!this.db_) {
      await this.openWith(keys, ring);
    } else {
      const current = await keyCheckOf(this.key!);
      const checks = await Promise.all(keys.map(keyCheckOf));
      if (!checks.includes(current)) throw badCredentials();
    }
    const user = findUserByLogin(this.db, login);
    if (!user) throw badCredentials();
    if (user.disabled) throw new PasseurError('account_disabled', "Ce compte est désactivé. Adressez-vous à l'administrateur du site.");
    return user;
  }

  /** Opens the database with the recovery code (no user session). */
  async unlockWithRecovery(code: string): Promise<void> {
    const ring = this.keyring();
    const holder = recoveryHolder(ring);
    const normalised = normaliseRecoveryCode(code);
    const keys = holder ? await unsealDbKey(ring, holder, normalised) : null;
    if (!keys) throw new PasseurError('bad_credentials', 'Code de secours incorrect. Il figure sur la fiche remise à la création du site (5 groupes de 5 caractères).');
    if (!this.db_) await this.openWith(keys, ring);
  }

  private requireKey(): Uint8Array {
    if (!this.key) throw new PasseurError('unauthenticated', 'La base est verrouillée : connectez-vous pour la déverrouiller.');
    return this.key;
  }

  /** Adds or replaces a user's holder: their password now unseals the database key. */
  async setUserSecret(login: string, password: string): Promise<Keyring> {
    const key = this.requireKey();
    const ring = this.keyring();
    const lower = login.toLowerCase();
    const holder = await makeHolder('user', `user:${lower}`, password, key, lower);
    if (ring.pendingKeyCheck) holder.pendingSealedDbKey = holder.sealedDbKey;
    return { ...ring, holders: [...ring.holders.filter((h) => !(h.kind === 'user' && h.login === lower)), holder] };
  }

  /** Rewraps a user's private key under a new password. */
  async changeUserSecret(login: string, oldPassword: string, newPassword: string): Promise<Keyring> {
    const ring = this.keyring();
    const holder = findUserHolder(ring, login);
    const next = holder && (await rewrapHolder(holder, oldPassword, newPassword));
    if (!holder || !next) throw new PasseurError('bad_credentials', 'Mot de passe actuel incorrect.', 'current');
    return { ...ring, holders: ring.holders.map((h) => (h === holder ? next : h)) };
  }

  withoutUser(login: string): Keyring {
    const ring = this.keyring();
    return { ...ring, holders: ring.holders.filter((h) => !(h.kind === 'user' && h.login === login.toLowerCase())) };
  }

  saveKeyring(ring: Keyring): void {
    writeKeyring(this.keyringFile, ring);
  }

  /**
   * Rotates the database key: a new random key, sealed to every remaining holder's public
   * key, then `PRAGMA rekey`. The keyring first records the new key as pending beside the
   * old one, so an interruption at any point leaves a key that opens the database.
   */
  async rotateKey(): Promise<void> {
    const db = this.db;
    const ring = this.keyring();
    const next = await newDbKey();
    const staged: Keyring = {
      ...ring,
      pendingKeyCheck: await keyCheckOf(next),
      holders: await Promise.all(ring.holders.map(async (h) => ({ ...h, pendingSealedDbKey: await sealTo(h, next) }))),
    };
    writeKeyring(this.keyringFile, staged);
    rekeyDatabase(db, next);
    this.key = next;
    await this.finishRotation(staged);
    log('Vault.rotateKey', 'rotated', { holders: staged.holders.length });
  }

  private async finishRotation(staged: Keyring): Promise<void> {
    if (!staged.pendingKeyCheck || !this.key) return;
    const current = await keyCheckOf(this.key);
    if (current !== staged.pendingKeyCheck) {
      // The database still runs on the old key: drop the pending half.
      writeKeyring(this.keyringFile, { ...staged, pendingKeyCheck: undefined, holders: staged.holders.map(({ pendingSealedDbKey: _p, ...h }) => h) });
      return;
    }
    writeKeyring(this.keyringFile, {
      format: staged.format,
      version: staged.version,
      keyCheck: staged.pendingKeyCheck,
      holders: staged.holders.map(({ pendingSealedDbKey, ...h }) => ({ ...h, sealedDbKey: pendingSealedDbKey ?? h.sealedDbKey })),
    });
  }

  /** An encrypted, consistent copy of the database and keyring, as one file. */
  backupTo(target: string): { bytes: number } {
    return writeBackup(this, target);
  }

  close(): void {
    if (this.db_) {
      this.db_.close();
      this.db_ = null;
    }
    if (this.key) this.key.fill(0);
    this.key = null;
  }
}

/** Creates a user with roles (the admin's session supplies the key). */
export async function createUserWithSecret(
  vault: Vault,
  actorId: number,
  u: { login: string; displayName: string; roles: Role[]; password: string; mustChangePassword: boolean },
  now = new Date(),
): Promise<number> {
  const ring = await vault.setUserSecret(u.login, u.password);
  const db = vault.db;
  return db.transaction(() => {
    if (findUserByLogin(db, u.login)) {
      throw new PasseurError('conflict', `L'identifiant « ${u.login} » est déjà utilisé. Choisissez-en un autre.`, 'login');
    }
    const id = insertUser(db, { login: u.login, displayName: u.displayName, roles: u.roles, mustChangePassword: u.mustChangePassword }, now);
    appendAudit(db, { userId: actorId, action: 'user.create', entity: 'user', entityId: id, detail: { roles: u.roles } }, now);
    vault.saveKeyring(ring);
    return id;
  })();
}

// Backup container -----------------------------------------------------------------------

const BACKUP_MAGIC = 'PASSEUR-BACKUP\n';

interface BackupHeader {
  format: 'passeur-backup';
  version: 1;
  createdAt: string;
  dbBytes: number;
  dbSha256: string;
  keyring: Keyring;
}

/** Layout: magic line, header length (decimal) line, JSON header, raw encrypted db pages. */
function writeBackup(vault: Vault, target: string): { bytes: number } {
  const db = vault.db;
  const dir = path.dirname(path.resolve(target));
  if (fs.existsSync(target)) {
    throw new PasseurError('conflict', `Le fichier ${path.basename(target)} existe déjà : choisissez un autre nom de sauvegarde.`);
  }
  const tmpDb = path.join(dir, `.passeur-backup-${process.pid}-${Date.now()}.db`);
  try {
    vacuumInto(db, tmpDb);
    const dbBytes = fs.readFileSync(tmpDb);
    const header: BackupHeader = {
      format: 'passeur-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      dbBytes: dbBytes.length,
      dbSha256: createHash('sha256').update(dbBytes).digest('hex'),
      keyring: vault.keyring(),
    };
    const headerText = JSON.stringify(header);
    const out = Buffer.concat([Buffer.from(`${BACKUP_MAGIC}${Buffer.byteLength(headerText)}\n${headerText}`), dbBytes]);
    const tmpOut = `${target}.tmp`;
    fs.writeFileSync(tmpOut, out, { mode: 0o600 });
    fs.renameSync(tmpOut, target);
    log('writeBackup', 'written', { bytes: out.length });
    return { bytes: out.length };
  } finally {
    fs.rmSync(tmpDb, { force: true });
  }
}

const badBackup = (why: string) => new PasseurError('backup_invalid', `Ce fichier n'est pas une sauvegarde Passeur utilisable : ${why}. Rien n'a été restauré.`);

export function readBackup(file: string): { header: BackupHeader; db: Buffer } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw badBackup('fichier introuvable ou illisible');
  }
  if (!buf.subarray(0, BACKUP_MAGIC.length).equals(Buffer.from(BACKUP_MAGIC))) throw badBackup("l'en-tête est absent");
  const nl = buf.indexOf(0x0a, BACKUP_MAGIC.length);
  const len = Number(buf.subarray(BACKUP_MAGIC.length, nl).toString('ascii'));
  if (!Number.isInteger(len) || len <= 0 || nl + 1 + len > buf.length) throw badBackup("l'en-tête est tronqué");
  let header: BackupHeader;
  try {
    header = JSON.parse(buf.subarray(nl + 1, nl + 1 + len).toString('utf8')) as BackupHeader;
  } catch {
    throw badBackup("l'en-tête est illisible");
  }
  if (header.format !== 'passeur-backup' || header.version !== 1) throw badBackup('format inconnu');
  const db = buf.subarray(nl + 1 + len);
  if (db.length !== header.dbBytes || createHash('sha256').update(db).digest('hex') !== header.dbSha256) {
    throw badBackup('le contenu est tronqué ou altéré (empreinte SHA-256 différente)');
  }
  return { header, db };
}

/**
 * Restores a backup into `dataDir` after proving that `login`/`password` unlock it. The
 * current files, if any, are kept beside as `*.avant-restauration-<date>`.
 */
export async function restoreBackup(file: string, dataDir: string, login: string, password: string): Promise<void> {
  const { header, db } = readBackup(file);
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const staging = fs.mkdtempSync(path.join(dir, '.restore-'));
  try {
    fs.writeFileSync(path.join(staging, DB_FILE), db, { mode: 0o600 });
    writeKeyring(path.join(staging, KEYRING_FILE), header.keyring);
    const probe = new Vault(staging);
    try {
      await probe.authenticate(login, password);
    } finally {
      probe.close();
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const f of [DB_FILE, KEYRING_FILE]) {
      const cur = path.join(dir, f);
      if (fs.existsSync(cur)) fs.renameSync(cur, `${cur}.avant-restauration-${stamp}`);
    }
    for (const f of [`${DB_FILE}-wal`, `${DB_FILE}-shm`]) fs.rmSync(path.join(dir, f), { force: true });
    for (const f of [DB_FILE, KEYRING_FILE]) {
      const staged = path.join(staging, f);
      if (fs.existsSync(staged)) fs.renameSync(staged, path.join(dir, f));
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
