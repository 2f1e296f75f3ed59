/**
 * The admin's « Sauvegarde et restauration » screen in Chromium against `passeur serve`:
 * a backup, then a restore (the wrong password refused, the right one restoring, every
 * session closed); the recovery code renewed by the admin, then used at the login screen
 * for a forgotten password. axe on every screen crossed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { ADMIN, seedSite } from './seed';
import { login, logout, shot } from './actions';

test('the admin backs up, an account is created, the backup is restored: the account is gone, the replaced files kept', async ({ page, server, watch }) => {
  watch(page);
  await seedSite(server.url);
  await page.goto(server.url);
  await login(page, ADMIN.login, ADMIN.password);
  // The home page says when the site was last backed up (never, here).
  await expect(page.getByText('Aucune sauvegarde faite depuis cet écran', { exact: false })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Sauvegarde et restauration' }).click();
  await expect(page.getByRole('heading', { name: 'Sauvegarde et restauration', level: 1 })).toBeVisible();
  await expect(page.getByText('Aucune sauvegarde dans ce dossier pour l’instant.')).toBeVisible();
  await expectAccessible(page, 'sauvegardes (vide)');

  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Sauvegarde écrite' });
  await expect(done).toContainText(path.join(server.dataDir, 'sauvegardes'));
  await expect(done).toContainText(/\(\d+(,\d)? Kio\)/);
  const files = fs.readdirSync(path.join(server.dataDir, 'sauvegardes'));
  expect(files).toHaveLength(1);
  await expect(page.getByRole('cell', { name: files[0]! })).toBeVisible();
  await shot(page, 'sauvegardes');
  await expectAccessible(page, 'sauvegardes');

  // After the backup: a new account.
  await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Identifiant').fill('ass.apres');
  await dialog.getByLabel('Nom affiché').fill('Après Sauvegarde');
  await dialog.getByText('Assistant·e de service social').click();
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByRole('button', { name: 'C’est noté' }).click();
  await expect(page.getByRole('cell', { name: 'ass.apres', exact: true })).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Sauvegarde et restauration' }).click();
  await page.getByRole('button', { name: /^Restaurer la sauvegarde du / }).click();
  const restore = page.getByRole('dialog');
  await expect(restore.getByLabel('Mot de passe de ce compte dans la sauvegarde')).toBeFocused();
  await expect(restore).toContainText('gardés entiers');
  await expectAccessible(page, 'restauration');
  await restore.getByLabel('Mot de passe de ce compte dans la sauvegarde').fill('pas le bon mot de passe');
  await restore.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
  await expect(restore.getByText(/Ce compte n’ouvre pas cette sauvegarde.*Rien n’a été restauré/)).toBeVisible();
  expect(fs.readdirSync(server.dataDir).filter((f) => f.startsWith('avant-restauration-'))).toEqual([]);
  await restore.getByLabel('Mot de passe de ce compte dans la sauvegarde').fill(ADMIN.password);
  await shot(page, 'restauration');
  await restore.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();

  const restored = page.getByRole('dialog', { name: 'Sauvegarde restaurée' });
  await expect(restored).toContainText('Le site est revenu à l’état de la sauvegarde du');
  await expect(restored).toContainText('cette copie s’ouvre avec le même compte');
  await expect(restored.getByRole('button', { name: 'Se reconnecter' })).toBeFocused();
  await shot(page, 'restauration-faite');
  await expectAccessible(page, 'restauration faite');
  const kept = fs.readdirSync(server.dataDir).filter((f) => f.startsWith('avant-restauration-'));
  expect(kept).toHaveLength(1);
  expect(fs.existsSync(path.join(server.dataDir, kept[0]!, 'passeur.db'))).toBe(true);
  // The server closed every session: a call with the old cookie is refused.
  expect((await (await page.request.post(`${server.url}rpc/admin:listUsers`, { data: {} })).json()) as unknown).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

  await restored.getByRole('button', { name: 'Se reconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion à Passeur' })).toBeVisible();
  await login(page, ADMIN.login, ADMIN.password);
  await expect(page.getByText(/^Dernière sauvegarde : \d{2}\/\d{2}\/\d{4}.*\(1 dans le dossier des sauvegardes\)/)).toBeVisible();
  await shot(page, 'accueil-admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('cell', { name: 'admin', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'ass.apres', exact: true })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Journal d’audit' }).click();
  await expect(page.getByRole('cell', { name: 'Restauration d’une sauvegarde' })).toBeVisible();
});

test('the admin renews the recovery code; with it, a social worker who forgot her password gets a one-time one at the login screen', async ({ page, server, watch }) => {
  watch(page);
  const { users } = await seedSite(server.url, [{ login: 'ass.martin', name: 'Alex Martin', roles: ['ass'] }]);
  await page.goto(server.url);
  await login(page, ADMIN.login, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Sauvegarde et restauration' }).click();
  await page.getByRole('button', { name: 'Renouveler le code de secours…' }).click();
  await expect(page.getByRole('dialog')).toContainText('l’ancien code ne fonctionnera plus');
  await page.getByRole('dialog').getByRole('button', { name: 'Créer un nouveau code' }).click();
  const codeDialog = page.getByRole('dialog', { name: 'Nouveau code de secours' });
  const code = (await codeDialog.getByTestId('recovery-code').textContent())!.trim();
  expect(code).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
  await expectAccessible(page, 'nouveau code de secours');
  await shot(page, 'code-de-secours');
  await expect(codeDialog.getByRole('button', { name: 'Terminé' })).toBeDisabled();
  await codeDialog.getByText('J’ai conservé ce code en lieu sûr').click();
  await codeDialog.getByRole('button', { name: 'Terminé' }).click();
  await expect(page.getByText('Code de secours renouvelé ; l’ancien ne fonctionne plus.')).toBeVisible();
  await logout(page);

  // Alex forgot her password.
  await page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { name: 'Mot de passe oublié' })).toBeVisible();
  await expect(page.getByLabel('Identifiant')).toBeFocused();
  await expectAccessible(page, 'mot de passe oublié');
  await page.getByLabel('Identifiant').fill('ass.martin');
  await page.getByLabel('Code de secours').fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE');
  await page.getByRole('button', { name: 'Obtenir un mot de passe provisoire' }).click();
  await expect(page.getByText(/^Code de secours incorrect/)).toBeVisible();
  await page.getByLabel('Code de secours').fill(code.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Obtenir un mot de passe provisoire' }).click();
  const otp = (await page.getByTestId('one-time-password').textContent())!.trim();
  await expect(page.getByRole('button', { name: 'Se connecter avec ce mot de passe' })).toBeFocused();
  await shot(page, 'mot-de-passe-provisoire');
  await expectAccessible(page, 'mot de passe provisoire');
  await page.getByRole('button', { name: 'Se connecter avec ce mot de passe' }).click();
  await expect(page.getByLabel('Identifiant')).toHaveValue('ass.martin');
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeFocused();
  await expect(page.getByText('Saisissez le mot de passe provisoire du compte ass.martin.')).toBeVisible();
  await page.keyboard.type(otp);
  await page.keyboard.press('Enter');
  // The one-time password must be replaced at once; the old one no longer opens anything.
  await expect(page.getByLabel('Nouveau mot de passe')).toBeVisible();
  const old = await page.request.post(`${server.url}rpc/auth:login`, { data: { login: 'ass.martin', password: users['ass.martin']!.password } });
  expect(await old.json()).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
});
