/**
 * The CCAPEX in Chromium against `passeur serve` (DOMAIN §3, §6): the CESF creates a session
 * with its members, puts the eviction case on its agenda, types her evaluation and downloads the
 * note sociale — the household's consent to the CCAPEX was withdrawn before the session, so the
 * note says so and leaves the shared parts out —, records the commission's opinion (the « passage
 * en CCAPEX » stage follows), then opens an FSL maintien request from the case: the link shows on
 * both sides. A colleague sees the session's other case only counted; the secretaire only that a
 * case exists. axe on every screen.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, expectAccessible, expectFocusKept, test } from './fixtures';
import { fr, parisToday, plus } from './dates';
import { seedTeam } from './seed';
import { choose, login, logout, shot } from './actions';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('CCAPEX: a session prepared, the note sociale within the consents, the opinion recorded, an FSL maintien request linked both ways', async ({ page, server, watch }) => {
  test.setTimeout(150_000);
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const claire = await team.as('claire');
  const alice = await team.as('alice');
  const remi = await team.as('remi');
  const today = parisToday();
  const held = plus(today, -3);
  // The FSL's règlement intérieur in force beside the département's.
  const fslDoc = fs.readFileSync('resources/reglements/fsl-exemple.json', 'utf8');
  const fsl = (await team.rpc('reglement:import', { document: fslDoc }, remi)).value as { id: number };
  await team.rpc('reglement:activate', { id: fsl.id }, remi);

  const card = (await team.rpc('persons:create', { birthName: 'Roussel', firstNames: 'Inès', sex: 'F', birthDate: '1987-03-09', household: { address: '4 rue des Carmes', postcode: '82000', communeInsee: '82121' } }, sec)).value as {
    person: { id: number };
    household: { id: number };
  };
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: team.users.claire!.id }, claire)).value as { id: number; number: string };
  const c = (await team.rpc('expulsions:open', { dsuId: dsu.id, landlordKind: 'personne_physique', landlordName: 'M. Rivière', leaseSigned: '2024-03-01', rentCents: 52_000, chargesCents: 4_500, dwelling: '4 rue des Carmes, Montauban' }, claire)).value as { id: number };
  await team.rpc('expulsions:addDebt', { caseId: c.id, day: plus(today, -40), amountCents: 156_000 }, claire);
  await team.rpc('expulsions:addStage', { caseId: c.id, kind: 'commandement_payer', day: plus(today, -60), actor: 'SCP Huissiers du Quercy', reference: 'Acte 4512' }, claire);
  // Her consent to share with the CCAPEX, withdrawn before the session.
  const consent = (await team.rpc('dsu:addConsent', { dsuId: dsu.id, personId: card.person.id, recipientLabel: 'CCAPEX de Tarn-et-Garonne', scope: 'Examen de la situation en commission', form: 'ecrit', givenOn: plus(today, -30) }, claire)).value as { id: number };
  await team.rpc('dsu:withdrawConsent', { id: consent.id, withdrawnOn: plus(today, -10) }, claire);
  // Another household followed by Alice, on the same session.
  const other = (await team.rpc('persons:create', { birthName: 'Blanc', firstNames: 'Yves', birthDate: '1970-01-01', household: { address: '9 allée des Tilleuls', postcode: '82000', communeInsee: '82121' } }, sec)).value as { household: { id: number } };
  const otherDsu = (await team.rpc('dsu:open', { householdId: other.household.id, referentId: team.users.alice!.id }, alice)).value as { id: number };
  const otherCase = (await team.rpc('expulsions:open', { dsuId: otherDsu.id, landlordKind: 'personne_morale', landlordName: 'Tarn-et-Garonne Habitat', rentCents: 40_000 }, alice)).value as { id: number };

  // --- The sessions page, reached from the list of cases: a new session with its members ---------
  await page.goto(server.url);
  await login(page, 'claire', team.users.claire!.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Claire Conseillère' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Prévention des expulsions', exact: true }).click();
  await expect(page.locator('main')).toContainText('Dernier jour pour régler la dette du commandement de payer (passée)');
  await page.getByRole('link', { name: 'Séances CCAPEX' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Séances CCAPEX' })).toBeVisible();
  await expect(page.getByText('Aucune séance de la CCAPEX enregistrée.')).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle séance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle séance de la CCAPEX' });
  await dialog.getByRole('button', { name: 'Ajouter un membre' }).click();
  await dialog.getByRole('textbox', { name: /^Rôle ou organisme du membre 1/ }).fill('Sous-préfecture');
  await dialog.getByRole('button', { name: 'Créer la séance' }).click();
  // Every problem at once, in French: the date, the member without a name.
  await expect(dialog.getByText('Date attendue au format jj/mm/aaaa, par exemple 15/09/2026.').first()).toBeVisible();
  await expect(dialog.getByText('Membres : indiquez le nom de chaque membre (ou retirez la ligne vide).').first()).toBeVisible();
  await dialog.getByRole('textbox', { name: /^Date de la séance/ }).fill(fr(held));
  await dialog.getByRole('textbox', { name: /^Lieu/ }).fill('Préfecture de Montauban');
  await dialog.getByRole('textbox', { name: /^Nom du membre 1/ }).fill('Mme Durand');
  await dialog.getByRole('button', { name: 'Ajouter un membre' }).click();
  await dialog.getByRole('textbox', { name: /^Nom du membre 2/ }).fill('M. Roux');
  await dialog.getByRole('textbox', { name: /^Rôle ou organisme du membre 2/ }).fill('CAF de Tarn-et-Garonne');
  await dialog.getByText('Claire Conseillère', { exact: true }).click();
  await expectAccessible(page, 'CCAPEX — nouvelle séance');
  await shot(page, 'ccapex-nouvelle-seance');
  await dialog.getByRole('button', { name: 'Créer la séance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Séance de la CCAPEX du ${fr(held)}` })).toBeVisible();
  const sessionId = Number(/#\/expulsions\/ccapex\/(\d+)/.exec(page.url())?.[1]);
  await expect(page.locator('.exp-header')).toContainText('Mme Durand (Sous-préfecture), M. Roux (CAF de Tarn-et-Garonne)');
  await expect(page.locator('.exp-header')).toContainText('Claire Conseillère');
  await expect(page.getByText('Aucun dossier à l’ordre du jour')).toBeVisible();
  // Alice's case on the same session: Claire sees it only counted.
  await team.rpc('expulsions:ccapexAddCase', { sessionId, caseId: otherCase.id }, alice);

  // --- The case's CCAPEX tab: on the agenda, the evaluation, the note ------------------------------
  await page.goto(`${server.url}#/expulsions/${c.id}/ccapex`);
  const tab = page.getByRole('tabpanel', { name: 'CCAPEX' });
  await expect(tab.getByText('Ce dossier n’est à l’ordre du jour d’aucune séance de la CCAPEX.')).toBeVisible();
  // No date to come yet: the last one computed, said past in words, not only in colour.
  await expect(page.getByTestId('exp-next-date')).toContainText('Dernier jour pour régler la dette du commandement de payer (passée)');
  await tab.getByRole('button', { name: 'Inscrire à l’ordre du jour' }).click();
  await expect(tab.getByText('Choisissez la séance à laquelle inscrire le dossier.').first()).toBeVisible();
  await choose(page, tab, /Séance$/, `Séance du ${fr(held)} — Préfecture de Montauban`);
  await tab.getByRole('button', { name: 'Inscrire à l’ordre du jour' }).click();
  await expect(page.locator('.sur-live')).toContainText(`Dossier inscrit à l’ordre du jour de la séance du ${fr(held)}.`);
  await expectFocusKept(page, 'dossier inscrit');
  const entry = tab.getByTestId('exp-ccapex-entry');
  await expect(entry.getByTestId('exp-ccapex-consent')).toHaveText(`Consentement retiré le ${fr(plus(today, -10))} : informations non transmises dans la note.`);
  await expect(entry.getByRole('heading', { level: 3 })).toHaveText(`Séance du ${fr(held)} — Préfecture de Montauban (n° 2 à l’ordre du jour)`);
  await entry.getByRole('textbox', { name: /^Évaluation sociale/ }).fill('Reprise du paiement du loyer courant depuis octobre ; dossier FSL en cours.');
  await entry.getByRole('textbox', { name: /^Propositions/ }).fill('Plan d’apurement sur 24 mois avec aide du FSL.');
  await entry.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.locator('.sur-live')).toContainText(`Évaluation et propositions enregistrées pour la séance du ${fr(held)}.`);
  await expect(page.locator('.exp-header')).toContainText(`Inscrit à la séance du ${fr(held)}`);
  const [download] = await Promise.all([page.waitForEvent('download'), entry.getByRole('button', { name: 'Télécharger la note sociale (PDF)' }).click()]);
  const pdfFile = (await download.path())!;
  expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
  if (process.env.PASSEUR_SHOTS) execFileSync('pdftoppm', ['-r', '60', '-png', pdfFile, `${process.env.PASSEUR_SHOTS}/ccapex-note-pdf`]);
  const text = nbsp(execFileSync('pdftotext', [pdfFile, '-']).toString()).replace(/\s+/g, ' ');
  expect(text).toContain('Note sociale à la CCAPEX — ROUSSEL Inès');
  expect(text).toContain(`Consentement retiré le ${fr(plus(today, -10))} : informations non transmises.`);
  expect(text).toContain('M. Rivière, personne physique');
  expect(text).toContain('1 560,00 €');
  expect(text).toContain('Commandement de payer');
  expect(text).not.toContain('Reprise du paiement du loyer courant');
  expect(text).not.toContain('Composition du foyer');
  await expect(page.locator('.sur-live')).toContainText(`Note sociale pour la séance du ${fr(held)} téléchargée.`);
  await expect(entry).toContainText('Note sociale générée le');
  await expectAccessible(page, 'expulsions — onglet CCAPEX');
  await shot(page, 'ccapex-onglet');

  // --- The commission's opinion: recorded, the « passage en CCAPEX » stage follows ------------------
  await entry.getByRole('button', { name: 'Enregistrer l’avis' }).click();
  await expect(entry.getByText('Choisissez l’avis de la commission.').first()).toBeVisible();
  await choose(page, entry, /Avis$/, 'Orientation FSL');
  await entry.getByRole('textbox', { name: /^Avis \(texte\)/ }).fill('Saisir le FSL maintien.');
  await entry.getByRole('textbox', { name: /^Recommandations/ }).fill('Reprendre le loyer courant.');
  await entry.getByRole('button', { name: 'Enregistrer l’avis' }).click();
  await expect(page.locator('.sur-live')).toContainText(`Avis de la CCAPEX enregistré : Orientation FSL (séance du ${fr(held)}).`);
  await expectFocusKept(page, 'avis enregistré');
  await expect(entry.getByTestId('exp-ccapex-opinion')).toContainText(`Orientation FSL, avis du ${fr(held)} enregistré par Claire Conseillère.`);
  await expect(page.locator('.exp-header')).toContainText(`Orientation FSL (séance du ${fr(held)})`);
  await expect(page.locator('.exp-header')).toContainText('Passage en CCAPEX');
  await expect(entry.getByRole('button', { name: 'Retirer de l’ordre du jour' })).toHaveCount(0);
  // The form gives way to the opinion; « Corriger l’avis » brings it back, filled in.
  await entry.getByRole('button', { name: 'Corriger l’avis' }).click();
  await expect(entry.getByRole('textbox', { name: /^Recommandations/ })).toHaveValue('Reprendre le loyer courant.');
  await shot(page, 'ccapex-avis');
  await page.getByRole('tab', { name: 'Procédure' }).click();
  await expect(page.locator('.exp-stages')).toContainText('CCAPEX');

  // --- The session's agenda: her case named, Alice's counted ----------------------------------------
  await page.goto(`${server.url}#/expulsions/ccapex/${sessionId}`);
  const agenda = page.getByRole('table', { name: `Ordre du jour de la séance du ${fr(held)}` });
  await expect(agenda.getByRole('row')).toHaveCount(2);
  await expect(agenda).toContainText('ROUSSEL Inès');
  await expect(agenda).toContainText('Orientation FSL');
  await expect(page.getByTestId('exp-agenda-others')).toHaveText('1 autre situation');
  await expect(page.locator('main')).not.toContainText('BLANC');
  await expectAccessible(page, 'CCAPEX — séance et ordre du jour');
  await shot(page, 'ccapex-seance');
  await page.getByRole('link', { name: 'Toutes les séances' }).click();
  await expect(page.getByRole('row', { name: new RegExp(fr(held)) })).toContainText('1 dossier · 1 autre situation');
  await expectAccessible(page, 'CCAPEX — liste des séances');
  await shot(page, 'ccapex-seances');

  // --- An FSL maintien request opened from the case: linked on creation, seen on both sides ---------
  await page.goto(`${server.url}#/expulsions/${c.id}/aides`);
  await page.getByRole('link', { name: 'Demande FSL maintien' }).click();
  await expect(page).toHaveURL(new RegExp(`#/aides/nouvelle/${dsu.id}\\?dispositif=fsl_maintien&expulsion=${c.id}$`));
  await expect(page.getByRole('button', { name: /Dispositif$/ })).toContainText('FSL maintien — impayés de loyer');
  await page.getByLabel('Objet de la demande').fill('Dette locative de trois mois de loyer');
  await page.getByLabel('Montant demandé (€)').fill('1200');
  await page.getByLabel('Nom du tiers payé').fill('M. Rivière');
  await page.getByRole('button', { name: 'Ajouter une ressource' }).click();
  await page.getByLabel('Montant mensuel (€)').first().fill('1300');
  await page.getByRole('button', { name: 'Ajouter une charge' }).click();
  await page.getByLabel('Montant mensuel (€)').nth(1).fill('565');
  await page.getByRole('textbox', { name: 'Note sociale' }).fill('Avis de la CCAPEX : orientation FSL. Reprise du loyer courant.');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/Brouillon AF-\d{4}-\d{5} enregistré\. Demande liée au dossier de prévention des expulsions\./)).toBeVisible();
  const number = (/AF-\d{4}-\d{5}/.exec((await page.getByRole('heading', { level: 1 }).textContent())!) ?? [''])[0];
  const link = page.getByTestId('exp-aid-link');
  await expect(link).toContainText(`Liée au dossier d’expulsion du ${fr(today)} — Passage en CCAPEX`);
  await expectAccessible(page, 'demande FSL liée au dossier d’expulsion');
  await shot(page, 'ccapex-aide-liee');
  await link.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prévention des expulsions — ROUSSEL Inès' })).toBeVisible();
  await expect(page.getByTestId('exp-aids')).toContainText(number);
  await expect(page.getByTestId('exp-aids')).toContainText('Brouillon');

  // --- Her home page lists the next CCAPEX session the case is on, its note to prepare -------------
  const next = (await team.rpc('expulsions:ccapexSave', { heldOn: plus(today, 7), place: 'Préfecture de Montauban' }, claire)).value as { id: number };
  await team.rpc('expulsions:ccapexAddCase', { sessionId: next.id, caseId: c.id }, claire);
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil', exact: true }).click();
  await page.getByRole('region', { name: 'Mes échéances' }).getByRole('link', { name: 'Expulsion — ROUSSEL Inès : séance de la CCAPEX, note sociale à préparer' }).click();
  await expect(page.getByRole('tabpanel', { name: 'CCAPEX' }).getByTestId('exp-ccapex-entry')).toHaveCount(2);
  await shot(page, 'ccapex-deux-seances');
  await logout(page);

  // --- The secretaire: that a case exists and who follows it, nothing more ------------------------
  await login(page, 'sophie', team.users.sophie!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }).click();
  await page.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('roussel inès');
  await page.getByRole('button', { name: /ROUSSEL Inès/ }).click();
  await expect(page.getByTestId('exp-exists')).toHaveText(`Dossier de prévention des expulsions suivi par Claire Conseillère depuis le ${fr(today)}.`);
  await expect(page.locator('main')).not.toContainText('CCAPEX');
  await expect(page.locator('main')).not.toContainText('Rivière');
  await expectAccessible(page, 'premier accueil — dossier d’expulsion avec CCAPEX');
});
