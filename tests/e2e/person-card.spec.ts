/** The person's card at the front desk: earlier first contacts, and a social worker opens a DSU from it. */
import { login, shot } from './actions';
import { expect, expectAccessible, test } from './fixtures';
import { seedTeam } from './seed';

test('a social worker sees a person’s earlier first contacts on her card and opens a DSU from there', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const lea = (await team.rpc('persons:create', { birthName: 'Vidal', firstNames: 'Léa', birthDate: '1991-03-04', household: { address: '5 rue Basse', communeInsee: '82121' } }, sec)).value as { person: { id: number } };
  await team.rpc('intake:record', { personId: lea.person.id, mode: 'telephone', motifs: ['autre'], urgent: false, request: 'Demande de renseignement', outcome: 'information' }, sec);

  await page.goto(server.url);
  await login(page, 'alice', team.users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }).click();
  await page.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('vidal');
  await page.getByRole('button', { name: /VIDAL Léa/ }).click();
  const earlier = page.getByRole('region', { name: 'Premiers accueils précédents' });
  await expect(earlier.getByRole('listitem')).toHaveCount(1);
  await expect(earlier.getByRole('listitem')).toContainText('Téléphone');
  await expect(earlier.getByRole('listitem')).toContainText('Information donnée');
  await expect(earlier).not.toContainText('Demande de renseignement');
  await expectAccessible(page, 'premier accueil — fiche et premiers accueils précédents');
  await shot(page, 'intake-earlier-contacts');
  await earlier.getByRole('button', { name: /Ouvrir un DSU pour le foyer de VIDAL Léa/ }).click();
  await expect(page).toHaveURL(/#\/dsu\/\d+/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('VIDAL Léa');
});

test('the secretaire sees the earlier first contacts but no « Ouvrir un DSU »', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const lea = (await team.rpc('persons:create', { birthName: 'Vidal', firstNames: 'Léa', birthDate: '1991-03-04', household: { address: '5 rue Basse', communeInsee: '82121' } }, sec)).value as { person: { id: number } };
  await team.rpc('intake:record', { personId: lea.person.id, mode: 'presentiel', motifs: ['autre'], urgent: false, request: 'Demande', outcome: 'information' }, sec);
  await page.goto(server.url);
  await login(page, 'sophie', team.users.sophie!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }).click();
  await page.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('vidal');
  await page.getByRole('button', { name: /VIDAL Léa/ }).click();
  const earlier = page.getByRole('region', { name: 'Premiers accueils précédents' });
  await expect(earlier.getByRole('listitem')).toHaveCount(1);
  await expect(earlier.getByRole('button', { name: /Ouvrir un DSU/ })).toHaveCount(0);
});
