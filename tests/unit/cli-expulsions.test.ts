/**
 * `passeur expulsions echeances --input FICHIER`, run as a process (the command line built from
 * its sources, as `npm run build` builds it) on the README's example file and on bad files:
 * JSON on stdout, or a French line on stderr naming the field and exit 2. No database and no
 * data folder are opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOfflineCli, inputFile, runOffline } from '../helpers/offline-cli';
import { tmpDir } from '../helpers/tmp';

const root = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(root, 'resources', 'exemples', 'expulsions', 'echeances.json');
let CLI = '';

beforeAll(async () => {
  CLI = await buildOfflineCli('cli-expulsions');
}, 120_000);

const passeur = (args: string[]) => runOffline(CLI, args);
const badFile = (content: unknown) => inputFile(content, 'dossier.json');

const valid = { leaseSigned: '2024-03-10', landlord: 'personne_physique', rehousingAssured: false };

describe('passeur expulsions echeances', () => {
  it('on the example: every date with its rule and article, in order, as JSON', () => {
    const r = passeur(['expulsions', 'echeances', '--input', EXAMPLE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // Commandement 15/01/2026 + 6 weeks (lease of 2024) = 26/02/2026; hearing 15/06/2026 − 42 days = 04/05/2026;
    // DSF referral 27/04/2026 + 15 working days (1, 8, 14 May skipped) = 21/05/2026; hearing − 15 working days
    // (25 May skipped) = 22/05/2026; commandement de quitter les lieux 15/09/2026 + 2 months → from 16/11/2026,
    // inside the trêve → 01/04/2027.
    expect(out.dates.map((d: { kind: string; due: string }) => `${d.kind} ${d.due}`)).toEqual([
      'fin_commandement_payer 2026-02-26',
      'notification_prefet 2026-05-04',
      'dsf_premier_entretien 2026-05-21',
      'dsf_seconde_proposition 2026-05-22',
      'audience 2026-06-15',
      'passage_ccapex 2026-10-06',
      'expulsion_possible 2027-04-01',
    ]);
    const expulsion = out.dates.at(-1);
    expect(expulsion).toMatchObject({ treve: true, from: { kind: 'commandement_quitter_lieux', date: '2026-09-15' } });
    expect(expulsion.rule).toContain('reportée au jeudi 1er avril 2027 (CPCE art. L412-6)');
    expect(expulsion.article).toContain('L412-1');
    expect(out).toMatchObject({ warnings: [], pending: [] });
    // Pretty-printed UTF-8.
    expect(r.stdout.startsWith('{\n  "dates": [')).toBe(true);
  });

  it('a bad file: exit 2, a French line naming each faulty field, nothing on stdout', () => {
    const file = badFile({ leaseSigned: '10/03/2024', landlord: 'office', rehousingAssured: 'non', stages: [{ kind: 'assignation', date: '2026-02-30', hearing: 15 }, { kind: 'cfp', date: '2026-03-01' }], extra: 1 });
    const r = passeur(['expulsions', 'echeances', '--input', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^passeur : Fichier dossier\.json invalide : /);
    expect(r.stderr).toContain('leaseSigned — date attendue au format AAAA-MM-JJ');
    expect(r.stderr).toContain('landlord — le type de bailleur parmi : personne_morale, personne_physique, sci_familiale');
    expect(r.stderr).toContain('rehousingAssured — true si le relogement est assuré, sinon false');
    expect(r.stderr).toContain('stages.0.date — cette date n’existe pas dans le calendrier');
    expect(r.stderr).toContain('stages.1.kind — une étape parmi : impayes');
    expect(r.stderr).toContain('(document) — champ inconnu : extra (champs possibles : leaseSigned, landlord, rehousingAssured, stages)');
    expect(r.stderr).toContain('README « Prévention des expulsions en ligne de commande »');
  });

  it('a rule refusing the case, a date before the first parameter, a file that is not JSON, a missing file: exit 2 with the reason', () => {
    const extension = passeur(['expulsions', 'echeances', '--input', badFile({ ...valid, stages: [{ kind: 'commandement_quitter_lieux', date: '2026-03-10', extensionMonths: 6 }] })]);
    expect(extension.code).toBe(2);
    expect(extension.stderr).toContain('une prorogation de 6 mois dépasse le maximum de 3 mois');
    const misplaced = passeur(['expulsions', 'echeances', '--input', badFile({ ...valid, stages: [{ kind: 'jugement', date: '2026-03-10', hearing: '2026-04-01' }] })]);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('« hearing » ne s’applique qu’à une assignation');
    const early = passeur(['expulsions', 'echeances', '--input', badFile({ ...valid, stages: [{ kind: 'commandement_payer', date: '2023-05-02' }] })]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('aucune valeur connue au 02/05/2023 (première valeur au 29/07/2023)');
    const notJson = passeur(['expulsions', 'echeances', '--input', badFile('{ "stages": [ ')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^passeur : Fichier dossier\.json : JSON invalide/);
    const missing = passeur(['expulsions', 'echeances', '--input', path.join(tmpDir(), 'absent.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Fichier absent.json : fichier illisible');
    const noInput = passeur(['expulsions', 'echeances']);
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toContain('Option --input manquante');
    const incomplete = passeur(['expulsions']);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain('Commande incomplète : « passeur expulsions »');
  });

  it('the README shows the example file as it is, and the dates it prints', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const start = readme.indexOf('## Prévention des expulsions en ligne de commande');
    expect(start).toBeGreaterThan(0);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 10));
    const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
    expect(blocks).toEqual([JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'))]);
    const r = passeur(['expulsions', 'echeances', '--input', EXAMPLE]);
    for (const d of JSON.parse(r.stdout).dates as { due: string; rule: string }[]) {
      expect(section).toContain(`"due": "${d.due}"`);
      expect(section).toContain(d.rule);
    }
  });

  it('help names the command and the README section', () => {
    const r = passeur(['expulsions', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('passeur expulsions echeances --input FICHIER');
    expect(passeur(['expulsions', 'echeances', '--help']).stdout).toContain('README « Prévention des expulsions en ligne de commande »');
  });
});
