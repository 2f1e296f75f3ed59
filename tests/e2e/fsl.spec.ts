/**
 * The FSL's règlement intérieur beside the département's aid règlement (DOMAIN §4.1, §6), in
 * Chromium against `passeur serve`: the responsable imports and activates the FSL example; an
 * ASS instructs an FSL maintien request paid to the landlord, sees it evaluated under the FSL's
 * rules and submits it; the validation queue shows it under its FSL dispositif. axe on every screen.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { seedTeam } from './seed';
import { login, logout, shot } from './actions';

async function choose(page: Page, label: RegExp, option: string) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('FSL: the règlement intérieur activated beside the département’s, an FSL maintien request paid to the landlord, queued under it', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const { users } = team;
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  const card = (await team.rpc('persons:create', { birthName: 'Lemoine', firstNames: 'Agnès', birthDate: '1972-02-11', household: { address: '3 rue de la Résistance', postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec)).value as {
    household: { id: number };
  };
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: users.alice!.id }, alice)).value as { id: number; number: string };

  // --- The responsable imports the FSL example and activates it ------------------------------------
  await page.goto(server.url);
  await login(page, 'remi', users.remi!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Règlement des aides' }).click();
  const versions = page.getByRole('table', { name: 'Versions du règlement' });
  await page.locator('input[type=file]').setInputFiles({ name: 'fsl-exemple.json', mimeType: 'application/json', buffer: fs.readFileSync('resources/reglements/fsl-exemple.json') });
  await expect(page.getByText('Version 1 du règlement « fsl » importée en brouillon.')).toBeVisible();
  const fsl = versions.getByRole('row', { name: /fsl-v1/ });
  await expect(fsl).toContainText('Brouillon');
  await fsl.getByRole('button', { name: 'Activer' }).click();
  await page.getByRole('dialog', { name: 'Activer fsl-v1 ?' }).getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByText('fsl-v1 est active.')).toBeVisible();
  // Both in force today: the FSL's does not replace the département's.
  await expect(fsl).toContainText('en vigueur aujourd’hui');
  await expect(versions.getByRole('row', { name: /exemple-v1/ })).toContainText('en vigueur aujourd’hui');
  await fsl.getByRole('button', { name: 'Lire fsl-v1 comme un document' }).click();
  const reading = page.getByRole('region', { name: /Fonds de solidarité pour le logement — règlement intérieur/ });
  await expect(reading.getByRole('heading', { name: 'FSL maintien — impayés de loyer' })).toBeVisible();
  await expectAccessible(page, 'règlements — FSL actif à côté du règlement départemental');
  await shot(page, 'fsl-reglements');
  await logout(page);

  // --- The ASS: an FSL maintien request, paid to the landlord -------------------------------------
  await login(page, 'alice', users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers sociaux (DSU)' }).click();
  await page.getByRole('link', { name: dsu.number }).click();
  await page.getByRole('tab', { name: 'Aides' }).click();
  await page.getByRole('link', { name: 'Nouvelle demande d’aide' }).click();
  const reglement = page.getByRole('radiogroup', { name: /Règlement/ });
  // The département's règlement by default: its dispositifs only.
  await expect(reglement.getByRole('radio', { name: 'Règlement départemental des aides' })).toBeChecked();
  await page.getByRole('button', { name: /Dispositif$/ }).click();
  await expect(page.getByRole('option', { name: 'Secours du Conseil départemental', exact: true })).toBeVisible();
  await expect(page.getByRole('option', { name: 'FSL maintien — impayés de loyer', exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await reglement.getByRole('radio', { name: /Fonds de solidarité pour le logement/ }).check({ force: true });
  await choose(page, /Dispositif$/, 'FSL maintien — impayés de loyer');
  await expect(page.getByText(/prise en charge de la dette locative/)).toBeVisible();
  await choose(page, /Nature$/, 'Loyer / maintien dans le logement');
  await page.getByLabel('Objet de la demande').fill('Dette locative de trois mois de loyer');
  await page.getByLabel('Montant demandé (€)').fill('1200');
  // Paid to the landlord: the only mode the FSL provides, the landlord chosen by default.
  await expect(page.getByRole('radio', { name: 'Virement à un tiers (bailleur, fournisseur…)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Virement au bénéficiaire' })).toHaveCount(0);
  await page.getByLabel('Nom du tiers payé').fill('Tarn-et-Garonne Habitat');
  await page.getByRole('button', { name: 'Ajouter une ressource' }).click();
  await page.getByLabel('Montant mensuel (€)').first().fill('600');
  await page.getByRole('button', { name: 'Ajouter une charge' }).click();
  await page.getByLabel('Montant mensuel (€)').nth(1).fill('450');
  await page.getByRole('textbox', { name: 'Note sociale' }).fill('Trois mois d’impayés après une perte d’emploi ; reprise du paiement courant depuis un mois ; commandement de payer reçu.');
  const evaluation = page.getByRole('region', { name: 'Évaluation en direct' });
  // Under the FSL's rules: 1 200 € within its 1 500 € ceiling (the département's loyer_maintien ceiling is 300 €).
  await expect(evaluation.getByText('Dans le barème', { exact: true })).toBeVisible();
  await expect(evaluation.getByText(/Montant : 1\s200,00\s€ demandés, dans la limite du plafond de 1\s500,00\s€/)).toBeVisible();
  await expect(evaluation.getByText(/Fonds de solidarité pour le logement — règlement intérieur/)).toBeVisible();
  await expect(evaluation.getByText(/au-delà de la délégation du responsable \(800,00\s€\)/)).toBeVisible();
  await expectAccessible(page, 'demande d’aide FSL — formulaire');
  await shot(page, 'fsl-demande');
  await page.getByRole('button', { name: 'Soumettre au responsable' }).click();
  await expect(page.getByText(/Demande AF-\d{4}-\d{5} soumise au responsable\./)).toBeVisible();
  const number = (/AF-\d{4}-\d{5}/.exec((await page.getByRole('heading', { level: 1 }).textContent())!) ?? [''])[0];
  await expect(page.getByRole('region', { name: 'Évaluation à la soumission' }).getByText(/Fonds de solidarité pour le logement — règlement intérieur.*\(version 1\)/)).toBeVisible();
  await expect(page.getByText('Tarn-et-Garonne Habitat')).toBeVisible();
  // A screen that leads to an FSL request opens the form with its dispositif chosen, under its règlement.
  await page.evaluate((to) => (window.location.hash = to), `#/aides/nouvelle/${dsu.id}?dispositif=fsl_energie`);
  await expect(page.getByRole('heading', { name: `Nouvelle demande d’aide — dossier ${dsu.number}` })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: /Règlement/ }).getByRole('radio', { name: /Fonds de solidarité pour le logement/ })).toBeChecked();
  await expect(page.getByRole('button', { name: /Dispositif$/ })).toContainText('FSL énergie / eau — impayés de fourniture');
  await expect(page.getByRole('button', { name: /Nature$/ })).toContainText('Énergie');
  await logout(page);

  // A secours of the département's règlement waits in the same queue.
  const other = (await team.rpc('persons:create', { birthName: 'Perrin', firstNames: 'Marc', birthDate: '1965-06-30', household: { address: '9 allée des Tilleuls', postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec)).value as {
    person: { id: number };
    household: { id: number };
  };
  const otherDsu = (await team.rpc('dsu:open', { householdId: other.household.id, referentId: users.alice!.id }, alice)).value as { id: number };
  const secours = (await team.rpc(
    'aid:save',
    {
      dsuId: otherDsu.id,
      personId: other.person.id,
      requestedOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }),
      dispositif: 'secours_cd',
      nature: 'alimentaire',
      object: 'Courses en attendant le versement du RSA',
      amountCents: 12000,
      paymentMode: 'virement_beneficiaire',
      payeeKind: 'beneficiaire',
      noteSociale: 'Rupture de ressources depuis deux mois.',
      budget: { resources: [{ kind: 'rsa', amountCents: 30000 }], charges: [{ kind: 'loyer', amountCents: 45000 }] },
    },
    alice,
  )).value as { id: number; number: string };
  await team.rpc('aid:act', { action: 'submit', id: secours.id }, alice);

  // --- The responsable's queue shows it under its FSL dispositif, apart by règlement --------------
  await login(page, 'remi', users.remi!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Validation des aides' }).click();
  const queue = page.getByRole('table', { name: 'Demandes à valider' });
  const row = queue.getByRole('row', { name: new RegExp(number) });
  await expect(row).toContainText('FSL maintien — impayés de loyer');
  await expect(queue.getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: /Règlement$/ }).click();
  await page.getByRole('option', { name: 'Fonds de solidarité pour le logement', exact: true }).click();
  await expect(page.getByText('1 demande sur 2')).toBeVisible();
  await expect(queue.getByRole('row')).toHaveCount(2);
  await expect(row).toBeVisible();
  await expect(queue.getByRole('row', { name: new RegExp(secours.number) })).toHaveCount(0);
  await expectAccessible(page, 'validation — demande FSL');
  await shot(page, 'fsl-file');
});
