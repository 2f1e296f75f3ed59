/** Child process for the crash test: unlocks the vault and commits audited writes forever,
 *  printing the number of each committed transaction. */
import { appendAudit } from '../../src-main/auth/audit';
import { setQuiet } from '../../src-main/shared/log';
import { Vault } from '../../src-main/store/vault';

setQuiet(true);
const [dir, password] = process.argv.slice(2) as [string, string];
const v = new Vault(dir);
await v.authenticate('admin', password);
const db = v.db;
const ins = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
for (let i = 1; ; i++) {
  db.transaction(() => {
    ins.run(`crash-${i}`, 'x'.repeat(200));
    appendAudit(db, { userId: 1, action: 'settings.update', entity: 'settings', entityId: i });
  })();
  process.stdout.write(`${i}\n`);
  if (i % 50 === 0) await new Promise((r) => setImmediate(r));
}
