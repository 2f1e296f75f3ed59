/**
 * The renderer's registry: every module's menu entries, tiles and DSU tabs are named in both
 * languages, the DSU's tabs come in their order and a later module adds its own, the announced
 * modules give way to the real one, and every task a module of the main process can produce
 * has its sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fr from '../i18n/fr.json';
import en from '../i18n/en.json';
import { COMING, navFor } from '../app/nav';
import { UI_MODULES } from './index';
import { defineUiModule } from './module';
import { orderedPanels } from './dsu/DsuPage';

type Tree = { [k: string]: string | Tree };
/** Whether `key` (dotted) is a text of `tree`, or the base of plural forms (`x_one`, `x_other`). */
const hasKey = (tree: Tree, key: string) => {
  const parts = key.split('.');
  const last = parts.pop()!;
  let node: string | Tree | undefined = tree;
  for (const p of parts) node = typeof node === 'object' ? node[p] : undefined;
  return typeof node === 'object' && (typeof node[last] === 'string' || Object.keys(node).some((k) => k.startsWith(`${last}_`)));
};

describe('renderer registry', () => {
  it('names every menu entry (and its home-page purpose) in French and English', () => {
    const keys = [...UI_MODULES.flatMap((m) => m.nav ?? []), ...COMING];
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
    for (const n of keys) {
      for (const [lang, tree] of [['fr', fr], ['en', en]] as const) {
        expect(hasKey(tree as Tree, `nav.${n.key}`), `${lang}: nav.${n.key}`).toBe(true);
        if (n.purpose || n.route === null) expect(hasKey(tree as Tree, `home.purpose.${n.key}`), `${lang}: home.purpose.${n.key}`).toBe(true);
      }
    }
  });

  it('a module announced as coming gives way to the module that provides its entry', () => {
    const roles = ['responsable'] as const;
    expect(navFor(roles, UI_MODULES).filter((n) => n.key === 'reports')).toEqual([expect.objectContaining({ route: null })]);
    const real = defineUiModule({ name: 'reports', nav: [{ key: 'reports', route: '#/reports', roles: ['responsable'], position: 110, render: () => null }] });
    expect(navFor(roles, [...UI_MODULES, real]).filter((n) => n.key === 'reports')).toEqual([expect.objectContaining({ route: '#/reports' })]);
    // The overindebtedness files and the eviction prevention cases are built: their entries are links for the CESF, the ASS and the responsable.
    for (const role of ['cesf', 'ass', 'responsable'] as const) expect(navFor([role], UI_MODULES).find((n) => n.key === 'surendettement')?.route).toBe('#/surendettement');
    for (const role of ['cesf', 'ass', 'responsable'] as const) expect(navFor([role], UI_MODULES).find((n) => n.key === 'expulsions')?.route).toBe('#/expulsions');
  });

  it('makes each DSU panel a tab, named in both languages, in the order Situation · Journal · Aides · Surendettement · Expulsion · Concertation · Documents · Consentements · Rendez-vous · Premiers accueils', () => {
    const panels = UI_MODULES.flatMap((m) => m.dsuPanels ?? []);
    expect(new Set(panels.map((p) => p.key)).size).toBe(panels.length);
    for (const p of panels) {
      expect(hasKey(fr as Tree, `dsuTabs.${p.key}`), `fr: dsuTabs.${p.key}`).toBe(true);
      expect(hasKey(en as Tree, `dsuTabs.${p.key}`), `en: dsuTabs.${p.key}`).toBe(true);
    }
    expect(orderedPanels(panels).map((p) => p.key)).toEqual(['situation', 'journal', 'aides', 'surendettement', 'expulsions', 'concertation', 'documents', 'consents', 'appointments', 'firstContacts']);
    expect(orderedPanels(panels).map((p) => (fr as unknown as { dsuTabs: Record<string, string> }).dsuTabs[p.key])).toEqual([
      'Situation',
      'Journal',
      'Aides',
      'Surendettement',
      'Expulsion',
      'Concertation',
      'Documents',
      'Consentements',
      'Rendez-vous',
      'Premiers accueils',
    ]);
  });

  it('lets a later module add its own DSU tab, placed by its position among the procedures', () => {
    const procedure = defineUiModule({ name: 'logement', dsuPanels: [{ key: 'logement', position: 47, render: () => null }] });
    const keys = orderedPanels([...UI_MODULES, procedure].flatMap((m) => m.dsuPanels ?? [])).map((p) => p.key);
    expect(keys.indexOf('logement')).toBe(keys.indexOf('expulsions') + 1);
    expect(keys.indexOf('logement')).toBeLessThan(keys.indexOf('documents'));
  });

  it('has a sentence for every task kind a module of the main process produces', () => {
    const modules = path.resolve(__dirname, '../../src-main/modules');
    const found: string[] = [];
    for (const dir of fs.readdirSync(modules)) {
      const file = path.join(modules, dir, 'tasks.ts');
      if (!fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/module: '([a-z]+)', kind: ([^,]+),/g)) {
        for (const k of m[2]!.matchAll(/'([A-Za-z]+)'/g)) found.push(`tasks.kinds.${m[1]}.${k[1]}`);
      }
    }
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const key of found) {
      expect(hasKey(fr as Tree, key), `fr: ${key}`).toBe(true);
      expect(hasKey(en as Tree, key), `en: ${key}`).toBe(true);
    }
  });
});
