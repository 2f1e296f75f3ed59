/** What every journey does the same way: log in and out through the form, and a screenshot when asked. */
import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';

export async function login(page: Page, user: string, password: string): Promise<void> {
  await page.getByLabel('Identifiant').fill(user);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion à Passeur' })).toBeVisible();
}

/** A full-page screenshot into `PASSEUR_SHOTS` when that folder is set (to look at the screens). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.PASSEUR_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}-${page.viewportSize()?.width ?? 0}.png`, fullPage: true });
}

/** Picks `option` in the select whose button (value, then label) matches `label`, within `scope`. */
export async function choose(page: Page, scope: ReturnType<Page['locator']> | Page, label: RegExp, option: string): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
