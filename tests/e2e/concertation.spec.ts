/**
 * The concertation instance, as the ASS does it in Chromium against `passeur serve` (DOMAIN
 * §9, §3): from the household's DSU she tries to refer the family without a consent to share
 * (refused, clearly), then with the consent recorded she refers it; she adds an associated
 * member, records the members' signatures of the charter (a member who did not sign cannot be
 * ticked present), shares an element the purpose needs, records the meeting and two
 * decisions, downloads the « Compte rendu » PDF and closes the record: the DSU's journal shows
 * the « Instance / synthèse » entry. The secretaire sees nothing of it. axe on each screen.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectFocusKept, tabTo, test } from './fixtures';
import { seedTeam } from './seed';
import { login, logout, shot } from './actions';

async function choose(page: Page, scope: ReturnType<Page['locator']> | Page, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
/** Today as the site's clock says it: ISO and as typed (jj/mm/aaaa). */
function today(): { iso: string; fr: string } {
  const iso = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  return { iso, fr: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` };
}
const nbsp = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

test('concertation: from the referral under the family’s consent to the synthesis in the DSU journal, PDF for the members', async ({ page, server, watch }) => {
  test.setTimeout(150_000);
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  const remi = await team.as('remi');
  const card = (await team.rpc('persons:create', { birthName: 'Moreau', firstNames: 'Lina', birthDate: '1988-04-04', household: { address: '4 rue des Carmes', postcode: '82000', communeInsee: '82121' } }, sec)).value as {
    person: { id: number };
    household: { id: number };
  };
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: team.users.alice!.id }, alice)).value as { id: number; number: string };
  // The instance's permanent members, kept by the responsable (one from the partner directory).
  const partners = (await team.rpc('partners:list', {}, alice)).value as { id: number; organisation: string }[];
  await team.rpc('concertation:saveMember', { name: 'Mme Girard', organisation: 'CCAS de Montauban' }, remi);
  await team.rpc('concertation:saveMember', { name: 'M. Leroy', partnerId: partners.find((p) => p.organisation.startsWith('CAF'))!.id }, remi);

  // Without a consent to share with the instance, the referral is refused, and says why.
  await page.goto(server.url);
  await login(page, 'alice', team.users.alice!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Alice Assistante' })).toBeVisible();
  await page.goto(`${server.url}#/dsu/${dsu.id}/concertation`);
  const tab = page.getByRole('tabpanel', { name: 'Concertation' });
  await expect(tab.getByTestId('concertation-consent')).toContainText('Aucun consentement en vigueur pour le partage avec l’instance de concertation');
  await expectAccessible(page, 'DSU — onglet Concertation, sans consentement');
  await tab.getByRole('button', { name: 'Saisir l’instance de concertation' }).click();
  let dialog = page.getByRole('dialog', { name: 'Saisine de l’instance de concertation' });
  await expect(dialog.getByRole('alert')).toContainText('La famille n’a pas de consentement en vigueur');
  await dialog.getByRole('textbox', { name: /^Motif de la saisine/ }).fill('Retour à la maison d’un enfant placé ; dette de loyer ; plusieurs intervenants sans coordination.');
  await dialog.getByRole('textbox', { name: /^Objet du partage/ }).fill('Coordonner le soutien au retour de l’enfant');
  await choose(page, dialog, /Champ d’intervention/, 'Prévention et protection de l’enfance');
  await dialog.getByRole('textbox', { name: /^Services sollicités/ }).fill('CAF, bailleur social, service enfance');
  await dialog.getByText('Logement', { exact: true }).click();
  await dialog.getByText('Composition familiale', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Saisir l’instance' }).click();
  await expect(dialog.getByRole('alert').last()).toContainText('Consentement au partage : aucun n’est choisi. La famille doit d’abord consentir au partage de ses informations avec l’instance de concertation');
  await expectAccessible(page, 'saisine refusée sans consentement');
  await shot(page, 'concertation-saisine-refusee');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();

  // The family consents (recorded in the DSU's consents); the consent state now says so.
  await team.rpc('dsu:addConsent', { dsuId: dsu.id, personId: card.person.id, recipientLabel: 'Instance de concertation', scope: 'Situation du foyer et retour de l’enfant', form: 'ecrit', givenOn: today().iso }, alice);
  await page.reload();
  await expect(tab.getByTestId('concertation-consent')).toContainText(`En vigueur : MOREAU Lina a consenti le ${today().fr} au partage avec « Instance de concertation ».`);
  // By keyboard: Tab to the button, Enter opens the dialog.
  await tabTo(page, tab.getByRole('button', { name: 'Saisir l’instance de concertation' }));
  await page.keyboard.press('Enter');
  dialog = page.getByRole('dialog', { name: 'Saisine de l’instance de concertation' });
  await expect(dialog.getByRole('button', { name: /Consentement sur lequel repose le partage/ })).toContainText('MOREAU Lina → Instance de concertation');
  await dialog.getByRole('textbox', { name: /^Motif de la saisine/ }).fill('Retour à la maison d’un enfant placé ; dette de loyer ; plusieurs intervenants sans coordination.');
  await dialog.getByRole('textbox', { name: /^Objet du partage/ }).fill('Coordonner le soutien au retour de l’enfant');
  await choose(page, dialog, /Champ d’intervention/, 'Prévention et protection de l’enfance');
  await dialog.getByRole('textbox', { name: /^Services sollicités/ }).fill('CAF, bailleur social, service enfance');
  await dialog.getByText('Logement', { exact: true }).click();
  await dialog.getByText('Composition familiale', { exact: true }).click();
  await expectAccessible(page, 'saisine — formulaire rempli');
  await shot(page, 'concertation-saisine');
  await dialog.getByRole('button', { name: 'Saisir l’instance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instance de concertation — MOREAU Lina' })).toBeVisible();
  await expect(page.getByTestId('concertation-delays')).toContainText('réunion au plus tard le');
  const members = page.getByRole('region', { name: /^Membres/ });
  await expect(members.getByRole('row')).toHaveCount(3);
  await expectAccessible(page, 'instance — saisie');
  const referralUrl = page.url();

  // Her home page: « Mes échéances » has the gathering of the elements and the meeting, each opening the referral.
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil', exact: true }).click();
  const tasks = page.getByRole('region', { name: 'Mes échéances' });
  await expect(tasks.getByRole('link', { name: `Instance de concertation — ${dsu.number} : réunir les éléments de la saisine` })).toBeVisible();
  await tasks.getByRole('link', { name: `Instance de concertation — ${dsu.number} : tenir l’instance (délai de la charte)` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instance de concertation — MOREAU Lina' })).toBeVisible();
  expect(page.url()).toBe(referralUrl);

  // An associated member from the directory; the charter signed by two of the three.
  await members.getByRole('button', { name: 'Ajouter un membre associé' }).click();
  const associate = page.getByRole('dialog', { name: 'Ajouter un membre associé' });
  await associate.getByRole('textbox', { name: /^Nom du membre/ }).fill('Mme Roux');
  await choose(page, associate, /Organisme/, 'Tarn-et-Garonne Habitat — Gestion locative');
  await associate.getByRole('button', { name: 'Ajouter' }).click();
  await expect(associate).toBeHidden();
  await expect(page.locator('.sur-live')).toContainText('Mme Roux est membre associé de cette instance.');
  await expectFocusKept(page, 'membre associé ajouté');
  for (const name of ['Mme Girard', 'Mme Roux']) {
    await members.getByRole('button', { name: `Enregistrer la signature de la charte par ${name}` }).click();
    const sign = page.getByRole('dialog', { name: `Signature de la charte par ${name}` });
    await expect(sign.getByRole('textbox', { name: /^Date de la signature/ })).toHaveValue(today().fr);
    await sign.getByRole('button', { name: 'Enregistrer la signature' }).click();
    await expect(sign).toBeHidden();
    await expect(page.locator('.sur-live')).toContainText(`Signature de la charte enregistrée pour ${name}.`);
    await expectFocusKept(page, `signature de ${name}`);
  }
  await expect(members.getByRole('row', { name: /M\. Leroy/ })).toContainText('Enregistrer la signature');

  // An element the purpose needs.
  const elements = page.getByRole('region', { name: /^Élément/ });
  await elements.getByRole('button', { name: 'Ajouter un élément partagé' }).click();
  const element = page.getByRole('dialog', { name: 'Ajouter un élément partagé' });
  await choose(page, element, /Nature/, 'Logement');
  await element.getByRole('textbox', { name: /^Élément/ }).fill('Dette locative de 1 800 € ; le bailleur accepte un plan d’apurement.');
  await element.getByRole('textbox', { name: /^Apporté par/ }).fill('Tarn-et-Garonne Habitat');
  await expectAccessible(page, 'instance — élément partagé');
  await element.getByRole('button', { name: 'Ajouter' }).click();
  await expect(element).toBeHidden();
  await expect(page.locator('.sur-live')).toContainText('Élément partagé enregistré.');

  // The meeting: M. Leroy, who did not sign the charter, cannot be ticked present.
  const meeting = page.getByRole('region', { name: 'Réunion' });
  await meeting.getByRole('textbox', { name: /^Lieu/ }).fill('MDS de Montauban');
  await expect(meeting.getByRole('checkbox', { name: /M\. Leroy/ })).toBeDisabled();
  await meeting.getByText('Mme Girard — CCAS de Montauban').click();
  await meeting.getByText('Mme Roux — Tarn-et-Garonne Habitat — Gestion locative').click();
  await meeting.getByRole('button', { name: 'Enregistrer la réunion' }).click();
  await expect(page.locator('.sur-live')).toContainText('Réunion enregistrée, 2 membres présents.');
  await expectFocusKept(page, 'réunion enregistrée');
  await expect(page.getByTestId('concertation-held')).toContainText(`Réunie le ${today().fr} à MDS de Montauban, 2 membres présents.`);

  // Two decisions: who does what by when.
  const decisions = page.getByRole('region', { name: /^Décision/ });
  for (const [action, who] of [
    ['Demande d’aide au FSL maintien', 'Alice Assistante (MDS)'],
    ['Proposer un plan d’apurement', 'Tarn-et-Garonne Habitat'],
  ]) {
    await decisions.getByRole('button', { name: 'Ajouter une décision' }).click();
    const d = page.getByRole('dialog', { name: 'Ajouter une décision' });
    await d.getByRole('textbox', { name: /^Décision/ }).fill(action!);
    await d.getByRole('textbox', { name: /^Qui s’en charge/ }).fill(who!);
    await d.getByRole('button', { name: 'Ajouter' }).click();
    await expect(d).toBeHidden();
    await expect(page.locator('.sur-live')).toContainText('Décision enregistrée.');
    await expectFocusKept(page, `décision ${action}`);
  }
  await expect(decisions.getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page, 'instance — réunion et décisions');
  await shot(page, 'concertation-instance');

  // The record for the members, as a PDF.
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Compte rendu (PDF)' }).click()]);
  const pdfFile = (await pdf.path())!;
  expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
  const text = nbsp(execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString());
  expect(text).toContain('Compte rendu de l’instance de concertation');
  expect(text).toContain('Famille : Famille MOREAU Lina');
  expect(text).toMatch(/Mme Girard CCAS de Montauban Permanent/);
  expect(text).not.toContain('M. Leroy');
  expect(text).toContain('secret partagé');
  expect(text).toContain('Dette locative de 1 800 €');
  expect(text).toContain('Demande d’aide au FSL maintien');
  if (process.env.PASSEUR_SHOTS) fs.copyFileSync(pdfFile, `${process.env.PASSEUR_SHOTS}/concertation-compte-rendu-${page.viewportSize()?.width ?? 0}.pdf`);

  // Closing writes the synthesis in the DSU's journal.
  await page.getByRole('button', { name: 'Clore et écrire la synthèse au DSU' }).click();
  const confirm = page.getByRole('dialog', { name: 'Clore le compte rendu de l’instance ?' });
  await expect(confirm).toContainText('La synthèse, avec ses 2 décisions, sera écrite au journal du DSU.');
  await confirm.getByRole('button', { name: 'Clore et écrire la synthèse' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.locator('.sur-live')).toContainText('Compte rendu clos : la synthèse est écrite au journal du DSU.');
  await expectFocusKept(page, 'compte rendu clos');
  await expect(page.getByRole('button', { name: 'Ajouter une décision' })).toHaveCount(0);
  await expectAccessible(page, 'instance — close');
  await shot(page, 'concertation-close');
  await page.getByRole('link', { name: 'Voir le journal du DSU' }).click();
  const journal = page.getByRole('tabpanel', { name: 'Journal' });
  const entry = journal.locator('.journal-entry').filter({ hasText: 'Instance / synthèse' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Instance de concertation réunie le');
  await expect(entry).toContainText('Demande d’aide au FSL maintien — Alice Assistante (MDS)');
  await expect(entry).not.toContainText('1 800');
  await expectAccessible(page, 'DSU — journal avec la synthèse de l’instance');
  await shot(page, 'concertation-journal');
  // The DSU's tab lists the referral, closed, with the day the instance met.
  await page.getByRole('tab', { name: 'Concertation' }).click();
  await expect(tab.getByRole('listitem').filter({ hasText: `Saisine du ${today().fr} par Alice Assistante` })).toContainText(`Close — réunie le ${today().fr}`);
  await expectAccessible(page, 'DSU — onglet Concertation, une saisine close');
  await shot(page, 'concertation-dsu');

  // Her list of referrals (closed ones), and the permanent members.
  await page.getByRole('navigation').getByRole('link', { name: 'Instance de concertation' }).click();
  await expect(page.locator('main')).toContainText('Aucune saisine en cours.');
  await choose(page, page, /Afficher/, 'Closes');
  await expect(page.locator('main')).toContainText('MOREAU Lina');
  await expect(page.getByRole('region', { name: 'Membres permanents de l’instance' }).getByRole('listitem').filter({ hasText: 'Mme Girard' })).toContainText(`charte signée le ${today().fr}`);
  await expectAccessible(page, 'instance — liste des saisines');
  await shot(page, 'concertation-liste');
  const referralId = Number(/#\/concertation\/(\d+)/.exec((await page.locator('main a[href^="#/concertation/"]').first().getAttribute('href')) ?? '')?.[1]);
  await logout(page);

  // The responsable keeps the permanent members: one more, typed; the closed referral is in her list too.
  await login(page, 'remi', team.users.remi!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Rémi Responsable' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Instance de concertation' }).click();
  const permanent = page.getByRole('region', { name: 'Membres permanents de l’instance' });
  await permanent.getByRole('button', { name: 'Ajouter un membre permanent' }).click();
  const add = page.getByRole('dialog', { name: 'Ajouter un membre permanent' });
  await add.getByRole('textbox', { name: /^Nom du membre/ }).fill('M. Petit');
  await add.getByText('Autre (à saisir)').click();
  await add.getByRole('button', { name: 'Ajouter' }).click();
  await expect(add.getByRole('alert')).toContainText('Le formulaire contient une erreur : corrigez le champ signalé.');
  await expect(add.getByRole('textbox', { name: /^Organisme/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(add).toContainText('Organisme : choisissez-le dans l’annuaire ou tapez son nom.');
  await add.getByRole('textbox', { name: /^Organisme/ }).fill('Prévention spécialisée');
  await expectAccessible(page, 'instance — nouveau membre permanent');
  await add.getByRole('button', { name: 'Ajouter' }).click();
  await expect(add).toBeHidden();
  await expect(permanent).toContainText('M. Petit est membre permanent de l’instance.');
  await expect(permanent.getByRole('listitem')).toHaveCount(3);
  await choose(page, page, /Afficher/, 'Closes');
  await expect(page.locator('main')).toContainText('MOREAU Lina');
  await expect(page.locator('.page-header')).toContainText('Toutes les saisines du site, avec leur prochaine date.');
  await expectAccessible(page, 'instance — liste du ou de la responsable');
  await shot(page, 'concertation-responsable');
  await logout(page);

  // The secretaire sees nothing of it: no menu entry, every channel refused.
  await login(page, 'sophie', team.users.sophie!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Sophie Secrétaire' })).toBeVisible();
  await expect(page.getByRole('navigation').getByText('Instance de concertation', { exact: true })).toHaveCount(0);
  for (const [channel, input] of [
    ['concertation:get', { id: referralId }],
    ['concertation:forDsu', { dsuId: dsu.id }],
    ['concertation:document', { id: referralId }],
  ] as const) {
    const refused = await page.evaluate(
      async ([c, i]) => (await fetch(`/rpc/${c}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) })).json(),
      [channel, input] as const,
    );
    expect(refused, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }
});
