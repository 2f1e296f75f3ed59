/**
 * Each test gets its own `passeur serve` on a fresh temporary data folder, and pages that
 * fail the test on any Content-Security-Policy violation or uncaught page error.
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectNoOverflow } from './layout';

export interface Server {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

export async function startServer(dataDir: string): Promise<Server> {
  const proc = spawn(process.execPath, ['bin/passeur.js', 'serve', '--data', dataDir, '--port', '0'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, PASSEUR_LOG: 'silent', TZ: 'Europe/Paris' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 20_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { url, dataDir, process: proc };
}

export const test = base.extend<{ server: Server; watch: (page: Page) => void }>({
  server: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-e2e-'));
    const server = await startServer(dataDir);
    await use(server);
    const exited = new Promise((r) => server.process.once('exit', r));
    server.process.kill('SIGTERM');
    const timer = setTimeout(() => server.process.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    expect(server.process.signalCode === 'SIGKILL' ? 'killed' : 'stopped', 'passeur serve stops on SIGTERM').toBe('stopped');
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  watch: async ({}, use) => {
    const problems: string[] = [];
    await use((page: Page) => {
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
    });
    expect(problems, 'CSP violations or page errors').toEqual([]);
  },
});

/**
 * axe on the current screen (no serious or critical violation), then the layout check: no
 * sideways scrolling, no control, card or cell spilling out of its container.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expectNoOverflow(page, screen);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`),
    `axe — ${screen}`,
  ).toEqual([]);
}

/**
 * After an action, the focus is on something visible, never fallen to <body> (RGAA 12.8):
 * a keyboard or screen-reader user goes on from there.
 */
export async function expectFocusKept(page: Page, step: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const a = document.activeElement;
          if (!a || a === document.body) return 'le focus est tombé sur <body>';
          return a.getClientRects().length > 0 ? 'ok' : `le focus est sur un élément caché (${a.tagName.toLowerCase()})`;
        }),
      { message: `focus après « ${step} »` },
    )
    .toBe('ok');
}

/** Presses Tab until `target` has the focus (at most `max` times): proves keyboard reach. */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('element not reachable with Tab');
}

export { expect };
