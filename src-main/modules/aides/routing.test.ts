/**
 * Out of the barème or above the delegation, the responsable gives her opinion and sends the
 * request to the commission (DOMAIN §4.4); she refuses it alone only where the règlement's
 * dispositif says so (`refusAutonome`, with its source). Through the API: the refusal is
 * refused in French and writes nothing, the screen is not offered it, the opinion reaches
 * the commission (its screen and its printed agenda).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import exemple from '../../../resources/reglements/exemple.json';
import { aidTeam, household, secours, TODAY, type AidTeam } from '../../../tests/helpers/aides';
import { hashDir, tmpDir } from '../../../tests/helpers/tmp';
import { parseReglement } from './reglement';
import { refusalAlone } from './workflow';

let team: AidTeam;
beforeAll(async () => {
  team = await aidTeam();
});

function pdfText(b64: string): string {
  const file = path.join(tmpDir('passeur-pdf-'), 'doc.pdf');
  fs.writeFileSync(file, Buffer.from(b64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
}

/** A request submitted and taken by the responsable, ready for her decision. */
async function taken(over: Parameters<typeof secours>[1] = {}) {
  const h = await household(team);
  const a = await team.must(team.ass.token, 'aid:save', secours(h, over));
  await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
  return team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
}

describe('the rule, pure', () => {
  it('refusing alone is for the barème and the delegation, or where the règlement allows it', () => {
    expect(refusalAlone('validation', false)).toBeNull();
    expect(refusalAlone('commission', true)).toBeNull();
    expect(refusalAlone('commission', false)).toMatch(/ne permet pas au responsable de la refuser seul.*transmettez-la à la commission/);
  });

  it('the règlement field defaults to false, and true needs the article that allows it', () => {
    const parsed = parseReglement(exemple);
    expect(parsed.ok && parsed.reglement.dispositifs.every((d) => d.refusAutonome === false)).toBe(true);
    const old = structuredClone(exemple) as { dispositifs: Record<string, unknown>[] };
    for (const d of old.dispositifs) delete d.refusAutonome;
    const read = parseReglement(old);
    expect(read.ok && read.reglement.dispositifs.map((d) => d.refusAutonome)).toEqual([false, false, false, false]);
    const noSource = structuredClone(exemple) as { dispositifs: Record<string, unknown>[] };
    noSource.dispositifs[0]!.refusAutonome = true;
    const r = parseReglement(noSource);
    expect(r.ok ? 'ok' : r.problems.map((p) => p.path)).toEqual(['dispositifs.0.refusAutonomeSource']);
  });
});

describe('through the API, under the example règlement (no refusal alone)', () => {
  it('out of the barème: the refusal is refused in French and writes nothing; the screen offers the commission, not the refusal', async () => {
    const a = await taken({ nature: 'energie', object: 'Facture de régularisation', amountCents: 24000 });
    expect(a.evaluation?.route).toBe('commission');
    expect(a.can).toEqual(expect.arrayContaining(['toCommission', 'adjourn', 'classify']));
    expect(a.can).not.toContain('refuse');
    expect(a.can).not.toContain('grant');
    const before = hashDir(team.dir);
    const r = await team.call(team.resp.token, 'aid:act', { action: 'refuse', id: a.id, reasons: 'Plafond dépassé' });
    expect(r.ok ? 'ok' : [r.error.code, r.error.message]).toEqual(['conflict', expect.stringMatching(/^Cette demande est hors barème ou au-delà de la délégation : le règlement ne permet pas au responsable de la refuser seul\./)]);
    expect(hashDir(team.dir)).toEqual(before);
    expect((await team.must(team.resp.token, 'aid:get', { id: a.id })).status).toBe('a_valider');
  });

  it('within the barème and the delegation, she still refuses alone', async () => {
    const a = await taken();
    expect(a.evaluation?.route).toBe('validation');
    expect(a.can).toContain('refuse');
    expect((await team.must(team.resp.token, 'aid:act', { action: 'refuse', id: a.id, reasons: 'Ressources suffisantes' })).status).toBe('refusee');
  });

  it('her opinion is recorded and shown to the commission, on its screen and in the printed agenda', async () => {
    const a = await taken({ nature: 'energie', object: 'Facture de régularisation', amountCents: 24000 });
    const sent = await team.must(team.resp.token, 'aid:act', { action: 'toCommission', id: a.id, favorable: false, opinion: 'Mobiliser d’abord le chèque énergie.' });
    expect(sent).toMatchObject({ status: 'en_commission', opinion: 'Mobiliser d’abord le chèque énergie.', opinionFavorable: false });
    const s = await team.must(team.resp.token, 'commission:save', { heldOn: TODAY, members: ['Élue du canton'] });
    await team.must(team.resp.token, 'commission:assign', { id: s.id, add: [a.id] });
    const view = await team.must(team.resp.token, 'commission:get', { id: s.id });
    expect(view.agenda.find((r) => r.id === a.id)).toMatchObject({ opinion: 'Mobiliser d’abord le chèque énergie.', opinionFavorable: false });
    const agenda = pdfText((await team.must(team.resp.token, 'commission:agenda', { id: s.id })).contentBase64);
    expect(agenda).toContain('Avis du responsable (défavorable) : Mobiliser d’abord le chèque énergie.');
    // Without an opinion, nothing goes to the commission.
    const b = await taken({ nature: 'energie', object: 'Autre facture', amountCents: 24000 });
    const empty = await team.call(team.resp.token, 'aid:act', { action: 'toCommission', id: b.id, favorable: true, opinion: '  ' });
    expect(empty.ok ? 'ok' : [empty.error.code, empty.error.message]).toEqual(['invalid_input', expect.stringMatching(/Avis : à renseigner/)]);
  });
});

describe('under a règlement that lets the responsable refuse alone', () => {
  it('above the delegation she may refuse (the screen offers it); a request submitted under the old version keeps its rule', async () => {
    const before = await taken({ nature: 'energie', object: 'Facture', amountCents: 24000 });
    const v2 = structuredClone(exemple) as typeof exemple & { dispositifs: Record<string, unknown>[] };
    v2.version = 2;
    v2.effectiveFrom = '2026-01-01';
    Object.assign(v2.dispositifs[0]!, { delegationCents: 10000, refusAutonome: true, refusAutonomeSource: 'Règlement d’essai, art. 12 : le responsable refuse seul une demande hors barème' });
    const imported = await team.must(team.resp.token, 'reglement:import', { document: JSON.stringify(v2) });
    await team.must(team.adminToken, 'reglement:activate', { id: imported.id });

    // 120 € is in the barème but above the new 100 € delegation: the commission's, unless she refuses.
    const a = await taken();
    expect(a.evaluation).toMatchObject({ outcome: 'dans_bareme', withinDelegation: false, route: 'commission' });
    expect(a.can).toEqual(expect.arrayContaining(['refuse', 'toCommission']));
    expect(a.can).not.toContain('grant');
    const refused = await team.must(team.resp.token, 'aid:act', { action: 'refuse', id: a.id, reasons: 'Aide déjà mobilisée auprès du CCAS' });
    expect(refused.status).toBe('refusee');

    // Submitted under version 1 (no refusal alone): still the commission's.
    const seen = await team.must(team.resp.token, 'aid:get', { id: before.id });
    expect(seen.reglement?.version).toBe(1);
    expect(seen.can).not.toContain('refuse');
    const r = await team.call(team.resp.token, 'aid:act', { action: 'refuse', id: before.id, reasons: 'Plafond dépassé' });
    expect(r.ok ? 'ok' : r.error.code).toBe('conflict');
  });
});
