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

const KEY = 'store.keyring_intent';

export function setIntent(db: Db, intent: DisableIntent): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(intent));
}

export function getIntent(db: Db): DisableIntent | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  const v = JSON.parse(row.value) as DisableIntent;
  return v.op === 'disable' && typeof v.login === 'string' ? v : null;
}

export function clearIntent(db: Db): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(KEY);
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
