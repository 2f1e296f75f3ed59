/**
 * The household's situation (DOMAIN §3): dated versions with their history, read and written
 * with the DSU's access and audited; bad input refused in French with the folder unchanged;
 * in the DSU's export whole, in a person's export without the other members' own lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDir } from '../../../tests/helpers/tmp';
import { newTeam, register, type Team } from '../../../tests/helpers/team';
import type { Input, PersonCard } from '../../modules';
import { changedSections, emptySituation, situationExport } from './situation';

let team: Team;
let ines: PersonCard;
let marc: { person: { id: number } };
let stranger: PersonCard;
let dsuId: number;
const now = new Date(2026, 10, 23, 9, 0);

type SituationIn = Input<'dsu:saveSituation'>['situation'];
const first: SituationIn = {
  validOn: '2026-11-20',
  housing: { status: 'locataire_social', landlord: 'Tarn-et-Garonne Habitat', rentCents: 52_000, arrearsCents: 156_000, note: '' },
  budget: { resources: [{ kind: 'rsa', amountCents: 64_652, label: '' }], charges: [{ kind: 'loyer', amountCents: 52_000, label: '' }] },
  allocataire: { organism: 'caf', number: '1234567' },
  measures: [{ kind: 'masp', since: '2026-09-01', holder: 'Service social départemental' }],
  note: 'Dette locative née d’une rupture de droits.',
};

beforeAll(async () => {
  team = await newTeam(() => now);
  ines = await register(team, { birthName: 'Moreau', firstNames: 'Inès', birthDate: '1988-08-08' });
  marc = await team.must(team.sec.token, 'persons:create', {
    birthName: 'Moreau',
    firstNames: 'Marc',
    birthDate: '1985-03-03',
    household: { existingId: ines.household!.id, role: 'conjoint' },
    confirmNotDuplicate: true,
  });
  stranger = await register(team, { birthName: 'Lointain', firstNames: 'Paul', birthDate: '1970-01-01' });
  dsuId = (await team.must(team.ass.token, 'dsu:open', { householdId: ines.household!.id, referentId: team.ass.id })).id;
});
afterAll(() => team?.app.close());

const save = (token: string, basedOn: number | null, situation: SituationIn) => team.call(token, 'dsu:saveSituation', { dsuId, basedOn, situation });
const audits = (action: string) => (team.app.vault.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ? AND entity_id = ?').get(action, String(dsuId)) as { n: number }).n;

describe('the situation’s versions', () => {
  it('starts empty, then the référent records a first version; both the read and the save are audited', async () => {
    const empty = await team.must(team.ass.token, 'dsu:situation', { dsuId });
    expect(empty).toEqual({ version: null, latestId: null, history: [] });
    expect(audits('situation.read')).toBe(1);

    const withMembers: SituationIn = {
      ...first,
      members: [
        { personId: ines.person.id, activity: 'recherche_emploi', franceTravail: true, rsa: true, contract: 'cer', contractUntil: '2027-03-31', healthCover: 'css' },
        { personId: marc.person.id, activity: 'emploi_precaire', healthCover: 'securite_sociale_mutuelle' },
      ],
      referentParcours: { partnerId: team.partners.caf, name: 'Mme Durand', contact: '05 63 00 00 00' },
    };
    const r = await save(team.ass.token, null, withMembers);
    expect(r.ok).toBe(true);
    const out = await team.must(team.ass.token, 'dsu:situation', { dsuId });
    expect(out.history).toHaveLength(1);
    expect(out.version).toMatchObject({
      validOn: '2026-11-20',
      recordedBy: { displayName: 'Alice Assistante' },
      changed: ['logement', 'budget', 'insertion', 'sante', 'allocataire', 'mesures', 'referentParcours', 'note'],
    });
    const c = out.version!.content;
    expect(c.housing.arrearsCents).toBe(156_000);
    expect(c.budget.resources[0]).toMatchObject({ kind: 'rsa', amountCents: 64_652 });
    expect(c.members[1]).toEqual({ personId: marc.person.id, activity: 'emploi_precaire', franceTravail: false, rsa: false, contract: 'aucun', contractUntil: null, healthCover: 'securite_sociale_mutuelle' });
    // The partner's name is taken from the directory when the situation is saved.
    expect(c.referentParcours).toEqual({ userId: null, partnerId: team.partners.caf, name: 'Mme Durand', organisation: 'CAF de Tarn-et-Garonne — Accueil', contact: '05 63 00 00 00' });
    expect(audits('situation.save')).toBe(1);
    expect(audits('situation.read')).toBe(2);
  });

  it('keeps each save as a new dated version: the history says what changed, an old version stays readable', async () => {
    const before = await team.must(team.ass.token, 'dsu:situation', { dsuId });
    const content = before.version!.content;
    const next = { ...content, validOn: '2026-11-23', housing: { ...content.housing, arrearsCents: 0 } };
    const r = await team.must(team.ass.token, 'dsu:saveSituation', { dsuId, basedOn: before.latestId, situation: next });
    expect(r.history.map((h) => h.changed)).toEqual([['logement'], expect.any(Array)]);
    expect(r.version!.content.housing.arrearsCents).toBe(0);
    const old = await team.must(team.ass.token, 'dsu:situation', { dsuId, versionId: r.history[1]!.id });
    expect(old.version!.content.housing.arrearsCents).toBe(156_000);
    expect(old.latestId).toBe(r.history[0]!.id);
    // Versions are never rewritten.
    expect(() => team.app.vault.db.prepare('UPDATE dsu_situations SET content = ? WHERE dsu_id = ?').run('{}', dsuId)).toThrow(/append-only/);
  });

  it('a référent de parcours of the MDS is named from the account', async () => {
    const cur = await team.must(team.ass.token, 'dsu:situation', { dsuId });
    const r = await team.must(team.ass.token, 'dsu:saveSituation', {
      dsuId,
      basedOn: cur.latestId,
      situation: { ...cur.version!.content, referentParcours: { userId: team.cesf.id, partnerId: null, name: '', organisation: 'MDS de Montauban', contact: '' } },
    });
    expect(r.version!.content.referentParcours).toMatchObject({ userId: team.cesf.id, name: 'Claire Conseillère' });
    expect(r.version!.changed).toEqual(['referentParcours']);
  });
});

describe('bad input', () => {
  it('is refused in French, naming the field, with the folder unchanged', async () => {
    const cur = await team.must(team.ass.token, 'dsu:situation', { dsuId });
    const base = cur.version!.content;
    const latest = cur.latestId;
    const before = hashDir(team.dir);
    const cases: [SituationIn, number | null, RegExp, string | undefined][] = [
      [{ ...base, validOn: '2026-11-24' }, latest, /futur/, 'validOn'],
      [{ ...base, validOn: '2026-11-01' }, latest, /ne peut pas être datée d’avant/, 'validOn'],
      [{ ...base, members: [{ personId: stranger.person.id }] }, latest, /ne fait pas partie du foyer/, 'members'],
      [{ ...base, members: [{ personId: 999_999 }] }, latest, /ne fait pas partie du foyer/, 'members'],
      [{ ...base, measures: [{ kind: 'tutelle', personId: stranger.person.id }] }, latest, /ne fait pas partie du foyer/, 'measures'],
      [{ ...base, referentParcours: { partnerId: 999_999, name: 'X' } }, latest, /partenaire n’existe pas/, 'referentParcours'],
      [{ ...base, referentParcours: { userId: 999_999 } }, latest, /pas celui d’un professionnel actif/, 'referentParcours'],
      [{ ...base, referentParcours: { userId: team.sec.id } }, latest, /pas celui d’un professionnel actif/, 'referentParcours'],
      [{ ...base, members: [{ personId: ines.person.id, contract: 'cer' }] }, latest, /CER se signe dans le cadre du RSA/, undefined],
      [{ ...base, allocataire: { organism: null, number: '123' } }, latest, /CAF ou de la MSA/, undefined],
      [{ ...base, housing: { ...base.housing, rentCents: -5 } }, latest, /négatif/, undefined],
      [base, latest! - 1, /pendant que vous la modifiiez/, 'basedOn'],
      [base, latest, /Rien n’a changé/, undefined],
    ];
    for (const [situation, basedOn, message, field] of cases) {
      const r = await save(team.ass.token, basedOn, situation);
      expect(r.ok, String(message)).toBe(false);
      if (r.ok) continue;
      expect(r.error.message).toMatch(message);
      if (field) expect(r.error.field).toBe(field);
    }
    expect(hashDir(team.dir)).toEqual(before);
  });
});

describe('access', () => {
  it('follows the DSU’s: another ASS needs an exceptional access, the secretaire nothing, a closed file is read-only', async () => {
    const cur = await team.must(team.ass.token, 'dsu:situation', { dsuId });
    const other = await team.call(team.ass2.token, 'dsu:situation', { dsuId });
    expect(other.ok || other.error.code).toBe('exceptional_access_required');
    const sec = await team.call(team.sec.token, 'dsu:situation', { dsuId });
    expect(sec.ok || sec.error.code).toBe('forbidden');
    const unknown = await team.call(team.ass.token, 'dsu:situation', { dsuId: 999_999 });
    expect(unknown.ok || unknown.error.code).toBe('not_found');
    // The responsable reads and writes it.
    const byResp = await team.must(team.resp.token, 'dsu:saveSituation', { dsuId, basedOn: cur.latestId, situation: { ...cur.version!.content, note: 'Point fait en réunion d’équipe.' } });
    expect(byResp.version!.recordedBy.displayName).toBe('Rémi Responsable');
    await team.must(team.ass.token, 'dsu:close', { id: dsuId, reason: 'fin_de_demande' });
    const closed = await save(team.ass.token, byResp.latestId, { ...byResp.version!.content, note: 'Après clôture' });
    expect(closed.ok || closed.error.code).toBe('read_only');
    expect((await team.must(team.ass.token, 'dsu:situation', { dsuId })).history).toHaveLength(4);
    await team.must(team.ass.token, 'dsu:reopen', { id: dsuId });
  });
});

describe('exports', () => {
  it('the DSU’s export holds the situation and its history; a person’s holds their own line only', async () => {
    const json = await team.must(team.ass.token, 'dsu:export', { id: dsuId, format: 'json' });
    const data = JSON.parse(Buffer.from(json.contentBase64, 'base64').toString()) as { parts: { title: string; entries: { heading: string; fields: { label: string; value: string }[] }[] }[] };
    const situation = data.parts.find((p) => p.title === 'Situation du foyer')!;
    expect(situation.entries[0]!.heading).toMatch(/^Situation au 23\/11\/2026 \(enregistrée le \d{2}\/\d{2}\/2026 par Rémi Responsable\)$/);
    const fields = Object.fromEntries(situation.entries[0]!.fields.map((f) => [f.label, f.value]));
    expect(fields['Logement']).toBe('Locataire du parc social');
    expect(fields['Loyer charges comprises']).toBe('520,00 € par mois');
    expect(fields['MOREAU Inès']).toContain('CER (contrat d’engagement réciproque) jusqu’au 31/03/2027');
    expect(fields['MOREAU Marc']).toContain('Emploi précaire');
    expect(fields['Synthèse']).toBe('Point fait en réunion d’équipe.');
    expect(data.parts.find((p) => p.title === 'Historique de la situation')!.entries).toHaveLength(4);

    const mine = await team.must(team.ass.token, 'persons:export', { id: ines.person.id, format: 'json' });
    const text = Buffer.from(mine.contentBase64, 'base64').toString();
    expect(text).toContain('Situation du foyer');
    expect(text).toContain('bénéficiaire du RSA');
    expect(text).not.toContain('Emploi précaire'); // Marc's own line
    expect(text).not.toContain('Point fait en réunion'); // the professionals' synthesis
  });
});

describe('pure rules', () => {
  it('a first version lists its filled sections; a later one only those that differ', () => {
    const a = { ...emptySituation('2026-01-01'), housing: { status: 'locataire_prive' as const, landlord: '', rentCents: 40_000, arrearsCents: null, note: '' } };
    expect(changedSections(null, a)).toEqual(['logement']);
    expect(changedSections(a, { ...a, validOn: '2026-02-01' })).toEqual([]);
    expect(changedSections(a, { ...a, members: [{ personId: 1, activity: null, franceTravail: false, rsa: false, contract: 'aucun', contractUntil: null, healthCover: 'ame' }] })).toEqual(['insertion', 'sante']);
  });

  it('an export without any version says so', () => {
    expect(situationExport(null, new Map())).toEqual({ title: 'Situation du foyer', empty: 'Aucune situation enregistrée.', entries: [] });
  });
});
