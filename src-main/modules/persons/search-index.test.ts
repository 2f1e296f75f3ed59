/**
 * The search index by field (migration 0010) on an existing encrypted store: a store whose
 * index is still the one text column (and without the indexes of the same step) is opened by this version; every live record gets its
 * row by field, the search answers exactly as on an index the application wrote itself, and a
 * person created, corrected or merged afterwards is found as she now is.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppCore } from '../../api/app';
import { dispatch } from '../../api/dispatch';
import { registry, type Channel, type Input, type Output } from '..';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../store/migrations';
import { newTeam, register, type Team } from '../../../tests/helpers/team';
import { indexFields, indexText } from './rules';

const SEARCH_FIELDS = MIGRATIONS.find((m) => m.name === '0010-search-fields')!;
const PASSWORD = 'phrase personnelle tres longue';

let team: Team;
let reopened: AppCore;

/**
 * The tables and views the steps after `version` create, found by migrating an empty store to
 * `version` then to the latest, and the columns they add to tables that were already there: the
 * test takes a store back to `version` by dropping them.
 */
function createdAfter(version: number): { objects: { type: string; name: string }[]; columns: { table: string; column: string }[] } {
  const probe = new Database(':memory:');
  const objects = () => probe.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'").all() as { type: string; name: string }[];
  const columnsOf = (table: string) => (probe.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
  migrate(probe, version);
  const known = new Map(objects().filter((o) => o.type === 'table').map((o) => [o.name, new Set(columnsOf(o.name))]));
  const knownNames = new Set(objects().map((o) => o.name));
  migrate(probe);
  const added = objects().filter((o) => !knownNames.has(o.name));
  const columns = [...known].flatMap(([table, had]) => columnsOf(table).filter((c) => !had.has(c)).map((column) => ({ table, column })));
  probe.close();
  return { objects: added, columns };
}
let token: string;
let respToken: string;
const ids: Record<string, number> = {};

async function must<C extends Channel>(tok: string, channel: C, input: Input<C>): Promise<Output<C>> {
  const out = await dispatch(reopened, tok, channel, input);
  if (!out.result.ok) throw new Error(`${channel}: ${out.result.error.message}`);
  return out.result.value as Output<C>;
}
const search = async (q: string) => (await must(token, 'persons:search', { q, limit: 50 })).results.map((r) => ({ id: r.id, reason: r.reason }));
const QUERIES = ['martin', 'mart', 'martin dubois', 'dubois', 'elodie', 'guerin', 'martn', 'oeuvray', 'lhopital', '12/03/1985', '1985', '06 12 34', 'hugo martin', 'saint jean'];

let before: Record<string, { id: number; reason: unknown }[]>;

beforeAll(async () => {
  team = await newTeam();
  const people = [
    { key: 'martin', birthName: 'MARTIN', firstNames: 'Hugo', phone: '06 12 34 56 78' },
    { key: 'compound', birthName: 'Martin-Dubois', firstNames: 'Élodie', birthDate: '1985-03-12' },
    { key: 'usage', birthName: 'Guérin', usageName: 'Martin', firstNames: 'Anne', sex: 'F' as const },
    { key: 'ligature', birthName: 'Œuvray', firstNames: 'Zoé' },
    { key: 'apostrophe', birthName: 'L’Hôpital', firstNames: 'Jean-Baptiste Louis' },
    { key: 'saint', birthName: 'Saint-Jean', firstNames: 'Marie' },
    { key: 'absorbed', birthName: 'Martinez', firstNames: 'Paul', birthDate: '1970-01-01' },
  ];
  for (const { key, ...p } of people) ids[key] = (await register(team, p)).person.id;
  // A record merged before the new version: it must stay out of the index.
  ids.kept = (await register(team, { birthName: 'Martinez', firstNames: 'Pablo', birthDate: '1971-05-05' })).person.id;
  await team.must(team.resp.token, 'persons:merge', { keepId: ids.kept, absorbId: ids.absorbed! });

  before = {};
  for (const q of QUERIES) before[q] = (await team.must(team.sec.token, 'persons:search', { q, limit: 50 })).results.map((r) => ({ id: r.id, reason: r.reason }));

  // The store as the previous version left it: one text column, the schema one step back.
  const db = team.app.vault.db;
  const rows = db.prepare('SELECT id, birth_name AS birthName, usage_name AS usageName, first_names AS firstNames, birth_date AS birthDate, phone FROM persons WHERE merged_into IS NULL').all() as Parameters<typeof indexText>[0][] & { id: number }[];
  db.exec(`DROP TABLE person_search;
    DROP INDEX persons_holder_by_household;
    DROP INDEX aid_requests_waiting;
    CREATE VIRTUAL TABLE person_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8', detail = 'none');`);
  const ins = db.prepare('INSERT INTO person_search (rowid, text) VALUES (?, ?)');
  for (const r of rows as (Parameters<typeof indexText>[0] & { id: number })[]) ins.run(r.id, indexText(r));
  // The steps after this one did not run yet either.
  const later = createdAfter(SEARCH_FIELDS.version);
  for (const o of later.objects.reverse()) db.exec(`DROP ${o.type === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS "${o.name}"`);
  for (const c of later.columns) db.exec(`ALTER TABLE "${c.table}" DROP COLUMN "${c.column}"`);
  db.pragma(`user_version = ${SEARCH_FIELDS.version - 1}`);
  const dir = team.dir;
  team.app.close();

  reopened = new AppCore(dir, registry);
  const login = async (l: string) => {
    const out = await dispatch(reopened, null, 'auth:login', { login: l, password: PASSWORD });
    if (!out.result.ok || !out.sessionToken) throw new Error(`login ${l}: ${out.result.ok ? '' : out.result.error.message}`);
    return out.sessionToken;
  };
  token = await login('sec');
  respToken = await login('resp');
}, 60_000);
afterAll(() => reopened?.close());

describe('migration 0010: the search index by field on an existing store', () => {
  it('rebuilds one row per live record, field by field, as the application writes it', () => {
    const db = reopened.vault.db;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const cols = db.prepare('SELECT * FROM person_search LIMIT 1').columns().map((c) => c.name);
    expect(cols).toEqual(['birth', 'usage', 'first', 'date', 'year', 'phone']);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'persons_holder_by_household'").get()).toEqual({ name: 'persons_holder_by_household' });
    const persons = db.prepare('SELECT id, birth_name AS birthName, usage_name AS usageName, first_names AS firstNames, birth_date AS birthDate, phone FROM persons WHERE merged_into IS NULL ORDER BY id').all() as (Parameters<typeof indexFields>[0] & { id: number })[];
    const index = db.prepare('SELECT rowid AS id, birth, usage, first, date, year, phone FROM person_search ORDER BY rowid').all();
    expect(index).toEqual(persons.map((p) => ({ id: p.id, ...indexFields(p) })));
    expect(index.some((r) => (r as { id: number }).id === ids.absorbed)).toBe(false);
    expect(index.find((r) => (r as { id: number }).id === ids.compound)).toMatchObject({ birth: 'martin dubois', first: 'elodie', date: '12031985', year: '1985' });
  });

  it('answers every search as before, same persons, same order, same reasons', async () => {
    for (const q of QUERIES) expect(await search(q), q).toEqual(before[q]);
    expect(before.martin!.length).toBeGreaterThan(3);
    expect(before['12/03/1985']).toEqual([{ id: ids.compound, reason: { kind: 'date', word: '12031985' } }]);
    expect(before.oeuvray).toEqual([{ id: ids.ligature, reason: { kind: 'nom_exact', word: 'oeuvray' } }]);
  });

  it('finds a person created, corrected or merged after it, as she now is', async () => {
    const created = await must(token, 'persons:create', {
      birthName: 'Nouvel-Arrivant',
      usageName: '',
      sex: '',
      firstNames: 'Inès',
      birthDate: '2001-07-14',
      phone: '07 77 66 55 44',
      email: '',
      household: { address: '3 rue Nouvelle', communeInsee: '82121', role: 'demandeur' },
      confirmNotDuplicate: true,
    });
    expect(await search('nouvel ines')).toEqual([{ id: created.person.id, reason: { kind: 'nom_debut', word: 'nouvel' } }]);
    expect(await search('arrivant')).toEqual([{ id: created.person.id, reason: { kind: 'nom', word: 'arrivant' } }]);
    expect(await search('07 77 66')).toEqual([{ id: created.person.id, reason: { kind: 'telephone', word: '077766' } }]);

    await must(token, 'persons:update', { id: ids.ligature!, birthName: 'Œuvray', usageName: 'Delmas', sex: 'F', firstNames: 'Zoé', birthDate: '1990-02-01', phone: '', email: '' });
    expect(await search('delmas')).toEqual([{ id: ids.ligature, reason: { kind: 'nom_exact', word: 'delmas' } }]);
    expect(await search('oeuvray 01/02/1990')).toEqual([{ id: ids.ligature, reason: { kind: 'nom_exact', word: 'oeuvray' } }]);

    await must(respToken, 'persons:merge', { keepId: ids.martin!, absorbId: ids.saint! });
    expect(await search('saint jean')).toEqual([]);
    expect((await search('hugo martin')).map((r) => r.id)).toEqual([ids.martin]);
    const unmerged = (await must(respToken, 'persons:merges', {})).find((m) => m.absorbed.id === ids.saint)!;
    await must(respToken, 'persons:unmerge', { mergeId: unmerged.id });
    expect(await search('saint jean')).toEqual(before['saint jean']);
  });
});
