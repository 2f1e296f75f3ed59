/**
 * The boundary checks of `npm test` fail on a deliberate violation: dependency-cruiser with
 * the project's own rules on a small tree that breaks each of them, and ESLint's rule that
 * keeps SQL in repositories.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp';

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);

function tree(files: Record<string, string>): string {
  const dir = tmpDir('passeur-boundaries-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.copyFileSync(path.join(root, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true } }));
  return dir;
}

describe('dependency rules', () => {
  it('refuse a cycle, an upward import, a module reached past its index.ts (from a module, a host or a screen) and code taken by the renderer', async () => {
    const dir = tree({
      'src-main/modules/a/handlers.ts': "import { rows } from '../b/repo';\nexport const h = () => rows();\n",
      'src-main/modules/b/repo.ts': 'export const rows = () => [];\n',
      'src-main/modules/b/index.ts': "export { rows } from './repo';\n",
      'src-main/store/vault.ts': "import { who } from '../auth/users';\nexport const v = who;\n",
      'src-main/auth/users.ts': "import { v } from '../store/vault';\nexport const who = () => v;\n",
      'src-renderer/app/App.tsx': "import { rows } from '../../src-main/modules/b/index';\nexport const App = rows;\n",
      'src-main/host/http.ts': "import { rows } from '../modules/b/repo';\nexport const serve = rows;\n",
      'src-renderer/modules/c/Page.tsx': "import { Panel } from '../d/Panel';\nexport const Page = Panel;\n",
      'src-renderer/modules/d/Panel.tsx': 'export const Panel = 1;\n',
    });
    const bin = path.join(root, 'node_modules', '.bin', 'depcruise');
    const out = await run(bin, ['src-main', 'src-renderer', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: dir }).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(out?.code).toBeGreaterThan(0);
    for (const rule of ['module-through-index', 'layer-store', 'no-circular', 'renderer-types-only-from-main', 'host-through-registry', 'renderer-module-through-index']) expect(out?.stdout).toContain(rule);
  });
});

describe('SQL only in repositories and store/', () => {
  const eslint = new ESLint({ cwd: root });
  const lint = async (file: string, text: string) => (await eslint.lintText(text, { filePath: path.join(root, file) }))[0]!.messages.map((m) => m.message);
  const sql = "import type { Db } from '../../store/database';\nexport const f = (db: Db) => db.prepare('SELECT 1').get();\n";

  it('refuses .prepare( in a handler or a file merely named like a repo, accepts it in repo.ts and in store/', async () => {
    expect(await lint('src-main/modules/aides/handlers.ts', sql)).toEqual([expect.stringContaining('Le SQL vit dans le dépôt du module')]);
    expect(await lint('src-main/modules/aides/repo.ts', sql)).toEqual([]);
    expect(await lint('src-main/modules/aides/repo-commission.ts', sql)).toEqual([expect.stringContaining('Le SQL vit dans le dépôt du module')]);
    expect(await lint('src-main/modules/aides/commission/repo.ts', sql.replace('../../store', '../../../store'))).toEqual([]);
    expect(await lint('src-main/store/intents.ts', sql.replace('../../store/database', './database'))).toEqual([]);
  });
});
