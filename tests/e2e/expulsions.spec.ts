/**
 * Prévention des expulsions, as the CESF does it in Chromium against `passeur serve` (DOMAIN
 * §6): she opens a case from the household's DSU for a lease signed in 2024, records the rent
 * debt, the commandement de payer (its six-week effect date), the assignation with its hearing
 * (the préfet's notification date), the diagnostic social et financier, the judgment and a
 * commandement de quitter les lieux in mid-September (the earliest expulsion moved to 1 April by
 * the trêve hivernale), and the coming CCAPEX session; her home page lists it; the list filters
 * by stage and date. The secretaire sees only that a case exists and who follows it.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectFocusKept, test } from './fixtures';
import { fr, parisToday, plus } from './dates';
import { seedTeam } from './seed';
import { choose, login, logout, shot } from './actions';


test('expulsions: from the DSU through the commandement de quitter les lieux, the trêve, the home page and the front desk', async ({ page, server, watch }) => {
  test.setTimeout(120_000);
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const claire = await team.as('claire');
  const card = (await team.rpc('persons:create', { birthName: 'Durand', firstNames: 'Léa', birthDate: '1988-06-14', household: { address: '7 rue Fraîche', postcode: '82000', communeInsee: '82121' } }, sec)).value as {
    person: { id: number };
    household: { id: number };
  };
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: team.users.claire!.id }, claire)).value as { id: number };
  const today = parisToday();
  // The latest 15 September not after today, and the procedure's days before it.
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '09-15' ? 1 : 0);
  const cql = `${year}-09-15`;
  const payer = plus(cql, -150);
  const assignation = plus(cql, -120);
  const hearing = plus(cql, -60);
  const dsf = plus(cql, -118);
  const jugement = plus(cql, -30);
  const ccapex = plus(today, 10);

  await page.goto(server.url);
  await login(page, 'claire', team.users.claire!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Claire Conseillère' })).toBeVisible();
  await page.goto(`${server.url}#/dsu/${dsu.id}/expulsions`);
  const tab = page.getByRole('tabpanel', { name: 'Expulsion' });
  await expect(tab.getByText('Aucun dossier de prévention des expulsions pour ce foyer.')).toBeVisible();
  await expectAccessible(page, 'DSU — onglet Expulsion');
  await tab.getByRole('button', { name: 'Ouvrir un dossier d’expulsion' }).click();
  const open = page.getByRole('dialog', { name: 'Ouvrir un dossier de prévention des expulsions' });
  // Nothing chosen: every problem at once, beside its field.
  await open.getByRole('button', { name: 'Ouvrir un dossier d’expulsion' }).click();
  await expect(open.getByText('Choisissez le type de bailleur : il décide de la saisine préalable de la CCAPEX.')).toBeVisible();
  await expect(open.getByText('Tapez le nom du bailleur, ou choisissez-le dans l’annuaire.')).toBeVisible();
  await open.getByRole('textbox', { name: /^Logement/ }).fill('7 rue Fraîche, Montauban');
  await choose(page, open, /Type de bailleur/, 'personne physique');
  await open.getByRole('textbox', { name: /^Nom du bailleur/ }).fill('M. Rivière');
  await open.getByRole('textbox', { name: /^Date de signature du bail/ }).fill('01/03/2024');
  await open.getByRole('textbox', { name: /^Loyer mensuel/ }).fill('520');
  await open.getByRole('textbox', { name: /^Charges mensuelles/ }).fill('45');
  await expectAccessible(page, 'expulsions — ouverture du dossier');
  await shot(page, 'expulsions-ouverture');
  await open.getByRole('button', { name: 'Ouvrir un dossier d’expulsion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prévention des expulsions — DURAND Léa' })).toBeVisible();
  const caseId = Number(/#\/expulsions\/(\d+)/.exec(page.url())?.[1]);
  await expect(page.locator('.exp-header')).toContainText('M. Rivière, personne physique');
  await expect(page.locator('.exp-header')).toContainText('signé le 01/03/2024 — loyer 520,00');
  await expect(page.getByTestId('exp-next-date')).toHaveText('Aucune date calculée');

  // The procedure, stage by stage.
  const stage = async (kind: string, dayIso: string, fill: (d: ReturnType<Page['locator']>) => Promise<void>) => {
    await page.getByRole('button', { name: 'Enregistrer une étape' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enregistrer une étape de la procédure' });
    await choose(page, dialog, /^.* Étape$/, kind);
    await dialog.getByRole('textbox', { name: /^Date de l’étape/ }).fill(fr(dayIso));
    await fill(dialog);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
    const announced = `${kind} du ${fr(dayIso)} enregistré.`;
    await expect(page.locator('.sur-live')).toContainText(announced);
    await expectFocusKept(page, announced);
  };
  await stage('Commandement de payer', payer, async (d) => {
    await d.getByRole('textbox', { name: /^Acteur/ }).fill('SCP Huissiers du Quercy');
    await d.getByRole('textbox', { name: /^Référence du document/ }).fill('Acte 4512');
  });
  await expect(page.locator('.exp-stages')).toContainText('Acteur : SCP Huissiers du Quercy — document : Acte 4512');
  await page.getByRole('tab', { name: 'Dates' }).click();
  const dates = page.getByTestId('exp-dates');
  await expect(dates.locator('[data-kind="fin_commandement_payer"]')).toContainText('Dernier jour pour régler la dette du commandement de payer');
  await expect(dates.locator('[data-kind="fin_commandement_payer"]')).toContainText(`Commandement de payer le ${fr(payer)} + 6 semaines (même jour de la semaine, CPC art. 641) = ${fr(plus(payer, 42))}`);
  await expect(dates.locator('[data-kind="fin_commandement_payer"]')).toContainText('art. 24 I');
  await page.getByRole('tab', { name: 'Procédure' }).click();
  await stage('Assignation', assignation, async (d) => {
    await d.getByRole('textbox', { name: /^Date d’audience/ }).fill(fr(hearing));
  });
  await stage('Diagnostic social et financier', dsf, async (d) => {
    await d.getByRole('textbox', { name: /^Première proposition/ }).fill(fr(plus(dsf, 3)));
    await d.getByText('Le ménage a répondu à la proposition').click();
  });
  await stage('Jugement', jugement, async (d) => {
    await d.getByRole('textbox', { name: /^Acteur/ }).fill('Juge des contentieux de la protection');
    await d.getByRole('textbox', { name: /^Référence du document/ }).fill('RG 24/00871');
  });
  await stage('Commandement de quitter les lieux', cql, async () => {});
  await stage('Passage en CCAPEX', ccapex, async (d) => {
    await d.getByRole('textbox', { name: /^Acteur/ }).fill('CCAPEX de Tarn-et-Garonne');
  });
  await expect(page.getByTestId('exp-next-date')).toHaveText(`${fr(ccapex)} — Passage en CCAPEX (note sociale à transmettre avant la séance)`);
  // The force-publique stage: the home visit in binôme goes to the DSU's journal, both professionals its authors.
  await expect(page.getByRole('button', { name: 'VAD en binôme' })).toHaveCount(0);
  await stage('Demande de concours de la force publique', today, async (d) => {
    await d.getByRole('textbox', { name: /^Acteur/ }).fill('Préfecture de Tarn-et-Garonne');
  });
  await page.getByRole('button', { name: 'VAD en binôme' }).click();
  const vad = page.getByRole('dialog', { name: 'Visite à domicile en binôme' });
  await vad.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(vad.getByText('Choisissez le ou la professionnel·le qui fait la visite avec vous.').first()).toBeVisible();
  await choose(page, vad, /Second·e professionnel·le/, 'Alice Assistante');
  await vad.getByRole('textbox', { name: /^Résumé de la visite/ }).fill('Visite avec Mme Durand : reprise du paiement du loyer courant, dossier FSL à constituer.');
  await vad.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(vad).toBeHidden();
  await expect(page.locator('.sur-live')).toContainText(`Visite à domicile du ${fr(today)} avec Alice Assistante enregistrée au journal du DSU.`);
  await expectFocusKept(page, 'VAD enregistrée');
  await expectAccessible(page, 'expulsions — procédure');
  await shot(page, 'expulsions-procedure');
  await page.goto(`${server.url}#/dsu/${dsu.id}/journal`);
  await expect(page.locator('main')).toContainText('reprise du paiement du loyer courant');
  await expect(page.locator('main')).toContainText('Alice Assistante');
  await page.goto(`${server.url}#/expulsions/${caseId}/procedure`);
  await expect(page.getByRole('heading', { level: 1, name: 'Prévention des expulsions — DURAND Léa' })).toBeVisible();

  await page.getByRole('tab', { name: 'Dates' }).click();
  await expect(dates.locator('[data-kind="notification_prefet"]')).toContainText(`${fr(plus(hearing, -42))} — Dernier jour pour notifier l’assignation au préfet`);
  const expulsion = dates.locator('[data-kind="expulsion_possible"]');
  await expect(expulsion).toContainText(`01/04/${year + 1}`);
  await expect(expulsion).toContainText('reportée par la trêve hivernale');
  await expect(expulsion).toContainText('L412-6');
  await expectAccessible(page, 'expulsions — dates');
  await shot(page, 'expulsions-dates');

  // The rent debt over time: three figures, a chart and its table.
  await page.getByRole('tab', { name: 'Dette locative' }).click();
  for (const [d, amount] of [
    [plus(payer, -60), '1040'],
    [payer, '1560'],
    [jugement, '2 600,50'],
  ] as const) {
    await page.getByRole('textbox', { name: /^Date$/ }).or(page.getByRole('textbox', { name: /^Date jj/ })).first().fill(fr(d));
    await page.getByRole('textbox', { name: /^Montant dû/ }).fill(amount);
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(page.locator('.sur-live')).toContainText(`au ${fr(d)} enregistrée.`);
    await expectFocusKept(page, 'montant ajouté');
  }
  await expect(page.getByRole('img', { name: /Évolution de la dette locative/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Montants de la dette locative par date' }).getByRole('row')).toHaveCount(4);
  await expect(page.locator('.exp-header')).toContainText('2 600,50');
  await expectAccessible(page, 'expulsions — dette locative');
  await shot(page, 'expulsions-dette');

  // An aid request opened from the case: the household's new request, then linked to the case.
  await page.getByRole('tab', { name: 'Aides' }).click();
  await expect(page.getByText('Aucune demande d’aide liée à ce dossier.')).toBeVisible();
  await page.getByRole('link', { name: 'Ouvrir une demande d’aide' }).click();
  await expect(page).toHaveURL(new RegExp(`#/aides/nouvelle/${dsu.id}\\?expulsion=${caseId}$`));
  const aid = (await team.rpc('aid:save', {
      dsuId: dsu.id,
      personId: card.person.id,
      requestedOn: today,
      dispositif: 'secours_cd',
      nature: 'loyer_maintien',
      object: 'Maintien dans le logement : reprise du loyer courant',
      amountCents: 52_000,
      paymentMode: 'virement_beneficiaire',
      payeeKind: 'beneficiaire',
      noteSociale: 'Dette locative en cours d’apurement.',
      budget: { resources: [{ kind: 'salaires', amountCents: 120_000 }], charges: [{ kind: 'loyer', amountCents: 56_500 }] },
    }, claire)).value as { id: number; number: string } | undefined;
  expect(aid?.number).toBeTruthy();
  await page.goto(`${server.url}#/expulsions/${caseId}/aides`);
  await choose(page, page, /Demande d’aide$/, `${aid!.number} — Brouillon (${fr(today)})`);
  await page.getByRole('button', { name: 'Lier au dossier' }).click();
  await expect(page.locator('.sur-live')).toContainText(`Demande ${aid!.number} liée au dossier.`);
  await expect(page.getByTestId('exp-aids')).toContainText(aid!.number);
  await expectAccessible(page, 'expulsions — aides liées');
  await shot(page, 'expulsions-aides');

  // Her home page lists the coming CCAPEX session; her list of cases, with its filters.
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Mes échéances' }).getByRole('link', { name: 'Expulsion — DURAND Léa : passage en CCAPEX' })).toBeVisible();
  await shot(page, 'expulsions-accueil');
  await page.getByRole('navigation').getByRole('link', { name: 'Prévention des expulsions', exact: true }).click();
  await expect(page.locator('main')).toContainText('DURAND Léa');
  await choose(page, page, /Échéance proche/, 'd’ici 15 jours');
  await expect(page.locator('main')).toContainText('1 dossier sur 1');
  await choose(page, page, /^Tous Étape atteinte$/, 'Jugement');
  await expect(page.locator('main')).toContainText('0 dossier sur 1');
  await choose(page, page, /^Jugement Étape atteinte$/, 'Passage en CCAPEX');
  await expect(page.locator('main')).toContainText('1 dossier sur 1');
  await expectAccessible(page, 'expulsions — liste des dossiers');
  await shot(page, 'expulsions-liste');
  await logout(page);

  // The secretaire: that a case exists and who follows it, nothing more.
  await login(page, 'sophie', team.users.sophie!.password);
  await expect(page.getByRole('navigation').getByText('Prévention des expulsions', { exact: true })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }).click();
  await page.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('durand léa');
  await page.getByRole('button', { name: /DURAND Léa/ }).click();
  await expect(page.getByTestId('exp-exists')).toHaveText(`Dossier de prévention des expulsions suivi par Claire Conseillère depuis le ${fr(today)}.`);
  await expect(page.locator('main')).not.toContainText('Rivière');
  await expectAccessible(page, 'premier accueil — un dossier d’expulsion existe');
  await shot(page, 'expulsions-secretaire');
  await logout(page);

  // The outcome: the household stays with a repayment plan; the case is closed.
  await login(page, 'claire', team.users.claire!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Claire Conseillère' })).toBeVisible();
  await page.goto(`${server.url}#/expulsions/${caseId}/issue`);
  await expect(page.getByText('Aucune issue enregistrée : le dossier est en cours.')).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer l’issue et clore le dossier' }).click();
  await expect(page.getByText('Choisissez l’issue du dossier dans la liste.').first()).toBeVisible();
  await choose(page, page, /Issue$/, 'Maintien dans les lieux avec plan d’apurement');
  await page.getByRole('button', { name: 'Enregistrer l’issue et clore le dossier' }).click();
  await expect(page.locator('.sur-live')).toContainText(`Issue enregistrée : Maintien dans les lieux avec plan d’apurement, le ${fr(today)}. Le dossier est clos.`);
  await expect(page.getByTestId('exp-outcome')).toHaveText(`Maintien dans les lieux avec plan d’apurement, le ${fr(today)}.`);
  await expect(page.locator('.exp-header')).toContainText(`Claire Conseillère — clos le ${fr(today)}`);
  await expect(page.getByTestId('exp-next-date')).toHaveText('Aucune : dossier clos');
  await expect(page.getByRole('button', { name: 'Modifier logement et bail' })).toHaveCount(0);
  await expectAccessible(page, 'expulsions — issue');
  await shot(page, 'expulsions-issue');
});

test('expulsions: a social landlord chosen in the partner directory, its name kept from there; a hearing held without judgment is overdue on her home page', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const claire = await team.as('claire');
  const card = (await team.rpc('persons:create', { birthName: 'Marty', firstNames: 'Jade', birthDate: '1991-02-03', household: { address: '2 rue Basse', postcode: '82000', communeInsee: '82121' } }, sec)).value as {
    household: { id: number };
  };
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: team.users.claire!.id }, claire)).value as { id: number };
  await page.goto(server.url);
  await login(page, 'claire', team.users.claire!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Claire Conseillère' })).toBeVisible();
  await page.goto(`${server.url}#/dsu/${dsu.id}/expulsions`);
  await page.getByRole('tabpanel', { name: 'Expulsion' }).getByRole('button', { name: 'Ouvrir un dossier d’expulsion' }).click();
  const open = page.getByRole('dialog', { name: 'Ouvrir un dossier de prévention des expulsions' });
  await choose(page, open, /Type de bailleur/, 'personne morale (bailleur social, société)');
  await choose(page, open, /^Hors annuaire \(saisir le nom\) Bailleur/, 'Tarn-et-Garonne Habitat — Gestion locative');
  await expect(open.getByRole('textbox', { name: /^Nom du bailleur/ })).toHaveCount(0);
  await open.getByRole('textbox', { name: /^Loyer mensuel/ }).fill('410');
  await open.getByRole('button', { name: 'Ouvrir un dossier d’expulsion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prévention des expulsions — MARTY Jade' })).toBeVisible();
  await expect(page.locator('.exp-header')).toContainText('Tarn-et-Garonne Habitat — Gestion locative, personne morale (bailleur social, société)');
  await expect(page.locator('.exp-header')).toContainText('date de signature inconnue — loyer 410,00 €');
  await page.getByRole('button', { name: 'Modifier logement et bail' }).click();
  const edit = page.getByRole('dialog', { name: 'Logement, bailleur et bail' });
  await expect(edit.getByRole('button', { name: /Tarn-et-Garonne Habitat — Gestion locative/ })).toBeVisible();
  await expectAccessible(page, 'expulsions — bailleur de l’annuaire');
  await edit.getByRole('button', { name: 'Annuler' }).click();
  // On the DSU's tab: the case, its stage and its last date, said past.
  const caseId = Number(/#\/expulsions\/(\d+)/.exec(page.url())?.[1]);
  await team.rpc('expulsions:addStage', { caseId, kind: 'assignation', day: plus(parisToday(), -100), hearing: plus(parisToday(), -50) }, claire);
  await page.goto(`${server.url}#/dsu/${dsu.id}/expulsions`);
  const tab = page.getByRole('tabpanel', { name: 'Expulsion' });
  await expect(tab.getByRole('listitem')).toContainText('Assignation');
  await expect(tab.getByRole('listitem')).toContainText(`prochaine date : ${fr(plus(parisToday(), -50))}, Audience (passée)`);
  await expect(tab.getByRole('button', { name: 'Ouvrir un dossier d’expulsion' })).toHaveCount(0);
  await expectAccessible(page, 'DSU — onglet Expulsion, un dossier');
  await shot(page, 'expulsions-dsu');
  // The hearing is held and no judgment is recorded: her home page says so, overdue, and leads to the procedure.
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil', exact: true }).click();
  const late = page.getByRole('region', { name: 'Mes échéances' }).getByRole('listitem').filter({ hasText: 'MARTY Jade : audience passée, jugement à enregistrer' });
  await expect(late).toContainText(`En retard — ${fr(plus(parisToday(), -50))}`);
  await late.getByRole('link').click();
  await expect(page.getByRole('tab', { name: 'Procédure', selected: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Prévention des expulsions — MARTY Jade' })).toBeVisible();
});
