/**
 * The data folder's files beyond the database and the keyring: making writes durable, the
 * marks of an operation under way (restore), the scratch copy of a backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PasseurError } from '../shared/errors';

/** Present from the first replaced file to the last restored one (restoreBackup). */
export const RESTORE_MARKER = 'passeur.restauration-en-cours.json';
/** The database copy a backup is made from, removed once read. */
export const BACKUP_SCRATCH = 'passeur.sauvegarde-en-cours.db';

/** A restore was interrupted: the folder is a mix until it is run again. */
export function refuseIfRestoring(dataDir: string): void {
  const marker = path.join(dataDir, RESTORE_MARKER);
  if (!fs.existsSync(marker)) return;
  let kept = '';
  try {
    kept = (JSON.parse(fs.readFileSync(marker, 'utf8')) as { kept?: string }).kept ?? '';
  } catch {
    // the marker alone says enough
  }
  throw new PasseurError(
    'restore_incomplete',
    `Une restauration a été interrompue dans ce dossier : relancez « passeur restore --from FICHIER » avec la même sauvegarde.${kept ? ` Les fichiers d’avant sont gardés entiers dans ${kept}.` : ''} Rien d’autre ne s’ouvre ici d’ici là.`,
  );
}

/** Makes a file's content durable (fsync). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes renames in a folder durable; not available on every platform (Windows), where the
 *  rename itself stays atomic. */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // see above
  }
}
