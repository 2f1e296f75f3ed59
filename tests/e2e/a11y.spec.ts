/**
 * Accessibility (RGAA 4.1) journeys, by keyboard alone: booking from the agenda and merging
 * two records (7.3 person pickers), where the focus lands after each action (12.8), the idle
 * warning and the work kept across the lock (13.1), page titles (8.6), and the signed-in
 * screens at 320 px with the menu folded (10.11). See README « Accessibilité (RGAA 4.1) ».
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, expectFocusKept, tabTo, test } from './fixtures';
import { expectNoOverflow } from './layout';
import { seedTeam } from './seed';
import { shot } from './actions';

/** Types into a field reached with Tab (never a click). */
async function typeInto(page: Page, field: Locator, text: string, max = 80): Promise<void> {
  await tabTo(page, field, max);
  await page.keyboard.type(text);
}

async function keyboardLogin(page: Page, login: string, password: string): Promise<void> {
  await expect(page.getByLabel('Identifiant')).toBeFocused();
  await page.keyboard.type(login);
  await typeInto(page, page.getByLabel('Mot de passe', { exact: true }), password, 5);
  await page.keyboard.press('Enter');
  await expect(page.locator('#page-title')).toBeFocused();
}

/** Follows a menu link with the keyboard; the new page's title (or its starting field) has the focus. */
async function keyboardNav(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('navigation').getByRole('link', { name, exact: true }), 40);
  await page.keyboard.press('Enter');
}

/** Opens a tab of the DSU by keyboard (Tab reaches the open one, the arrows move to `name`); the address keeps it (`#/dsu/12/<key>`). */
async function openDsuTab(page: Page, name: string, key: string): Promise<void> {
  const tabs = page.getByRole('tablist', { name: /^Sections du dossier/ });
  await tabTo(page, tabs.getByRole('tab', { selected: true }), 80);
  const tab = tabs.getByRole('tab', { name, exact: true });
  for (let i = 0; i < 10 && (await tab.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowRight');
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(tab).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/dsu/\\d+/${key}$`));
}

/** Chooses, with the arrow keys, the radio of `group` whose name matches `name`. */
async function chooseRadio(page: Page, group: Locator, name: RegExp): Promise<void> {
  const radios = group.getByRole('radio');
  await tabTo(page, radios.first(), 10);
  const names = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ''));
  const index = names.findIndex((n) => name.test(n));
  expect(index, `${String(name)} among ${names.join(' | ')}`).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect(radios.nth(index)).toBeChecked();
  await expect(radios.nth(index)).toBeFocused();
}

test('7.3, 12.8: an appointment booked from the agenda by keyboard alone', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  await team.rpc('persons:create', { birthName: 'Moreau', firstNames: 'Inès', birthDate: '1985-03-02', household: { address: '3 rue du Moustier', communeInsee: '82121', role: 'demandeur' } }, sec);

  await page.goto(server.url);
  await keyboardLogin(page, 'alice', team.users.alice!.password);
  await expect(page).toHaveTitle('Accueil — Passeur');
  await keyboardNav(page, 'Rendez-vous');
  await expect(page.getByRole('heading', { name: 'Agendas', level: 1 })).toBeFocused();
  await expect(page).toHaveTitle('Rendez-vous — Passeur');

  // Alice's own day: the next day with free slots (today's may be over), by the « Jour suivant » button.
  const grid = page.getByTestId('agenda');
  const next = page.getByRole('button', { name: 'Jour suivant' });
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
  for (let ahead = 1; ahead <= 7; ahead++) {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + ahead);
    const dayFr = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d).replace(/ 1 /, ' 1er ');
    await tabTo(page, next, 40);
    await page.keyboard.press('Enter');
    await expect(page.locator('.agenda-heading')).toContainText(dayFr);
    await expect(grid).toHaveAttribute('aria-busy', 'false');
    if ((await grid.locator('.tgrid-slot').count()) > 0) break;
  }

  // One Tab stop into the grid, the arrows move from slot to slot, Enter books the one reached.
  const stop = grid.locator('[data-cell][tabindex="0"]');
  await tabTo(page, stop, 80);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const slot = page.locator(':focus');
  await expect(slot).toHaveClass(/tgrid-slot/);
  const label = (await slot.getAttribute('aria-label')) ?? '';
  const [, day, time] = /^Réserver le (.+) à (.+) avec Alice Assistante$/.exec(label) ?? [];
  expect(day && time, `créneau libre atteint : ${label}`).toBeTruthy();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Rendez-vous avec Alice Assistante — ${day!}, ${time!}` });
  await expect(dialog.getByLabel('Rechercher la personne')).toBeFocused();
  await page.keyboard.type('moreau');
  const people = dialog.getByRole('radiogroup', { name: 'Personne' });
  await expect(people.getByRole('radio')).toHaveCount(1);
  // Nothing chosen yet: the radios are in the Tab order (they were all tabindex=-1).
  await expect(people.getByRole('radio').first()).not.toHaveAttribute('tabindex', '-1');
  await chooseRadio(page, people, /MOREAU Inès/);
  await expectAccessible(page, 'agenda — nouveau rendez-vous');

  await tabTo(page, dialog.getByRole('button', { name: 'Réserver' }), 20);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const notice = page.getByRole('status').filter({ hasText: `Rendez-vous de MOREAU Inès avec Alice Assistante le ${day!} à ${time!} enregistré.` });
  await expect(notice).toBeVisible();
  // The keyboard goes on from the appointment just booked, in the grid.
  const booked = grid.getByRole('button', { name: new RegExp(`^${day!}, ${time!} – .*MOREAU Inès`) });
  await expect(booked).toBeFocused();
  await expect(booked).toHaveAttribute('tabindex', '0');
  await expectAccessible(page, 'agenda — rendez-vous réservé');
  await shot(page, 'a11y-agenda-reserve');
});

test('7.3, 12.8: two person records merged by keyboard alone', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  await team.rpc('persons:create', { birthName: 'Garcia', firstNames: 'Luis', birthDate: '1960-01-01', household: { address: '', communeInsee: '82121' } }, sec);
  await team.rpc('persons:create', { birthName: 'Garcia', firstNames: 'Luis', phone: '0611111111', household: { address: '', communeInsee: null }, confirmNotDuplicate: true }, sec);

  await page.goto(server.url);
  await keyboardLogin(page, 'remi', team.users.remi!.password);
  await keyboardNav(page, 'Fusion de fiches');
  await expect(page.getByRole('heading', { name: 'Fusion de fiches', level: 1 })).toBeFocused();
  await expect(page).toHaveTitle('Fusion de fiches — Passeur');

  const keep = page.getByRole('group', { name: 'Fiche conservée' });
  await typeInto(page, keep.getByLabel('Rechercher'), 'garcia', 20);
  await expect(keep.getByRole('radio')).toHaveCount(2);
  await chooseRadio(page, keep, /01\/01\/1960/);
  const absorb = page.getByRole('group', { name: 'Fiche réunie à la première' });
  await typeInto(page, absorb.getByLabel('Rechercher'), 'garcia', 20);
  await expect(absorb.getByRole('radio')).toHaveCount(2);
  await chooseRadio(page, absorb, /06 11 11 11 11/);
  await expectAccessible(page, 'fusion — deux fiches choisies');

  await tabTo(page, page.getByRole('button', { name: 'Fusionner les fiches' }), 20);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await tabTo(page, dialog.getByRole('button', { name: 'Fusionner les fiches' }), 10);
  await page.keyboard.press('Enter');
  // The button that opened the dialog is disabled now (nothing chosen): the focus goes to the
  // message saying what happened, not to <body>.
  const done = page.getByRole('status').filter({ hasText: 'Fiches fusionnées sur GARCIA Luis.' });
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Annuler la fusion' }), 20);
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('dialog').getByRole('button', { name: 'Annuler la fusion' }), 10);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Fusion annulée.' })).toBeFocused();
});

test('13.1, 12.8: the idle lock warns a minute before, « Rester connecté » keeps the session, and what was typed survives the lock', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  const card = (await team.rpc('persons:create', { birthName: 'Moreau', firstNames: 'Inès', household: { address: '3 rue du Moustier', communeInsee: '82121', role: 'demandeur' } }, sec)).value as { household: { id: number } };
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: team.users.alice!.id }, alice)).value as { id: number; number: string };

  await page.clock.install();
  await page.goto(server.url);
  await keyboardLogin(page, 'alice', team.users.alice!.password);
  await page.evaluate((id) => (window.location.hash = `#/dsu/${id}`), dsu.id);
  // Opening a DSU: the focus on its title once loaded (it was lost while « Chargement… » showed).
  await expect(page.getByRole('heading', { name: `DSU ${dsu.number} — MOREAU Inès`, level: 1 })).toBeFocused();
  await expect(page).toHaveTitle('Dossiers sociaux (DSU) — Passeur');
  await openDsuTab(page, 'Journal', 'journal');
  const summary = page.getByRole('form', { name: 'Nouvelle intervention' }).getByLabel('Résumé');
  await typeInto(page, summary, 'Entretien : point sur les dettes de loyer, à compléter');

  // 10 minutes without activity by default: the warning shows during the last minute.
  await page.clock.runFor('09:05');
  const warning = page.getByRole('alertdialog', { name: 'Votre session va se verrouiller' });
  await expect(warning).toContainText(/Votre session va se verrouiller dans \d+ s/);
  await expect(warning.getByRole('button', { name: 'Rester connecté' })).toBeFocused();
  await expectAccessible(page, 'avertissement de verrouillage');
  await page.keyboard.press('Enter');
  await expect(warning).toHaveCount(0);
  await expect(summary).toBeFocused();
  await page.clock.runFor('01:00');
  await expect(page.getByRole('heading', { name: 'Session verrouillée' })).toHaveCount(0);

  // Without activity this time, the lock comes; the text typed is still there after unlocking.
  await page.clock.runFor('10:10');
  await expect(page.getByRole('heading', { name: 'Session verrouillée' })).toBeVisible();
  await expect(page).toHaveTitle('Session verrouillée — Passeur');
  await expect(page.getByText('Ce que vous aviez saisi est conservé')).toBeVisible();
  // Nothing of the page shows under the lock (kept in memory, display: none).
  await expect(summary).toBeHidden();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectAccessible(page, 'session verrouillée');
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeFocused();
  await page.keyboard.type(team.users.alice!.password);
  await page.keyboard.press('Enter');
  await expect(summary).toHaveValue('Entretien : point sur les dettes de loyer, à compléter');
  await expect(summary).toBeFocused();
});

test('10.11, 8.6: at 320 px the menu folds behind a button and no signed-in screen scrolls sideways', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(server.url);
  await expect(page).toHaveTitle('Connexion — Passeur');
  await expectNoOverflow(page, 'connexion à 320 px');
  await keyboardLogin(page, 'alice', team.users.alice!.password);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav).toBeHidden();
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  for (const [link, title] of [
    ['Premier accueil', 'Premier accueil — Passeur'],
    ['Rendez-vous', 'Rendez-vous — Passeur'],
    ['Dossiers sociaux (DSU)', 'Dossiers sociaux (DSU) — Passeur'],
    ['Aides financières', 'Aides financières — Passeur'],
    ['Surendettement', 'Surendettement — Passeur'],
    ['Évaluations IP / IS', 'Évaluations IP / IS — Passeur'],
    ['Instance de concertation', 'Instance de concertation — Passeur'],
    ['Actions collectives', 'Actions collectives — Passeur'],
    ['Partenaires', 'Partenaires — Passeur'],
    ['Mon compte', 'Mon compte — Passeur'],
    ['Accueil', 'Accueil — Passeur'],
  ] as const) {
    await tabTo(page, menu, 40);
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await keyboardNav(page, link);
    await expect(page).toHaveTitle(title);
    await expect(nav).toBeHidden();
    await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
    await expectNoOverflow(page, `${link} à 320 px`);
    await shot(page, `a11y-320-${link.replace(/\W+/g, '-')}`);
  }
});

test('7.1, 12.8: the person chosen among the intake results is said in words, not by a border alone', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  for (const firstNames of ['Inès', 'Jules'])
    await team.rpc('persons:create', { birthName: 'Moreau', firstNames, household: { address: '3 rue du Moustier', communeInsee: '82121', role: 'demandeur' }, confirmNotDuplicate: true }, sec);

  await page.goto(server.url);
  await keyboardLogin(page, 'sophie', team.users.sophie!.password);
  await keyboardNav(page, 'Premier accueil');
  const search = page.getByLabel('Nom, prénom, date de naissance ou téléphone');
  await expect(search).toBeFocused();
  await page.keyboard.type('moreau');
  const results = page.getByRole('list', { name: 'Personnes trouvées' });
  await expect(results.getByRole('button')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = (await page.evaluate(() => document.activeElement?.textContent ?? '')).includes('Jules') ? 'Jules' : 'Inès';
  const other = second === 'Jules' ? 'Inès' : 'Jules';
  await page.keyboard.press('Enter');
  const chosen = results.getByRole('button', { name: new RegExp(`MOREAU ${second}`) });
  await expect(chosen).toHaveAttribute('aria-current', 'true');
  await expect(chosen).toContainText('sélectionnée');
  await expect(results.getByRole('button', { name: new RegExp(`MOREAU ${other}`) })).not.toHaveAttribute('aria-current', 'true');
  await expect(results.getByRole('button', { name: new RegExp(`MOREAU ${other}`) })).not.toContainText('sélectionnée');
  await expectFocusKept(page, 'ouverture d’une fiche trouvée');
  await expectAccessible(page, 'premier accueil — fiche choisie');
});

test('10.7: on a short window, a field reached with Tab is never hidden under the sticky action bar', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  const card = (await team.rpc('persons:create', { birthName: 'Martin', firstNames: 'Louise', birthDate: '1961-03-02', household: { address: '5 rue Léon Cladel', postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec)).value as { household: { id: number } };
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: team.users.alice!.id }, alice)).value as { id: number; number: string };

  await page.setViewportSize({ width: 1366, height: 600 });
  await page.goto(server.url);
  await keyboardLogin(page, 'alice', team.users.alice!.password);
  await page.evaluate((id) => (window.location.hash = `#/dsu/${id}`), dsu.id);
  await expect(page.getByRole('heading', { name: `DSU ${dsu.number} — MARTIN Louise`, level: 1 })).toBeFocused();
  await openDsuTab(page, 'Aides', 'aides');
  await tabTo(page, page.getByRole('link', { name: 'Nouvelle demande d’aide' }), 80);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Nouvelle demande d’aide — dossier ${dsu.number}`, level: 1 })).toBeFocused();
  const bar = page.locator('.sticky-actions');
  for (const field of [page.getByLabel('Objet de la demande'), page.getByRole('textbox', { name: 'Note sociale' })]) {
    await tabTo(page, field, 120);
    const f = (await field.boundingBox())!;
    const b = (await bar.boundingBox())!;
    expect(f.y + f.height, 'le bas du champ est au-dessus de la barre d’actions').toBeLessThanOrEqual(b.y + 1);
    expect(f.y, 'le champ est dans la fenêtre').toBeGreaterThanOrEqual(0);
  }
});

test('11.10: the journal form shows every error at once, each beside its field, announced and focused as one summary', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  const card = (await team.rpc('persons:create', { birthName: 'Moreau', firstNames: 'Inès', household: { address: '3 rue du Moustier', communeInsee: '82121', role: 'demandeur' } }, sec)).value as { household: { id: number } };
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: team.users.alice!.id }, alice)).value as { id: number; number: string };

  await page.goto(server.url);
  await keyboardLogin(page, 'alice', team.users.alice!.password);
  await page.evaluate((id) => (window.location.hash = `#/dsu/${id}`), dsu.id);
  await expect(page.getByRole('heading', { name: `DSU ${dsu.number} — MOREAU Inès`, level: 1 })).toBeFocused();
  await openDsuTab(page, 'Journal', 'journal');
  const form = page.getByRole('form', { name: 'Nouvelle intervention' });
  const date = form.getByLabel('Date', { exact: true });
  // Required fields and the date format are written under their labels, and read with them.
  await expect(date).toHaveAccessibleDescription(/Obligatoire, format jj\/mm\/aaaa/);
  await expect(form.getByLabel('Résumé')).toHaveAccessibleDescription(/Obligatoire/);
  await tabTo(page, date, 80);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await tabTo(page, form.getByRole('button', { name: 'Enregistrer l’intervention' }), 20);
  await page.keyboard.press('Enter');
  // All three at once, beside their fields, announced and focused as one summary.
  await expect(form.getByRole('alert').filter({ hasText: 'Le formulaire contient 3 erreurs : corrigez les champs signalés.' })).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/Date invalide/);
  await expect(form.getByLabel('Résumé')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Résumé')).toHaveAccessibleDescription(/Résumé : à renseigner\./);
  await expect(form.getByText('Choisissez le champ d’intervention.')).toBeVisible();
  await expectAccessible(page, 'journal — trois erreurs');
});
