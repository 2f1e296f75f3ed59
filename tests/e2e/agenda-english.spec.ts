/**
 * The agenda in English: React Aria's own strings (menus, pickers) must exist for the English
 * locale the app gives it, or the first select on the screen throws and leaves a blank page.
 */
import { expect, test } from './fixtures';
import { seedTeam } from './seed';
import { login } from './actions';

test('agenda: switching to English keeps the screen, and its selects open', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  await page.goto(server.url);
  await login(page, 'sophie', team.users.sophie!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Rendez-vous' }).click();
  await expect(page.getByRole('heading', { name: 'Agendas', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Diaries', level: 1 })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Appointment grid' })).toBeVisible();
  const week = page.getByRole('radio', { name: 'Week' });
  await week.focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: /Diary of/ }).first().click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Diaries', level: 1 })).toBeVisible();
});
