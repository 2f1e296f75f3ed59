/**
 * The foundation journey, as people do it in Chromium against `passeur serve`: first run →
 * site + admin → one account per role → each logs in, chooses a password and sees the
 * navigation of their role; a secretaire calling an admin channel directly is refused.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectFocusKept } from './fixtures';
import { login, logout } from './actions';

const ADMIN_PASSWORD = 'une longue phrase secrète';

const ROLES = [
  { role: 'secretaire', label: 'Secrétaire', login: 'sec.durand', name: 'Sam Durand', has: ['Premier accueil', 'Rendez-vous', 'Partenaires'], lacks: ['Utilisateurs', 'Aides financières', 'Journal d’audit', 'Dossiers sociaux (DSU)', 'Évaluations IP / IS', 'Instance de concertation', 'Actions collectives'] },
  { role: 'ass', label: 'Assistant·e de service social', login: 'ass.martin', name: 'Alex Martin', has: ['Dossiers sociaux (DSU)', 'Premier accueil', 'Aides financières', 'Surendettement', 'Prévention des expulsions', 'Évaluations IP / IS', 'Instance de concertation', 'Actions collectives'], lacks: ['Utilisateurs', 'Conservation des dossiers'] },
  { role: 'cesf', label: 'Conseiller·ère ESF', login: 'cesf.petit', name: 'Dominique Petit', has: ['Surendettement', 'Prévention des expulsions', 'Évaluations IP / IS', 'Instance de concertation', 'Actions collectives'], lacks: ['Utilisateurs', 'Validation des aides'] },
  { role: 'responsable', label: 'Responsable', login: 'resp.bernard', name: 'Morgan Bernard', has: ['Validation des aides', 'Commission des aides', 'Enveloppes', 'Règlement des aides', 'Journal d’audit', 'Secteurs et communes', 'Conservation des dossiers', 'Fusion de fiches', 'Évaluations IP / IS', 'Instance de concertation', 'Actions collectives'], lacks: ['Utilisateurs', 'Premier accueil'] },
  { role: 'admin', label: 'Administrateur·rice', login: 'admin.two', name: 'Jo Admin', has: ['Utilisateurs', 'Paramètres', 'Journal d’audit', 'Règlement des aides'], lacks: ['Aides financières', 'Validation des aides', 'Premier accueil', 'Évaluations IP / IS', 'Instance de concertation', 'Actions collectives'] },
] as const;

/**
 * The journey, from an open window on a fresh data folder. `callAsPage` calls a channel
 * with the page's own session, as the page's code could (fetch in a browser, the preload's
 * bridge in Electron), to prove the main process refuses what the role may not do.
 */
export async function foundationJourney(page: Page, callAsPage: (channel: string, input: unknown) => Promise<{ status?: number; body: unknown }>) {
  // First run: the site and its first admin.
  await expect(page.getByRole('heading', { name: 'Créer le site Passeur' })).toBeVisible();
  await expectAccessible(page, 'création du site');
  await page.getByLabel('Nom du site').fill('MDS Montauban Est');
  await page.getByLabel('Code du site').fill('mtb');
  await page.getByLabel('Identifiant').fill('admin');
  await page.getByLabel('Nom affiché').fill('Camille Admin');
  // Every problem at once, each beside its field, the summary focused (RGAA 11.10).
  await page.getByLabel('Communes du territoire').fill('82121 Montauban\nMontech');
  await page.getByLabel('Mot de passe', { exact: true }).fill('une phrase');
  await page.getByLabel('Confirmer le mot de passe').fill('une autre phrase');
  await page.getByRole('button', { name: 'Créer le site' }).click();
  await expect(page.getByRole('alert')).toHaveText('Le formulaire contient 2 erreurs : corrigez les champs signalés.');
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByLabel('Communes du territoire')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Communes du territoire')).toHaveAccessibleDescription(/Ligne 2 illisible/);
  await expect(page.getByLabel('Confirmer le mot de passe')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Confirmer le mot de passe')).toHaveAccessibleDescription(/Les deux saisies diffèrent/);
  await page.getByLabel('Communes du territoire').fill('82121 Montauban\n82125 Montech\n82112 Lamothe-Capdeville');
  await page.getByLabel('Mot de passe', { exact: true }).fill('court');
  await page.getByLabel('Confirmer le mot de passe').fill('court');
  await page.getByRole('button', { name: 'Créer le site' }).click();
  await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Le mot de passe doit compter au moins 12 caractères')).toBeVisible();
  await expect(page.getByLabel('Confirmer le mot de passe')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel('Confirmer le mot de passe').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Créer le site' }).click();

  // The recovery code, shown once.
  await expect(page.getByRole('heading', { name: 'Code de secours' })).toBeVisible();
  await expectFocusKept(page, 'site créé');
  await expect(page.getByTestId('recovery-code')).toHaveText(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
  await expectAccessible(page, 'code de secours');
  const cont = page.getByRole('button', { name: 'Continuer vers la connexion' });
  await expect(cont).toBeDisabled();
  await page.getByText('J’ai conservé ce code en lieu sûr').click();
  await cont.click();

  // Login as admin.
  await expect(page.getByRole('heading', { name: 'Connexion à Passeur' })).toBeVisible();
  await expectFocusKept(page, 'fin de la création du site');
  await expectAccessible(page, 'connexion');
  await login(page, 'admin', 'pas le bon mot de passe');
  await expect(page.getByRole('alert')).toContainText('Identifiant ou mot de passe incorrect');
  await login(page, 'admin', ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Bonjour Camille Admin' })).toBeVisible();
  await expectAccessible(page, 'accueil administrateur');

  // One account per role, through the admin screen.
  await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();
  await expectAccessible(page, 'utilisateurs');
  const passwords = new Map<string, string>();
  for (const r of ROLES) {
    await page.getByRole('button', { name: 'Nouveau compte' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    if (r.role === 'secretaire') await expectAccessible(page, 'dialogue nouveau compte');
    await dialog.getByLabel('Identifiant').fill(r.login);
    await dialog.getByLabel('Nom affiché').fill(r.name);
    await dialog.getByText(r.label, { exact: true }).click();
    await dialog.getByRole('button', { name: 'Créer le compte' }).click();
    const otp = page.getByTestId('one-time-password');
    await expect(otp).toHaveText(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    passwords.set(r.login, (await otp.textContent())!);
    await page.getByRole('button', { name: 'C’est noté' }).click();
    await expect(page.getByRole('cell', { name: r.login, exact: true })).toBeVisible();
  }
  // A login already taken is refused with a French message naming it.
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  await page.getByRole('dialog').getByLabel('Identifiant').fill('ass.martin');
  await page.getByRole('dialog').getByLabel('Nom affiché').fill('Doublon');
  await page.getByRole('dialog').getByText('Secrétaire', { exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByRole('dialog')).toContainText('L’identifiant « ass.martin » est déjà utilisé');
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
  await logout(page);

  // Each person: first login, own password, own navigation.
  for (const r of ROLES) {
    await login(page, r.login, passwords.get(r.login)!);
    await expect(page.getByRole('heading', { name: 'Choisir votre mot de passe' })).toBeVisible();
    if (r.role === 'secretaire') await expectAccessible(page, 'changement de mot de passe');
    await page.getByLabel('Mot de passe provisoire ou actuel').fill(passwords.get(r.login)!);
    await page.getByLabel('Nouveau mot de passe').fill(`phrase de ${r.role} personnelle`);
    await page.getByLabel('Confirmer le mot de passe').fill(`phrase de ${r.role} personnelle`);
    await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await expect(page.getByRole('heading', { name: `Bonjour ${r.name}` })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const label of r.has) await expect(nav.getByText(label, { exact: true })).toBeVisible();
    for (const label of r.lacks) await expect(nav.getByText(label, { exact: true })).toHaveCount(0);
    if (r.role !== 'secretaire' && r.role !== 'admin') {
      // The case registries side by side, then the evaluations, the instance and the collective actions.
      const links = (await nav.getByRole('link').allTextContents()).map((x) => x.trim());
      const order = ['Surendettement', 'Prévention des expulsions', 'Évaluations IP / IS', 'Instance de concertation', 'Actions collectives'].filter((l) => links.includes(l));
      expect(order.map((l) => links.indexOf(l))).toEqual([...order.map((l) => links.indexOf(l))].sort((a, b) => a - b));
      expect(order).toHaveLength(5);
      // What the day holds stays on the first screen, above the tools' tiles.
      const day = page.getByRole('heading', { name: r.role === 'responsable' ? 'Validation des aides' : 'Vos rendez-vous du jour', level: 2 });
      await expect(day).toBeInViewport();
      expect((await day.boundingBox())!.y).toBeLessThan((await page.getByRole('heading', { name: 'Vos outils', level: 2 }).boundingBox())!.y);
    }
    await expectAccessible(page, `accueil ${r.role}`);

    if (r.role === 'secretaire') {
      // Straight to the API with her session cookie: refused by the main process.
      const res = await callAsPage('admin:listUsers', {});
      if (res.status !== undefined) expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await callAsPage('audit:list', { limit: 10 })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await callAsPage('admin:createUser', { login: 'pirate', displayName: 'Pirate', roles: ['admin'] })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // And the admin screen's route shows nothing to her.
      await page.evaluate(() => (window.location.hash = '#/admin/utilisateurs'));
      await expect(page.getByRole('heading', { name: 'Page indisponible' })).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(0);
    }
    await logout(page);
  }
}
