import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../tests/helpers/tmp';
import { newTeam, register, type Team, refusedUnchanged } from '../../../tests/helpers/team';

let team: Team;
let dsuId: number;
let fileId: number;
const NOW = new Date(2026, 10, 23, 9, 0); // Monday 23 November 2026

beforeAll(async () => {
  team = await newTeam(() => NOW);
  const p = await register(team, { birthName: 'Garnier', firstNames: 'Sylvie', birthDate: '1980-02-02' });
  dsuId = (await team.must(team.cesf.token, 'dsu:open', { householdId: p.household!.id, referentId: team.cesf.id })).id;
});
afterAll(() => team?.app.close());

const refused = (token: string, c: Parameters<Team['call']>[1], input: unknown) => refusedUnchanged(team, token, c, input);

describe('an overindebtedness file', () => {
  it('opens from the DSU, followed by the CESF, and only a social worker holding the DSU may open it', async () => {
    const f = await team.must(team.cesf.token, 'surendettement:open', { dsuId });
    fileId = f.id;
    expect(f.referent.displayName).toBe('Claire Conseillère');
    expect(f.household).toMatch(/GARNIER Sylvie/i);
    expect(f.status).toBe('ouvert');
    expect(f.canWrite).toBe(true);
    expect((await refused(team.sec.token, 'surendettement:open', { dsuId })).code).toBe('forbidden');
    expect((await refused(team.adminToken, 'surendettement:get', { id: fileId })).code).toBe('forbidden');
    expect((await refused(team.ass2.token, 'surendettement:open', { dsuId })).code).toBe('exceptional_access_required');
    expect((await refused(team.cesf.token, 'surendettement:open', { dsuId: 999 })).message).toMatch(/n’existe pas/);
    expect((await refused(team.cesf.token, 'surendettement:open', { dsuId })).message).toBe(
      'Un dossier de surendettement est déjà ouvert pour ce foyer, suivi par Claire Conseillère depuis le 23/11/2026 : complétez-le ; un nouveau dépôt s’y enregistre comme redépôt.',
    );
  });

  it('keeps every version of a debt and marks a deletion; totals go by nature', async () => {
    let f = await team.must(team.cesf.token, 'surendettement:saveDebt', { fileId, partnerId: team.partners.bailleur, nature: 'dette_locative', amountCents: 240_000, monthlyCents: 0, debtDate: '2026-03-01', proceedings: 'contentieux' });
    const rent = f.debts[0]!.id;
    expect(f.debts[0]!.creditor).toBe('Tarn-et-Garonne Habitat — Gestion locative');
    await team.must(team.cesf.token, 'surendettement:saveDebt', { fileId, creditor: 'Cofidis', nature: 'credit_consommation', amountCents: 500_000, monthlyCents: 18_000, guarantor: 'Mme Garnier mère' });
    f = await team.must(team.cesf.token, 'surendettement:saveDebt', { fileId, creditor: 'Sofinco', nature: 'credit_consommation', amountCents: 300_000, monthlyCents: 12_000 });
    const sofinco = f.debts.find((d) => d.creditor === 'Sofinco')!.id;
    f = await team.must(team.cesf.token, 'surendettement:saveDebt', { fileId, debtId: rent, partnerId: team.partners.bailleur, nature: 'dette_locative', amountCents: 260_000, monthlyCents: 0, debtDate: '2026-03-01', proceedings: 'execution' });
    const edited = f.debts.find((d) => d.id === rent)!;
    expect(edited.amountCents).toBe(260_000);
    expect(edited.proceedings).toBe('execution');
    expect(edited.history.map((h) => h.amountCents)).toEqual([240_000]);
    expect(edited.recordedBy.displayName).toBe('Claire Conseillère');
    f = await team.must(team.cesf.token, 'surendettement:removeDebt', { fileId, debtId: sofinco });
    expect(f.debts.map((d) => d.creditor).sort()).toEqual(['Cofidis', 'Tarn-et-Garonne Habitat — Gestion locative']);
    expect(f.removedDebts.map((d) => [d.creditor, d.deleted, d.history.length])).toEqual([['Sofinco', true, 1]]);
    expect(f.totals.byNature).toEqual([
      { nature: 'credit_consommation', count: 1, amountCents: 500_000, monthlyCents: 18_000 },
      { nature: 'dette_locative', count: 1, amountCents: 260_000, monthlyCents: 0 },
    ]);
    expect(f.totals).toMatchObject({ amountCents: 760_000, monthlyCents: 18_000 });
  });

  it('refuses an unknown creditor, a debt of another file, a future date, in French and with nothing written', async () => {
    expect((await refused(team.cesf.token, 'surendettement:saveDebt', { fileId, partnerId: 9999, nature: 'autre', amountCents: 1, monthlyCents: 0 })).message).toMatch(/pas \(ou plus\) dans l’annuaire/);
    expect((await refused(team.cesf.token, 'surendettement:saveDebt', { fileId, nature: 'autre', amountCents: 1, monthlyCents: 0 })).message).toMatch(/Créancier/);
    expect((await refused(team.cesf.token, 'surendettement:saveDebt', { fileId, debtId: 9999, creditor: 'X', nature: 'autre', amountCents: 1, monthlyCents: 0 })).message).toMatch(/pas au dossier/);
    expect((await refused(team.cesf.token, 'surendettement:saveDebt', { fileId, creditor: 'X', nature: 'autre', amountCents: 1, monthlyCents: 0, debtDate: '2027-01-01' })).message).toMatch(/dans le futur/);
    expect((await refused(team.cesf.token, 'surendettement:saveDebt', { fileId, creditor: 'X', nature: 'jeux', amountCents: 1, monthlyCents: 0 })).message).toMatch(/nature de la dette/);
  });

  it('lets the responsable read but not write, and audits every read', async () => {
    const f = await team.must(team.resp.token, 'surendettement:get', { id: fileId });
    expect(f.canWrite).toBe(false);
    expect((await refused(team.resp.token, 'surendettement:saveDebt', { fileId, creditor: 'X', nature: 'autre', amountCents: 1, monthlyCents: 0 })).code).toBe('forbidden');
    const reads = team.app.vault.db.prepare("SELECT user_id AS userId FROM audit_log WHERE action = 'surendettement.read' AND entity_id = ?").all(String(fileId)) as { userId: number }[];
    expect(reads.map((r) => r.userId)).toContain(team.resp.id);
  });

  it('computes the capacity from the budget, with every figure in French and its parameters', async () => {
    const f = await team.must(team.cesf.token, 'surendettement:saveBudget', {
      fileId,
      validOn: '2026-11-23',
      takenFrom: '2026-11-01',
      adults: 1,
      dependants: 1,
      budget: { resources: [{ kind: 'salaires', amountCents: 165_000 }, { kind: 'prestations_familiales', amountCents: 15_000 }], charges: [{ kind: 'loyer', amountCents: 52_000 }, { kind: 'credits', amountCents: 18_000 }] },
      assets: [{ kind: 'vehicule', label: 'Clio 2012', valueCents: 150_000 }],
    });
    expect(f.budget?.takenFrom).toBe('2026-11-01');
    expect(f.capacity).not.toBeNull();
    const c = f.capacity!;
    expect(c.resourcesCents).toBe(180_000);
    expect(c.capacityCents).toBe(Math.min(c.quotiteMonthlyCents, c.remainderCents));
    expect(c.capacityCents).toBeGreaterThan(0);
    expect(c.explanation.join(' ')).toMatch(/Ressources mensuelles du foyer/);
    expect(c.parameters.map((p) => p.label).join(' ')).toMatch(/saisies/i);
    expect((await refused(team.cesf.token, 'surendettement:saveBudget', { fileId, validOn: '2026-12-31', adults: 1, dependants: 0, budget: { resources: [], charges: [] } })).message).toMatch(/futur/);
  });

  it('follows the procedure in order: deposit, recevabilité, orientation, imposed measures, with their deadlines', async () => {
    expect((await refused(team.cesf.token, 'surendettement:addStage', { fileId, kind: 'recevabilite', day: '2026-06-01', decision: 'recevable' })).message).toMatch(/dépôt/);
    let f = await team.must(team.cesf.token, 'surendettement:addStage', { fileId, kind: 'depot', day: '2026-06-02', reference: 'BDF 082-26-0042' });
    expect(f.deadlines.map((d) => d.kind)).toEqual(['recevabilite_attendue']);
    expect(f.deadlines[0]!.due).toBe('2026-09-02');
    expect((await refused(team.cesf.token, 'surendettement:addStage', { fileId, kind: 'depot', day: '2026-06-03' })).message).toMatch(/redépôt/);
    expect((await refused(team.cesf.token, 'surendettement:addStage', { fileId, kind: 'orientation', day: '2026-07-01', decision: 'mesures_imposees' })).message).toMatch(/recevable/);
    f = await team.must(team.cesf.token, 'surendettement:addStage', { fileId, kind: 'recevabilite', day: '2026-07-15', notifiedOn: '2026-07-20', decision: 'recevable' });
    expect(f.deadlines.map((d) => d.kind)).toEqual(['recours_recevabilite']);
    f = await team.must(team.cesf.token, 'surendettement:addStage', { fileId, kind: 'orientation', day: '2026-09-10', decision: 'mesures_imposees' });
    const debts = f.debts.map((d) => d.id);
    // 85 months without the main residence's loans: refused, nothing written.
    const tooLong = await refused(team.cesf.token, 'surendettement:addStage', { fileId, kind: 'mesures_imposees', day: '2026-11-10', notifiedOn: '2026-11-16', plan: { start: '2026-12-01', months: 85, monthlyCents: 18_000 } });
    expect(tooLong.message).toMatch(/85 mois dépasse le maximum légal de 84 mois/);
    const wrongShares = await refused(team.cesf.token, 'surendettement:addStage', {
      fileId,
      kind: 'mesures_imposees',
      day: '2026-11-10',
      notifiedOn: '2026-11-16',
      plan: { start: '2026-12-01', months: 60, monthlyCents: 18_000, shares: [{ debtId: debts[0]!, cents: 10_000 }, { debtId: debts[1]!, cents: 5_000 }] },
    });
    expect(wrongShares.message).toMatch(/parts des créanciers font 150,00\s€ par mois, la mensualité 180,00\s€/);
    f = await team.must(team.cesf.token, 'surendettement:addStage', {
      fileId,
      kind: 'mesures_imposees',
      day: '2026-11-10',
      notifiedOn: '2026-11-16',
      plan: { start: '2026-12-01', months: 60, monthlyCents: 18_000, shares: [{ debtId: debts[0]!, cents: 10_000 }, { debtId: debts[1]!, cents: 8_000 }] },
    });
    const byKind = Object.fromEntries(f.deadlines.map((d) => [d.kind, d.due]));
    expect(byKind.contestation_mesures).toBe('2026-12-16');
    expect(byKind.fin_plan).toBe('2031-12-01');
    expect(f.stage).toBe('mesures_imposees');
    expect(f.nextDeadline?.kind).toBe('contestation_mesures');
  });

  it('feeds the CESF’s « Mes échéances » and her list, each line opening the file', async () => {
    const tasks = await team.must(team.cesf.token, 'tasks:mine', {});
    const mine = tasks.items.filter((t) => t.module === 'surendettement');
    expect(mine.map((t) => [t.kind, t.due, t.href])).toEqual([['contestation', '2026-12-16', `#/surendettement/${fileId}`]]);
    expect(mine[0]!.label).toMatch(/GARNIER Sylvie/i);
    const other = await team.must(team.ass.token, 'tasks:mine', {});
    expect(other.items.filter((t) => t.module === 'surendettement')).toEqual([]);
    const list = await team.must(team.cesf.token, 'surendettement:list', {});
    expect(list.map((f) => [f.id, f.nextDeadline?.due])).toEqual([[fileId, '2026-12-16']]);
    expect(await team.must(team.ass.token, 'surendettement:list', {})).toEqual([]);
  });

  it('keeps a redeposit in the same file after a closure', async () => {
    let f = await team.must(team.cesf.token, 'surendettement:addStage', { fileId, kind: 'cloture', day: '2026-11-20', decision: 'Fin des mesures par le juge' });
    expect(f.status).toBe('clos');
    expect((await refused(team.cesf.token, 'surendettement:addStage', { fileId, kind: 'audience', day: '2026-12-01' })).message).toMatch(/clos/);
    f = await team.must(team.cesf.token, 'surendettement:addStage', { fileId, kind: 'redepot', day: '2026-11-23' });
    expect(f.status).toBe('ouvert');
    expect(f.cycle).toBe(2);
    expect(f.stages).toHaveLength(6);
    expect(f.deadlines.map((d) => [d.kind, d.due])).toEqual([['recevabilite_attendue', '2027-02-23']]);
  });

  it('tells the front desk only that a file exists and who follows it', async () => {
    expect(await team.must(team.sec.token, 'surendettement:exists', { dsuId })).toEqual([{ followedBy: 'Claire Conseillère', openedOn: '2026-11-23' }]);
    expect((await refused(team.sec.token, 'surendettement:exists', { dsuId: 999 })).code).toBe('not_found');
  });

  it('writes a PDF summary and the debts sheet, read back', async () => {
    const dir = process.env.PASSEUR_LETTERS ?? tmpDir('passeur-surendettement-');
    const pdf = await team.must(team.cesf.token, 'surendettement:document', { id: fileId, format: 'pdf' });
    const file = path.join(dir, pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/[\s\u00a0]+/g, ' ');
    // Like every document of the app: tagged, in French, titled, in the embedded DejaVu font only.
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Dossier de surendettement — GARNIER Sylvie/i);
    for (const l of execFileSync('pdffonts', [file]).toString().split('\n').slice(2).filter(Boolean)) expect(l).toMatch(/DejaVuSans/);
    expect(text).toContain('Dossier de surendettement');
    // The budget and the debts as tables: a header row, a row per line, the totals.
    expect(text).toMatch(/Ligne du budget Montant mensuel Ressource : Salaires 1 650,00 €/);
    expect(text).toMatch(/Total des ressources 1 800,00 €/);
    expect(text).toMatch(/Créancier Nature Montant dû Mensualité Date Procédure Caution/);
    expect(text).toMatch(/Cofidis Crédit à la 5 000,00 € 180,00 € — Aucune/);
    expect(text).toMatch(/Total crédit à la 1 dette 5 000,00 € 180,00 €/);
    expect(text).toMatch(/Composition retenue : personne seule, 1 personne à charge/);
    expect(text).toMatch(/Capacité mensuelle de remboursement : [\d ]+,\d\d €/);
    expect(text).toMatch(/Ressources mensuelles du foyer/);
    expect(text).toMatch(/Total des dettes 2 dettes 7 600,00 € 180,00 €/);
    const x = await team.must(team.cesf.token, 'surendettement:document', { id: fileId, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Dettes')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Créancier', 'Nature', 'Montant dû (€)', 'Mensualité (€)', 'Date de la dette', 'Procédure en cours', 'Caution']);
    const rows = [2, 3, 4].map((i) => [ws.getCell(i, 1).value, ws.getCell(i, 3).value, ws.getCell(i, 4).value]);
    expect(rows).toEqual([
      ['Tarn-et-Garonne Habitat — Gestion locative', 2600, 0],
      ['Cofidis', 5000, 180],
      ['Total', 7600, 180],
    ]);
    expect(ws.getCell(2, 3).numFmt).toContain('€');
  });

  it('is part of the household’s DSU export and of a member’s right-of-access export', async () => {
    const dsuJson = await team.must(team.cesf.token, 'dsu:export', { id: dsuId, format: 'json' });
    const dsuText = Buffer.from(dsuJson.contentBase64, 'base64').toString();
    expect(dsuText).toContain('Dossier de surendettement ouvert le 23/11/2026');
    expect(dsuText).toContain('Dette — Cofidis');
    const card = (await team.must(team.cesf.token, 'surendettement:get', { id: fileId })).household;
    expect(card).toMatch(/GARNIER/i);
    const person = team.app.vault.db.prepare("SELECT id FROM persons WHERE birth_name = 'Garnier'").get() as { id: number };
    const personJson = await team.must(team.cesf.token, 'persons:export', { id: person.id, format: 'json' });
    expect(Buffer.from(personJson.contentBase64, 'base64').toString()).toContain('Mesures imposées — 10/11/2026');
  });

  it('counts the files for the activity report', async () => {
    const s = await team.must(team.resp.token, 'stats:period', { from: '2026-01-01', to: '2026-12-31' });
    const figures = s.modules.find((m) => m.module === 'surendettement')!.figures;
    expect(figures.find((x) => x.key === 'surendettement.opened')?.value).toBe(1);
    expect(figures.find((x) => x.key === `surendettement.open.user_${team.cesf.id}`)?.value).toBe(1);
  });
});

describe('a file followed by an ASS, with the CESF co-intervening', () => {
  let other: number;
  let file: number;
  beforeAll(async () => {
    const p = await register(team, { birthName: 'Roux', firstNames: 'Karim', birthDate: '1975-06-06' });
    other = (await team.must(team.ass.token, 'dsu:open', { householdId: p.household!.id, referentId: team.ass.id })).id;
    file = (await team.must(team.ass.token, 'surendettement:open', { dsuId: other })).id;
  });

  it('is read and written by whoever holds the DSU, and no one else without an exceptional access', async () => {
    expect((await team.must(team.ass.token, 'surendettement:get', { id: file })).referent.displayName).toBe('Alice Assistante');
    expect((await refused(team.ass2.token, 'surendettement:get', { id: file })).code).toBe('exceptional_access_required');
    expect((await refused(team.cesf.token, 'surendettement:saveDebt', { fileId: file, creditor: 'Banque', nature: 'autre', amountCents: 100, monthlyCents: 0 })).code).toBe('exceptional_access_required');
    await team.must(team.ass.token, 'dsu:addIntervenant', { dsuId: other, userId: team.cesf.id, mission: 'Budget et surendettement' });
    const f = await team.must(team.cesf.token, 'surendettement:saveDebt', { fileId: file, creditor: 'Banque', nature: 'autre', amountCents: 100, monthlyCents: 0 });
    expect(f.debts.map((d) => d.creditor)).toEqual(['Banque']);
    expect(f.canWrite).toBe(true);
    // Both now follow it: it is in each one's list.
    expect((await team.must(team.cesf.token, 'surendettement:list', {})).map((x) => x.id)).toContain(file);
    expect((await team.must(team.ass.token, 'surendettement:list', {})).map((x) => x.id)).toEqual([file]);
  });

  it('raises a recevabilité decision still expected after its date as overdue, until it is recorded', async () => {
    await team.must(team.ass.token, 'surendettement:addStage', { fileId: file, kind: 'depot', day: '2026-07-01' });
    const late = (await team.must(team.ass.token, 'tasks:mine', {})).items.filter((t) => t.module === 'surendettement');
    expect(late.map((t) => [t.kind, t.due, t.overdue])).toEqual([['recevabilite', '2026-10-01', true]]);
    await team.must(team.ass.token, 'surendettement:addStage', { fileId: file, kind: 'recevabilite', day: '2026-10-15', notifiedOn: '2026-10-20', decision: 'irrecevable' });
    // The appeal window closed on 4 November: history, not a task.
    expect((await team.must(team.ass.token, 'tasks:mine', {})).items.filter((t) => t.module === 'surendettement')).toEqual([]);
  });
});

describe('a file whose référent is not on the DSU’s team', () => {
  it('is held by its référent while the DSU is active, read only once the DSU is closed', async () => {
    const p = await register(team, { birthName: 'Blanc', firstNames: 'Nadia', birthDate: '1969-09-09' });
    const dsu = (await team.must(team.ass.token, 'dsu:open', { householdId: p.household!.id, referentId: team.ass.id })).id;
    const file = (await team.must(team.ass.token, 'surendettement:open', { dsuId: dsu, referentId: team.cesf.id })).id;
    expect((await team.must(team.cesf.token, 'surendettement:saveDebt', { fileId: file, creditor: 'Banque', nature: 'autre', amountCents: 100, monthlyCents: 0 })).canWrite).toBe(true);
    expect((await refused(team.cesf.token, 'dsu:get', { id: dsu })).code).toBe('exceptional_access_required');
    await team.must(team.ass.token, 'dsu:close', { id: dsu, reason: 'fin_de_demande' });
    expect((await team.must(team.cesf.token, 'surendettement:get', { id: file })).canWrite).toBe(false);
    expect((await refused(team.cesf.token, 'surendettement:saveDebt', { fileId: file, creditor: 'Banque', nature: 'autre', amountCents: 200, monthlyCents: 0 })).code).toBe('read_only');
  });
});

describe('deadlines and the legal parameters an administrator adds', () => {
  it('are counted again once a new delay is added, even after being remembered', async () => {
    const p = await register(team, { birthName: 'Moreau', firstNames: 'Lucie', birthDate: '1975-04-04' });
    const dsu = (await team.must(team.cesf.token, 'dsu:open', { householdId: p.household!.id, referentId: team.cesf.id })).id;
    const file = (await team.must(team.cesf.token, 'surendettement:open', { dsuId: dsu })).id;
    await team.must(team.cesf.token, 'surendettement:addStage', { fileId: file, kind: 'depot', day: '2026-10-05' });
    const due = async () => (await team.must(team.cesf.token, 'surendettement:get', { id: file })).deadlines.find((d) => d.kind === 'recevabilite_attendue')!.due;
    expect(await due()).toBe('2027-01-05');
    expect(await due()).toBe('2027-01-05');
    // A (fictional) longer examination delay in force from 1 October 2026.
    const value = { recevabilite_months: 4, recours_recevabilite_days: 15, contestation_mesures_days: 30, plan_max_months: 84 };
    await team.must(team.adminToken, 'params:addEntry', { id: 'surendettement_delais', from: '2026-10-01', value, source: 'Texte de test' });
    expect(await due()).toBe('2027-02-05');
  });
});
