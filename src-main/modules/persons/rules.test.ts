import { describe, expect, it } from 'vitest';
import { editDistance, exactExpression, fold, indexFields, indexText, rankFields, normalizePhone, oneTypoAway, parseQuery, prefixExpression, rankPerson, similarNames, type RankedPerson } from './rules';

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

describe('matching', () => {
  const p = { birthName: 'Dupont', usageName: 'Martin', firstNames: 'Jean-Pierre', birthDate: '1985-03-12', phone: '0612345678' };
  const score = (q: string) => rankPerson(p, parseQuery(q))?.score ?? 0;
  it('scores exact words above beginnings, and does not match inside words', () => {
    expect(score('dupont')).toBeGreaterThan(score('dupo'));
    expect(score('pont')).toBe(0);
  });
  it('is insensitive to word order', () => {
    expect(score('jean dupont')).toBe(score('dupont jean'));
  });
  it('tolerates one typo (substitution, insertion, deletion, transposition) but not two', () => {
    for (const q of ['dupomt', 'dupoont', 'dupnt', 'dpuont', 'dupotn']) expect(score(q), q).toBeGreaterThan(0);
    expect(score('dupomt jaen')).toBe(0);
    expect(score('dxpomt')).toBe(0);
  });
  it('requires every token, digits included', () => {
    expect(score('dupont 1985')).toBeGreaterThan(0);
    expect(score('dupont 1986')).toBe(0);
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

describe('ranking by surname first, and why each person was found', () => {
  const person = (birthName: string, firstNames: string, over: Partial<RankedPerson> = {}): RankedPerson => ({ birthName, usageName: '', firstNames, birthDate: null, phone: '', ...over });
  const people = {
    martin: person('Martin', 'Louise'),
    compound: person('MARTIN-DUBOIS', 'Paul'),
    other: person('Dubois-Martin', 'Léa'),
    prefix: person('Martineau', 'Jeanne'),
    firstName: person('Clément', 'Martin'),
    married: person('Guérin', 'Anne', { usageName: 'Martin' }),
    accents: person('MÂRTIN', 'Éric'),
    far: person('Hoarau', 'Martine'),
  };
  const order = (q: string) =>
    Object.entries(people)
      .map(([k, p]) => [k, rankPerson(p, parseQuery(q))] as const)
      .filter((x): x is readonly [string, NonNullable<ReturnType<typeof rankPerson>>] => x[1] !== null)
      .sort((a, b) => b[1].score - a[1].score)
      .map(([k]) => k);

  it('puts exact surnames (birth or usage name, accents ignored) first, then compound surnames, then beginnings, then first names', () => {
    const o = order('martin');
    expect(o.slice(0, 3).sort()).toEqual(['accents', 'married', 'martin']);
    expect(o.slice(3)).toEqual(['compound', 'other', 'prefix', 'firstName', 'far']);
  });

  it('says why: exact surname, beginning of the surname, in a compound surname, first name', () => {
    const reason = (p: RankedPerson, q: string) => rankPerson(p, parseQuery(q))?.reason.kind;
    expect(reason(people.martin, 'Martin')).toBe('nom_exact');
    expect(reason(people.married, 'MARTIN')).toBe('nom_exact');
    expect(reason(people.compound, 'martin')).toBe('nom_debut');
    expect(reason(people.prefix, 'martin')).toBe('nom_debut');
    expect(reason(people.other, 'martin')).toBe('nom');
    expect(reason(people.firstName, 'martin')).toBe('prenom');
    expect(reason(people.far, 'martin')).toBe('prenom');
    expect(reason(person('Dupont', 'Marie', { birthDate: '1985-03-12' }), '12/03/1985')).toBe('date');
    expect(reason(person('Dupont', 'Marie', { phone: '0612345678' }), '06 12 34')).toBe('telephone');
  });

  it('ranks a typo after every exact or prefix match, and names the word it was taken for', () => {
    const typo = rankPerson(people.martin, parseQuery('martn'))!;
    expect(typo.reason).toEqual({ kind: 'proche', word: 'martin' });
    const firstNameOnly = rankPerson(people.far, parseQuery('martine'))!;
    expect(firstNameOnly.score).toBeGreaterThan(typo.score);
    expect(rankPerson(people.martin, parseQuery('mratin louise'))!.reason).toEqual({ kind: 'proche', word: 'martin' });
    expect(rankPerson(people.martin, parseQuery('martn luoise'))).toBeNull(); // two typos
  });

  it('keeps the surname first with a first name typed too, in any order', () => {
    const q = parseQuery('louise martin');
    expect(rankPerson(people.martin, q)!.reason.kind).toBe('nom_exact');
    expect(rankPerson(people.martin, q)!.score).toBe(rankPerson(people.martin, parseQuery('martin louise'))!.score);
    expect(rankPerson(person('Louise', 'Martin'), q)!.score).toBe(rankPerson(people.martin, q)!.score); // both fit: same rank, alphabetical then
    expect(rankPerson(people.compound, q)).toBeNull();
  });

  it('builds a whole-word expression for the exact stage', () => {
    expect(exactExpression(parseQuery('martin 1985'))).toBe('"martin" AND "1985"*');
    expect(exactExpression(parseQuery('1985'))).toBeNull();
  });
});

describe('the index row by field', () => {
  it('keeps each field folded apart, and ranks exactly as folding the record again', () => {
    const p = { birthName: "N'Diaye-Lœtitia", usageName: 'Müller', firstNames: 'Jean-Pierre Éric', birthDate: '1985-03-12', phone: '+33 6 12 34 56 78' };
    expect(indexFields(p)).toEqual({ birth: 'n diaye loetitia', usage: 'muller', first: 'jean pierre eric', date: '12031985', year: '1985', phone: '0612345678' });
    expect(indexFields({ ...p, usageName: '', birthDate: null, phone: '' })).toMatchObject({ usage: '', date: '', year: '', phone: '' });
    const people = [p, { ...p, birthDate: null, phone: '' }, { ...p, usageName: '' }, { birthName: 'MARTIN', usageName: 'martin', firstNames: 'Louise', birthDate: null, phone: '' }];
    for (const person of people)
      for (const q of ['diaye', 'n diaye', 'muller', 'mul', 'jean', 'eric 1985', 'mulelr', 'loetitia', 'lœtitia', '06 12', '12/03', 'eric 0612', 'martin', 'mart louise', 'xyz'])
        expect(rankFields(indexFields(person), parseQuery(q)), `${q} ${person.usageName} ${person.birthDate}`).toEqual(rankPerson(person, parseQuery(q)));
  });
});
