/**
 * Aides financières, as people do it in Chromium against `passeur serve` (DOMAIN §4): the
 * ASS instructs a secours within the barème and another above it; the responsable validates
 * the first and sends the second to the commission; the commission refuses; a recours is
 * filed and granted, lower, paid to the energy supplier; the envelope moves; both letters
 * are PDFs. The secretaire reaches none of it. axe on every screen crossed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectFocusKept, tabTo, test } from './fixtures';
import { seedTeam } from './seed';
import { login, logout, shot } from './actions';

async function choose(page: Page, scope: ReturnType<Page['locator']> | Page, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
const today = () => new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
async function pdfText(page: Page, trigger: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = (await download.path())!;
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
}

test('aides: barème, validation, commission, recours, payment to the supplier, envelope, letters', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const { users } = team;
  const sec = await team.as('sophie');
  const resp = await team.as('remi');
  const alice = await team.as('alice');
  const person = async (birthName: string, firstNames: string, birthDate: string) => {
    const card = (await team.rpc('persons:create', { birthName, firstNames, birthDate, household: { address: '5 rue Léon Cladel', postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec)).value as { person: { id: number }; household: { id: number } };
    const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: users.alice!.id }, alice)).value as { id: number; number: string };
    return { ...card, dsu };
  };
  const martin = await person('Martin', 'Louise', '1961-03-02');
  const garcia = await person('Garcia', 'Hugo', '1984-07-19');
  await team.rpc('envelope:set', { year: new Date().getFullYear(), envelope: 'enveloppe_cd', votedCents: 30_000_000 }, resp);

  // --- The ASS instructs a secours within the barème ---------------------------------------------
  await page.goto(server.url);
  await login(page, 'alice', users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers sociaux (DSU)' }).click();
  await page.getByRole('link', { name: martin.dsu.number }).click();
  await page.getByRole('tab', { name: 'Aides' }).click();
  await page.getByRole('link', { name: 'Nouvelle demande d’aide' }).click();
  await expect(page.getByRole('heading', { name: `Nouvelle demande d’aide — dossier ${martin.dsu.number}` })).toBeVisible();
  await expectFocusKept(page, 'ouverture d’une demande d’aide');
  await choose(page, page, /Dispositif$/, 'Secours du Conseil départemental');
  await choose(page, page, /Nature$/, 'Alimentaire');
  await page.getByLabel('Objet de la demande').fill('Courses en attendant le versement du RSA');
  await page.getByLabel('Montant demandé (€)').fill('120');
  await page.getByRole('button', { name: 'Ajouter une ressource' }).click();
  await page.getByLabel('Montant mensuel (€)').first().fill('300');
  await page.getByRole('button', { name: 'Ajouter une charge' }).click();
  await page.getByLabel('Montant mensuel (€)').nth(1).fill('450');
  await page.getByRole('textbox', { name: 'Note sociale' }).fill('Rupture de ressources depuis deux mois, droits RSA en cours de réouverture.');
  const evaluation = page.getByRole('region', { name: 'Évaluation en direct' });
  await expect(evaluation.getByText('Dans le barème', { exact: true })).toBeVisible();
  await expect(evaluation.getByText(/Moyenne économique journalière :/)).toBeVisible();
  await expect(evaluation.getByText(/Montant : 120,00\s€ demandés, dans la limite du plafond de 160,00\s€/)).toBeVisible();
  await expectAccessible(page, 'demande d’aide — formulaire');
  await shot(page, 'aide-formulaire');
  await page.getByRole('button', { name: 'Soumettre au responsable' }).click();
  await expect(page.getByText(/Demande AF-\d{4}-\d{5} soumise au responsable\./)).toBeVisible();
  await expectFocusKept(page, 'demande soumise au responsable');
  const first = (/AF-\d{4}-\d{5}/.exec((await page.getByRole('heading', { level: 1 }).textContent())!) ?? [''])[0];

  // --- … and one above it: the evaluation says why, live ------------------------------------------
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers sociaux (DSU)' }).click();
  await page.getByRole('link', { name: garcia.dsu.number }).click();
  await page.getByRole('tab', { name: 'Aides' }).click();
  await page.getByRole('link', { name: 'Nouvelle demande d’aide' }).click();
  await choose(page, page, /Dispositif$/, 'Secours du Conseil départemental');
  await choose(page, page, /Nature$/, 'Énergie');
  await page.getByLabel('Objet de la demande').fill('Facture de régularisation d’électricité');
  await page.getByLabel('Montant demandé (€)').fill('240');
  await page.getByLabel('Demande urgente').check({ force: true });
  await page.getByRole('textbox', { name: 'Note sociale' }).fill('Coupure annoncée sous huit jours ; échéancier refusé par le fournisseur.');
  await expect(evaluation.getByText('Hors barème', { exact: true })).toBeVisible();
  await expect(evaluation.getByText(/240,00\s€ demandés, au-dessus du plafond de 160,00\s€/)).toBeVisible();
  await shot(page, 'aide-hors-bareme');
  await page.getByRole('button', { name: 'Soumettre au responsable' }).click();
  await expect(page.getByText(/soumise au responsable/)).toBeVisible();
  const second = (/AF-\d{4}-\d{5}/.exec((await page.getByRole('heading', { level: 1 }).textContent())!) ?? [''])[0];
  await logout(page);

  // --- The responsable: validation queue on one screen ---------------------------------------------
  await login(page, 'remi', users.remi!.password);
  await expect(page.getByText('2 demandes d’aide à valider.')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Validation des aides' }).click();
  const queue = page.getByRole('table', { name: 'Demandes à valider' });
  await expect(queue.getByRole('row')).toHaveCount(3);
  await expect(queue.getByRole('row').nth(1)).toContainText(second); // urgent first
  // The first one by keyboard alone: open it beside the queue, take it, grant it.
  await tabTo(page, queue.getByRole('button', { name: first }), 120);
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: new RegExp(`${first} —`) });
  await expect(detail.getByText('Dans le barème', { exact: true })).toBeVisible();
  await expect(detail.getByText(/Rupture de ressources/)).toBeVisible();
  await expectAccessible(page, 'validation — détail');
  await shot(page, 'validation');
  await tabTo(page, detail.getByRole('button', { name: 'Prendre en charge' }), 120);
  await page.keyboard.press('Enter');
  await expect(detail.getByRole('button', { name: 'Prendre en charge' })).toHaveCount(0);
  await expectFocusKept(page, 'prendre en charge');
  await tabTo(page, detail.getByRole('button', { name: 'Accorder' }), 120);
  await page.keyboard.press('Enter');
  const grant = page.getByRole('dialog', { name: 'Accorder' });
  await expect(grant.getByLabel('Montant accordé (€)')).toHaveValue('120');
  await expectAccessible(page, 'validation — accorder');
  await tabTo(page, grant.getByRole('button', { name: 'Accorder' }), 40);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${first} : Aide accordée.`)).toBeVisible();

  await queue.getByRole('button', { name: second }).click();
  const detail2 = page.getByRole('region', { name: new RegExp(`${second} —`) });
  await expect(detail2.getByText('Hors barème', { exact: true })).toBeVisible();
  await detail2.getByRole('button', { name: 'Prendre en charge' }).click();
  // Above the barème: the commission decides; the example règlement does not let her refuse alone.
  await expect(detail2.getByRole('button', { name: 'Transmettre à la commission avec avis' })).toBeVisible();
  await expect(detail2.getByRole('button', { name: 'Accorder' })).toHaveCount(0);
  await expect(detail2.getByRole('button', { name: 'Refuser' })).toHaveCount(0);
  await expect(detail2.getByText(/la commission décide\. Donnez votre avis .* ne permet pas au responsable de refuser seul cette demande\./)).toBeVisible();
  await detail2.getByRole('button', { name: 'Transmettre à la commission avec avis' }).click();
  const opinion = page.getByRole('dialog', { name: 'Transmettre à la commission avec avis' });
  await opinion.getByText('Défavorable', { exact: true }).click();
  await opinion.getByLabel('Avis motivé pour la commission').fill('Plafond dépassé ; mobiliser d’abord le chèque énergie.');
  await expectAccessible(page, 'validation — avis pour la commission');
  await opinion.getByRole('button', { name: 'Transmettre à la commission avec avis' }).click();
  await expect(page.getByText(`${second} : Demande envoyée en commission avec votre avis.`)).toBeVisible();
  await expectFocusKept(page, 'avis pour la commission');

  // --- The commission refuses --------------------------------------------------------------------------
  await page.getByRole('navigation').getByRole('link', { name: 'Commission des aides' }).click();
  await page.getByRole('button', { name: 'Nouvelle séance' }).click();
  const newSession = page.getByRole('dialog', { name: 'Nouvelle séance' });
  await newSession.getByLabel('Date de la séance').fill(today());
  await newSession.getByLabel('Lieu').fill('Hôtel du Département, salle 2');
  await newSession.getByLabel('Membres').fill('Mme la Vice-présidente\nRémi Responsable');
  await newSession.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Séance créée.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ordre du jour (0)' })).toBeVisible();
  // Waiting for a session: no consent to this presentation, so no name.
  await expect(page.getByLabel(new RegExp(`^${second} — identité non communiquée`))).toHaveCount(1);
  await page.getByLabel(new RegExp(`^${second}`)).check({ force: true });
  await page.getByRole('button', { name: 'Inscrire 1 demande' }).click();
  await expect(page.getByRole('heading', { name: 'Ordre du jour (1)' })).toBeVisible();
  await expectFocusKept(page, 'inscrire à l’ordre du jour');
  await expect(page.getByText('Identité non communiquée : pas de consentement en vigueur.')).toBeVisible();
  await expect(page.getByText('Avis du responsable (Défavorable) : Plafond dépassé ; mobiliser d’abord le chèque énergie.')).toBeVisible();
  await expectAccessible(page, 'commission');
  await shot(page, 'commission');
  const agenda = await pdfText(page, () => page.getByRole('button', { name: 'Ordre du jour (PDF)' }).click());
  expect(agenda).toContain(second);
  expect(agenda).not.toContain('GARCIA');
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
  const decide = page.getByRole('dialog', { name: `Décision de la commission — ${second}` });
  await decide.getByText('Refusée', { exact: true }).click();
  await decide.getByLabel('Motifs du refus').fill('Montant supérieur au plafond du règlement pour une personne seule.');
  await decide.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(page.getByText('Décision enregistrée.')).toBeVisible();
  await logout(page);

  // --- The ASS records the recours gracieux; the refusal letter exists -------------------------------
  await login(page, 'alice', users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Aides financières' }).click();
  await expect(page.getByRole('table', { name: 'Mes demandes' }).getByRole('row')).toHaveCount(3);
  await shot(page, 'aides-liste');
  // Every column fits: nothing cut off on the right.
  expect(await page.locator('.datatable-scroll').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  await page.getByRole('link', { name: second }).click();
  await expect(page.getByText('Refusée', { exact: true }).first()).toBeVisible();
  const refusal = await pdfText(page, () => page.getByRole('button', { name: 'Courrier de décision (PDF)' }).click());
  expect(refusal).toContain('Montant supérieur au plafond du règlement');
  expect(refusal).toMatch(/recours gracieux auprès du Président du Conseil départemental/);
  expect(refusal).toMatch(/tribunal administratif/);
  expect(refusal).toMatch(/R421-5/);
  expect(refusal).toContain('5 rue Léon Cladel 82000 MONTAUBAN');
  expect(refusal).toMatch(/Décision de la commission des aides financières du \d{2}\/\d{2}\/\d{4}, notifiée par Rémi Responsable/);
  await page.getByRole('button', { name: 'Enregistrer un recours gracieux' }).click();
  const appeal = page.getByRole('dialog', { name: 'Enregistrer un recours gracieux' });
  await appeal.getByLabel('Motif du recours').fill('Enfant malade hébergé ; la coupure mettrait sa santé en danger.');
  await appeal.getByRole('button', { name: 'Enregistrer un recours gracieux' }).click();
  await expect(page.getByText('Recours enregistré : la demande revient en commission.')).toBeVisible();
  await expect(page.getByText('En commission', { exact: true }).first()).toBeVisible();
  await expectAccessible(page, 'demande d’aide — après recours');
  await shot(page, 'aide-recours');
  await page.getByRole('link', { name: 'Retour au dossier' }).click();
  const dsuAids = page.getByRole('region', { name: 'Aides financières' });
  await expect(dsuAids.getByRole('listitem').filter({ hasText: second })).toContainText('En commission');
  await shot(page, 'dsu-aides');
  await logout(page);

  // --- The commission grants a lower amount, paid to the energy supplier ------------------------------
  await login(page, 'remi', users.remi!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Commission des aides' }).click();
  await page.getByRole('button', { name: 'Nouvelle séance' }).click();
  await newSession.getByLabel('Date de la séance').fill(today());
  await newSession.getByLabel('Membres').fill('Mme la Vice-présidente');
  await newSession.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Ordre du jour (0)' })).toBeVisible(); // the new session is the one shown
  // The candidates list re-renders once the new session is loaded: check until it holds.
  const appealBox = page.getByLabel(new RegExp(`^${second}.*Recours gracieux`));
  await expect(async () => {
    await appealBox.check({ force: true });
    await expect(appealBox).toBeChecked({ timeout: 1000 });
  }).toPass();
  await page.getByRole('button', { name: 'Inscrire 1 demande' }).click();
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await decide.getByLabel('Montant accordé (€)').fill('180');
  await decide.getByText('Virement à un tiers (bailleur, fournisseur…)', { exact: true }).click();
  await choose(page, decide, /Payé à$/, 'Fournisseur d’énergie');
  await decide.getByLabel('Nom du tiers payé').fill('EDF Solidarité');
  await expectAccessible(page, 'commission — décision');
  await decide.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(page.getByText('Décision enregistrée.')).toBeVisible();

  // Mandated and paid, then the envelope.
  await page.getByRole('link', { name: second }).click();
  await page.getByRole('button', { name: 'Mandatement et paiement' }).click();
  const pay = page.getByRole('dialog', { name: 'Mandatement et paiement' });
  await pay.getByLabel('Date de paiement').fill(today());
  await pay.getByRole('button', { name: 'Mandatement et paiement' }).click();
  await expect(page.getByText('Paiement enregistré.')).toBeVisible();
  const accord = await pdfText(page, () => page.getByRole('button', { name: 'Courrier de décision (PDF)' }).click());
  expect(accord).toMatch(/une aide de 180,00\s€ \(pour 240,00\s€ demandés\) vous est accordée/);
  expect(accord).toContain('EDF Solidarité');
  expect(accord).toMatch(/recours gracieux que vous avez formé/);
  expect(accord).toMatch(/Voies et délais de recours/); // a partial grant: 180 € of 240 €
  // Taken on the recours gracieux: the contentieux only, no second recours gracieux offered.
  expect(accord).toMatch(/Vous pouvez contester cette décision, prise sur votre recours gracieux, en saisissant le tribunal administratif/);
  expect(accord).not.toMatch(/former un recours gracieux/);

  await page.getByRole('navigation').getByRole('link', { name: 'Enveloppes' }).click();
  const row = page.getByRole('row', { name: /Enveloppe des aides financières du Département/ });
  await expect(row.getByRole('cell').nth(1)).toHaveText('300,00 €'); // engaged: 120 + 180
  await expect(row.getByRole('cell').nth(2)).toHaveText('180,00 €'); // paid
  await expect(row.getByRole('cell').nth(3)).toHaveText('299 700,00 €');
  // The total's remaining counts voted envelopes only (the FAJ has none voted here).
  await expect(page.getByRole('row', { name: /^Total/ }).getByRole('cell').nth(3)).toHaveText('299 700,00 € (hors 1 enveloppe non votée)');
  await expectAccessible(page, 'enveloppes');
  await shot(page, 'enveloppes');
  await logout(page);

  // --- The secretaire reaches none of it ----------------------------------------------------------------
  await login(page, 'sophie', users.sophie!.password);
  await expect(page.getByRole('heading', { name: 'Bonjour Sophie Secrétaire' })).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.getByText('Aides financières', { exact: true })).toHaveCount(0);
  await expect(nav.getByText('Validation des aides', { exact: true })).toHaveCount(0);
  const refused = await page.evaluate(async () => {
    const ask = async (channel: string, input: unknown) => {
      const res = await fetch(`rpc/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return ((await res.json()) as { error?: { code: string } }).error?.code ?? 'ok';
    };
    return [await ask('aid:queue', {}), await ask('aid:get', { id: 1 }), await ask('aid:letter', { id: 2 }), await ask('commission:list', {}), await ask('envelope:list', { year: 2026 })];
  });
  expect(refused).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden']);
});

test('règlement: a faulty version is refused field by field, a new one is measured then activated', async ({ page, server, watch }) => {
  watch(page);
  await seedTeam(server.url);
  const exemple = JSON.parse(fs.readFileSync('resources/reglements/exemple.json', 'utf8')) as {
    version: number;
    effectiveFrom: string;
    dispositifs: { delegationCents: unknown; natures: { ceiling: unknown }[] }[];
  };
  await page.goto(server.url);
  await login(page, 'admin', 'une longue phrase secrète');
  await page.getByRole('navigation').getByRole('link', { name: 'Règlement des aides' }).click();
  const versions = page.getByRole('table', { name: 'Versions du règlement' });
  await expect(versions.getByRole('row')).toHaveCount(2);
  await expect(versions.getByText('en vigueur aujourd’hui')).toBeVisible();
  // The version in force, read as a French document: per dispositif its conditions, natures and ceilings, delegation; caps, envelopes.
  const reading = page.getByRole('region', { name: /Règlement d’exemple des aides financières/ });
  await expect(reading.getByRole('heading', { name: 'Secours du Conseil départemental' })).toBeVisible();
  const secours = reading.getByRole('region', { name: 'Secours du Conseil départemental' });
  await expect(secours.getByRole('table', { name: 'Conditions d’attribution' }).getByRole('row', { name: /Composition du foyer/ })).toContainText('Personnes seules et foyers sans enfant à charge');
  await expect(secours.getByRole('table', { name: 'Conditions d’attribution' }).getByRole('row', { name: /Condition de ressources/ })).toContainText(/Moyenne économique journalière.*140,00\s€.*au plus 8,00\s€ \(personne seule\), 5,50\s€ \(autres foyers\)/);
  const ceilings = secours.getByRole('table', { name: 'Natures d’aide et plafonds' });
  await expect(ceilings.getByRole('row', { name: /Alimentaire/ })).toContainText(/160,00\s€.*230,00\s€/);
  await expect(secours.getByRole('table', { name: 'Décision et paiement' })).toContainText(/valide seul une demande dans le barème jusqu’à 300,00\s€/);
  await expect(reading.getByRole('heading', { name: 'Plafonds de fréquence' })).toBeVisible();
  await expect(reading.getByRole('heading', { name: 'Enveloppes annuelles' })).toBeVisible();
  await expectAccessible(page, 'règlement — document');
  await shot(page, 'reglement-document');
  if (process.env.PASSEUR_SHOTS) {
    await ceilings.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.PASSEUR_SHOTS}/reglement-document-natures.png` });
    await reading.getByRole('heading', { name: 'Plafonds de fréquence' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.PASSEUR_SHOTS}/reglement-document-plafonds.png` });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${process.env.PASSEUR_SHOTS}/reglement-document-haut.png` });
  }

  const bad = structuredClone(exemple);
  bad.version = 2;
  bad.dispositifs[0]!.delegationCents = 'trois cents';
  await page.locator('input[type=file]').setInputFiles({ name: 'reglement-v2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByRole('alert')).toContainText('Règlement refusé, rien n’a été enregistré');
  await expect(page.getByRole('alert')).toContainText('dispositifs.0.delegationCents');
  await expect(versions.getByRole('row')).toHaveCount(2);

  const good = structuredClone(exemple);
  good.version = 2;
  good.effectiveFrom = '2026-01-01';
  good.dispositifs[0]!.natures[0]!.ceiling = { personne_seule: 10000, default: 15000 };
  await page.locator('input[type=file]').setInputFiles({ name: 'reglement-v2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(page.getByText('Version 2 du règlement « exemple » importée en brouillon.')).toBeVisible();
  const v2 = versions.getByRole('row', { name: /exemple-v2/ });
  await expect(v2).toContainText('Brouillon');
  // Edited in place while it is a draft: checked again, field by field.
  await v2.getByRole('button', { name: 'Modifier' }).click();
  const editor = page.getByRole('dialog', { name: 'Modifier exemple-v2' });
  const documentField = editor.getByLabel('Document du règlement (JSON)');
  await documentField.fill(JSON.stringify({ ...good, effectiveFrom: '2026-13-01' }));
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(editor.getByRole('alert')).toContainText('effectiveFrom');
  await documentField.fill(JSON.stringify({ ...good, title: 'Règlement 2026 révisé' }));
  await expectAccessible(page, 'règlement — modification');
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('exemple-v2 est modifiée ; mesurez à nouveau son impact avant de l’activer.')).toBeVisible();
  await expect(v2).toContainText('Règlement 2026 révisé');
  // A draft read before activating it: its own ceilings, the keyboard on its title.
  await v2.getByRole('button', { name: 'Lire exemple-v2 comme un document' }).click();
  await expect(page.getByRole('heading', { name: 'Règlement 2026 révisé', level: 2 })).toBeFocused();
  await expect(
    page.getByRole('region', { name: 'Règlement 2026 révisé' }).getByRole('region', { name: 'Secours du Conseil départemental' }).getByRole('table', { name: 'Natures d’aide et plafonds' }).getByRole('row', { name: /Alimentaire/ }),
  ).toContainText(/100,00\s€.*150,00\s€/);
  await v2.getByRole('button', { name: 'Mesurer l’impact' }).click();
  await expect(page.getByRole('heading', { name: 'Impact de exemple-v2 sur les 12 derniers mois' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Impact de exemple-v2 mesuré : \d+ demande\(s\) sur \d+ changeraient de résultat\.$/ })).toBeVisible();
  await expectAccessible(page, 'règlement — impact');
  await v2.getByRole('button', { name: 'Activer' }).click();
  await page.getByRole('dialog', { name: 'Activer exemple-v2 ?' }).getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByText('exemple-v2 est active.')).toBeVisible();
  await expect(v2).toContainText('en vigueur aujourd’hui');
  await shot(page, 'reglement');
});

test('quotient familial: the budget keeps three months of resources and the evaluation shows their average', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const { users } = team;
  const sec = await team.as('sophie');
  const alice = await team.as('alice');
  const card = (await team.rpc('persons:create', { birthName: 'Roussel', firstNames: 'Nadia', birthDate: '1987-05-04', household: { address: '8 rue Fraîche', postcode: '82000', communeInsee: '82121', role: 'demandeur' } }, sec)).value as { household: { id: number } };
  await team.rpc('persons:create', { birthName: 'Roussel', firstNames: 'Lina', birthDate: '2016-09-01', household: { existingId: card.household.id, role: 'enfant' }, confirmNotDuplicate: true }, sec);
  const dsu = (await team.rpc('dsu:open', { householdId: card.household.id, referentId: users.alice!.id }, alice)).value as { number: string };

  await page.goto(server.url);
  await login(page, 'alice', users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers sociaux (DSU)' }).click();
  await page.getByRole('link', { name: dsu.number }).click();
  await page.getByRole('tab', { name: 'Aides' }).click();
  await page.getByRole('link', { name: 'Nouvelle demande d’aide' }).click();
  await choose(page, page, /Dispositif$/, 'Allocation mensuelle loisirs (aide sociale à l’enfance)');
  await page.getByLabel('Objet de la demande').fill('Centre de loisirs pendant les vacances de Noël');
  await page.getByLabel('Montant demandé (€)').fill('150');
  await page.getByLabel('Nombre de jours').fill('5');
  await page.getByText('Virement à un tiers (bailleur, fournisseur…)', { exact: true }).click();
  await page.getByLabel('Nom du tiers payé').fill('Centre de loisirs municipal');
  await expect(page.getByText(/compte la moyenne des ressources des trois derniers mois/)).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter une ressource' }).click();
  await page.getByLabel('Ce mois-ci (€)').fill('1100');
  const evaluation = page.getByRole('region', { name: 'Évaluation en direct' });
  // One month known: counted for each of the three, and the sentence says so.
  await expect(evaluation.getByText(/Quotient familial : ressources d’un seul mois connues, comptées pour chacun des trois derniers mois \(1\s100,00\s€ \+ 1\s100,00\s€ \+ 1\s100,00\s€\) ÷ 3 = 1\s100,00\s€ ÷ 2,5 parts = 440,00\s€/)).toBeVisible();
  // Half the earlier months: refused in French, nothing saved.
  await page.getByLabel('Il y a deux mois (€)').fill('900');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText('Mois précédents : indiquez les deux montants (il y a deux mois et le mois dernier), ou laissez-les vides tous les deux.')).toBeVisible();
  await page.getByLabel('Le mois dernier (€)').fill('1000');
  await expect(page.getByText(/Moyenne sur les trois mois : 1\s000,00\s€/)).toBeVisible();
  await expect(evaluation.getByText(/Quotient familial : moyenne des ressources des trois derniers mois \(900,00\s€ \+ 1\s000,00\s€ \+ 1\s100,00\s€\) ÷ 3 = 1\s000,00\s€ ÷ 2,5 parts = 400,00\s€, en dessous du plafond de 500,00\s€/)).toBeVisible();
  await expectAccessible(page, 'demande d’aide — trois mois de ressources');
  await shot(page, 'aide-quotient-familial');
  await page.getByRole('textbox', { name: 'Note sociale' }).fill('Mère seule avec sa fille ; reprise d’emploi à temps partiel.');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/Brouillon AF-\d{4}-\d{5} enregistré\./)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Il y a deux mois (€)')).toHaveValue('900');
  await expect(page.getByLabel('Le mois dernier (€)')).toHaveValue('1000');
  await expect(page.getByLabel('Ce mois-ci (€)')).toHaveValue('1100');
});
