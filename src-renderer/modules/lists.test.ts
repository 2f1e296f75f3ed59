/**
 * The lists of values the main process accepts (each module's `kinds.ts`) are imported by the
 * screens, never written again: a screen that restates one (an array of its values, options
 * `{ value: … }` / `{ id: … }` made of them, a union type of them all) would silently go stale
 * when the module's list changes. A display order is taken from the list (`withFirst`).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { withFirst } from '../ui/lists';

const repo = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every list of strings exported by a module's kinds.ts, named `module/NAME`. */
async function kindsLists(): Promise<Map<string, ReadonlySet<string>>> {
  const lists = new Map<string, ReadonlySet<string>>();
  const modules = path.join(repo, 'src-main/modules');
  for (const m of fs.readdirSync(modules)) {
    const file = path.join(modules, m, 'kinds.ts');
    if (!fs.existsSync(file)) continue;
    const exported = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, v] of Object.entries(exported)) {
      if (Array.isArray(v) && v.length > 1 && v.every((x) => typeof x === 'string')) lists.set(`${m}/${name}`, new Set(v as string[]));
    }
  }
  return lists;
}

/**
 * String values written together in a renderer file: arrays of strings and arrays of options
 * (a display list: a part of a list is a restatement too), union types (`whole`: only the
 * whole list restated counts, a part of it being a narrowing, like the actions a button runs).
 */
function literalGroups(file: string): { line: number; values: string[]; whole?: true }[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const groups: { line: number; values: string[]; whole?: true }[] = [];
  const optionValue = (e: ts.Expression): string | null => {
    if (!ts.isObjectLiteralExpression(e)) return null;
    for (const p of e.properties) {
      if (ts.isPropertyAssignment(p) && ['value', 'id'].includes(p.name.getText(sf)) && ts.isStringLiteralLike(p.initializer)) return p.initializer.text;
    }
    return null;
  };
  const visit = (node: ts.Node) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    if (ts.isArrayLiteralExpression(node) && node.elements.length > 1) {
      const plain = node.elements.map((e) => (ts.isStringLiteralLike(e) ? e.text : null));
      const options = node.elements.map(optionValue);
      for (const vs of [plain, options]) if (vs.every((v) => v !== null)) groups.push({ line, values: vs as string[] });
    }
    if (ts.isUnionTypeNode(node)) {
      const vs = node.types.map((x) => (ts.isLiteralTypeNode(x) && ts.isStringLiteral(x.literal) ? x.literal.text : null));
      if (vs.filter((v) => v !== null).length > 1) groups.push({ line, values: vs.filter((v): v is string => v !== null), whole: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return groups;
}

/** Each group of values a file writes that lies within one list of kinds.ts, with where. */
function restatedIn(file: string, lists: Map<string, ReadonlySet<string>>): string[] {
  return literalGroups(file).flatMap((g) => {
    const from = [...lists].find(([, values]) => g.values.every((v) => values.has(v)) && (!g.whole || values.size === new Set(g.values).size));
    return from ? [`${path.relative(repo, file)}:${g.line} [${g.values.join(', ')}] ⊂ ${from[0]}`] : [];
  });
}

describe('lists written once, in the modules’ kinds.ts', () => {
  it('no renderer file restates a list of kinds.ts, whole or in part', async () => {
    const lists = await kindsLists();
    // The scan sees the lists it guards (a broken import would make the test pass for nothing).
    for (const name of ['intake/CONTACT_MODES', 'intake/HOUSEHOLD_ROLES', 'rdv/RDV_KINDS', 'dsu/CLOSE_REASONS', 'aides/PAYMENT_MODES', 'aides/ORIGINS']) expect(lists.has(name), name).toBe(true);
    expect(sources(path.join(repo, 'src-renderer')).flatMap((f) => restatedIn(f, lists))).toEqual([]);
  });

  it('catches a restated list, a part of one, options made of one and a union type of all its values', async () => {
    const lists = await kindsLists();
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'passeur-lists-'));
    const file = path.join(dir, 'Form.tsx');
    fs.writeFileSync(
      file,
      [
        "const ROLES = ['conjoint', 'enfant', 'autre'] as const;",
        "type Mode = 'telephone' | 'presentiel' | 'courriel' | 'courrier' | 'partenaire' | null;",
        "const direct = (action: 'take' | 'recall') => action;",
        "const o = [{ value: 'dsu', label: 'x' }, { value: 'partenaire', label: 'y' }];",
        "const fine = ['mine', 'site'];",
      ].join('\n'),
    );
    const found = restatedIn(file, lists).map((x) => x.replace(/^.*Form\.tsx:/, ''));
    fs.rmSync(dir, { recursive: true });
    expect(found).toEqual(['1 [conjoint, enfant, autre] ⊂ intake/HOUSEHOLD_ROLES', '2 [telephone, presentiel, courriel, courrier, partenaire] ⊂ intake/CONTACT_MODES', '4 [dsu, partenaire] ⊂ aides/ORIGINS']);
  });

  it('a display order moves the usual choice first and keeps the list’s order for the others', () => {
    expect(withFirst(['a', 'b', 'c', 'd'] as const, 'c')).toEqual(['c', 'a', 'b', 'd']);
    expect(withFirst(['a', 'b'] as const, 'a')).toEqual(['a', 'b']);
  });
});
