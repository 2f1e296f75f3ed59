/**
 * Protection evaluations in Chromium against `passeur serve` (DOMAIN §10): the responsable
 * receives an information préoccupante and assigns it to an ASS and a CESF; the due date shows
 * on both their home pages with the days left; the ASS records the parents informed, a home
 * visit, the report by domain, the danger and the proposals, downloads the PDF report and the
 * anonymised statistics sheet (no name, birth date nor address in its bytes), and records the
 * sending; the responsable announces the proposals. A third ASS and the secrétaire see it on
 * no screen and through no channel. axe and the layout check on each screen.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, expectFocusKept, test } from './fixtures';
import { seedTeam } from './seed';
import { login, logout, shot } from './actions';

async function choose(page: Page, label: RegExp, option: string) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
/** Ticks a checkbox or a radio from the keyboard (the inputs are drawn over by their label). */
async function press(page: Page, box: Locator) {
  await box.focus();
  await page.keyboard.press('Space');
}
function day(n: number): { iso: string; fr: string } {
  const d = new Date(Date.now() + n * 86_400_000);
  const iso = d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  return { iso, fr: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` };
}
/** A call through the HTTP API whose refusal is the point (the seed's helper throws on one). */
async function call(url: string, channel: string, input: unknown, cookie: string): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const res = await fetch(`${url}rpc/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(input) });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}
const nbsp = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

test('protection: the responsable assigns an IP, the binôme evaluates it, report and anonymised sheet; no one else sees it', async ({ page, server, watch }) => {
  test.setTimeout(150_000);
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const mother = (await team.rpc('persons:create', { birthName: 'Fabre', firstNames: 'Nadia', birthDate: '1988-05-14', household: { address: '7 impasse des Tilleuls', postcode: '82000', communeInsee: '82121' } }, sec)).value as {
    household: { id: number };
  };
  await team.rpc('persons:create', { birthName: 'Fabre', firstNames: 'Lina', birthDate: '2016-03-09', household: { existingId: mother.household.id, role: 'enfant' }, confirmNotDuplicate: true }, sec);
  await team.rpc('persons:create', { birthName: 'Fabre', firstNames: 'Noé', birthDate: '2020-07-01', household: { existingId: mother.household.id, role: 'enfant' }, confirmNotDuplicate: true }, sec);
  const received = day(-20);

  // The responsable receives the IP and assigns it to Alice (ASS) and Claire (CESF).
  await page.goto(server.url);
  await login(page, 'remi', team.users.remi!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Évaluations IP / IS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Évaluations IP / IS' })).toBeVisible();
  // All the IP the MDS received this year (the activity report's table 7 sets the evaluations against it).
  await page.getByLabel('Nombre reçu').fill('662');
  await page.getByRole('button', { name: 'Enregistrer le nombre' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Enregistré : 662 reçues en ${day(0).iso.slice(0, 4)} (Information préoccupante).` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'IP et IS reçues par la MDS' })).toContainText(`${day(0).iso.slice(0, 4)} — Information préoccupante : 662 reçues`);
  await expectAccessible(page, 'protection — liste du responsable');
  await shot(page, 'protection-liste-responsable');
  await page.getByRole('link', { name: 'Nouvelle évaluation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle évaluation IP / IS' })).toBeVisible();
  // Saved empty: every missing piece said in French, the summary taking the focus.
  await page.getByRole('button', { name: 'Enregistrer et attribuer' }).click();
  await expect(page.getByRole('alert').first()).toContainText('2 erreurs');
  await expectFocusKept(page, 'enregistrer sans rien');
  await page.getByLabel('Reçue le').fill(received.fr);
  await choose(page, /Origine/, 'Éducation nationale');
  await page.getByLabel('Référence de la cellule').fill('CRIP82-2026-0412');
  await page.getByLabel('Délai fixé par la cellule (jours)').fill('30');
  await page.getByLabel('Faits transmis').fill('Absences répétées, fatigue en classe.');
  await page.getByLabel('Rechercher une personne du foyer').fill('fabre lina');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page.getByRole('button', { name: /^Choisir FABRE Lina/ }).click();
  await expect(page.getByRole('group', { name: /Enfants concernés/ }).getByRole('checkbox', { name: /FABRE Lina/ })).toBeChecked();
  await press(page, page.getByRole('group', { name: /Autres mineurs du foyer/ }).getByRole('checkbox', { name: /FABRE Noé/ }));
  const workers = page.getByRole('group', { name: /ASS et CESF de la MDS/ });
  await press(page, workers.getByRole('checkbox', { name: 'Alice Assistante' }));
  await press(page, workers.getByRole('checkbox', { name: 'Claire Conseillère' }));
  await expectAccessible(page, 'protection — réception et attribution');
  await shot(page, 'protection-reception');
  await page.getByRole('button', { name: 'Enregistrer et attribuer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Information préoccupante — FABRE Lina' })).toBeVisible();
  await expect(page.getByTestId('prot-due')).toContainText(`${day(10).fr} — 10 jours restants`);
  const id = Number(/#\/protection\/(\d+)/.exec(page.url())![1]);
  // The responsable's home page too: the evaluation due, with the days left.
  const task = `Évaluation d’information préoccupante à rendre : IP — FABRE Lina (10 jours restants)`;
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Mes échéances' }).getByRole('link', { name: task })).toBeVisible();
  await logout(page);

  // The CESF's home page: the evaluation due, with the days left.
  await login(page, 'claire', team.users.claire!.password);
  await expect(page.getByRole('region', { name: 'Mes échéances' }).getByRole('link', { name: task })).toBeVisible();
  await shot(page, 'protection-accueil-cesf');
  await logout(page);

  // The ASS: her home page, her list, the evaluation.
  await login(page, 'alice', team.users.alice!.password);
  await page.getByRole('region', { name: 'Mes échéances' }).getByRole('link', { name: task }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Information préoccupante — FABRE Lina' })).toBeVisible();
  await expect(page.locator('.prot-header')).toContainText('FABRE Noé (');
  await expect(page.locator('.prot-header')).toContainText('Alice Assistante (ASS), Claire Conseillère (CESF)');
  await expectAccessible(page, 'protection — évaluation, informations');
  await shot(page, 'protection-evaluation');
  // Parents informed by letter.
  await press(page, page.getByRole('radio', { name: 'Oui' }));
  await page.getByLabel('Informés le').fill(day(-15).fr);
  await choose(page, /Manière/, 'par courrier');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Information des parents enregistrée.' })).toBeVisible();
  // A home visit in the evaluation's own journal.
  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByLabel('Date', { exact: true }).fill(day(-10).fr);
  await choose(page, /^Entretien au bureau Type/, 'Visite à domicile');
  await page.getByLabel('Compte rendu').fill('Visite à domicile en binôme : logement encombré, enfants fatigués.');
  await page.getByRole('button', { name: 'Ajouter au journal' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Journal' })).toContainText('Visite à domicile en binôme : logement encombré');
  await expectFocusKept(page, 'ajouter au journal');
  await expectAccessible(page, 'protection — journal');
  // The report by domain, the danger.
  await page.getByRole('tab', { name: 'Rapport' }).click();
  await page.getByLabel('Besoins fondamentaux de l’enfant').fill('Besoins de sécurité partiellement couverts.');
  await page.getByLabel('Point de vue de l’enfant').fill('Lina dit être fatiguée le matin.');
  await press(page, page.getByRole('radio', { name: 'Risque de danger', exact: true }));
  await press(page, page.getByRole('checkbox', { name: 'Négligences' }));
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rapport enregistré.' })).toBeVisible();
  await expectAccessible(page, 'protection — rapport');
  await shot(page, 'protection-rapport');
  // The proposals.
  await page.getByRole('tab', { name: 'Propositions' }).click();
  await press(page, page.getByRole('checkbox', { name: /Aide éducative à domicile/ }));
  await page.getByLabel('Motivation des propositions').fill('Les parents adhèrent à une aide éducative.');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Propositions enregistrées.' })).toBeVisible();
  // The documents: the PDF report, the anonymised sheet.
  await page.getByRole('tab', { name: 'Envoi' }).click();
  await expectAccessible(page, 'protection — envoi');
  await shot(page, 'protection-envoi');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Rapport d’évaluation (PDF)' }).click()]);
  const pdfFile = (await pdf.path())!;
  expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
  const text = nbsp(execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString());
  expect(text).toContain('Rapport d’évaluation — Information préoccupante');
  expect(text).toContain('Enfant concerné : FABRE Lina, né(e) le 09/03/2016');
  expect(text).toContain('Besoins fondamentaux de l’enfant Besoins de sécurité partiellement couverts.');
  expect(text).toContain('Aide éducative à domicile (AED), avec l’accord des parents');
  if (process.env.PASSEUR_SHOTS) fs.copyFileSync(pdfFile, `${process.env.PASSEUR_SHOTS}/protection-rapport-${page.viewportSize()?.width ?? 0}.pdf`);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Fiche statistique (CSV)' }).click()]);
  const sheet = fs.readFileSync((await csv.path())!);
  expect(sheet.toString('utf8')).toContain('"Information préoccupante"');
  expect(sheet.toString('utf8')).toContain('"Risque de danger";"Négligences";"Aide éducative à domicile (AED), avec l’accord des parents"');
  for (const s of ['Fabre', 'FABRE', 'Lina', 'Noé', 'Nadia', '2016', '09/03', '2020-07-01', '01/07/2020', '1988', 'Tilleuls', '82000', 'CRIP82', 'Alice', 'Claire', 'fatigu', 'encombré', 'Absences']) {
    expect(sheet.includes(Buffer.from(s, 'utf8')), s).toBe(false);
    expect(sheet.includes(Buffer.from(s, 'latin1')), s).toBe(false);
  }
  // The sending to the cell.
  await page.getByLabel('Envoyé le').fill(day(0).fr);
  await page.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Envoi' })).toContainText(`Rapport envoyé à la cellule le ${day(0).fr}.`);
  // Back to the list, worded as the other registries' pages.
  await page.locator('.page-header').getByRole('link', { name: 'Toutes les évaluations' }).click();
  await expect(page.locator('main')).toContainText('FABRE Lina');
  await expect(page.locator('main')).toContainText('Rapport envoyé');
  // The same column words as the other registries' lists.
  await expect(page.getByRole('columnheader', { name: /^Statut/ })).toBeVisible();
  await expectAccessible(page, 'protection — liste des évaluations');
  await shot(page, 'protection-liste');
  await logout(page);

  // A third ASS: an empty list, the evaluation « introuvable », nothing through any channel.
  await login(page, 'bruno', team.users.bruno!.password);
  await expect(page.getByRole('region', { name: 'Mes échéances' })).not.toContainText('FABRE Lina');
  await page.getByRole('navigation').getByRole('link', { name: 'Évaluations IP / IS' }).click();
  await expect(page.locator('main')).toContainText('Aucune évaluation en cours.');
  await page.goto(`${server.url}#/protection/${id}`);
  await expect(page.getByRole('alert')).toContainText('Cette évaluation est introuvable.');
  await expect(page.locator('main')).not.toContainText('FABRE Lina');
  await logout(page);
  const bruno = await team.as('bruno');
  for (const [channel, input] of [['protection:get', { id }], ['protection:report', { id }], ['protection:sheet', { id, format: 'csv' }]] as const) {
    const r = await call(server.url, channel, input, bruno);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  }
  expect(JSON.stringify(await call(server.url, 'tasks:mine', {}, bruno))).not.toContain('FABRE Lina');

  // The secrétaire: no menu entry, no page, every channel refused.
  await login(page, 'sophie', team.users.sophie!.password);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Évaluations IP / IS' })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil', exact: true }).click();
  await page.goto(`${server.url}#/protection/${id}`);
  await expect(page).toHaveURL(new RegExp(`#/protection/${id}$`));
  await expect(page.locator('main')).not.toContainText('FABRE Lina');
  await expect(page.locator('main')).not.toContainText('Information préoccupante');
  await logout(page);
  for (const [channel, input] of [['protection:list', {}], ['protection:get', { id }], ['protection:report', { id }]] as const) {
    expect(await call(server.url, channel, input, sec)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }

  // The responsable announces the proposals to the family: the evaluation is closed.
  await login(page, 'remi', team.users.remi!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Évaluations IP / IS' }).click();
  await page.getByRole('link', { name: 'FABRE Lina' }).click();
  await page.getByRole('tab', { name: 'Envoi' }).click();
  await page.getByLabel('Date de l’entretien').fill(day(0).fr);
  await page.getByRole('button', { name: 'Enregistrer l’entretien' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Envoi' })).toContainText(`Propositions annoncées à la famille le ${day(0).fr} par Rémi Responsable.`);
  await expect(page.locator('.prot-header')).toContainText('Propositions annoncées');
  await expectAccessible(page, 'protection — propositions annoncées');

  // An information signalante about an elderly man, in binôme with the infirmière prévention adulte.
  await team.rpc('persons:create', { birthName: 'Roux', firstNames: 'Marcel', birthDate: '1938-01-20', household: { address: '2 rue Haute', postcode: '82000', communeInsee: '82121' } }, sec);
  await page.getByRole('navigation').getByRole('link', { name: 'Évaluations IP / IS' }).click();
  await page.getByRole('link', { name: 'Nouvelle évaluation' }).click();
  await press(page, page.getByRole('radio', { name: 'Information signalante PA/PH' }));
  await page.getByLabel('Reçue le').fill(day(-2).fr);
  await choose(page, /Origine/, 'Voisinage');
  await page.getByLabel('Délai fixé par la cellule (jours)').fill('30');
  await page.getByLabel('Rechercher une personne du foyer').fill('roux marcel');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page.getByRole('button', { name: /^Choisir ROUX Marcel/ }).click();
  await expect(page.getByRole('group', { name: /Personne concernée/ }).getByRole('checkbox', { name: /ROUX Marcel/ })).toBeChecked();
  await expect(page.getByRole('group', { name: /Autres mineurs du foyer/ })).toHaveCount(0);
  await press(page, page.getByRole('group', { name: /ASS et CESF de la MDS/ }).getByRole('checkbox', { name: 'Claire Conseillère' }));
  await page.getByLabel('Autre professionnel (nom)').fill('Mme Py');
  await choose(page, /Sa fonction/, 'Infirmière prévention adulte');
  await expectAccessible(page, 'protection — réception d’une IS');
  await page.getByRole('button', { name: 'Enregistrer et attribuer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Information signalante PA/PH — ROUX Marcel' })).toBeVisible();
  await expect(page.locator('.prot-header')).toContainText('Claire Conseillère (CESF), Mme Py (Infirmière prévention adulte)');
  await expect(page.getByTestId('prot-due')).toContainText(`${day(28).fr} — 28 jours restants`);
  await page.getByRole('tab', { name: 'Rapport' }).click();
  await expect(page.getByLabel('Santé et autonomie')).toBeVisible();
  await expectAccessible(page, 'protection — rapport d’une IS');
  await shot(page, 'protection-is');
});
