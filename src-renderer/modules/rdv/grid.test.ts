/** The time grid's arithmetic: the hours it spans, the free slots (site hours, permanences), lanes, French names. */
import { describe, expect, it } from 'vitest';
import { dayName, freeSlots, lanes, rowsOf, span, timeName, type Hours, type PermanenceDay } from './grid';

const DAY = [{ from: '08:30', to: '12:30' }, { from: '13:30', to: '17:30' }];
const HOURS: Hours = { week: [DAY, DAY, [{ from: '08:30', to: '12:30' }], DAY, DAY, [], []], closed: [{ day: '2026-12-24', label: 'Pont' }] };
const perm: PermanenceDay = { id: 1, professionalId: 3, day: '2026-12-01', startsAt: '09:00', endsAt: '10:00', place: 'Mairie de Montech', address: '', communeName: 'Montech' };

describe('time grid', () => {
  it('spans the earliest opening to the latest closing, widened for appointments and permanences', () => {
    expect(span(HOURS, ['2026-12-01'], [])).toEqual({ start: 8 * 60, end: 17 * 60 + 30 });
    expect(span(HOURS, ['2026-12-02'], [{ startsAt: '2026-12-02T18:00', endsAt: '2026-12-02T18:45' }])).toEqual({ start: 8 * 60, end: 18 * 60 + 45 });
    expect(span(HOURS, ['2026-12-05'], [], [{ startsAt: '07:15', endsAt: '09:00' }])).toEqual({ start: 7 * 60, end: 9 * 60 });
    expect(span(HOURS, ['2026-12-24'], [])).toEqual({ start: 8 * 60, end: 18 * 60 });
  });
  it('places an appointment on its quarter-hour rows', () => {
    expect(rowsOf({ startsAt: '2026-12-01T09:30', endsAt: '2026-12-01T10:15' }, 8 * 60)).toEqual({ from: 7, to: 10 });
  });
  it('offers the free half-hours to come within the site’s hours, none on a closed day', () => {
    const taken = [{ startsAt: '2026-12-01T09:00', endsAt: '2026-12-01T09:45', status: 'prevu' as const }, { startsAt: '2026-12-01T10:00', endsAt: '2026-12-01T10:30', status: 'annule' as const }];
    const slots = freeSlots(HOURS, '2026-12-01', taken, '2026-12-01T08:40').map((s) => s.at.slice(11));
    expect(slots.slice(0, 4)).toEqual(['10:00', '10:30', '11:00', '11:30']);
    expect(slots).not.toContain('08:30'); // past
    expect(slots).not.toContain('09:30'); // taken until 9:45
    expect(slots).toContain('13:30');
    expect(freeSlots(HOURS, '2026-12-24', [], '2026-12-01T00:00')).toEqual([]);
  });
  it('offers a permanence’s half-hours (tagged with it) instead of the MDS’s while it is held', () => {
    const slots = freeSlots(HOURS, '2026-12-01', [], '2026-12-01T00:00', [perm]);
    expect(slots.filter((s) => s.permanence).map((s) => s.at.slice(11))).toEqual(['09:00', '09:30']);
    expect(slots.filter((s) => !s.permanence).map((s) => s.at.slice(11)).slice(0, 2)).toEqual(['08:30', '10:00']);
  });
  it('sets overlapping appointments side by side', () => {
    const a = { startsAt: '2026-12-01T09:00', endsAt: '2026-12-01T10:00' };
    const b = { startsAt: '2026-12-01T09:30', endsAt: '2026-12-01T10:00' };
    const c = { startsAt: '2026-12-01T10:00', endsAt: '2026-12-01T10:30' };
    expect(lanes([c, b, a]).map((l) => [l.item.startsAt.slice(11), l.lane])).toEqual([
      ['09:00', 0],
      ['09:30', 1],
      ['10:00', 0],
    ]);
  });
  it('names days and times as French says them', () => {
    expect(dayName('2026-12-01', 'fr')).toBe('mardi 1er décembre');
    expect(dayName('2026-12-08', 'fr')).toBe('mardi 8 décembre');
    expect(dayName('2026-12-01', 'en')).toBe('Tuesday 1 December');
    expect(timeName('2026-12-01T09:30', 'fr')).toBe('9 h 30');
    expect(timeName('2026-12-01T14:00', 'fr')).toBe('14 h');
    expect(timeName('2026-12-01T09:30', 'en')).toBe('09:30');
  });
});
