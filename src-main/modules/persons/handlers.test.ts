import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDir } from '../../../tests/helpers/tmp';
import { newTeam, register, type Team } from '../../../tests/helpers/team';
import type { PersonCard } from '../../modules';

let team: Team;
let marie: PersonCard;
beforeAll(async () => {
  team = await newTeam();
  marie = await register(team, { birthName: 'Dupont', usageName: 'Martin', firstNames: 'Marie-Hélène', birthDate: '1985-03-12', phone: '06 12 34 56 78' });
  await register(team, { birthName: 'Lefèvre', firstNames: 'Jérôme', birthDate: '1970-07-01' });
  await register(team, { birthName: "N'Diaye", firstNames: 'Awa', birthDate: '1992-11-30', phone: '0700000000' });
});
afterAll(() => team?.app.close());

const search = async (q: string) => (await team.must(team.sec.token, 'persons:search', { q })).results;

describe('persons:search', () => {
  it.each([
    ['birth name, any case', 'DUPONT'],
    ['usage name', 'martin'],
    ['first name without accent or hyphen', 'marie helene'],
    ['word order', 'helene dupont'],
    ['a prefix of two letters', 'du'],
    ['birth date as typed', '12/03/1985'],
    ['birth year', '1985'],
    ['part of the phone', '06 12 34'],
    ['one typo', 'dupnot'],
    ['one typo and a first name', 'maire dupont'],
  ])('finds the person by %s', async (_what, q) => {
    expect((await search(q)).map((r) => r.id)).toContain(marie.person.id);
  });

  it('ignores apostrophes and accents in the stored name', async () => {
    expect((await search('ndiaye')).map((r) => r.firstNames)).toEqual(['Awa']);
    expect((await search('lefevre jerome')).map((r) => r.birthName)).toEqual(['Lefèvre']);
  });

  it('does not match two typos or a wrong birth date', async () => {
    expect(await search('dxpnot')).toEqual([]);
    expect(await search('dupont 1986')).toEqual([]);
  });

  it('answers the front desk with identity and DSU reference only', async () => {
    const [hit] = await search('dupont');
    expect(Object.keys(hit!).sort()).toEqual(['birthDate', 'birthName', 'commune', 'dsu', 'firstNames', 'householdId', 'id', 'phone', 'reason', 'usageName']);
    expect(hit!.reason).toEqual({ kind: 'nom_exact', word: 'dupont' });
    expect(hit!.commune).toBe('Montauban');
  });
});

describe('persons:create and duplicates', () => {
  it('shows likely duplicates: same phone, same birth date with a close name', async () => {
    const dups = await team.must(team.sec.token, 'persons:duplicates', { birthName: 'Dupond', firstNames: 'Marie', birthDate: '1985-03-12', phone: '' });
    expect(dups.find((d) => d.id === marie.person.id)?.reasons).toContain('same_birth_date_close_name');
    const byPhone = await team.must(team.sec.token, 'persons:duplicates', { birthName: 'Autre', firstNames: 'Nom', phone: '+33 6 12 34 56 78' });
    expect(byPhone.map((d) => d.id)).toEqual([marie.person.id]);
  });

  it('refuses to create a likely duplicate until told it is another person, leaving the files unchanged', async () => {
    const before = hashDir(team.dir);
    const r = await team.call(team.sec.token, 'persons:create', {
      birthName: 'Dupond',
      firstNames: 'Marie',
      birthDate: '1985-03-12',
      household: { address: '', communeInsee: '82121' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('duplicate_suspected');
      expect(r.error.message).toMatch(/ressemble.*MARTIN Marie-Hélène/);
    }
    expect(hashDir(team.dir)).toEqual(before);
    const forced = await team.must(team.sec.token, 'persons:create', {
      birthName: 'Dupond',
      firstNames: 'Marie',
      birthDate: '1985-03-12',
      household: { address: '', communeInsee: '82121' },
      confirmNotDuplicate: true,
    });
    expect(forced.person.birthName).toBe('Dupond');
  });

  it('refuses a commune outside the territory and a birth date in the future, with French messages', async () => {
    const before = hashDir(team.dir);
    const outside = await team.call(team.sec.token, 'persons:create', { birthName: 'Hors', firstNames: 'Zone', household: { address: '', communeInsee: '31555' } });
    expect(outside.ok || outside.error.message).toMatch(/pas dans le territoire/);
    const future = await team.call(team.sec.token, 'persons:create', { birthName: 'Futur', firstNames: 'Bébé', birthDate: '2099-01-01', household: { address: '', communeInsee: null } });
    expect(future.ok || future.error.message).toMatch(/futur/);
    const badDate = await team.call(team.sec.token, 'persons:create', { birthName: 'X', firstNames: 'Y', birthDate: '1990-02-30', household: { address: '', communeInsee: null } });
    expect(badDate.ok || badDate.error.message).toMatch(/n’existe pas/);
    expect(hashDir(team.dir)).toEqual(before);
  });

  it('adds a member to an existing household and proposes the sector’s référents', async () => {
    const child = await team.must(team.sec.token, 'persons:create', {
      birthName: 'Martin',
      firstNames: 'Léo',
      birthDate: '2015-05-05',
      household: { existingId: marie.household!.id, role: 'enfant' },
    });
    expect(child.household!.members.map((m) => m.firstNames)).toEqual(['Marie-Hélène', 'Léo']);
    expect(child.proposedReferents).toEqual({ sector: 'Montauban Est', ass: { id: team.ass.id, displayName: 'Alice Assistante' }, cesf: { id: team.cesf.id, displayName: 'Claire Conseillère' } });
  });
});

describe('persons:merge', () => {
  it('is a responsable’s action, moves the records, and is undone exactly from its log entry', async () => {
    const a = await register(team, { birthName: 'Garcia', firstNames: 'Luis', birthDate: '1960-01-01' });
    const b = await team.must(team.sec.token, 'persons:create', {
      birthName: 'Garcia',
      firstNames: 'Luis',
      phone: '0611111111',
      household: { address: '', communeInsee: null },
      confirmNotDuplicate: true,
    });
    await team.must(team.sec.token, 'intake:record', { personId: b.person.id, mode: 'telephone', motifs: ['autre'], urgent: false, request: 'Une question', outcome: 'information' });
    const refused = await team.call(team.sec.token, 'persons:merge', { keepId: a.person.id, absorbId: b.person.id });
    expect(refused.ok || refused.error.code).toBe('forbidden');

    const { mergeId, kept } = await team.must(team.resp.token, 'persons:merge', { keepId: a.person.id, absorbId: b.person.id });
    expect(kept.person.phone).toBe('0611111111');
    expect((await search('garcia')).map((r) => r.id)).toEqual([a.person.id]);
    const gone = await team.call(team.sec.token, 'persons:get', { id: b.person.id });
    expect(gone.ok || gone.error.message).toMatch(/fusionnée/);
    const db = team.app.vault.db;
    expect(db.prepare('SELECT person_id AS p FROM first_contacts WHERE person_id IN (?, ?)').all(a.person.id, b.person.id)).toEqual([{ p: a.person.id }]);
    const log = db.prepare("SELECT detail FROM audit_log WHERE action = 'person.merge'").get() as { detail: string };
    expect(JSON.parse(log.detail)).toEqual({ merge: mergeId, absorbed: b.person.id });

    await team.must(team.resp.token, 'persons:unmerge', { mergeId });
    expect((await search('garcia')).map((r) => r.id).sort()).toEqual([a.person.id, b.person.id].sort());
    const restored = await team.must(team.sec.token, 'persons:get', { id: a.person.id });
    expect(restored.person.phone).toBe('');
    expect(db.prepare('SELECT person_id AS p FROM first_contacts WHERE person_id IN (?, ?)').all(a.person.id, b.person.id)).toEqual([{ p: b.person.id }]);
    const again = await team.call(team.resp.token, 'persons:unmerge', { mergeId });
    expect(again.ok || again.error.message).toMatch(/déjà été annulée/);
    const merges = await team.must(team.resp.token, 'persons:merges', {});
    expect(merges.find((m) => m.id === mergeId)?.undoneAt).not.toBeNull();
  });
});

describe('persons:update and households:update', () => {
  it('corrects a record, moves a person to a new household, and changes the household’s address, each audited', async () => {
    const p = await register(team, { birthName: 'Colin', firstNames: 'Paul', birthDate: '1975-05-05' });
    const fixed = await team.must(team.sec.token, 'persons:update', { id: p.person.id, birthName: 'Collin', firstNames: 'Paul', birthDate: '1975-05-06', phone: '07 00 11 22 33' });
    expect(fixed.person).toMatchObject({ birthName: 'Collin', birthDate: '1975-05-06', phone: '0700112233' });
    expect((await search('collin 06/05/1975')).map((r) => r.id)).toEqual([p.person.id]);
    expect(await search('colin 05/05/1975')).toEqual([]);
    const moved = await team.must(team.sec.token, 'persons:update', {
      id: p.person.id,
      birthName: 'Collin',
      firstNames: 'Paul',
      household: { address: '1 avenue Gambetta', communeInsee: '82125', role: 'demandeur' },
    });
    expect(moved.household!.id).not.toBe(p.household!.id);
    expect(moved.household!.communeName).toBe('Montech');
    const h = await team.must(team.sec.token, 'households:update', { id: moved.household!.id, address: '3 avenue Gambetta', communeInsee: '82121' });
    expect(h).toMatchObject({ address: '3 avenue Gambetta', communeName: 'Montauban' });
    const actions = (team.app.vault.db.prepare("SELECT action FROM audit_log WHERE action IN ('person.update', 'household.create', 'household.update') ORDER BY id DESC LIMIT 4").all() as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(['household.update', 'person.update', 'household.create', 'person.update']);
  });
});
