/**
 * Test set-up, run as a built script while no server owns the folder: makes a person's record
 * and first contacts two and a half years old, as time would. `node out/e2e/backdate.mjs
 * <data folder> <login> <password> <person id> <ISO instant>`.
 */
import { AppCore } from '../../src-main/api/app';
import { registry } from '../../src-main/modules';

const [dir, login, password, personId, at] = process.argv.slice(2) as [string, string, string, string, string];
const core = new AppCore(dir, registry);
await core.vault.authenticate(login, password);
core.vault.db.prepare('UPDATE persons SET created_at = ?, updated_at = ? WHERE id = ?').run(at, at, Number(personId));
core.vault.db.prepare('UPDATE first_contacts SET at = ? WHERE person_id = ?').run(at, Number(personId));
core.close();
