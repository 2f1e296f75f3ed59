/**
 * Foundation benchmark: what every later screen pays. Unlock (Argon2id + unseal + open +
 * page check), an authorized read through the dispatcher, and an audited write — the last
 * two also on a plain (unencrypted) SQLite database with the same schema, as a ratio.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppCore } from '../../src-main/api/app';
import { dispatch } from '../../src-main/api/dispatch';
import { appendAudit } from '../../src-main/auth/audit';
import { migrate } from '../../src-main/store/migrations';
import { Vault } from '../../src-main/store/vault';
import { setQuiet } from '../../src-main/shared/log';
import { report, result, time, timeAsync, type BenchResult } from './stats';

const PASSWORD = 'une longue phrase secrète';

export async function main(argv: string[]): Promise<void> {
  setQuiet(true);
  const json = argv.includes('--json');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-bench-'));
  const results: BenchResult[] = [];
  try {
    const app = new AppCore(dir);
    await app.vault.init({ siteName: 'MDS Bench', siteCode: 'BEN', communes: [{ insee: '82121', name: 'Montauban' }], admin: { login: 'admin', displayName: 'Admin', password: PASSWORD } });
    const login = await dispatch(app, null, 'auth:login', { login: 'admin', password: PASSWORD });
    const token = login.sessionToken!;
    // Each account costs one Argon2id derivation (its keyring holder): 60 is a large site.
    for (let i = 0; i < 60; i++) {
      await dispatch(app, token, 'admin:createUser', { login: `u${i}`, displayName: `Personne ${i}`, roles: i % 2 ? ['ass'] : ['secretaire'] });
    }

    // A plain database with the same schema and rows, for the ratio.
    const plain = new Database(path.join(dir, 'plain.db'));
    plain.pragma('journal_mode = WAL');
    plain.pragma('foreign_keys = ON');
    plain.pragma('cache_size = -65536');
    migrate(plain);
    plain.exec(`ATTACH DATABASE '' AS scratch`);
    const copy = app.vault.db.prepare('SELECT id, login, display_name, must_change_password, disabled_at, created_at FROM users').all();
    const insUser = plain.prepare('INSERT INTO users VALUES (@id, @login, @display_name, @must_change_password, @disabled_at, @created_at)');
    plain.transaction(() => copy.forEach((u) => insUser.run(u)))();
    const roles = app.vault.db.prepare('SELECT * FROM user_roles').all();
    const insRole = plain.prepare('INSERT INTO user_roles VALUES (@user_id, @role)');
    plain.transaction(() => roles.forEach((r) => insRole.run(r)))();

    const listUsers = `SELECT u.id, u.login, u.display_name, (SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles FROM users u ORDER BY u.display_name`;
    const encList = time(500, () => app.vault.db.prepare(listUsers).all());
    const plainList = time(500, () => plain.prepare(listUsers).all());
    results.push(result('liste des comptes (61), SQL', encList, plainList));

    const dispatched = await timeAsync(500, () => dispatch(app, token, 'admin:listUsers', {}));
    results.push(result('admin:listUsers via le dispatcher (validation + rôles + sortie)', dispatched));

    const write = (db: Database.Database) => (i: number) =>
      db.transaction(() => {
        db.prepare("INSERT INTO settings (key, value) VALUES (?, 'x') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(`k${i % 50}`);
        appendAudit(db, { userId: 1, action: 'settings.update', entity: 'settings' });
      })();
    const encWrite = time(1000, write(app.vault.db));
    const plainWrite = time(1000, write(plain));
    results.push(result('écriture + ligne d’audit chaînée, une transaction', encWrite, plainWrite));
    plain.close();
    app.close();

    const unlock = await timeAsync(8, async () => {
      const v = new Vault(dir);
      await v.authenticate('admin', PASSWORD);
      v.close();
    });
    results.push(result('déverrouillage (Argon2id + descellement + ouverture + contrôle des pages)', unlock));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  report(results, json);
}
