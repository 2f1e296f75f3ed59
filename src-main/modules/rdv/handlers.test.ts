import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDir } from '../../../tests/helpers/tmp';
import { newTeam, register, type Team } from '../../../tests/helpers/team';
import type { AppointmentOut, PersonCard } from '../../modules';
import { nextFree, withinOpening } from './rules';

let team: Team;
let p: PersonCard;
let setNow: (d: Date) => void;
beforeAll(async () => {
  let now = new Date(2026, 10, 23, 8, 0); // Monday 23 November 2026, 8:00 local
  team = await newTeam(() => now);
  setNow = (d) => (now = d);
  p = await register(team, { birthName: 'Bernard', firstNames: 'Lucie', birthDate: '1990-04-04' });
});
afterAll(() => team?.app.close());

describe('appointment rules', () => {
  it('keeps to opening hours and skips the week-end', () => {
    expect(withinOpening('2026-11-23T09:00', '2026-11-23T09:30')).toBe(true);
    expect(withinOpening('2026-11-23T12:15', '2026-11-23T12:45')).toBe(false);
    expect(withinOpening('2026-11-28T09:00', '2026-11-28T09:30')).toBe(false);
    expect(nextFree('2026-11-27T17:20', 30, [])).toBe('2026-11-30T08:30');
    expect(nextFree('2026-11-23T08:30', 30, [{ startsAt: '2026-11-23T08:30', endsAt: '2026-11-23T09:15' }])).toBe('2026-11-23T09:15');
  });
});

describe('rdv:*', () => {
  let first: AppointmentOut;
  it('books for the sector’s ASS, from the secretaire', async () => {
    first = await team.must(team.sec.token, 'rdv:book', {
      professionalId: team.ass.id,
      personId: p.person.id,
      startsAt: '2026-11-24T09:30',
      durationMin: 45,
      kind: 'premier_accueil_presentiel',
      place: 'MDS – bureau 2',
    });
    expect(first).toMatchObject({ status: 'prevu', endsAt: '2026-11-24T10:15', professional: { displayName: 'Alice Assistante' } });
    const agenda = await team.must(team.sec.token, 'rdv:agenda', { professionalId: team.ass.id, from: '2026-11-23', days: 7 });
    expect(agenda.map((a) => a.id)).toEqual([first.id]);
  });

  it('refuses a double booking with a clear message and the next free slot, leaving the files unchanged', async () => {
    const before = hashDir(team.dir);
    const r = await team.call(team.sec.token, 'rdv:book', {
      professionalId: team.ass.id,
      personId: p.person.id,
      startsAt: '2026-11-24T10:00',
      durationMin: 30,
      kind: 'accompagnement_presentiel',
      place: 'MDS',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Alice Assistante a déjà un rendez-vous de 09 h 30 à 10 h 15 ce jour-là. Choisissez un autre créneau (premier créneau libre : le 24/11/2026 à 10 h 15).');
    expect(hashDir(team.dir)).toEqual(before);
    const free = await team.must(team.sec.token, 'rdv:nextFree', { professionalId: team.ass.id, from: '2026-11-24T09:30', durationMin: 30 });
    expect(free.startsAt).toBe('2026-11-24T10:15');
  });

  it('refuses a slot in the past', async () => {
    const r = await team.call(team.sec.token, 'rdv:book', { professionalId: team.ass.id, personId: p.person.id, startsAt: '2026-11-20T10:00', durationMin: 30, kind: 'vad', place: 'Domicile' });
    expect(r.ok || r.error.message).toMatch(/déjà passé/);
  });

  it('lets only the professional mark honoured, once it has happened, and shows it in the DSU journal', async () => {
    const dsu = await team.must(team.ass.token, 'dsu:open', { householdId: p.household!.id });
    const early = await team.call(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'honore' });
    expect(early.ok || early.error.message).toMatch(/pas encore eu lieu/);
    setNow(new Date(2026, 10, 24, 11, 0));
    team.refresh();
    const bySec = await team.call(team.sec.token, 'rdv:setStatus', { id: first.id, status: 'honore', field: 'budget' });
    expect(bySec.ok || bySec.error.code).toBe('forbidden');
    // The journal entry it becomes needs its field of intervention: asked, in French, nothing written without it.
    const before = hashDir(team.dir);
    const noField = await team.call(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'honore' });
    expect(noField.ok ? 'ok' : [noField.error.code, noField.error.field, noField.error.message]).toEqual([
      'invalid_input',
      'field',
      `Indiquez le champ d’intervention de ce rendez-vous : il sera inscrit au journal du dossier ${dsu.number}.`,
    ]);
    const badField = await team.call(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'honore', field: 'loisirs' as never });
    expect(badField.ok || [badField.error.field, badField.error.message]).toEqual(['field', expect.stringMatching(/Choisissez le champ d’intervention/)]);
    const fieldWhenAbsent = await team.call(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'absent', field: 'budget' });
    expect(fieldWhenAbsent.ok || fieldWhenAbsent.error.field).toBe('field');
    expect(hashDir(team.dir)).toEqual(before);
    const done = await team.must(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'honore', field: 'logement_hebergement' });
    expect(done.status).toBe('honore');
    const view = await team.must(team.ass.token, 'dsu:get', { id: dsu.id });
    expect(view.journal[0]).toMatchObject({ appointmentId: first.id, type: 'entretien_bureau', field: 'logement_hebergement', occurredOn: '2026-11-24', authors: [{ id: team.ass.id }] });
    expect(view.lastContactOn).toBe('2026-11-24');
    const twice = await team.call(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'absent' });
    expect(twice.ok || twice.error.message).toMatch(/déjà marqué « honoré »/);
  });

  it('marks honoured without a field a household that has no DSU (no journal to write in)', async () => {
    const q = await register(team, { birthName: 'Sans', firstNames: 'Dossier', birthDate: '1980-02-02' });
    const a = await team.must(team.sec.token, 'rdv:book', { professionalId: team.ass.id, personId: q.person.id, startsAt: '2026-11-25T09:00', durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS' });
    expect(a.dsu).toBeNull();
    setNow(new Date(2026, 10, 25, 10, 0));
    team.refresh();
    const withField = await team.call(team.ass.token, 'rdv:setStatus', { id: a.id, status: 'honore', field: 'budget' });
    expect(withField.ok || withField.error.field).toBe('field');
    expect((await team.must(team.ass.token, 'rdv:setStatus', { id: a.id, status: 'honore' })).status).toBe('honore');
  });

  it('marks honoured without a field an appointment of a household whose file is closed (no entry written), and keeps no field given for it', async () => {
    const q = await register(team, { birthName: 'Dossier', firstNames: 'Clos', birthDate: '1981-03-03' });
    const dsu = await team.must(team.ass.token, 'dsu:open', { householdId: q.household!.id });
    setNow(new Date(2026, 10, 25, 11, 0));
    team.refresh();
    const a = await team.must(team.sec.token, 'rdv:book', { professionalId: team.ass.id, personId: q.person.id, startsAt: '2026-11-25T14:00', durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS' });
    const b = await team.must(team.sec.token, 'rdv:book', { professionalId: team.ass.id, personId: q.person.id, startsAt: '2026-11-25T15:00', durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS' });
    await team.must(team.ass.token, 'dsu:close', { id: dsu.id, reason: 'fin_de_demande' });
    setNow(new Date(2026, 10, 25, 16, 0));
    team.refresh();
    expect((await team.must(team.ass.token, 'rdv:setStatus', { id: a.id, status: 'honore' })).status).toBe('honore');
    expect((await team.must(team.ass.token, 'rdv:setStatus', { id: b.id, status: 'honore', field: 'budget' })).status).toBe('honore');
    expect((await team.must(team.ass.token, 'dsu:get', { id: dsu.id })).journal).toEqual([]);
  });
});
