import { describe, expect, it } from 'vitest';
import { fileParameters, type ParameterLookup } from '../../shared/parameters';
import { ageOn, daysLeft, dueDate, sheetCsv, type SheetSource } from './rules';

describe('the due date of an evaluation', () => {
  it('is 3 months from the receipt of an IP, read from the dated parameters with its article', () => {
    expect(dueDate(fileParameters, 'ip', '2026-11-02', null)).toEqual({
      due: '2027-02-02',
      rule: '3 mois à compter de la réception de l’information préoccupante le 02/11/2026 : évaluation à rendre au plus tard le 02/02/2027.',
      article: expect.stringMatching(/D226-2-3/),
    });
    expect(dueDate(fileParameters, 'ip', '2026-11-30', null)!.due).toBe('2027-02-28');
  });

  it('is the cell’s shorter delay when it set one, never a longer one', () => {
    expect(dueDate(fileParameters, 'ip', '2026-11-02', 15)).toMatchObject({ due: '2026-11-17', rule: expect.stringMatching(/15 jours fixé par la cellule/) });
    expect(dueDate(fileParameters, 'ip', '2026-11-02', 200)!.due).toBe('2027-02-02');
  });

  it('follows a changed legal delay from its date', () => {
    const changed: ParameterLookup = (id, day) => ({ ...fileParameters(id, day), value: { ip_evaluation_months: day >= '2027-01-01' ? 2 : 3 } }) as never;
    expect(dueDate(changed, 'ip', '2026-12-31', null)!.due).toBe('2027-03-31');
    expect(dueDate(changed, 'ip', '2027-01-02', null)!.due).toBe('2027-03-02');
  });

  it('refuses a receipt before the first known value, in French', () => {
    expect(() => dueDate(fileParameters, 'ip', '2010-01-01', null)).toThrow(/aucune valeur connue au 01\/01\/2010/);
  });

  it('for an IS, is the delay the cell set, or none', () => {
    expect(dueDate(fileParameters, 'is', '2026-11-16', null)).toBeNull();
    expect(dueDate(fileParameters, 'is', '2026-11-16', 30)!.due).toBe('2026-12-16');
  });
});

describe('days and ages', () => {
  it('counts days left (negative once past) and whole years at a day', () => {
    expect(daysLeft('2026-11-23', '2027-02-02')).toBe(71);
    expect(daysLeft('2026-11-23', '2026-11-20')).toBe(-3);
    expect(ageOn('2016-03-09', '2026-03-08')).toBe(9);
    expect(ageOn('2016-03-09', '2026-03-09')).toBe(10);
    expect(ageOn(null, '2026-03-09')).toBeNull();
  });
});

describe('the statistics sheet', () => {
  const source: SheetSource = {
    id: 7,
    kind: 'ip',
    receivedOn: '2026-11-02',
    origin: 'anonyme',
    createdAt: '2026-11-04T08:00:00.000Z',
    due: '2027-02-02',
    persons: [
      { role: 'concerne', birthDate: '2016-03-09', sex: 'F' },
      { role: 'autre_mineur', birthDate: null, sex: '' },
    ],
    adultsInHome: 2,
    informed: 'non',
    dangerLevel: 'danger',
    dangerKinds: ['violences_physiques'],
    proposals: ['signalement_procureur'],
    sentOn: '2027-02-10',
    announcedOn: null,
    teamSize: 2,
  };
  it('holds ages, composition, danger, delays and outcome, and says when the report came late', () => {
    const [header, row] = sheetCsv([source]).replace('\ufeff', '').trim().split('\r\n');
    expect(header!.split(';')).toHaveLength(21);
    expect(row).toBe(
      '7;"Information préoccupante";2026;11;"Anonyme";1;"10";"F";1;"?";2;2;"Non (contraire à l’intérêt)";"Danger";"Violences physiques";"Signalement au procureur de la République (CASF L226-4)";2;100;"";92;"Non"',
    );
  });
});
