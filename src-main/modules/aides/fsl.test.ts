/**
 * Several règlements in force at once (DOMAIN §4.1, §6): the FSL's règlement intérieur beside the
 * département's aid règlement, one active version per code; a request is evaluated, queued and
 * counted against envelopes under the règlement of its dispositif.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import exemple from '../../../resources/reglements/exemple.json';
import fsl from '../../../resources/reglements/fsl-exemple.json';
import { aidTeam, household, secours, type AidTeam } from '../../../tests/helpers/aides';
import { hashDir } from '../../../tests/helpers/tmp';

let team: AidTeam;
beforeAll(async () => {
  team = await aidTeam();
});

/** An FSL maintien request: rent arrears paid to the landlord. */
function maintien(h: { dsuId: number; personId: number }, amountCents: number) {
  return secours(h, {
    dispositif: 'fsl_maintien',
    nature: 'loyer_maintien',
    object: 'Dette locative de trois mois de loyer',
    amountCents,
    paymentMode: 'virement_tiers',
    payeeKind: 'bailleur',
    payeeName: 'Tarn-et-Garonne Habitat',
    budget: { resources: [{ kind: 'rsa', amountCents: 60000 }], charges: [{ kind: 'loyer', amountCents: 45000 }] },
  });
}

describe('the FSL règlement intérieur beside the département’s règlement', () => {
  it('both codes are in force at once; a new version of one leaves the other in force', async () => {
    const imported = await team.must(team.resp.token, 'reglement:import', { document: JSON.stringify(fsl) });
    expect(imported).toMatchObject({ code: 'fsl', status: 'brouillon', inForceToday: false });
    await team.must(team.resp.token, 'reglement:activate', { id: imported.id });
    let list = await team.must(team.resp.token, 'reglement:list', {});
    expect(list.filter((r) => r.inForceToday).map((r) => [r.code, r.version]).sort()).toEqual([
      ['exemple', 1],
      ['fsl', 1],
    ]);
    const options = await team.must(team.ass.token, 'aid:options', {});
    // The département's règlement first: it is the default of a new request.
    expect(options.reglement.code).toBe('exemple');
    expect(options.reglements.map((r) => r.code)).toEqual(['exemple', 'fsl']);
    expect(options.dispositifs.filter((d) => d.reglementCode === 'fsl').map((d) => d.code)).toEqual(['fsl_maintien', 'fsl_acces', 'fsl_energie']);
    expect(options.dispositifs.find((d) => d.code === 'fsl_maintien')?.paymentModes).toEqual(['virement_tiers']);
    const onlyFsl = await team.must(team.ass.token, 'aid:options', { reglementCode: 'fsl' });
    expect(new Set(onlyFsl.dispositifs.map((d) => d.reglementCode))).toEqual(new Set(['fsl']));

    // A second version of the département's règlement from 1 November: the FSL stays in force.
    const v2 = structuredClone(exemple) as typeof exemple;
    v2.version = 2;
    v2.effectiveFrom = '2026-11-01';
    const d2 = await team.must(team.resp.token, 'reglement:import', { document: JSON.stringify(v2) });
    const act = await team.must(team.adminToken, 'reglement:activate', { id: d2.id });
    expect(act).toMatchObject({ inForceToday: true, until: null });
    list = await team.must(team.resp.token, 'reglement:list', {});
    expect(list.filter((r) => r.inForceToday).map((r) => [r.code, r.version]).sort()).toEqual([
      ['exemple', 2],
      ['fsl', 1],
    ]);
    expect(list.find((r) => r.code === 'exemple' && r.version === 1)).toMatchObject({ until: '2026-10-31', inForceToday: false });
    expect(list.find((r) => r.code === 'fsl')).toMatchObject({ until: null, inForceToday: true });
  });

  it('an FSL maintien request is evaluated, submitted and queued under the FSL’s rules', async () => {
    const h = await household(team);
    // 1 200 € of rent arrears: above the département’s loyer_maintien ceiling (300 €), within the FSL’s (1 500 € for a person alone).
    let a = await team.must(team.ass.token, 'aid:save', maintien(h, 120_000));
    expect(a.reglement).toMatchObject({ code: 'fsl', version: 1 });
    expect(a.dispositifLabel).toBe('FSL maintien — impayés de loyer');
    expect(a.evaluation?.outcome).toBe('dans_bareme');
    expect(a.evaluation?.ceilingCents).toBe(150_000);
    expect(a.evaluation?.rules.find((r) => r.id === 'plafond')?.sentence).toMatch(/plafond de 1\s500,00/);
    // Above the FSL's delegation (800 €): the commission decides.
    expect(a.evaluation?.route).toBe('commission');
    const tooMuch = await team.must(team.ass.token, 'aid:evaluate', maintien(h, 160_000));
    expect(tooMuch.reglement.code).toBe('fsl');
    expect(tooMuch.evaluation.outcome).toBe('hors_bareme');

    a = await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    expect(a.reglement).toMatchObject({ code: 'fsl', version: 1 });
    expect(a).toMatchObject({ payeeKind: 'bailleur', payeeName: 'Tarn-et-Garonne Habitat', paymentMode: 'virement_tiers' });
    const queue = await team.must(team.resp.token, 'aid:queue', {});
    expect(queue.find((q) => q.id === a.id)).toMatchObject({ dispositifLabel: 'FSL maintien — impayés de loyer' });

    // A secours of the same household stays under the département's règlement.
    const s = await team.must(team.ass.token, 'aid:save', secours(h));
    expect(s.reglement?.code).toBe('exemple');
  });

  it('the envelopes keep the FSL apart from the département’s aids', async () => {
    await team.must(team.resp.token, 'envelope:set', { year: 2026, envelope: 'enveloppe_fsl', votedCents: 1_000_000 });
    const env = await team.must(team.resp.token, 'envelope:list', { year: 2026 });
    const fslRow = env.rows.find((r) => r.envelope === 'enveloppe_fsl')!;
    expect(fslRow.dispositifs.slice().sort()).toEqual(['FSL accès — entrée dans un logement', 'FSL maintien — impayés de loyer', 'FSL énergie / eau — impayés de fourniture']);
    expect(fslRow.votedCents).toBe(1_000_000);
    expect(env.rows.find((r) => r.envelope === 'enveloppe_cd')?.dispositifs).not.toContain('FSL maintien — impayés de loyer');
  });

  it('refuses an unknown règlement, one not in force on the day, and a dispositif of another règlement, in French, writing nothing', async () => {
    const before = hashDir(team.dir);
    const unknown = await team.call(team.ass.token, 'aid:options', { reglementCode: 'inconnu' });
    expect(unknown.ok ? 'ok' : unknown.error.message).toMatch(/Le règlement « inconnu » n’existe pas/);
    const early = await team.call(team.ass.token, 'aid:options', { reglementCode: 'fsl', day: '2024-06-01' });
    expect(early.ok ? 'ok' : early.error.message).toMatch(/Aucune version du règlement « fsl » n’est en vigueur au 01\/06\/2024/);
    const clash = structuredClone(fsl) as typeof fsl;
    clash.code = 'fsl-bis';
    const out = await team.call(team.resp.token, 'reglement:import', { document: JSON.stringify(clash) });
    expect(out.ok ? 'ok' : out.error.message).toMatch(/Le dispositif « fsl_maintien » appartient déjà au règlement « fsl »/);
    expect(hashDir(team.dir)).toEqual(before);
  });
});

describe('an FSL dispositif on a day the FSL’s règlement is not in force', () => {
  it('is refused in French, naming the règlement and the date, writing nothing', async () => {
    const t = await aidTeam();
    const later = structuredClone(fsl) as typeof fsl;
    later.effectiveFrom = '2026-11-20';
    const d = await t.must(t.resp.token, 'reglement:import', { document: JSON.stringify(later) });
    await t.must(t.resp.token, 'reglement:activate', { id: d.id });
    const h = await household(t);
    const before = hashDir(t.dir);
    const out = await t.call(t.ass.token, 'aid:save', { ...maintien(h, 50_000), requestedOn: '2026-11-10' });
    expect(out.ok ? 'ok' : out.error.message).toBe(
      'Le dispositif « FSL maintien — impayés de loyer » relève du règlement « fsl », dont aucune version n’est en vigueur au 10/11/2026 : datez la demande dans sa période de vigueur, ou choisissez un dispositif d’un règlement en vigueur.',
    );
    expect(out.ok ? null : out.error.field).toBe('dispositif');
    expect(hashDir(t.dir)).toEqual(before);
    // From the day it applies, the same request is evaluated under it.
    const ok = await t.must(t.ass.token, 'aid:save', { ...maintien(h, 50_000), requestedOn: '2026-11-20' });
    expect(ok.reglement?.code).toBe('fsl');
  });
});
