/**
 * Keyring changes that must follow a committed database change. The database commits first,
 * durably, with the intent; the keyring follows; the intent is cleared last. An interruption
 * anywhere leaves the intent, which the next open carries out (Vault.openWith): a disabled
 * account never keeps its keyring entry, a rotation asked for is never dropped.
 */
import type { Db } from './database';

export interface DisableIntent {
  op: 'disable';
  /** The removed holder (lower case). */
  login: string;
  /** Change the database key as well. */
  rotate: boolean;
  /** The key check before the disable: once it has changed, the rotation is done. */
  keyCheckBefore: string;
}

/** One intent per account: a second disable never overwrites the first one's. */
const PREFIX = 'store.keyring_intent:';

export function setIntent(db: Db, intent: DisableIntent): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(PREFIX + intent.login, JSON.stringify(intent));
}

export function getIntent(db: Db, login: string): DisableIntent | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(PREFIX + login) as { value: string } | undefined;
  return row ? parse(row.value) : null;
}

/** Every pending intent, oldest account first. */
export function pendingIntents(db: Db): DisableIntent[] {
  const rows = db.prepare("SELECT value FROM settings WHERE key >= ? AND key < ? ORDER BY key").all(PREFIX, PREFIX + '\uffff') as { value: string }[];
  return rows.map((r) => parse(r.value)).filter((x): x is DisableIntent => x !== null);
}

export function clearIntent(db: Db, login: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(PREFIX + login);
}

function parse(text: string): DisableIntent | null {
  try {
    const v = JSON.parse(text) as DisableIntent;
    return v.op === 'disable' && typeof v.login === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Runs `fn` in a transaction whose commit is flushed to disk (synchronous = FULL) before
 *  anything outside the database depends on it. */
export function durably<T>(db: Db, fn: () => T): T {
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(fn)();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
