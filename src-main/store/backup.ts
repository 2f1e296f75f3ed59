/**
 * Backup and restore of a site's data folder (README "Où vivent les données").
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isPasseurError, PasseurError } from '../shared/errors';
import { log } from '../shared/log';
import { appendAudit } from './audit';
import { vacuumInto } from './database';
import { BACKUP_SCRATCH, fsyncDir, fsyncFile, RESTORE_MARKER } from './files';
import { writeKeyring, type Keyring } from './keyring';
import { FolderLock } from './lock';
import { DB_FILE, KEYRING_FILE, Vault } from './vault';

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
export function writeBackup(vault: Vault, target: string, now = new Date()): { bytes: number; createdAt: string } {
  const db = vault.db;
  if (fs.existsSync(target)) {
    throw new PasseurError('conflict', `Le fichier ${path.basename(target)} existe déjà : choisissez un autre nom de sauvegarde.`);
  }
  // The copy is made in the data folder (owner-only; the owner's to clear), never beside
  // the destination.
  const tmpDb = path.join(vault.dataDir, BACKUP_SCRATCH);
  fs.rmSync(tmpDb, { force: true });
  fs.writeFileSync(tmpDb, '', { mode: 0o600 }); // VACUUM INTO takes an empty file, and its mode
  try {
    vacuumInto(db, tmpDb);
    const dbBytes = fs.readFileSync(tmpDb);
    const header: BackupHeader = {
      format: 'passeur-backup',
      version: 1,
      createdAt: now.toISOString(),
      dbBytes: dbBytes.length,
      dbSha256: createHash('sha256').update(dbBytes).digest('hex'),
      keyring: vault.keyring(),
    };
    const headerText = JSON.stringify(header);
    const out = Buffer.concat([Buffer.from(`${BACKUP_MAGIC}${Buffer.byteLength(headerText)}\n${headerText}`), dbBytes]);
    const tmpOut = `${target}.partiel`;
    fs.writeFileSync(tmpOut, out, { mode: 0o600 });
    fsyncFile(tmpOut);
    fs.renameSync(tmpOut, target);
    fsyncDir(path.dirname(target));
    log('writeBackup', 'written', { bytes: out.length });
    return { bytes: out.length, createdAt: header.createdAt };
  } finally {
    fs.rmSync(tmpDb, { force: true });
  }
}

/** Where the admin screen writes and finds its backups: a folder of the data folder. */
export const BACKUPS_DIR = 'sauvegardes';
/** A backup's file name as the admin screen writes it and accepts it back. */
export const BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.passeur$/;

/**
 * A backup by a logged-in admin, then its audit row: the one path of `passeur backup` (run
 * here or handed to the owner) and of the admin screen. Refusals leave no file behind.
 */
export function writeAuditedBackup(vault: Vault, userId: number, target: string, now: Date): { bytes: number; path: string; createdAt: string } {
  let bytes: number;
  let createdAt: string;
  try {
    ({ bytes, createdAt } = writeBackup(vault, target, now));
  } catch (e) {
    if (isPasseurError(e)) throw e;
    log('writeAuditedBackup', 'failed', { error: (e as Error)?.name ?? 'Error' });
    throw new PasseurError('internal', `La sauvegarde n’a pas pu être écrite (${(e as NodeJS.ErrnoException).code ?? 'erreur système'}). Vérifiez le dossier de destination et l’espace disque ; aucun fichier de sauvegarde n’a été créé.`);
  }
  try {
    const db = vault.db;
    db.transaction(() => appendAudit(db, { userId, action: 'store.backup', entity: 'store', detail: { bytes } }, now))();
  } catch (e) {
    log('writeAuditedBackup', 'audit_failed', { error: (e as Error)?.name ?? 'Error' });
    throw new PasseurError('internal', `La sauvegarde est écrite (${target}), mais sa ligne du journal d’audit n’a pas pu être ajoutée. Prévenez l’administrateur.`);
  }
  return { bytes, path: target, createdAt };
}

/** A free name for a new backup of the admin screen, in its folder (created, owner-only). */
export function newBackupTarget(dataDir: string, siteCode: string, now: Date): string {
  const dir = path.join(dataDir, BACKUPS_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const base = `passeur-${siteCode.replace(/[^A-Za-z0-9]/g, '')}-${stamp}`;
  for (let i = 1; ; i++) {
    const file = path.join(dir, `${base}${i > 1 ? `-${i}` : ''}.passeur`);
    if (!fs.existsSync(file) && !fs.existsSync(`${file}.partiel`)) return file;
  }
}

export interface BackupListing {
  file: string;
  path: string;
  bytes: number;
  /** When the backup was made (its header), or null when the header is unreadable. */
  createdAt: string | null;
}

/** The header alone (the first bytes), for a listing: the content is checked at restore. */
function peekCreatedAt(file: string): string | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(256 * 1024);
    const head = parseHeader(buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)));
    return typeof head === 'string' ? null : head.header.createdAt;
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** The backups of the admin screen's folder, newest first. */
export function listBackups(dataDir: string): BackupListing[] {
  const dir = path.join(dataDir, BACKUPS_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => BACKUP_NAME.test(f))
    .flatMap((file) => {
      const p = path.join(dir, file);
      const st = fs.statSync(p, { throwIfNoEntry: false });
      return st?.isFile() ? [{ file, path: p, bytes: st.size, createdAt: peekCreatedAt(p), mtime: st.mtimeMs }] : [];
    })
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.mtime - a.mtime)
    .map(({ mtime: _mtime, ...b }) => b);
}

const badBackup = (why: string) => new PasseurError('backup_invalid', `Ce fichier n'est pas une sauvegarde Passeur utilisable : ${why}. Rien n'a été restauré.`);

/** The header of a backup's first bytes, or why it is not one (a French phrase). */
function parseHeader(buf: Buffer): { header: BackupHeader; bodyStart: number } | string {
  if (!buf.subarray(0, BACKUP_MAGIC.length).equals(Buffer.from(BACKUP_MAGIC))) return "l'en-tête est absent";
  const nl = buf.indexOf(0x0a, BACKUP_MAGIC.length);
  const len = Number(buf.subarray(BACKUP_MAGIC.length, nl).toString('ascii'));
  if (!Number.isInteger(len) || len <= 0 || nl + 1 + len > buf.length) return "l'en-tête est tronqué";
  let header: BackupHeader;
  try {
    header = JSON.parse(buf.subarray(nl + 1, nl + 1 + len).toString('utf8')) as BackupHeader;
  } catch {
    return "l'en-tête est illisible";
  }
  if (header.format !== 'passeur-backup' || header.version !== 1) return 'format inconnu';
  return { header, bodyStart: nl + 1 + len };
}

export function readBackup(file: string): { header: BackupHeader; db: Buffer } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw badBackup('fichier introuvable ou illisible');
  }
  const head = parseHeader(buf);
  if (typeof head === 'string') throw badBackup(head);
  const { header, bodyStart } = head;
  const db = buf.subarray(bodyStart);
  if (db.length !== header.dbBytes || createHash('sha256').update(db).digest('hex') !== header.dbSha256) {
    throw badBackup('le contenu est tronqué ou altéré (empreinte SHA-256 différente)');
  }
  return { header, db };
}

export interface RestoreOutcome {
  /** The replaced files, kept whole (database with its WAL, keyring) as a data folder of
   *  their own; null when the folder was empty. */
  kept: string | null;
  /** The kept copy opened with the same account, every page checked. */
  keptVerified: boolean;
  /** Why it was not verified (a French sentence), when it was not. */
  keptNote: string | null;
}

/** Keeps `from` as `to` without moving it: a hard link, or a durable copy where the file
 *  system has none (FAT, some network shares). */
function keepFile(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    fs.copyFileSync(from, to);
    fsyncFile(to);
  }
}

/**
 * Restores a backup into `dataDir` after proving that `login`/`password` unlock it. Takes
 * the folder's lock for the whole operation (refused while the app, `serve` or a command
 * works there). In order:
 *   1. the backup is written and opened in a staging folder (password, every page);
 *   2. the current files — database, WAL, shm, keyring — are kept, all of them, in
 *      `avant-restauration-<date>/` (hard links, or copies), a data folder that opens on its
 *      own; that copy is opened with the same account to prove it, before anything else;
 *   3. a marker says a restore is under way; the live names are replaced, the keyring last;
 *      the marker goes. An interruption in 3 leaves the marker: the folder then refuses to
 *      open or to be initialised and says to run the restore again.
 * Nothing is ever deleted.
 */
export interface RestoreOptions {
  /** The folder's lock, already held by this process (the app restoring from its admin
   *  screen): used, and not released, instead of being taken. */
  heldLock?: FolderLock;
  /** Called once the backup has opened with the account, before the first file is kept or
   *  replaced: the app closes its own connection to the live database there. */
  beforeReplace?: () => void;
}

export async function restoreBackup(file: string, dataDir: string, login: string, password: string, options: RestoreOptions = {}): Promise<RestoreOutcome & { createdAt: string }> {
  const { header, db } = readBackup(file);
  const dir = path.resolve(dataDir);
  const lock =
    options.heldLock ?? FolderLock.acquire(dir, 'restore', 'Arrêtez-le d’abord (fermez l’application ou arrêtez « passeur serve »), puis relancez la restauration. Rien n’a été modifié.');
  // Staging folders of an interrupted restore: ours to clear, the lock is ours.
  for (const f of fs.readdirSync(dir)) if (f.startsWith('.restore-')) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  const staging = fs.mkdtempSync(path.join(dir, '.restore-'));
  try {
    fs.writeFileSync(path.join(staging, DB_FILE), db, { mode: 0o600 });
    fsyncFile(path.join(staging, DB_FILE));
    writeKeyring(path.join(staging, KEYRING_FILE), header.keyring);
    const probe = new Vault(staging, 'restore');
    try {
      await probe.authenticate(login, password);
    } finally {
      probe.close();
    }
    options.beforeReplace?.();
    const markerFile = path.join(dir, RESTORE_MARKER);
    const resuming = fs.existsSync(markerFile);
    const present = [KEYRING_FILE, DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`].filter((f) => fs.existsSync(path.join(dir, f)));
    let kept: string | null = null;
    let keptVerified = false;
    let keptNote: string | null = null;
    if (present.length && !resuming) {
      kept = path.join(dir, `avant-restauration-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      fs.mkdirSync(kept, { mode: 0o700 });
      for (const f of present) keepFile(path.join(dir, f), path.join(kept, f));
      fsyncDir(kept);
      const copy = new Vault(kept, 'restore');
      try {
        await copy.authenticate(login, password);
        keptVerified = true;
      } catch (e) {
        keptNote = isPasseurError(e) && e.code === 'bad_credentials' ? 'ce compte n’y figure pas avec ce mot de passe' : isPasseurError(e) ? e.message : 'elle ne s’ouvre pas';
      } finally {
        copy.close();
      }
    } else if (resuming) {
      try {
        kept = (JSON.parse(fs.readFileSync(markerFile, 'utf8')) as { kept: string | null }).kept;
      } catch {
        kept = null; // unreadable marker: the kept folder, if any, is the newest avant-restauration-*
      }
      if (kept && !fs.existsSync(kept)) kept = null;
      keptNote = 'restauration interrompue reprise : la copie avait été gardée à la première tentative';
    }
    if (!resuming) {
      // Written whole or not at all: a torn marker would block the folder for good.
      const tmp = `${markerFile}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ startedAt: new Date().toISOString(), kept }) + '\n', { mode: 0o600 });
      fsyncFile(tmp);
      fs.renameSync(tmp, markerFile);
      fsyncDir(dir);
    }
    // The keyring goes first and comes back last: in between, nothing opens.
    for (const f of present) fs.rmSync(path.join(dir, f), { force: true });
    fsyncDir(dir);
    fs.renameSync(path.join(staging, DB_FILE), path.join(dir, DB_FILE));
    fsyncDir(dir);
    fs.renameSync(path.join(staging, KEYRING_FILE), path.join(dir, KEYRING_FILE));
    fsyncDir(dir);
    fs.rmSync(markerFile, { force: true });
    fsyncDir(dir);
    log('restoreBackup', 'restored', { kept: kept !== null, kept_verified: keptVerified });
    return { kept, keptVerified, keptNote, createdAt: header.createdAt };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!options.heldLock) lock.release();
  }
}
