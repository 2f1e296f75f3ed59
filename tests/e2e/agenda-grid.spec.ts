/**
 * The agenda's time grid as the front desk uses it (DOMAIN §7), in Chromium against `passeur
 * serve`: a day with two professionals side by side, booking for each from a free slot, moving
 * an appointment by its card (and being told in French when the new slot is taken) or by
 * dragging it onto a free slot, cancelling with a
 * reason, printing a convocation, and the next day's reminder list as CSV. By keyboard where it
 * matters; axe on the grid and on each dialog.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, tabTo, test } from './fixtures';
import { seedTeam } from './seed';
import { login, shot } from './actions';
import { nextTuesday } from './dates';

const fr = (iso: string) => {
  const s = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
  return s.replace(/ 1 /, ' 1er ');
};

/** Checks a React Aria checkbox or radio as the keyboard does (its label covers the input). */
async function press(page: Page, control: ReturnType<Page['locator']>) {
  await control.focus();
  await page.keyboard.press('Space');
}

/** The screen as it is seen (viewport only) into `PASSEUR_SHOTS`, named with the viewport's width. */
async function view(page: Page, name: string) {
  const dir = process.env.PASSEUR_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}-${page.viewportSize()?.width ?? 0}.png`, fullPage: false });
}

async function pdfText(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = (await download.path())!;
  if (process.env.PASSEUR_SHOTS) fs.copyFileSync(file, `${process.env.PASSEUR_SHOTS}/${download.suggestedFilename()}`);
  const text = download.suggestedFilename().endsWith('.pdf') ? execFileSync('pdftotext', ['-layout', file, '-']).toString() : fs.readFileSync(file, 'utf8');
  return { name: download.suggestedFilename(), text: text.replace(/[\s\u00a0]+/g, ' ') };
}

test('agenda grid: book for two professionals side by side, move, cancel with a reason, convocation, reminders', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const admin = await (async () => {
    const res = await fetch(`${server.url}rpc/auth:login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'une longue phrase secrète' }) });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  })();
  await team.rpc('admin:saveSite', { serviceName: 'MDS Montauban Est', addressLines: ['2 rue de la Banque'], postcode: '82000', city: 'Montauban', phone: '05 63 00 00 00' }, admin);
  const sec = await team.as('sophie');
  await team.rpc('persons:create', { birthName: 'Dupont', firstNames: 'Marie', sex: 'F', birthDate: '1985-02-02', phone: '0612345678', household: { address: '3 rue du Moustier', postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec);
  await team.rpc('persons:create', { birthName: 'Garnier', firstNames: 'Paul', birthDate: '1979-05-05', household: { address: '8 allée des Tilleuls', postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec);
  const { iso: day, steps } = nextTuesday();
  const dayFr = fr(day);

  await page.goto(server.url);
  await login(page, 'sophie', team.users.sophie!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Rendez-vous' }).click();
  // The desk sees the team side by side: keep Alice and Claire.
  const shown = page.getByRole('group', { name: 'Agendas affichés' });
  for (const name of ['Bruno Volant']) {
    const box = shown.getByRole('checkbox', { name });
    if (await box.isChecked()) await press(page, box);
  }
  for (const name of ['Alice Assistante', 'Claire Conseillère']) {
    const box = shown.getByRole('checkbox', { name });
    if (!(await box.isChecked())) await press(page, box);
  }
  for (let i = 0; i < steps; i++) await page.getByRole('button', { name: 'Jour suivant' }).click();
  await expect(page.getByRole('heading', { name: `${dayFr} — 2 agendas côte à côte` })).toBeVisible();
  const grid = page.getByTestId('agenda');
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  await expectAccessible(page, 'agenda — grille du jour');
  await shot(page, 'agenda-grille-vide');

  // Book at 9 h 30 for Alice, by keyboard: Tab into the grid, arrows to the slot, Enter.
  await tabTo(page, grid.locator('[data-cell][tabindex="0"]'), 80);
  const aliceSlot = grid.getByRole('button', { name: `Réserver le ${dayFr} à 9 h 30 avec Alice Assistante` });
  for (let i = 0; i < 12 && !(await aliceSlot.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(aliceSlot).toBeFocused();
  await page.keyboard.press('Enter');
  let dialog = page.getByRole('dialog', { name: `Rendez-vous avec Alice Assistante — ${dayFr}, 9 h 30` });
  await dialog.getByLabel('Rechercher la personne').fill('dupont');
  await press(page, dialog.getByRole('radio', { name: /DUPONT Marie/ }));
  await expectAccessible(page, 'agenda — réserver');
  await dialog.getByRole('button', { name: 'Réserver' }).click();
  await expect(page.getByText(`Rendez-vous de DUPONT Marie avec Alice Assistante le ${dayFr} à 9 h 30 enregistré.`)).toBeVisible();
  const alice = grid.getByRole('button', { name: `${dayFr}, 9 h 30 – 10 h, DUPONT Marie, Accompagnement au bureau, Alice Assistante (ASS)` });
  await expect(alice).toBeFocused();

  // The same time for Claire, in the column beside: ArrowRight reaches it.
  await page.keyboard.press('ArrowRight');
  const claireSlot = grid.getByRole('button', { name: `Réserver le ${dayFr} à 9 h 30 avec Claire Conseillère` });
  await expect(claireSlot).toBeFocused();
  await page.keyboard.press('Enter');
  dialog = page.getByRole('dialog', { name: `Rendez-vous avec Claire Conseillère — ${dayFr}, 9 h 30` });
  await dialog.getByLabel('Rechercher la personne').fill('garnier');
  await press(page, dialog.getByRole('radio', { name: /GARNIER Paul/ }));
  await dialog.getByRole('button', { name: 'Réserver' }).click();
  const claire = grid.getByRole('button', { name: `${dayFr}, 9 h 30 – 10 h, GARNIER Paul, Accompagnement au bureau, Claire Conseillère (CESF)` });
  await expect(claire).toBeFocused();
  await shot(page, 'agenda-deux-agendas');
  await view(page, 'agenda-jour');

  // Move Alice's to Claire at 9 h 30: refused in French (the same rule as booking), nothing changed; then to 11 h.
  await alice.click();
  dialog = page.getByRole('dialog', { name: 'Rendez-vous de DUPONT Marie' });
  await expectAccessible(page, 'agenda — fiche du rendez-vous');
  await dialog.getByRole('button', { name: 'Déplacer' }).click();
  dialog = page.getByRole('dialog', { name: 'Déplacer le rendez-vous de DUPONT Marie' });
  await dialog.getByRole('button', { name: /Avec/ }).click();
  await page.getByRole('option', { name: 'Claire Conseillère' }).click();
  await dialog.getByRole('button', { name: 'Déplacer' }).click();
  await expect(dialog.getByText('Claire Conseillère a déjà un rendez-vous de 09 h 30 à 10 h 00 ce jour-là.', { exact: false })).toBeVisible();
  await expectAccessible(page, 'agenda — déplacer (refus)');
  await shot(page, 'agenda-deplacer-refus');
  await view(page, 'agenda-deplacer-refus');
  await dialog.getByLabel('Heure').fill('11:00');
  await dialog.getByRole('button', { name: 'Déplacer' }).click();
  await expect(page.getByText(`Rendez-vous de DUPONT Marie déplacé : ${dayFr}, 11 h, avec Claire Conseillère.`)).toBeVisible();
  const moved = grid.getByRole('button', { name: `${dayFr}, 11 h – 11 h 30, DUPONT Marie, Accompagnement au bureau, Claire Conseillère (CESF)` });
  await expect(moved).toBeFocused();
  await expect(grid.getByRole('button', { name: `Réserver le ${dayFr} à 9 h 30 avec Alice Assistante` })).toBeVisible();

  // Convocation for the moved appointment: the PDF names the place, the date in French, what to bring.
  await moved.click();
  dialog = page.getByRole('dialog', { name: 'Rendez-vous de DUPONT Marie' });
  await dialog.getByRole('button', { name: 'Convocation (PDF)' }).click();
  dialog = page.getByRole('dialog', { name: 'Convocation de DUPONT Marie' });
  await dialog.getByLabel('Pièces à apporter (une par ligne)').fill('Avis d’imposition\nQuittance de loyer');
  const letter = await pdfText(page, () => dialog.getByRole('button', { name: 'Éditer la convocation' }).click());
  expect(letter.name).toMatch(new RegExp(`^convocation-${day}-\\d+\\.pdf$`));
  for (const s of ['MDS Montauban Est', '2 rue de la Banque', 'Madame DUPONT Marie', '3 rue du Moustier', '82000 MONTAUBAN', `Date : ${dayFr} ${day.slice(0, 4)}`, 'Heure : 11 h', 'Claire Conseillère', '• Avis d’imposition', '• Quittance de loyer']) expect(letter.text).toContain(s);
  expect(letter.text.match(/MDS Montauban Est/g)).toHaveLength(1);
  await expect(page.getByText('Convocation de DUPONT Marie enregistrée (PDF).')).toBeVisible();
  await page.keyboard.press('Escape');

  // Cancel Claire's first one with a reason: none chosen is refused, then a reason and a precision.
  await claire.click();
  dialog = page.getByRole('dialog', { name: 'Rendez-vous de GARNIER Paul' });
  await dialog.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  dialog = page.getByRole('dialog', { name: 'Annuler le rendez-vous de GARNIER Paul' });
  await dialog.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  await expect(dialog.getByText('Choisissez le motif d’annulation.')).toBeVisible();
  await press(page, dialog.getByRole('radio', { name: 'À la demande de la personne' }));
  await dialog.getByLabel('Précision').fill('Rappellera lundi');
  await expectAccessible(page, 'agenda — annuler');
  await shot(page, 'agenda-annuler');
  await dialog.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  await expect(page.getByText(`Rendez-vous de GARNIER Paul (${dayFr}, 9 h 30) annulé.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `${dayFr} — 2 agendas côte à côte` })).toBeFocused();
  await expect(page.getByRole('region', { name: '1 rendez-vous annulé' })).toContainText('GARNIER Paul — Claire Conseillère — À la demande de la personne (Rappellera lundi)');
  await expect(grid.getByRole('button', { name: `Réserver le ${dayFr} à 9 h 30 avec Claire Conseillère` })).toBeVisible();
  await shot(page, 'agenda-apres');

  // The reminders of that day: the one planned appointment, its phone; as CSV.
  await page.getByRole('button', { name: 'Rappels du lendemain' }).click();
  dialog = page.getByRole('dialog', { name: 'Rendez-vous à rappeler' });
  await dialog.getByLabel('Jour des rendez-vous').fill(day.split('-').reverse().join('/'));
  await expect(dialog.getByText(`1 rendez-vous prévu le ${dayFr}.`)).toBeVisible();
  await expect(dialog.getByRole('row', { name: /DUPONT Marie/ })).toContainText('06 12 34 56 78');
  await expectAccessible(page, 'agenda — rappels');
  await shot(page, 'agenda-rappels');
  await view(page, 'agenda-rappels');
  const csv = await pdfText(page, () => dialog.getByRole('button', { name: 'Télécharger (CSV)' }).click());
  expect(csv.name).toBe(`rappels-${day}.csv`);
  expect(csv.text).toContain(`DUPONT Marie;06 12 34 56 78;Claire Conseillère;`);
  expect(csv.text).not.toContain('GARNIER');
  await page.keyboard.press('Escape');

  // The week of one professional: Claire's, five days, the moved appointment on its Tuesday.
  const week = page.getByRole('radio', { name: 'Semaine' });
  await press(page, week);
  await page.getByRole('button', { name: /Agenda de/ }).click();
  await page.getByRole('option', { name: 'Claire Conseillère' }).click();
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  await expect(grid.getByRole('button', { name: `${dayFr}, 11 h – 11 h 30, DUPONT Marie, Accompagnement au bureau, Claire Conseillère (CESF)` })).toBeVisible();
  await expect(grid.locator('.tgrid-head')).toHaveCount(5);
  await expectAccessible(page, 'agenda — semaine');
  await view(page, 'agenda-semaine');

  // Dragged onto the Wednesday's 9 h: moved there, under the same rule, said and focused.
  const wednesday = fr(new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
  await grid.getByRole('button', { name: `${dayFr}, 11 h – 11 h 30, DUPONT Marie, Accompagnement au bureau, Claire Conseillère (CESF)` }).dragTo(grid.getByRole('button', { name: `Réserver le ${wednesday} à 9 h avec Claire Conseillère` }));
  await expect(page.getByText(`Rendez-vous de DUPONT Marie déplacé : ${wednesday}, 9 h, avec Claire Conseillère.`)).toBeVisible();
  await expect(grid.getByRole('button', { name: `${wednesday}, 9 h – 9 h 30, DUPONT Marie, Accompagnement au bureau, Claire Conseillère (CESF)` })).toBeFocused();
});

test('opening hours and permanences: the administrator sets the hours, a closed day and a permanence; the agenda shades the day, refuses to book it, and books into the permanence', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const { iso: day, steps } = nextTuesday();
  await page.goto(server.url);
  await login(page, 'admin', 'une longue phrase secrète');
  await page.getByRole('navigation').getByRole('link', { name: 'Horaires et permanences' }).click();
  await expect(page.getByRole('heading', { name: 'Horaires d’ouverture', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Lundi' })).toHaveValue('08:30-12:30, 13:30-17:30');
  await page.getByRole('textbox', { name: 'Mercredi' }).fill('8h30 - 12h30');
  await page.getByRole('textbox', { name: 'Samedi' }).fill('09:00-1200');
  await page.getByRole('button', { name: 'Enregistrer les horaires' }).click();
  await expect(page.getByText('Samedi : plages non comprises. Écrivez par exemple 08:30-12:30, 13:30-17:30.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Samedi' }).fill('');
  await page.getByLabel('Jour fermé').fill(day.split('-').reverse().join('/'));
  await page.getByLabel('Motif (ex. pont, formation)').fill('Journée de formation');
  await page.getByRole('button', { name: 'Ajouter ce jour' }).click();
  await page.getByRole('button', { name: 'Enregistrer les horaires' }).click();
  await expect(page.getByText('Horaires et jours de fermeture enregistrés.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Mercredi' })).toHaveValue('08:30-12:30');
  await expectAccessible(page, 'horaires d’ouverture');
  await view(page, 'horaires');

  // A permanence on Wednesdays at France services de Montech, held by Bruno.
  const perm = page.getByRole('form', { name: 'Nouvelle permanence' });
  await perm.getByLabel('Lieu', { exact: true }).fill('France services de Montech');
  await perm.getByLabel('Adresse').fill('2 place de la Mairie');
  await perm.getByRole('button', { name: 'Enregistrer la permanence' }).click();
  await expect(perm.getByText('Choisissez la commune de la permanence.')).toBeVisible();
  await perm.getByRole('button', { name: /Commune/ }).click();
  await page.getByRole('option', { name: 'Montech' }).click();
  await perm.getByRole('button', { name: /Professionnel/ }).click();
  await page.getByRole('option', { name: 'Bruno Volant' }).click();
  await perm.getByRole('button', { name: /Jour$/ }).click();
  await page.getByRole('option', { name: 'Mercredi' }).click();
  await perm.getByLabel('De (HH:MM)').fill('14:00');
  await perm.getByLabel('À (HH:MM)').fill('12:00');
  await perm.getByRole('button', { name: 'Enregistrer la permanence' }).click();
  await expect(perm.getByText('La permanence finit (12:00) avant de commencer (14:00) : corrigez ses heures.')).toBeVisible();
  await perm.getByLabel('De (HH:MM)').fill('09:00');
  await perm.getByRole('button', { name: 'Enregistrer la permanence' }).click();
  await expect(page.getByText('Permanence « France services de Montech » de Bruno Volant enregistrée.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Permanences' })).toContainText('France services de Montech (Montech) — le mercredi de 09:00 à 12:00, chaque semaine, avec Bruno Volant');
  await expectAccessible(page, 'permanences');
  await view(page, 'permanences');

  // The desk sees the day closed, and the API refuses to book it.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await login(page, 'sophie', team.users.sophie!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Rendez-vous' }).click();
  for (let i = 0; i < steps; i++) await page.getByRole('button', { name: 'Jour suivant' }).click();
  await expect(page.getByText('Le site est fermé ce jour-là : aucun créneau ne peut y être réservé.')).toBeVisible();
  await expect(page.getByTestId('agenda').getByRole('button', { name: /^Réserver/ })).toHaveCount(0);
  await expect(page.getByTestId('agenda').locator('.tgrid-head').first()).toContainText('Site fermé : Journée de formation');
  const sec = await team.as('sophie');
  const card = (await team.rpc('persons:create', { birthName: 'Roux', firstNames: 'Léa', household: { address: '1 rue Basse', communeInsee: '82121', role: 'demandeur' } }, sec)).value as { person: { id: number } };
  await expect(team.rpc('rdv:book', { professionalId: team.users.alice!.id, personId: card.person.id, startsAt: `${day}T10:00`, durationMin: 30, kind: 'vad', place: 'Domicile' }, sec)).rejects.toThrow(/Le site est fermé le .* \(Journée de formation\) : choisissez un autre jour\./);

  // The next day, Wednesday: Bruno's permanence in his column, booked into.
  await page.getByRole('button', { name: 'Jour suivant' }).click();
  const shown = page.getByRole('group', { name: 'Agendas affichés' });
  const bruno = shown.getByRole('checkbox', { name: 'Bruno Volant' });
  if (!(await bruno.isChecked())) await press(page, bruno);
  const grid = page.getByTestId('agenda');
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  const wednesday = fr(new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
  await expect(grid).toContainText('Permanence — France services de Montech (Montech)');
  await grid.getByRole('button', { name: `Réserver le ${wednesday} à 9 h avec Bruno Volant, permanence France services de Montech` }).click();
  const dialog = page.getByRole('dialog', { name: `Rendez-vous avec Bruno Volant — ${wednesday}, 9 h` });
  await expect(dialog.getByLabel('Lieu')).toHaveValue('Permanence France services de Montech, 2 place de la Mairie, Montech');
  await dialog.getByLabel('Rechercher la personne').fill('roux');
  await press(page, dialog.getByRole('radio', { name: /ROUX Léa/ }));
  await dialog.getByRole('button', { name: 'Réserver' }).click();
  await expect(grid.getByRole('button', { name: `${wednesday}, 9 h – 9 h 30, ROUX Léa, Permanence, Bruno Volant (ASS)` })).toBeFocused();
  await expectAccessible(page, 'agenda — permanence');
  await view(page, 'agenda-permanence');
});
