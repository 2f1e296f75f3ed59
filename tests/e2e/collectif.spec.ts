/**
 * Collective actions, as an ASS does them in Chromium against `passeur serve` (DOMAIN §11):
 * she creates an action with a partner from the directory, a named one and a funding, leads
 * it with the CESF, adds three sessions, names two participants who agreed (one refused first
 * because no agreement was given: the screen says to count them anonymously), records the
 * attendance of each session (one by keyboard alone) with the people counted anonymously,
 * writes the evaluation with the participants; the counts show on the action and in the list.
 * Another ASS sees the action and its counts, not the names; the secretaire sees nothing of it.
 * axe and overflow on each screen.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, expectFocusKept, tabTo, test } from './fixtures';
import { seedTeam } from './seed';
import { login, logout, shot } from './actions';
import { expectNoOverflow } from './layout';

async function choose(page: Page, scope: Locator | Page, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
/** A day `n` days from today, as the site's clock says it: ISO and as typed (jj/mm/aaaa). */
function day(n: number): { iso: string; fr: string } {
  const d = new Date(Date.now() + n * 86_400_000);
  const iso = d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  return { iso, fr: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` };
}

test('collectif: an action with partners and funding, three sessions, two named participants and anonymous counts, attendance, evaluation; the secretaire sees nothing', async ({ page, server, watch }) => {
  test.setTimeout(180_000);
  watch(page);
  page.setDefaultTimeout(15_000);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  for (const p of [
    { birthName: 'Martin', firstNames: 'Léa', birthDate: '1985-04-02' },
    { birthName: 'Roux', firstNames: 'Marc', birthDate: '1970-07-12' },
    { birthName: 'Benali', firstNames: 'Nadia', birthDate: '1992-01-30' },
  ]) {
    await team.rpc('persons:create', { ...p, household: { address: '4 rue des Carmes', postcode: '82000', communeInsee: '82121' } }, sec);
  }

  await page.goto(server.url);
  await login(page, 'alice', team.users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Actions collectives' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actions collectives' })).toBeVisible();
  await expect(page.getByText('Aucune action collective pour le moment.')).toBeVisible();
  await expectAccessible(page, 'actions collectives — liste vide');

  // The action: title, aim, public, leads, two partners (directory, typed), one funding.
  await page.getByRole('button', { name: 'Nouvelle action collective' }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('Titre').fill('Atelier cuisine et budget');
  await d.getByLabel('Objectif').fill('Rompre l’isolement et cuisiner à petit budget');
  await d.getByLabel('Public visé').fill('Familles du quartier Est');
  await d.getByText('Alice Assistante').click();
  await d.getByText('Claire Conseillère').click();
  await d.getByRole('button', { name: 'Ajouter un partenaire' }).click();
  await choose(page, d, /Partenaire 1 \(annuaire\)$/, 'CAF de Tarn-et-Garonne — Accueil');
  await d.getByLabel('Apport du partenaire 1').fill('Financement');
  await d.getByRole('button', { name: 'Ajouter un partenaire' }).click();
  await choose(page, d, /Partenaire 2 \(annuaire\)$/, 'Autre partenaire (nom à saisir)');
  await d.getByLabel('Nom du partenaire 2').fill('Épicerie solidaire');
  await d.getByLabel('Apport du partenaire 2').fill('Local et denrées');
  await d.getByRole('button', { name: 'Ajouter un financement' }).click();
  await d.getByLabel('Financeur 1').fill('CAF de Tarn-et-Garonne');
  // A typo first: refused beside the field, in French, the summary takes the focus.
  await d.getByLabel('Montant demandé 1 (€)').fill('mille');
  await d.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(d.getByRole('alert')).toHaveText('Le formulaire contient une erreur : corrigez le champ signalé.');
  await expect(d.getByRole('alert')).toBeFocused();
  await expect(d.getByText('Montant : un nombre d’euros, par exemple 1 500 ou 1 500,50.')).toBeVisible();
  await d.getByLabel('Montant demandé 1 (€)').fill('1 500');
  await choose(page, d, /Statut du financement 1$/, 'Accordé');
  await expectAccessible(page, 'actions collectives — nouvelle action');
  await shot(page, 'collectif-nouvelle-action');
  await d.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Action collective — Atelier cuisine et budget' })).toBeVisible();
  const header = page.locator('.col-header');
  await expect(header).toContainText('Alice Assistante, Claire Conseillère');
  await expect(header).toContainText('Prévue');
  const presentation = page.getByRole('tabpanel', { name: 'Présentation et financement' });
  await expect(presentation).toContainText('CAF de Tarn-et-Garonne — Accueil — Financement');
  await expect(presentation).toContainText('Épicerie solidaire — Local et denrées');
  await expect(presentation).toContainText(/CAF de Tarn-et-Garonne — 1\s500,00\s€ — Accordé/);
  await expectAccessible(page, 'action collective — présentation');

  // Three sessions: two weeks ago, last week, today.
  await page.getByRole('tab', { name: 'Séances' }).click();
  const sessions = [day(-14), day(-7), day(0)];
  const themes = ['Les légumes de saison', 'Cuisiner les restes', 'Repas partagé'];
  for (const [i, s] of sessions.entries()) {
    await page.getByRole('button', { name: 'Ajouter une séance' }).click();
    const sd = page.getByRole('dialog');
    await sd.getByLabel('Date').fill(s.fr);
    await sd.getByLabel('Début').fill('14:00');
    await sd.getByLabel('Fin').fill(i === 0 ? '13:00' : '16:00');
    await sd.getByLabel('Lieu').fill('Épicerie solidaire');
    await sd.getByLabel('Thème').fill(themes[i]!);
    await sd.getByRole('button', { name: 'Enregistrer' }).click();
    if (i === 0) {
      // The end before the start: the main process's sentence, beside the field.
      await expect(sd.getByRole('alert')).toBeFocused();
      await expect(sd).toContainText('Heure de fin : elle doit suivre l’heure de début (14:00).');
      await sd.getByLabel('Fin').fill('16:00');
      await sd.getByRole('button', { name: 'Enregistrer' }).click();
    }
    await expect(page.getByRole('status').filter({ hasText: `Séance du ${s.fr} ajoutée.` })).toBeVisible();
    await expectFocusKept(page, `séance ${i + 1} ajoutée`);
  }
  const table = page.getByRole('table', { name: /Séances de l’action/ });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(header).toContainText('3 séances');
  await expectAccessible(page, 'action collective — séances');
  await shot(page, 'collectif-seances');

  // Participants: no agreement, refused with the way out; then two persons with their agreement.
  await page.getByRole('tab', { name: 'Participants' }).click();
  const add = page.getByRole('region', { name: 'Inscrire une personne' });
  await add.getByLabel('Rechercher la personne').fill('benali');
  await add.getByRole('radio', { name: /BENALI Nadia/ }).check({ force: true });
  await add.getByRole('radio', { name: 'Non' }).check({ force: true });
  await add.getByRole('button', { name: 'Inscrire' }).click();
  await expect(add.getByRole('alert')).toBeFocused();
  await expect(add).toContainText('Sans son accord pour participer, une personne ne peut pas être nommée dans l’action : comptez-la parmi les participants anonymes de chaque séance où elle vient.');
  for (const [q, name] of [
    ['martin léa', 'MARTIN Léa'],
    ['roux', 'ROUX Marc'],
  ] as const) {
    await add.getByLabel('Rechercher la personne').fill(q);
    await add.getByRole('radio', { name: new RegExp(name) }).check({ force: true });
    await add.getByRole('radio', { name: 'Oui, elle a donné son accord' }).check({ force: true });
    await choose(page, add, /Forme de l’accord$/, 'écrit');
    await add.getByRole('button', { name: 'Inscrire' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${name} est inscrit·e à l’action.` })).toBeVisible();
  }
  const named = page.getByRole('table', { name: /Participants de l’action/ });
  await expect(named.getByRole('row')).toHaveCount(3);
  await expect(named).toContainText(`le ${day(0).fr} (écrit)`);
  await expectAccessible(page, 'action collective — participants');
  await shot(page, 'collectif-participants');

  // Attendance: one form per session; the first one by keyboard alone.
  await page.getByRole('tab', { name: 'Présences' }).click();
  const marks: [string, string, string][] = [
    ['Présent·e', 'Présent·e', '3'],
    ['Présent·e', 'Excusé·e', '4'],
    ['Absent·e', 'Présent·e', '2'],
  ];
  for (const [i, s] of sessions.entries()) {
    const form = page.getByRole('region', { name: new RegExp(`^Séance ${i + 1} — ${s.fr.replace(/\//g, '\\/')}`) });
    const [lea, marc, anonymous] = marks[i]!;
    const leaGroup = form.getByRole('radiogroup', { name: 'MARTIN Léa' });
    if (i === 0) {
      await tabTo(page, leaGroup.getByRole('radio').first());
      await page.keyboard.press('Space');
      await expect(leaGroup.getByRole('radio', { name: lea })).toBeChecked();
      await page.keyboard.press('Tab');
      await expect(form.getByRole('radiogroup', { name: 'ROUX Marc' }).getByRole('radio').first()).toBeFocused();
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+a');
      await page.keyboard.type(anonymous);
      await page.keyboard.press('Tab');
      await expect(form.getByRole('button', { name: 'Enregistrer les présences de la séance 1' })).toBeFocused();
      await page.keyboard.press('Enter');
    } else {
      await leaGroup.getByRole('radio', { name: lea }).check({ force: true });
      await form.getByRole('radiogroup', { name: 'ROUX Marc' }).getByRole('radio', { name: marc }).check({ force: true });
      await form.getByLabel('Participants non nommés').fill(anonymous);
      await form.getByRole('button', { name: `Enregistrer les présences de la séance ${i + 1}` }).click();
    }
    await expect(page.getByRole('status').filter({ hasText: `Présences de la séance du ${s.fr} enregistrées.` })).toBeVisible();
    await expectFocusKept(page, `présences de la séance ${i + 1}`);
  }
  // 2 named + 4 anonymous (the fullest session); 4 named presences + 9 anonymous; 4 present of 6 marks.
  await expect(page.getByTestId('col-counts')).toHaveText('3 séances · 6 participants (2 nommés, 4 anonymes)');
  await expect(page.getByTestId('col-attendance')).toHaveText('13 présences · taux de présence des participants nommés : 66,7 %');
  await expectAccessible(page, 'action collective — présences');
  await shot(page, 'collectif-presences');

  // The evaluation written with the participants.
  await page.getByRole('tab', { name: 'Évaluation' }).click();
  const ev = page.getByRole('tabpanel', { name: 'Évaluation' });
  await ev.getByLabel('Évaluation', { exact: true }).fill('Groupe régulier, bonne entraide entre les familles.');
  await ev.getByLabel('Ce que disent les participants').fill('« On a appris à cuisiner les restes. »');
  await ev.getByLabel('Résultats au regard de l’objectif').fill('Objectif atteint : trois familles cuisinent ensemble hors atelier.');
  await ev.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Évaluation enregistrée.' })).toBeVisible();
  await expect(page.getByTestId('col-evaluation')).toContainText('« On a appris à cuisiner les restes. »');
  await expect(page.getByTestId('col-evaluation')).toContainText('Écrite par Alice Assistante');
  await expectAccessible(page, 'action collective — évaluation');
  await shot(page, 'collectif-evaluation');

  // The list shows the action with its counts.
  await page.getByRole('link', { name: 'Toutes les actions collectives' }).click();
  const row = page.getByRole('row', { name: /Atelier cuisine et budget/ });
  await expect(row).toContainText('6 participants (2 nommés, 4 anonymes)');
  await expect(row).toContainText('Alice Assistante, Claire Conseillère');
  await expectAccessible(page, 'actions collectives — liste');
  await shot(page, 'collectif-liste');
  const actionUrl = `${server.url}#/collectif/1`;
  // Reflow (RGAA 10.11): the action's sections at 320 px wide, nothing cut or scrolled sideways.
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  const TAB_NAMES: Record<string, string> = { seances: 'Séances', participants: 'Participants', presences: 'Présences', evaluation: 'Évaluation' };
  for (const tab of Object.keys(TAB_NAMES)) {
    await page.goto(`${actionUrl}/${tab}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Action collective — Atelier cuisine et budget' })).toBeVisible();
    await expect(page.getByRole('tab', { selected: true })).toHaveText(TAB_NAMES[tab]!);
    await shot(page, `collectif-320-${tab}`);
    await expectNoOverflow(page, `action collective — ${tab} à 320 px`);
  }
  await page.goto(`${server.url}#/collectif`);
  await expect(page.getByRole('heading', { level: 1, name: 'Actions collectives' })).toBeVisible();
  await expectNoOverflow(page, 'actions collectives à 320 px');
  await page.setViewportSize(size);
  await logout(page);

  // Another ASS: the action and its counts, no names.
  await login(page, 'bruno', team.users.bruno!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Bruno Volant' })).toBeVisible();
  await page.goto(`${actionUrl}/participants`);
  await expect(page.getByRole('heading', { level: 1, name: 'Action collective — Atelier cuisine et budget' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Participants' })).toContainText('Les noms des participants ne sont visibles que des professionnels qui animent l’action et des responsables.');
  await expect(page.locator('main')).not.toContainText('MARTIN');
  await expectAccessible(page, 'action collective — vue d’une autre ASS');
  await logout(page);

  // The secretaire: no menu entry, the page refused.
  await login(page, 'sophie', team.users.sophie!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Sophie Secrétaire' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Actions collectives' })).toHaveCount(0);
  await page.goto(actionUrl);
  await expect(page.getByText('Cette page n’existe pas ou ne relève pas de vos rôles.')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Atelier cuisine');
  await expect(team.rpc('collectif:list', {}, sec)).rejects.toThrow(/^collectif:list: /);
});
