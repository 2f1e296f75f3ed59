/**
 * A decision pays only as the request's dispositif allows (DOMAIN §4.1, §4.4): the
 * responsable's grant and the commission's decision refuse, in French and naming the field, a
 * payment mode the règlement does not provide for that dispositif, and write nothing (data
 * folder hashed before and after). The example's FAJ pays by transfer only, no chèques.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aidTeam, household, secours, TODAY, type AidTeam } from '../../../tests/helpers/aides';
import { hashDir } from '../../../tests/helpers/tmp';

let team: AidTeam;
beforeAll(async () => {
  team = await aidTeam();
});

/** A FAJ request for a young person (born in 2004: 22), in the barème and the delegation, taken by the responsable. */
async function fajTaken(birthDate: string) {
  const h = await household(team, team.ass, { birthDate });
  let a = await team.must(team.ass.token, 'aid:save', secours(h, { dispositif: 'faj', nature: 'mobilite', object: 'Abonnement de bus pour la formation', amountCents: 6000 }));
  a = await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
  expect(a.evaluation).toMatchObject({ outcome: 'dans_bareme', route: 'validation' });
  return team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
}
const cheques = { grantedCents: 6000, paymentMode: 'cheques_accompagnement', cheques: 3, payeeKind: 'beneficiaire' } as const;

describe('a decision’s payment mode is one the dispositif allows', () => {
  it('the options say so: the FAJ pays by transfer only', async () => {
    const o = await team.must(team.resp.token, 'aid:options', { day: TODAY });
    expect(o.dispositifs.find((d) => d.code === 'faj')?.paymentModes).not.toContain('cheques_accompagnement');
  });

  it('the responsable’s grant in chèques is refused, nothing written; by transfer it is granted', async () => {
    const a = await fajTaken('2004-03-01');
    const before = hashDir(team.dir);
    const r = await team.call(team.resp.token, 'aid:act', { action: 'grant', id: a.id, ...cheques });
    expect(r.ok ? 'ok' : [r.error.code, r.error.field]).toEqual(['invalid_input', 'paymentMode']);
    if (!r.ok) expect(r.error.message).toBe('Le mode de paiement « chèques d’accompagnement personnalisé » n’est pas prévu par le dispositif « Fonds d’aide aux jeunes » : choisissez parmi « virement au bénéficiaire », « virement à un tiers ».');
    expect(hashDir(team.dir)).toEqual(before);
    const ok = await team.must(team.resp.token, 'aid:act', { action: 'grant', id: a.id, grantedCents: 6000, paymentMode: 'virement_beneficiaire', payeeKind: 'beneficiaire' });
    expect(ok).toMatchObject({ status: 'accordee', paymentMode: 'virement_beneficiaire' });
  });

  it('the commission’s decision in chèques is refused, nothing written; by transfer to a third party it is recorded', async () => {
    const a = await fajTaken('2004-06-15');
    await team.must(team.resp.token, 'aid:act', { action: 'toCommission', id: a.id, favorable: true, opinion: 'Entrée en formation : avis favorable.' });
    const s = await team.must(team.resp.token, 'commission:save', { heldOn: TODAY, members: ['Mme la Vice-présidente'] });
    await team.must(team.resp.token, 'commission:assign', { id: s.id, add: [a.id] });
    const before = hashDir(team.dir);
    const r = await team.call(team.resp.token, 'commission:decide', { id: s.id, requestId: a.id, decision: 'accordee', ...cheques });
    expect(r.ok ? 'ok' : [r.error.code, r.error.field]).toEqual(['invalid_input', 'paymentMode']);
    if (!r.ok) expect(r.error.message).toMatch(/^Le mode de paiement « chèques d’accompagnement personnalisé » n’est pas prévu par le dispositif « Fonds d’aide aux jeunes »/);
    expect(hashDir(team.dir)).toEqual(before);
    const ok = await team.must(team.resp.token, 'commission:decide', { id: s.id, requestId: a.id, decision: 'accordee', grantedCents: 6000, paymentMode: 'virement_tiers', payeeKind: 'etablissement', payeeName: 'Réseau de bus' });
    expect(ok).toMatchObject({ status: 'accordee', paymentMode: 'virement_tiers', payeeName: 'Réseau de bus' });
  });
});

describe('a decision’s payment problems come back together, each on its field', () => {
  it('too few chèques and a third party without a name: both named at once, nothing written', async () => {
    const h = await household(team, team.ass, { birthDate: '1980-05-02' });
    let a = await team.must(team.ass.token, 'aid:save', secours(h, { amountCents: 6000 }));
    a = await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    a = await team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
    const before = hashDir(team.dir);
    const r = await team.call(team.resp.token, 'aid:act', { action: 'grant', id: a.id, grantedCents: 6000, paymentMode: 'cheques_accompagnement', cheques: 0, payeeKind: 'etablissement', payeeName: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('cheques');
      expect(Object.keys(r.error.fields ?? {})).toEqual(['cheques', 'payeeName']);
      expect(r.error.fields?.payeeName).toBe('Indiquez le nom du tiers payé.');
    }
    expect(hashDir(team.dir)).toEqual(before);
  });
});
