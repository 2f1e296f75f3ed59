/**
 * Surendettement, as the CESF does it in Chromium against `passeur serve` (DOMAIN §5): she
 * opens a file from the household's DSU, enters five debts and the budget (taken from the DSU
 * situation, its date shown), reads the capacity to repay and its explanation, records the
 * deposit, the recevabilité, the orientation to imposed measures and a 60-month plan; her
 * home page shows the contestation deadline; the PDF summary and the debts sheet download and
 * read back. The secretaire sees only that a file exists and who follows it. axe on each screen.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, expectAccessible, expectFocusKept, test } from './fixtures';
import { seedTeam } from './seed';
import { login, logout, shot } from './actions';

async function choose(page: Page, scope: ReturnType<Page['locator']> | Page, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
/** A day `n` days from today, as the site's clock says it: ISO and as typed (jj/mm/aaaa). */
function day(n: number): { iso: string; fr: string } {
  const d = new Date(Date.now() + n * 86_400_000);
  const iso = d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  return { iso, fr: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` };
}
const nbsp = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

test('surendettement: from the DSU to an imposed 60-month plan, the deadline on the home page, PDF and XLSX', async ({ page, server, watch }) => {
  test.setTimeout(120_000);
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const claire = await team.as('claire');
  const card = (await team.rpc('persons:create', { birthName: 'Garnier', firstNames: 'Sylvie', birthDate: '1980-02-02', household: { address: '4 rue des Carmes', postcode: '82000', communeInsee: '82121' } }, sec)).value as {
    person: { id: number };
    household: { id: number };
  };
  await team.rpc('persons:create', { birthName: 'Garnier', firstNames: 'Lucas', birthDate: '2012-05-05', household: { existingId: card.household.id, role: 'enfant' }, confirmNotDuplicate: true }, sec);
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: team.users.claire!.id }, claire)).value as { id: number; number: string };
  const situationDay = day(-12);
  await team.rpc(
    'dsu:saveSituation',
    {
      dsuId: dsu.id,
      basedOn: null,
      situation: {
        validOn: situationDay.iso,
        budget: {
          resources: [
            { kind: 'salaires', amountCents: 165_000 },
            { kind: 'prestations_familiales', amountCents: 15_000 },
          ],
          charges: [
            { kind: 'loyer', amountCents: 52_000 },
            { kind: 'energie', amountCents: 9_000 },
            { kind: 'credits', amountCents: 41_000 },
          ],
        },
      },
    },
    claire,
  );

  // The CESF opens the file from the DSU's tab « Surendettement ».
  await page.goto(server.url);
  await login(page, 'claire', team.users.claire!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Claire Conseillère' })).toBeVisible();
  await page.goto(`${server.url}#/dsu/${dsu.id}/surendettement`);
  const tab = page.getByRole('tabpanel', { name: 'Surendettement' });
  await expect(tab.getByText('Aucun dossier de surendettement pour ce foyer.')).toBeVisible();
  await expectAccessible(page, 'DSU — onglet Surendettement');
  await tab.getByRole('button', { name: 'Ouvrir un dossier de surendettement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Surendettement — GARNIER Sylvie' })).toBeVisible();
  await expect(page.locator('.sur-header')).toContainText('Claire Conseillère');
  await expect(page.getByTestId('sur-next-deadline')).toHaveText('Aucune échéance');
  await expectAccessible(page, 'surendettement — dossier ouvert, sans dette');

  // Five debts: one creditor from the directory, four typed.
  const debts = [
    { partner: 'Tarn-et-Garonne Habitat — Gestion locative', nature: 'Dette locative', amount: '2 600', monthly: '', date: day(-300).fr, proceedings: 'Contentieux' },
    { creditor: 'Cofidis', nature: 'Crédit à la consommation', amount: '5 000', monthly: '180', date: day(-900).fr, guarantor: 'Mme Garnier mère' },
    { creditor: 'Sofinco', nature: 'Crédit à la consommation', amount: '3 200', monthly: '120', date: day(-700).fr },
    { creditor: 'EDF', nature: 'Énergie, eau', amount: '640,50', monthly: '', date: day(-120).fr },
    { creditor: 'Direction générale des finances publiques', nature: 'Dette fiscale', amount: '1 150', monthly: '110', date: day(-200).fr, proceedings: 'Exécution forcée' },
  ];
  for (const [i, d] of debts.entries()) {
    await page.getByRole('button', { name: 'Ajouter une dette' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle dette' });
    if (d.partner) await choose(page, dialog, /Créancier/, d.partner);
    else {
      await dialog.getByText('autre (nom à taper)').click();
      await dialog.getByRole('textbox', { name: /^Créancier/ }).fill(d.creditor!);
    }
    await choose(page, dialog, /Nature/, d.nature);
    await dialog.getByRole('textbox', { name: /^Montant dû/ }).fill(d.amount);
    if (d.monthly) await dialog.getByRole('textbox', { name: /^Mensualité/ }).fill(d.monthly);
    await dialog.getByRole('textbox', { name: /^Date de la dette/ }).fill(d.date);
    if (d.proceedings) await choose(page, dialog, /Procédure en cours/, d.proceedings);
    if (d.guarantor) await dialog.getByRole('textbox', { name: /^Caution/ }).fill(d.guarantor);
    if (i === 0) await expectAccessible(page, 'surendettement — nouvelle dette');
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.sur-live')).toContainText(`Dette ajoutée : ${d.partner ?? d.creditor}.`);
    await expectFocusKept(page, `dette ${i + 1} ajoutée`);
  }
  // An edit keeps the earlier version, shown in the debt's history.
  await page.getByRole('button', { name: 'Modifier la dette : Sofinco' }).click();
  const edit = page.getByRole('dialog', { name: 'Modifier la dette : Sofinco' });
  await expect(edit.getByRole('textbox', { name: /^Créancier/ })).toHaveValue('Sofinco');
  await choose(page, edit, /Procédure en cours/, 'Contentieux');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.sur-live')).toContainText('Dette modifiée : Sofinco (la version précédente est conservée).');
  await expectFocusKept(page, 'dette modifiée');
  await page.getByRole('button', { name: 'Historique de la dette : Sofinco' }).click();
  const history = page.getByRole('dialog', { name: 'Historique de la dette : Sofinco' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Contentieux');
  await expect(history.getByRole('listitem').last()).toContainText('Aucune');
  await expectAccessible(page, 'surendettement — historique d’une dette');
  await history.getByRole('button', { name: 'Fermer' }).click();
  await expect(history).toBeHidden();
  const table = page.getByRole('table', { name: /Dettes du foyer GARNIER Sylvie/ });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.locator('tfoot')).toContainText(nbsp('Total Crédit à la consommation (2 dettes)'));
  await expect(page.getByTestId('sur-total-amount')).toHaveText(/12\s590,50\s€/);
  await expectAccessible(page, 'surendettement — cinq dettes');
  await shot(page, 'surendettement-dettes');

  // The budget, taken from the DSU situation with its date; the capacity and its explanation.
  await page.getByRole('tab', { name: 'Budget et capacité' }).click();
  await expect(page.getByTestId('sur-budget-source')).toHaveText(`Budget repris de la situation du ${situationDay.fr}.`);
  await expect(page.getByRole('textbox', { name: /^Personnes à charge/ })).toHaveValue('1');
  await page.getByRole('button', { name: 'Ajouter un bien' }).click();
  await choose(page, page, /Bien 1 : nature/, 'Véhicule');
  await page.getByRole('textbox', { name: 'Bien 1 : description' }).fill('Clio de 2012');
  await page.getByRole('textbox', { name: /^Bien 1 : valeur/ }).fill('1 500');
  await expectAccessible(page, 'surendettement — budget prérempli');
  await page.getByRole('button', { name: 'Enregistrer le budget' }).click();
  await expect(page.locator('.sur-live')).toContainText(/Budget enregistré\. Capacité de remboursement : [\d\s\u202f]+,\d\d\s€ par mois\./);
  await expectFocusKept(page, 'budget enregistré');
  const capacity = page.getByRole('region', { name: 'Capacité de remboursement' });
  await expect(page.getByTestId('sur-capacity')).toContainText(/Capacité de remboursement : [\d\s\u202f]+,\d\d\s€ par mois/);
  await expect(capacity.locator('.sur-explanation li').first()).toContainText('Ressources mensuelles du foyer');
  await expect(capacity).toContainText(/Ressources annuelles : 12 × 1\s800,00\s€ = 21\s600,00\s€\./);
  await expect(capacity).toContainText(/saisies/i);
  await expect(capacity).toContainText('Montant forfaitaire du RSA');
  await expectAccessible(page, 'surendettement — capacité expliquée');
  await shot(page, 'surendettement-capacite');

  // The procedure: deposit, recevabilité, orientation, imposed measures over 60 months.
  await page.getByRole('tab', { name: 'Procédure' }).click();
  const stage = async (fill: (dialog: ReturnType<Page['locator']>) => Promise<void>, announced: string) => {
    await page.getByRole('button', { name: 'Enregistrer une étape' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle étape de la procédure' });
    await fill(dialog);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.sur-live')).toContainText(announced);
    await expectFocusKept(page, announced);
  };
  const deposit = day(-100);
  await stage(async (d) => {
    await d.getByRole('textbox', { name: /^Date/ }).fill(deposit.fr);
    await d.getByRole('textbox', { name: /^Référence du document/ }).fill('BDF 082-26-0042');
  }, `Étape enregistrée : Dépôt du dossier du ${deposit.fr}.`);
  await expect(page.getByTestId('sur-next-deadline')).toContainText('Décision de recevabilité attendue');
  const recevable = day(-60);
  await stage(async (d) => {
    await d.getByRole('textbox', { name: /^Date(?! de)/ }).fill(recevable.fr);
    await d.getByRole('textbox', { name: /^Date de notification/ }).fill(day(-56).fr);
    await choose(page, d, /Décision/, 'recevable');
  }, `Étape enregistrée : Recevabilité du ${recevable.fr}.`);
  const oriented = day(-30);
  await stage(async (d) => {
    await d.getByRole('textbox', { name: /^Date(?! de)/ }).fill(oriented.fr);
    await choose(page, d, /Décision/, 'mesures imposées');
  }, `Étape enregistrée : Orientation du ${oriented.fr}.`);
  const imposed = day(-10);
  const notified = day(-6);
  const start = day(20);
  await stage(async (d) => {
    await choose(page, d, /Étape/, 'Mesures imposées');
    await d.getByRole('textbox', { name: /^Date(?! de)/ }).fill(imposed.fr);
    await d.getByRole('textbox', { name: /^Date de notification/ }).fill(notified.fr);
    await d.getByRole('textbox', { name: /^Début du plan/ }).fill(start.fr);
    await d.getByRole('textbox', { name: /^Durée/ }).fill('60');
    await d.getByRole('textbox', { name: /^Mensualité/ }).fill('180');
    await expectAccessible(page, 'surendettement — mesures imposées');
  }, `Étape enregistrée : Mesures imposées du ${imposed.fr}.`);
  const deadlines = page.getByRole('region', { name: 'Échéances' });
  await expect(deadlines).toContainText('Fin du délai de contestation des mesures imposées');
  await expect(deadlines).toContainText('Fin des mesures imposées');
  await expect(page.getByRole('region', { name: 'Procédure' })).toContainText(`Plan à partir du ${start.fr}, 60 mois, 180,00`);
  await expect(page.getByTestId('sur-next-deadline')).toContainText('Fin du délai de contestation des mesures imposées');
  await expectAccessible(page, 'surendettement — procédure');
  await shot(page, 'surendettement-procedure');

  // Documents: the PDF summary and the debts sheet, read back.
  await page.getByRole('tab', { name: 'Documents' }).click();
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Synthèse pour la Banque de France (PDF)' }).click()]);
  const pdfFile = (await pdf.path())!;
  expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
  const text = nbsp(execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString());
  expect(text).toContain('Dossier de surendettement — GARNIER Sylvie');
  // The debts as a table: its header row, a row per debt, the totals.
  expect(text).toMatch(/Créancier Nature Montant dû Mensualité Date Procédure Caution/);
  expect(text).toMatch(/Cofidis Crédit à la 5 000,00 € 180,00 € 14\/06\/2024 Aucune/);
  expect(text).toMatch(/Total des dettes 5 dettes 12 590,50 € 410,00 €/);
  expect(text).toMatch(/Capacité mensuelle de remboursement : [\d ]+,\d\d €/);
  expect(text).toContain('Ressources annuelles : 12 × 1 800,00 € = 21 600,00 €.');
  expect(text).toMatch(/Patrimoine Valeur Véhicule \(Clio de 2012\) 1 500,00 €/);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Liste des dettes (tableur XLSX)' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  const ws = wb.getWorksheet('Dettes')!;
  expect(ws.getCell('A1').value).toBe('Créancier');
  expect(ws.rowCount).toBe(7);
  expect([ws.getCell('A7').value, ws.getCell('C7').value, ws.getCell('D7').value]).toEqual(['Total', 12590.5, 410]);
  await expectAccessible(page, 'surendettement — documents');

  // Her home page: « Mes échéances » shows the contestation deadline, which opens the file.
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil', exact: true }).click();
  const tasks = page.getByRole('region', { name: 'Mes échéances' });
  const line = tasks.getByRole('link', { name: 'Surendettement de GARNIER Sylvie : fin du délai de contestation des mesures imposées' });
  await expect(line).toBeVisible();
  await shot(page, 'surendettement-accueil');
  // Her list of open files, with the next deadline.
  await page.getByRole('navigation').getByRole('link', { name: 'Surendettement', exact: true }).click();
  await expect(page.getByRole('grid').or(page.getByRole('table')).first()).toContainText('GARNIER Sylvie');
  await expect(page.locator('main')).toContainText('Fin du délai de contestation des mesures imposées');
  // The filters: a deadline within 15 days (none), within 30 days (hers, in 24 days), at the stage « Mesures imposées ».
  await choose(page, page, /Échéance proche/, 'd’ici 15 jours');
  await expect(page.locator('main')).toContainText('0 dossier sur 1');
  await choose(page, page, /Échéance proche/, 'd’ici 30 jours');
  await expect(page.locator('main')).toContainText('1 dossier sur 1');
  await choose(page, page, /^Tous Étape$/, 'Recevabilité');
  await expect(page.locator('main')).toContainText('0 dossier sur 1');
  await choose(page, page, /^Recevabilité Étape$/, 'Mesures imposées');
  await expect(page.locator('main')).toContainText('1 dossier sur 1');
  await expectAccessible(page, 'surendettement — liste des dossiers');
  await shot(page, 'surendettement-liste');
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil', exact: true }).click();
  await page.getByRole('region', { name: 'Mes échéances' }).getByRole('link', { name: /Surendettement de GARNIER Sylvie : fin du délai de contestation/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Surendettement — GARNIER Sylvie' })).toBeVisible();
  await logout(page);

  // The secretaire: that a file exists and who follows it, nothing more.
  await login(page, 'sophie', team.users.sophie!.password);
  await expect(page.getByRole('navigation').getByText('Surendettement', { exact: true })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }).click();
  await page.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('garnier sylvie');
  await page.getByRole('button', { name: /GARNIER Sylvie/ }).click();
  await expect(page.getByTestId('sur-exists')).toHaveText(`Dossier de surendettement suivi par Claire Conseillère depuis le ${day(0).fr}.`);
  await expect(page.locator('main')).not.toContainText('Cofidis');
  const fileId = Number(/#\/surendettement\/(\d+)/.exec((await tasksHref(team, claire)) ?? '')?.[1]);
  const refused = await page.evaluate(async (id) => (await fetch(`/rpc/surendettement:get`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) })).json(), fileId);
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await expectAccessible(page, 'premier accueil — un dossier de surendettement existe');
  await shot(page, 'surendettement-secretaire');
});

async function tasksHref(team: Awaited<ReturnType<typeof seedTeam>>, cookie: string): Promise<string | undefined> {
  const list = (await team.rpc('surendettement:list', {}, cookie)).value as { id: number }[];
  return list[0] ? `#/surendettement/${list[0].id}` : undefined;
}

test('surendettement: at 320 px every tab of a file fits the width (10.11)', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const claire = await team.as('claire');
  const card = (await team.rpc('persons:create', { birthName: 'Garnier', firstNames: 'Sylvie', birthDate: '1980-02-02', household: { address: '4 rue des Carmes', postcode: '82000', communeInsee: '82121' } }, sec)).value as { household: { id: number } };
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: team.users.claire!.id }, claire)).value as { id: number };
  const file = (await team.rpc('surendettement:open', { dsuId: dsu.id }, claire)).value as { id: number };
  for (const [creditor, nature, amountCents, monthlyCents] of [
    ['Direction générale des finances publiques', 'fiscale', 115_000, 11_000],
    ['Cofidis', 'credit_consommation', 500_000, 18_000],
  ] as const) {
    await team.rpc('surendettement:saveDebt', { fileId: file.id, creditor, nature, amountCents, monthlyCents, guarantor: 'Mme Garnier mère' }, claire);
  }
  await team.rpc('surendettement:saveBudget', { fileId: file.id, validOn: day(-1).iso, adults: 1, dependants: 1, budget: { resources: [{ kind: 'salaires', amountCents: 165_000 }], charges: [{ kind: 'loyer', amountCents: 52_000 }] } }, claire);
  await team.rpc('surendettement:addStage', { fileId: file.id, kind: 'depot', day: day(-30).iso, reference: 'BDF 082-26-0042' }, claire);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(server.url);
  await login(page, 'claire', team.users.claire!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Claire Conseillère' })).toBeVisible();
  for (const tab of ['dettes', 'budget', 'procedure', 'echeances', 'documents']) {
    await page.goto(`${server.url}#/surendettement/${file.id}/${tab}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Surendettement — GARNIER Sylvie' })).toBeVisible();
    await expect(page.getByRole('tab', { selected: true })).toBeVisible();
    await expectAccessible(page, `surendettement — onglet ${tab} à 320 px`);
    await shot(page, `surendettement-320-${tab}`);
  }
});
