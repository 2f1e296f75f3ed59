import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../tests/helpers/tmp';
import { newTeam, register, type Team, refusedUnchanged } from '../../../tests/helpers/team';

let team: Team;
let dsuId: number;
let personId: number;
let consentId: number;
let referralId: number;
let now = new Date(2026, 10, 23, 10, 0); // Monday 23 November 2026, 10:00

beforeAll(async () => {
  team = await newTeam(() => now);
  const p = await register(team, { birthName: 'Moreau', firstNames: 'Lina', birthDate: '1988-04-04' });
  personId = p.person.id;
  dsuId = (await team.must(team.ass.token, 'dsu:open', { householdId: p.household!.id, referentId: team.ass.id })).id;
});
afterAll(() => team?.app.close());

const refused = (token: string, c: Parameters<Team['call']>[1], input: unknown) => refusedUnchanged(team, token, c, input);

const referral = {
  motif: 'Retour à la maison d’un enfant placé, dette de loyer, plusieurs intervenants sans coordination.',
  purpose: 'Coordonner le soutien au retour de l’enfant',
  field: 'enfance' as const,
  services: ['CAF', 'Bailleur social', 'Service enfance'],
  elementKinds: ['composition_familiale' as const, 'logement' as const],
};

describe('the concertation instance', () => {
  it('keeps its permanent members as the responsable’s setting, partners of the directory or named', async () => {
    await team.must(team.resp.token, 'concertation:saveMember', { name: 'Mme Girard', organisation: 'CCAS de Montauban' });
    const list = await team.must(team.resp.token, 'concertation:saveMember', { name: 'M. Leroy', partnerId: team.partners.caf });
    expect(list.map((m) => [m.name, m.organisation])).toEqual([
      ['M. Leroy', 'CAF de Tarn-et-Garonne — Accueil'],
      ['Mme Girard', 'CCAS de Montauban'],
    ]);
    expect((await refused(team.ass.token, 'concertation:saveMember', { name: 'X', organisation: 'Y' })).code).toBe('forbidden');
    expect((await refused(team.resp.token, 'concertation:saveMember', { name: 'X', partnerId: 999 })).message).toMatch(/pas \(ou plus\) dans l’annuaire/);
    expect((await refused(team.resp.token, 'concertation:saveMember', { id: 999, name: 'X', organisation: 'Y' })).message).toMatch(/membre permanent n’existe pas/);
    expect((await refused(team.resp.token, 'concertation:saveMember', { name: 'X' })).message).toMatch(/Organisme : choisissez-le/);
    const leftId = (await team.must(team.resp.token, 'concertation:saveMember', { name: 'Ancien membre', organisation: 'AMISC' })).find((m) => m.name === 'Ancien membre')!.id;
    const after = await team.must(team.resp.token, 'concertation:saveMember', { id: leftId, name: 'Ancien membre', organisation: 'AMISC', active: false });
    expect(after.find((m) => m.id === leftId)!.active).toBe(false);
    expect(await team.must(team.ass.token, 'concertation:members', {})).toHaveLength(3);
  });

  it('refuses the referral, writing nothing, without the family’s consent to share with the instance in force', async () => {
    const none = await refused(team.ass.token, 'concertation:refer', { dsuId, ...referral });
    expect(none.message).toMatch(/^Consentement au partage : aucun n’est choisi\. La famille doit d’abord consentir/);
    expect(none.field).toBe('consentId');
    // A consent for another recipient does not cover the instance.
    const caf = await team.must(team.ass.token, 'dsu:addConsent', { dsuId, personId, partnerId: team.partners.caf, scope: 'Dossier CAF', form: 'ecrit', givenOn: '2026-11-20' });
    expect((await refused(team.ass.token, 'concertation:refer', { dsuId, consentId: caf.id, ...referral })).message).toMatch(/pas pour l’instance de concertation/);
    // A withdrawn one neither.
    const old = await team.must(team.ass.token, 'dsu:addConsent', { dsuId, personId, recipientLabel: 'Instance de concertation', scope: 'Situation 2025', form: 'ecrit', givenOn: '2026-01-10' });
    await team.must(team.ass.token, 'dsu:withdrawConsent', { id: old.id, withdrawnOn: '2026-06-01' });
    expect((await refused(team.ass.token, 'concertation:refer', { dsuId, consentId: old.id, ...referral })).message).toMatch(/retiré le 01\/06\/2026/);
    const state = await team.must(team.ass.token, 'concertation:forDsu', { dsuId });
    expect(state.consents.map((c) => c.usable)).toEqual([false, false]);
    expect(state.referrals).toEqual([]);
  });

  it('is made from the DSU by a professional who holds it, under a consent in force; members are the permanent ones', async () => {
    consentId = (await team.must(team.ass.token, 'dsu:addConsent', { dsuId, personId, recipientLabel: 'Instance de concertation des familles', scope: 'Situation du foyer et retour de l’enfant', form: 'ecrit', givenOn: '2026-11-23' })).id;
    expect((await refused(team.ass2.token, 'concertation:refer', { dsuId, consentId, ...referral })).code).toBe('exceptional_access_required');
    expect((await refused(team.resp.token, 'concertation:refer', { dsuId, consentId, ...referral })).code).toBe('forbidden');
    expect((await refused(team.sec.token, 'concertation:refer', { dsuId, consentId, ...referral })).code).toBe('forbidden');
    expect((await refused(team.ass.token, 'concertation:refer', { dsuId, consentId, ...referral, services: [] })).message).toMatch(/au moins un service/);
    expect((await refused(team.ass.token, 'concertation:refer', { dsuId, consentId, ...referral, elementKinds: [] })).message).toMatch(/Éléments à partager/);
    const r = await team.must(team.ass.token, 'concertation:refer', { dsuId, consentId, ...referral });
    referralId = r.id;
    expect(r).toMatchObject({ status: 'saisie', referredOn: '2026-11-23', referredBy: { displayName: 'Alice Assistante' }, household: expect.stringMatching(/MOREAU Lina/i) });
    expect(r.consent).toMatchObject({ id: consentId, usable: true });
    expect(r.delays).toMatchObject({ gatherFrom: '2026-11-24', gatherBy: '2026-11-26', meetingBy: '2026-11-26' });
    expect(r.next).toEqual({ kind: 'rassemblement', due: '2026-11-26' });
    expect(r.participants.map((p) => [p.kind, p.name, p.charterSignedOn])).toEqual([
      ['permanent', 'M. Leroy', null],
      ['permanent', 'Mme Girard', null],
    ]);
    const list = await team.must(team.ass.token, 'concertation:list', {});
    expect(list.map((x) => x.id)).toEqual([r.id]);
    expect(await team.must(team.ass2.token, 'concertation:list', {})).toEqual([]);
    expect((await team.must(team.resp.token, 'concertation:list', {})).map((x) => x.id)).toEqual([r.id]);
  });

  it('is read by who holds the DSU and the responsables, every read audited; never by the secretaire or the admin', async () => {
    const audited = () => team.app.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('concertation.read', 'concertation.list')").get() as { n: number };
    const before = audited().n;
    await team.must(team.resp.token, 'concertation:get', { id: referralId });
    await team.must(team.ass.token, 'concertation:forDsu', { dsuId });
    expect(audited().n).toBe(before + 2);
    expect((await refused(team.ass2.token, 'concertation:get', { id: referralId })).code).toBe('exceptional_access_required');
    expect((await refused(team.sec.token, 'concertation:get', { id: referralId })).code).toBe('forbidden');
    expect((await refused(team.adminToken, 'concertation:forDsu', { dsuId })).code).toBe('forbidden');
    expect((await refused(team.ass.token, 'concertation:get', { id: 999 })).message).toMatch(/n’existe pas/);
  });

  it('gives the referring professional and the responsable the tasks: gather the elements, hold the meeting', async () => {
    const mine = await team.must(team.ass.token, 'tasks:mine', {});
    const ours = mine.items.filter((t) => t.module === 'concertation');
    expect(ours.map((t) => [t.kind, t.due, t.href])).toEqual([
      ['rassemblement', '2026-11-26', `#/concertation/${referralId}`],
      ['reunion', '2026-11-26', `#/concertation/${referralId}`],
    ]);
    expect((await team.must(team.resp.token, 'tasks:mine', {})).items.filter((t) => t.module === 'concertation')).toHaveLength(2);
    expect((await team.must(team.cesf.token, 'tasks:mine', {})).items.filter((t) => t.module === 'concertation')).toHaveLength(0);
  });

  it('adds associated members and records each one’s signature of the charter', async () => {
    await team.must(team.ass.token, 'concertation:addMember', { referralId, partnerId: team.partners.bailleur, name: 'Mme Roux' });
    let r = await team.must(team.ass.token, 'concertation:addMember', { referralId, name: 'M. Blanc', organisation: 'Protection judiciaire de la jeunesse' });
    expect(r.participants.filter((p) => p.kind === 'associe').map((p) => [p.name, p.organisation])).toEqual([
      ['Mme Roux', 'Tarn-et-Garonne Habitat — Gestion locative'],
      ['M. Blanc', 'Protection judiciaire de la jeunesse'],
    ]);
    expect((await refused(team.ass.token, 'concertation:addMember', { referralId, name: 'M. Blanc', organisation: 'Protection judiciaire de la jeunesse' })).message).toMatch(/déjà membre/);
    expect((await refused(team.ass.token, 'concertation:addMember', { referralId, partnerId: 999, name: 'X' })).field).toBe('partnerId');
    const girard = r.participants.find((p) => p.name === 'Mme Girard')!.id;
    const roux = r.participants.find((p) => p.name === 'Mme Roux')!.id;
    await team.must(team.ass.token, 'concertation:signCharter', { referralId, participantId: girard, signedOn: '2026-11-23' });
    r = await team.must(team.ass.token, 'concertation:signCharter', { referralId, participantId: roux, signedOn: '2026-11-23' });
    expect(r.participants.find((p) => p.id === girard)).toMatchObject({ charterSignedOn: '2026-11-23', charterRecordedBy: { displayName: 'Alice Assistante' } });
    expect((await refused(team.ass.token, 'concertation:signCharter', { referralId, participantId: girard, signedOn: '2026-11-23' })).message).toMatch(/déjà signé la charte le 23\/11\/2026/);
    expect((await refused(team.ass.token, 'concertation:signCharter', { referralId, participantId: 999, signedOn: '2026-11-23' })).field).toBe('participantId');
    expect((await refused(team.ass.token, 'concertation:signCharter', { referralId, participantId: roux + 1, signedOn: '2026-12-01' })).message).toMatch(/dans le futur/);
  });

  it('shares only the elements the purpose needs, and only under the consent', async () => {
    expect((await refused(team.ass.token, 'concertation:addElement', { referralId, kind: 'sante', content: 'Suivi psychiatrique' })).message).toMatch(/« Santé » n’est pas parmi ce dont l’objet du partage a besoin \(composition familiale, logement\)/);
    const r = await team.must(team.ass.token, 'concertation:addElement', { referralId, kind: 'logement', content: 'Dette locative de 1 800 € ; bailleur prêt à un plan d’apurement.', sharedBy: 'Tarn-et-Garonne Habitat' });
    expect(r.elements.map((e) => e.kind)).toEqual(['logement']);
    expect(r.next).toEqual({ kind: 'reunion', due: '2026-11-26' });
  });

  it('records the meeting: only members who signed the charter attend; a late meeting is a warning, not a refusal', async () => {
    now = new Date(2026, 10, 27, 14, 0);
    team.refresh();
    const r0 = await team.must(team.ass.token, 'concertation:get', { id: referralId });
    const id = (n: string) => r0.participants.find((p) => p.name === n)!.id;
    expect(r0.warnings.join(' ')).toMatch(/devait se réunir au plus tard le 26\/11\/2026/);
    const leroy = await refused(team.ass.token, 'concertation:recordMeeting', { referralId, heldOn: '2026-11-27', place: 'MDS de Montauban', attendees: [id('Mme Girard'), id('M. Leroy')] });
    expect(leroy.message).toBe('Présents : M. Leroy n’a pas signé la charte de l’instance (secret professionnel et secret partagé). Enregistrez sa signature avant de le compter présent.');
    expect((await refused(team.ass.token, 'concertation:recordMeeting', { referralId, heldOn: '2026-11-20', place: 'MDS', attendees: [id('Mme Girard')] })).message).toMatch(/précède la saisine/);
    expect((await refused(team.ass.token, 'concertation:recordMeeting', { referralId, heldOn: '2026-11-27', place: 'MDS', attendees: [999] })).field).toBe('attendees');
    expect((await refused(team.ass.token, 'concertation:addDecision', { referralId, action: 'X', who: 'Y' })).message).toMatch(/enregistrez d’abord la réunion/);
    expect((await refused(team.ass.token, 'concertation:close', { referralId })).message).toMatch(/enregistrez d’abord la réunion/);
    const r = await team.must(team.ass.token, 'concertation:recordMeeting', { referralId, heldOn: '2026-11-27', place: 'MDS de Montauban', attendees: [id('Mme Girard'), id('Mme Roux')], lateReason: 'Membre du bailleur indisponible avant' });
    expect(r.status).toBe('reunie');
    expect(r.participants.filter((p) => p.attended).map((p) => p.name)).toEqual(['Mme Girard', 'Mme Roux']);
    expect(r.warnings.join(' ')).toMatch(/après le délai de la charte : l’instance devait se réunir au plus tard le 26\/11\/2026\. Raison : Membre du bailleur/);
    expect(r.next).toBeNull();
    expect((await team.must(team.ass.token, 'tasks:mine', {})).items.filter((t) => t.module === 'concertation')).toEqual([]);
  });

  it('records decisions, then closing writes one instance_synthese entry in the DSU with the decisions, not the elements', async () => {
    expect((await refused(team.ass.token, 'concertation:close', { referralId })).message).toMatch(/au moins une décision/);
    expect((await refused(team.ass.token, 'concertation:addDecision', { referralId, action: 'X', who: 'Y', dueOn: '2026-11-01' })).message).toMatch(/précède la réunion/);
    await team.must(team.ass.token, 'concertation:addDecision', { referralId, action: 'Demande d’aide au FSL maintien', who: 'Alice Assistante (MDS)', dueOn: '2026-12-04' });
    await team.must(team.ass.token, 'concertation:addDecision', { referralId, action: 'Proposer un plan d’apurement', who: 'Tarn-et-Garonne Habitat' });
    const entriesBefore = (await team.must(team.ass.token, 'dsu:get', { id: dsuId })).journal.length;
    const r = await team.must(team.ass.token, 'concertation:close', { referralId });
    expect(r.status).toBe('close');
    expect(r.journalEntryId).not.toBeNull();
    const journal = (await team.must(team.ass.token, 'dsu:get', { id: dsuId })).journal;
    expect(journal).toHaveLength(entriesBefore + 1);
    const e = journal.find((x) => x.id === r.journalEntryId)!;
    expect(e).toMatchObject({ type: 'instance_synthese', occurredOn: '2026-11-27', field: 'enfance' });
    expect(e.summary).toMatch(/Instance de concertation réunie le 27\/11\/2026 à MDS de Montauban/);
    expect(e.summary).toMatch(/Demande d’aide au FSL maintien — Alice Assistante \(MDS\), pour le 04\/12\/2026/);
    expect(e.summary).toMatch(/Présents : Mme Girard \(CCAS de Montauban\), Mme Roux/);
    expect(e.summary).not.toMatch(/1 800/);
    expect((await refused(team.ass.token, 'concertation:addDecision', { referralId, action: 'X', who: 'Y' })).message).toMatch(/compte rendu est clos/);
    expect((await refused(team.ass.token, 'concertation:close', { referralId })).code).toBe('conflict');
  });

  it('writes the « Compte rendu » PDF for the members, in French, naming the family only under its consent', async () => {
    const doc = await team.must(team.resp.token, 'concertation:document', { id: referralId });
    expect(doc.mime).toBe('application/pdf');
    const dir = tmpDir();
    const file = path.join(dir, doc.fileName);
    fs.writeFileSync(file, Buffer.from(doc.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toMatch(/Compte rendu de l’instance de concertation/);
    expect(text).toMatch(/Famille MOREAU Lina/i);
    expect(text).toMatch(/Mme Girard/);
    expect(text).not.toMatch(/M\. Leroy/);
    expect(text).toMatch(/secret partagé/);
    expect(text).toMatch(/Dette locative de 1 800/);
    expect(text).toMatch(/Proposer un plan d’apurement/);
    // Once the consent is withdrawn, the family is designated by its file's number only.
    await team.must(team.ass.token, 'dsu:withdrawConsent', { id: consentId, withdrawnOn: '2026-11-27' });
    const after = await team.must(team.ass.token, 'concertation:document', { id: referralId });
    fs.writeFileSync(file, Buffer.from(after.contentBase64, 'base64'));
    const text2 = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text2).not.toMatch(/MOREAU/i);
    expect(text2).toMatch(/Famille du dossier/);
  });

  it('refuses to share an element once the family withdrew its consent', async () => {
    // A second referral, under a new consent, then withdrawn.
    const c = await team.must(team.ass.token, 'dsu:addConsent', { dsuId, personId, recipientLabel: 'Instance de concertation', scope: 'Nouvelle situation', form: 'oral_trace', givenOn: '2026-11-27' });
    const r = await team.must(team.ass.token, 'concertation:refer', { dsuId, consentId: c.id, ...referral });
    // The permanent member who signed the charter at the first referral has it signed here too; the one who did not, not.
    expect(r.participants.map((p) => [p.name, p.charterSignedOn])).toEqual([
      ['M. Leroy', null],
      ['Mme Girard', '2026-11-23'],
    ]);
    expect((await team.must(team.ass.token, 'concertation:members', {})).find((m) => m.name === 'Mme Girard')!.charterSignedOn).toBe('2026-11-23');
    now = new Date(2026, 10, 28, 9, 0);
    team.refresh();
    await team.must(team.ass.token, 'dsu:withdrawConsent', { id: c.id, withdrawnOn: '2026-11-28' });
    const e = await refused(team.ass.token, 'concertation:addElement', { referralId: r.id, kind: 'logement', content: 'x' });
    expect(e.message).toMatch(/retiré le 28\/11\/2026.*Aucun élément ne peut plus être partagé/);
    expect((await team.must(team.ass.token, 'concertation:get', { id: r.id })).warnings.join(' ')).toMatch(/Aucun élément ne peut plus être partagé/);
  });

  it('is part of the household’s export and of the person’s right-of-access export', async () => {
    const m = team.app.modules.find((x) => x.name === 'concertation')!;
    for (const parts of [m.dsuExport!(team.app.vault.db, dsuId), m.personExport!(team.app.vault.db, personId)]) {
      expect(parts[0]!.title).toBe('Instance de concertation');
      const first = parts[0]!.entries.find((e) => e.heading === 'Saisine de l’instance de concertation du 23/11/2026')!;
      const v = (label: string) => first.fields.filter((f) => f.label === label).map((f) => f.value);
      expect(v('Réunion')).toEqual(['le 27/11/2026 à MDS de Montauban']);
      expect(v('Avancement')).toEqual(['close, synthèse versée au journal du DSU']);
      expect(v('Décision')).toContain('Demande d’aide au FSL maintien — Alice Assistante (MDS), pour le 04/12/2026');
      expect(v('Élément partagé — Logement')[0]).toMatch(/^Dette locative de 1 800 €/);
    }
    const json = await team.must(team.ass.token, 'persons:export', { id: personId, format: 'json' });
    expect(Buffer.from(json.contentBase64, 'base64').toString()).toContain('Proposer un plan d’apurement');
  });

  it('counts referrals, meetings and decisions per professional for the activity report', async () => {
    const stats = team.app.modules.find((m) => m.name === 'concertation')!.statistics!(team.app.vault.db, '2026-11-01', '2026-11-30');
    const v = (k: string) => stats.find((s) => s.key === k)?.value;
    expect([v('concertation.referrals'), v('concertation.meetings'), v('concertation.decisions')]).toEqual([2, 1, 2]);
    expect(v(`concertation.referrals.user_${team.ass.id}`)).toBe(2);
  });
});
