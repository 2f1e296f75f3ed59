/**
 * Test set-up, run as a built script while no server owns the folder: ages records as time
 * would. `node out/e2e/backdate.mjs <data folder> <login> <password> person <id> <ISO instant>`
 * ages a person's record and first contacts; `… dsu <id> <ISO instant>` ages a file's last
 * contact and its household's first contacts.
 */
import { AppCore } from '../../src-main/api/app';
import { registry } from '../../src-main/modules';

const [dir, login, password, what, id, at] = process.argv.slice(2) as [string, string, string, 'person' | 'dsu', string, string];
const core = new AppCore(dir, registry);
await core.vault.authenticate(login, password);
const db = core.vault.db;
if (what === 'person') {
  db.prepare('UPDATE persons SET created_at = ?, updated_at = ? WHERE id = ?').run(at, at, Number(id));
  db.prepare('UPDATE first_contacts SET at = ? WHERE person_id = ?').run(at, Number(id));
} else {
  db.prepare('UPDATE dsu SET last_contact_on = ?, opened_at = ? WHERE id = ?').run(at.slice(0, 10), at, Number(id));
  db.prepare('UPDATE first_contacts SET at = ? WHERE household_id = (SELECT household_id FROM dsu WHERE id = ?)').run(at, Number(id));
}
core.close();
