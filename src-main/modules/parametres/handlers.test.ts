import { afterEach, describe, expect, it } from 'vitest';
import { hashDir } from '../../../tests/helpers/tmp';
import { newSite } from '../../../tests/helpers/site';
import { dispatch } from '../../api/dispatch';
import { storeParameters } from '../../store/parameters';
import { parameterDefinition, PARAMETER_IDS, VALUE_SCHEMAS } from '../../shared/parameters';
import { readImport } from './handlers';

const NOW = () => new Date('2026-11-30T10:00:00Z');
let sites: Awaited<ReturnType<typeof newSite>>[] = [];
async function site() {
  const s = await newSite(undefined, NOW);
  sites.push(s);
  return s;
}
afterEach(() => {
  for (const s of sites) s.app.close();
  sites = [];
});

const BAREME_2027 = {
  tranches: [
    { upTo_cents: 452000, fraction: [1, 20] },
    { upTo_cents: 880000, fraction: [1, 10] },
    { upTo_cents: 1310000, fraction: [1, 5] },
    { upTo_cents: 1740000, fraction: [1, 4] },
    { upTo_cents: 2170000, fraction: [1, 3] },
    { upTo_cents: 2600000, fraction: [2, 3] },
    { upTo_cents: null, fraction: [1, 1] },
  ],
  perDependant_cents: 176000,
};
const SOURCE = 'Décret révisant le barème des saisies, en vigueur le 1er janvier 2027';

/** A refused call leaves the data folder byte-for-byte as it was. */
async function refusedUnchanged(s: Awaited<ReturnType<typeof newSite>>, token: string, channel: string, input: unknown, code: string) {
  s.app.vault.db.pragma('wal_checkpoint(TRUNCATE)');
  const before = hashDir(s.dir);
  const { result } = await dispatch(s.app, token, channel, input);
  expect(result).toMatchObject({ ok: false, error: { code } });
  s.app.vault.db.pragma('wal_checkpoint(TRUNCATE)');
  expect(hashDir(s.dir)).toEqual(before);
  return result.ok ? null : result.error;
}

describe('the shipped files', () => {
  it('every entry of every file passes its parameter’s schema', () => {
    for (const id of PARAMETER_IDS) for (const e of parameterDefinition(id).entries) expect(VALUE_SCHEMAS[id].safeParse(e.value).success, `${id} ${e.from}`).toBe(true);
  });
});

describe('the store lookup', () => {
  it('adds the administrator’s entries to the files: the warning goes once next year’s barème is in', async () => {
    const s = await site();
    const lookup = storeParameters(s.app.vault.db);
    expect(lookup('bareme_saisies', '2027-01-02').warning).toMatch(/Barème des saisies.*01\/01\/2027/);
    await s.must(s.adminToken, 'params:addEntry', { id: 'bareme_saisies', from: '2027-01-01', value: BAREME_2027, source: SOURCE });
    const after = s.app.parameters('bareme_saisies', '2027-01-02');
    expect(after.warning).toBeNull();
    expect(after.value.perDependant_cents).toBe(176000);
    expect(after.source).toBe(SOURCE);
    // The day before, the 2026 entry of the file is still the one in force.
    expect(s.app.parameters('bareme_saisies', '2026-12-31').value.perDependant_cents).toBe(174000);
  });

  it('an entry on the day of a file’s entry replaces it; the file’s stays in the history', async () => {
    const s = await site();
    const corrected = { ...BAREME_2027, perDependant_cents: 174100 };
    const out = await s.must(s.adminToken, 'params:addEntry', { id: 'bareme_saisies', from: '2026-01-01', value: corrected, source: 'Rectificatif' });
    expect(s.app.parameters('bareme_saisies', '2026-06-01').value.perDependant_cents).toBe(174100);
    const onDay = out.entries.filter((e) => e.from === '2026-01-01');
    expect(onDay.map((e) => [e.origin, e.replaced, e.inForceToday])).toEqual([
      ['fichier', true, false],
      ['ajout', false, true],
    ]);
    expect(onDay[1]!.addedBy?.displayName).toBe('Camille Admin');
  });

  it('the app’s computations read it: the retention of files follows an entry the administrator added', async () => {
    const s = await site();
    const resp = await s.userWith('resp', ['responsable']);
    expect(await s.must(resp.token, 'dsu:retention', {})).toMatchObject({ limitDate: '2024-11-30' });
    await s.must(s.adminToken, 'params:addEntry', { id: 'dsu_retention', from: '2026-11-01', value: { years: 3 }, source: 'Référentiel révisé' });
    expect(await s.must(resp.token, 'dsu:retention', {})).toMatchObject({ limitDate: '2023-11-30', source: 'Référentiel révisé' });
  });

  it('a day before the first entry is an explicit error, with the store too', async () => {
    const s = await site();
    expect(() => s.app.parameters('rsa_forfaitaire', '2025-03-31')).toThrow(/aucune valeur connue au 31\/03\/2025/);
  });
});

describe('params:list', () => {
  it('lists every parameter with its entry in force, its next renewal and the overdue warning', async () => {
    const s = await site();
    const { today, parameters } = await s.must(s.adminToken, 'params:list', {});
    expect(today).toBe('2026-11-30');
    expect(parameters.map((p) => p.id).sort()).toEqual([...PARAMETER_IDS].sort());
    const rsa = parameters.find((p) => p.id === 'rsa_forfaitaire')!;
    expect(rsa).toMatchObject({ nextRenewal: '2026-04-01', overdue: true, current: { from: '2025-04-01' } });
    expect(rsa.current?.warning).toMatch(/Revenu de solidarité active.*01\/04\/2026/);
    const bareme = parameters.find((p) => p.id === 'bareme_saisies')!;
    expect(bareme).toMatchObject({ nextRenewal: '2027-01-01', overdue: false, current: { from: '2026-01-01', warning: null } });
    expect(bareme.entries.map((e) => [e.from, e.origin, e.inForceToday])).toEqual([
      ['2025-01-01', 'fichier', false],
      ['2026-01-01', 'fichier', true],
    ]);
    expect(parameters.find((p) => p.id === 'recours_delai')).toMatchObject({ nextRenewal: null, overdue: false });
  });
});

describe('params:addEntry refuses a bad entry, naming each field, and writes nothing', () => {
  it('tranches out of order, a fraction above 1, a closed last tranche, no source', async () => {
    const s = await site();
    const bad = structuredClone(BAREME_2027) as { tranches: { upTo_cents: number | null; fraction: number[] }[]; perDependant_cents: number };
    bad.tranches[2]!.upTo_cents = 800000;
    bad.tranches[1]!.fraction = [3, 2];
    bad.tranches[6]!.upTo_cents = 9000000;
    bad.perDependant_cents = 12.5;
    const err = await refusedUnchanged(s, s.adminToken, 'params:addEntry', { id: 'bareme_saisies', from: '2027-01-01', value: bad, source: ' ' }, 'invalid_input');
    expect(err?.fields).toMatchObject({
      'value.tranches.2.upTo_cents': 'Tranche 3 : le seuil doit être supérieur à celui de la tranche 2.',
      'value.tranches.1.fraction': expect.stringMatching(/^Tranche 2 : la fraction doit être comprise entre 0 et 1/),
      'value.tranches.6.upTo_cents': expect.stringMatching(/^Tranche 7 : la dernière tranche n’a pas de seuil/),
      'value.perDependant_cents': expect.stringMatching(/^Majoration par personne à charge : le montant s’exprime en centimes entiers/),
    });
    expect(err?.fields?.source ?? err?.message).toMatch(/Source : à renseigner/);
  });

  it('RSA amounts must be three positive cents each', async () => {
    const s = await site();
    const err = await refusedUnchanged(
      s,
      s.adminToken,
      'params:addEntry',
      { id: 'rsa_forfaitaire', from: '2026-04-01', value: { alone_cents: [65000, -1, 117000], couple_cents: [97500, 117000], perFurtherChild_cents: 26000 }, source: 'Décret' },
      'invalid_input',
    );
    expect(err?.fields).toMatchObject({
      'value.alone_cents.1': 'Personne seule avec 1 enfant : doit être supérieur à zéro.',
      'value.couple_cents': expect.stringMatching(/^Couple : trois montants sont attendus/),
    });
  });

  it('a day between two known entries is refused; an unreal date too', async () => {
    const s = await site();
    const err = await refusedUnchanged(s, s.adminToken, 'params:addEntry', { id: 'bareme_saisies', from: '2025-07-01', value: BAREME_2027, source: SOURCE }, 'invalid_input');
    expect(err?.fields?.from).toMatch(/postérieure à la dernière valeur connue .* \(01\/01\/2026\)/);
    const unreal = await refusedUnchanged(s, s.adminToken, 'params:addEntry', { id: 'recours_delai', from: '2027-02-30', value: { months: 2 }, source: SOURCE }, 'invalid_input');
    expect(unreal?.message).toMatch(/n’existe pas/);
  });

  it('only an administrator lists or adds entries', async () => {
    const s = await site();
    for (const roles of [['responsable'], ['ass'], ['cesf'], ['secretaire']] as const) {
      const u = await s.userWith(`u.${roles[0]}`, [...roles]);
      await refusedUnchanged(s, u.token, 'params:addEntry', { id: 'bareme_saisies', from: '2027-01-01', value: BAREME_2027, source: SOURCE }, 'forbidden');
      await refusedUnchanged(s, u.token, 'params:import', { text: JSON.stringify({ id: 'bareme_saisies', entries: [{ from: '2027-01-01', value: BAREME_2027, source: SOURCE }] }) }, 'forbidden');
      expect(await s.call(u.token, 'params:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('an added entry is audited and cannot be edited nor deleted in the store', async () => {
    const s = await site();
    await s.must(s.adminToken, 'params:addEntry', { id: 'bareme_saisies', from: '2027-01-01', value: BAREME_2027, source: SOURCE });
    const db = s.app.vault.db;
    const audit = db.prepare("SELECT action, entity, entity_id AS entityId FROM audit_log WHERE action = 'params.add'").all();
    expect(audit).toEqual([{ action: 'params.add', entity: 'parameter', entityId: 'bareme_saisies' }]);
    expect(() => db.prepare("UPDATE parameter_entries SET source = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM parameter_entries').run()).toThrow(/append-only/);
  });
});

describe('params:import', () => {
  const file = (entries: unknown[]) => JSON.stringify([{ id: 'bareme_saisies', entries }, { id: 'rsa_forfaitaire', entries: [{ from: '2026-04-01', value: { alone_cents: [65000, 97500, 117000], couple_cents: [97500, 117000, 136500], perFurtherChild_cents: 26000 }, source: 'Décret de revalorisation du RSA' }] }]);

  it('all or nothing: one bad entry and nothing is added, every problem listed with its path', async () => {
    const s = await site();
    const bad = { ...BAREME_2027, tranches: BAREME_2027.tranches.map((t, i) => (i === 3 ? { ...t, upTo_cents: 100 } : t)) };
    s.app.vault.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = hashDir(s.dir);
    const out = await s.must(s.adminToken, 'params:import', { text: file([{ from: '2027-01-01', value: bad, source: SOURCE }, { from: '2027-13-01', value: BAREME_2027, source: SOURCE }]) });
    expect(out.added).toBe(0);
    expect(out.errors).toEqual(
      expect.arrayContaining([
        { path: '[0].entries[0].value.tranches.3.upTo_cents', message: 'Tranche 4 : le seuil doit être supérieur à celui de la tranche 3.' },
        { path: '[0].entries[1].from', message: expect.stringMatching(/^En vigueur à partir du : /) },
      ]),
    );
    s.app.vault.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(hashDir(s.dir)).toEqual(before);
  });

  it('adds every entry of a good file, audited once; the same file again adds nothing', async () => {
    const s = await site();
    const text = file([{ from: '2027-01-01', value: BAREME_2027, source: SOURCE }]);
    expect(await s.must(s.adminToken, 'params:import', { text })).toEqual({ added: 2, known: 0, errors: [] });
    expect(s.app.parameters('rsa_forfaitaire', '2026-11-30').warning).toBeNull();
    expect(s.app.parameters('bareme_saisies', '2027-02-01').value.perDependant_cents).toBe(176000);
    expect(await s.must(s.adminToken, 'params:import', { text })).toEqual({ added: 0, known: 2, errors: [] });
    expect(s.app.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'params.import'").get()).toEqual({ n: 1 });
  });

  it('names an unreadable file, an unknown parameter and a missing list of entries', () => {
    const none = () => [];
    expect(readImport('{ pas du json', none).errors[0]?.message).toMatch(/pas un JSON lisible/);
    expect(readImport(JSON.stringify({ id: 'smic', entries: [] }), none).errors).toEqual([{ path: 'id', message: expect.stringMatching(/Paramètre inconnu « smic »/) }]);
    expect(readImport(JSON.stringify([{ id: 'rsa_forfaitaire' }]), none).errors).toEqual([{ path: '[0].entries', message: expect.stringMatching(/^Entrées : /) }]);
  });
});

describe('« Mes échéances » of the administrator', () => {
  it('lists the RSA overdue and the barème due within its lead time, and drops the barème once next year’s entry is in', async () => {
    const s = await site();
    const mine = async () => (await s.must(s.adminToken, 'tasks:mine', {})).items.filter((t) => t.module === 'parametres');
    expect(await mine()).toEqual([
      { module: 'parametres', kind: 'renewal', due: '2026-04-01', label: parameterDefinition('rsa_forfaitaire').label, href: '#/admin/parametres-legaux/rsa_forfaitaire', overdue: true },
      { module: 'parametres', kind: 'renewal', due: '2027-01-01', label: parameterDefinition('bareme_saisies').label, href: '#/admin/parametres-legaux/bareme_saisies', overdue: false },
    ]);
    await s.must(s.adminToken, 'params:addEntry', { id: 'bareme_saisies', from: '2027-01-01', value: BAREME_2027, source: SOURCE });
    expect((await mine()).map((t) => t.href)).toEqual(['#/admin/parametres-legaux/rsa_forfaitaire']);
    const list = await s.must(s.adminToken, 'params:list', {});
    expect(list.parameters.find((p) => p.id === 'bareme_saisies')).toMatchObject({ nextRenewal: '2028-01-01', overdue: false, toRenew: false });
  });

  it('shows nothing of it to other roles', async () => {
    const s = await site();
    const resp = await s.userWith('resp', ['responsable']);
    expect((await s.must(resp.token, 'tasks:mine', {})).items.filter((t) => t.module === 'parametres')).toEqual([]);
  });
});
