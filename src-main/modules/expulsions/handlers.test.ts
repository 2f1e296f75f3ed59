import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTeam, refusedUnchanged, register, type Team } from '../../../tests/helpers/team';
import { secours } from '../../../tests/helpers/aides';

let team: Team;
let dsuId: number;
let caseId: number;
let personId: number;
const NOW = new Date(2026, 10, 23, 9, 0); // Monday 23 November 2026

beforeAll(async () => {
  team = await newTeam(() => NOW);
  const p = await register(team, { birthName: 'Lambert', firstNames: 'Nadia', birthDate: '1985-04-12' });
  personId = p.person.id;
  dsuId = (await team.must(team.cesf.token, 'dsu:open', { householdId: p.household!.id, referentId: team.cesf.id })).id;
});
afterAll(() => team?.app.close());

const refused = (token: string, c: Parameters<Team['call']>[1], input: unknown) => refusedUnchanged(team, token, c, input);

describe('an eviction prevention case', () => {
  it('opens from the DSU with its landlord from the directory; only a social worker holding the DSU opens it', async () => {
    const c = await team.must(team.cesf.token, 'expulsions:open', { dsuId, landlordKind: 'personne_morale', landlordPartnerId: team.partners.bailleur, leaseSigned: '2024-03-01', rentCents: 52_000, chargesCents: 6_000, dwelling: '12 rue de la Résistance, Montauban' });
    caseId = c.id;
    expect(c.landlordName).toBe('Tarn-et-Garonne Habitat — Gestion locative');
    expect(c.household).toMatch(/LAMBERT Nadia/i);
    expect(c.referent.displayName).toBe('Claire Conseillère');
    expect(c.canWrite).toBe(true);
    expect(c.dates).toEqual([]);
    const base = { dsuId, landlordKind: 'personne_physique', landlordName: 'M. Rivière', rentCents: 1 };
    expect((await refused(team.sec.token, 'expulsions:open', base)).code).toBe('forbidden');
    expect((await refused(team.adminToken, 'expulsions:get', { id: caseId })).code).toBe('forbidden');
    expect((await refused(team.ass2.token, 'expulsions:open', base)).code).toBe('exceptional_access_required');
    expect((await refused(team.cesf.token, 'expulsions:open', { ...base, dsuId: 999 })).message).toMatch(/n’existe pas/);
    expect((await refused(team.cesf.token, 'expulsions:open', base)).message).toBe(
      'Un dossier de prévention des expulsions est déjà ouvert pour ce foyer, suivi par Claire Conseillère depuis le 23/11/2026 : complétez-le.',
    );
  });

  it('refuses an unknown landlord, a missing one, a future lease, in French and with nothing written', async () => {
    const base = { caseId, landlordKind: 'personne_morale', rentCents: 52_000 };
    expect((await refused(team.cesf.token, 'expulsions:saveCase', { ...base, landlordPartnerId: 9999 })).message).toMatch(/pas \(ou plus\) dans l’annuaire/);
    expect((await refused(team.cesf.token, 'expulsions:saveCase', base)).message).toMatch(/^Bailleur : choisissez-le/);
    expect((await refused(team.cesf.token, 'expulsions:saveCase', { ...base, landlordName: 'X', leaseSigned: '2027-01-01' })).message).toMatch(/bail : le 01\/01\/2027 est dans le futur/);
    expect((await refused(team.cesf.token, 'expulsions:saveCase', { ...base, landlordName: 'X', landlordKind: 'banque' })).message).toMatch(/Type de bailleur/);
    expect((await refused(team.cesf.token, 'expulsions:saveCase', { ...base, landlordName: 'X', rentCents: -5 })).message).toMatch(/Loyer : un montant ne peut pas être négatif/);
  });

  it('keeps the rent debt as a dated series, in the order of its days', async () => {
    await team.must(team.cesf.token, 'expulsions:addDebt', { caseId, day: '2026-06-30', amountCents: 104_000 });
    await team.must(team.cesf.token, 'expulsions:addDebt', { caseId, day: '2026-03-31', amountCents: 52_000 });
    const c = await team.must(team.cesf.token, 'expulsions:addDebt', { caseId, day: '2026-09-30', amountCents: 180_000 });
    expect(c.debts.map((d) => [d.day, d.amountCents])).toEqual([
      ['2026-03-31', 52_000],
      ['2026-06-30', 104_000],
      ['2026-09-30', 180_000],
    ]);
    expect(c.debtCents).toBe(180_000);
    expect((await refused(team.cesf.token, 'expulsions:addDebt', { caseId, day: '2026-12-31', amountCents: 1 })).message).toMatch(/dans le futur/);
    expect((await refused(team.cesf.token, 'expulsions:addDebt', { caseId: 9999, day: '2026-11-01', amountCents: 1 })).code).toBe('not_found');
  });

  it('records each stage with its actor and document, and shows the dates that follow with their rule and article', async () => {
    let c = await team.must(team.cesf.token, 'expulsions:addStage', { caseId, kind: 'commandement_payer', day: '2026-09-01', actor: 'SCP Huissiers du Quercy', reference: 'Acte 2026-0912' });
    expect(c.stages[0]).toMatchObject({ kind: 'commandement_payer', actor: 'SCP Huissiers du Quercy', reference: 'Acte 2026-0912', recordedBy: { displayName: 'Claire Conseillère' } });
    const payer = c.dates.find((d) => d.kind === 'fin_commandement_payer')!;
    // Lease signed in 2024: six weeks from the commandement, same weekday.
    expect(payer.due).toBe('2026-10-13');
    expect(payer.rule).toMatch(/6 semaines/);
    expect(payer.article).toMatch(/art\. 24 I/);
    c = await team.must(team.cesf.token, 'expulsions:addStage', { caseId, kind: 'assignation', day: '2026-10-20', hearing: '2027-01-20', actor: 'SCP Huissiers du Quercy' });
    expect(c.dates.find((d) => d.kind === 'notification_prefet')!.due).toBe('2026-12-09');
    c = await team.must(team.cesf.token, 'expulsions:addStage', { caseId, kind: 'commandement_quitter_lieux', day: '2026-09-15', actor: 'SCP Huissiers du Quercy' });
    const expulsion = c.dates.find((d) => d.kind === 'expulsion_possible')!;
    expect(expulsion).toMatchObject({ due: '2027-04-01', treve: true });
    expect(expulsion.article).toMatch(/L412-6/);
    expect(c.stages.map((s) => s.kind)).toEqual(['commandement_payer', 'commandement_quitter_lieux', 'assignation']);
    expect(c.nextDate?.kind).toBe('notification_prefet');
  });

  it('refuses a stage in the future, a field the stage does not take, délais out of bounds, with nothing written', async () => {
    expect((await refused(team.cesf.token, 'expulsions:addStage', { caseId, kind: 'jugement', day: '2026-12-15' })).message).toBe('Jugement : le 15/12/2026 est dans le futur. Indiquez une date passée ou celle d’aujourd’hui.');
    expect((await refused(team.cesf.token, 'expulsions:addStage', { caseId, kind: 'commandement_payer', day: '2026-11-01', hearing: '2027-01-01' })).message).toMatch(/la date d’audience ne s’indique que pour assignation/);
    expect((await refused(team.cesf.token, 'expulsions:addStage', { caseId, kind: 'jugement', day: '2026-11-01', graceMonths: 200 })).message).toMatch(/Délais de grâce : 120 mois au plus/);
    // Within the schema's bounds but beyond the law's (délais de grâce: 12 months at most): the rules refuse.
    expect((await refused(team.cesf.token, 'expulsions:addStage', { caseId, kind: 'jugement', day: '2026-11-01', graceMonths: 24 })).message).toMatch(/délais de grâce/i);
    expect((await refused(team.cesf.token, 'expulsions:addStage', { caseId, kind: 'expulsion_rapide', day: '2026-11-01' })).message).toMatch(/étape de la procédure/);
  });

  it('lets the responsable read but not write, audits every read, and tells the front desk only that a case exists', async () => {
    const c = await team.must(team.resp.token, 'expulsions:get', { id: caseId });
    expect(c.canWrite).toBe(false);
    expect((await refused(team.resp.token, 'expulsions:addDebt', { caseId, day: '2026-11-01', amountCents: 1 })).code).toBe('forbidden');
    const reads = team.app.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'expulsions.read' AND entity_id = ?").get(String(caseId)) as { n: number };
    expect(reads.n).toBeGreaterThanOrEqual(1);
    expect(await team.must(team.sec.token, 'expulsions:exists', { dsuId })).toEqual([{ followedBy: 'Claire Conseillère', openedOn: '2026-11-23' }]);
    expect((await refused(team.sec.token, 'expulsions:get', { id: caseId })).code).toBe('forbidden');
    expect((await refused(team.sec.token, 'expulsions:forDsu', { dsuId })).code).toBe('forbidden');
  });

  it('lists the open cases with their next date and feeds « Mes échéances »', async () => {
    const list = await team.must(team.cesf.token, 'expulsions:list', {});
    expect(list.map((c) => [c.id, c.stage, c.nextDate?.kind, c.debtCents])).toEqual([[caseId, 'assignation', 'notification_prefet', 180_000]]);
    expect((await team.must(team.resp.token, 'expulsions:list', {})).map((c) => c.id)).toEqual([caseId]);
    expect(await team.must(team.ass2.token, 'expulsions:list', {})).toEqual([]);
    const tasks = (await team.must(team.cesf.token, 'tasks:mine', {})).items;
    expect(tasks.filter((t) => t.module === 'expulsions').map((t) => [t.kind, t.due, t.href])).toContainEqual(['notification_prefet', '2026-12-09', `#/expulsions/${caseId}`]);
    expect((await team.must(team.ass2.token, 'tasks:mine', {})).items.filter((t) => t.module === 'expulsions')).toEqual([]);
  });

  it('links an aid request of the household both ways, and refuses one of another household or already linked', async () => {
    const aid = await team.must(team.cesf.token, 'aid:save', secours({ dsuId, personId }, { object: 'Maintien dans le logement (FSL)' }));
    const other = await register(team, { birthName: 'Morel', firstNames: 'Yves', birthDate: '1970-01-01' });
    const otherDsu = (await team.must(team.cesf.token, 'dsu:open', { householdId: other.household!.id, referentId: team.cesf.id })).id;
    const foreign = await team.must(team.cesf.token, 'aid:save', secours({ dsuId: otherDsu, personId: other.person.id }));
    let c = await team.must(team.cesf.token, 'expulsions:get', { id: caseId });
    expect(c.aidChoices.map((a) => a.id)).toEqual([aid.id]);
    expect(await team.must(team.cesf.token, 'expulsions:forAid', { aidId: aid.id })).toEqual([]);
    c = await team.must(team.cesf.token, 'expulsions:linkAid', { caseId, aidId: aid.id });
    expect(c.aids).toEqual([expect.objectContaining({ id: aid.id, number: aid.number, status: 'brouillon' })]);
    expect(c.aidChoices).toEqual([]);
    expect(await team.must(team.resp.token, 'expulsions:forAid', { aidId: aid.id })).toEqual([{ caseId, openedOn: '2026-11-23', referent: 'Claire Conseillère', stage: 'assignation' }]);
    expect((await refused(team.cesf.token, 'expulsions:linkAid', { caseId, aidId: aid.id })).message).toBe(`La demande ${aid.number} est déjà liée à ce dossier.`);
    expect((await refused(team.cesf.token, 'expulsions:linkAid', { caseId, aidId: foreign.id })).message).toMatch(/n’est pas une demande de ce foyer/);
    expect((await refused(team.cesf.token, 'expulsions:linkAid', { caseId, aidId: 99_999 })).code).toBe('not_found');
    expect((await refused(team.cesf.token, 'expulsions:forAid', { aidId: 99_999 })).code).toBe('not_found');
    expect((await refused(team.ass2.token, 'expulsions:forAid', { aidId: aid.id })).code).toBe('exceptional_access_required');
  });

  it('records the outcome and closes the case; the activity report counts stages reached and outcomes, per professional', async () => {
    const stats = async () => (await team.must(team.resp.token, 'stats:period', { from: '2026-11-01', to: '2026-11-30' })).modules.find((m) => m.module === 'expulsions')!.figures;
    const value = (figures: { key: string; value: number }[], key: string) => figures.find((f) => f.key === key)?.value;
    let figures = await stats();
    expect(value(figures, 'expulsions.opened')).toBe(1);
    expect(value(figures, 'expulsions.stage.assignation')).toBe(1);
    expect(value(figures, `expulsions.stage.assignation.user_${team.cesf.id}`)).toBe(1);
    expect(value(figures, 'expulsions.outcome.relogement')).toBe(0);
    expect((await refused(team.cesf.token, 'expulsions:setOutcome', { caseId, outcome: 'relogement', day: '2026-12-01' })).message).toMatch(/dans le futur/);
    expect((await refused(team.cesf.token, 'expulsions:setOutcome', { caseId, outcome: 'relogement', day: '2026-11-01' })).message).toBe('Date de l’issue : le 01/11/2026 précède l’ouverture du dossier le 23/11/2026.');
    expect((await refused(team.cesf.token, 'expulsions:setOutcome', { caseId, outcome: 'disparu', day: '2026-11-23' })).message).toMatch(/Issue : maintien avec plan/);
    expect((await refused(team.resp.token, 'expulsions:setOutcome', { caseId, outcome: 'relogement', day: '2026-11-23' })).code).toBe('forbidden');
    const c = await team.must(team.cesf.token, 'expulsions:setOutcome', { caseId, outcome: 'relogement', day: '2026-11-23' });
    expect(c).toMatchObject({ status: 'clos', outcome: 'relogement', closedOn: '2026-11-23' });
    expect((await refused(team.cesf.token, 'expulsions:setOutcome', { caseId, outcome: 'fsl', day: '2026-11-23' })).message).toBe('Ce dossier est déjà clos (relogement, le 23/11/2026) : son historique est conservé, rien ne s’y ajoute.');
    expect((await refused(team.cesf.token, 'expulsions:addDebt', { caseId, day: '2026-11-23', amountCents: 1 })).code).toBe('read_only');
    expect((await team.must(team.cesf.token, 'expulsions:get', { id: caseId })).canWrite).toBe(false);
    expect(await team.must(team.cesf.token, 'expulsions:list', {})).toEqual([]);
    expect((await team.must(team.cesf.token, 'expulsions:list', { closed: true })).map((x) => x.id)).toEqual([caseId]);
    expect(await team.must(team.sec.token, 'expulsions:exists', { dsuId })).toEqual([]);
    figures = await stats();
    expect(value(figures, 'expulsions.outcome.relogement')).toBe(1);
    expect(value(figures, `expulsions.outcome.relogement.user_${team.cesf.id}`)).toBe(1);
    expect(figures.find((f) => f.key === 'expulsions.outcome.relogement')!.label).toBe('Dossiers d’expulsion clos par relogement dans la période');
  });
});

describe('a hearing held with no judgment recorded', () => {
  it('stays in « Mes échéances », overdue, until the judgment is recorded', async () => {
    const p = await register(team, { birthName: 'Vidal', firstNames: 'Marc', birthDate: '1979-02-03' });
    const dsu = (await team.must(team.cesf.token, 'dsu:open', { householdId: p.household!.id, referentId: team.cesf.id })).id;
    const id = (await team.must(team.cesf.token, 'expulsions:open', { dsuId: dsu, landlordKind: 'personne_physique', landlordName: 'M. Rivière', leaseSigned: '2023-05-01', rentCents: 48_000 })).id;
    await team.must(team.cesf.token, 'expulsions:addStage', { caseId: id, kind: 'assignation', day: '2026-08-20', hearing: '2026-11-05' });
    const mine = async () => (await team.must(team.cesf.token, 'tasks:mine', {})).items.filter((t) => t.href.startsWith(`#/expulsions/${id}`)).map((t) => [t.kind, t.due, t.href]);
    expect(await mine()).toContainEqual(['jugement_attendu', '2026-11-05', `#/expulsions/${id}/procedure`]);
    await team.must(team.cesf.token, 'expulsions:addStage', { caseId: id, kind: 'jugement', day: '2026-11-19' });
    expect((await mine()).map(([kind]) => kind)).not.toContain('jugement_attendu');
  });
});
