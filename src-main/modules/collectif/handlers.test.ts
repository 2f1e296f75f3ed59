import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTeam, register, type Team, refusedUnchanged } from '../../../tests/helpers/team';

let team: Team;
let actionId: number;
let lea: number;
let marc: number;
let nadia: number;
const sessions: number[] = [];
const NOW = new Date(2026, 10, 23, 9, 0); // Monday 23 November 2026
let now = NOW;

beforeAll(async () => {
  team = await newTeam(() => now);
  lea = (await register(team, { birthName: 'Martin', firstNames: 'Léa', birthDate: '1985-04-02' })).person.id;
  marc = (await register(team, { birthName: 'Roux', firstNames: 'Marc', birthDate: '1970-07-12' })).person.id;
  nadia = (await register(team, { birthName: 'Benali', firstNames: 'Nadia', birthDate: '1992-01-30' })).person.id;
});
afterAll(() => team?.app.close());

const refused = (token: string, c: Parameters<Team['call']>[1], input: unknown) => refusedUnchanged(team, token, c, input);

describe('a collective action', () => {
  it('is created with its partners, funding and leading professionals', async () => {
    const a = await team.must(team.ass.token, 'collectif:save', {
      title: 'Atelier cuisine et budget',
      aim: 'Rompre l’isolement et cuisiner à petit budget',
      audience: 'Familles du quartier Est',
      leadIds: [team.ass.id, team.cesf.id],
      partners: [{ partnerId: team.partners.caf, role: 'Financement' }, { name: 'Épicerie solidaire', role: 'Local et denrées' }],
      fundings: [{ funder: 'CAF de Tarn-et-Garonne', amountCents: 150_000, fundingStatus: 'accorde' }, { funder: 'Commune de Montauban', amountCents: 50_000, fundingStatus: 'demande' }],
    });
    actionId = a.id;
    expect(a.actionStatus).toBe('prevue');
    expect(a.leads.map((l) => l.displayName)).toEqual(['Alice Assistante', 'Claire Conseillère']);
    expect(a.partners).toEqual([
      { partnerId: team.partners.caf, name: 'CAF de Tarn-et-Garonne — Accueil', role: 'Financement' },
      { partnerId: null, name: 'Épicerie solidaire', role: 'Local et denrées' },
    ]);
    expect(a.fundings.map((f) => [f.funder, f.amountCents, f.fundingStatus])).toEqual([
      ['CAF de Tarn-et-Garonne', 150_000, 'accorde'],
      ['Commune de Montauban', 50_000, 'demande'],
    ]);
    expect(a.canWrite).toBe(true);
  });

  it('refuses an unknown partner, an unnamed one, a lead who is not a social account, in French and writing nothing', async () => {
    const base = { title: 'X', aim: '' };
    expect((await refused(team.ass.token, 'collectif:save', { ...base, partners: [{ partnerId: 9999 }] })).message).toMatch(/pas \(ou plus\) dans l’annuaire/);
    expect((await refused(team.ass.token, 'collectif:save', { ...base, partners: [{ name: '' }] })).message).toMatch(/^Partenaire : choisissez-le/);
    expect((await refused(team.ass.token, 'collectif:save', { ...base, leadIds: [team.sec.id] })).message).toMatch(/^Professionnels qui animent l’action : /);
    expect((await refused(team.ass.token, 'collectif:save', { ...base, leadIds: [9999] })).field).toBe('leadIds');
    expect((await refused(team.ass.token, 'collectif:save', { ...base, fundings: [{ funder: 'CAF', amountCents: -5, fundingStatus: 'demande' }] })).message).toMatch(/^Montant : /);
    expect((await refused(team.ass.token, 'collectif:save', { ...base, fundings: [{ funder: 'CAF', amountCents: 5, fundingStatus: 'promis' }] })).message).toMatch(/^Statut du financement : /);
    expect((await refused(team.ass.token, 'collectif:save', { title: '', aim: '' })).message).toMatch(/^Titre : à renseigner/);
    // Changing it is for its leads and the responsables.
    expect((await refused(team.ass2.token, 'collectif:save', { id: actionId, title: 'Autre', aim: '' })).code).toBe('forbidden');
    expect((await refused(team.ass.token, 'collectif:save', { id: 9999, title: 'Autre', aim: '' })).code).toBe('not_found');
  });

  it('has sessions with a day, times, a place and a theme; a session is edited in place', async () => {
    for (const [date, theme] of [
      ['2026-11-09', 'Les légumes de saison'],
      ['2026-11-16', 'Cuisiner les restes'],
      ['2026-11-23', 'Repas partagé'],
    ] as const) {
      const a = await team.must(team.cesf.token, 'collectif:saveSession', { actionId, date, starts: '14:00', ends: '16:30', place: 'Épicerie solidaire', theme });
      sessions.push(a.sessions[a.sessions.length - 1]!.id);
    }
    const a = await team.must(team.ass.token, 'collectif:saveSession', { actionId, sessionId: sessions[0]!, date: '2026-11-09', starts: '14:00', ends: '16:00', place: 'MDS de Montauban', theme: 'Les légumes de saison' });
    expect(a.sessions.map((s) => [s.date, s.starts, s.ends, s.place])).toEqual([
      ['2026-11-09', '14:00', '16:00', 'MDS de Montauban'],
      ['2026-11-16', '14:00', '16:30', 'Épicerie solidaire'],
      ['2026-11-23', '14:00', '16:30', 'Épicerie solidaire'],
    ]);
    expect((await refused(team.ass.token, 'collectif:saveSession', { actionId, date: '2026-11-30', starts: '16:00', ends: '14:00', place: 'MDS' })).message).toMatch(/^Heure de fin : elle doit suivre/);
    expect((await refused(team.ass.token, 'collectif:saveSession', { actionId, date: '2026-11-30', starts: '25:00', ends: '26:00', place: 'MDS' })).message).toMatch(/^Heure de début : heure attendue/);
    expect((await refused(team.ass.token, 'collectif:saveSession', { actionId, sessionId: 9999, date: '2026-11-30', starts: '14:00', ends: '15:00', place: 'MDS' })).code).toBe('not_found');
    expect((await refused(team.ass2.token, 'collectif:saveSession', { actionId, date: '2026-11-30', starts: '14:00', ends: '15:00', place: 'MDS' })).code).toBe('forbidden');
  });

  it('names a participant only with their consent; without it, says to count them anonymously', async () => {
    const none = await refused(team.ass.token, 'collectif:addParticipant', { actionId, personId: nadia, consentGiven: false });
    expect(none.message).toBe('Sans son accord pour participer, une personne ne peut pas être nommée dans l’action : comptez-la parmi les participants anonymes de chaque séance où elle vient.');
    expect(none.field).toBe('consentGiven');
    expect((await refused(team.ass.token, 'collectif:addParticipant', { actionId, personId: nadia, consentGiven: true, consentForm: 'ecrit' })).message).toMatch(/^Date de l’accord : /);
    expect((await refused(team.ass.token, 'collectif:addParticipant', { actionId, personId: nadia, consentGiven: true, consentOn: '2026-11-02' })).message).toMatch(/^Forme de l’accord : /);
    expect((await refused(team.ass.token, 'collectif:addParticipant', { actionId, personId: nadia, consentGiven: true, consentOn: '2026-12-01', consentForm: 'ecrit' })).message).toMatch(/dans le futur/);
    expect((await refused(team.ass.token, 'collectif:addParticipant', { actionId, personId: 9999, consentGiven: true, consentOn: '2026-11-02', consentForm: 'ecrit' })).code).toBe('not_found');
    expect((await refused(team.ass2.token, 'collectif:addParticipant', { actionId, personId: lea, consentGiven: true, consentOn: '2026-11-02', consentForm: 'ecrit' })).code).toBe('forbidden');

    await team.must(team.ass.token, 'collectif:addParticipant', { actionId, personId: lea, consentGiven: true, consentOn: '2026-11-02', consentForm: 'ecrit' });
    const p = await team.must(team.cesf.token, 'collectif:addParticipant', { actionId, personId: marc, consentGiven: true, consentOn: '2026-11-09', consentForm: 'oral_trace' });
    expect(p.participants.map((x) => [x.name, x.consentOn, x.consentForm, x.addedBy.displayName])).toEqual([
      ['MARTIN Léa', '2026-11-02', 'ecrit', 'Alice Assistante'],
      ['ROUX Marc', '2026-11-09', 'oral_trace', 'Claire Conseillère'],
    ]);
    expect((await refused(team.ass.token, 'collectif:addParticipant', { actionId, personId: lea, consentGiven: true, consentOn: '2026-11-02', consentForm: 'ecrit' })).message).toBe('MARTIN Léa participe déjà à cette action.');
  });

  it('records attendance per session: named marks and an anonymous count', async () => {
    const list = await team.must(team.ass.token, 'collectif:participants', { actionId });
    const [pLea, pMarc] = list.participants.map((p) => p.id);
    await team.must(team.ass.token, 'collectif:attendance', { sessionId: sessions[0]!, anonymousCount: 3, marks: [{ participantId: pLea!, mark: 'present' }, { participantId: pMarc!, mark: 'present' }] });
    await team.must(team.ass.token, 'collectif:attendance', { sessionId: sessions[1]!, anonymousCount: 4, marks: [{ participantId: pLea!, mark: 'present' }, { participantId: pMarc!, mark: 'excuse' }] });
    const after = await team.must(team.cesf.token, 'collectif:attendance', { sessionId: sessions[2]!, anonymousCount: 2, marks: [{ participantId: pLea!, mark: 'absent' }, { participantId: pMarc!, mark: 'present' }] });
    expect(after.participants.find((p) => p.id === pLea)!.marks).toEqual({ [sessions[0]!]: 'present', [sessions[1]!]: 'present', [sessions[2]!]: 'absent' });
    // Marked again: the session's marks are replaced, not added.
    await team.must(team.cesf.token, 'collectif:attendance', { sessionId: sessions[2]!, anonymousCount: 2, marks: [{ participantId: pLea!, mark: 'absent' }, { participantId: pMarc!, mark: 'present' }] });

    const a = await team.must(team.resp.token, 'collectif:get', { id: actionId });
    expect(a.sessions.map((s) => [s.present, s.absent, s.excused, s.anonymousCount, s.attendanceRecorded])).toEqual([
      [2, 0, 0, 3, true],
      [1, 0, 1, 4, true],
      [1, 1, 0, 2, true],
    ]);
    // 2 named; anonymous: the highest count of a session (4); presences 4 named + 9 anonymous; 4 present of 6 marks.
    expect(a.counts).toEqual({ sessions: 3, named: 2, anonymous: 4, presences: 13, attendanceRate: 66.7 });

    const other = await team.must(team.ass.token, 'collectif:save', { title: 'Sortie familles', aim: '' });
    const s = (await team.must(team.ass.token, 'collectif:saveSession', { actionId: other.id, date: '2026-11-20', starts: '10:00', ends: '12:00', place: 'Parc' })).sessions[0]!.id;
    expect((await refused(team.ass.token, 'collectif:attendance', { sessionId: s, anonymousCount: 0, marks: [{ participantId: pLea!, mark: 'present' }] })).message).toMatch(/ne participe pas/);
    expect((await refused(team.ass.token, 'collectif:attendance', { sessionId: sessions[0]!, anonymousCount: 0, marks: [{ participantId: pLea!, mark: 'present' }, { participantId: pLea!, mark: 'absent' }] })).message).toMatch(/qu’une présence/);
    expect((await refused(team.ass.token, 'collectif:attendance', { sessionId: sessions[0]!, anonymousCount: -1, marks: [] })).message).toMatch(/^Participants anonymes : /);
    expect((await refused(team.ass.token, 'collectif:attendance', { sessionId: 9999, anonymousCount: 0, marks: [] })).code).toBe('not_found');
    const future = (await team.must(team.ass.token, 'collectif:saveSession', { actionId: other.id, date: '2026-11-30', starts: '10:00', ends: '12:00', place: 'Parc' })).sessions[1]!.id;
    expect((await refused(team.ass.token, 'collectif:attendance', { sessionId: future, anonymousCount: 1, marks: [] })).message).toMatch(/n’a pas encore eu lieu/);
  });

  it('shows the names only to its leads and the responsables, and audits each reading of them', async () => {
    const db = team.app.vault.db;
    const before = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'collectif.participants'").get() as { n: number }).n;
    await team.must(team.resp.token, 'collectif:participants', { actionId });
    const rows = db.prepare("SELECT user_id AS userId, entity, entity_id AS entityId FROM audit_log WHERE action = 'collectif.participants' ORDER BY id DESC").all() as { userId: number; entity: string; entityId: string }[];
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toEqual({ userId: team.resp.id, entity: 'collectif', entityId: String(actionId) });
    // Another ASS of the site sees the action and its counts, not who takes part; the opening is traced.
    const seen = await team.must(team.ass2.token, 'collectif:get', { id: actionId });
    const opened = db.prepare("SELECT user_id AS userId FROM audit_log WHERE action = 'collectif.read' ORDER BY id DESC LIMIT 1").get() as { userId: number };
    expect(opened.userId).toBe(team.ass2.id);
    expect(seen.counts.named).toBe(2);
    expect(seen.canWrite).toBe(false);
    expect(JSON.stringify(seen)).not.toMatch(/MARTIN|ROUX|Martin|Roux/);
    expect((await refused(team.ass2.token, 'collectif:participants', { actionId })).message).toMatch(/^Seuls les professionnels qui animent cette action et les responsables/);
    const listed = await team.must(team.ass2.token, 'collectif:list', {});
    expect(JSON.stringify(listed)).not.toMatch(/MARTIN|ROUX/);
    for (const token of [team.sec.token, team.adminToken]) {
      expect((await refused(token, 'collectif:list', {})).code).toBe('forbidden');
      expect((await refused(token, 'collectif:get', { id: actionId })).code).toBe('forbidden');
      expect((await refused(token, 'collectif:participants', { actionId })).code).toBe('forbidden');
    }
  });

  it('keeps a withdrawn participant’s presences in the anonymous counts', async () => {
    const list = await team.must(team.ass.token, 'collectif:participants', { actionId });
    const marcId = list.participants.find((p) => p.name === 'ROUX Marc')!.id;
    const after = await team.must(team.ass.token, 'collectif:removeParticipant', { actionId, participantId: marcId });
    expect(after.participants.map((p) => p.name)).toEqual(['MARTIN Léa']);
    const a = await team.must(team.ass.token, 'collectif:get', { id: actionId });
    expect(a.sessions.map((s) => [s.present, s.anonymousCount])).toEqual([
      [1, 4],
      [1, 4],
      [0, 3],
    ]);
    expect(a.counts.presences).toBe(13);
    expect((await refused(team.ass.token, 'collectif:removeParticipant', { actionId, participantId: marcId })).code).toBe('not_found');
    // Back with his consent, for what follows.
    await team.must(team.ass.token, 'collectif:addParticipant', { actionId, personId: marc, consentGiven: true, consentOn: '2026-11-23', consentForm: 'ecrit' });
  });

  it('asks its leads for the coming session and, after the last one, for the evaluation, which it records', async () => {
    await team.must(team.ass.token, 'collectif:saveSession', { actionId, date: '2026-11-27', starts: '14:00', ends: '16:00', place: 'MDS de Montauban', theme: 'Bilan' });
    let tasks = (await team.must(team.cesf.token, 'tasks:mine', {})).items.filter((t) => t.module === 'collectif');
    // Today's session and the one on Friday; the evaluation is not asked while sessions remain.
    expect(tasks.map((t) => [t.kind, t.due, t.href])).toEqual([
      ['session', '2026-11-23', `#/collectif/${actionId}`],
      ['session', '2026-11-27', `#/collectif/${actionId}`],
    ]);
    expect(tasks[1]!.label).toBe('Atelier cuisine et budget (27/11/2026 à 14:00)');
    expect((await team.must(team.ass2.token, 'tasks:mine', {})).items.filter((t) => t.module === 'collectif')).toEqual([]);

    now = new Date(2026, 11, 1, 9, 0);
    team.refresh();
    tasks = (await team.must(team.cesf.token, 'tasks:mine', {})).items.filter((t) => t.module === 'collectif');
    expect(tasks.map((t) => [t.kind, t.due, t.label])).toEqual([['evaluation', '2026-11-27', 'Atelier cuisine et budget']]);
    expect((await refused(team.ass.token, 'collectif:saveEvaluation', { actionId, date: '2026-12-02', text: 'Bilan' })).message).toMatch(/dans le futur/);
    expect((await refused(team.ass.token, 'collectif:saveEvaluation', { actionId, date: '2026-12-01', text: '' })).message).toMatch(/^Évaluation : à renseigner/);
    const a = await team.must(team.ass.token, 'collectif:saveEvaluation', {
      actionId,
      date: '2026-12-01',
      text: 'Groupe régulier, bonne entraide.',
      participantsWords: '« On a appris à faire des conserves. »',
      results: 'Objectif atteint : trois familles cuisinent ensemble hors atelier.',
    });
    expect(a.evaluation).toMatchObject({ date: '2026-12-01', participantsWords: '« On a appris à faire des conserves. »', recordedBy: { displayName: 'Alice Assistante' } });
    tasks = (await team.must(team.cesf.token, 'tasks:mine', {})).items.filter((t) => t.module === 'collectif');
    expect(tasks).toEqual([]);
    now = NOW;
    team.refresh();
  });

  it('gives table 9 of the activity report: actions, sessions, participants, attendance, per year and per lead', async () => {
    const s = await team.must(team.resp.token, 'stats:period', { from: '2026-01-01', to: '2026-12-31' });
    const f = Object.fromEntries(s.modules.find((m) => m.module === 'collectif')!.figures.map((x) => [x.key, x.value]));
    // Two actions with sessions: 4 + 2. Named and present: Léa only (Marc's presences went to the
    // anonymous counts when he withdrew); anonymous: 4 (atelier) + 0 (sortie); Léa present 2 of 3 marks.
    expect(f['collectif.actions']).toBe(2);
    expect(f['collectif.sessions']).toBe(6);
    expect(f['collectif.named']).toBe(1);
    expect(f['collectif.anonymous']).toBe(4);
    expect(f['collectif.participants']).toBe(5);
    expect(f['collectif.presences']).toBe(13);
    expect(f['collectif.attendanceRate']).toBe(67);
    expect(f['collectif.sessions.year_2026']).toBe(6);
    expect(f[`collectif.actions.user_${team.ass.id}`]).toBe(2);
    expect(f[`collectif.actions.user_${team.cesf.id}`]).toBe(1);
    expect(f[`collectif.sessions.user_${team.cesf.id}`]).toBe(4);
    const before = await team.must(team.resp.token, 'stats:period', { from: '2025-01-01', to: '2025-12-31' });
    expect(before.modules.find((m) => m.module === 'collectif')!.figures.find((x) => x.key === 'collectif.actions')!.value).toBe(0);
  });

  it('puts a participation in the person’s right-of-access export', async () => {
    const file = await team.must(team.resp.token, 'persons:export', { id: lea, format: 'json' });
    const json = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString()) as { parts: { title: string; entries: { heading: string; fields: { label: string; value: string }[] }[] }[] };
    const part = json.parts.find((p) => p.title === 'Actions collectives')!;
    expect(part.entries).toEqual([
      {
        heading: 'Atelier cuisine et budget',
        fields: [
          { label: 'Accord pour participer', value: '02/11/2026 (écrit)' },
          { label: 'Séances suivies', value: '2 sur 4' },
        ],
      },
    ]);
  });

  it('follows a person merged into another, and goes with a person without a file deleted at the end of retention', async () => {
    const twin = (
      await team.must(team.sec.token, 'persons:create', {
        birthName: 'Martin',
        firstNames: 'Lea',
        birthDate: '1985-04-02',
        household: { address: '3 rue Basse', communeInsee: '82121', role: 'demandeur' },
        confirmNotDuplicate: true,
      })
    ).person.id;
    await team.must(team.resp.token, 'persons:merge', { keepId: twin, absorbId: lea });
    const merged = await team.must(team.ass.token, 'collectif:participants', { actionId });
    expect(merged.participants.find((p) => p.name.startsWith('MARTIN'))!.personId).toBe(twin);

    // More than two years after the last session: the persons without a DSU may be deleted, their participation with them.
    now = new Date(2029, 0, 15, 9, 0);
    team.refresh();
    const due = await team.must(team.resp.token, 'persons:retention', {});
    expect(JSON.stringify(due)).toContain('ROUX');
    await team.must(team.resp.token, 'persons:purge', { ids: [marc] });
    const left = await team.must(team.ass.token, 'collectif:participants', { actionId });
    expect(left.participants.map((p) => p.name)).toEqual(['MARTIN Lea']);
    now = NOW;
    team.refresh();
  });
});

