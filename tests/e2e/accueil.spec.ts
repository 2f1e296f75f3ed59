/**
 * The front desk and the social workers' daily work, as people do it in Chromium against
 * `passeur serve`: a phone intake by keyboard alone, a duplicate warning, an ASS working a
 * DSU from her agenda, an exceptional access seen by the référent, and the secretaire
 * refused the journal at the API. axe on every screen crossed.
 */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, expectFocusKept, test } from './fixtures';
import { seedTeam } from './seed';
import { login, logout, shot } from './actions';

async function keyboardLogin(page: Page, login: string, password: string) {
  await expect(page.getByLabel('Identifiant')).toBeFocused();
  await page.keyboard.type(login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

test('1. secretaire: phone intake of a new family by keyboard alone, duplicate warning, appointment with the sector’s ASS', async ({ page, server, watch }) => {
  watch(page);
  const { users } = await seedTeam(server.url);
  await page.goto(server.url);
  await keyboardLogin(page, 'sophie', users.sophie!.password);
  await expect(page.getByRole('heading', { name: 'Bonjour Sophie Secrétaire' })).toBeVisible();

  // Keys pressed from "the phone rings" to "the appointment is booked", besides the text typed.
  let keys = 0;
  const press = async (key: string) => {
    keys++;
    await page.keyboard.press(key);
  };
  const tab = async (target: ReturnType<Page['locator']>) => {
    for (let i = 0; i < 60; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await press('Tab');
    }
    throw new Error('not reachable with Tab');
  };
  const started = Date.now();

  await tab(page.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }));
  await press('Enter');
  const search = page.getByLabel('Nom, prénom, date de naissance ou téléphone');
  await expect(search).toBeFocused();
  await page.keyboard.type('lemoine sarah');
  await expect(page.getByText('0 personne trouvée.')).toBeVisible();
  await expectAccessible(page, 'premier accueil — recherche');
  await tab(page.getByRole('button', { name: 'Nouvelle personne' }));
  await press('Enter');

  // The form starts with what was typed.
  await expect(page.getByLabel('Nom de naissance', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Nom de naissance', { exact: true })).toHaveValue('Lemoine');
  await expect(page.getByLabel('Prénom(s)', { exact: true })).toHaveValue('Sarah');
  await tab(page.getByLabel('Date de naissance', { exact: true }));
  await page.keyboard.type('14/02/1990');
  await tab(page.getByLabel('Téléphone', { exact: true }));
  await page.keyboard.type('06 71 22 33 44');
  await tab(page.getByLabel('Numéro et voie', { exact: true }));
  await page.keyboard.type('4 rue des Carmes');
  await tab(page.getByLabel('Complément d’adresse', { exact: true }));
  await page.keyboard.type('Résidence du Tescou');
  await tab(page.getByLabel('Code postal', { exact: true }));
  await page.keyboard.type('8200');
  await tab(page.getByRole('button', { name: /Commune/ }));
  await press('Enter');
  await page.keyboard.type('Montauban');
  await press('Enter');
  await expect(page.getByRole('button', { name: /Commune/ })).toContainText('Montauban (82121)');
  // Four digits: refused in French before anything is sent; corrected, the postcode is kept.
  await tab(page.getByRole('button', { name: 'Enregistrer la personne' }));
  await press('Enter');
  await expect(page.getByText('Code postal : 5 chiffres (par exemple 82000), ou laissez le champ vide.').first()).toBeVisible();
  await page.getByLabel('Code postal', { exact: true }).fill('82000');
  await expectAccessible(page, 'premier accueil — nouvelle personne');
  await shot(page, '1-nouvelle-personne');
  await tab(page.getByRole('button', { name: 'Enregistrer la personne' }));
  await press('Enter');
  await expect(page.getByText('4 rue des Carmes, Résidence du Tescou, 82000 Montauban')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Fiche de LEMOINE Sarah enregistrée.' })).toBeVisible();
  await expectFocusKept(page, 'fiche enregistrée');

  // The family: a child joins the household.
  await expect(page.getByRole('heading', { name: 'LEMOINE Sarah' })).toBeVisible();
  await expect(page.getByTestId('dsu-ref')).toHaveText('Pas de DSU');
  await tab(page.getByRole('button', { name: 'Ajouter un membre du foyer' }));
  await press('Enter');
  await expect(page.getByLabel('Nom de naissance', { exact: true })).toBeFocused();
  await page.keyboard.type('Lemoine');
  await press('Tab');
  await page.keyboard.type('Tom');
  await tab(page.getByLabel('Date de naissance', { exact: true }));
  await page.keyboard.type('03/09/2016');
  await tab(page.getByRole('button', { name: 'Enregistrer la personne' }));
  await press('Enter');
  // The call is about Sarah: adding her son never changes whose first contact this is, and the
  // keyboard goes on from her card.
  await expect(page.getByText('Nouveau membre du foyer enregistré : LEMOINE Tom. Le premier accueil reste celui de LEMOINE Sarah.')).toBeVisible();
  await expectFocusKept(page, 'membre enregistré');
  await expect(page.getByRole('heading', { name: 'LEMOINE Sarah' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'LEMOINE Tom' })).toBeVisible();
  await expect(page.getByText('Montauban Est — ASS : Alice Assistante, CESF : Claire Conseillère')).toBeVisible();

  // The first contact: téléphone is the default mode; one motif, the request, an appointment.
  await tab(page.getByRole('checkbox', { name: 'Logement / hébergement' }));
  await press('Space');
  await tab(page.getByLabel('La demande, dans les mots de la personne', { exact: true }));
  await page.keyboard.type('Mon propriétaire veut reprendre le logement, je ne sais pas quoi faire.');
  await expect(page.getByRole('radio', { name: 'Rendez-vous avec l’ASS ou la CESF du secteur' })).toBeChecked();
  await expect(page.getByRole('button', { name: /Professionnel·le/ })).toContainText('Alice Assistante');
  await tab(page.getByRole('button', { name: 'Premier créneau libre' }));
  await press('Enter');
  await expect(page.getByLabel('Heure', { exact: true })).toHaveValue(/^\d{2}:\d{2}$/);
  await expectAccessible(page, 'premier accueil — premier contact');
  await shot(page, '1-premier-contact');
  await tab(page.getByRole('button', { name: 'Enregistrer le premier accueil' }));
  await press('Enter');
  await expect(page.getByText(/Premier accueil de LEMOINE Sarah enregistré\. Rendez-vous avec Alice Assistante le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}\./)).toBeVisible();
  const seconds = (Date.now() - started) / 1000;
  test.info().annotations.push({ type: 'premier accueil au clavier', description: `${keys} touches de navigation, ${seconds.toFixed(1)} s de bout en bout` });
  expect(keys, 'navigation keys for the whole phone intake').toBeLessThanOrEqual(90);
  await shot(page, '1-enregistre');

  // A second entry of the same person: the duplicate is shown before anything is created.
  await expect(page.getByRole('button', { name: 'Accueil suivant' })).toBeFocused();
  await press('Enter');
  await expect(search).toBeFocused();
  await page.keyboard.type('sara lemoin');
  await expect(page.getByRole('button', { name: /LEMOINE Sarah/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /LEMOINE Sarah/ })).toContainText('début du nom'); // why she was found
  await page.getByRole('button', { name: 'Nouvelle personne' }).click();
  await page.getByLabel('Nom de naissance', { exact: true }).fill('Lemoine');
  await page.getByLabel('Prénom(s)', { exact: true }).fill('Sara');
  await page.getByLabel('Date de naissance', { exact: true }).fill('14/02/1990');
  const dup = page.getByRole('complementary', { name: 'Fiches qui ressemblent' });
  await expect(dup.getByRole('heading', { name: '1 fiche ressemble à cette personne' })).toBeVisible();
  await expect(dup).toContainText('même date de naissance, nom proche');
  await expectAccessible(page, 'premier accueil — doublon probable');
  await shot(page, '1-doublon');
  await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
  await expect(page.getByRole('alert')).toContainText('Une fiche existante ressemble à cette personne (LEMOINE Sarah)');
  await dup.getByRole('button', { name: 'C’est elle : ouvrir cette fiche' }).click();
  await expect(page.getByRole('heading', { name: 'LEMOINE Sarah' })).toBeVisible();
  await expect(page.getByText(/Alice Assistante — Premier accueil sur place — Prévu/)).toBeVisible();

  // The appointment is in Alice's agenda.
  await page.getByRole('navigation').getByRole('link', { name: 'Rendez-vous' }).click();
  await page.getByRole('radio', { name: 'Semaine' }).check({ force: true });
  await page.getByRole('button', { name: /Agenda de/ }).click();
  await page.getByRole('option', { name: 'Alice Assistante' }).click();
  const item = page.getByTestId('agenda').getByRole('button', { name: /LEMOINE Sarah, .*Alice Assistante/ });
  await turnWeeksUntil(page, item);
  await expect(item).toContainText('Premier accueil sur place');
  await expectAccessible(page, 'agenda de la semaine');
  await shot(page, '1-agenda');
});

/** Seeds, as the secretaire, a family with an open DSU (référent: Alice) and an appointment. */
async function familyWithDsu(server: { url: string }) {
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const card = (await team.rpc('persons:create', { birthName: 'Moreau', firstNames: 'Inès', birthDate: '1988-08-08', phone: '0611223344', household: { address: '12 rue de la République', communeInsee: '82121' } }, sec)).value as {
    person: { id: number };
  };
  const rec = (await team.rpc('intake:record', { personId: card.person.id, mode: 'presentiel', motifs: ['budget_dettes'], urgent: false, request: 'Des dettes de loyer', outcome: 'dsu' }, sec)).value as { dsu: { id: number; number: string } };
  const free = (await team.rpc('rdv:nextFree', { professionalId: team.users.alice!.id, from: '2000-01-01T08:00', durationMin: 45 }, sec)).value as { startsAt: string };
  await team.rpc('rdv:book', { professionalId: team.users.alice!.id, personId: card.person.id, startsAt: free.startsAt, durationMin: 45, kind: 'accompagnement_presentiel', place: 'MDS' }, sec);
  return { team, dsu: rec.dsu, startsAt: free.startsAt };
}

async function showWeekOf(page: Page, day: string) {
  await page.getByRole('radio', { name: 'Semaine' }).check({ force: true });
  const item = page.getByTestId('agenda').getByRole('button', { name: /MOREAU Inès, .*Alice Assistante/ });
  await turnWeeksUntil(page, item);
  await expect(item, `appointment of ${day}`).toBeVisible();
}

/** Turns the agenda's weeks (at most three) until `item` shows, each week read only once it has loaded. */
async function turnWeeksUntil(page: Page, item: Locator) {
  const agenda = page.getByTestId('agenda');
  for (let i = 0; i < 4; i++) {
    await expect(agenda).toHaveAttribute('aria-busy', 'false');
    if (await item.count()) return;
    if (i < 3) await page.getByRole('button', { name: 'Semaine suivante' }).click();
  }
}

test('2. ASS: from her agenda to the DSU — interview, VAD in binôme, document, consent and withdrawal, closing', async ({ page, server, watch }) => {
  watch(page);
  const { team, dsu, startsAt } = await familyWithDsu(server);
  await page.goto(server.url);
  await login(page, 'alice', team.users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Rendez-vous' }).click();
  await showWeekOf(page, startsAt.slice(0, 10));
  await expectAccessible(page, 'agenda de l’ASS');
  await page.getByTestId('agenda').getByRole('button', { name: /MOREAU Inès, .*Alice Assistante/ }).click();
  await page.getByRole('dialog', { name: 'Rendez-vous de MOREAU Inès' }).getByRole('link', { name: `Ouvrir le dossier ${dsu.number}` }).click();

  await expect(page.getByRole('heading', { name: `DSU ${dsu.number} — MOREAU Inès`, level: 1 })).toBeVisible();
  await expectFocusKept(page, 'ouverture du DSU');
  await page.getByRole('tab', { name: 'Premiers accueils' }).click();
  await expect(page.getByText('« Des dettes de loyer »', { exact: false })).toBeVisible();
  await expectAccessible(page, 'DSU');

  // An office interview.
  await page.getByRole('tab', { name: 'Journal' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle intervention' });
  await form.getByRole('button', { name: /Champ d’intervention/ }).click();
  await page.getByRole('option', { name: 'Budget' }).click();
  await form.getByLabel('Résumé').fill('Entretien : point sur les dettes de loyer, dossier FSL à constituer.');
  await form.getByRole('button', { name: 'Enregistrer l’intervention' }).click();
  await expect(form.getByText('Intervention enregistrée.')).toBeVisible();

  // A home visit in binôme with the CESF, with a restricted note.
  await form.getByRole('button', { name: /Type/ }).click();
  await page.getByRole('option', { name: 'Visite à domicile' }).click();
  await form.getByRole('button', { name: /Champ d’intervention/ }).click();
  await page.getByRole('option', { name: 'Logement / hébergement' }).click();
  await form.getByLabel('Résumé').fill('VAD : logement humide, chauffage insuffisant.');
  await form.getByLabel('Note restreinte (facultative)').fill('Madame évoque des tensions avec le voisinage.');
  await form.getByRole('button', { name: /En binôme avec/ }).click();
  await page.getByRole('option', { name: 'Claire Conseillère' }).click();
  await form.getByRole('button', { name: 'Enregistrer l’intervention' }).click();
  const vad = page.locator('.journal-entry', { hasText: 'VAD : logement humide' });
  await expect(vad).toContainText('Par Alice Assistante et Claire Conseillère');
  await expect(vad).toContainText('Madame évoque des tensions avec le voisinage.');

  // A document, stored encrypted.
  await page.getByRole('tab', { name: 'Documents' }).click();
  const docs = page.getByRole('region', { name: 'Documents' });
  await docs.getByLabel('Fichier (PDF, PNG ou JPEG, 10 Mo au plus)').setInputFiles({ name: 'quittance.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%quittance\n%%EOF\n') });
  await docs.getByLabel('Titre (sinon le nom du fichier)').fill('Quittance d’octobre');
  await docs.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(docs.getByRole('button', { name: 'Quittance d’octobre' })).toBeVisible();
  await expectFocusKept(page, 'document ajouté');
  // A file that is not what its name says is refused, in French.
  await docs.getByLabel('Fichier (PDF, PNG ou JPEG, 10 Mo au plus)').setInputFiles({ name: 'faux.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ pas un pdf') });
  await docs.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(docs.getByRole('alert')).toHaveText('Le formulaire contient une erreur : corrigez le champ signalé.');
  await expect(docs.getByLabel('Fichier (PDF, PNG ou JPEG, 10 Mo au plus)')).toHaveAccessibleDescription(/seuls les PDF, PNG et JPEG sont acceptés/);
  await expectFocusKept(page, 'document refusé');

  // A consent, then its withdrawal.
  await page.getByRole('tab', { name: 'Consentements' }).click();
  const consents = page.getByRole('region', { name: 'Consentements au partage' });
  await consents.getByRole('button', { name: 'Enregistrer un consentement' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Avec$/ }).click();
  await page.getByRole('option', { name: 'Tarn-et-Garonne Habitat — Gestion locative' }).click();
  await dialog.getByLabel('Objet du partage').fill('Situation budgétaire pour un plan d’apurement');
  await expectAccessible(page, 'consentement');
  await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(consents).toContainText('MOREAU Inès → Tarn-et-Garonne Habitat — Gestion locative : Situation budgétaire');
  await consents.getByRole('button', { name: 'Retrait du consentement' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Retrait du consentement' }).click();
  await expect(consents).toContainText(/RETIRÉ le \d{2}\/\d{2}\/\d{4}/);
  // Preparing a sharing with that partner now warns.
  await page.getByRole('tab', { name: 'Journal' }).click();
  await form.getByRole('button', { name: /Partenaire concerné/ }).click();
  await page.getByRole('option', { name: 'Tarn-et-Garonne Habitat — Gestion locative' }).click();
  await expect(form.getByRole('alert')).toContainText('Consentement au partage retiré avec ce partenaire');
  await expectAccessible(page, 'DSU renseigné');
  await shot(page, '2-dsu');

  // The right of access: the whole file as a PDF, saved by the browser (a save dialog in Electron).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter (PDF)' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${dsu.number}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByText('Export PDF prêt.')).toBeVisible();

  // Closing.
  await page.getByRole('button', { name: 'Clore le dossier' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /Motif de clôture/ }).click();
  await page.getByRole('option', { name: 'Fin de demande' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clore le dossier' }).click();
  await expect(page.getByText('Dossier clos : rouvrez-le pour y ajouter quelque chose.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Nouvelle intervention' })).toHaveCount(0);
  await expectAccessible(page, 'DSU clos');
});

test('3. a second ASS opens the DSU by exceptional access; the référent sees it', async ({ page, server, watch }) => {
  watch(page);
  const { team, dsu } = await familyWithDsu(server);
  await page.goto(server.url);
  await login(page, 'bruno', team.users.bruno!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers sociaux (DSU)' }).click();
  await expect(page.getByText('Aucun dossier.')).toBeVisible();
  // Any member of the household leads to its file: search by person.
  await page.getByRole('radio', { name: 'Rechercher une personne' }).check({ force: true });
  await page.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('ines moreau');
  const results = page.getByRole('table', { name: 'Personnes trouvées et le dossier de leur foyer' });
  await expect(results.getByRole('row', { name: /MOREAU Inès/ })).toContainText(dsu.number);
  await expect(results.getByRole('row', { name: /MOREAU Inès/ })).toContainText('nom exact');
  await expectAccessible(page, 'recherche de personne (DSU)');
  await page.getByRole('radio', { name: /Tous les dossiers du site/ }).check({ force: true });
  await expectAccessible(page, 'liste des DSU du site');
  await shot(page, '3-liste-dsu');
  await page.getByRole('link', { name: dsu.number }).click();
  await expect(page.getByRole('heading', { name: 'Accès exceptionnel' })).toBeVisible();
  await expect(page.getByText(/n’est pas dans vos suivis/)).toBeVisible();
  await expect(page.getByText('Des dettes de loyer')).toHaveCount(0);
  await expectAccessible(page, 'accès exceptionnel');
  await page.getByLabel('Motif de l’accès').fill('Remplacement d’Alice, en congé cette semaine');
  await page.getByRole('button', { name: 'Ouvrir le dossier (accès tracé)' }).click();
  await expect(page.getByText('Vous consultez ce dossier par accès exceptionnel')).toBeVisible();
  await page.getByRole('tab', { name: 'Premiers accueils' }).click();
  await expect(page.getByText('« Des dettes de loyer »', { exact: false })).toBeVisible();
  await logout(page);

  await login(page, 'alice', team.users.alice!.password);
  await expect(page.getByRole('heading', { name: 'Bonjour Alice Assistante' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vos rendez-vous du jour' })).toBeVisible();
  await expectAccessible(page, 'accueil de l’ASS');
  await page.evaluate((id) => (window.location.hash = `#/dsu/${id}`), dsu.id);
  const seen = page.getByRole('region', { name: 'Accès exceptionnels à ce dossier' });
  await expect(seen).toContainText('Bruno Volant');
  await expect(seen).toContainText('« Remplacement d’Alice, en congé cette semaine »');
  await expectAccessible(page, 'DSU vu par la référente');
  await shot(page, '3-acces-exceptionnel');
});

test('4. the secretaire calling the journal through the API is refused', async ({ page, server, watch }) => {
  watch(page);
  const { team, dsu } = await familyWithDsu(server);
  await page.goto(server.url);
  await login(page, 'sophie', team.users.sophie!.password);
  await expect(page.getByRole('heading', { name: 'Bonjour Sophie Secrétaire' })).toBeVisible();
  await expect(page.getByRole('navigation').getByText('Dossiers sociaux (DSU)')).toHaveCount(0);
  const answers = await page.evaluate(async (id) => {
    const ask = async (channel: string, input: unknown) => {
      const r = await fetch(`rpc/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return (await r.json()) as { ok: boolean; error?: { code: string; message: string } };
    };
    return [await ask('dsu:journal', { id, beforeId: 1000 }), await ask('dsu:get', { id }), await ask('dsu:export', { id, format: 'json' })];
  }, dsu.id);
  for (const a of answers) {
    expect(a.ok).toBe(false);
    expect(a.error?.code).toBe('forbidden');
    expect(a.error?.message).toMatch(/Votre rôle ne permet pas cette opération/);
  }
  // What she may read about the family: the DSU's number and référent, nothing of its content.
  await page.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }).click();
  await page.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('moreau');
  await page.getByRole('button', { name: /MOREAU Inès/ }).click();
  await expect(page.getByTestId('dsu-ref')).toHaveText(`DSU n° ${dsu.number} — référent·e : Alice Assistante`);
  await expect(page.getByText('Des dettes de loyer')).toHaveCount(0);
  await expectAccessible(page, 'fiche vue par la secrétaire');
});

test('5. partners imported from a CSV file (refused whole with its bad lines, then accepted); a responsable merges two records and undoes it', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  for (const p of [
    { birthName: 'Garcia', firstNames: 'Luis', birthDate: '1960-01-01', household: { address: '', communeInsee: '82121' } },
    { birthName: 'Garcia', firstNames: 'Luis', phone: '0611111111', household: { address: '', communeInsee: null }, confirmNotDuplicate: true },
  ]) {
    await team.rpc('persons:create', p, sec);
  }

  await page.goto(server.url);
  await login(page, 'sophie', team.users.sophie!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Partenaires' }).click();
  await expect(page.getByRole('cell', { name: 'CAF de Tarn-et-Garonne', exact: true })).toBeVisible();
  await expectAccessible(page, 'annuaire des partenaires');
  await page.getByRole('button', { name: 'Importer un fichier CSV' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Fichier CSV').setInputFiles({ name: 'partenaires.csv', mimeType: 'text/csv', buffer: Buffer.from('Organisme;Service;Code postal\nFrance Travail;Agence Montauban;82000\n;Sans nom;82000\nCCAS;Accueil;820\n') });
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Fichier refusé : 2 lignes à corriger. Rien n’a été importé.');
  await expect(dialog.getByRole('row', { name: /3 L’organisme est vide/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /4 Code postal « 820 » invalide/ })).toBeVisible();
  await expectAccessible(page, 'import refusé');
  await dialog.getByLabel('Fichier CSV').setInputFiles({ name: 'partenaires.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFFOrganisme;Service;Missions\nFrance Travail;Agence Montauban;"Inscription; accompagnement"\n') });
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByText('1 partenaire ajouté, 0 mis à jour.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Inscription; accompagnement', exact: true })).toBeVisible();
  await shot(page, '5-partenaires');
  await logout(page);

  await login(page, 'remi', team.users.remi!.password);
  await expect(page.getByText('Aucun dossier n’a dépassé deux ans sans contact.')).toBeVisible();
  await expectAccessible(page, 'accueil du responsable');
  await page.getByRole('navigation').getByRole('link', { name: 'Fusion de fiches' }).click();
  await expectAccessible(page, 'fusion de fiches');
  const keep = page.getByRole('group', { name: 'Fiche conservée' });
  await keep.getByLabel('Rechercher').fill('garcia');
  await keep.getByRole('radio', { name: /GARCIA Luis — 01\/01\/1960/ }).check({ force: true });
  const absorb = page.getByRole('group', { name: 'Fiche réunie à la première' });
  await absorb.getByLabel('Rechercher').fill('garcia');
  await absorb.getByRole('radio', { name: /GARCIA Luis — 06 11 11 11 11.* \(nom exact\)$/ }).check({ force: true });
  await page.getByRole('button', { name: 'Fusionner les fiches' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Fusionner les fiches' }).click();
  await expect(page.getByText('Fiches fusionnées sur GARCIA Luis.')).toBeVisible();
  await expect(page.getByText(/Rémi Responsable : GARCIA Luis réunie à GARCIA Luis/)).toBeVisible();
  await shot(page, '5-fusion');
  await page.getByRole('button', { name: 'Annuler la fusion' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler la fusion' }).click();
  await expect(page.getByText('Fusion annulée.')).toBeVisible();
  await expect(page.getByText(/annulée le/)).toBeVisible();
});
