/**
 * The DSU page as a social worker uses it: a compact header and tabs (keyboard arrows, the tab
 * in the address so a reload keeps it), the household's situation filled in, updated, its
 * history read, a bad amount refused before anything is written. axe on each tab.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { seedTeam } from './seed';
import { login, shot } from './actions';

/** What the screen shows (the viewport, not the whole page), into `PASSEUR_SHOTS` when set; the page's height is printed. */
async function screen(page: Page, name: string) {
  const dir = process.env.PASSEUR_SHOTS;
  if (!dir) return;
  await page.screenshot({ path: `${dir}/${name}-ecran.png`, fullPage: false });
  const h = await page.evaluate(() => ({ page: document.documentElement.scrollHeight, view: window.innerHeight }));
  process.stdout.write(`[hauteur] ${name}: ${h.page} px pour ${h.view} px d’écran\n`);
}

const TABS = ['Situation', 'Journal', 'Aides', 'Surendettement', 'Expulsion', 'Concertation', 'Documents', 'Consentements', 'Rendez-vous', 'Premiers accueils'];

async function familyWithDsu(url: string) {
  const team = await seedTeam(url);
  const sec = await team.as('sophie');
  const ines = (await team.rpc('persons:create', { birthName: 'Moreau', firstNames: 'Inès', birthDate: '1988-08-08', phone: '0611223344', household: { address: '12 rue de la République', postcode: '82000', communeInsee: '82121' } }, sec)).value as {
    person: { id: number };
    household: { id: number };
  };
  await team.rpc('persons:create', { birthName: 'Moreau', firstNames: 'Marc', birthDate: '1985-03-03', household: { existingId: ines.household.id, role: 'conjoint' }, confirmNotDuplicate: true }, sec);
  const rec = (await team.rpc('intake:record', { personId: ines.person.id, mode: 'presentiel', motifs: ['budget_dettes'], urgent: false, request: 'Des dettes de loyer', outcome: 'dsu' }, sec)).value as { dsu: { id: number; number: string } };
  return { team, dsu: rec.dsu };
}

async function choose(page: Page, scope: ReturnType<Page['locator']>, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('DSU: header and tabs by keyboard, the tab kept in the address across a reload', async ({ page, server, watch }) => {
  watch(page);
  const { team, dsu } = await familyWithDsu(server.url);
  // A file with a history: a year of interventions, two documents, a consent.
  const alice = await team.as('alice');
  for (let i = 0; i < 24; i++) {
    const day = new Date(Date.now() - (i + 1) * 14 * 86_400_000).toISOString().slice(0, 10);
    await team.rpc('dsu:addEntry', { dsuId: dsu.id, occurredOn: day, type: i % 3 ? 'entretien_bureau' : 'vad', field: i % 2 ? 'budget' : 'logement_hebergement', summary: `Entretien n° ${24 - i} : point sur le budget et les démarches en cours auprès du bailleur et de la CAF.` }, alice);
  }
  for (const title of ['Quittance d’octobre', 'Avis d’échéance CAF']) {
    await team.rpc('dsu:addDocument', { dsuId: dsu.id, kind: 'justificatif', title, docDate: '2026-10-31', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }, alice);
  }
  await page.goto(server.url);
  await login(page, 'alice', team.users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers sociaux (DSU)' }).click();
  await page.getByRole('link', { name: dsu.number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `DSU ${dsu.number} — MOREAU Inès` })).toBeVisible();

  // The header: the household and its référent, at a glance.
  await expect(page.getByRole('region', { name: 'Le foyer' })).toContainText('MOREAU Marc (Conjoint(e), 03/03/1985)');
  await expect(page.getByRole('region', { name: 'Référent·e et intervenant·e·s' })).toContainText('Alice Assistante');

  const tablist = page.getByRole('tablist', { name: `Sections du dossier ${dsu.number}` });
  await expect(tablist.getByRole('tab')).toHaveText(TABS);
  const situation = tablist.getByRole('tab', { name: 'Situation' });
  await expect(situation).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'DSU — onglet Situation (vide)');
  await screen(page, 'dsu-situation-vide');

  // Arrows move between tabs and open them; Home and End reach the ends.
  await situation.focus();
  await page.keyboard.press('ArrowRight');
  const journal = tablist.getByRole('tab', { name: 'Journal' });
  await expect(journal).toBeFocused();
  await expect(journal).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Journal' }).getByRole('form', { name: 'Nouvelle intervention' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Journal' }).locator('.journal-entry')).toHaveCount(24);
  expect(new URL(page.url()).hash).toBe(`#/dsu/${dsu.id}/journal`);
  await expectAccessible(page, 'DSU — onglet Journal');
  await screen(page, 'dsu-journal');
  await page.keyboard.press('End');
  await expect(tablist.getByRole('tab', { name: 'Premiers accueils' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Premiers accueils' })).toContainText('« Des dettes de loyer »');
  await expectAccessible(page, 'DSU — onglet Premiers accueils');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tabpanel', { name: 'Rendez-vous' })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(situation).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Situation' })).toBeVisible();
  // Tab leaves the tab list for the open panel (or the first control in it), once the panel shows
  // its content (as the user sees it), and the focus stays there.
  await expect(page.getByRole('tabpanel', { name: 'Situation' }).getByRole('button', { name: 'Renseigner la situation' })).toBeVisible();
  await page.keyboard.press('Tab');
  const situationId = await situation.getAttribute('id');
  await expect(page.getByRole('tabpanel', { name: 'Situation' }).getByRole('button', { name: 'Renseigner la situation' })).toBeFocused();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="tabpanel"]')?.getAttribute('aria-labelledby') ?? null)).toBe(situationId);

  for (const name of ['Aides', 'Concertation', 'Documents', 'Consentements']) {
    await tablist.getByRole('tab', { name }).click();
    await expect(page.getByRole('tabpanel', { name })).toBeVisible();
    await expectAccessible(page, `DSU — onglet ${name}`);
    await screen(page, `dsu-${name.toLowerCase()}`);
  }
  expect(new URL(page.url()).hash).toBe(`#/dsu/${dsu.id}/consents`);

  // A reload keeps the open tab.
  await page.reload();
  await expect(tablist.getByRole('tab', { name: 'Consentements' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Consentements' }).getByRole('button', { name: 'Enregistrer un consentement' })).toBeVisible();
});

test('DSU situation: filled in, updated, its history read; a bad amount refused before anything is written', async ({ page, server, watch }) => {
  watch(page);
  const { team, dsu } = await familyWithDsu(server.url);
  await page.goto(server.url);
  await login(page, 'alice', team.users.alice!.password);
  await expect(page.getByRole('heading', { name: 'Bonjour Alice Assistante' })).toBeVisible();
  await page.evaluate((id) => (window.location.hash = `#/dsu/${id}/situation`), dsu.id);
  const panel = page.getByRole('tabpanel', { name: 'Situation' });
  await expect(panel.getByText('Aucune situation enregistrée pour ce foyer.')).toBeVisible();

  await panel.getByRole('button', { name: 'Renseigner la situation' }).click();
  const form = panel.getByRole('form', { name: 'Mettre à jour la situation du foyer' });
  await expect(form.getByLabel('Situation au (JJ/MM/AAAA)')).toBeFocused();
  await form.getByLabel('Situation au (JJ/MM/AAAA)').fill('20/11/2026');
  await choose(page, form, /Statut d’occupation/, 'Locataire du parc social');
  await form.getByLabel('Bailleur ou hébergeant').fill('Tarn-et-Garonne Habitat');
  await form.getByLabel('Loyer charges comprises (€ par mois)').fill('520');
  await form.getByLabel('Dette locative (€)').fill('1 560');
  await choose(page, form, / Organisme$/, 'CAF');
  await form.getByLabel('Numéro d’allocataire').fill('1234567');
  await form.getByRole('radio', { name: 'Un partenaire de l’annuaire' }).check({ force: true });
  await choose(page, form, / Partenaire$/, 'CAF de Tarn-et-Garonne — Accueil');
  await form.getByLabel('Nom du référent').fill('Mme Durand');
  const ines = form.getByRole('group', { name: 'MOREAU Inès' });
  await choose(page, ines, / Activité$/, 'En recherche d’emploi');
  await ines.getByRole('checkbox', { name: 'Bénéficiaire du RSA' }).check({ force: true });
  await choose(page, ines, / Contrat d’insertion$/, 'CER (contrat d’engagement réciproque)');
  await ines.getByLabel('Fin du contrat (JJ/MM/AAAA)').fill('31/03/2027');
  await choose(page, ines, / Couverture santé$/, 'Complémentaire santé solidaire (gratuite)');
  await form.getByRole('button', { name: 'Ajouter une mesure' }).click();
  await choose(page, form, / Mesure$/, 'MASP (mesure d’accompagnement social personnalisé)');
  await form.getByRole('button', { name: 'Ajouter une ressource' }).click();
  await choose(page, form, / Nature — ressource 1$/, 'RSA');
  await form.getByLabel('Montant mensuel (€)').first().fill('646,52');
  await form.getByRole('button', { name: 'Ajouter une charge' }).click();
  await form.getByLabel('Montant mensuel (€)').nth(1).fill('520');
  await form.getByLabel('Synthèse de la situation').fill('Dette locative née d’une rupture de droits RSA.');
  await expectAccessible(page, 'situation — formulaire');
  await shot(page, 'dsu-situation-form');
  await screen(page, 'dsu-situation-form');
  await form.getByRole('button', { name: 'Enregistrer la situation' }).click();

  const title = panel.getByRole('heading', { level: 2, name: 'Situation au 20/11/2026' });
  await expect(title).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Situation au 20/11/2026 enregistrée' })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Logement' })).toContainText('Locataire du parc social');
  await expect(panel.getByRole('region', { name: 'Logement' })).toContainText(/1\s560,00\s€/);
  await expect(panel.getByRole('region', { name: 'Ressources et budget' })).toContainText(/126,52\s€/);
  await expect(panel.getByRole('region', { name: 'Emploi, insertion, santé' })).toContainText('MOREAU Inès : En recherche d’emploi · RSA · CER jusqu’au 31/03/2027');
  await expect(panel.getByRole('region', { name: 'Droits et accompagnements' })).toContainText('Mme Durand, CAF de Tarn-et-Garonne — Accueil');
  await expectAccessible(page, 'situation — lecture');
  await shot(page, 'dsu-situation');
  await screen(page, 'dsu-situation');

  // A bad amount is refused in French, on its field, before anything is sent.
  await panel.getByRole('button', { name: 'Mettre à jour la situation' }).click();
  await form.getByLabel('Dette locative (€)').fill('beaucoup');
  await form.getByRole('button', { name: 'Enregistrer la situation' }).click();
  await expect(form.getByText('Montant en euros attendu, par exemple 150 ou 150,50.')).toBeVisible();
  await expect(form.getByLabel('Dette locative (€)')).toHaveAttribute('aria-invalid', 'true');

  // The update: the arrears are paid off.
  await form.getByLabel('Dette locative (€)').fill('0');
  await form.getByRole('button', { name: 'Enregistrer la situation' }).click();
  const today = await page.evaluate(() => new Date().toLocaleDateString('fr-FR'));
  await expect(panel.getByRole('heading', { level: 2, name: `Situation au ${today}` })).toBeFocused();
  await expect(panel.getByRole('region', { name: 'Logement' })).toContainText('aucune');

  // The history: two versions, the newest says what changed; the older one reads as it was.
  const history = panel.getByRole('navigation', { name: 'Historique' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Logement');
  await history.getByRole('button', { name: 'Situation au 20/11/2026' }).click();
  await expect(panel.getByRole('heading', { level: 2, name: 'Situation au 20/11/2026 (version antérieure)' })).toBeFocused();
  await expect(panel.getByRole('region', { name: 'Logement' })).toContainText(/1\s560,00\s€/);
  await expectAccessible(page, 'situation — version antérieure');
  await shot(page, 'dsu-situation-historique');
  await screen(page, 'dsu-situation-historique');
  await panel.getByRole('button', { name: 'Revenir à la situation actuelle' }).click();
  await expect(panel.getByRole('heading', { level: 2, name: `Situation au ${today}` })).toBeFocused();

  // An aid request takes its budget from the situation.
  await page.getByRole('tab', { name: 'Aides' }).click();
  await page.getByRole('link', { name: 'Nouvelle demande d’aide' }).click();
  await page.getByRole('button', { name: 'Reprendre le budget de la situation du foyer' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Budget repris de la situation au ${today}` })).toBeVisible();
  await expect(page.getByLabel('Montant mensuel (€)').first()).toHaveValue('646,52');
  await expect(page.getByText(/Reste mensuel : 126,52\s€/)).toBeVisible();
});
