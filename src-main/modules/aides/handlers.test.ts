/** The aid channels through the API: the journey, règlement versions, envelopes, PDFs. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../modules';
import exemple from '../../../resources/reglements/exemple.json';
import { aidTeam, household, reach, secours, GRANT, TODAY, type AidTeam } from '../../../tests/helpers/aides';
import { hashDir, tmpDir } from '../../../tests/helpers/tmp';

let team: AidTeam;
beforeAll(async () => {
  team = await aidTeam();
});

function pdfText(b64: string): { text: string; pages: number } {
  const dir = tmpDir('passeur-pdf-');
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, Buffer.from(b64, 'base64'));
  execFileSync('pdftoppm', ['-r', '40', '-png', file, path.join(dir, 'page')]);
  if (process.env.PASSEUR_SHOTS) execFileSync('pdftoppm', ['-r', '70', '-png', file, path.join(process.env.PASSEUR_SHOTS, `pdf-${Date.now()}`)]);
  const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
  for (const p of pngs) expect(fs.statSync(path.join(dir, p)).size).toBeGreaterThan(1000);
  return { text: execFileSync('pdftotext', ['-layout', file, '-']).toString(), pages: pngs.length };
}

describe('the journey of the issue, through the API', () => {
  it('one secours in the barème validated, one above it refused by the commission, then granted lower on recours to the energy supplier', async () => {
    await team.must(team.resp.token, 'envelope:set', { year: 2026, envelope: 'enveloppe_cd', votedCents: 500_000 });
    const env0 = await team.must(team.resp.token, 'envelope:list', { year: 2026 });
    // The seed's shared envelope (secours CD, AM and AML of the ASE), the FAJ on its own.
    expect(env0.rows.map((r) => [r.envelope, r.dispositifs.length])).toEqual([
      ['enveloppe_cd', 3],
      ['faj', 1],
    ]);
    const engaged0 = env0.rows.find((r) => r.envelope === 'enveloppe_cd')!.engagedCents;

    // 1. In the barème: validated by the responsable.
    const h1 = await household(team);
    let a1 = await team.must(team.ass.token, 'aid:save', secours(h1));
    expect(a1.status).toBe('brouillon');
    expect(a1.evaluation?.outcome).toBe('dans_bareme');
    expect(a1.evaluation?.rules.find((r) => r.id === 'ressources')?.sentence).toMatch(/^Moyenne économique journalière/);
    a1 = await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a1.id });
    expect(a1.reglement).toMatchObject({ code: 'exemple', version: 1 });
    const queue = await team.must(team.resp.token, 'aid:queue', {});
    expect(queue.find((q) => q.id === a1.id)).toMatchObject({ dispositifLabel: 'Secours du Conseil départemental', outcome: 'dans_bareme', route: 'validation' });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: a1.id });
    a1 = await team.must(team.resp.token, 'aid:act', { action: 'grant', id: a1.id, ...GRANT });
    expect(a1).toMatchObject({ status: 'accordee', grantedCents: 12000, decidedOn: TODAY });

    // 2. Above the barème (240 € > 160 € for a person alone): the responsable sends it to the commission.
    const h2 = await household(team);
    let a2 = await team.must(team.ass.token, 'aid:save', secours(h2, { nature: 'energie', object: 'Facture de régularisation d’électricité', amountCents: 24000, urgent: true }));
    expect(a2.evaluation?.outcome).toBe('hors_bareme');
    expect(a2.evaluation?.reasons.join(' ')).toMatch(/au-dessus du plafond de 160,00/);
    a2 = await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a2.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: a2.id });
    const grantOut = await team.call(team.resp.token, 'aid:act', { action: 'grant', id: a2.id, ...GRANT });
    expect(grantOut.ok ? 'ok' : grantOut.error.message).toMatch(/envoyez-la en commission/);
    a2 = await team.must(team.resp.token, 'aid:act', { action: 'toCommission', id: a2.id, favorable: false, opinion: 'Plafond dépassé, autres solutions à mobiliser (chèque énergie).' });
    expect(a2.status).toBe('en_commission');

    // 3. The commission refuses.
    const s1 = await team.must(team.resp.token, 'commission:save', { heldOn: TODAY, place: 'Hôtel du Département', members: ['M. le Vice-président', 'Rémi Responsable'] });
    const before = await team.must(team.resp.token, 'commission:get', { id: s1.id });
    expect(before.candidates.map((c) => c.id)).toContain(a2.id);
    await team.must(team.resp.token, 'commission:assign', { id: s1.id, add: [a2.id] });
    a2 = await team.must(team.resp.token, 'commission:decide', { id: s1.id, requestId: a2.id, decision: 'refusee', reasons: 'Montant supérieur au plafond du règlement pour une personne seule.' });
    expect(a2.status).toBe('refusee');
    const refusal = pdfText((await team.must(team.ass.token, 'aid:letter', { id: a2.id })).contentBase64).text;
    expect(refusal).toContain(`n° ${a2.number}`);
    expect(refusal).toContain('Montant supérieur au plafond');
    expect(refusal).toMatch(/recours gracieux/);
    expect(refusal).toMatch(/tribunal administratif/);
    expect(refusal).toMatch(/2 mois/);

    // 4. Recours gracieux: back to the commission, first decision kept; granted lower, paid to the energy supplier.
    a2 = await team.must(team.ass.token, 'aid:act', { action: 'appeal', id: a2.id, appealOn: TODAY, reason: 'Coupure programmée, enfant malade hébergé ponctuellement.' });
    expect(a2).toMatchObject({ status: 'en_commission', appealOn: TODAY, commission: null });
    expect(a2.decisions.map((d) => d.decision)).toEqual(['refusee']);
    const s2 = await team.must(team.resp.token, 'commission:save', { heldOn: TODAY, members: ['M. le Vice-président'] });
    await team.must(team.resp.token, 'commission:assign', { id: s2.id, add: [a2.id] });
    a2 = await team.must(team.resp.token, 'commission:decide', {
      id: s2.id,
      requestId: a2.id,
      decision: 'accordee',
      grantedCents: 18000,
      paymentMode: 'virement_tiers',
      payeeKind: 'fournisseur_energie',
      payeeName: 'EDF Solidarité',
    });
    expect(a2).toMatchObject({ status: 'accordee', grantedCents: 18000, payeeKind: 'fournisseur_energie', payeeName: 'EDF Solidarité' });
    expect(a2.decisions.map((d) => [d.decision, d.appeal])).toEqual([
      ['refusee', false],
      ['accordee', true],
    ]);
    const accord = pdfText((await team.must(team.ass.token, 'aid:letter', { id: a2.id })).contentBase64).text;
    expect(accord).toMatch(/180,00\s€/);
    expect(accord).toMatch(/pour 240,00\s€ demandés/);
    expect(accord.replace(/\s+/g, ' ')).toContain('EDF Solidarité');
    expect(accord.replace(/\s+/g, ' ')).toMatch(/recours gracieux que vous avez formé le 23\/11\/2026/);

    // 5. Payment and the envelope.
    a2 = await team.must(team.resp.token, 'aid:payment', { id: a2.id, mandatedOn: TODAY, paidOn: TODAY });
    expect(a2.paidOn).toBe(TODAY);
    const env = await team.must(team.resp.token, 'envelope:list', { year: 2026 });
    const row = env.rows.find((r) => r.envelope === 'enveloppe_cd')!;
    expect(row.engagedCents - engaged0).toBe(12000 + 18000);
    expect(row.paidCents).toBeGreaterThanOrEqual(18000);
    expect(row.remainingCents).toBe(row.votedCents! - row.engagedCents);
    // 23 November is day 327 of 365: the projection extends the pace to the whole year.
    expect(row.projectionCents).toBe(Math.floor((row.engagedCents * 365) / 327));

    // 6. The secretaire reaches none of it.
    for (const c of CHANNELS.filter((x) => /^(aid|commission|envelope|reglement):/.test(x))) {
      const r = await team.call(team.sec.token, c, {} as never);
      expect(r.ok ? `${c}: ok` : r.error.code).toMatch(/^(forbidden|invalid_input)$/);
    }
    const secTry = await team.call(team.sec.token, 'aid:get', { id: a2.id });
    expect(secTry.ok ? 'ok' : secTry.error.code).toBe('forbidden');
  });
});

describe('refusals change nothing', () => {
  it('a grant beyond the envelope needs the responsable’s explicit confirmation', async () => {
    // An AM drawn on the envelope the secours already used: the shared total counts.
    await team.must(team.resp.token, 'envelope:set', { year: 2026, envelope: 'enveloppe_cd', votedCents: 1000 });
    const h = await household(team);
    await team.must(team.sec.token, 'persons:create', { birthName: 'Enfant', firstNames: 'Petit', birthDate: '2019-04-01', household: { existingId: h.householdId, role: 'enfant' } });
    let a = await team.must(team.ass.token, 'aid:save', secours(h, { dispositif: 'am_ase', amountCents: 15000 }));
    expect(a.evaluation?.outcome).toBe('dans_bareme');
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
    const before = hashDir(team.dir);
    const r = await team.call(team.resp.token, 'aid:act', { action: 'grant', id: a.id, ...GRANT, grantedCents: 15000 });
    expect(r.ok ? 'ok' : r.error.code).toBe('envelope_exceeded');
    if (!r.ok) expect(r.error.message).toMatch(/« Enveloppe des aides financières du Département .* Confirmez/);
    expect(hashDir(team.dir)).toEqual(before);
    a = await team.must(team.resp.token, 'aid:act', { action: 'grant', id: a.id, ...GRANT, grantedCents: 15000, confirmEnvelope: true });
    expect(a.status).toBe('accordee');
    await team.must(team.resp.token, 'envelope:set', { year: 2026, envelope: 'enveloppe_cd', votedCents: 100_000_000 });
  });

  it('refuses an incomplete submission (no note sociale; chèques that do not add up) and an amount above the ceiling, without writing', async () => {
    const h = await household(team);
    const a = await team.must(team.ass.token, 'aid:save', secours(h, { noteSociale: '' }));
    let before = hashDir(team.dir);
    const r1 = await team.call(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    expect(r1.ok ? 'ok' : [r1.error.code, r1.error.field]).toEqual(['invalid_input', 'noteSociale']);
    expect(hashDir(team.dir)).toEqual(before);
    await team.must(team.ass.token, 'aid:save', { id: a.id, ...secours(h, { paymentMode: 'cheques_accompagnement', cheques: 2, amountCents: 5000 }) });
    before = hashDir(team.dir);
    const r2 = await team.call(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    expect(r2.ok ? 'ok' : r2.error.message).toMatch(/2 chèques × 20,00\s€ = 40,00\s€/);
    expect(hashDir(team.dir)).toEqual(before);
    const ok = await team.must(team.ass.token, 'aid:save', { id: a.id, ...secours(h, { paymentMode: 'cheques_accompagnement', cheques: 3, amountCents: 6000 }) });
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: ok.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: ok.id });
    before = hashDir(team.dir);
    const r3 = await team.call(team.resp.token, 'aid:act', { action: 'grant', id: ok.id, grantedCents: 20000, paymentMode: 'virement_beneficiaire', payeeKind: 'beneficiaire' });
    expect(r3.ok ? 'ok' : r3.error.field).toBe('grantedCents');
    expect(hashDir(team.dir)).toEqual(before);
  });

  it('validates the request’s own fields at the boundary, in French', async () => {
    const h = await household(team);
    const other = await household(team);
    const cases: [Partial<Parameters<typeof secours>[1]>, string][] = [
      [{ personId: other.personId }, 'personId'],
      [{ requestedOn: '2026-12-01' }, 'requestedOn'],
      [{ paymentMode: 'virement_tiers', payeeKind: 'beneficiaire' }, 'payeeKind'],
      [{ payeeKind: 'bailleur', payeeName: '' }, 'payeeName'],
      [{ origin: 'partenaire', originPartnerId: null }, 'originPartnerId'],
      [{ origin: 'partenaire', originPartnerId: 999_999 }, 'originPartnerId'],
      // A partner named for a request that no partner sent (it used to reach the foreign key and fail inside).
      [{ origin: 'dsu', originPartnerId: 999_999 }, 'originPartnerId'],
      [{ origin: 'dsu', originPartnerId: team.partners.caf }, 'originPartnerId'],
      [{ amountCents: 0 }, 'amountCents'],
    ];
    const before = hashDir(team.dir);
    for (const [over, field] of cases) {
      const r = await team.call(team.ass.token, 'aid:save', secours(h, over));
      expect(r.ok ? 'ok' : r.error.field).toBe(field);
      if (!r.ok) expect(r.error.message).toMatch(/\b(la|le|de|du|un|une|les)\b/);
    }
    expect(hashDir(team.dir)).toEqual(before);
  });

  it('a request in another worker’s DSU needs the exceptional access, like the DSU itself', async () => {
    const a = await reach(team, 'brouillon');
    const r = await team.call(team.ass2.token, 'aid:get', { id: a.id });
    expect(r.ok ? 'ok' : r.error.code).toBe('exceptional_access_required');
  });
});

describe('decisions are taken on today’s facts', () => {
  it('a second secours the same month, in the barème when submitted, can no longer be granted once the first is', async () => {
    const h = await household(team);
    const a = await team.must(team.ass.token, 'aid:save', secours(h));
    const b = await team.must(team.ass.token, 'aid:save', secours(h, { nature: 'energie', object: 'Facture' }));
    for (const x of [a, b]) {
      const s = await team.must(team.ass.token, 'aid:act', { action: 'submit', id: x.id });
      expect(s.evaluation?.outcome).toBe('dans_bareme');
      await team.must(team.resp.token, 'aid:act', { action: 'take', id: x.id });
    }
    await team.must(team.resp.token, 'aid:act', { action: 'grant', id: a.id, ...GRANT });
    const before = hashDir(team.dir);
    const r = await team.call(team.resp.token, 'aid:act', { action: 'grant', id: b.id, ...GRANT });
    expect(r.ok ? 'ok' : r.error.code).toBe('conflict');
    if (!r.ok) expect(r.error.message).toMatch(/n’est plus dans le barème.*Même mois/);
    expect(hashDir(team.dir)).toEqual(before);
    const sent = await team.must(team.resp.token, 'aid:act', { action: 'toCommission', id: b.id, favorable: true, opinion: 'Deux factures le même mois' });
    expect(sent.status).toBe('en_commission');
  });
});

describe('règlement versions', () => {
  it('import names the faulty field; nothing is written', async () => {
    const bad = structuredClone(exemple) as Record<string, unknown> & { dispositifs: Record<string, unknown>[] };
    bad.version = 2;
    bad.dispositifs[0]!.delegationCents = -5;
    const before = hashDir(team.dir);
    const r = await team.call(team.resp.token, 'reglement:import', { document: JSON.stringify(bad) });
    expect(r.ok ? 'ok' : r.error.field).toBe('dispositifs.0.delegationCents');
    if (!r.ok) expect(r.error.message).toMatch(/^Règlement refusé, rien n’a été enregistré/);
    const notJson = await team.call(team.resp.token, 'reglement:import', { document: '{ pas du json' });
    expect(notJson.ok ? 'ok' : notJson.error.message).toMatch(/JSON valide/);
    expect(hashDir(team.dir)).toEqual(before);
  });

  it('a new version never changes a decision taken; replay says what it would change', async () => {
    const granted = await reach(team, 'accordee');
    const v2 = structuredClone(exemple) as typeof exemple;
    v2.version = 2;
    v2.effectiveFrom = '2026-11-01';
    v2.dispositifs[0]!.natures[0]!.ceiling = { personne_seule: 10000, default: 15000 } as never; // alimentaire: 160 € → 100 €
    const imported = await team.must(team.resp.token, 'reglement:import', { document: JSON.stringify(v2) });
    expect(imported.status).toBe('brouillon');
    const impact = await team.must(team.resp.token, 'reglement:replay', { id: imported.id });
    const sec = impact.rows.find((r) => r.dispositif === 'secours_cd')!;
    expect(sec.label).toBe('Secours du Conseil départemental');
    // Every secours alimentaire of 120 € submitted so far was in the barème; under v2 it is above 100 €.
    expect(sec.becomeOut).toBeGreaterThan(0);
    expect(sec.amountOutCents % 12000).toBe(0);
    expect(impact.changed).toBeGreaterThanOrEqual(sec.becomeOut);

    const activated = await team.must(team.adminToken, 'reglement:activate', { id: imported.id });
    expect(activated).toMatchObject({ status: 'actif', inForceToday: true, until: null });
    const list = await team.must(team.resp.token, 'reglement:list', {});
    expect(list.find((r) => r.version === 1)).toMatchObject({ until: '2026-10-31', inForceToday: false });
    const after = await team.must(team.ass.token, 'aid:get', { id: granted.id });
    expect(after.reglement?.version).toBe(1);
    expect(after.evaluation?.outcome).toBe('dans_bareme');
    expect(after.grantedCents).toBe(granted.grantedCents);
    const fresh = await team.must(team.ass.token, 'aid:save', secours(await household(team)));
    expect(fresh.reglement?.version).toBe(2);
    expect(fresh.evaluation?.outcome).toBe('hors_bareme');
    // The admin configures the règlement but reads no request.
    const adminTry = await team.call(team.adminToken, 'aid:get', { id: granted.id });
    expect(adminTry.ok ? 'ok' : adminTry.error.code).toBe('forbidden');
  });
});

describe('editing a draft version', () => {
  it('is checked like an import, keeps code and version, and is refused once the version is active', async () => {
    const draft = structuredClone(exemple) as typeof exemple;
    draft.version = 7;
    draft.effectiveFrom = '2027-01-01';
    const v = await team.must(team.adminToken, 'reglement:import', { document: JSON.stringify(draft) });
    const bad = structuredClone(draft) as Record<string, unknown> & { dispositifs: Record<string, unknown>[] };
    bad.dispositifs[3]!.delegationCents = -1;
    let before = hashDir(team.dir);
    const r1 = await team.call(team.adminToken, 'reglement:update', { id: v.id, document: JSON.stringify(bad) });
    expect(r1.ok ? 'ok' : r1.error.field).toBe('dispositifs.3.delegationCents');
    const r2 = await team.call(team.adminToken, 'reglement:update', { id: v.id, document: JSON.stringify({ ...draft, version: 8 }) });
    expect(r2.ok ? 'ok' : r2.error.field).toBe('version');
    expect(hashDir(team.dir)).toEqual(before);
    const edited = await team.must(team.adminToken, 'reglement:update', { id: v.id, document: JSON.stringify({ ...draft, title: 'Règlement 2027 révisé' }) });
    expect(edited.title).toBe('Règlement 2027 révisé');
    expect((await team.must(team.ass.token, 'reglement:get', { id: v.id })).document).toContain('Règlement 2027 révisé');
    await team.must(team.adminToken, 'reglement:activate', { id: v.id });
    before = hashDir(team.dir);
    const r3 = await team.call(team.adminToken, 'reglement:update', { id: v.id, document: JSON.stringify(draft) });
    expect(r3.ok ? 'ok' : r3.error.code).toBe('conflict');
    expect(hashDir(team.dir)).toEqual(before);
  });
});

describe('the commission agenda respects consent', () => {
  it('names the person only while the consent is in force', async () => {
    const h = await household(team);
    const consent = await team.must(team.ass.token, 'dsu:addConsent', { dsuId: h.dsuId, personId: h.personId, recipientLabel: 'Commission des aides financières', scope: 'Présentation de la demande', form: 'ecrit', givenOn: TODAY });
    const a = await reach(team, 'en_commission');
    const b = await team.must(team.ass.token, 'aid:save', secours(h, { consentId: consent.id, amountCents: 30000, nature: 'loyer_maintien', object: 'Dette de loyer' }));
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: b.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: b.id });
    await team.must(team.resp.token, 'aid:act', { action: 'toCommission', id: b.id, favorable: true, opinion: 'Maintien dans le logement' });
    const s = await team.must(team.resp.token, 'commission:save', { heldOn: '2026-12-10', members: ['Élue référente'] });
    await team.must(team.resp.token, 'commission:assign', { id: s.id, add: [a.id, b.id] });
    const first = (n: string) => new RegExp(`\\b${n.split(' ').at(-1)}\\b`);
    const named = first(b.person.name);
    let pdf = pdfText((await team.must(team.resp.token, 'commission:agenda', { id: s.id })).contentBase64).text;
    expect(pdf).toMatch(named);
    expect(pdf).toContain('Rupture de ressources'); // note sociale shared with consent
    expect(pdf).toContain(a.number);
    expect(pdf).toMatch(/pas de consentement au partage enregistré/);
    expect(pdf).not.toMatch(first(a.person.name));

    await team.must(team.ass.token, 'dsu:withdrawConsent', { id: consent.id, withdrawnOn: TODAY });
    pdf = pdfText((await team.must(team.resp.token, 'commission:agenda', { id: s.id })).contentBase64).text;
    expect(pdf).not.toMatch(named);
    expect(pdf).toMatch(/consentement retiré le 23\/11\/2026/);
    const view = await team.must(team.resp.token, 'commission:get', { id: s.id });
    expect(view.agenda.find((r) => r.id === b.id)).toMatchObject({ person: '', consentInForce: false });
    // A session that has not yet taken place records no decision.
    const early = await team.call(team.resp.token, 'commission:decide', { id: s.id, requestId: b.id, decision: 'refusee', reasons: 'x' });
    expect(early.ok ? 'ok' : early.error.code).toBe('conflict');
  });
});

describe('the commission’s waiting list', () => {
  it('names a waiting request’s person only under a consent in force on the session’s day, and sends no name otherwise', async () => {
    const h = await household(team);
    const consent = await team.must(team.ass.token, 'dsu:addConsent', { dsuId: h.dsuId, personId: h.personId, recipientLabel: 'Commission des aides financières', scope: 'Présentation de la demande', form: 'ecrit', givenOn: TODAY });
    const hidden = await reach(team, 'en_commission');
    const b = await team.must(team.ass.token, 'aid:save', secours(h, { consentId: consent.id, amountCents: 30000, nature: 'loyer_maintien', object: 'Dette de loyer' }));
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: b.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: b.id });
    await team.must(team.resp.token, 'aid:act', { action: 'toCommission', id: b.id, favorable: true, opinion: 'Maintien dans le logement' });
    const s = await team.must(team.resp.token, 'commission:save', { heldOn: '2026-12-10', members: ['Élue référente'] });
    let view = await team.must(team.resp.token, 'commission:get', { id: s.id });
    const named = (n: string) => new RegExp(`\\b${n.split(' ')[0]}\\b`, 'i');
    expect(view.candidates.find((r) => r.id === b.id)).toMatchObject({ person: expect.stringMatching(named(b.person.name)), consentInForce: true });
    const other = view.candidates.find((r) => r.id === hidden.id)!;
    expect(other).toMatchObject({ person: '', consentInForce: false });
    expect(JSON.stringify(view.candidates)).not.toMatch(named(hidden.person.name));

    // Withdrawn before the session's day: the name is no longer sent.
    await team.must(team.ass.token, 'dsu:withdrawConsent', { id: consent.id, withdrawnOn: TODAY });
    view = await team.must(team.resp.token, 'commission:get', { id: s.id });
    expect(view.candidates.find((r) => r.id === b.id)).toMatchObject({ person: '', consentInForce: false });
    expect(JSON.stringify(view.candidates)).not.toMatch(named(b.person.name));
  });
});

describe('budget reuse', () => {
  it('the household’s last budget is offered to the next request', async () => {
    const h = await household(team);
    await team.must(team.ass.token, 'aid:save', secours(h));
    const last = (await team.must(team.ass.token, 'aid:lastBudget', { dsuId: h.dsuId })) as { budget: { resources: { amountCents: number }[] } } | null;
    expect(last?.budget.resources[0]?.amountCents).toBe(30000);
  });
});

describe('merging two records of a person', () => {
  it('moves her aid requests to the kept record, and the undo moves them back', async () => {
    const h = await household(team);
    const twin = await team.must(team.sec.token, 'persons:create', { birthName: 'Doublon', firstNames: 'Fiche', household: { existingId: h.householdId, role: 'autre' }, confirmNotDuplicate: true });
    const a = await team.must(team.ass.token, 'aid:save', secours(h, { personId: twin.person.id }));
    const m = await team.must(team.resp.token, 'persons:merge', { keepId: h.personId, absorbId: twin.person.id });
    expect((await team.must(team.ass.token, 'aid:get', { id: a.id })).person.id).toBe(h.personId);
    await team.must(team.resp.token, 'persons:unmerge', { mergeId: m.mergeId });
    expect((await team.must(team.ass.token, 'aid:get', { id: a.id })).person.id).toBe(twin.person.id);
  });
});

describe('one column list for a request’s own fields', () => {
  it('every field comes back as it was saved, then as it was updated (non-default values throughout)', async () => {
    const h = await household(team);
    const consent = await team.must(team.ass.token, 'dsu:addConsent', { dsuId: h.dsuId, personId: h.personId, recipientLabel: 'Commission des aides financières', scope: 'Présentation de la demande', form: 'ecrit', givenOn: TODAY });
    const input = secours(h, {
      requestedOn: '2026-11-20',
      nature: 'energie',
      object: 'Facture d’électricité',
      amountCents: 6000,
      paymentMode: 'cheques_accompagnement',
      cheques: 3,
      payeeKind: 'fournisseur_energie',
      payeeName: 'EDF Solidarité',
      pregnancy: true,
      urgent: true,
      origin: 'partenaire',
      originPartnerId: team.partners.caf,
      noteSociale: 'Note\nsur deux lignes',
      consentId: consent.id,
    });
    const saved = await team.must(team.ass.token, 'aid:save', input);
    const shown = (a: typeof saved) => ({ ...a, dsuId: a.dsu.id, personId: a.person.id, originPartnerId: a.originPartner?.id ?? null, consentId: a.consent?.id ?? null });
    expect(shown(await team.must(team.ass.token, 'aid:get', { id: saved.id }))).toMatchObject({ ...input, days: null, derogation: false });
    const changed = { ...input, nature: 'loyer_maintien' as const, object: 'Dette de loyer', amountCents: 25000, paymentMode: 'virement_tiers' as const, cheques: 0, payeeKind: 'bailleur' as const, payeeName: 'Tarn-et-Garonne Habitat', pregnancy: false, urgent: false, origin: 'dsu' as const, originPartnerId: null, consentId: null, budget: { resources: [{ kind: 'rsa' as const, amountCents: 50000, label: 'RSA' }], charges: [] } };
    await team.must(team.ass.token, 'aid:save', { id: saved.id, ...changed });
    expect(shown(await team.must(team.ass.token, 'aid:get', { id: saved.id }))).toMatchObject({ ...changed, days: null, derogation: false });
  });
});

describe('what each dispositif allows comes from the règlement', () => {
  it('aid:options gives, per dispositif of the version in force, its natures, payment modes and age derogation, as the règlement says', async () => {
    const options = await team.must(team.ass.token, 'aid:options', { day: '2026-10-01' });
    expect(options.dispositifs.map((d) => d.code)).toEqual(exemple.dispositifs.map((d) => d.code));
    for (const d of exemple.dispositifs) {
      const o = options.dispositifs.find((x) => x.code === d.code)!;
      expect(o.natures.map((n) => n.code)).toEqual(d.natures.map((n) => n.code));
      expect(o.paymentModes).toEqual(d.payment.modes);
      const age = (d.eligibility as { age?: { min: number; derogationMin?: number } }).age;
      expect(o.derogation).toEqual(age?.derogationMin !== undefined ? { fromAge: age.derogationMin, toAge: age.min - 1 } : null);
    }
    // Only the FAJ of the example allows one: 16 and 17 years old (18–25 otherwise).
    expect(options.dispositifs.filter((d) => d.derogation).map((d) => [d.code, d.derogation])).toEqual([['faj', { fromAge: 16, toAge: 17 }]]);
  });

  it('refuses a nature, a payment mode or a derogation the dispositif does not allow, in French, writing nothing', async () => {
    const h = await household(team);
    const cases: [Partial<Parameters<typeof secours>[1]>, string, RegExp][] = [
      [{ nature: 'scolarite' }, 'nature', /La nature « scolarité » n’est pas prévue par le dispositif « Secours du Conseil départemental » : choisissez parmi « alimentaire », « énergie »/],
      [{ dispositif: 'aml_ase', nature: 'loisirs_vacances', paymentMode: 'cheques_accompagnement', cheques: 3, amountCents: 6000 }, 'paymentMode', /Le mode de paiement « chèques d’accompagnement personnalisé » n’est pas prévu par le dispositif « Allocation mensuelle loisirs/],
      [{ derogation: true }, 'derogation', /Le dispositif « Secours du Conseil départemental » ne prévoit pas de dérogation d’âge/],
      [{ dispositif: 'inconnu' }, 'dispositif', /Le dispositif « inconnu » n’existe pas dans le règlement en vigueur/],
    ];
    const draft = await team.must(team.ass.token, 'aid:save', secours(h));
    const before = hashDir(team.dir);
    for (const [over, field, message] of cases) {
      for (const r of [await team.call(team.ass.token, 'aid:save', secours(h, over)), await team.call(team.ass.token, 'aid:save', { id: draft.id, ...secours(h, over) }), await team.call(team.ass.token, 'aid:evaluate', secours(h, over))]) {
        expect(r.ok ? 'ok' : [r.error.code, r.error.field]).toEqual(['invalid_input', field]);
        if (!r.ok) expect(r.error.message).toMatch(message);
      }
    }
    expect(hashDir(team.dir)).toEqual(before);
    // The FAJ allows the derogation.
    const young = await household(team, undefined, { birthDate: '2009-06-01' });
    const faj = await team.must(team.ass.token, 'aid:save', secours(young, { dispositif: 'faj', nature: 'mobilite', amountCents: 10000, derogation: true }));
    expect(faj.derogation).toBe(true);
    expect(faj.evaluation?.rules.find((r) => r.id === 'age')?.sentence).toMatch(/admis par dérogation \(16 à 17 ans\)/);
  });

  it('a new version in force changes what the form offers and what the API accepts', async () => {
    const t = await aidTeam();
    const v2 = structuredClone(exemple) as typeof exemple;
    v2.version = 2;
    v2.effectiveFrom = '2026-11-01';
    const sec = v2.dispositifs.find((d) => d.code === 'secours_cd')!;
    sec.natures = sec.natures.filter((n) => n.code === 'energie');
    sec.payment = { modes: ['virement_tiers'], source: 'Version 2 : paiement au fournisseur seulement' } as never;
    const faj = v2.dispositifs.find((d) => d.code === 'faj')!;
    faj.eligibility.age = { min: 18, max: 25 } as never;
    const imported = await t.must(t.resp.token, 'reglement:import', { document: JSON.stringify(v2) });
    await t.must(t.resp.token, 'reglement:activate', { id: imported.id });
    const options = await t.must(t.ass.token, 'aid:options', {});
    expect(options.reglement.version).toBe(2);
    expect(options.dispositifs.find((d) => d.code === 'secours_cd')).toMatchObject({ natures: [{ code: 'energie' }], paymentModes: ['virement_tiers'] });
    expect(options.dispositifs.find((d) => d.code === 'faj')!.derogation).toBeNull();
    const h = await household(t);
    const before = hashDir(t.dir);
    const r1 = await t.call(t.ass.token, 'aid:save', secours(h));
    expect(r1.ok ? 'ok' : r1.error.field).toBe('nature');
    const r2 = await t.call(t.ass.token, 'aid:save', secours(h, { nature: 'energie' }));
    expect(r2.ok ? 'ok' : r2.error.field).toBe('paymentMode');
    const r3 = await t.call(t.ass.token, 'aid:save', secours(h, { dispositif: 'faj', nature: 'mobilite', derogation: true }));
    expect(r3.ok ? 'ok' : r3.error.field).toBe('derogation');
    expect(hashDir(t.dir)).toEqual(before);
    const ok = await t.must(t.ass.token, 'aid:save', secours(h, { nature: 'energie', paymentMode: 'virement_tiers', payeeKind: 'fournisseur_energie', payeeName: 'EDF' }));
    expect(ok.reglement?.version).toBe(2);
    t.app.close();
  });
});
