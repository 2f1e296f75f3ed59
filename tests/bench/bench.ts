/**
 * Benchmarks, printed (never asserted). Foundation: unlock (Argon2id + unseal + open + page
 * check), an authorized read through the dispatcher, an audited write. Front desk and DSU,
 * on a generated site (70,000 persons, 30,000 households, 400,000 journal entries):
 * search as you type, opening a DSU with its last 50 entries, recording a first contact
 * with its audit row. Each SQL-level figure is also measured on a plain (unencrypted)
 * SQLite copy with the same schema, rows and settings, as a ratio.
 *
 * Aides financières: see `aides.ts` (evaluation, the responsable's queue, replay).
 * Surendettement: see `surendettement.ts` (capacity to repay, deadlines; pure rules) and
 * `surendettement-files.ts` (a CESF's 300 open files with their next deadline, on the site).
 * Expulsions: see `expulsions.ts` (the eviction procedure's dates; pure rules).
 * Protection evaluations: see `protection-evaluations.ts` (an ASS's 400 evaluations, the year's statistics sheets).
 *
 * `--small`: a site ten times smaller (quick check). `--search-detail`: the slowest saisies.
 * `--surendettement`: the surendettement rules only (seconds, no site generated).
 * `--expulsions`: the eviction dates only (seconds, no site generated).
 * `--team`: team mode only — 20 workstations over mutual TLS to a host (`team-workstations.ts`).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppCore } from '../../src-main/api/app';
import { dispatch } from '../../src-main/api/dispatch';
import { appendAudit } from '../../src-main/store/audit';
import { migrate } from '../../src-main/store/migrations';
import { Vault } from '../../src-main/store/vault';
import { setQuiet } from '../../src-main/shared/log';
import { report, result, time, timeAsync, timePair, timePairAsync, type BenchResult } from './stats';
import { FULL, generate, searchQueries, type SiteSize } from './generate';
import type { CallContext } from '../../src-main/api/dispatch';
import type { Session } from '../../src-main/auth/sessions';
import { tune } from '../../src-main/store/database';
import { storeParameters } from '../../src-main/store/parameters';
import { personsHandlers } from '../../src-main/modules/persons/handlers';
import { dsuHandlers } from '../../src-main/modules/dsu/handlers';
import { intakeHandlers } from '../../src-main/modules/intake/handlers';
import { rdvHandlers } from '../../src-main/modules/rdv/handlers';
import { aidesBench } from './aides';
import { surendettementBench } from './surendettement';
import { expulsionsBench } from './expulsions';
import { surendettementFilesBench } from './surendettement-files';
import { expulsionsCasesBench } from './expulsions-cases';
import { protectionBench } from './protection-evaluations';
import { registry } from '../../src-main/modules';
import { teamBench } from './team-workstations';

export { teamHostChild } from './team-workstations';

const PASSWORD = 'une longue phrase secrète';

export async function main(argv: string[]): Promise<void> {
  setQuiet(true);
  const json = argv.includes('--json');
  if (argv.includes('--surendettement')) {
    report(surendettementBench(), json);
    return;
  }
  if (argv.includes('--expulsions')) {
    report(expulsionsBench(), json);
    return;
  }
  if (argv.includes('--team')) {
    await team(json);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-bench-'));
  const results: BenchResult[] = [];
  try {
    const app = new AppCore(dir, registry);
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
    results.push(...surendettementBench());
    results.push(...expulsionsBench());
    const small = { persons: 7_000, households: 3_000, journal: 40_000, dsuShare: 0.75 };
    results.push(...(await accueil(dir, argv.includes('--small') ? small : FULL, json, argv.includes('--search-detail'))));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  report(results, json);
  await team(json);
}

/** Team mode: 20 workstations over mutual TLS (tests/bench/team-workstations.ts); its host's load as one more line. */
async function team(json: boolean): Promise<void> {
  const { results, summary } = await teamBench((m) => !json && process.stderr.write(`${m}\n`));
  report(results, json);
  process.stdout.write(json ? JSON.stringify(summary) + '\n' : `${Object.entries(summary).map(([k, v]) => `${k}=${String(v)}`).join('  ')}\n`);
}

/** The handlers of the real app, called on a given connection with a given session. */
function ctxFor(db: Database.Database, userId: number, roles: Session['roles'], now: Date): CallContext {
  const session: Session = { token: 'bench', userId, login: `u${userId}`, roles, mustChangePassword: false, locked: false, createdAt: 0, lastSeen: 0 };
  // The legal parameters as a handler reads them (`ctx.app.parameters`): the files plus the store's entries.
  return { app: { vault: { db }, modules: registry, get parameters() { return storeParameters(db); } } as unknown as AppCore, session, now, setSession: () => {} };
}

const PROFESSIONALS = [2, 3, 4, 5, 6, 7, 8, 9];
const SECRETAIRE = 10;

/** Users of the generated site, with the same ids in both databases. */
function seedUsers(db: Database.Database): void {
  const insUser = db.prepare("INSERT INTO users (id, login, display_name, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:00Z')");
  const insRole = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  db.transaction(() => {
    for (const id of PROFESSIONALS) {
      insUser.run(id, `pro${id}`, `Professionnel ${id}`);
      insRole.run(id, id % 3 === 0 ? 'cesf' : 'ass');
    }
    // The first professional also leads the site: the validation queue is timed under that session.
    insRole.run(PROFESSIONALS[0]!, 'responsable');
    insUser.run(SECRETAIRE, 'accueil', 'Secrétaire');
    insRole.run(SECRETAIRE, 'secretaire');
  })();
}

async function accueil(dir: string, size: SiteSize, json: boolean, detail: boolean): Promise<BenchResult[]> {
  const say = (m: string) => !json && process.stderr.write(`${m}\n`);
  const results: BenchResult[] = [];
  const siteDir = path.join(dir, 'site');
  fs.mkdirSync(siteDir);
  const app = new AppCore(siteDir, registry);
  const communes = [
    { insee: '82121', name: 'Montauban' },
    { insee: '82112', name: 'Lamothe-Capdeville' },
    { insee: '82125', name: 'Montech' },
  ];
  await app.vault.init({ siteName: 'MDS Bench', siteCode: 'BEN', communes, admin: { login: 'admin', displayName: 'Admin', password: PASSWORD } });
  const enc = app.vault.db;
  const plain = new Database(path.join(dir, 'plain-site.db'));
  tune(plain);
  migrate(plain);
  plain.prepare("INSERT INTO site (id, name, code, created_at) VALUES (1, 'MDS Bench', 'BEN', '2026-01-01T00:00:00Z')").run();
  plain.prepare("INSERT INTO users (id, login, display_name, created_at) VALUES (1, 'admin', 'Admin', '2026-01-01T00:00:00Z')").run();
  const insCommune = plain.prepare('INSERT INTO communes (insee, name) VALUES (?, ?)');
  for (const c of communes) insCommune.run(c.insee, c.name);
  const t = Date.now();
  // The same seed gives the same site in both databases.
  for (const db of [enc, plain]) {
    seedUsers(db);
    generate(db, size, PROFESSIONALS);
    db.pragma('optimize');
  }
  say(`site généré (${size.persons} personnes, ${size.households} foyers, ${size.journal} entrées de journal, deux bases) en ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const now = new Date('2026-11-23T10:00:00');
  const queries = searchQueries(enc, 1000);
  const search = (db: Database.Database) => {
    const ctx = ctxFor(db, SECRETAIRE, ['secretaire'], now);
    return (i: number) => personsHandlers['persons:search'](ctx, { q: queries[i % queries.length]!, limit: 50 });
  };
  // One warm-up pass each: the page cache holds the working set of a day at the desk.
  time(queries.length, search(enc));
  time(queries.length, search(plain));
  results.push(result('recherche à la frappe (1 000 saisies réalistes : préfixes, accents, fautes, dates, téléphones)', ...timePair(queries.length, search(enc), search(plain))));
  if (detail) {
    const ctx = ctxFor(enc, SECRETAIRE, ['secretaire'], now);
    const timed = queries.map((q) => {
      const t0 = process.hrtime.bigint();
      const out = personsHandlers['persons:search'](ctx, { q, limit: 50 });
      return { q, ms: Number(process.hrtime.bigint() - t0) / 1e6, n: out.results.length };
    });
    timed.sort((a, b) => b.ms - a.ms);
    for (const x of timed.slice(0, 30)) process.stderr.write(`${x.ms.toFixed(2)} ms  ${x.n}  ${x.q}\n`);
  }
  // A real secretaire's session (each call checks the account in the database).
  const token = app.sessions.create({ userId: SECRETAIRE, login: 'accueil', roles: ['secretaire'], mustChangePassword: false }).token;
  const probe = await dispatch(app, token, 'persons:search', { q: queries[0]! });
  if (!probe.result.ok) throw new Error(`persons:search refusé dans la mesure : ${probe.result.error.code}`);
  results.push(result('persons:search via le dispatcher (validation, rôle, forme de la réponse)', await timeAsync(queries.length, (i) => dispatch(app, token, 'persons:search', { q: queries[i]! }))));

  const dsus = enc.prepare('SELECT id, referent_id AS r FROM dsu ORDER BY random() LIMIT 1000').all() as { id: number; r: number }[];
  const open = (db: Database.Database) => (i: number) => {
    const d = dsus[i % dsus.length]!;
    const ctx = ctxFor(db, d.r, ['ass'], now);
    // The file and the two panels the page asks for beside it (first contacts, appointments).
    const file = dsuHandlers['dsu:get'](ctx, { id: d.id });
    intakeHandlers['intake:forDsu'](ctx, { dsuId: d.id });
    rdvHandlers['rdv:forDsu'](ctx, { dsuId: d.id });
    return file;
  };
  time(200, open(enc));
  time(200, open(plain));
  results.push(result('ouverture d’un DSU (50 dernières entrées, foyer, documents, consentements ; panneaux premiers accueils et RDV) + ligne d’audit', ...timePair(dsus.length, open(enc), open(plain))));

  // Recording a first contact is measured as the app does it: through the dispatcher
  // (validation, session, role, handler, one transaction with its audit row, output).
  const persons = (enc.prepare('SELECT id FROM persons ORDER BY random() LIMIT 1000').all() as { id: number }[]).map((p) => p.id);
  app.clock = () => now;
  // The same dispatcher on the plain copy: what it reads of the core (the account check on every call included).
  const plainApp = { vault: { db: plain, isOpen: () => true }, modules: app.modules, channels: app.channels, sessions: app.sessions, clock: () => now, emit: () => {}, broadcast: () => {} } as unknown as AppCore;
  const secToken = app.sessions.create({ userId: SECRETAIRE, login: 'accueil', roles: ['secretaire'], mustChangePassword: false }).token;
  const record = (target: AppCore) => (i: number) =>
    dispatch(target, secToken, 'intake:record', {
      personId: persons[i % persons.length]!,
      mode: i % 2 ? 'telephone' : 'presentiel',
      motifs: ['aide_financiere', 'budget_dettes'],
      urgent: false,
      request: 'Facture d’énergie impayée, demande d’aide.',
      outcome: 'information',
    }).then((out) => {
      if (!out.result.ok) throw new Error(out.result.error.message);
    });
  results.push(result('premier accueil enregistré via le dispatcher (contact, motifs, ligne d’audit, une transaction)', ...(await timePairAsync(persons.length, record(app), record(plainApp)))));
  // The same, handler only: the fixed cost of encryption (about 20 µs a page written) weighs more.
  const recordSql = (db: Database.Database) => {
    const ctx = ctxFor(db, SECRETAIRE, ['secretaire'], now);
    return (i: number) =>
      intakeHandlers['intake:record'](ctx, {
        personId: persons[i % persons.length]!,
        mode: 'telephone',
        motifs: ['aide_financiere'],
        urgent: false,
        urgencyReason: '',
        request: 'Demande de renseignement.',
        outcome: 'information',
        partnerId: null,
        appointment: null,
        referentId: null,
      });
  };
  results.push(result('premier accueil, gestionnaire seul (transaction SQL + audit)', ...timePair(persons.length, recordSql(enc), recordSql(plain))));

  // The floor under every write: committing one row (one page) in each database.
  const commit = (db: Database.Database) => {
    const stmt = db.prepare("INSERT INTO settings (key, value) VALUES ('bench', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    return (i: number) => stmt.run(String(i));
  };
  results.push(result('validation d’une transaction d’une ligne (coût fixe du chiffrement d’une page)', ...timePair(1000, commit(enc), commit(plain))));

  const list = (db: Database.Database) => () => dsuHandlers['dsu:list'](ctxFor(db, PROFESSIONALS[0]!, ['responsable'], now), { scope: 'site' });
  const dsuCount = (enc.prepare('SELECT count(*) AS n FROM dsu').get() as { n: number }).n;
  results.push(result(`liste des DSU du site (${dsuCount} lignes, pour le tableau virtualisé)`, ...timePair(20, list(enc), list(plain))));
  results.push(...aidesBench(enc, plain, now, ctxFor, PROFESSIONALS, say));
  results.push(...surendettementFilesBench(enc, plain, now, ctxFor, PROFESSIONALS.find((id) => id % 3 === 0)!, say));
  results.push(...expulsionsCasesBench(enc, plain, now, ctxFor, PROFESSIONALS.find((id) => id % 3 === 0)!, say));
  results.push(...(await protectionBench(enc, plain, now, ctxFor, PROFESSIONALS[2]!, PROFESSIONALS[1]!, PROFESSIONALS[0]!, say)));
  // The queue as the responsable's screen receives it: validation, role, the contract shaping 2,000 rows.
  const respToken = app.sessions.create({ userId: PROFESSIONALS[0]!, login: 'resp', roles: ['responsable'], mustChangePassword: false }).token;
  results.push(result('aid:queue via le dispatcher (forme de la réponse comprise)', await timeAsync(100, () => dispatch(app, respToken, 'aid:queue', {}))));
  plain.close();
  // Last: it closes and reopens the connection (the copy re-encrypted beside the live file).
  const mib = (fs.statSync(app.vault.dbFile).size / 2 ** 20).toFixed(0);
  results.push(result(`changement de clé de la base (${mib} Mio : copie, rechiffrement, contrôle des pages, bascule)`, await timeAsync(3, () => app.vault.rotateKey())));
  app.close();
  return results;
}
