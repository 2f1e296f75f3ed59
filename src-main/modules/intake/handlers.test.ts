import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDir } from '../../../tests/helpers/tmp';
import { newTeam, register, type Team } from '../../../tests/helpers/team';


let team: Team;
beforeAll(async () => {
  team = await newTeam(() => new Date(2026, 10, 23, 9, 0));
});
afterAll(() => team?.app.close());

const base = { mode: 'telephone' as const, motifs: ['aide_financiere'], urgent: false, request: 'Facture EDF impayée' };

describe('intake:*', () => {
  it('gives the motifs, the social workers and each commune’s référents', async () => {
    const o = await team.must(team.sec.token, 'intake:options', {});
    expect(o.motifs.map((m) => m.code)).toContain('violences_intrafamiliales');
    expect(o.professionals.map((p) => p.displayName)).toEqual(['Alice Assistante', 'Bruno Volant', 'Claire Conseillère']);
    expect(o.communes.find((c) => c.insee === '82121')).toMatchObject({ sector: 'Montauban Est', ass: { id: team.ass.id }, cesf: { id: team.cesf.id } });
  });

  it('records a phone contact ending in an appointment with the sector’s ASS, in one transaction with its audit rows', async () => {
    const p = await register(team, { birthName: 'Petit', firstNames: 'Paul' });
    const r = await team.must(team.sec.token, 'intake:record', {
      ...base,
      personId: p.person.id,
      outcome: 'rdv',
      appointment: { professionalId: team.ass.id, startsAt: '2026-11-24T09:00', durationMin: 45, kind: 'premier_accueil_presentiel', place: 'MDS' },
    });
    expect(r.appointment).not.toBeNull();
    expect(r.dsu).toBeNull();
    const actions = (team.app.vault.db.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 2').all() as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(['first_contact.add', 'appointment.book']);
    const card = await team.must(team.sec.token, 'persons:get', { id: p.person.id });
    expect(card.appointments.map((a) => a.id)).toEqual([r.appointment!.id]);
  });

  it('writes nothing when the appointment is refused (double booking)', async () => {
    const p = await register(team, { birthName: 'Roux', firstNames: 'Anne' });
    const before = hashDir(team.dir);
    const r = await team.call(team.sec.token, 'intake:record', {
      ...base,
      personId: p.person.id,
      outcome: 'rdv',
      appointment: { professionalId: team.ass.id, startsAt: '2026-11-24T09:15', durationMin: 30, kind: 'premier_accueil_presentiel', place: 'MDS' },
    });
    expect(r.ok || r.error.message).toMatch(/a déjà un rendez-vous/);
    expect(hashDir(team.dir)).toEqual(before);
  });

  it('validates each outcome’s requirement at the boundary, in French', async () => {
    const p = await register(team, { birthName: 'Vidal', firstNames: 'Marc' });
    const cases = [
      [{ ...base, personId: p.person.id, outcome: 'orientation' }, 'partnerId', /choisissez le partenaire/],
      [{ ...base, personId: p.person.id, outcome: 'rdv' }, 'appointment', /professionnel, la date et l’heure/],
      [{ ...base, personId: p.person.id, outcome: 'information', urgent: true }, 'urgencyReason', /précisez-en la raison/],
      [{ ...base, personId: p.person.id, outcome: 'information', motifs: [] }, 'motifs', /au moins un motif/],
      [{ ...base, personId: p.person.id, outcome: 'information', motifs: ['inconnu'] }, 'motifs', /Motif inconnu/],
    ] as const;
    for (const [input, field, message] of cases) {
      const r = await team.call(team.sec.token, 'intake:record', input as never);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.field).toBe(field);
        expect(r.error.message).toMatch(message);
      }
    }
  });

  it('names an unknown motif and an unknown partner together, each on its field, and writes nothing', async () => {
    const p = await register(team, { birthName: 'Blanc', firstNames: 'Léa' });
    const before = hashDir(team.dir);
    const r = await team.call(team.sec.token, 'intake:record', { ...base, personId: p.person.id, motifs: ['inconnu'], outcome: 'orientation', partnerId: 999_999 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('motifs');
      expect(r.error.fields).toEqual({ motifs: 'Motif inconnu : inconnu. Choisissez dans la liste.', partnerId: 'Ce partenaire n’est pas dans l’annuaire (ou n’est plus actif).' });
    }
    expect(hashDir(team.dir)).toEqual(before);
  });

  it('orients to a partner, and opens the DSU with the sector’s ASS as référent, once per household', async () => {
    const p = await register(team, { birthName: 'Blanc', firstNames: 'Nora' });
    const o = await team.must(team.sec.token, 'intake:record', { ...base, personId: p.person.id, outcome: 'orientation', partnerId: team.partners.caf });
    expect(o.id).toBeGreaterThan(0);
    const d1 = (await team.must(team.sec.token, 'intake:record', { ...base, personId: p.person.id, outcome: 'dsu' })) as { dsu: { number: string; referent: { id: number } } };
    expect(d1.dsu.referent.id).toBe(team.ass.id);
    const d2 = await team.must(team.sec.token, 'intake:record', { ...base, personId: p.person.id, outcome: 'dsu' });
    expect(d2.dsu!.number).toBe(d1.dsu.number);
    const card = await team.must(team.sec.token, 'persons:get', { id: p.person.id });
    expect(card.dsu).toMatchObject({ number: d1.dsu.number, referent: { displayName: 'Alice Assistante' } });
  });
});

describe('a person’s earlier first contacts, on her card', () => {
  it('lists them newest first without the words of the request, audits the read, and refuses an unknown person writing nothing', async () => {
    const p = await register(team, { birthName: 'Garnier', firstNames: 'Lise' });
    await team.must(team.sec.token, 'intake:record', { ...base, personId: p.person.id, outcome: 'information', request: 'Première demande confidentielle' });
    await team.must(team.sec.token, 'intake:record', { ...base, mode: 'presentiel', personId: p.person.id, outcome: 'information', urgent: true, urgencyReason: 'Coupure prévue demain', request: 'Seconde demande confidentielle' });
    const list = await team.must(team.sec.token, 'intake:forPerson', { personId: p.person.id });
    expect(list.map((f) => [f.mode, f.outcome, f.urgent])).toEqual([
      ['presentiel', 'information', true],
      ['telephone', 'information', false],
    ]);
    expect(list[0]!.motifs.length).toBeGreaterThan(0);
    expect(list[0]!.takenBy.id).toBe(team.sec.id);
    const text = JSON.stringify(list);
    expect(text).not.toContain('confidentielle');
    expect(text).not.toContain('Coupure');
    const last = team.app.vault.db.prepare('SELECT action, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'firstcontact.read', entity: 'person', entity_id: String(p.person.id) });

    const before = hashDir(team.dir);
    const r = await team.call(team.sec.token, 'intake:forPerson', { personId: 999_999 });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(hashDir(team.dir)).toEqual(before);
  });
});

describe('motifs (a configurable list)', () => {
  it('lets the admin add, rename and switch off a motif; the desk only sees active ones; past contacts keep theirs', async () => {
    const added = await team.must(team.adminToken, 'intake:saveMotif', { label: 'Mobilité / transport' });
    expect(added).toMatchObject({ code: 'mobilite_transport', position: 11 });
    const p = await register(team, { birthName: 'Motif', firstNames: 'Test' });
    await team.must(team.sec.token, 'intake:record', { ...base, personId: p.person.id, motifs: ['mobilite_transport'], outcome: 'information' });
    await team.must(team.adminToken, 'intake:saveMotif', { code: 'mobilite_transport', label: 'Mobilité', active: false });
    const options = await team.must(team.sec.token, 'intake:options', {});
    expect(options.motifs.map((m) => m.code)).not.toContain('mobilite_transport');
    const refused = await team.call(team.sec.token, 'intake:record', { ...base, personId: p.person.id, motifs: ['mobilite_transport'], outcome: 'information' });
    expect(refused.ok || refused.error.message).toMatch(/Motif inconnu/);
    const dup = await team.call(team.adminToken, 'intake:saveMotif', { label: 'autre' });
    expect(dup.ok || dup.error.message).toMatch(/existe déjà/);
    const bySec = await team.call(team.sec.token, 'intake:saveMotif', { label: 'X' });
    expect(bySec.ok || bySec.error.code).toBe('forbidden');
  });
});
