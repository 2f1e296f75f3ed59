/**
 * One cache rule for every screen: what another desk changes shows on this one without a
 * reload (the main process says `data:changed`, mounted lists read again).
 */
import { login } from './actions';
import { expect, test } from './fixtures';
import { seedTeam } from './seed';

test('a partner added at another desk appears in the intake’s orientation picker without reloading', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const alice = await team.as('alice');
  await team.rpc('persons:create', { birthName: 'Vidal', firstNames: 'Léa', birthDate: '1991-03-04', household: { address: '5 rue Basse', communeInsee: '82121' } }, alice);

  await page.goto(server.url);
  await login(page, 'sophie', team.users.sophie!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }).click();
  await page.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('vidal');
  await page.getByRole('button', { name: /VIDAL Léa/ }).click();
  await page.getByRole('radio', { name: 'Orientation vers un partenaire' }).check({ force: true });
  const picker = page.getByRole('button', { name: /Partenaire$/ });
  await picker.click();
  await expect(page.getByRole('option', { name: /CAF de Tarn-et-Garonne/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /Mission locale/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Another desk adds a partner to the directory while this screen stays open.
  await team.rpc('partners:save', { organisation: 'Mission locale de Montauban', service: 'Accueil jeunes', category: 'Insertion' }, alice);

  await picker.click();
  await expect(page.getByRole('option', { name: /Mission locale de Montauban/ })).toBeVisible();
  // Nothing typed was lost: the person and the outcome chosen are still there.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('radio', { name: 'Orientation vers un partenaire' })).toBeChecked();
});
