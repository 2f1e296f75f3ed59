import { describe, expect, it } from 'vitest';
import { actionCounts, rate, table9, type PeriodSession, type PresentPerson } from './rules';

describe('an action’s counts', () => {
  it('counts named participants once, anonymous ones by the fullest session, presences by session', () => {
    const c = actionCounts(
      [
        { anonymousCount: 3, present: 2, absent: 0, excused: 0 },
        { anonymousCount: 5, present: 1, absent: 0, excused: 1 },
        { anonymousCount: 0, present: 0, absent: 2, excused: 0 },
      ],
      2,
    );
    expect(c).toEqual({ sessions: 3, named: 2, anonymous: 5, presences: 11, attendanceRate: 50 });
  });

  it('has no attendance rate before any mark', () => {
    expect(actionCounts([], 0)).toEqual({ sessions: 0, named: 0, anonymous: 0, presences: 0, attendanceRate: null });
    expect(rate(2, 3)).toBe(66.7);
  });
});

describe('table 9 of the activity report', () => {
  // Action 1 (led by 10 and 11): two sessions in 2025, one in 2026. Action 2 (led by 11): one session in 2026.
  const sessions: PeriodSession[] = [
    { actionId: 1, year: '2025', anonymous: 4, present: 2, marked: 3 },
    { actionId: 1, year: '2025', anonymous: 6, present: 1, marked: 3 },
    { actionId: 1, year: '2026', anonymous: 2, present: 3, marked: 3 },
    { actionId: 2, year: '2026', anonymous: 7, present: 1, marked: 2 },
  ];
  const present: PresentPerson[] = [
    { actionId: 1, personId: 100, year: '2025' },
    { actionId: 1, personId: 101, year: '2025' },
    { actionId: 1, personId: 100, year: '2026' },
    { actionId: 1, personId: 101, year: '2026' },
    { actionId: 1, personId: 102, year: '2026' },
    { actionId: 2, personId: 100, year: '2026' },
  ];
  const leads = [
    { actionId: 1, id: 10, name: 'Alice Assistante' },
    { actionId: 1, id: 11, name: 'Claire Conseillère' },
    { actionId: 2, id: 11, name: 'Claire Conseillère' },
    { actionId: 3, id: 12, name: 'Bruno Volant' },
  ];
  const f = Object.fromEntries(table9(sessions, present, leads).map((s) => [s.key, s.value]));

  it('counts the site’s actions, sessions, people (each named person once) and attendance', () => {
    expect(f['collectif.actions']).toBe(2);
    expect(f['collectif.sessions']).toBe(4);
    expect(f['collectif.named']).toBe(3);
    // Anonymous: 6 (action 1's fullest session) + 7 (action 2).
    expect(f['collectif.anonymous']).toBe(13);
    expect(f['collectif.participants']).toBe(16);
    expect(f['collectif.presences']).toBe(7 + 19);
    // 7 present of 11 marks: 63.6 %, rounded.
    expect(f['collectif.attendanceRate']).toBe(64);
  });

  it('splits by year', () => {
    expect([f['collectif.actions.year_2025'], f['collectif.sessions.year_2025'], f['collectif.named.year_2025'], f['collectif.anonymous.year_2025']]).toEqual([1, 2, 2, 6]);
    expect([f['collectif.actions.year_2026'], f['collectif.sessions.year_2026'], f['collectif.named.year_2026'], f['collectif.anonymous.year_2026']]).toEqual([2, 2, 3, 9]);
  });

  it('splits by leading professional, an action led by two counting for each; one who led nothing in the period has no line', () => {
    expect([f['collectif.actions.user_10'], f['collectif.sessions.user_10'], f['collectif.named.user_10']]).toEqual([1, 3, 3]);
    expect([f['collectif.actions.user_11'], f['collectif.sessions.user_11'], f['collectif.participants.user_11']]).toEqual([2, 4, 16]);
    expect(Object.keys(f).some((k) => k.endsWith('.user_12'))).toBe(false);
  });

  it('says nothing of a rate when no one was marked, and counts zero on an empty period', () => {
    const empty = table9([], [], leads);
    expect(empty.map((s) => [s.key, s.value])).toEqual([
      ['collectif.actions', 0],
      ['collectif.sessions', 0],
      ['collectif.participants', 0],
      ['collectif.named', 0],
      ['collectif.anonymous', 0],
      ['collectif.presences', 0],
    ]);
    for (const s of table9(sessions, present, leads)) expect(Number.isInteger(s.value)).toBe(true);
  });
});
