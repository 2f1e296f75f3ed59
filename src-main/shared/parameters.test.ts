import { describe, expect, it } from 'vitest';
import { entryInForce, fileParameters, nextRenewal, parameterDefinition } from './parameters';

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
