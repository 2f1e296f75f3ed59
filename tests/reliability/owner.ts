/**
 * Child process for the reliability tests: owns a data folder as the desktop app or
 * `passeur serve` would (folder lock, control endpoint, HTTP host on loopback), unlocks it
 * as the admin, then, by mode:
 *   write   commits audited writes forever, printing the number of each committed one;
 *   rotate  creates a user, prints "ready", disables it with a key rotation, prints "done";
 *   idle    prints "ready" and waits.
 * Every mode first prints "port N" (the HTTP host).
 */
import { AppCore } from '../../src-main/api/app';
import { dispatch } from '../../src-main/api/dispatch';
import { appendAudit } from '../../src-main/store/audit';
import { ownFolder } from '../../src-main/host/control';
import { createHttpHost } from '../../src-main/host/http';
import { setQuiet } from '../../src-main/shared/log';
import { prep } from '../../src-main/store/database';
import { registry } from '../../src-main/modules';

setQuiet(true);
const [dir, password, mode, arg] = process.argv.slice(2) as [string, string, 'write' | 'rotate' | 'idle', string | undefined];
const app = new AppCore(dir, registry, 'serve');
await ownFolder(app, 'test');
const host = createHttpHost(app, { port: 0 });
process.stdout.write(`port ${await host.listen()}\n`);
const login = await dispatch(app, null, 'auth:login', { login: 'admin', password });
if (!login.result.ok) throw new Error(login.result.error.code);
const token = login.sessionToken!;

if (mode === 'write') {
  const start = Number(arg ?? 1);
  for (let i = start; ; i++) {
    // The current handle each time: a handed-over command may have reopened the database.
    const db = app.vault.db;
    db.transaction(() => {
      prep(db, 'INSERT INTO settings (key, value) VALUES (?, ?)').run(`crash-${i}`, 'x'.repeat(200));
      appendAudit(db, { userId: 1, action: 'settings.update', entity: 'settings', entityId: i });
    })();
    process.stdout.write(`${i}\n`);
    // Let the control endpoint and the HTTP host answer between writes.
    if (i % 10 === 0) await new Promise((r) => setImmediate(r));
  }
} else if (mode === 'rotate') {
  const name = arg ?? 'partant';
  const created = await dispatch(app, token, 'admin:createUser', { login: name, displayName: 'Compte partant', roles: ['ass'] });
  if (!created.result.ok) throw new Error(created.result.error.code);
  const id = (created.result.value as { user: { id: number } }).user.id;
  process.stdout.write('ready\n');
  const out = await dispatch(app, token, 'admin:disableUser', { userId: id, rotateKey: true });
  process.stdout.write(out.result.ok ? 'done\n' : `failed ${out.result.error.code}\n`);
  host.server.closeAllConnections();
  await host.close();
  app.close();
} else {
  process.stdout.write('ready\n');
  setInterval(() => {}, 1 << 30);
}
