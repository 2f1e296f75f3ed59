/** The electron-builder configuration is valid against electron-builder's own schema, and
 *  what it packages exists after a build. (The packages themselves need the Electron
 *  download and are built on a machine that has it.) */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load: (s: string) => unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};

describe('packaging', () => {
  const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
  const logger = { isEnabled: false, add: () => undefined };

  it('passes electron-builder’s schema, targeting NSIS, AppImage and deb', async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    expect(JSON.stringify(config.win)).toContain('nsis');
    expect(JSON.stringify(config.linux)).toMatch(/AppImage.*deb/);
  });

  it('would reject a broken configuration (the check is real)', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...(config.nsis as object), oneClik: false } }, logger)).rejects.toThrow();
  });

  it('has its icon and build assets in place', () => {
    const png = fs.readFileSync('build/icon.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256); // width
    expect(fs.existsSync('resources/icon.svg')).toBe(true);
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string; engines: { node: string } };
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.engines.node).toBe('>=22.12.0');
  });
});
