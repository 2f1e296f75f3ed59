/**
 * Opening the SQLCipher 4 database (ARCHITECTURE "The encrypted store").
 *
 * Order matters: the key is applied, then page 1 is read (application id, schema version)
 * and, when asked, every page is checked, all before anything is written. A refused open
 * therefore leaves the files byte-for-byte as they were.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { PasseurError } from '../shared/errors';
import { log } from '../shared/log';
import { LATEST_VERSION, migrate } from './migrations';

export type Db = Database.Database;

/** 'PASS' — written in the header so a foreign SQLite file is told apart from ours. */
export const APPLICATION_ID = 0x50415353;

function hex(key: Uint8Array): string {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  return Buffer.from(key).toString('hex');
}

/** Applies SQLCipher 4 settings and the raw key. Never falls back to plaintext. */
function applyKey(db: Db, key: Uint8Array): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${hex(key)}'"`);
}

/** The connection settings of every Passeur database (also applied to the benchmark's plain copy). */
export function tune(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  // 64 MiB of decrypted pages stay in memory: warm queries do not pay decryption again.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
}

const notOurs = () =>
  new PasseurError(
    'database_foreign',
    "Le fichier passeur.db de ce dossier n'est pas une base Passeur ouverte par ce trousseau (fichier étranger, remplacé ou chiffré avec une autre clé). Rien n'a été modifié. Vérifiez le dossier de données ou restaurez une sauvegarde.",
  );

const damagedDb = () =>
  new PasseurError(
    'database_damaged',
    "La base de données est endommagée ou a été modifiée hors de Passeur (contrôle d'intégrité des pages en échec). Rien n'a été modifié. Restaurez la dernière sauvegarde (passeur restore).",
  );

export function isCorruption(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

export interface OpenOptions {
  /** Read every page and check its authentication code before use (default true). */
  verify?: boolean;
  readonly?: boolean;
}

/** Opens an existing database with `key`; checks, then migrates to the latest version. */
export function openDatabase(file: string, key: Uint8Array, opts: OpenOptions = {}): Db {
  if (!fs.existsSync(file)) {
    throw new PasseurError('database_missing', "La base de données est introuvable dans ce dossier de données alors que le trousseau existe. Restaurez une sauvegarde (passeur restore).");
  }
  const size = fs.statSync(file).size;
  // A SQLCipher file is whole pages of 4096 bytes: anything else was cut short.
  if (size === 0 || size % 4096 !== 0) throw damagedDb();
  const db = new Database(file, { fileMustExist: true, readonly: opts.readonly ?? false });
  try {
    applyKey(db, key);
    let appId: number;
    let version: number;
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (e) {
      if (isCorruption(e)) throw notOurs();
      throw e;
    }
    if (appId !== APPLICATION_ID) throw notOurs();
    if (version > LATEST_VERSION) {
      throw new PasseurError(
        'database_newer',
        `Cette base a été écrite par une version plus récente de Passeur (schéma ${version}, cette version connaît jusqu'au schéma ${LATEST_VERSION}). Rien n'a été modifié. Installez la version à jour de Passeur.`,
      );
    }
    if (opts.verify ?? true) {
      let result: string;
      try {
        result = db.pragma('quick_check', { simple: true }) as string;
      } catch (e) {
        if (isCorruption(e)) throw damagedDb();
        throw e;
      }
      if (result !== 'ok') throw damagedDb();
    }
    if (!opts.readonly) {
      tune(db);
      migrate(db);
    }
    log('openDatabase', 'opened', { schema_version: db.pragma('user_version', { simple: true }) as number });
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Creates a new encrypted database at `file` (which must not exist) and migrates it. */
export function createDatabase(file: string, key: Uint8Array): Db {
  if (fs.existsSync(file)) {
    throw new PasseurError('already_initialized', 'Une base Passeur existe déjà dans ce dossier de données.');
  }
  const db = new Database(file);
  try {
    // Owner-only: SQLite gives the -wal and -shm files the same mode.
    fs.chmodSync(file, 0o600);
    applyKey(db, key);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    tune(db);
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    fs.rmSync(file, { force: true });
    throw e;
  }
}

/** Re-encrypts a closed copy of the database (`file`, under `oldKey`) in place under
 *  `newKey`. Only ever run on a copy beside the live file (Vault.completeRotation): an
 *  interruption damages the copy, never the site. SQLite3MultipleCiphers rekeys with a fresh
 *  salt only outside WAL mode, hence the rollback journal for the copy. */
export function reencryptCopy(file: string, oldKey: Uint8Array, newKey: Uint8Array): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    applyKey(db, oldKey);
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey="x'${hex(newKey)}'"`);
  } finally {
    db.close();
  }
}

/** An encrypted online copy of the database (same key), written with VACUUM INTO. */
export function vacuumInto(db: Db, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per connection (hot paths: search, opening a file,
 * the audit append). Compiling SQL costs more than running these small queries.
 */
export function prep(db: Db, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare(sql)));
  return s;
}
