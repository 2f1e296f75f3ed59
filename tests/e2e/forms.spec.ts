/**
 * Every form shows all its errors at once (RGAA 11.10), in Chromium against `passeur serve`:
 * dialog forms refused by the server (an account, a partner) or by their own checks (a
 * booking, a file's intervenant, consent and its withdrawal) mark each faulty field `aria-invalid`, described
 * by its French sentence, focus one summary that counts the errors, and stay open with what
 * was typed. A field that becomes required (the cancel note for « Autre », the organism once a
 * beneficiary number is typed) says « Obligatoire » and is `aria-required` only then.
 */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { ADMIN, seedTeam } from './seed';
import { login, shot } from './actions';
import { nextTuesday } from './dates';

/** The screen as it is seen (viewport only) into `PASSEUR_SHOTS`, named with the viewport's width. */
async function view(page: Page, name: string) {
  const dir = process.env.PASSEUR_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}-${page.viewportSize()?.width ?? 0}.png`, fullPage: false });
}

/** A faulty field: aria-invalid, and its sentence among what describes it. */
async function expectFaulty(field: Locator, sentence: string | RegExp) {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(typeof sentence === 'string' ? new RegExp(sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : sentence);
}

/** The summary: the dialog's one alert, counting the errors, with the focus. */
async function expectSummary(scope: Locator, count: number) {
  const summary = scope.getByRole('alert');
  await expect(summary).toHaveText(count === 1 ? 'Le formulaire contient une erreur : corrigez le champ signalé.' : `Le formulaire contient ${count} erreurs : corrigez les champs signalés.`);
  await expect(summary).toBeFocused();
}

/** Checks a React Aria checkbox or radio as the keyboard does (its label covers the input). */
async function press(page: Page, control: Locator) {
  await control.focus();
  await page.keyboard.press('Space');
}

async function choose(page: Page, scope: Locator, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const fr = (iso: string) => new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`)).replace(/ 1 /, ' 1er ');

test('account and partner dialogs: every refusal of the server shown at once, each on its field', async ({ page, server, watch }) => {
  watch(page);
  await seedTeam(server.url);
  await page.goto(server.url);
  await login(page, ADMIN.login, ADMIN.password);
  await expect(page.getByRole('heading', { name: `Bonjour ${ADMIN.name}` })).toBeVisible();

  // A new account: a bad login, a one-letter name, no role — three errors together.
  await page.evaluate(() => (window.location.hash = '#/admin/utilisateurs'));
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau compte' });
  const roles = dialog.getByRole('group', { name: 'Rôles' });
  await expect(roles).toContainText('Obligatoire');
  await dialog.getByLabel('Identifiant').fill('é é');
  await dialog.getByLabel('Nom affiché').fill('L');
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();
  await expectSummary(dialog, 3);
  await expectFaulty(dialog.getByLabel('Identifiant'), /Identifiant invalide/);
  await expectFaulty(dialog.getByLabel('Nom affiché'), /au moins 2 caractères/);
  await expect(roles).toContainText('Choisissez au moins un rôle.');
  await expect(dialog.getByLabel('Nom affiché')).toHaveValue('L');
  await expectAccessible(page, 'compte — trois erreurs');
  await view(page, 'formulaire-compte-erreurs');
  // Corrected, the account is created.
  await dialog.getByLabel('Identifiant').fill('ass.leroy');
  await dialog.getByLabel('Nom affiché').fill('Lou Leroy');
  await press(page, dialog.getByRole('checkbox', { name: /Assistant·e de service social/ }));
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByTestId('one-time-password')).toBeVisible();
  await page.getByRole('button', { name: 'C’est noté' }).click();

  // A partner: no organisation and a telephone too long — two errors, what was typed kept.
  await page.evaluate(() => (window.location.hash = '#/partenaires'));
  await page.getByRole('button', { name: 'Nouveau partenaire' }).click();
  const partner = page.getByRole('dialog', { name: 'Nouveau partenaire' });
  await partner.getByLabel('Service').fill('Accueil social');
  await partner.getByLabel('Téléphone').fill('0'.repeat(31));
  await partner.getByRole('button', { name: 'Enregistrer' }).click();
  await expectSummary(partner, 2);
  await expectFaulty(partner.getByLabel('Organisme'), /^Obligatoire\b.*Organisme : /);
  await expectFaulty(partner.getByLabel('Téléphone'), /Téléphone : /);
  await expect(partner.getByLabel('Service')).toHaveValue('Accueil social');
  await expect(partner.getByLabel('Service')).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'partenaire — deux erreurs');
  await shot(page, 'formulaire-partenaire-erreurs');
  await view(page, 'formulaire-partenaire-erreurs');
});

test('booking and cancelling: the dialog’s own checks at once; the cancel note required only for « Autre »', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  await team.rpc('persons:create', { birthName: 'Dupont', firstNames: 'Marie', birthDate: '1985-02-02', household: { address: '3 rue du Moustier', postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec);
  const { iso: day, steps } = nextTuesday();
  const dayFr = fr(day);
  await page.goto(server.url);
  await login(page, 'sophie', team.users.sophie!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Rendez-vous' }).click();
  const shown = page.getByRole('group', { name: 'Agendas affichés' });
  for (const name of ['Alice Assistante']) {
    const box = shown.getByRole('checkbox', { name });
    if (!(await box.isChecked())) await press(page, box);
  }
  for (let i = 0; i < steps; i++) await page.getByRole('button', { name: 'Jour suivant' }).click();
  const grid = page.getByTestId('agenda');
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  await grid.getByRole('button', { name: `Réserver le ${dayFr} à 9 h 30 avec Alice Assistante` }).click();

  // No person chosen, the date and the time unreadable: three errors, each on its field.
  const book = page.getByRole('dialog', { name: `Rendez-vous avec Alice Assistante — ${dayFr}, 9 h 30` });
  await expect(book.getByLabel('Rechercher la personne')).toHaveAttribute('aria-required', 'true');
  await book.getByLabel('Date', { exact: true }).fill('32/13');
  await book.getByLabel('Heure', { exact: true }).fill('midi');
  await book.getByRole('button', { name: 'Réserver' }).click();
  await expectSummary(book, 3);
  await expectFaulty(book.getByLabel('Rechercher la personne'), 'Recherchez puis choisissez la personne.');
  await expectFaulty(book.getByLabel('Date', { exact: true }), 'Date : indiquez une date au format jj/mm/aaaa.');
  await expectFaulty(book.getByLabel('Heure', { exact: true }), 'Heure : indiquez une heure au format hh:mm.');
  await expect(book.getByLabel('Heure', { exact: true })).toHaveValue('midi');
  await expectAccessible(page, 'réserver — trois erreurs');
  await view(page, 'formulaire-reserver-erreurs');
  // Corrected, the appointment is booked.
  await book.getByLabel('Rechercher la personne').fill('dupont');
  await press(page, book.getByRole('radio', { name: /DUPONT Marie/ }));
  await book.getByLabel('Date', { exact: true }).fill(day.split('-').reverse().join('/'));
  await book.getByLabel('Heure', { exact: true }).fill('09:30');
  await book.getByRole('button', { name: 'Réserver' }).click();
  const appt = grid.getByRole('button', { name: new RegExp(`^${dayFr}, 9 h 30 – 10 h, DUPONT Marie`) });
  await expect(appt).toBeFocused();

  // Cancelling: the note becomes required with « Autre », and only then.
  await appt.click();
  await page.getByRole('dialog', { name: 'Rendez-vous de DUPONT Marie' }).getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  const cancel = page.getByRole('dialog', { name: 'Annuler le rendez-vous de DUPONT Marie' });
  const note = cancel.getByLabel('Précision');
  await expect(note).not.toHaveAttribute('aria-required', 'true');
  await expect(note).not.toHaveAccessibleDescription(/Obligatoire/);
  await press(page, cancel.getByRole('radio', { name: 'Autre' }));
  await expect(note).toHaveAttribute('aria-required', 'true');
  await expect(note).toHaveAccessibleDescription(/^Obligatoire\./);
  await cancel.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  await expectSummary(cancel, 1);
  await expectFaulty(note, 'Précision : à renseigner quand le motif est « autre » (quelques mots pratiques).');
  await expectAccessible(page, 'annuler — précision obligatoire');
  await press(page, cancel.getByRole('radio', { name: 'Erreur de saisie' }));
  await expect(note).not.toHaveAttribute('aria-required', 'true');
  await expect(note).not.toHaveAccessibleDescription(/Obligatoire/);
});

test('a file’s dialogs and its situation: every error at once; the organism required once a number is typed', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const ines = (await team.rpc('persons:create', { birthName: 'Moreau', firstNames: 'Inès', birthDate: '1988-08-08', household: { address: '12 rue de la République', postcode: '82000', communeInsee: '82121' } }, sec)).value as { person: { id: number } };
  const rec = (await team.rpc('intake:record', { personId: ines.person.id, mode: 'presentiel', motifs: ['budget_dettes'], urgent: false, request: 'Des dettes de loyer', outcome: 'dsu' }, sec)).value as { dsu: { id: number } };
  await page.goto(server.url);
  await login(page, 'alice', team.users.alice!.password);
  await expect(page.getByRole('heading', { name: 'Bonjour Alice Assistante' })).toBeVisible();

  // An intervenant with neither professional nor mission: two errors.
  await page.evaluate((id) => (window.location.hash = `#/dsu/${id}/consents`), rec.dsu.id);
  await page.getByRole('button', { name: 'Ajouter un·e intervenant·e' }).click();
  const team1 = page.getByRole('dialog', { name: 'Ajouter un·e intervenant·e' });
  await team1.getByRole('button', { name: 'Ajouter' }).click();
  await expectSummary(team1, 2);
  await expectFaulty(team1.getByLabel('Mission'), 'Mission : à renseigner.');
  await expectFaulty(team1.locator('.field', { has: page.getByText('Professionnel·le', { exact: true }) }).getByRole('button'), /^Obligatoire Professionnel·le : à renseigner\.$/);
  await expectAccessible(page, 'intervenant — deux erreurs');
  await page.keyboard.press('Escape');

  // A consent with no recipient, no purpose, no readable date: three errors.
  const panel = page.getByRole('tabpanel', { name: 'Consentements' });
  await panel.getByRole('button', { name: 'Enregistrer un consentement' }).click();
  const consent = page.getByRole('dialog', { name: 'Enregistrer un consentement' });
  await consent.getByLabel('Date', { exact: true }).fill('hier');
  await consent.getByRole('button', { name: 'Enregistrer' }).click();
  await expectSummary(consent, 3);
  await expectFaulty(consent.getByLabel('Destinataire'), /^Obligatoire.*Destinataire : nommez le professionnel/);
  await expectFaulty(consent.getByLabel('Objet du partage'), 'Objet du partage : à renseigner.');
  await expectFaulty(consent.getByLabel('Date', { exact: true }), 'Date : indiquez une date au format jj/mm/aaaa.');
  await expect(consent.getByLabel('Date', { exact: true })).toHaveValue('hier');
  await expectAccessible(page, 'consentement — trois erreurs');
  await shot(page, 'formulaire-consentement-erreurs');
  await view(page, 'formulaire-consentement-erreurs');
  // Corrected, it is recorded; its withdrawal with an unreadable date is refused on the date itself.
  await consent.getByLabel('Destinataire').fill('Mme Vidal, CCAS');
  await consent.getByLabel('Objet du partage').fill('Dossier FSL');
  await consent.getByLabel('Date', { exact: true }).fill(new Date().toLocaleDateString('fr-FR'));
  await consent.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(consent).toHaveCount(0);
  await panel.getByRole('button', { name: 'Retrait du consentement' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Retrait du consentement' });
  await withdraw.getByLabel('Date du retrait').fill('bientôt');
  await withdraw.getByRole('button', { name: 'Retrait du consentement' }).click();
  await expectSummary(withdraw, 1);
  await expectFaulty(withdraw.getByLabel('Date du retrait'), 'Date : indiquez une date au format jj/mm/aaaa.');
  await page.keyboard.press('Escape');

  // The situation: the organism says « Obligatoire » once a beneficiary number is typed, not before, not after it is cleared.
  await page.evaluate((id) => (window.location.hash = `#/dsu/${id}/situation`), rec.dsu.id);
  const situation = page.getByRole('tabpanel', { name: 'Situation' });
  await situation.getByRole('button', { name: 'Renseigner la situation' }).click();
  const form = situation.getByRole('form', { name: 'Mettre à jour la situation du foyer' });
  const organism = form.locator('.field', { has: page.getByText('Organisme', { exact: true }) });
  await expect(organism).not.toContainText('Obligatoire');
  await form.getByLabel('Numéro d’allocataire').fill('1234567');
  await expect(organism).toContainText('Obligatoire');
  await expect(organism.getByRole('button')).toHaveAccessibleDescription(/Obligatoire/);
  // Saved so, the form names both problems at once: the organism missing, the situation's date unreadable.
  await form.getByLabel('Situation au (JJ/MM/AAAA)').fill('demain');
  await form.getByRole('button', { name: 'Enregistrer la situation' }).click();
  await expectSummary(form, 2);
  await expectFaulty(form.getByLabel('Situation au (JJ/MM/AAAA)'), 'Date attendue au format JJ/MM/AAAA.');
  await expectFaulty(organism.getByRole('button'), /Obligatoire.*Organisme : indiquez s’il s’agit de la CAF ou de la MSA/);
  await form.getByLabel('Numéro d’allocataire').fill('');
  await expect(organism).not.toContainText('Obligatoire');
  await choose(page, form, / Organisme$/, 'CAF');
  await expectAccessible(page, 'situation — organisme');
});
