/**
 * The aid request form offers what the règlement in force allows for the chosen dispositif
 * (DOMAIN §4.1), as read from `aid:options`: its natures, its payment modes, and its age
 * derogation (the example's FAJ: 16–17 years old), nothing hard-coded; and the responsable's
 * grant of that request offers its payment modes only. In Chromium against `passeur serve`;
 * axe on the form and the dialog.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { seedTeam } from './seed';
import { login, logout, shot } from './actions';

async function choose(page: Page, label: RegExp, option: string) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
async function offered(page: Page, label: RegExp): Promise<string[]> {
  await page.getByRole('button', { name: label }).click();
  const options = await page.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  return options;
}

test('aid form: natures, payment modes and the age derogation follow the chosen dispositif', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const { users } = team;
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  // Seventeen and a half today: the FAJ (18–25) only by derogation.
  const born = new Date();
  born.setMonth(born.getMonth() - 17 * 12 - 6);
  const birthDate = born.toISOString().slice(0, 10);
  const card = (await team.rpc('persons:create', { birthName: 'Roux', firstNames: 'Léa', birthDate, household: { address: '8 rue Armand Cambon', communeInsee: '82121', role: 'demandeur' } }, sec)).value as { household: { id: number } };
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: users.alice!.id }, alice)).value as { id: number; number: string };

  await page.goto(server.url);
  await login(page, 'alice', users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers sociaux (DSU)' }).click();
  await page.getByRole('link', { name: dsu.number }).click();
  await page.getByRole('tab', { name: 'Aides' }).click();
  await page.getByRole('link', { name: 'Nouvelle demande d’aide' }).click();
  await expect(page.getByRole('heading', { name: `Nouvelle demande d’aide — dossier ${dsu.number}` })).toBeVisible();
  const derogation = page.getByLabel('Dérogation d’âge (16–17 ans), motivée dans la note sociale');
  const modes = page.getByRole('radiogroup', { name: 'Mode de paiement' });
  // No dispositif chosen yet: neither payment modes nor derogation to offer.
  await expect(modes).toHaveCount(0);
  await expect(derogation).toHaveCount(0);

  // The FAJ: its five natures, two payment modes, and its derogation.
  await choose(page, /Dispositif$/, 'Fonds d’aide aux jeunes');
  expect(await offered(page, /Nature$/)).toEqual(['Alimentaire', 'Mobilité', 'Scolarité / formation', 'Santé', 'Loyer / maintien dans le logement']);
  await expect(modes.locator('.radio')).toHaveText(['Virement au bénéficiaire', 'Virement à un tiers (bailleur, fournisseur…)']);
  await choose(page, /Nature$/, 'Mobilité');
  await page.getByLabel('Objet de la demande').fill('Abonnement de bus pour se rendre en formation');
  await page.getByLabel('Montant demandé (€)').fill('100');
  await page.getByRole('textbox', { name: 'Note sociale' }).fill('Jeune de 17 ans en rupture familiale, entrée en formation qualifiante : dérogation motivée.');
  const evaluation = page.getByRole('region', { name: 'Évaluation en direct' });
  await expect(evaluation.getByText(/l’aide n’est possible que par dérogation motivée/)).toBeVisible();
  await derogation.check({ force: true });
  await expect(evaluation.getByText(/admis par dérogation \(16 à 17 ans\)/)).toBeVisible();
  await expectAccessible(page, 'demande d’aide — FAJ avec dérogation');
  await shot(page, 'aide-faj-derogation');

  // The secours: no derogation (unticked when leaving the FAJ), three payment modes, its own natures.
  await choose(page, /Dispositif$/, 'Secours du Conseil départemental');
  await expect(derogation).toHaveCount(0);
  await expect(modes.locator('.radio')).toHaveText(['Virement au bénéficiaire', 'Virement à un tiers (bailleur, fournisseur…)', 'Chèques d’accompagnement personnalisé']);
  expect(await offered(page, /Nature$/)).toEqual(['Alimentaire', 'Énergie', 'Eau', 'Loyer / maintien dans le logement', 'Mobilité', 'Santé', 'Autre']);
  // The live evaluation follows, the derogation gone with the FAJ (the API would refuse it for the secours).
  await expect(evaluation.getByText(/^Moyenne économique journalière/)).toBeVisible();
  await expect(evaluation.getByText(/^Âge/)).toHaveCount(0);
  await shot(page, 'aide-secours');
  await choose(page, /Dispositif$/, 'Fonds d’aide aux jeunes');
  await expect(derogation).not.toBeChecked();
  await derogation.check({ force: true });

  // Saved as it was asked: the API accepts what the form offered.
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/^Brouillon AF-\d{4}-\d{5} enregistré\.$/)).toBeVisible();
  await expect(derogation).toBeChecked();

  // Submitted: the responsable's grant offers the FAJ's two payment modes, not the chèques.
  await page.getByRole('button', { name: 'Soumettre au responsable' }).click();
  await expect(page.getByText(/soumise au responsable/)).toBeVisible();
  const number = (/AF-\d{4}-\d{5}/.exec((await page.getByRole('heading', { level: 1 }).textContent())!) ?? [''])[0];
  await logout(page);
  await login(page, 'remi', users.remi!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Validation des aides' }).click();
  await page.getByRole('table', { name: 'Demandes à valider' }).getByRole('button', { name: number }).click();
  const detail = page.getByRole('region', { name: new RegExp(`${number} —`) });
  await detail.getByRole('button', { name: 'Prendre en charge' }).click();
  await detail.getByRole('button', { name: 'Accorder' }).click();
  const grant = page.getByRole('dialog', { name: 'Accorder' });
  await expect(grant.getByRole('radiogroup', { name: 'Mode de paiement' }).locator('.radio')).toHaveText(['Virement au bénéficiaire', 'Virement à un tiers (bailleur, fournisseur…)']);
  await expectAccessible(page, 'validation — accorder une aide FAJ');
});
