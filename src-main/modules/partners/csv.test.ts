import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDir } from '../../../tests/helpers/tmp';
import { newTeam, type Team } from '../../../tests/helpers/team';
import { parseCsv, readPartners } from './csv';

describe('CSV reading', () => {
  it('reads what a spreadsheet saves: BOM, semicolons, quotes, CRLF, line breaks inside quotes', () => {
    const rows = parseCsv('\uFEFFOrganisme;Missions\r\n"CCAS; Montauban";"Aide ""facultative""\r\net domiciliation"\r\nCAF;Prestations\r\n');
    expect(rows).toEqual([
      { line: 1, fields: ['Organisme', 'Missions'] },
      { line: 2, fields: ['CCAS; Montauban', 'Aide "facultative"\r\net domiciliation'] },
      { line: 4, fields: ['CAF', 'Prestations'] },
    ]);
  });
  it('reads comma-separated files and French headers with accents', () => {
    const { rows, errors } = readPartners('ORGANISME,Téléphone,Code postal\nMission locale,05 63 00 00 00,82000\n');
    expect(errors).toEqual([]);
    expect(rows[0]!.partner).toMatchObject({ organisation: 'Mission locale', phone: '05 63 00 00 00', postcode: '82000' });
  });
  it('reports every bad line in French', () => {
    const { errors } = readPartners('Organisme;Courriel;Code postal\n;a@b.fr;82000\nCAF;pas-un-courriel;8200\nCAF;;\n');
    expect(errors).toEqual([
      { line: 2, message: 'L’organisme est vide.' },
      { line: 3, message: 'Courriel « pas-un-courriel » invalide ; code postal « 8200 » invalide (5 chiffres).' },
      { line: 4, message: 'Même organisme et service qu’à la ligne 3.' },
    ]);
  });
  it('refuses control characters in a cell, naming the line and the column; line breaks stay allowed in the missions', () => {
    const { rows, errors } = readPartners('Organisme;Service;Missions\nCPAM\u0000X;Acc\u001bueil;ok\nCAF;Accueil;"deux\nlignes\tet tab"\n');
    expect(errors).toEqual([{ line: 2, message: 'Organisme : caractères de contrôle interdits (supprimez-les dans le fichier) ; service : caractères de contrôle interdits (supprimez-les dans le fichier).' }]);
    expect(rows.map((r) => r.partner.missions)).toEqual(['deux\nlignes\tet tab']);
  });
  it('names unknown columns and a missing organisation column', () => {
    expect(readPartners('Nom;Adresse\nX;Y\n').errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/Colonne « Nom » inconnue/),
      'La colonne « Organisme » est obligatoire.',
    ]);
  });
});

describe('partners:import', () => {
  let team: Team;
  beforeAll(async () => {
    team = await newTeam();
  });
  afterAll(() => team?.app.close());

  it('imports nothing when one line is bad, and says which', async () => {
    const before = hashDir(team.dir);
    const r = await team.must(team.sec.token, 'partners:import', { csv: 'Organisme;Service\nFrance Travail;Agence Montauban\n;Sans nom\n' });
    expect(r).toEqual({ imported: 0, updated: 0, errors: [{ line: 3, message: 'L’organisme est vide.' }] });
    expect(hashDir(team.dir)).toEqual(before);
  });

  it('imports new partners and updates those already known (same organisation and service)', async () => {
    const r = await team.must(team.sec.token, 'partners:import', {
      csv: 'Organisme;Service;Catégorie;Missions\nFrance Travail;Agence Montauban;Emploi;Inscription, accompagnement\nCAF de Tarn-et-Garonne;Accueil;Sécurité sociale;Prestations familiales, RSA\n',
    });
    expect(r).toEqual({ imported: 1, updated: 1, errors: [] });
    const list = await team.must(team.ass.token, 'partners:list', {});
    expect(list.find((p) => p.organisation === 'CAF de Tarn-et-Garonne')?.missions).toBe('Prestations familiales, RSA');
    expect(list).toHaveLength(3);
    const refused = await team.call(team.ass.token, 'partners:import', { csv: 'Organisme\nX\n' });
    expect(refused.ok || refused.error.code).toBe('forbidden');
  });
});
