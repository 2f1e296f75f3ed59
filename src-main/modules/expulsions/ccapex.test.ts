/** The CCAPEX through the API: sessions, their agenda as each reader sees it, the note sociale within the consents, the opinion. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../tests/helpers/tmp';
import { newTeam, refusedUnchanged, register, type Team } from '../../../tests/helpers/team';
import { secours } from '../../../tests/helpers/aides';

let team: Team;
const NOW = new Date(2026, 10, 23, 9, 0); // Monday 23 November 2026
const HELD = '2026-11-16';
/** Three households on the session: consent in force, withdrawn before the session, withdrawn after it. */
const cases: { id: number; dsuId: number; personId: number; name: string }[] = [];
let sessionId: number;

async function openCase(birthName: string, firstNames: string, consent: { withdrawnOn: string | null } | null) {
  const p = await register(team, { birthName, firstNames, birthDate: '1985-04-12', sex: 'F' });
  const dsuId = (await team.must(team.cesf.token, 'dsu:open', { householdId: p.household!.id, referentId: team.cesf.id })).id;
  const c = await team.must(team.cesf.token, 'expulsions:open', { dsuId, landlordKind: 'personne_morale', landlordPartnerId: team.partners.bailleur, leaseSigned: '2024-03-01', rentCents: 52_000, chargesCents: 6_000, dwelling: '12 rue de la Résistance, Montauban' });
  await team.must(team.cesf.token, 'expulsions:addDebt', { caseId: c.id, day: '2026-09-30', amountCents: 180_000 });
  await team.must(team.cesf.token, 'expulsions:addStage', { caseId: c.id, kind: 'commandement_payer', day: '2026-09-01', actor: 'SCP Huissiers du Quercy', reference: 'Acte 2026-0912' });
  // A consent to the CAF never opens the sharing with the CCAPEX.
  await team.must(team.cesf.token, 'dsu:addConsent', { dsuId, personId: p.person.id, partnerId: team.partners.caf, scope: 'Dossier FSL', form: 'ecrit', givenOn: '2026-10-01' });
  if (consent) {
    const k = await team.must(team.cesf.token, 'dsu:addConsent', { dsuId, personId: p.person.id, recipientLabel: 'CCAPEX de Tarn-et-Garonne', scope: 'Note sociale pour l’examen de la situation', form: 'ecrit', givenOn: '2026-10-01' });
    if (consent.withdrawnOn) await team.must(team.cesf.token, 'dsu:withdrawConsent', { id: k.id, withdrawnOn: consent.withdrawnOn });
  }
  cases.push({ id: c.id, dsuId, personId: p.person.id, name: birthName });
  return c.id;
}

function pdfText(b64: string): string {
  const dir = tmpDir('passeur-note-');
  const file = path.join(dir, 'note.pdf');
  fs.writeFileSync(file, Buffer.from(b64, 'base64'));
  if (process.env.PASSEUR_SHOTS) execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(process.env.PASSEUR_SHOTS, `note-ccapex-${Date.now()}`)]);
  return execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
}

const refused = (token: string, c: Parameters<Team['call']>[1], input: unknown) => refusedUnchanged(team, token, c, input);

beforeAll(async () => {
  team = await newTeam(() => NOW);
  await openCase('Lambert', 'Nadia', { withdrawnOn: null });
  await openCase('Morel', 'Inès', { withdrawnOn: '2026-11-10' });
  await openCase('Garcia', 'Lucie', { withdrawnOn: '2026-11-20' });
  await openCase('Petit', 'Emma', null);
});
afterAll(() => team?.app.close());

describe('a CCAPEX session', () => {
  it('is created by a social worker with its members and the site’s professionals; the responsable reads it; others are refused', async () => {
    const s = await team.must(team.cesf.token, 'expulsions:ccapexSave', {
      heldOn: HELD,
      place: 'Préfecture de Montauban',
      members: [
        { name: 'Mme Durand', role: 'Sous-préfecture' },
        { name: 'M. Roux', role: 'CAF de Tarn-et-Garonne' },
      ],
      professionalIds: [team.cesf.id, team.resp.id],
    });
    sessionId = s.id;
    expect(s).toMatchObject({ heldOn: HELD, place: 'Préfecture de Montauban', cases: 0, others: 0, canWrite: true });
    expect(s.members.map((m) => m.role)).toEqual(['Sous-préfecture', 'CAF de Tarn-et-Garonne']);
    expect(s.professionals.map((u) => u.displayName)).toEqual(['Claire Conseillère', 'Rémi Responsable']);
    expect(s.staff.map((u) => u.displayName)).not.toContain('Sophie Secrétaire');
    expect((await refused(team.cesf.token, 'expulsions:ccapexSave', { heldOn: HELD, members: [{ name: '', role: 'CAF' }] })).message).toBe('Membre : nom : à renseigner.');
    expect((await refused(team.cesf.token, 'expulsions:ccapexSave', { heldOn: HELD, professionalIds: [team.sec.id] })).message).toMatch(/^Professionnels du site : choisissez des comptes actifs/);
    expect((await refused(team.cesf.token, 'expulsions:ccapexSave', { id: 999, heldOn: HELD })).message).toMatch(/Cette séance de la CCAPEX n’existe pas/);
    expect((await refused(team.resp.token, 'expulsions:ccapexSave', { heldOn: HELD })).code).toBe('forbidden');
    expect((await refused(team.sec.token, 'expulsions:ccapexList', {})).code).toBe('forbidden');
    expect((await refused(team.adminToken, 'expulsions:ccapexGet', { id: sessionId })).code).toBe('forbidden');
    expect((await team.must(team.resp.token, 'expulsions:ccapexList', {})).sessions.map((x) => x.id)).toEqual([sessionId]);
  });

  it('takes the cases on its agenda in order; a colleague without access sees them only counted, never named', async () => {
    for (const c of cases) await team.must(team.cesf.token, 'expulsions:ccapexAddCase', { sessionId, caseId: c.id });
    expect((await refused(team.cesf.token, 'expulsions:ccapexAddCase', { sessionId, caseId: cases[0]!.id })).message).toBe('Ce dossier est déjà à l’ordre du jour de la séance du 16/11/2026.');
    expect((await refused(team.cesf.token, 'expulsions:ccapexAddCase', { sessionId: 999, caseId: cases[0]!.id })).code).toBe('not_found');
    expect((await refused(team.ass2.token, 'expulsions:ccapexAddCase', { sessionId, caseId: cases[0]!.id })).code).toBe('exceptional_access_required');
    const mine = await team.must(team.cesf.token, 'expulsions:ccapexGet', { id: sessionId });
    expect(mine.agenda.map((a) => [a.position, a.household])).toEqual([
      [1, 'LAMBERT Nadia'],
      [2, 'MOREL Inès'],
      [3, 'GARCIA Lucie'],
      [4, 'PETIT Emma'],
    ]);
    expect(mine.others).toBe(0);
    const theirs = await team.must(team.ass2.token, 'expulsions:ccapexGet', { id: sessionId });
    expect(theirs.agenda).toEqual([]);
    expect(theirs.others).toBe(4);
    expect(JSON.stringify(theirs)).not.toMatch(/LAMBERT|MOREL|GARCIA|PETIT/i);
    expect((await team.must(team.ass2.token, 'expulsions:ccapexList', {})).sessions[0]).toMatchObject({ cases: 0, others: 4 });
    const reads = team.app.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'expulsions.ccapex_read' AND user_id = ?").get(team.cesf.id) as { n: number };
    expect(reads.n).toBe(1);
    const c = await team.must(team.cesf.token, 'expulsions:get', { id: cases[0]!.id });
    expect(c.ccapex).toEqual([expect.objectContaining({ sessionId, heldOn: HELD, position: 1, evaluation: '', noteGeneratedAt: null, opinion: null })]);
  });

  it('keeps the evaluation and proposals typed for the session', async () => {
    for (const c of cases) {
      const out = await team.must(team.cesf.token, 'expulsions:ccapexEvaluation', { sessionId, caseId: c.id, evaluation: `Évaluation de ${c.name} : reprise du loyer courant depuis octobre.`, proposals: `Proposition pour ${c.name} : plan d’apurement sur 24 mois.` });
      expect(out.ccapex[0]!.evaluation).toMatch(/reprise du loyer courant/);
    }
    expect((await refused(team.cesf.token, 'expulsions:ccapexEvaluation', { sessionId: 999, caseId: cases[0]!.id, evaluation: 'x' })).code).toBe('not_found');
    expect((await refused(team.resp.token, 'expulsions:ccapexEvaluation', { sessionId, caseId: cases[0]!.id, evaluation: 'x' })).code).toBe('forbidden');
  });
});

describe('the note sociale to the CCAPEX', () => {
  const note = async (i: number) => pdfText((await team.must(team.cesf.token, 'expulsions:ccapexNote', { sessionId, caseId: cases[i]!.id })).contentBase64);

  it('carries the household, the aids, the evaluation and proposals under a consent in force on the session’s day', async () => {
    const aid = await team.must(team.cesf.token, 'aid:save', secours({ dsuId: cases[0]!.dsuId, personId: cases[0]!.personId }, { object: 'Maintien dans le logement (FSL)' }));
    await team.must(team.cesf.token, 'expulsions:linkAid', { caseId: cases[0]!.id, aidId: aid.id });
    const text = await note(0);
    expect(text).toContain('Note sociale à la CCAPEX — LAMBERT Nadia');
    expect(text).toContain('Consentement au partage d’informations avec la CCAPEX donné le 01/10/2026, en vigueur à la date de la séance du 16/11/2026.');
    expect(text).toContain('Tarn-et-Garonne Habitat — Gestion locative');
    expect(text).toMatch(/30\/09\/2026 1\s?800,00\s?€/);
    expect(text).toContain('Commandement de payer');
    expect(text).toContain('Composition du foyer');
    expect(text).toContain('LAMBERT Nadia');
    expect(text).toContain(aid.number);
    expect(text).toContain('Maintien dans le logement (FSL)');
    expect(text).toContain('Évaluation de Lambert : reprise du loyer courant depuis octobre.');
    expect(text).toContain('Proposition pour Lambert : plan d’apurement sur 24 mois.');
    expect(text).not.toContain('informations non transmises');
  });

  it('leaves out what is shared, and says so with its date, when the consent was withdrawn before the session', async () => {
    const text = await note(1);
    expect(text).toContain('Consentement retiré le 10/11/2026 : informations non transmises.');
    expect(text).toContain('Commandement de payer');
    expect(text).not.toContain('Composition du foyer');
    expect(text).not.toContain('Évaluation de Morel');
    expect(text).not.toContain('Proposition pour Morel');
  });

  it('shares when the consent was withdrawn only after the session (it was in force then)', async () => {
    const text = await note(2);
    expect(text).toContain('Consentement au partage d’informations avec la CCAPEX donné le 01/10/2026, en vigueur à la date de la séance du 16/11/2026.');
    expect(text).toContain('Évaluation de Garcia : reprise du loyer courant depuis octobre.');
    expect(text).not.toContain('Consentement retiré');
  });

  it('says that no consent is in force when there is none to the CCAPEX', async () => {
    const text = await note(3);
    expect(text).toContain('Aucun consentement au partage d’informations avec la CCAPEX en vigueur à la date de la séance du 16/11/2026 : informations non transmises.');
    expect(text).not.toContain('Évaluation de Petit');
  });

  it('records its generation, audited, and is refused for a case not on the agenda', async () => {
    const c = await team.must(team.cesf.token, 'expulsions:get', { id: cases[1]!.id });
    expect(c.ccapex[0]!.noteGeneratedAt).toBe(NOW.toISOString());
    // The tab says beforehand what the note will share.
    expect(c.ccapex[0]!.consent).toEqual({ kind: 'withdrawn', on: '2026-11-10' });
    expect((await team.must(team.cesf.token, 'expulsions:get', { id: cases[2]!.id })).ccapex[0]!.consent).toEqual({ kind: 'in_force', on: '2026-10-01' });
    expect((await team.must(team.cesf.token, 'expulsions:get', { id: cases[3]!.id })).ccapex[0]!.consent).toEqual({ kind: 'none', on: null });
    const row = team.app.vault.db.prepare("SELECT detail FROM audit_log WHERE action = 'expulsions.ccapex_note' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(String(cases[1]!.id)) as { detail: string };
    expect(JSON.parse(row.detail)).toMatchObject({ session: sessionId, shared: false });
    const other = await team.must(team.cesf.token, 'expulsions:ccapexSave', { heldOn: '2026-12-14', place: 'Préfecture' });
    expect((await refused(team.cesf.token, 'expulsions:ccapexNote', { sessionId: other.id, caseId: cases[0]!.id })).message).toMatch(/n’est pas à l’ordre du jour/);
    expect((await refused(team.ass2.token, 'expulsions:ccapexNote', { sessionId, caseId: cases[0]!.id })).code).toBe('exceptional_access_required');
  });
});

describe('the commission’s opinion', () => {
  it('is recorded on the case with the « passage en CCAPEX » stage at the session’s date, once', async () => {
    const caseId = cases[0]!.id;
    expect((await refused(team.cesf.token, 'expulsions:ccapexOpinion', { sessionId, caseId, day: '2026-11-10', avis: 'orientation_fsl' })).message).toBe('Date de l’avis : le 10/11/2026 précède la séance du 16/11/2026.');
    expect((await refused(team.cesf.token, 'expulsions:ccapexOpinion', { sessionId, caseId, day: '2026-11-30', avis: 'orientation_fsl' })).message).toMatch(/dans le futur/);
    expect((await refused(team.cesf.token, 'expulsions:ccapexOpinion', { sessionId, caseId, day: HELD, avis: 'expulser' })).message).toMatch(/^Avis : maintien avec plan/);
    const future = (await team.must(team.cesf.token, 'expulsions:ccapexList', {})).sessions.find((s) => s.heldOn === '2026-12-14')!;
    await team.must(team.cesf.token, 'expulsions:ccapexAddCase', { sessionId: future.id, caseId });
    expect((await refused(team.cesf.token, 'expulsions:ccapexOpinion', { sessionId: future.id, caseId, day: '2026-11-23', avis: 'report' })).message).toBe('La séance du 14/12/2026 n’a pas encore eu lieu : l’avis s’enregistre après la commission.');
    let c = await team.must(team.cesf.token, 'expulsions:ccapexOpinion', { sessionId, caseId, day: HELD, avis: 'orientation_fsl', text: 'Saisir le FSL maintien.', recommendations: 'Reprendre le loyer courant.' });
    const opinion = c.ccapex.find((x) => x.sessionId === sessionId)!.opinion;
    expect(opinion).toMatchObject({ day: HELD, avis: 'orientation_fsl', text: 'Saisir le FSL maintien.', recommendations: 'Reprendre le loyer courant.', recordedBy: { displayName: 'Claire Conseillère' } });
    expect(c.stages.filter((s) => s.kind === 'passage_ccapex').map((s) => [s.day, s.actor, s.note])).toEqual([[HELD, 'CCAPEX', 'Avis : orientation vers le FSL']]);
    expect(c.stage).toBe('passage_ccapex');
    c = await team.must(team.cesf.token, 'expulsions:ccapexOpinion', { sessionId, caseId, day: '2026-11-17', avis: 'maintien_apurement' });
    expect(c.ccapex.find((x) => x.sessionId === sessionId)!.opinion!.avis).toBe('maintien_apurement');
    expect(c.stages.filter((s) => s.kind === 'passage_ccapex')).toHaveLength(1);
    const s = await team.must(team.cesf.token, 'expulsions:ccapexGet', { id: sessionId });
    expect(s.agenda[0]!.opinion?.avis).toBe('maintien_apurement');
  });

  it('keeps the case on the agenda and the session’s date once an opinion is recorded', async () => {
    expect((await refused(team.cesf.token, 'expulsions:ccapexRemoveCase', { sessionId, caseId: cases[0]!.id })).message).toBe('L’avis de la commission du 16/11/2026 est enregistré : le dossier reste à l’ordre du jour de cette séance.');
    expect((await refused(team.cesf.token, 'expulsions:ccapexSave', { id: sessionId, heldOn: '2026-11-17' })).message).toMatch(/^Des avis sont déjà enregistrés pour la séance du 16\/11\/2026/);
    const c = await team.must(team.cesf.token, 'expulsions:ccapexRemoveCase', { sessionId, caseId: cases[3]!.id });
    expect(c.ccapex).toEqual([]);
    expect((await refused(team.cesf.token, 'expulsions:ccapexRemoveCase', { sessionId, caseId: cases[3]!.id })).message).toMatch(/n’est pas à l’ordre du jour/);
    const s = await team.must(team.cesf.token, 'expulsions:ccapexSave', { id: sessionId, heldOn: HELD, place: 'Sous-préfecture de Castelsarrasin', members: [{ name: 'Mme Durand', role: 'Sous-préfecture' }] });
    expect(s).toMatchObject({ place: 'Sous-préfecture de Castelsarrasin', cases: 3 });
  });
});

describe('« Mes échéances »', () => {
  it('lists the coming session a followed case is on, its note to prepare, and not to a colleague without the case', async () => {
    const soon = await team.must(team.cesf.token, 'expulsions:ccapexSave', { heldOn: '2026-11-25', place: 'Préfecture' });
    await team.must(team.cesf.token, 'expulsions:ccapexAddCase', { sessionId: soon.id, caseId: cases[1]!.id });
    const ccapex = async (token: string) => (await team.must(token, 'tasks:mine', {})).items.filter((t) => t.module === 'expulsions' && t.kind.startsWith('ccapex') && t.due === '2026-11-25');
    expect((await ccapex(team.cesf.token)).map((t) => [t.kind, t.label, t.href])).toEqual([['ccapex_note', 'MOREL Inès', `#/expulsions/${cases[1]!.id}/ccapex`]]);
    await team.must(team.cesf.token, 'expulsions:ccapexNote', { sessionId: soon.id, caseId: cases[1]!.id });
    expect((await ccapex(team.cesf.token)).map((t) => t.kind)).toEqual(['ccapex_seance']);
    expect(await ccapex(team.ass2.token)).toEqual([]);
  });
});
