/**
 * Every key exists in French and English; every key the code asks for exists; no visible
 * text is written in a component instead of going through t().
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import fr from './fr.json';
import en from './en.json';

type Tree = { [k: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}
/** i18next plural forms: `x_one`/`x_other` answer for `x`. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

const root = path.resolve(__dirname, '..');
function sources(dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') && !e.name.endsWith('.test.tsx') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

describe('translations', () => {
  const frKeys = new Set(keys(fr as Tree));
  const enKeys = new Set(keys(en as Tree));

  it('French and English have the same keys, none empty', () => {
    expect([...frKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !frKeys.has(k))).toEqual([]);
    for (const k of frKeys) expect(k).not.toBe('');
  });

  it('every literal key used in the code exists in both languages', () => {
    const known = new Set([...frKeys].map(base));
    const missing: string[] = [];
    for (const file of sources()) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) if (!known.has(m[1]!)) missing.push(`${path.relative(root, file)}: ${m[1]}`);
      // Template keys like t(`nav.${key}`): their prefix must exist.
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) if (![...known].some((k) => k.startsWith(`${m[1]}.`))) missing.push(`${path.relative(root, file)}: ${m[1]}.*`);
    }
    expect(missing).toEqual([]);
  });

  it('components write no visible text of their own', () => {
    const offenders: string[] = [];
    const visibleAttrs = new Set(['label', 'title', 'placeholder', 'aria-label', 'alt', 'description', 'filterLabel', 'empty']);
    for (const file of sources().filter((f) => f.endsWith('.tsx'))) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node) => {
        if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) offenders.push(`${path.relative(root, file)}: «${node.text.trim()}»`);
        if (ts.isJsxAttribute(node) && visibleAttrs.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && /\p{L}/u.test(node.initializer.text)) {
          offenders.push(`${path.relative(root, file)}: ${node.name.getText()}="${node.initializer.text}"`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    // The brand name is not translated.
    expect(offenders.filter((o) => !o.endsWith('«Passeur»'))).toEqual([]);
  });
});

describe('labels written twice', () => {
  it('the budget kinds’ French names in the main process (the person’s export) are the screens’ names', async () => {
    const { KIND_LABELS_FR } = await import('../../src-main/modules/budget/kinds');
    const screens = (fr as unknown as { aides: { budget: { kinds: Record<string, string> } } }).aides.budget.kinds;
    expect(KIND_LABELS_FR).toEqual(screens);
  });

  it('the situation’s French labels in the main process (the exports) are the screens’ labels', async () => {
    const { SITUATION_LABELS_FR, SITUATION_SECTIONS } = await import('../../src-main/modules/dsu/kinds');
    const screens = (fr as unknown as { situation: { kinds: Record<string, string>; sections: Record<string, string> } }).situation;
    expect(SITUATION_LABELS_FR).toEqual({ ...screens.kinds, ...screens.sections });
    expect(Object.keys(screens.sections)).toEqual([...SITUATION_SECTIONS]);
  });
});
