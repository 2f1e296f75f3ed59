/**
 * Backup and restore of a site's data folder (README "Où vivent les données").
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isPasseurError, PasseurError } from '../shared/errors';
import { log } from '../shared/log';
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
export function writeBackup(vault: Vault, target: string): { bytes: number } {
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
      createdAt: new Date().toISOString(),
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
export async function restoreBackup(file: string, dataDir: string, login: string, password: string): Promise<RestoreOutcome> {
  const { header, db } = readBackup(file);
  const dir = path.resolve(dataDir);
  const lock = FolderLock.acquire(dir, 'restore', 'Arrêtez-le d’abord (fermez l’application ou arrêtez « passeur serve »), puis relancez la restauration. Rien n’a été modifié.');
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
    return { kept, keptVerified, keptNote };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
}
