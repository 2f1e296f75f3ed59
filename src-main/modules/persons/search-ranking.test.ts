/**
 * Search ranking through the API on a real store, with more beginnings than one page can
 * rank: « martin » must list the MARTINs (birth or usage name) first, say why each person was
 * found, and a typo must say which word it was taken for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTeam, register, type Team } from '../../../tests/helpers/team';

let team: Team;
beforeAll(async () => {
  team = await newTeam();
  // Registered first, so that they come first in the index: 230 beginnings of « martin ».
  for (let i = 0; i < 230; i++) await register(team, { birthName: i % 2 ? 'Martinez' : 'Martineau', firstNames: `Personne${i}` });
  await register(team, { birthName: 'Clément', firstNames: 'Martin' });
  await register(team, { birthName: 'Hoarau', firstNames: 'Martine' });
  await register(team, { birthName: 'Guérin', usageName: 'Martin', firstNames: 'Anne' });
  await register(team, { birthName: 'MARTIN-DUBOIS', firstNames: 'Paul' });
  await register(team, { birthName: 'Martin', firstNames: 'Louise', birthDate: '1961-03-02' });
  await register(team, { birthName: 'MARTIN', firstNames: 'Hugo' });
}, 60_000);
afterAll(() => team?.app.close());

const search = async (q: string) => (await team.must(team.sec.token, 'persons:search', { q, limit: 20 })).results;
const label = (r: { birthName: string; usageName: string; firstNames: string }) => `${(r.usageName || r.birthName).toUpperCase()} ${r.firstNames}`;

describe('persons:search ranking', () => {
  it('lists exact surnames first (birth or usage name), then the compound surname, even with hundreds of beginnings', async () => {
    const results = await search('martin');
    expect(results.slice(0, 3).map(label)).toEqual(['MARTIN Anne', 'MARTIN Hugo', 'MARTIN Louise']);
    expect(results.slice(0, 3).map((r) => r.reason.kind)).toEqual(['nom_exact', 'nom_exact', 'nom_exact']);
    expect(label(results[3]!)).toBe('MARTIN-DUBOIS Paul');
    expect(results[3]!.reason.kind).toBe('nom_debut');
    // The first names come after every surname shown on the page.
    const firstNames = results.findIndex((r) => r.reason.kind === 'prenom');
    expect(firstNames === -1 || results.slice(0, firstNames).every((r) => r.reason.kind !== 'prenom')).toBe(true);
    expect(results.slice(4).every((r) => r.reason.kind === 'nom_debut' || r.reason.kind === 'prenom')).toBe(true);
  });

  it('finds a first name when it is what was typed with the surname, and says so', async () => {
    const [first] = await search('martin clement');
    expect(label(first!)).toBe('CLÉMENT Martin');
    expect(first!.reason.kind).toBe('nom_exact');
    const [hoarau] = await search('martine hoarau');
    expect(hoarau!.reason.kind).toBe('nom_exact');
  });

  it('explains a typo with the word it was taken for', async () => {
    const results = await search('martn louise');
    expect(results.map(label)).toEqual(['MARTIN Louise']);
    expect(results[0]!.reason).toEqual({ kind: 'proche', word: 'martin' });
  });

  it('says when a birth date is what matched', async () => {
    const [r] = await search('02/03/1961');
    expect(label(r!)).toBe('MARTIN Louise');
    expect(r!.reason.kind).toBe('date');
  });
});
