import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekday } from './time';
import { addLegalDays, addMonths, legalDelay, nextWorkingDay, nonWorkingReason, publicHoliday, publicHolidays } from './legal-days';

describe('French public holidays (code du travail, art. L3133-1)', () => {
  it('2026: the eleven published days', () => {
    // Easter Sunday 5 April 2026 → lundi de Pâques 6 April, Ascension (Easter + 39) 14 May,
    // lundi de Pentecôte (Easter + 50) 25 May.
    expect([...publicHolidays(2026).keys()].sort()).toEqual([
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
      '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
  });

  it('2027: the eleven published days', () => {
    // Easter Sunday 28 March 2027 → 29 March, Ascension 6 May, lundi de Pentecôte 17 May.
    expect([...publicHolidays(2027).keys()].sort()).toEqual([
      '2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-08', '2027-05-17',
      '2027-07-14', '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-25',
    ]);
  });

  it('names the holiday; Easter and Pentecost Sundays count as Sundays, not as holidays', () => {
    expect(publicHoliday('2026-12-25')).toBe('Noël');
    expect(publicHoliday('2026-04-05')).toBeNull();
    expect(nonWorkingReason('2026-04-05')).toBe('dimanche');
    expect(nonWorkingReason('2026-04-04')).toBe('samedi');
    expect(nonWorkingReason('2026-05-14')).toBe('jour férié (Ascension)');
    expect(nonWorkingReason('2026-05-13')).toBeNull();
  });
});

describe('months (CPC 641)', () => {
  it('ends on the same day of the month, or on the last day when the month has none', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28'); // 2026 is not a leap year
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29'); // 2028 is
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-06-01', 84)).toBe('2033-06-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});

describe('days (CPC 641) and the extension (CPC 642)', () => {
  it('does not count the day of the act: notification + 15 days', () => {
    // Notified Friday 13 March 2026; day 1 is the 14th, day 15 the 28th.
    expect(addLegalDays('2026-03-13', 15)).toBe('2026-03-28');
  });

  it('extends past a Saturday and Sunday to the Monday', () => {
    // 28 March 2026 is a Saturday → Monday 30 March.
    const d = legalDelay('2026-03-13', 15, 'days', true);
    expect(d).toMatchObject({ nominal: '2026-03-28', due: '2026-03-30', extended: true });
    expect(d.text).toBe('13/03/2026 + 15 jours (le jour de départ ne compte pas, CPC art. 641) = 28/03/2026, un samedi : prorogé au lundi 30 mars 2026 (premier jour ouvrable, CPC art. 642)');
  });

  it('extends past a public holiday followed by a weekend (2026) and across the new year (2027)', () => {
    // 23 April 2026 + 15 = Friday 8 May (holiday) → Sat 9, Sun 10 → Monday 11 May.
    expect(legalDelay('2026-04-23', 15, 'days', true).due).toBe('2026-05-11');
    // 29 April 2026 + 15 = Thursday 14 May, Ascension → Friday 15 May.
    expect(legalDelay('2026-04-29', 15, 'days', true).due).toBe('2026-05-15');
    // 25 November 2026 + 30 = Friday 25 December → Sat 26, Sun 27 → Monday 28 December.
    expect(legalDelay('2026-11-25', 30, 'days', true).due).toBe('2026-12-28');
    // 17 December 2026 + 15 = Friday 1 January 2027 → Monday 4 January 2027.
    expect(legalDelay('2026-12-17', 15, 'days', true).due).toBe('2027-01-04');
    // 30 April 2027 + 15 = Saturday 15 May → Sunday 16 (Pentecost) → Monday 17 (holiday) → Tuesday 18 May.
    expect(legalDelay('2027-04-30', 15, 'days', true).due).toBe('2027-05-18');
    // 14 March 2027 + 15 = Monday 29 March, lundi de Pâques → Tuesday 30 March.
    const easter = legalDelay('2027-03-14', 15, 'days', true);
    expect(easter.due).toBe('2027-03-30');
    expect(easter.text).toContain('un jour férié (Lundi de Pâques) : prorogé au mardi 30 mars 2027');
  });

  it('leaves a working day alone, and never extends when asked not to', () => {
    expect(legalDelay('2026-03-10', 15, 'days', true)).toMatchObject({ due: '2026-03-25', extended: false });
    // 4 January 2026 + 3 months = Saturday 4 April 2026, kept as is.
    expect(legalDelay('2026-01-04', 3, 'months', false)).toMatchObject({ due: '2026-04-04', extended: false });
    expect(legalDelay('2026-01-04', 3, 'months', false).text).toBe('04/01/2026 + 3 mois (même quantième, CPC art. 641) = 04/04/2026');
  });

  it('the extended day is the first working day on or after the nominal one (2026–2027)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 60 }), (offset, days) => {
        const start = addDays('2026-01-01', offset);
        const d = legalDelay(start, days, 'days', true);
        expect(d.nominal).toBe(addDays(start, days));
        expect(d.due >= d.nominal).toBe(true);
        expect(nonWorkingReason(d.due)).toBeNull();
        expect(weekday(d.due)).toBeLessThan(6);
        for (let x = d.nominal; x < d.due; x = addDays(x, 1)) expect(nonWorkingReason(x)).not.toBeNull();
        expect(nextWorkingDay(d.due)).toBe(d.due);
      }),
      { numRuns: 300 },
    );
  });
});
