/**
 * The site's data folder: the encrypted database and its keyring, opened together.
 *
 *   <dataDir>/passeur.db             SQLCipher 4 database (raw 32-byte key)
 *   <dataDir>/passeur.keyring.json   the database key sealed to each holder
 *   <dataDir>/passeur.lock           the owner's OS lock (store/lock.ts), empty
 *
 * A Vault takes the folder's lock before it touches the database, and keeps it until
 * `close()`: no second process ever writes the same files.
 *
 * A Vault is locked until someone unseals the database key with their password (or the
 * recovery code); then it keeps the key in memory for the life of the process, which is
 * what lets an admin's session add holders without anybody else's password.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PasseurError } from '../shared/errors';
import { log } from '../shared/log';
import { appendAudit } from './audit';
import { checkPasswordPolicy } from '../shared/passwords';
import type { Role } from '../shared/roles';
import { findUserByLogin, insertUser, type UserRow } from './users';
import { createDatabase, openDatabase, reencryptCopy, type Db } from './database';
import { FolderLock } from './lock';
import { BACKUP_SCRATCH, fsyncDir, fsyncFile, refuseIfRestoring, RESTORE_MARKER } from './files';
import { clearIntent, pendingIntents, type DisableIntent } from './intents';
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
/** The re-encrypted copy written during a key rotation, renamed over passeur.db once durable. */
export const ROTATION_FILE = 'passeur.db.rotation';
/** How an interrupted rotation was found at open, for the audit log. */
export type RotationResume = 'recopied' | 'switched';

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
  /** Who this process is, in the owner note ('app', 'serve', 'cli backup'…). */
  ownerCommand: string;
  private db_: Db | null = null;
  private key: Uint8Array | null = null;
  /** During a rotation: the new key, sealed beside the current one in the keyring. */
  private pendingKey: Uint8Array | null = null;
  private lock: FolderLock | null = null;
  /** Set when the last open completed a rotation that an interruption had left half-done. */
  resumedRotation: RotationResume | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, ownerCommand = 'passeur') {
    this.dataDir = path.resolve(dataDir);
    this.ownerCommand = ownerCommand;
  }

  /** Takes the data folder for this process (idempotent); refused with `folder_busy`,
   *  naming the owner, when another process holds it. */
  claim(what = 'Arrêtez-le d’abord, ou passez par lui.'): FolderLock {
    if (!this.lock?.held) {
      this.lock = FolderLock.acquire(this.dataDir, this.ownerCommand, what);
      // A backup's scratch copy left by a process that died: the folder is ours now.
      fs.rmSync(path.join(this.dataDir, BACKUP_SCRATCH), { force: true });
    }
    return this.lock;
  }

  /**
   * Runs `fn` alone among the vault's keyring and key work (opening, password changes,
   * holders added or removed, rotations): each reads the keyring, awaits, then writes it,
   * so two at once would lose one's change.
   */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  get folderLock(): FolderLock | null {
    return this.lock?.held ? this.lock : null;
  }

  get dbFile(): string {
    return path.join(this.dataDir, DB_FILE);
  }
  get keyringFile(): string {
    return path.join(this.dataDir, KEYRING_FILE);
  }

  isInitialized(): boolean {
    return fs.existsSync(this.keyringFile) || fs.existsSync(this.dbFile) || fs.existsSync(path.join(this.dataDir, RESTORE_MARKER));
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
    refuseIfRestoring(this.dataDir);
    if (this.isInitialized()) {
      throw new PasseurError('already_initialized', 'Ce dossier de données contient déjà un site Passeur. Connectez-vous, ou choisissez un autre dossier.');
    }
    checkPasswordPolicy(input.admin.password, input.admin.login, 'admin.password');
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    this.claim();
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
    refuseIfRestoring(this.dataDir);
    return readKeyring(this.keyringFile);
  }

  /** Opens the database with one of the candidate keys (the current one first), then
   *  completes a key rotation that an interruption left half-done: never drops it. */
  private async openWith(keys: Uint8Array[], ring: Keyring): Promise<void> {
    const hadLock = this.folderLock !== null;
    this.claim();
    let lastError: unknown;
    try {
      for (const k of keys) {
        try {
          this.db_ = openDatabase(this.dbFile, k);
          this.key = k;
          break;
        } catch (e) {
          lastError = e;
          if (!(e instanceof PasseurError) || e.code !== 'database_foreign') throw e;
        }
      }
      if (!this.db_) throw lastError;
      try {
        if (ring.pendingKeyCheck) {
          await this.resumeRotation(ring, keys);
          const db = this.db;
          db.transaction(() => appendAudit(db, { userId: null, action: 'store.rekey_resumed', entity: 'store', detail: { stage: this.resumedRotation } }))();
        } else this.removeRotationLeftovers();
        // Disables committed in the database whose keyring part was interrupted.
        for (const intent of pendingIntents(this.db)) await this.finishIntent(intent);
      } catch (e) {
        if (e instanceof PasseurError) throw e;
        log('Vault.open', 'resume_failed', { error: (e as NodeJS.ErrnoException)?.code ?? (e as Error)?.name ?? 'Error' });
        throw new PasseurError(
          'rotation_incomplete',
          `Un changement de clé de la base interrompu n’a pas pu être achevé à l’ouverture (${(e as NodeJS.ErrnoException)?.code === 'ENOSPC' ? 'disque plein' : 'erreur du système de fichiers'}). La base et le trousseau sont intacts : libérez de la place ou vérifiez le disque, puis reconnectez-vous.`,
        );
      }
    } catch (e) {
      this.db_?.close();
      this.db_ = null;
      this.key = null;
      if (!hadLock) this.releaseLock();
      throw e;
    }
  }

  /** An interrupted rotation: the keyring holds the old and the new key. If the database
   *  already runs on the new key, only the keyring is left to finish; otherwise the whole
   *  re-encryption is done again. Either way it ends completed. */
  private async resumeRotation(ring: Keyring, keys: Uint8Array[]): Promise<void> {
    const checks = await Promise.all(keys.map(keyCheckOf));
    const pending = keys[checks.indexOf(ring.pendingKeyCheck!)];
    if (!pending) {
      throw new PasseurError('keyring_damaged', 'Un changement de clé interrompu ne peut pas être repris : ce compte ne détient pas la nouvelle clé. Connectez-vous avec un autre compte administrateur ou le code de secours.');
    }
    const current = await keyCheckOf(this.key!);
    if (current === ring.pendingKeyCheck) {
      this.removeRotationLeftovers();
      this.writeFinalKeyring(ring);
      this.resumedRotation = 'switched';
    } else {
      this.pendingKey = pending;
      await this.completeRotation();
      this.resumedRotation = 'recopied';
    }
    log('Vault.open', 'rotation_resumed', { stage: this.resumedRotation });
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
    // Opening (and finishing an interrupted rotation) happens once, in turn with the other
    // keyring work; checking a password against an open database needs no turn.
    let opened = false;
    if (!this.db_) {
      await this.exclusive(async () => {
        if (this.db_) return;
        await this.openWith(keys, ring); // may finish an interrupted rotation: a new key
        opened = true;
      });
    }
    if (!opened && !(await this.holdsCurrentKey(keys))) {
      // The key may have changed since the keyring was read (a rotation finishing now): read
      // it again, in turn, before refusing a right password.
      const fresh = await this.exclusive(async () => {
        const again = this.keyring();
        const h = findUserHolder(again, login);
        return h ? unsealDbKey(again, h, password) : null;
      });
      if (!fresh || !(await this.holdsCurrentKey(fresh))) throw badCredentials();
    }
    const user = findUserByLogin(this.db, login);
    if (!user) throw badCredentials();
    if (user.disabled) throw new PasseurError('account_disabled', "Ce compte est désactivé. Adressez-vous à l'administrateur du site.");
    return user;
  }

  private async holdsCurrentKey(keys: Uint8Array[]): Promise<boolean> {
    const current = await keyCheckOf(this.requireKey());
    return (await Promise.all(keys.map(keyCheckOf))).includes(current);
  }

  /** Opens the database with the recovery code (no user session). */
  unlockWithRecovery(code: string): Promise<void> {
    return this.exclusive(async () => {
      const ring = this.keyring();
      const holder = recoveryHolder(ring);
      const normalised = normaliseRecoveryCode(code);
      const keys = holder ? await unsealDbKey(ring, holder, normalised) : null;
      if (!keys) throw new PasseurError('bad_credentials', 'Code de secours incorrect. Il figure sur la fiche remise à la création du site (5 groupes de 5 caractères).');
      if (!this.db_) await this.openWith(keys, ring);
    });
  }

  private requireKey(): Uint8Array {
    if (!this.key) throw new PasseurError('unauthenticated', 'La base est verrouillée : connectez-vous pour la déverrouiller.');
    return this.key;
  }

  /** A holder for `secret` holding the current key (and the staged one, mid-rotation). */
  async holderFor(kind: 'user' | 'recovery', id: string, secret: string, login?: string) {
    const holder = await makeHolder(kind, id, secret, this.requireKey(), login);
    if (this.keyring().pendingKeyCheck) {
      if (!this.pendingKey) throw new PasseurError('rotation_incomplete', 'Un changement de clé de la base est en cours : réessayez dans un instant.');
      holder.pendingSealedDbKey = await sealTo(holder, this.pendingKey);
    }
    return holder;
  }

  /** Adds or replaces a user's holder: their password now unseals the database key. */
  async setUserSecret(login: string, password: string): Promise<Keyring> {
    const lower = login.toLowerCase();
    const holder = await this.holderFor('user', `user:${lower}`, password, lower);
    const ring = this.keyring();
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
   * Stages a key rotation in `ring` (a keyring about to be saved, e.g. without a removed
   * user): a new random key sealed to every holder beside the current one. Once this
   * keyring is saved, any interruption ends in a completed rotation at the next open.
   */
  async stageRotation(ring: Keyring): Promise<Keyring> {
    this.requireKey();
    if (ring.pendingKeyCheck) return ring;
    const next = await newDbKey();
    this.pendingKey = next;
    return {
      ...ring,
      pendingKeyCheck: await keyCheckOf(next),
      holders: await Promise.all(ring.holders.map(async (h) => ({ ...h, pendingSealedDbKey: await sealTo(h, next) }))),
    };
  }

  /**
   * The keyring part of a disable (see intents.ts): the holder removed and, if asked and not
   * yet done, the key rotated. Safe to run again after any interruption. An account enabled
   * again since keeps its entry: the intent has lapsed.
   */
  async carryOut(intent: DisableIntent): Promise<void> {
    if (!findUserByLogin(this.db, intent.login)?.disabled) return;
    let ring = this.keyring();
    ring = { ...ring, holders: ring.holders.filter((h) => !(h.kind === 'user' && h.login === intent.login)) };
    if (intent.rotate && ring.keyCheck === intent.keyCheckBefore) ring = await this.stageRotation(ring);
    this.saveKeyring(ring);
    if (ring.pendingKeyCheck) await this.completeRotation();
  }

  /** Carries out a pending intent at open, clears it, and says it in the audit log. */
  private async finishIntent(intent: DisableIntent): Promise<void> {
    const before = this.keyring().keyCheck;
    const stillDisabled = findUserByLogin(this.db, intent.login)?.disabled ?? false;
    await this.carryOut(intent);
    const db = this.db;
    const rotated = this.keyring().keyCheck !== before;
    db.transaction(() => {
      clearIntent(db, intent.login);
      if (stillDisabled) appendAudit(db, { userId: null, action: rotated ? 'store.rekey_resumed' : 'store.holder_removed', entity: 'store', detail: { stage: 'intent' } });
    })();
    if (rotated) this.resumedRotation = 'recopied';
    log('Vault.open', 'intent_resumed', { rotated, lapsed: !stillDisabled });
  }

  /** Rotates the database key now: stages it, then completes it. */
  rotateKey(): Promise<void> {
    return this.exclusive(async () => {
      this.saveKeyring(await this.stageRotation(this.keyring()));
      await this.completeRotation();
    });
  }

  /**
   * Completes the staged rotation without ever rewriting the live file in place:
   *   1. the WAL is checkpointed, the file copied beside it as passeur.db.rotation;
   *   2. the copy is re-encrypted under the new key, made durable, and checked page by
   *      page with the new key;
   *   3. the live connection closes (WAL folded in and removed), the copy is renamed over
   *      passeur.db (atomic), the folder synced;
   *   4. the keyring drops the old key.
   * A crash before 3 leaves the old file whole (and the staged keyring: redone at the next
   * open); after 3, the new key opens the file and the next open finishes 4.
   */
  async completeRotation(): Promise<void> {
    const ring = this.keyring();
    const next = this.pendingKey;
    if (!ring.pendingKeyCheck) return;
    if (!next || (await keyCheckOf(next)) !== ring.pendingKeyCheck) {
      throw new PasseurError('rotation_incomplete', 'Le changement de clé de la base n’a pas pu être repris dans ce processus ; il le sera à la prochaine ouverture de la base.');
    }
    const db = this.db;
    const old = this.requireKey();
    const copy = path.join(this.dataDir, ROTATION_FILE);
    this.removeRotationLeftovers();
    const [cp] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (cp?.busy) throw new PasseurError('rotation_incomplete', 'La base est occupée par une autre connexion : le changement de clé reprendra à la prochaine ouverture.');
    fs.copyFileSync(this.dbFile, copy);
    reencryptCopy(copy, old, next);
    fsyncFile(copy);
    openDatabase(copy, next, { readonly: true }).close(); // every page authenticates under the new key
    // The switch: nothing of the old file may stay in a WAL beside the new one.
    db.pragma('journal_mode = DELETE');
    db.close();
    this.db_ = null;
    try {
      for (const f of [`${this.dbFile}-wal`, `${this.dbFile}-shm`]) fs.rmSync(f, { force: true });
      fs.renameSync(copy, this.dbFile);
      fsyncDir(this.dataDir);
    } catch (e) {
      // The old file is still in place: reopen it, the rotation stays staged.
      this.db_ = openDatabase(this.dbFile, old, { verify: false });
      throw e;
    }
    this.db_ = openDatabase(this.dbFile, next, { verify: false });
    this.key = next;
    old.fill(0);
    this.pendingKey = null;
    this.writeFinalKeyring(ring);
    log('Vault.rotateKey', 'rotated', { holders: ring.holders.length });
  }

  private writeFinalKeyring(staged: Keyring): void {
    writeKeyring(this.keyringFile, {
      format: staged.format,
      version: staged.version,
      keyCheck: staged.pendingKeyCheck ?? staged.keyCheck,
      holders: staged.holders.map(({ pendingSealedDbKey, ...h }) => ({ ...h, sealedDbKey: pendingSealedDbKey ?? h.sealedDbKey })),
    });
  }

  private removeRotationLeftovers(): void {
    const copy = path.join(this.dataDir, ROTATION_FILE);
    for (const f of [copy, `${copy}-journal`, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
  }

  private releaseLock(): void {
    this.lock?.release();
    this.lock = null;
  }

  /** Closes the database and forgets the keys, keeping the folder (the next login opens it). */
  closeDatabase(): void {
    this.db_?.close();
    this.db_ = null;
    this.key?.fill(0);
    this.key = null;
    this.pendingKey = null;
  }

  /** Closes the database, forgets the keys and gives the folder back. */
  close(): void {
    this.closeDatabase();
    this.releaseLock();
  }
}

/** Creates a user with roles (the admin's session supplies the key). */
export async function createUserWithSecret(
  vault: Vault,
  actorId: number,
  u: { login: string; displayName: string; roles: Role[]; password: string; mustChangePassword: boolean },
  now = new Date(),
): Promise<number> {
  return vault.exclusive(async () => {
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
  });
}
