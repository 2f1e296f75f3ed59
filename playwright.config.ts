import { defineConfig } from '@playwright/test';
import fs from 'node:fs';

/** Debian's Chromium (Playwright's own browser download is not used). */
export const CHROMIUM = process.env.PASSEUR_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!fs.existsSync(CHROMIUM)) {
  throw new Error(`Chromium introuvable (${CHROMIUM}) : installez-le (apt-get install -y chromium) ou définissez PASSEUR_CHROMIUM.`);
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'off',
    screenshot: 'off',
  },
  projects: [
    // Every journey runs at the two screen sizes of the site's workstations; the layout check
    // (tests/e2e/layout.ts) runs on each screen state at both.
    {
      name: 'chromium',
      testIgnore: /electron\.spec\.ts/,
      use: { browserName: 'chromium', viewport: { width: 1366, height: 768 }, launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true } },
    },
    {
      name: 'chromium-1920',
      testIgnore: /electron\.spec\.ts/,
      use: { browserName: 'chromium', viewport: { width: 1920, height: 1080 }, launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true } },
    },
    {
      name: 'electron',
      testMatch: /electron\.spec\.ts/,
    },
  ],
});
