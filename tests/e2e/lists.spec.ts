/**
 * Work lists at volume, in Chromium at 1366×768: the responsable's validation queue shows at
 * least 20 requests on the first screen, under a header that stays while the rows scroll;
 * filters (instructor, urgency, barème) say what they leave (« 12 demandes sur 44 ») in a
 * live region; the selected request opens beside the list (about 55 % / 45 %), its heading
 * takes the focus. axe on each state.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { seedTeam } from './seed';
import { login } from './actions';

const VOLUME = 44;

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('button', { name: new RegExp(`. ${label}$`) }).click(); // the select (its value, then its label), not the column's sort button
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Rows of `table` whose box lies entirely inside the window. */
async function rowsInViewport(page: Page): Promise<number> {
  return page.evaluate(() => {
    const h = window.innerHeight;
    return [...document.querySelectorAll('table tbody tr:not([aria-hidden])')].filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= h;
    }).length;
  });
}

async function shots(page: Page, name: string) {
  const dir = process.env.PASSEUR_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}-${page.viewportSize()!.width}.png`, fullPage: false });
}

test.use({ viewport: { width: 1366, height: 768 } });

test('validation queue at volume: 20+ rows on a 1366×768 screen, filters announced, the request beside the list', async ({ page, server, watch }) => {
  test.setTimeout(120_000);
  watch(page);
  const team = await seedTeam(server.url);
  const { users } = team;
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  const claire = await team.as('claire');
  // 11 households, 4 requests each: Alice instructs 3 households in 4, Claire the others; one request in 4 is urgent.
  for (let h = 0; h < VOLUME / 4; h++) {
    const [token, who] = h % 4 === 3 ? [claire, users.claire!] : [alice, users.alice!];
    const card = (await team.rpc('persons:create', { birthName: `Volume${h}`, firstNames: 'Denise', birthDate: `19${60 + h}-05-04`, household: { address: `${h + 1} rue Léon Cladel`, postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec))
      .value as { person: { id: number }; household: { id: number } };
    const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: who.id }, token)).value as { id: number };
    for (let i = 0; i < 4; i++) {
      const aid = (
        await team.rpc(
          'aid:save',
          {
            dsuId: dsu.id,
            personId: card.person.id,
            requestedOn: new Date().toISOString().slice(0, 10),
            dispositif: 'secours_cd',
            nature: i % 2 ? 'energie' : 'alimentaire',
            object: `Demande ${h}-${i}`,
            amountCents: i === 3 ? 24000 : 9000 + i * 1000,
            paymentMode: 'virement_beneficiaire',
            payeeKind: 'beneficiaire',
            urgent: i === 0,
            noteSociale: 'Rupture de ressources depuis deux mois.',
            budget: { resources: [{ kind: 'rsa', amountCents: 30000 }], charges: [{ kind: 'loyer', amountCents: 45000 }] },
          },
          token,
        )
      ).value as { id: number };
      await team.rpc('aid:act', { action: 'submit', id: aid.id }, token);
    }
  }

  await page.goto(server.url);
  await login(page, 'remi', users.remi!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Validation des aides' }).click();
  const queue = page.getByRole('table', { name: 'Demandes à valider' });
  await expect(queue.getByRole('row')).toHaveCount(VOLUME + 1);
  const count = page.getByText(`${VOLUME} demandes sur ${VOLUME}`);
  await expect(count).toBeVisible();
  await expect(count).toHaveAttribute('aria-live', 'polite');

  // Dense: at least 20 whole rows inside the 768 px window, without scrolling the page.
  await shots(page, 'validation-liste');
  expect(await rowsInViewport(page)).toBeGreaterThanOrEqual(20);
  await expectAccessible(page, 'file de validation — volume');

  // Sticky header: scroll the list; the header stays at the top of its scroll area.
  const scroller = page.locator('.datatable-scroll');
  const top = (await scroller.boundingBox())!.y;
  await scroller.evaluate((el) => el.scrollBy(0, 400));
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  const header = (await queue.getByRole('columnheader', { name: 'Montant' }).boundingBox())!;
  expect(Math.abs(header.y - top)).toBeLessThan(4);
  await scroller.evaluate((el) => el.scrollTo(0, 0));

  // Filters: urgent ones, then Claire's urgent ones; the count says what is left.
  await choose(page, 'Urgence', 'Urgentes');
  await expect(page.getByText(`${VOLUME / 4} demandes sur ${VOLUME}`)).toBeVisible();
  await expect(queue.getByRole('row')).toHaveCount(VOLUME / 4 + 1);
  await choose(page, 'Instruite par', 'Claire Conseillère');
  await expect(page.getByText(`2 demandes sur ${VOLUME}`)).toBeVisible();
  for (const row of await queue.getByRole('row').all()) if (!(await row.getByRole('columnheader').count())) await expect(row).toContainText('urgente');
  await choose(page, 'Barème', 'Hors barème');
  await expect(page.getByText(`0 demande sur ${VOLUME}`)).toBeVisible();
  await expect(page.getByText('Aucune ligne ne correspond au filtre.')).toBeVisible();
  await page.getByRole('button', { name: 'Tout afficher' }).click();
  await expect(page.getByText(`${VOLUME} demandes sur ${VOLUME}`)).toBeVisible();
  await choose(page, 'Barème', 'Hors barème');
  await expect(page.getByText(`${VOLUME / 4} demandes sur ${VOLUME}`)).toBeVisible();
  await page.getByRole('button', { name: 'Tout afficher' }).click();

  // The request beside the list, readable: about 45 % of the width, its heading focused.
  const first = queue.getByRole('row').nth(1);
  const number = (await first.getByRole('button').first().textContent())!.trim();
  await first.getByRole('button', { name: number }).click();
  const detail = page.getByRole('region', { name: new RegExp(`${number} —`) });
  await expect(detail.getByRole('heading', { level: 2 }).first()).toBeFocused();
  await expect(first).toHaveAttribute('aria-current', 'true');
  const list = (await scroller.boundingBox())!;
  const pane = (await detail.boundingBox())!;
  expect(pane.x).toBeGreaterThan(list.x + list.width - 1); // side by side
  const share = pane.width / (pane.width + list.width);
  expect(share).toBeGreaterThan(0.4);
  expect(share).toBeLessThan(0.5);
  await shots(page, 'validation-detail');
  expect(await rowsInViewport(page)).toBeGreaterThanOrEqual(20);
  // No column cut off: the list's table fits its scroll area.
  expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  await expect(detail.getByText('Dans le barème', { exact: true })).toBeVisible();
  await expectAccessible(page, 'file de validation — demande ouverte');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await shots(page, 'validation-detail');
  expect(await rowsInViewport(page)).toBeGreaterThanOrEqual(30);
});

test('DSU list at volume: 20+ files on a 1366×768 screen, the header kept while the rows scroll', async ({ page, server, watch }) => {
  test.setTimeout(120_000);
  watch(page);
  const team = await seedTeam(server.url);
  const { users } = team;
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  const FILES = 30;
  for (let h = 0; h < FILES; h++) {
    const card = (await team.rpc('persons:create', { birthName: `Dossier${h}`, firstNames: 'Marcel', birthDate: `19${50 + h}-02-03`, household: { address: `${h + 1} avenue Gambetta`, postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec))
      .value as { household: { id: number } };
    await team.rpc('dsu:open', { householdId: card.household.id, referentId: users.alice!.id }, alice);
  }
  await page.goto(server.url);
  await login(page, 'alice', users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers sociaux (DSU)' }).click();
  const table = page.getByRole('table', { name: /dossiers/i });
  await expect(table.getByRole('row')).toHaveCount(FILES + 1);
  await shots(page, 'dsu-liste');
  expect(await rowsInViewport(page)).toBeGreaterThanOrEqual(20);
  const scroller = page.locator('.datatable-scroll');
  const top = (await scroller.boundingBox())!.y;
  await scroller.evaluate((el) => el.scrollBy(0, 300));
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(50);
  expect(Math.abs((await table.getByRole('columnheader').first().boundingBox())!.y - top)).toBeLessThan(4);
  await expectAccessible(page, 'liste des DSU — volume');
});

test('commission: the requests waiting for a session are named only under a consent in force', async ({ page, server, watch }) => {
  test.setTimeout(120_000);
  watch(page);
  const team = await seedTeam(server.url);
  const { users } = team;
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  const remi = await team.as('remi');
  const today = new Date().toISOString().slice(0, 10);
  const waiting = async (birthName: string, consent: boolean) => {
    const card = (await team.rpc('persons:create', { birthName, firstNames: 'Odette', birthDate: '1958-09-21', household: { address: '3 rue de la Comédie', postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec))
      .value as { person: { id: number }; household: { id: number } };
    const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: users.alice!.id }, alice)).value as { id: number };
    const c = consent
      ? ((await team.rpc('dsu:addConsent', { dsuId: dsu.id, personId: card.person.id, recipientLabel: 'Commission des aides financières', scope: 'Présentation de la demande', form: 'ecrit', givenOn: today }, alice)).value as { id: number })
      : null;
    const aid = (
      await team.rpc(
        'aid:save',
        {
          dsuId: dsu.id,
          personId: card.person.id,
          requestedOn: today,
          dispositif: 'secours_cd',
          nature: 'energie',
          object: 'Facture d’électricité',
          amountCents: 24000,
          paymentMode: 'virement_beneficiaire',
          payeeKind: 'beneficiaire',
          noteSociale: 'Coupure annoncée.',
          ...(c ? { consentId: c.id } : {}),
          budget: { resources: [{ kind: 'rsa', amountCents: 30000 }], charges: [{ kind: 'loyer', amountCents: 45000 }] },
        },
        alice,
      )
    ).value as { id: number; number: string };
    await team.rpc('aid:act', { action: 'submit', id: aid.id }, alice);
    await team.rpc('aid:act', { action: 'take', id: aid.id }, remi);
    await team.rpc('aid:act', { action: 'toCommission', id: aid.id, favorable: true, opinion: 'Avis favorable.' }, remi);
    return aid.number;
  };
  const named = await waiting('Rousseau', true);
  const hidden = await waiting('Lacombe', false);
  await team.rpc('commission:save', { heldOn: today, place: 'Salle 2', members: ['Rémi Responsable'] }, remi);

  await page.goto(server.url);
  await login(page, 'remi', users.remi!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Commission des aides' }).click();
  await expect(page.getByRole('heading', { name: 'Demandes en attente de commission (2)' })).toBeVisible();
  await expect(page.getByLabel(new RegExp(`^${named} — ROUSSEAU Odette — `))).toHaveCount(1);
  await expect(page.getByLabel(new RegExp(`^${hidden} — identité non communiquée \\(pas de consentement en vigueur\\) — `))).toHaveCount(1);
  await expect(page.getByText(/Lacombe/i)).toHaveCount(0);
  await expectAccessible(page, 'commission — demandes en attente');
  await shots(page, 'commission-attente');
});
