/**
 * Team mode in Chromium: a host (`passeur serve --team`, mutual TLS on 127.0.0.1) and a
 * workstation (`passeur serve --client-of`, loopback) as child processes. The admin creates a
 * pairing code on the host's screen « Postes de l'équipe »; the workstation pairs with the
 * command line, comparing the fingerprint; then the front desk records a first contact from
 * the workstation, every call crossing the mutual TLS hop. When the host stops, the
 * workstation says so in French and the open form keeps what was typed.
 * Every address is loopback.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectFocusKept, test } from './fixtures';
import { ADMIN, seedTeam } from './seed';
import { login, logout, shot } from './actions';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, PASSEUR_LOG: 'silent', TZ: 'Europe/Paris' };

/** Starts `passeur ARGS` and resolves once its output matched every pattern (first group of each). */
function start(args: string[], patterns: RegExp[]): Promise<{ proc: ChildProcess; found: string[] }> {
  const proc = spawn(process.execPath, ['bin/passeur.js', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start: ${err}`)), 20_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const found = patterns.map((p) => p.exec(out)?.[1]);
      if (found.every((f) => f !== undefined)) {
        clearTimeout(timer);
        resolve({ proc, found: found as string[] });
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args[0]} exited ${code}: ${err}`));
    });
  });
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

const running: ChildProcess[] = [];
const folders: string[] = [];
test.afterEach(async () => {
  for (const p of running.splice(0)) await stop(p);
  for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});

async function pairingScreen(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Postes de l’équipe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Postes de l’équipe' })).toBeVisible();
}

test('a workstation paired over mutual TLS: pairing on the admin screen, intake from the workstation, host stopped said in French with the form kept', async ({ page, browser, watch }) => {
  watch(page);
  const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-hote-'));
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-poste-'));
  folders.push(hostDir, clientDir);

  const host = await start(['serve', '--data', hostDir, '--port', '0', '--team', '--listen', '127.0.0.1:0', '--pairing-port', '0'], [/(http:\/\/127\.0\.0\.1:\d+\/)/, /équipe sur (127\.0\.0\.1:\d+)/, /Empreinte du poste hôte : ([0-9A-F ]+)/]);
  running.push(host.proc);
  const [hostUrl, teamAddress, fingerprint] = host.found as [string, string, string];
  const { users } = await seedTeam(hostUrl);

  // On the host: the admin creates a one-time pairing code; the fingerprint is shown in groups.
  await page.goto(hostUrl);
  await login(page, ADMIN.login, ADMIN.password);
  await pairingScreen(page);
  await expect(page.getByText(`Ce poste héberge l’équipe à l’adresse ${teamAddress}.`)).toBeVisible();
  await expect(page.getByText('Aucun poste appairé pour l’instant.')).toBeVisible();
  await page.getByRole('button', { name: 'Créer un code d’appairage' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Code d’appairage' });
  await expect(status).toBeVisible();
  await expect(status).toContainText(fingerprint.trim());
  await expect(page.getByText(/Expire dans (9|10) min/)).toBeVisible();
  await expectFocusKept(page, 'code créé');
  await expectAccessible(page, 'postes de l’équipe — code d’appairage');
  await shot(page, 'team-code');
  const code = (await status.locator('.code').textContent())!.trim();
  const pairingAddress = (await status.getByText(/^127\.0\.0\.1:\d+$/).textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  // On the workstation: a wrong fingerprint is refused before anything is sent, then the right one pairs.
  const pair = (fp: string) => spawnSync(process.execPath, ['bin/passeur.js', 'pair', '--data', clientDir, '--host', pairingAddress, '--code', code, '--name', 'Accueil 2', '--fingerprint', fp], { cwd: root, env, encoding: 'utf8' });
  const wrong = pair('0000 1111 2222 3333 4444 5555 6666 7777 8888 9999 AAAA BBBB CCCC DDDD EEEE FFFF');
  expect(wrong.status).toBe(1);
  expect(wrong.stderr).toMatch(/L’empreinte du poste hôte ne correspond pas/);
  const paired = pair(fingerprint);
  expect(paired.stderr).toBe('');
  expect(paired.stdout).toContain('Poste « Accueil 2 » appairé');

  const client = await start(['serve', '--data', clientDir, '--client-of', teamAddress, '--port', '0'], [/(http:\/\/127\.0\.0\.1:\d+\/)/]);
  running.push(client.proc);
  const [clientUrl] = client.found as [string];

  // The front desk works from the workstation: the same screens, every call through the host.
  // Its own browser (cookies are per host, not per port: the admin's session must not follow).
  const deskContext = await browser.newContext({ viewport: page.viewportSize() });
  const desk = await deskContext.newPage();
  watch(desk);
  await desk.goto(clientUrl);
  await login(desk, 'sophie', users.sophie!.password);
  await expect(desk.getByRole('heading', { name: 'Bonjour Sophie Secrétaire' })).toBeVisible();
  await desk.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }).click();
  await desk.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('lemoine sarah');
  await expect(desk.getByText('0 personne trouvée.')).toBeVisible();
  await desk.getByRole('button', { name: 'Nouvelle personne' }).click();
  await desk.getByLabel('Date de naissance', { exact: true }).fill('14/02/1990');
  await desk.getByLabel('Numéro et voie', { exact: true }).fill('4 rue des Carmes');
  await desk.getByLabel('Code postal', { exact: true }).fill('82000');
  await desk.getByRole('button', { name: /Commune/ }).click();
  await desk.keyboard.type('Montauban');
  await desk.keyboard.press('Enter');
  await desk.getByRole('button', { name: 'Enregistrer la personne' }).click();
  await expect(desk.getByRole('status').filter({ hasText: 'Fiche de LEMOINE Sarah enregistrée.' })).toBeVisible();
  await desk.getByRole('checkbox', { name: 'Logement / hébergement' }).check({ force: true });
  await desk.getByLabel('La demande, dans les mots de la personne', { exact: true }).fill('Mon propriétaire veut reprendre le logement.');
  await desk.getByRole('button', { name: 'Premier créneau libre' }).click();
  await expect(desk.getByLabel('Heure', { exact: true })).toHaveValue(/^\d{2}:\d{2}$/);
  await desk.getByRole('button', { name: 'Enregistrer le premier accueil' }).click();
  await expect(desk.getByText(/Premier accueil de LEMOINE Sarah enregistré\. Rendez-vous avec Alice Assistante le/)).toBeVisible();
  await expectAccessible(desk, 'poste client — premier accueil enregistré');
  await shot(desk, 'team-client-accueil');

  // On the host: the workstation is listed, seen; the audit log names it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Poste appairé (1)' })).toBeVisible();
  const row = page.getByRole('row', { name: /Accueil 2/ });
  await expect(row).toContainText('Camille Admin');
  await expect(row).toContainText('Actif');
  await expect(row).not.toContainText('Jamais');
  await expectAccessible(page, 'postes de l’équipe — liste');
  await shot(page, 'team-list');

  // The next person is being typed when the host stops: said in French, nothing typed is lost.
  await desk.getByRole('button', { name: 'Accueil suivant' }).click();
  await desk.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('garcia luis');
  await expect(desk.getByText('0 personne trouvée.')).toBeVisible();
  await desk.getByRole('button', { name: 'Nouvelle personne' }).click();
  await desk.getByLabel('Date de naissance', { exact: true }).fill('01/01/1960');
  await desk.getByLabel('Téléphone', { exact: true }).fill('06 11 11 11 11');
  await stop(host.proc);
  await desk.getByRole('button', { name: 'Enregistrer la personne' }).click();
  await expect(desk.getByText(/Le poste hôte ne répond pas \(127\.0\.0\.1:\d+\)\. Ce que vous avez saisi est conservé ; réessayez dans un instant\./).first()).toBeVisible();
  await expect(desk.getByLabel('Nom de naissance', { exact: true })).toHaveValue('Garcia');
  await expect(desk.getByLabel('Prénom(s)', { exact: true })).toHaveValue('Luis');
  await expect(desk.getByLabel('Date de naissance', { exact: true })).toHaveValue('01/01/1960');
  await expect(desk.getByLabel('Téléphone', { exact: true })).toHaveValue('06 11 11 11 11');
  await expectAccessible(desk, 'poste client — poste hôte injoignable');
  await shot(desk, 'team-client-injoignable');

  // The host starts again on the same address; the admin revokes the workstation from the screen:
  // its connections are refused at the TLS layer, and the workstation says the host does not answer.
  const again = await start(['serve', '--data', hostDir, '--port', '0', '--team', '--listen', teamAddress], [/(http:\/\/127\.0\.0\.1:\d+\/)/, /Empreinte du poste hôte : ([0-9A-F ]+)/]);
  running.push(again.proc);
  expect(again.found[1]).toBe(fingerprint);
  await page.goto(again.found[0]!);
  await login(page, ADMIN.login, ADMIN.password);
  await pairingScreen(page);
  await page.getByRole('button', { name: 'Révoquer le poste Accueil 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Révoquer le poste « Accueil 2 » ?' });
  await expect(dialog).toContainText('déconnecté tout de suite');
  await expectAccessible(page, 'postes de l’équipe — révocation');
  await dialog.getByRole('button', { name: 'Révoquer le poste' }).click();
  await expect(page.getByText('Le poste « Accueil 2 » est révoqué : il ne peut plus se connecter.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Accueil 2/ })).toContainText('Révoqué le');
  await expect(page.getByRole('heading', { name: 'Poste appairé (0)' })).toBeVisible();
  await expectFocusKept(page, 'poste révoqué');
  await shot(page, 'team-revoked');
  await desk.getByRole('button', { name: 'Enregistrer la personne' }).click();
  await expect(desk.getByText(/Le poste hôte ne répond pas/).first()).toBeVisible();
  await expect(desk.getByLabel('Nom de naissance', { exact: true })).toHaveValue('Garcia');
  await deskContext.close();
  await logout(page);
});

test('the browser follows the server’s events again after a restart: a partner added at another desk appears without reloading', async ({ page, watch }) => {
  watch(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-serve-'));
  folders.push(dir);
  const first = await start(['serve', '--data', dir, '--port', '0'], [/(http:\/\/127\.0\.0\.1:\d+\/)/]);
  running.push(first.proc);
  const [url] = first.found as [string];
  const team = await seedTeam(url);
  const alice = await team.as('alice');
  await team.rpc('persons:create', { birthName: 'Vidal', firstNames: 'Léa', birthDate: '1991-03-04', household: { address: '5 rue Basse', communeInsee: '82121' } }, alice);
  await page.goto(url);
  await login(page, 'sophie', team.users.sophie!.password);
  await expect(page.getByRole('heading', { name: 'Bonjour Sophie Secrétaire' })).toBeVisible();

  // The server stops and starts again on the same address: the sessions are gone, the page stays.
  await stop(first.proc);
  const port = new URL(url).port;
  const second = await start(['serve', '--data', dir, '--port', port], [/(http:\/\/127\.0\.0\.1:\d+\/)/]);
  running.push(second.proc);
  await page.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion à Passeur' })).toBeVisible();
  // While it comes back, the server refuses the event stream (as a workstation's loopback does
  // while its host does not answer): the browser closes the stream for good.
  let refused = 0;
  await page.route('**/events', (route) => {
    refused++;
    return route.fulfill({ status: 503, contentType: 'application/json', body: '{"ok":false,"error":{"code":"unreachable","message":"—"}}' });
  });
  await login(page, 'sophie', team.users.sophie!.password);
  await expect(page.getByRole('heading', { name: 'Bonjour Sophie Secrétaire' })).toBeVisible();
  await expect.poll(() => refused).toBeGreaterThan(0);
  // The stream is answered again: the page subscribes anew by itself (1 s doubling, 30 s at most).
  const reopened = page.waitForResponse((r) => new URL(r.url()).pathname === '/events' && r.status() === 200, { timeout: 35_000 });
  await page.unroute('**/events');
  await reopened;
  await page.getByRole('navigation').getByRole('link', { name: 'Premier accueil' }).click();
  await page.getByLabel('Nom, prénom, date de naissance ou téléphone').fill('vidal');
  await page.getByRole('button', { name: /VIDAL Léa/ }).click();
  await page.getByRole('radio', { name: 'Orientation vers un partenaire' }).check({ force: true });
  const picker = page.getByRole('button', { name: /Partenaire$/ });
  await picker.click();
  await expect(page.getByRole('option', { name: /CAF de Tarn-et-Garonne/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /Mission locale/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Another desk, on the restarted server, adds a partner while this screen stays open.
  await team.rpc('partners:save', { organisation: 'Mission locale de Montauban', service: 'Accueil jeunes', category: 'Insertion' }, await team.as('alice'));
  await picker.click();
  await expect(page.getByRole('option', { name: /Mission locale de Montauban/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('radio', { name: 'Orientation vers un partenaire' })).toBeChecked();
});
