/**
 * One owner per data folder. The process that works on a site's files (the desktop app,
 * `passeur serve`, a CLI command, a restore) holds an operating-system lock on
 * `<dataDir>/passeur.lock` for as long as it works there: an exclusive SQLite lock (fcntl on
 * POSIX, LockFileEx on Windows), which the system drops by itself when the process ends, even
 * by `kill -9` or a power cut. No stale lock is ever left to clean by hand.
 *
 * Beside it, `passeur.owner.json` says who holds it, for the refusal message and for the CLI
 * to hand its command to the owner: the kind of process, its pid, since when, and its control
 * endpoint. It holds no personal data.
 *
 * `passeur.lock` must never be opened by anything but SQLite in this process: closing any
 * other descriptor of it would drop the POSIX lock.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { PasseurError } from '../shared/errors';

export const LOCK_FILE = 'passeur.lock';
export const OWNER_FILE = 'passeur.owner.json';

export interface OwnerNote {
  format: 'passeur-owner';
  /** What holds the folder: 'app', 'serve', 'cli backup', 'restore'… */
  command: string;
  pid: number;
  since: string;
  /** Where the owner takes commands (Unix socket or named pipe), null if it takes none. */
  control: string | null;
}

const COMMAND_LABELS: Record<string, string> = {
  app: 'l’application Passeur',
  serve: '« passeur serve »',
  restore: 'une restauration (« passeur restore »)',
};

/** "« passeur serve » (processus 1234, depuis le 30/11/2026 à 14:02)" — for French messages. */
export function describeOwner(note: OwnerNote | null): string {
  if (!note) return 'un autre processus Passeur';
  const what = COMMAND_LABELS[note.command] ?? `la commande « passeur ${note.command} »`;
  const since = new Date(note.since);
  const when = Number.isNaN(since.getTime())
    ? ''
    : `, depuis le ${since.toLocaleDateString('fr-FR')} à ${since.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}`;
  return `${what} (processus ${note.pid}${when})`;
}

export function readOwner(dataDir: string): OwnerNote | null {
  try {
    const note = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as OwnerNote;
    return note.format === 'passeur-owner' && Number.isInteger(note.pid) ? note : null;
  } catch {
    return null;
  }
}

export function folderBusy(dataDir: string, note: OwnerNote | null, what: string): PasseurError {
  return new PasseurError(
    'folder_busy',
    `Le dossier de données ${dataDir} est déjà utilisé par ${describeOwner(note)}. ${what}`,
  );
}

export class FolderLock {
  readonly dataDir: string;
  private conn: Database.Database | null;
  private note: OwnerNote;

  private constructor(dataDir: string, conn: Database.Database, command: string) {
    this.dataDir = dataDir;
    this.conn = conn;
    this.note = { format: 'passeur-owner', command, pid: process.pid, since: new Date().toISOString(), control: null };
    this.writeNote();
  }

  /** Takes the folder, or returns null when another process (or another Vault of this
   *  process) holds it. */
  static tryAcquire(dataDir: string, command: string): FolderLock | null {
    const dir = path.resolve(dataDir);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const conn = new Database(path.join(dir, LOCK_FILE), { timeout: 0 });
    try {
      conn.pragma('journal_mode = MEMORY');
      conn.pragma('locking_mode = EXCLUSIVE');
      // In exclusive locking mode the lock taken here is kept after COMMIT, until close.
      conn.exec('BEGIN EXCLUSIVE; COMMIT;');
    } catch (e) {
      conn.close();
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
      throw e;
    }
    return new FolderLock(dir, conn, command);
  }

  /** Takes the folder or throws `folder_busy`, naming the owner and saying `what` to do. */
  static acquire(dataDir: string, command: string, what: string): FolderLock {
    const lock = FolderLock.tryAcquire(dataDir, command);
    if (!lock) throw folderBusy(path.resolve(dataDir), readOwner(path.resolve(dataDir)), what);
    return lock;
  }

  get command(): string {
    return this.note.command;
  }

  setControl(endpoint: string | null): void {
    this.note = { ...this.note, control: endpoint };
    this.writeNote();
  }

  private writeNote(): void {
    const file = path.join(this.dataDir, OWNER_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.note) + '\n', { mode: 0o600 });
    fs.renameSync(tmp, file);
  }

  get held(): boolean {
    return this.conn !== null;
  }

  release(): void {
    if (!this.conn) return;
    // The note goes first: a reader never sees our note beside someone else's lock.
    const current = readOwner(this.dataDir);
    if (current?.pid === process.pid && current.since === this.note.since) fs.rmSync(path.join(this.dataDir, OWNER_FILE), { force: true });
    this.conn.close();
    this.conn = null;
  }
}
