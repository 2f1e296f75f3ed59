/**
 * The agenda, as the ASS uses it in Chromium against `passeur serve` (DOMAIN §3, §7): from the
 * appointment's card in the time grid, marking it honoured asks, in a small dialog usable by keyboard alone, the field of
 * intervention of the journal entry it becomes; the DSU's journal shows it. A household
 * without a DSU is marked at once. axe on the dialog.
 */
import { expect, expectAccessible, tabTo, test } from './fixtures';
import { seedTeam } from './seed';
import { login, logout, shot } from './actions';

/** The site's current minute (Europe/Paris), as the API writes it: `2026-11-23T09:30`. */
const minuteNow = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date()).replace(' ', 'T');

test('agenda: an honoured appointment asks its field of intervention, by keyboard, and goes to the DSU journal with it', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const { users } = team;
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  const person = async (birthName: string, firstNames: string, pro: 'alice' | 'bruno', withDsu: boolean) => {
    const card = (await team.rpc('persons:create', { birthName, firstNames, birthDate: '1979-05-05', household: { address: '3 rue du Moustier', communeInsee: '82121', role: 'demandeur' } }, sec)).value as {
      person: { id: number };
      household: { id: number };
    };
    const dsu = withDsu ? ((await team.rpc('dsu:open', { householdId: card.household.id, referentId: users.alice!.id }, alice)).value as { id: number; number: string }) : null;
    // Booked at the current minute: not yet past when booked, already begun when marked.
    for (let attempt = 0; ; attempt++) {
      try {
        await team.rpc('rdv:book', { professionalId: users[pro]!.id, personId: card.person.id, startsAt: minuteNow(), durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS – bureau 3' }, sec);
        break;
      } catch (e) {
        if (attempt > 2 || !/déjà passé/.test(String(e))) throw e;
      }
    }
    return { dsu };
  };
  const { dsu } = await person('Garnier', 'Paul', 'alice', true);
  await person('Sans', 'Dossier', 'bruno', false);

  await page.goto(server.url);
  await login(page, 'alice', users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Rendez-vous' }).click();
  const grid = page.getByTestId('agenda');
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  const item = grid.getByRole('button', { name: /GARNIER Paul, .*Alice Assistante \(ASS\)$/ });

  // By keyboard alone: into the grid, arrows to the appointment, its card, "Honoré", the dialog,
  // nothing chosen is refused, then a field and confirm.
  await tabTo(page, grid.locator('[data-cell][tabindex="0"]'), 80);
  for (let i = 0; i < 40 && !(await item.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: 'Rendez-vous de GARNIER Paul' });
  await expect(card.getByRole('link', { name: `Ouvrir le dossier ${dsu!.number}` })).toBeVisible();
  await tabTo(page, card.getByRole('button', { name: 'Honoré' }), 20);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Rendez-vous honoré — GARNIER Paul' });
  await expect(dialog).toContainText(`Le rendez-vous sera inscrit au journal du dossier ${dsu!.number} : choisissez son champ d’intervention.`);
  const fields = dialog.getByRole('radiogroup', { name: 'Champ d’intervention' });
  await expect(fields.locator('.radio')).toHaveText([
    'Accès aux droits',
    'Logement / hébergement',
    'Insertion sociale et professionnelle',
    'Budget',
    'Prévention et protection de l’enfance',
    'Personnes âgées / handicapées',
    'Santé',
  ]);
  await expectAccessible(page, 'agenda — rendez-vous honoré');
  await tabTo(page, dialog.getByRole('button', { name: 'Marquer honoré' }), 20);
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Choisissez le champ d’intervention.')).toBeVisible();
  await tabTo(page, fields.getByRole('radio', { name: 'Accès aux droits' }), 20);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(fields.getByRole('radio', { name: 'Budget' })).toBeChecked();
  await shot(page, 'agenda-honore-dialogue');
  await tabTo(page, dialog.getByRole('button', { name: 'Marquer honoré' }), 20);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Rendez-vous de GARNIER Paul : Honoré.')).toBeVisible();
  const honoured = grid.getByRole('button', { name: /GARNIER Paul, Accompagnement au bureau, Honoré, Alice Assistante \(ASS\)$/ });
  await expect(honoured).toBeFocused();

  // The DSU's journal has the entry, with its field.
  await honoured.click();
  await card.getByRole('link', { name: `Ouvrir le dossier ${dsu!.number}` }).click();
  await page.getByRole('tab', { name: 'Journal' }).click();
  const entry = page.locator('.journal-entry', { hasText: 'Rendez-vous honoré' });
  await expect(entry).toContainText('Budget');
  await shot(page, 'agenda-honore-journal');
  await logout(page);

  // Without a DSU there is no journal to write in: marked at once, nothing asked.
  await login(page, 'bruno', users.bruno!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Rendez-vous' }).click();
  await page.getByTestId('agenda').getByRole('button', { name: /SANS Dossier, .*Bruno Volant/ }).click();
  await page.getByRole('dialog', { name: 'Rendez-vous de SANS Dossier' }).getByRole('button', { name: 'Honoré' }).click();
  await expect(page.getByText('Rendez-vous de SANS Dossier : Honoré.')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
