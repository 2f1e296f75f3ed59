import { describe, expect, it } from 'vitest';
import { lookupWith, type AddedEntry } from '../../shared/parameters';
import { delaysOf, meetingCheck, nextDate } from './rules';

const files = lookupWith(() => []);

describe('the instance’s delays', () => {
  // A referral on Monday 23 November 2026 at 10:00 local time.
  const at = new Date(2026, 10, 23, 10, 0).toISOString();

  it('gives 24 to 72 hours to gather the elements and 3 days to meet, from the charter’s parameter', () => {
    const d = delaysOf(at, files);
    expect(d).toMatchObject({ gatherFrom: '2026-11-24', gatherBy: '2026-11-26', meetingBy: '2026-11-26', warning: null });
    expect(d.source).toMatch(/24h à 72h/);
  });

  it('counts the hours from the moment of the referral (late evening: the window ends a day later)', () => {
    const d = delaysOf(new Date(2026, 10, 23, 23, 30).toISOString(), files);
    expect(d.gatherFrom).toBe('2026-11-24');
    expect(d.gatherBy).toBe('2026-11-26');
    const early = delaysOf(new Date(2026, 10, 23, 0, 30).toISOString(), files);
    expect(early.gatherBy).toBe('2026-11-26');
  });

  it('takes an entry an administrator added from its day on', () => {
    const added: AddedEntry[] = [{ seq: 1, from: '2026-11-01', value: { rassemblement_min_hours: 24, rassemblement_max_hours: 48, reunion_max_days: 5 }, source: 'Charte révisée', addedBy: null, addedAt: 't' }];
    const d = delaysOf(at, lookupWith((id) => (id === 'concertation_delais' ? added : [])));
    expect(d).toMatchObject({ gatherBy: '2026-11-25', meetingBy: '2026-11-28', source: 'Charte révisée' });
  });

  it('refuses a referral dated before the first known entry, explicitly', () => {
    expect(() => delaysOf(new Date(2005, 0, 10, 10).toISOString(), files)).toThrow(/aucune valeur connue/);
  });

  it('warns, without refusing, when the meeting is held after the delay; refuses a meeting before the referral', () => {
    const d = delaysOf(at, files);
    expect(meetingCheck('2026-11-26', '2026-11-23', d)).toEqual({ error: null, late: null });
    expect(meetingCheck('2026-11-27', '2026-11-23', d).late).toMatch(/au plus tard le 26\/11\/2026/);
    expect(meetingCheck('2026-11-22', '2026-11-23', d).error).toMatch(/précède la saisine/);
  });

  it('names the next date: the gathering until its window ends or elements are in, then the meeting', () => {
    const d = delaysOf(at, files);
    expect(nextDate(d, '2026-11-23', 0)).toEqual({ kind: 'rassemblement', due: '2026-11-26' });
    expect(nextDate(d, '2026-11-24', 2)).toEqual({ kind: 'reunion', due: '2026-11-26' });
    expect(nextDate(d, '2026-11-27', 0)).toEqual({ kind: 'reunion', due: '2026-11-26' });
  });
});
