import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTeam, register, type Team, refusedUnchanged } from '../../../tests/helpers/team';

let team: Team;
const NOW = new Date(2026, 10, 23, 9, 0); // Monday 23 November 2026
const ids = { mother: 0, child: 0, sibling: 0, adult: 0, household: 0, ip: 0, is: 0 };
let cesf2: { id: number; token: string };

beforeAll(async () => {
  team = await newTeam(() => NOW);
  cesf2 = await team.userWith('cesf2', ['cesf'], 'Denise Deuxième');
  const mother = await register(team, { birthName: 'Fabre', firstNames: 'Nadia', birthDate: '1988-05-14', sex: 'F' });
  ids.mother = mother.person.id;
  ids.household = mother.household!.id;
  const child = await team.must(team.sec.token, 'persons:create', { birthName: 'Fabre', firstNames: 'Lina', sex: 'F', birthDate: '2016-03-09', household: { existingId: ids.household, role: 'enfant' }, confirmNotDuplicate: true });
  ids.child = child.person.id;
  const sibling = await team.must(team.sec.token, 'persons:create', { birthName: 'Fabre', firstNames: 'Noé', sex: 'M', birthDate: '2020-07-01', household: { existingId: ids.household, role: 'enfant' }, confirmNotDuplicate: true });
  ids.sibling = sibling.person.id;
  ids.adult = (await register(team, { birthName: 'Roux', firstNames: 'Marcel', birthDate: '1938-01-20', sex: 'M' })).person.id;
});
afterAll(() => team?.app.close());

const refused = (token: string, c: Parameters<Team['call']>[1], input: unknown) => refusedUnchanged(team, token, c, input);

const intake = () => ({
  kind: 'ip' as const,
  receivedOn: '2026-11-02',
  origin: 'education_nationale' as const,
  cellReference: 'CRIP82-2026-0412',
  facts: 'Absences répétées, fatigue en classe.',
  concerned: [ids.child],
  otherMinors: [ids.sibling],
  team: [{ userId: team.ass.id }, { userId: team.cesf.id }, { externalName: 'Mme Delmas', externalRole: 'crip' as const }],
});

describe('an information préoccupante', () => {
  it('is received and assigned by a responsable only, with the children and every other minor of the home', async () => {
    expect((await refused(team.ass.token, 'protection:save', intake())).code).toBe('forbidden');
    const e = await team.must(team.resp.token, 'protection:save', intake());
    ids.ip = e.id;
    expect(e.persons.map((p) => [p.name, p.role, p.age])).toEqual([
      ['FABRE Lina', 'concerne', 10],
      ['FABRE Noé', 'autre_mineur', 6],
    ]);
    expect(e.members.map((m) => `${m.name} (${m.role})`)).toEqual(['Alice Assistante (ASS)', 'Claire Conseillère (CESF)', 'Mme Delmas (CRIP)']);
    expect(e.due).toMatchObject({ due: '2027-02-02', daysLeft: 71 });
    expect(e.due!.article).toMatch(/D226-2-3/);
    expect(e.status).toBe('en_cours');
  });

  it('refuses, writing nothing, an unknown person, an adult as a child, a team without two professionals or without an ASS/CESF of the MDS', async () => {
    const r = team.resp.token;
    expect((await refused(r, 'protection:save', { ...intake(), concerned: [9999] })).message).toMatch(/n’existe pas/);
    expect((await refused(r, 'protection:save', { ...intake(), concerned: [ids.mother], otherMinors: [] })).message).toMatch(/avait 38 ans.*information signalante/);
    expect((await refused(r, 'protection:save', { ...intake(), team: [{ userId: team.ass.id }] })).message).toMatch(/deux professionnels au moins/);
    expect((await refused(r, 'protection:save', { ...intake(), team: [{ externalName: 'A', externalRole: 'crip' }, { externalName: 'B', externalRole: 'pmi' }] })).message).toMatch(/au moins une assistante/);
    expect((await refused(r, 'protection:save', { ...intake(), team: [{ userId: team.sec.id }, { userId: team.ass.id }] })).message).toMatch(/compte actif/);
    expect((await refused(r, 'protection:save', { ...intake(), team: [{ userId: 9999 }, { userId: team.ass.id }] })).message).toMatch(/compte actif/);
    expect((await refused(r, 'protection:save', { ...intake(), otherMinors: [ids.child] })).message).toMatch(/deux fois/);
    expect((await refused(r, 'protection:save', { ...intake(), receivedOn: '2026-12-01' })).message).toMatch(/dans le futur/);
    expect((await refused(r, 'protection:save', { ...intake(), team: [{ userId: team.ass.id }, { externalName: 'Inf', externalRole: 'infirmiere_prevention_adulte' }] })).message).toMatch(/CRIP, la PMI/);
  });

  it('shows nothing, not even its existence, to an ASS or a CESF not on its team: the same « introuvable » as an unknown id', async () => {
    const unknown = await refused(team.ass2.token, 'protection:get', { id: 9999 });
    for (const token of [team.ass2.token, cesf2.token]) {
      expect(await refused(token, 'protection:get', { id: ids.ip })).toEqual(unknown);
      expect((await refused(token, 'protection:report', { id: ids.ip })).message).toBe(unknown.message);
      expect((await refused(token, 'protection:addEntry', { evaluationId: ids.ip, occurredOn: '2026-11-10', type: 'vad', summary: 'x' })).message).toBe(unknown.message);
      expect(await team.must(token, 'protection:list', {})).toEqual([]);
    }
    for (const token of [team.sec.token, team.adminToken]) expect((await refused(token, 'protection:get', { id: ids.ip })).code).toBe('forbidden');
    expect((await team.must(team.ass.token, 'protection:list', {})).map((e) => e.id)).toEqual([ids.ip]);
    expect((await team.must(team.resp.token, 'protection:list', {})).map((e) => e.label)).toEqual(['FABRE Lina']);
  });

  it('tells only the social team that an evaluation changed: not the front desk nor the admin', async () => {
    const heard: (string | null)[] = [];
    const listen = (token: string | null, name: string) => name === 'data:changed' && heard.push(token);
    team.app.bus.on('event', listen);
    await team.must(team.resp.token, 'protection:save', { ...intake(), id: ids.ip });
    team.app.bus.off('event', listen);
    expect(heard).not.toContain(null);
    expect(heard).toContain(team.ass.token);
    expect(heard).toContain(team.resp.token);
    expect(heard).not.toContain(team.sec.token);
    expect(heard).not.toContain(team.adminToken);
  });

  it('audits every read', async () => {
    const count = () => (team.app.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'protection.read' AND entity_id = ?").get(String(ids.ip)) as { n: number }).n;
    const before = count();
    await team.must(team.cesf.token, 'protection:get', { id: ids.ip });
    await team.must(team.resp.token, 'protection:get', { id: ids.ip });
    expect(count()).toBe(before + 2);
  });

  it('goes on the due list of both evaluators and of the responsable, with the days left, and of no one else', async () => {
    await team.must(team.adminToken, 'admin:saveSettings', { idleLockMinutes: 10, tasksNoticeDays: 90 });
    for (const token of [team.ass.token, team.cesf.token, team.resp.token]) {
      const t = await team.must(token, 'tasks:mine', {});
      expect(t.items.filter((i) => i.module === 'protection')).toEqual([
        expect.objectContaining({ kind: 'evaluationIp', due: '2027-02-02', label: 'IP — FABRE Lina (71 jours restants)', href: `#/protection/${ids.ip}` }),
      ]);
    }
    for (const token of [team.ass2.token, cesf2.token, team.sec.token]) expect((await team.must(token, 'tasks:mine', {})).items.filter((i) => i.module === 'protection')).toEqual([]);
  });

  it('records the parents informed or why not, the protected journal, the report by domain, the danger and the proposals', async () => {
    const a = team.ass.token;
    expect((await refused(a, 'protection:setParents', { id: ids.ip })).message).toMatch(/contraire à l’intérêt de l’enfant/);
    expect((await refused(a, 'protection:setParents', { id: ids.ip, informedOn: '2026-11-05' })).message).toMatch(/manière/);
    expect((await refused(a, 'protection:setParents', { id: ids.ip, informedOn: '2026-10-05', informedHow: 'courrier' })).message).toMatch(/précède la réception/);
    let e = await team.must(a, 'protection:setParents', { id: ids.ip, informedOn: '2026-11-05', informedHow: 'courrier' });
    expect(e.informedOn).toBe('2026-11-05');
    e = await team.must(team.cesf.token, 'protection:addEntry', { evaluationId: ids.ip, occurredOn: '2026-11-12', type: 'vad', summary: 'Visite à domicile en binôme : logement encombré.' });
    expect(e.journal.map((j) => [j.type, j.recordedBy.displayName])).toEqual([['vad', 'Claire Conseillère']]);
    expect((await refused(a, 'protection:markSent', { id: ids.ip, sentOn: '2026-11-20' })).message).toMatch(/il manque l’évaluation du danger, au moins une proposition/);
    expect((await refused(a, 'protection:saveReport', { id: ids.ip, domains: {}, dangerLevel: 'danger', dangerKinds: [], proposals: [] })).message).toMatch(/au moins une/);
    expect((await refused(a, 'protection:saveReport', { id: ids.ip, domains: {}, dangerLevel: 'risque_danger', dangerKinds: ['negligences'], proposals: ['cloture', 'aed'] })).message).toMatch(/clôture/);
    e = await team.must(a, 'protection:saveReport', {
      id: ids.ip,
      domains: { besoins: 'Besoins de sécurité partiellement couverts.', point_de_vue_enfant: 'Lina dit être fatiguée le matin.' },
      dangerLevel: 'risque_danger',
      dangerKinds: ['negligences', 'conditions_education'],
      proposals: ['aed', 'tisf'],
      proposalsNote: 'Les parents adhèrent à une aide éducative.',
    });
    expect(e.reportBy?.displayName).toBe('Alice Assistante');
    e = await team.must(a, 'protection:saveReport', { id: ids.ip, domains: { environnement: 'Famille isolée.' }, dangerLevel: 'risque_danger', dangerKinds: ['negligences', 'conditions_education'], proposals: ['aed', 'tisf'] });
    expect(e.domains).toMatchObject({ besoins: 'Besoins de sécurité partiellement couverts.', environnement: 'Famille isolée.', point_de_vue_enfant: 'Lina dit être fatiguée le matin.' });
    expect(e.missing).toEqual([]);
  });

  it('keeps its journal out of every DSU', async () => {
    const dsu = await team.must(team.ass.token, 'dsu:open', { householdId: ids.household, referentId: team.ass.id });
    const got = JSON.stringify([await team.must(team.ass.token, 'dsu:get', { id: dsu.id }), await team.must(team.ass.token, 'dsu:journal', { id: dsu.id, beforeId: 1_000_000 })]);
    expect(got).not.toMatch(/logement encombré|fatiguée/);
  });

  it('prints the report as a tagged French PDF and, once sent, the responsable announces the proposals', async () => {
    const pdf = await team.must(team.cesf.token, 'protection:report', { id: ids.ip });
    const bytes = Buffer.from(pdf.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/StructTreeRoot/);
    expect(bytes.toString('latin1')).toMatch(/\/Lang \(fr-FR\)/);
    expect((await refused(team.resp.token, 'protection:announce', { id: ids.ip, announcedOn: '2026-11-21' })).message).toMatch(/envoi du rapport/);
    let e = await team.must(team.ass.token, 'protection:markSent', { id: ids.ip, sentOn: '2026-11-20' });
    expect(e.status).toBe('rapport_envoye');
    expect((await refused(team.ass.token, 'protection:saveReport', { id: ids.ip, domains: {}, proposals: ['cloture'] })).message).toMatch(/ne se modifie plus/);
    expect((await refused(team.ass.token, 'protection:announce', { id: ids.ip, announcedOn: '2026-11-21' })).code).toBe('forbidden');
    expect((await refused(team.resp.token, 'protection:announce', { id: ids.ip, announcedOn: '2026-11-19' })).message).toMatch(/précède l’envoi/);
    e = await team.must(team.resp.token, 'protection:announce', { id: ids.ip, announcedOn: '2026-11-23', note: 'Parents reçus avec Lina.' });
    expect(e.status).toBe('annonce');
    expect((await team.must(team.ass.token, 'tasks:mine', {})).items.filter((i) => i.module === 'protection')).toEqual([]);
    expect((await team.must(team.ass.token, 'protection:list', { done: true })).map((x) => x.id)).toEqual([ids.ip]);
  });

  it('gives an anonymised statistics sheet: no name, birth date nor address of anyone, in CSV or XLSX', async () => {
    const csv = Buffer.from((await team.must(team.ass.token, 'protection:sheet', { id: ids.ip, format: 'csv' })).contentBase64, 'base64').toString('utf8');
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toContain('"Âges des personnes concernées (ans, à la réception)"');
    expect(row).toContain('"Information préoccupante";2026;11;"Éducation nationale";1;"10";"F";1;"6";1;3;"Oui";"Risque de danger"');
    expect(row).toContain(';18;21;92;');
    const xlsx = Buffer.from((await team.must(team.resp.token, 'protection:sheets', { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' })).contentBase64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String).join('|');
    expect(cells).toContain('Aide éducative à domicile');
    const forbidden = ['Fabre', 'FABRE', 'Lina', 'Noé', 'Nadia', '2016-03-09', '09/03/2016', '2020-07-01', '1988-05-14', 'République', 'CRIP82-2026-0412', 'Delmas', 'Alice', 'Claire', 'fatiguée', 'encombré', 'Absences'];
    for (const text of [csv, cells]) for (const f of forbidden) expect(text, f).not.toContain(f);
    for (const f of forbidden) expect(xlsx.toString('latin1'), f).not.toContain(f);
  });

  it('is closed once announced', async () => {
    expect((await refused(team.ass.token, 'protection:addEntry', { evaluationId: ids.ip, occurredOn: '2026-11-23', type: 'synthese', summary: 'x' })).code).toBe('read_only');
  });
});

describe('an information signalante (PA/PH)', () => {
  it('concerns an adult, in binôme with the infirmière prévention adulte or the référent autonomie, its due date the cell’s', async () => {
    const base = { kind: 'is' as const, receivedOn: '2026-11-16', origin: 'voisinage' as const, concerned: [ids.adult], team: [{ userId: team.ass.id }, { externalName: 'Mme Py', externalRole: 'infirmiere_prevention_adulte' as const }] };
    expect((await refused(team.resp.token, 'protection:save', { ...base, concerned: [ids.child] })).message).toMatch(/avait 10 ans.*information préoccupante/);
    expect((await refused(team.resp.token, 'protection:save', { ...base, team: [{ userId: team.ass.id }, { externalName: 'X', externalRole: 'crip' }] })).message).toMatch(/infirmière prévention adulte/);
    let e = await team.must(team.resp.token, 'protection:save', base);
    ids.is = e.id;
    expect(e.due).toBeNull();
    e = await team.must(team.resp.token, 'protection:save', { ...base, id: e.id, delayDays: 30 });
    expect(e.due).toMatchObject({ due: '2026-12-16', daysLeft: 23 });
    expect((await refused(team.ass.token, 'protection:saveReport', { id: e.id, domains: {}, dangerLevel: 'danger', dangerKinds: ['maltraitance_financiere'], proposals: ['aed'] })).message).toMatch(/concernent un enfant/);
    e = await team.must(team.ass.token, 'protection:saveReport', { id: e.id, domains: { besoins: 'Aide au repas.' }, dangerLevel: 'danger', dangerKinds: ['maltraitance_financiere'], proposals: ['mesure_protection_majeur'] });
    expect(e.proposals).toEqual(['mesure_protection_majeur']);
  });
});

describe('the activity report and the right of access', () => {
  it('counts evaluations against all received (tables 7 and 8), the received count recorded by the responsable', async () => {
    await team.must(team.resp.token, 'protection:setReceived', { year: 2026, kind: 'ip', count: 662 });
    const s = await team.must(team.resp.token, 'stats:period', { from: '2026-01-01', to: '2026-12-31' });
    const figures = Object.fromEntries(s.modules.find((m) => m.module === 'protection')!.figures.map((f) => [f.key, f.value]));
    expect(figures).toMatchObject({ 'protection.ip.evaluated': 1, 'protection.ip.evaluated.ass': 1, 'protection.ip.evaluated.cesf': 1, 'protection.ip.received': 662, 'protection.is.evaluated': 1, 'protection.is.received': 1 });
  });

  it('leaves the evaluations out of a person’s export until a responsable decides to include one, and then says so', async () => {
    const exportOf = async () => Buffer.from((await team.must(team.resp.token, 'persons:export', { id: ids.child, format: 'json' })).contentBase64, 'base64').toString('utf8');
    expect(await exportOf()).not.toMatch(/préoccupante|fatiguée|Besoins de sécurité/);
    expect((await refused(team.ass.token, 'protection:includeInExport', { id: ids.ip, reason: 'Demande' })).code).toBe('forbidden');
    await team.must(team.resp.token, 'protection:includeInExport', { id: ids.ip, reason: 'Demande de la mère, avis du responsable favorable' });
    const text = await exportOf();
    expect(text).toContain('Décidée par Rémi Responsable le 23/11/2026 : Demande de la mère, avis du responsable favorable');
    expect(text).toContain('Besoins de sécurité partiellement couverts.');
  });
});

describe('a merge of two records of the same person', () => {
  it('moves the evaluation’s links to the record kept, each person shown once, and the undo moves them back', async () => {
    const twin = await team.must(team.resp.token, 'persons:create', { birthName: 'Fabre', firstNames: 'Lina', birthDate: '2016-03-09', household: { existingId: ids.household, role: 'enfant' }, confirmNotDuplicate: true });
    const e = await team.must(team.resp.token, 'protection:save', { kind: 'ip', receivedOn: '2026-11-20', origin: 'anonyme', concerned: [ids.child], otherMinors: [twin.person.id, ids.sibling], team: [{ userId: team.ass.id }, { userId: team.cesf.id }] });
    const { mergeId } = await team.must(team.resp.token, 'persons:merge', { keepId: ids.child, absorbId: twin.person.id });
    let got = await team.must(team.ass.token, 'protection:get', { id: e.id });
    expect(got.persons.map((p) => [p.id, p.role])).toEqual([
      [ids.child, 'concerne'],
      [ids.sibling, 'autre_mineur'],
    ]);
    await team.must(team.resp.token, 'persons:unmerge', { mergeId });
    got = await team.must(team.ass.token, 'protection:get', { id: e.id });
    expect(got.persons.map((p) => p.id).sort((a, b) => a - b)).toEqual([ids.child, twin.person.id, ids.sibling].sort((a, b) => a - b));
  });
});
