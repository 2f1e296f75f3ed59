/**
 * What the shared screens take from every module: "Mes échéances" on the home page, the
 * persons without a file at the end of retention, a person's right of access.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { login, logout, shot } from './actions';
import { expect, expectAccessible, startServer, test, type Server } from './fixtures';
import { ADMIN, seedTeam } from './seed';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the set-up script that ages a record (tests/e2e/backdate.ts) and returns its path. */
async function backdateScript(): Promise<string> {
  const outDir = path.join(root, 'out', 'e2e');
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { ssr: path.join(root, 'tests/e2e/backdate.ts'), outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { format: 'esm', entryFileNames: 'backdate.mjs' } } },
  });
  return path.join(outDir, 'backdate.mjs');
}

async function stop(server: Server) {
  const exited = new Promise((r) => server.process.once('exit', r));
  server.process.kill('SIGTERM');
  await exited;
}

test('Mes échéances, a file archived and a person without a file deleted at the end of retention, a person’s data as a PDF', async ({ page, watch }) => {
  watch(page);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-e2e-'));
  let server = await startServer(dataDir);
  try {
    const team = await seedTeam(server.url);
    const sec = await team.as('sophie');
    const alice = await team.as('alice');
    // A one-off request, long ago; a family with a file and an aid request waiting for a decision.
    const paul = (await team.rpc('persons:create', { birthName: 'Ancien', firstNames: 'Paul', birthDate: '1950-05-05', household: { address: '3 rue Basse', communeInsee: '82121' } }, sec)).value as { person: { id: number } };
    await team.rpc('intake:record', { personId: paul.person.id, mode: 'telephone', motifs: ['autre'], urgent: false, request: 'Une adresse', outcome: 'information' }, sec);
    const ines = (await team.rpc('persons:create', { birthName: 'Moreau', firstNames: 'Inès', birthDate: '1988-08-08', household: { address: '12 rue de la République', communeInsee: '82121' } }, sec)).value as { person: { id: number } };
    const rec = (await team.rpc('intake:record', { personId: ines.person.id, mode: 'presentiel', motifs: ['budget_dettes'], urgent: false, request: 'Des dettes', outcome: 'dsu' }, sec)).value as { dsu: { id: number; number: string } };
    const aid = (
      await team.rpc(
        'aid:save',
        {
          dsuId: rec.dsu.id,
          personId: ines.person.id,
          requestedOn: new Date().toISOString().slice(0, 10),
          dispositif: 'secours_cd',
          nature: 'alimentaire',
          object: 'Courses',
          amountCents: 12000,
          paymentMode: 'virement_beneficiaire',
          payeeKind: 'beneficiaire',
          noteSociale: 'Rupture de ressources.',
          budget: { resources: [{ kind: 'rsa', amountCents: 30000 }], charges: [{ kind: 'loyer', amountCents: 45000 }] },
        },
        alice,
      )
    ).value as { id: number; number: string };
    await team.rpc('aid:act', { action: 'submit', id: aid.id }, alice);
    // A family whose file has had no contact for two and a half years.
    const leon = (await team.rpc('persons:create', { birthName: 'Oublié', firstNames: 'Léon', birthDate: '1960-02-02', household: { address: '8 chemin Vert', communeInsee: '82121' } }, sec)).value as { person: { id: number } };
    const quiet = (await team.rpc('intake:record', { personId: leon.person.id, mode: 'presentiel', motifs: ['autre'], urgent: false, request: 'Un dossier', outcome: 'dsu' }, sec)).value as { dsu: { id: number; number: string } };

    // Paul's record and first contact date back to 2023: the server is stopped, the folder opened with the admin's password.
    const script = await backdateScript();
    await stop(server);
    const age = (what: 'person' | 'dsu', id: number) =>
      execFileSync(process.execPath, [script, dataDir, ADMIN.login, ADMIN.password, what, String(id), '2023-03-01T10:00:00.000Z'], { env: { ...process.env, PASSEUR_LOG: 'silent' } });
    age('person', paul.person.id);
    age('dsu', quiet.dsu.id);
    server = await startServer(dataDir);

    // The responsable's home: the request to decide, and the way to it.
    await page.goto(server.url);
    await login(page, 'remi', team.users.remi!.password);
    const tasks = page.getByRole('region', { name: 'Mes échéances' });
    await expect(tasks.getByRole('link', { name: `Demande ${aid.number} à décider` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Conservation des dossiers' })).toContainText('1 personne sans dossier a dépassé la même durée.');
    await expectAccessible(page, 'accueil — mes échéances');
    await shot(page, 'registre-echeances');
    await tasks.getByRole('link', { name: `Demande ${aid.number} à décider` }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(aid.number) })).toBeVisible();

    // Retention: Léon's file is listed, closed and archived after confirmation; Inès's, with a recent aid, is not.
    await page.getByRole('navigation').getByRole('link', { name: 'Conservation des dossiers' }).click();
    const files = page.getByRole('table', { name: 'Dossiers à clore et archiver' });
    await expect(files.getByRole('cell', { name: quiet.dsu.number, exact: true })).toBeVisible();
    await expect(files.getByRole('cell', { name: rec.dsu.number, exact: true })).toHaveCount(0);
    await page.getByRole('checkbox', { name: `Sélectionner le dossier ${quiet.dsu.number}` }).check();
    await page.getByRole('button', { name: 'Clore et archiver (1)' }).click();
    const archiving = page.getByRole('alertdialog').or(page.getByRole('dialog'));
    await archiving.getByRole('button', { name: 'Clore et archiver (1)' }).click();
    await expect(page.getByText('1 dossier archivé, dont 1 clos à cette occasion.')).toBeVisible();

    // Paul, who never had a file, is listed below, deleted after confirmation.
    const ponctuels = page.getByRole('region', { name: 'Personnes sans dossier (ponctuels)' });
    await expect(ponctuels.getByRole('cell', { name: 'ANCIEN Paul', exact: true })).toBeVisible();
    await expectAccessible(page, 'conservation — ponctuels');
    await shot(page, 'registre-ponctuels');
    await ponctuels.getByRole('checkbox', { name: 'Sélectionner ANCIEN Paul' }).check();
    await ponctuels.getByRole('button', { name: 'Supprimer définitivement (1)' }).click();
    const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
    await expect(dialog).toContainText('ne peut pas être annulée');
    await dialog.getByRole('button', { name: 'Supprimer définitivement (1)' }).click();
    await expect(ponctuels.getByText('1 personne supprimée.')).toBeVisible();
    await expect(ponctuels.getByText('Aucune personne sans dossier n’a dépassé la durée de conservation.')).toBeVisible();
    await logout(page);

    // The référent hands Inès the copy of her data.
    await login(page, 'alice', team.users.alice!.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Dossiers sociaux (DSU)' }).click();
    await page.getByRole('link', { name: rec.dsu.number }).click();
    await expect(page.getByRole('heading', { level: 1, name: `DSU ${rec.dsu.number} — MOREAU Inès` })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ses données (droit d’accès) : MOREAU Inès, PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^droit-d-acces-${ines.person.id}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const saved = path.join(dataDir, 'copie.pdf');
    await file.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.getByText('Copie des données de MOREAU Inès enregistrée (PDF).')).toBeVisible();
    await expectAccessible(page, 'DSU — droit d’accès');
    await shot(page, 'registre-dsu-droit-acces');
  } finally {
    await stop(server).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a social worker opens a DSU from the DSU screen for a person who has none (no fake first contact)', async ({ page, server, watch }) => {
  watch(page);
  const team = await seedTeam(server.url);
  const sec = await team.as('sophie');
  await team.rpc('persons:create', { birthName: 'Nouvelle', firstNames: 'Agathe', birthDate: '1979-07-07', household: { address: '1 place Nationale', communeInsee: '82121' } }, sec);
  await page.goto(server.url);
  await login(page, 'alice', team.users.alice!.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Dossiers sociaux (DSU)' }).click();
  await page.getByRole('radio', { name: 'Rechercher une personne' }).check({ force: true });
  await page.getByRole('searchbox').fill('nouvelle agathe');
  const open = page.getByRole('button', { name: 'Ouvrir un DSU pour le foyer de NOUVELLE Agathe (vous en serez la ou le référent)' });
  await expect(open).toBeVisible();
  await expectAccessible(page, 'DSU — recherche par personne');
  await shot(page, 'dsu-ouvrir');
  await open.click();
  await expect(page.getByRole('heading', { level: 1, name: /^DSU MTB-2026-\d{5} — NOUVELLE Agathe$/ })).toBeVisible();
  await expect(page.getByText('Référent·e : Alice Assistante', { exact: true })).toBeVisible();
});
