/**
 * Interoperability proof: a database written by Passeur is a real SQLCipher 4 database.
 * It is opened here by SQLCipher itself (@journeyapps/sqlcipher, built from the SQLCipher
 * sources), not by the library Passeur writes with.
 */
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../tests/helpers/tmp';
import { Vault } from './vault';

const require = createRequire(import.meta.url);
const sqlcipher = require('@journeyapps/sqlcipher') as {
  verbose(): unknown;
  Database: new (file: string, mode: number, cb: (err: Error | null) => void) => SqlcipherDb;
  OPEN_READONLY: number;
};
interface SqlcipherDb {
  serialize(fn: () => void): void;
  run(sql: string, cb?: (err: Error | null) => void): void;
  get(sql: string, cb: (err: Error | null, row: Record<string, unknown>) => void): void;
  close(cb?: (err: Error | null) => void): void;
}

function openWithSqlcipher(file: string, hexKey: string | null): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(file, sqlcipher.OPEN_READONLY, (err) => err && reject(err));
    db.serialize(() => {
      db.run('PRAGMA cipher_compatibility = 4');
      if (hexKey) db.run(`PRAGMA key = "x'${hexKey}'"`);
      db.get('SELECT name, code FROM site WHERE id = 1', (err, row) => {
        db.close();
        if (err) reject(err);
        else resolve(row);
      });
    });
  });
}

describe('SQLCipher 4 interoperability', () => {
  const dir = tmpDir();
  const vault = new Vault(dir);
  afterAll(() => vault.close());

  it('opens our file with the raw key and reads a known row; fails without it', async () => {
    await vault.init({
      siteName: 'MDS Castelsarrasin',
      siteCode: 'CSR',
      communes: [{ insee: '82033', name: 'Castelsarrasin' }],
      admin: { login: 'admin', displayName: 'Admin', password: 'un mot de passe long' },
    });
    // Checkpoint so the row is in the main file, as after any normal close.
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    const key = (vault as unknown as { key: Uint8Array }).key;
    const hex = Buffer.from(key).toString('hex');
    await expect(openWithSqlcipher(vault.dbFile, hex)).resolves.toEqual({ name: 'MDS Castelsarrasin', code: 'CSR' });
    await expect(openWithSqlcipher(vault.dbFile, null)).rejects.toThrow(/not a database|encrypted/);
    await expect(openWithSqlcipher(vault.dbFile, 'ab'.repeat(32))).rejects.toThrow(/not a database|encrypted/);
  });
});
