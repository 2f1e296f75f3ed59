/**
 * Legal parameters (DOMAIN §8): the administrator sees on her home the RSA overdue and the
 * barème des saisies due, opens « Paramètres légaux », is refused an entry with its fields
 * named, then adds next year's barème with the keyboard alone, and its warning and task go.
 */
import { expect, expectAccessible, expectFocusKept, tabTo, test } from './fixtures';
import { ADMIN, seedSite } from './seed';
import type { Page } from '@playwright/test';
import { login, shot } from './actions';

const BAREME = 'Barème des saisies et cessions des rémunérations';
const RSA = 'Revenu de solidarité active — montant forfaitaire mensuel';

/** Replaces the text of a field reached with Tab. */
async function typeInto(page: Page, label: string, text: string) {
  await tabTo(page, page.getByLabel(label, { exact: true }), 120);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

test('the admin adds next year’s barème from the parameters screen and the warning disappears', async ({ page, server, watch }) => {
  watch(page);
  await seedSite(server.url);
  await page.goto(server.url);
  await login(page, ADMIN.login, ADMIN.password);
  await expect(page.getByRole('heading', { name: `Bonjour ${ADMIN.name}` })).toBeVisible();

  // Home: the tile counts the parameters to renew; « Mes échéances » has both, the RSA overdue.
  const tile = page.getByTestId('parameters-tile');
  await expect(tile).toContainText('2 paramètres à renouveler');
  await expect(tile.getByRole('link', { name: `${RSA} : nouvelle valeur attendue depuis le 01/04/2026` })).toBeVisible();
  await expect(tile.getByRole('link', { name: `${BAREME} : nouvelle valeur attendue au 01/01/2027` })).toBeVisible();
  const tasks = page.getByRole('region', { name: 'Mes échéances' });
  await expect(tasks.getByRole('listitem').filter({ hasText: RSA })).toContainText('En retard — 01/04/2026');
  await expect(tasks.getByRole('listitem').filter({ hasText: BAREME })).toContainText('01/01/2027');
  await expectAccessible(page, 'accueil de l’administrateur');
  await shot(page, 'parametres-accueil');

  // The list, reached from the menu with the keyboard.
  await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Paramètres légaux' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Paramètres légaux', level: 1 })).toBeFocused();
  const rsaRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: RSA }) });
  await expect(rsaRow).toContainText('À mettre à jour');
  await expect(rsaRow).toContainText('depuis le 01/04/2025');
  const baremeRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: BAREME }) });
  await expect(baremeRow.getByRole('cell', { name: '01/01/2027', exact: true })).toBeVisible();
  await expect(baremeRow.getByRole('cell', { name: 'À renouveler', exact: true })).toBeVisible();
  await expectAccessible(page, 'paramètres légaux');
  await shot(page, 'parametres-liste');

  // The barème's page: its values as tables, the form prefilled from the latest.
  await tabTo(page, page.getByRole('link', { name: BAREME }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: BAREME, level: 1 })).toBeFocused();
  await expect(page.getByRole('table', { name: /Barème des saisies, À partir du 01\/01\/2026/ })).toContainText('jusqu’à 4 480,00 €');
  await expect(page.getByLabel('En vigueur à partir du', { exact: true })).toHaveValue('01/01/2027');
  await expect(page.getByLabel('Tranche 1 : jusqu’à (€ par an)', { exact: true })).toHaveValue('4480');
  await expectAccessible(page, 'paramètre barème');
  await shot(page, 'parametres-bareme');

  // A refused entry: each faulty field says what is wrong, nothing is added.
  await typeInto(page, 'Tranche 3 : jusqu’à (€ par an)', '8000');
  await tabTo(page, page.getByRole('button', { name: 'Ajouter cette valeur' }), 120);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').first()).toContainText('Le formulaire contient 2 erreurs');
  await expect(page.getByText('Tranche 3 : le seuil doit être supérieur à celui de la tranche 2.')).toBeVisible();
  await expect(page.getByLabel('Tranche 3 : jusqu’à (€ par an)', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('form', { name: 'Ajouter une valeur' }).getByText(/^Source : à renseigner/)).toBeVisible();
  await expectFocusKept(page, 'valeur refusée');
  await expectAccessible(page, 'valeur refusée');
  await shot(page, 'parametres-refus');
  await expect(page.getByRole('heading', { name: /^2 valeurs/ })).toBeVisible();

  // The 2027 barème, typed with the keyboard.
  const thresholds = ['4520', '8810', '13120', '17390', '21670', '26050'];
  for (const [i, v] of thresholds.entries()) await typeInto(page, `Tranche ${i + 1} : jusqu’à (€ par an)`, v);
  await typeInto(page, 'Majoration de chaque seuil par personne à charge (€ par an)', '1760');
  await tabTo(page, page.getByRole('textbox', { name: 'Source' }), 120);
  await page.keyboard.type('Décret révisant le barème des saisies et cessions des rémunérations, en vigueur le 1er janvier 2027 (code du travail, art. R3252-2 et R3252-3)');
  await tabTo(page, page.getByRole('button', { name: 'Ajouter cette valeur' }), 120);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Valeur du 01/01/2027 ajoutée à « ${BAREME} ».` })).toBeVisible();
  await expectFocusKept(page, 'valeur ajoutée');
  await expect(page.getByRole('heading', { name: /^3 valeurs/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Barème des saisies, À partir du 01\/01\/2027/ })).toContainText('jusqu’à 4 520,00 €');
  await expect(page.getByRole('table', { name: /Barème des saisies, À partir du 01\/01\/2027/ })).toContainText('+ 1 760,00 €');
  await expect(page.locator('.parameter-facts')).toContainText('01/01/2028');
  await expect(page.locator('.parameter-facts')).toContainText('À jour');
  await expectAccessible(page, 'valeur ajoutée');
  await shot(page, 'parametres-ajout');

  // Home again: the barème is no longer to renew; the RSA still is.
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil' }).click();
  await expect(tile).toContainText('1 paramètre à renouveler');
  await expect(tile.getByRole('link', { name: new RegExp(BAREME) })).toHaveCount(0);
  await expect(tasks.getByRole('listitem').filter({ hasText: BAREME })).toHaveCount(0);
  await expect(tasks.getByRole('listitem').filter({ hasText: RSA })).toBeVisible();
  await shot(page, 'parametres-accueil-apres');
});

test('the RSA’s revalued amounts through its composition form; a bad file is refused with each problem and where it is', async ({ page, server, watch }) => {
  watch(page);
  await seedSite(server.url);
  await page.goto(server.url);
  await login(page, ADMIN.login, ADMIN.password);
  await expect(page.getByRole('heading', { name: `Bonjour ${ADMIN.name}` })).toBeVisible();
  // From the home tile's link.
  await page.getByTestId('parameters-tile').getByRole('link', { name: new RegExp(`^${RSA}`) }).click();
  await expect(page.getByRole('heading', { name: RSA, level: 1 })).toBeVisible();
  // The overdue warning names the parameter; the amounts read as a composition table.
  await expect(page.locator('.parameter-warning')).toContainText(`Paramètre « ${RSA} » à mettre à jour : une nouvelle valeur était attendue au 01/04/2026`);
  const table = page.getByRole('table', { name: /Montant forfaitaire du RSA, À partir du 01\/04\/2025/ });
  await expect(table.getByRole('row', { name: /^Personne seule sans enfant/ })).toContainText('646,52 €');
  await expect(table.getByRole('row', { name: /^Couple avec 2 enfants/ })).toContainText('1 357,70 €');
  await expectAccessible(page, 'paramètre RSA');
  await shot(page, 'parametres-rsa');

  // A file with two problems: nothing imported, each named with its path.
  const bad = JSON.stringify({ id: 'rsa_forfaitaire', entries: [{ from: '2026-04-01', value: { alone_cents: [65000, 0, 117000], couple_cents: [97500, 117000, 136500], perFurtherChild_cents: 26000 }, source: '' }] });
  await page.locator('input[type=file]').setInputFiles({ name: 'rsa.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  const refused = page.getByRole('alert').filter({ hasText: 'Rien n’a été importé' });
  await expect(refused).toContainText('le fichier contient 2 problèmes');
  await expect(refused.getByRole('listitem').filter({ hasText: 'entries[0].value.alone_cents.1' })).toContainText('Personne seule avec 1 enfant : doit être supérieur à zéro.');
  await expect(refused.getByRole('listitem').filter({ hasText: 'entries[0].source' })).toContainText('Source : à renseigner');
  await expectAccessible(page, 'import refusé');
  await shot(page, 'parametres-import-refuse');

  // The form: amounts in euros, prefilled from the latest value.
  await expect(page.getByLabel('En vigueur à partir du', { exact: true })).toHaveValue('01/04/2026');
  const amounts: [string, string][] = [
    ['Personne seule sans enfant (€ par mois)', '651,69'],
    ['Personne seule avec 1 enfant (€ par mois)', '977,54'],
    ['Personne seule avec 2 enfants (€ par mois)', '1173,04'],
    ['Couple sans enfant (€ par mois)', '977,54'],
    ['Couple avec 1 enfant (€ par mois)', '1173,04'],
    ['Couple avec 2 enfants (€ par mois)', '1368,55'],
    ['Par enfant supplémentaire au-delà du 2e (€ par mois)', '260,68'],
  ];
  for (const [label, v] of amounts) await page.getByLabel(label, { exact: true }).fill(v);
  await page.getByRole('textbox', { name: 'Source' }).fill('Décret portant revalorisation du montant forfaitaire du revenu de solidarité active au 1er avril 2026');
  await page.getByRole('button', { name: 'Ajouter cette valeur' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Valeur du 01/04/2026 ajoutée à « ${RSA} ».` })).toBeVisible();
  await expect(page.locator('.parameter-warning')).toHaveCount(0);
  await expect(page.getByRole('table', { name: /Montant forfaitaire du RSA, À partir du 01\/04\/2026/ }).getByRole('row', { name: /^Personne seule sans enfant/ })).toContainText('651,69 €');
  await expect(page.locator('.parameter-facts')).toContainText('01/04/2027');
  await shot(page, 'parametres-rsa-ajout');
});

test('every parameter’s page reads and is accessible: delays in days and months, the mentions as text and JSON', async ({ page, server, watch }) => {
  watch(page);
  await seedSite(server.url);
  await page.goto(server.url);
  await login(page, ADMIN.login, ADMIN.password);
  await expect(page.getByRole('heading', { name: `Bonjour ${ADMIN.name}` })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Paramètres légaux' }).click();
  await page.getByRole('link', { name: 'Surendettement — délais de la procédure' }).click();
  await expect(page.getByRole('heading', { name: 'Surendettement — délais de la procédure', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: /Recours contre la recevabilité/ })).toContainText('15 jours');
  await expect(page.getByRole('row', { name: /Durée maximale des mesures/ })).toContainText('84 mois');
  await expect(page.getByLabel('Recours contre la recevabilité (jours)', { exact: true })).toHaveValue('15');
  await expectAccessible(page, 'délais du surendettement');
  await shot(page, 'parametres-delais');
  // A delay that is not a whole number is refused beside its field.
  await page.getByLabel('Recours contre la recevabilité (jours)', { exact: true }).fill('quinze');
  await page.getByRole('textbox', { name: 'Source' }).fill('Essai');
  await page.getByLabel('En vigueur à partir du', { exact: true }).fill('01/12/2026');
  await page.getByRole('button', { name: 'Ajouter cette valeur' }).click();
  await expect(page.getByRole('form', { name: 'Ajouter une valeur' }).getByText('Recours contre la recevabilité (jours) : un nombre entier est attendu.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^1 valeur$/ })).toBeVisible();

  await page.getByRole('link', { name: '← Tous les paramètres légaux' }).click();
  await page.getByRole('link', { name: /^Mentions des voies et délais de recours/ }).click();
  await expect(page.getByText('Recours gracieux', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Mentions (JSON)' })).toHaveValue(/"titre": "Recours contentieux"/);
  await expectAccessible(page, 'mentions de recours');
  await shot(page, 'parametres-mentions');

  // The eviction procedure's delays: weeks, working days, a switch date and the trêve's days read in French.
  await page.getByRole('link', { name: '← Tous les paramètres légaux' }).click();
  await page.getByRole('link', { name: /^Prévention des expulsions/ }).click();
  await expect(page.getByRole('row', { name: /Effet du commandement de payer, bail postérieur/ })).toContainText('6 semaines');
  await expect(page.getByRole('row', { name: /seconde proposition avant l’audience/ })).toContainText('15 jours ouvrés');
  await expect(page.getByRole('row', { name: /Baux signés à partir du/ })).toContainText('29/07/2023');
  await expect(page.getByLabel('Baux signés à partir du (jj/mm/aaaa)', { exact: true })).toHaveValue('29/07/2023');
  await expectAccessible(page, 'délais des expulsions');
  await shot(page, 'parametres-expulsions');
  await page.getByRole('link', { name: '← Tous les paramètres légaux' }).click();
  await page.getByRole('link', { name: /^Trêve hivernale/ }).click();
  await expect(page.getByRole('row', { name: /Début de la trêve hivernale/ })).toContainText('1er novembre');
  await expect(page.getByRole('row', { name: /Fin de la trêve hivernale/ })).toContainText('31 mars');
  await expectAccessible(page, 'trêve hivernale');
});
