import { describe, expect, it } from 'vitest';
import { agree, civility, frLongDate, ordinal, personName, plural, postalLine, postalLines } from './french';

describe('French for documents', () => {
  it('plurals: 0 and 1 take the singular', () => {
    expect(plural(0, 'demande', 'demandes')).toBe('0 demande');
    expect(plural(1, 'demande', 'demandes')).toBe('1 demande');
    expect(plural(2, 'demande', 'demandes')).toBe('2 demandes');
    expect(plural(3, 'chèque d’accompagnement personnalisé', 'chèques d’accompagnement personnalisé')).toBe('3 chèques d’accompagnement personnalisé');
  });

  it('ordinals: 1er, 1re, 2e', () => {
    expect(ordinal(1)).toBe('1er');
    expect(ordinal(1, 'f')).toBe('1re');
    expect(ordinal(2)).toBe('2e');
    expect(ordinal(21, 'f')).toBe('21e');
  });

  it('long dates: « mardi 1er décembre 2026 », the first of the month as an ordinal', () => {
    expect(frLongDate('2026-12-01', { weekday: true })).toBe('mardi 1er décembre 2026');
    expect(frLongDate('2026-11-23')).toBe('23 novembre 2026');
    expect(frLongDate('2026-08-01T10:00', { year: false })).toBe('1er août');
    expect(frLongDate('2026-02-28', { weekday: true })).toBe('samedi 28 février 2026');
  });

  it('agreement with the civility of the person named', () => {
    expect(civility('F')).toBe('Madame');
    expect(civility('M')).toBe('Monsieur');
    expect(civility('')).toBe('Madame, Monsieur');
    expect(agree('F', 'né', 'née')).toBe('née');
    expect(agree('M', 'né', 'née')).toBe('né');
    expect(agree('', 'né', 'née')).toBe('né(e)');
  });

  it('names: NOM Prénom, capitals with accents, the birth name when it differs', () => {
    expect(personName({ birthName: 'Moreau', usageName: '', firstNames: 'Inès' })).toBe('MOREAU Inès');
    expect(personName({ birthName: 'Éluard', usageName: null, firstNames: 'Paul' })).toBe('ÉLUARD Paul');
    expect(personName({ birthName: 'Martin', usageName: 'Durand', firstNames: 'Marie', sex: 'F' }, { withBirthName: true })).toBe('DURAND Marie (née MARTIN)');
    expect(personName({ birthName: 'Martin', usageName: 'martin', firstNames: 'Marie', sex: 'F' }, { withBirthName: true })).toBe('MARTIN Marie');
  });

  it('postal address: La Poste’s order for a letter, one line for a field', () => {
    const a = { address: '14 avenue Gambetta', addressComplement: 'Résidence Les Tilleuls, bât. B', postcode: '82000', communeName: 'Montauban' };
    expect(postalLines(a)).toEqual(['Résidence Les Tilleuls, bât. B', '14 avenue Gambetta', '82000 MONTAUBAN']);
    expect(postalLine(a)).toBe('14 avenue Gambetta, Résidence Les Tilleuls, bât. B, 82000 Montauban');
    expect(postalLines({ address: '', addressComplement: '', postcode: '', communeName: null })).toEqual([]);
    expect(postalLine({ address: '5 rue Léon Cladel', postcode: '', communeName: 'Montauban' })).toBe('5 rue Léon Cladel, Montauban');
  });
});
