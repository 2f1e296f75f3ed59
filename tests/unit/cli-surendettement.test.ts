/**
 * `passeur surendettement capacite|echeances --input FICHIER`, run as a process (the command
 * line built from its sources, as `npm run build` builds it) on the README's example files and
 * on bad files: JSON on stdout, or a French line on stderr naming the field and exit 2. No
 * database and no data folder are opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOfflineCli, inputFile, runOffline } from '../helpers/offline-cli';
import { tmpDir } from '../helpers/tmp';

const root = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(root, 'resources', 'exemples', 'surendettement');
let CLI = '';

beforeAll(async () => {
  CLI = await buildOfflineCli('cli-surendettement');
}, 120_000);

const passeur = (args: string[]) => runOffline(CLI, args);
const badFile = (content: unknown) => inputFile(content);

describe('passeur surendettement', () => {
  it('capacite on the example: the capacity with its French explanation, as JSON', () => {
    const r = passeur(['surendettement', 'capacite', '--input', path.join(EXAMPLES, 'capacite.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // 1 800 € a month, one adult, 2 dependants, 2026: quotité 252,59 €; budget 1 400 € > RSA 1 163,74 € → remainder 400 €.
    expect(out).toMatchObject({ resources_cents: 180_000, rsa_cents: 116_374, everyday_cents: 140_000, everydayFrom: 'budget', remainder_cents: 40_000, capacity_cents: 25_259, limitedBy: 'quotite', warnings: [] });
    expect(out.quotite).toMatchObject({ annual_cents: 303_116, monthly_cents: 25_259 });
    expect(out.explanation.at(-1)).toBe('Capacité de remboursement mensuelle : la plus petite de la quotité saisissable (252,59\u00a0€) et du reste (400,00\u00a0€), soit 252,59\u00a0€, limitée par la quotité saisissable.');
    // Pretty-printed UTF-8.
    expect(r.stdout.startsWith('{\n  "date": "2026-03-15",')).toBe(true);
  });

  it('echeances on the example: the deadlines in order, extended past the weekend', () => {
    const r = passeur(['surendettement', 'echeances', '--input', path.join(EXAMPLES, 'echeances.json')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.deadlines.map((d: { kind: string; due: string }) => `${d.kind} ${d.due}`)).toEqual([
      'recours_recevabilite 2026-03-30',
      'contestation_mesures 2026-07-06',
      'audience 2026-09-14',
      'fin_plan 2033-06-01',
    ]);
    expect(out.deadlines[0].rule).toContain('un samedi : prorogé au lundi 30 mars 2026');
    expect(out).toMatchObject({ warnings: [], pending: [] });
  });

  it('a bad capacity file: exit 2, a French line naming each faulty field, nothing on stdout', () => {
    const file = badFile({ date: '2026-02-30', adults: 3, dependants: 1, resources: [{ kind: 'salaire', monthly_cents: '1800' }], budget: 10 });
    const r = passeur(['surendettement', 'capacite', '--input', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^passeur : Fichier entree\.json invalide : /);
    expect(r.stderr).toContain('date — cette date n’existe pas dans le calendrier');
    expect(r.stderr).toContain('adults — 1 (personne seule) ou 2 (couple)');
    expect(r.stderr).toContain('resources.0.monthly_cents — montant mensuel : un nombre entier de centimes');
    expect(r.stderr).toContain('budget');
    expect(r.stderr).toContain('README « Surendettement en ligne de commande »');
  });

  it('a date before the first RSA entry, a plan too long, a file that is not JSON, a missing file: exit 2 with the reason', () => {
    const early = passeur(['surendettement', 'capacite', '--input', badFile({ date: '2025-01-15', adults: 1, dependants: 0, resources: [] })]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('aucune valeur connue au 15/01/2025 (première valeur au 01/04/2025)');
    const long = passeur(['surendettement', 'echeances', '--input', badFile({ stages: [{ kind: 'plan_conventionnel', date: '2026-06-01', durationMonths: 96 }] })]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('une durée de 96 mois dépasse le maximum de 84 mois');
    const stage = passeur(['surendettement', 'echeances', '--input', badFile({ stages: [{ kind: 'depot', date: '12/01/2026' }] })]);
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain('stages.0.date — date attendue au format AAAA-MM-JJ');
    const notJson = passeur(['surendettement', 'echeances', '--input', badFile('{ "stages": [ ')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^passeur : Fichier entree\.json : JSON invalide/);
    const missing = passeur(['surendettement', 'capacite', '--input', path.join(tmpDir(), 'absent.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Fichier absent.json : fichier illisible');
    const noInput = passeur(['surendettement', 'capacite']);
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toContain('Option --input manquante');
  });

  it('the README shows the example files as they are', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Surendettement en ligne de commande'), readme.indexOf('## Où vivent les données'));
    const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
    expect(blocks).toEqual([
      JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'capacite.json'), 'utf8')),
      JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'echeances.json'), 'utf8')),
    ]);
  });

  it('help lists both commands', () => {
    const r = passeur(['surendettement', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('passeur surendettement capacite --input FICHIER');
    expect(r.stdout).toContain('passeur surendettement echeances --input FICHIER');
  });
});
