import { describe, expect, it } from 'vitest';
import { entryInForce, fileParameters, fromProblem, lookupWith, nextRenewal, parameterDefinition, valueProblems, type AddedEntry } from './parameters';

describe('legal parameters as dated data', () => {
  it('takes the entry in force on the day', () => {
    expect(fileParameters('bareme_saisies', '2025-12-31').value.perDependant_cents).toBe(172000);
    expect(fileParameters('bareme_saisies', '2026-01-01').value.perDependant_cents).toBe(174000);
    expect(fileParameters('rsa_forfaitaire', '2025-04-01').value.alone_cents[0]).toBe(64652);
  });

  it('refuses a day before the first entry, in French', () => {
    expect(() => fileParameters('rsa_forfaitaire', '2025-03-31')).toThrow(/aucune valeur connue au 31\/03\/2025/);
  });

  it('computes on the latest entry past its expected renewal, with a warning naming the parameter', () => {
    const before = fileParameters('rsa_forfaitaire', '2026-03-31');
    expect(before.warning).toBeNull();
    const after = fileParameters('rsa_forfaitaire', '2026-04-01');
    expect(after.value.alone_cents[0]).toBe(64652);
    expect(after.warning).toMatch(/Revenu de solidarité active.*01\/04\/2026.*01\/04\/2025/);
  });

  it('drops the warning once a newer entry exists', () => {
    const p = parameterDefinition('bareme_saisies');
    expect(entryInForce(p, p.entries.slice(0, 1), '2026-02-01').warning).toMatch(/01\/01\/2026/);
    expect(entryInForce(p, p.entries, '2026-02-01').warning).toBeNull();
    expect(entryInForce(p, p.entries, '2027-01-01').warning).toMatch(/01\/01\/2027/);
  });

  it('never warns for a parameter that changes only with the law', () => {
    expect(fileParameters('surendettement_delais', '2030-06-01').warning).toBeNull();
  });

  it('finds the next renewal day strictly after an entry', () => {
    expect(nextRenewal('2025-04-01', '04-01')).toBe('2026-04-01');
    expect(nextRenewal('2025-03-15', '04-01')).toBe('2025-04-01');
  });
});

describe('entries added to the files', () => {
  const added = (from: string, value: unknown, seq: number): AddedEntry => ({ from, value, source: `ajout ${seq}`, seq, addedBy: null, addedAt: '2026-11-30T10:00:00.000Z' });
  const rsa = { alone_cents: [65000, 97500, 117000], couple_cents: [97500, 117000, 136500], perFurtherChild_cents: 26000 };

  it('the latest added entry on a day replaces the file’s and an earlier added one; the warning follows the newest entry', () => {
    const lookup = lookupWith((id) => (id === 'rsa_forfaitaire' ? [added('2026-04-01', { ...rsa, perFurtherChild_cents: 1 }, 1), added('2026-04-01', rsa, 2)] : []));
    const e = lookup('rsa_forfaitaire', '2026-11-30');
    expect(e).toMatchObject({ from: '2026-04-01', source: 'ajout 2', warning: null });
    expect(e.value.perFurtherChild_cents).toBe(26000);
    expect(lookup('rsa_forfaitaire', '2027-04-01').warning).toMatch(/01\/04\/2027/);
    expect(lookup('bareme_saisies', '2026-06-01').value.perDependant_cents).toBe(174000);
  });

  it('a new day goes after the latest entry, or on a known day to replace it', () => {
    const p = parameterDefinition('bareme_saisies');
    expect(fromProblem(p, p.entries, '2027-01-01')).toBeNull();
    expect(fromProblem(p, p.entries, '2025-01-01')).toBeNull();
    expect(fromProblem(p, p.entries, '2025-06-01')).toMatch(/postérieure à la dernière valeur connue .*\(01\/01\/2026\)/);
  });

  it('names each faulty field of a delay or of the mentions, in French', () => {
    expect(valueProblems('surendettement_delais', { recevabilite_months: 3, recours_recevabilite_days: 0, contestation_mesures_days: 30.5, plan_max_months: 84 })).toEqual([
      { path: 'value.recours_recevabilite_days', message: 'Recours contre la recevabilité (jours) : doit être supérieur à zéro.' },
      { path: 'value.contestation_mesures_days', message: 'Contestation des mesures imposées (jours) : un nombre entier est attendu.' },
    ]);
    expect(valueProblems('mentions_recours', { mentions: [{ titre: '', decisions: ['autre'], texte: 'x', source: 'y' }] })).toEqual([
      { path: 'value.mentions.0.titre', message: 'Titre de la mention : à renseigner.' },
      { path: 'value.mentions.0.decisions.0', message: 'Décisions : « initiale » ou « sur_recours ».' },
    ]);
    expect(valueProblems('recours_delai', { months: 2, extra: 1 })).toEqual([{ path: 'value', message: 'Champ inconnu : « extra » ; retirez-le (voir les fichiers de resources/parameters/).' }]);
  });
});
