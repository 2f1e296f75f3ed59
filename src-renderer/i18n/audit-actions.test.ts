/**
 * Every action the main process writes to the audit trail has its label in French and English
 * (`audit.actions.*`, shown by the admin's journal): a module that adds an action cannot forget
 * it. The actions are read from the main process's sources (tests left out): an `action:`
 * property, or the argument given to a function's `action` parameter (the modules' `audit`
 * helpers), string literals and both branches of a condition; an action built from a template
 * (`aid.${decision}`) is expanded below from the list its values come from. Audit actions are
 * `entity.verb`: other strings in those places (a workflow event, an IPC verdict) are not.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DECISIONS } from '../../src-main/modules/aides/kinds';
import { RDV_STATUSES } from '../../src-main/modules/rdv/kinds';
import fr from './fr.json';
import en from './en.json';

const main = path.resolve(__dirname, '../../src-main');
const AUDIT_ACTION = /^[a-z_]+\.[a-z_]+$/;
/** Actions built from a template: its text → the values it takes. */
const TEMPLATES: Record<string, readonly string[]> = {
  // decisions.ts: a decision written is audited by its outcome.
  'aid.${d.decision}': DECISIONS.map((d) => `aid.${d}`),
  // rdv/handlers.ts: an appointment's new status (never back to « prévu »).
  'appointment.${input.status}': RDV_STATUSES.filter((s) => s !== 'prevu').map((s) => `appointment.${s}`),
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The functions (declared or arrow) that take an `action` parameter, with its position. */
function actionParameters(files: ts.SourceFile[]): Map<string, number> {
  const found = new Map<string, number>();
  const visit = (node: ts.Node) => {
    let name: string | undefined;
    let params: ts.NodeArray<ts.ParameterDeclaration> | undefined;
    if (ts.isFunctionDeclaration(node) && node.name) [name, params] = [node.name.text, node.parameters];
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
      [name, params] = [node.name.text, node.initializer.parameters];
    }
    const i = params?.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'action') ?? -1;
    if (name && i >= 0) found.set(name, i);
    ts.forEachChild(node, visit);
  };
  for (const f of files) visit(f);
  return found;
}

/** The audit actions written in the sources, each with where; and the templates met. */
function writtenActions(): { actions: Map<string, string>; templates: string[] } {
  const files = sources(main).map(parse);
  const params = actionParameters(files);
  const actions = new Map<string, string>();
  const templates: string[] = [];
  for (const f of files) {
    const where = (n: ts.Node) => `${path.relative(main, f.fileName)}:${f.getLineAndCharacterOfPosition(n.getStart(f)).line + 1}`;
    const values = (e: ts.Expression): void => {
      if (ts.isStringLiteralLike(e) && AUDIT_ACTION.test(e.text)) actions.set(e.text, where(e));
      else if (ts.isConditionalExpression(e)) [e.whenTrue, e.whenFalse].forEach(values);
      else if (ts.isParenthesizedExpression(e)) values(e.expression);
      else if (ts.isTemplateExpression(e) && /^[a-z_]+\.$/.test(e.head.text)) templates.push(e.getText(f).slice(1, -1));
    };
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAssignment(node) && node.name.getText(f) === 'action') values(node.initializer);
      if (ts.isCallExpression(node)) {
        const callee = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
        const i = params.get(callee);
        const arg = i === undefined ? undefined : node.arguments[i];
        if (arg) values(arg);
      }
      ts.forEachChild(node, visit);
    };
    visit(f);
  }
  for (const t of templates) for (const a of TEMPLATES[t] ?? []) actions.set(a, t);
  return { actions, templates };
}

describe('audit actions', () => {
  const { actions, templates } = writtenActions();

  it('are found wherever the main process writes them (property, audit helper, condition, template)', () => {
    for (const a of ['site.update', 'auth.login', 'aid.submit', 'dsu.read', 'user.enable', 'store.holder_removed', 'partner.create', 'aid.accordee', 'appointment.honore', 'user.password_recover']) {
      expect(actions.has(a), a).toBe(true);
    }
    // Workflow events and other verdicts are not audit actions.
    for (const a of ['grant', 'decide', 'deny']) expect(actions.has(a), a).toBe(false);
  });

  it('built from a template, each template is expanded here', () => {
    expect(templates.filter((t) => !(t in TEMPLATES))).toEqual([]);
  });

  it('each has its label in French and in English', () => {
    const labels = (tree: unknown) => (tree as { audit: { actions: Record<string, string> } }).audit.actions;
    const missing = [...actions].flatMap(([a, where]) => [...(labels(fr)[a] ? [] : [`fr ${a} (${where})`]), ...(labels(en)[a] ? [] : [`en ${a} (${where})`])]);
    expect(missing).toEqual([]);
  });
});
