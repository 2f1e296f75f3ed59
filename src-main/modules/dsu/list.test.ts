/**
 * The site's DSU list: each line names the household's holder (the demandeur, else the
 * conjoint, else the first member, never a record merged into another), its commune and the
 * file's current référent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '..';
import { newTeam, type Team } from '../../../tests/helpers/team';

let team: Team;
beforeAll(async () => {
  team = await newTeam();
});

const person = (birthName: string, firstNames: string, household: Input<'persons:create'>['household']) =>
  team.must(team.sec.token, 'persons:create', { birthName, firstNames, usageName: '', sex: '', birthDate: null, phone: '', email: '', household, confirmNotDuplicate: true });

describe('dsu:list, scope site', () => {
  it('names the holder, the commune and the current référent of each file', async () => {
    // The child is registered first, the conjoint next, the demandeur last: the demandeur is the holder.
    const child = await person('Lacombe', 'Théo', { address: '4 rue des Lilas', communeInsee: '82125', role: 'enfant' });
    const conjoint = await person('Lacombe', 'Sandrine', { existingId: child.household!.id, role: 'conjoint' });
    const demandeur = await person('Ferrand', 'Yves', { existingId: child.household!.id, role: 'demandeur' });
    const dsu = await team.must(team.ass.token, 'dsu:open', { householdId: child.household!.id, referentId: team.ass.id });
    const line = async () => (await team.must(team.resp.token, 'dsu:list', { scope: 'site' })).find((r) => r.id === dsu.id)!;
    expect(await line()).toMatchObject({ holder: 'FERRAND Yves', commune: 'Montech', referent: { id: team.ass.id, displayName: 'Alice Assistante' } });

    await team.must(team.resp.token, 'dsu:setReferent', { dsuId: dsu.id, referentId: team.cesf.id });
    // The demandeur's record merged into the conjoint's: the conjoint holds the file.
    await team.must(team.resp.token, 'persons:merge', { keepId: conjoint.person.id, absorbId: demandeur.person.id });
    expect(await line()).toMatchObject({ holder: 'LACOMBE Sandrine', commune: 'Montech', referent: { id: team.cesf.id, displayName: 'Claire Conseillère' } });
  });

  it('lists the files by number, the latest first', async () => {
    const other = await person('Vidal', 'Rose', { address: '9 place Nationale', communeInsee: '82121', role: 'demandeur' });
    await team.must(team.cesf.token, 'dsu:open', { householdId: other.household!.id, referentId: team.cesf.id });
    const site = await team.must(team.resp.token, 'dsu:list', { scope: 'site' });
    expect(site.map((r) => [r.number, r.holder, r.commune])).toEqual([
      ['MTB-2026-00002', 'VIDAL Rose', 'Montauban'],
      ['MTB-2026-00001', 'LACOMBE Sandrine', 'Montech'],
    ]);
  });
});
