/**
 * Admin and everyday journeys beyond first run: keyboard only, the idle lock, sectors,
 * the audit log, and the English interface. axe on every screen crossed.
 */
import { expect, expectAccessible, tabTo, test } from './fixtures';
import { ADMIN, seedSite } from './seed';
import { readFileSync } from 'node:fs';
import { login, shot } from './actions';

test('an admin creates an account with the keyboard alone', async ({ page, server, watch }) => {
  watch(page);
  await seedSite(server.url);
  await page.goto(server.url);
  // The login field has the focus: type, Tab, type, Enter.
  await expect(page.getByLabel('Identifiant')).toBeFocused();
  await page.keyboard.type(ADMIN.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Bonjour ${ADMIN.name}` })).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: 'Utilisateurs' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Nouveau compte' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog').getByLabel('Identifiant')).toBeFocused();
  await page.keyboard.type('ass.leroy');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // past the description, onto "Nom affiché"
  if (!(await page.getByRole('dialog').getByLabel('Nom affiché').evaluate((el) => el === document.activeElement))) await tabTo(page, page.getByRole('dialog').getByLabel('Nom affiché'));
  await page.keyboard.type('Lou Leroy');
  await tabTo(page, page.getByRole('dialog').getByRole('checkbox', { name: /Assistant·e de service social/ }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('dialog').getByRole('checkbox', { name: /Assistant·e de service social/ })).toBeChecked();
  await tabTo(page, page.getByRole('dialog').getByRole('button', { name: 'Créer le compte' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('one-time-password')).toBeVisible();
  await expectAccessible(page, 'mot de passe provisoire');
  await expect(page.getByRole('button', { name: 'C’est noté' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('cell', { name: 'ass.leroy', exact: true })).toBeVisible();
  // Escape closes a dialog and gives the focus back.
  await tabTo(page, page.getByRole('button', { name: 'Nouveau compte' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Nouveau compte' })).toBeFocused();
});

test('the session locks, the server refuses meanwhile, the password unlocks it', async ({ page, server, watch }) => {
  watch(page);
  const { users } = await seedSite(server.url, [{ login: 'ass.martin', name: 'Alex Martin', roles: ['ass'] }]);
  const u = users['ass.martin']!;
  await page.goto(server.url);
  await login(page, u.login, u.password);
  await expect(page.getByRole('heading', { name: 'Bonjour Alex Martin' })).toBeVisible();
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page.getByRole('heading', { name: 'Session verrouillée' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectAccessible(page, 'verrouillage');
  const res = await page.request.post(`${server.url}rpc/site:info`, { data: {} });
  expect(res.status()).toBe(423);
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'locked' } });
  await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('alert')).toContainText('Mot de passe incorrect');
  await page.getByLabel('Mot de passe', { exact: true }).fill(u.password);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('heading', { name: 'Bonjour Alex Martin' })).toBeVisible();

  // Her own account: she changes her password, the next login takes the new one.
  await page.getByRole('navigation').getByRole('link', { name: 'Mon compte' }).click();
  await expectAccessible(page, 'mon compte');
  await page.getByLabel('Mot de passe actuel').fill('pas le bon');
  await page.getByLabel('Nouveau mot de passe').fill('une toute nouvelle phrase');
  await page.getByLabel('Confirmer le mot de passe').fill('une toute nouvelle phrase');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Mot de passe actuel incorrect.')).toBeVisible();
  await page.getByLabel('Mot de passe actuel').fill(u.password);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Mot de passe changé.')).toBeVisible();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await login(page, u.login, u.password);
  await expect(page.getByRole('alert')).toContainText('Identifiant ou mot de passe incorrect');
  await login(page, u.login, 'une toute nouvelle phrase');
  await expect(page.getByRole('heading', { name: 'Bonjour Alex Martin' })).toBeVisible();
});

test('sectors: the admin maps communes to référents; the responsable reads them; audit verified', async ({ page, server, watch }) => {
  watch(page);
  const { users } = await seedSite(server.url, [
    { login: 'ass.martin', name: 'Alex Martin', roles: ['ass'] },
    { login: 'cesf.petit', name: 'Dominique Petit', roles: ['cesf'] },
    { login: 'resp.bernard', name: 'Morgan Bernard', roles: ['responsable'] },
  ]);
  await page.goto(`${server.url}`);
  await login(page, ADMIN.login, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Secteurs et communes' }).click();
  await expect(page.getByRole('heading', { name: 'Secteurs et communes' })).toBeVisible();
  await expect(page.getByText('3 communes sans secteur')).toBeVisible();
  await expectAccessible(page, 'secteurs');
  await page.getByRole('button', { name: 'Nouveau secteur' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nom du secteur').fill('Montauban Nord');
  await dialog.getByRole('button', { name: /Référent·e ASS/ }).click();
  await page.getByRole('option', { name: 'Alex Martin' }).click();
  await dialog.getByRole('button', { name: /Référent·e CESF/ }).click();
  await page.getByRole('option', { name: 'Dominique Petit' }).click();
  await dialog.getByText('Montauban (82121)', { exact: true }).click();
  await dialog.getByText('Montech (82125)', { exact: true }).click();
  await expectAccessible(page, 'dialogue secteur');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Secteur Montauban Nord enregistré.')).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: 'Montauban Nord' });
  await expect(card).toContainText('Alex Martin');
  await expect(card).toContainText('Dominique Petit');
  await expect(card).toContainText('Montech (82125)');
  await expect(page.getByText('1 commune sans secteur')).toBeVisible();

  // Settings: an out-of-range idle time is refused in French.
  await page.getByRole('navigation').getByRole('link', { name: 'Paramètres', exact: true }).click();
  await expectAccessible(page, 'paramètres');
  await page.getByLabel('Verrouillage après inactivité (minutes)').fill('15');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText('Paramètres enregistrés.')).toBeVisible();
  // The letters' heading: the site's postal block, checked field by field.
  const heading = page.getByRole('region', { name: 'En-tête des courriers' });
  await heading.getByLabel('Nom du service').fill('Service social départemental');
  await heading.getByLabel('Adresse (trois lignes au plus)').fill('Maison Départementale des Solidarités\n2 rue de la Banque');
  await heading.getByLabel('Code postal').fill('820');
  await heading.getByLabel('Ville').fill('Montauban');
  await heading.getByLabel('Téléphone').fill('05 63 00 00 00');
  await heading.getByRole('button', { name: 'Enregistrer l’en-tête' }).click();
  await expect(heading.getByRole('alert')).toHaveText('Le formulaire contient une erreur : corrigez le champ signalé.');
  await expect(heading.getByLabel('Code postal')).toHaveAccessibleDescription(/Code postal : 5 chiffres/);
  await heading.getByLabel('Code postal').fill('82000');
  await heading.getByRole('button', { name: 'Enregistrer l’en-tête' }).click();
  await expect(heading.getByText('En-tête des courriers enregistré.')).toBeVisible();
  await expectAccessible(page, 'paramètres — en-tête des courriers');
  await shot(page, 'parametres-en-tete');
  await page.reload();
  await expect(page.getByRole('region', { name: 'En-tête des courriers' }).getByLabel('Adresse (trois lignes au plus)')).toHaveValue('Maison Départementale des Solidarités\n2 rue de la Banque');
  // The letters' logo: a file that is not a PNG or JPEG is refused in French; a PNG is kept and shown.
  const logo = page.getByRole('region', { name: 'Logo des courriers' });
  await expect(logo.getByText('Aucun logo')).toBeVisible();
  await logo.getByLabel('Image du logo').setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await logo.getByRole('button', { name: 'Enregistrer le logo' }).click();
  await expect(logo.getByRole('alert')).toContainText('pas une image PNG ou JPEG');
  await expect(page.locator('#logo-outcome')).toBeFocused();
  const png = readFileSync(new URL('../../build/icon.png', import.meta.url));
  await logo.getByLabel('Image du logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await logo.getByRole('button', { name: 'Enregistrer le logo' }).click();
  await expect(logo.getByRole('status')).toContainText('Logo enregistré');
  await expect(logo.getByRole('img', { name: 'Logo actuel des courriers' })).toBeVisible();
  await expectAccessible(page, 'paramètres — logo des courriers');
  await shot(page, 'parametres-logo');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Logo des courriers' }).getByRole('img', { name: 'Logo actuel des courriers' })).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  const resp = users['resp.bernard']!;
  await login(page, resp.login, resp.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Secteurs et communes' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Montauban Nord' })).toContainText('Alex Martin');
  await expect(page.getByRole('button', { name: 'Nouveau secteur' })).toHaveCount(0);

  await page.getByRole('navigation').getByRole('link', { name: 'Journal d’audit' }).click();
  await expect(page.getByRole('cell', { name: 'Création de secteur' })).toBeVisible();
  await expectAccessible(page, 'journal d’audit');
  await page.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
  await expect(page.getByText(/Journal intègre : \d+ entrées vérifiées/)).toBeVisible();
});

test('the interface switches to English and back', async ({ page, server, watch }) => {
  watch(page);
  await seedSite(server.url);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Log in to Passeur' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Login').fill(ADMIN.login);
  await page.getByLabel('Password', { exact: true }).fill('wrong password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong login or password.');
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: `Hello ${ADMIN.name}` })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Users' })).toBeVisible();
  await expectAccessible(page, 'home (English)');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { name: `Bonjour ${ADMIN.name}` })).toBeVisible();
});

test('the admin resets a password and disables an account from the users screen', async ({ page, server, watch }) => {
  watch(page);
  const { users } = await seedSite(server.url, [{ login: 'sec.durand', name: 'Sam Durand', roles: ['secretaire'] }]);
  await page.goto(server.url);
  await login(page, ADMIN.login, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
  await page.getByRole('button', { name: 'Nouveau mot de passe pour Sam Durand' }).click();
  await expect(page.getByRole('dialog')).toContainText('Un mot de passe provisoire va remplacer l’actuel');
  await page.getByRole('dialog').getByRole('button', { name: 'Nouveau mot de passe' }).click();
  const otp = (await page.getByTestId('one-time-password').textContent())!;
  expect(otp).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
  await page.getByRole('button', { name: 'C’est noté' }).click();
  await expect(page.getByRole('row', { name: /Sam Durand/ })).toContainText('Mot de passe provisoire');

  await page.getByRole('button', { name: 'Désactiver le compte de Sam Durand' }).click();
  await expect(page.getByRole('dialog').getByRole('checkbox', { name: /Changer la clé de chiffrement/ })).toBeChecked();
  await expectAccessible(page, 'dialogue désactivation');
  await page.getByRole('dialog').getByRole('button', { name: 'Désactiver' }).click();
  await expect(page.getByText('Le compte de Sam Durand est désactivé.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Sam Durand/ })).toContainText('Désactivé');
  await expect(page.getByRole('button', { name: 'Réactiver le compte de Sam Durand' })).toBeVisible();

  // Neither the old password nor the one-time one opens anything now.
  for (const password of [users['sec.durand']!.password, otp]) {
    const res = await page.request.post(`${server.url}rpc/auth:login`, { data: { login: 'sec.durand', password } });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Journal d’audit' }).click();
  await expect(page.getByRole('row', { name: /Désactivation de compte/ })).toContainText('Compte : Sam Durand');
  await expect(page.getByRole('cell', { name: 'Changement de la clé de la base' })).toBeVisible();
});

test('deleting a sector asks first, then frees its communes', async ({ page, server, watch }) => {
  watch(page);
  await seedSite(server.url);
  await page.goto(server.url);
  await login(page, ADMIN.login, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Secteurs et communes' }).click();
  await page.getByRole('button', { name: 'Nouveau secteur' }).click();
  await page.getByRole('dialog').getByLabel('Nom du secteur').fill('Sud');
  await page.getByRole('dialog').getByText('Montech (82125)', { exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('2 communes sans secteur')).toBeVisible();
  await page.getByRole('button', { name: 'Supprimer le secteur Sud' }).click();
  await expect(page.getByRole('dialog')).toContainText('Sa commune ne sera plus rattachée');
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Sud' })).toBeVisible();
  await page.getByRole('button', { name: 'Supprimer le secteur Sud' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByText('Secteur Sud supprimé')).toBeVisible();
  await expect(page.getByText('3 communes sans secteur')).toBeVisible();
  // A commune code that is not INSEE is refused in French, nothing added.
  await page.getByRole('button', { name: 'Ajouter une commune' }).click();
  await page.getByRole('dialog').getByLabel('Code INSEE').fill('8212');
  await page.getByRole('dialog').getByLabel('Nom de la commune').fill('Nulle part');
  await page.getByRole('dialog').getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByRole('dialog')).toContainText('Code INSEE invalide');
  await page.getByRole('dialog').getByLabel('Code INSEE').fill('82033');
  await page.getByRole('dialog').getByLabel('Nom de la commune').fill('Castelsarrasin');
  await page.getByRole('dialog').getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByText('Commune Castelsarrasin ajoutée au territoire.')).toBeVisible();
  await expect(page.getByText('4 communes sans secteur')).toBeVisible();
});
