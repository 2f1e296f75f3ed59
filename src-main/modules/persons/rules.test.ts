import { describe, expect, it } from 'vitest';
import { editDistance, fold, indexText, normalizePhone, oneTypoAway, parseQuery, prefixExpression, scoreCandidate, similarNames } from './rules';

describe('folding and parsing what the desk types', () => {
  it('folds case, accents, ligatures, hyphens and apostrophes', () => {
    expect(fold("  Lœtitia D'ÉRIC-Müller ")).toBe('loetitia d eric muller');
  });
  it('normalizes French phone numbers', () => {
    expect(normalizePhone('+33 6 12 34 56 78')).toBe('0612345678');
    expect(normalizePhone('06.12.34.56.78')).toBe('0612345678');
    expect(normalizePhone('0033612345678')).toBe('0612345678');
  });
  it('joins digit groups (dates, phones) and keeps name words apart', () => {
    expect(parseQuery('Dupont 12/03/1985')).toEqual({ words: ['dupont'], digits: ['12031985'] });
    expect(parseQuery('06 12 34 marie-claire')).toEqual({ words: ['marie', 'claire'], digits: ['061234'] });
  });
  it('indexes names, birth date (day first, and year) and phone as words', () => {
    expect(indexText({ birthName: 'Dupont', usageName: 'Martin', firstNames: 'Jean-Pierre', birthDate: '1985-03-12', phone: '06 12 34 56 78' })).toBe(
      'dupont martin jean pierre 12031985 1985 0612345678',
    );
  });
  it('builds word-start expressions, with a mistyped word replaced by the words one typo away', () => {
    expect(prefixExpression(parseQuery('du 1203'))).toBe('"du"* AND "1203"*');
    expect(prefixExpression(parseQuery('dupnot jean'), { word: 'dupnot', by: ['dupont', 'dupond'] })).toBe('("dupont" OR "dupond") AND "jean"*');
  });
  it('recognizes a word one typo away, also while it is still being typed', () => {
    expect(oneTypoAway('dupnot', 'dupont')).toBe(true);
    expect(oneTypoAway('dupomt', 'dupontel')).toBe(true);
    expect(oneTypoAway('dxpnot', 'dupont')).toBe(false);
  });
});

describe('ranking', () => {
  const text = 'dupont martin jean pierre 12031985 1985 0612345678';
  it('scores exact words above beginnings, and does not match inside words', () => {
    expect(scoreCandidate(text, parseQuery('dupont'))).toBeGreaterThan(scoreCandidate(text, parseQuery('dupo')));
    expect(scoreCandidate(text, parseQuery('pont'))).toBe(0);
  });
  it('is insensitive to word order', () => {
    expect(scoreCandidate(text, parseQuery('jean dupont'))).toBe(scoreCandidate(text, parseQuery('dupont jean')));
  });
  it('tolerates one typo (substitution, insertion, deletion, transposition) but not two', () => {
    for (const q of ['dupomt', 'dupoont', 'dupnt', 'dpuont', 'dupotn']) expect(scoreCandidate(text, parseQuery(q)), q).toBeGreaterThan(0);
    expect(scoreCandidate(text, parseQuery('dupomt jaen'))).toBe(0);
    expect(scoreCandidate(text, parseQuery('dxpomt'))).toBe(0);
  });
  it('requires every token, digits included', () => {
    expect(scoreCandidate(text, parseQuery('dupont 1985'))).toBeGreaterThan(0);
    expect(scoreCandidate(text, parseQuery('dupont 1986'))).toBe(0);
  });
  it('computes the optimal string alignment distance', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('abcd', 'abcd')).toBe(0);
    expect(editDistance('abcd', 'axyd')).toBe(2);
  });
  it('judges names similar within two edits per word', () => {
    expect(similarNames('Dupond', 'DUPONT')).toBe(true);
    expect(similarNames('Martin Dupond', 'Dupont')).toBe(true);
    expect(similarNames('Lefebvre', 'Garcia')).toBe(false);
  });
});
