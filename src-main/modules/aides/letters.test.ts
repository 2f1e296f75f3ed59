/**
 * Decision letters (DOMAIN §4.4): the site's postal block set by the administrator, the
 * person's postal address (household address, postcode, commune), the appeal mentions on a
 * refusal and on a partial grant (dated data with their sources: CJA R421-1, R421-5), without
 * the recours gracieux on a decision taken on one, and the signature as the decision was
 * taken. `PASSEUR_LETTERS=DIR` keeps the PDFs to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aidTeam, secours, TODAY, type AidTeam } from '../../../tests/helpers/aides';
import { hashDir, tmpDir } from '../../../tests/helpers/tmp';
import { appealMentions, DEPARTMENT_SERVICE, isAdverse, signatureLines } from './letters';
import { siteHeading } from '../../shared/pdf';

let team: AidTeam;
beforeAll(async () => {
  team = await aidTeam();
});

function letterText(b64: string, name: string): string {
  const dir = process.env.PASSEUR_LETTERS ?? tmpDir('passeur-letter-');
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(b64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/[\s\u00a0]+/g, ' ');
}

/** A woman alone with a postal address in Montauban and her DSU. */
async function household(postcode: string) {
  const card = await team.must(team.sec.token, 'persons:create', {
    birthName: 'Lacombe',
    firstNames: 'Josiane',
    sex: 'F',
    birthDate: '1966-02-11',
    household: { address: '14 avenue Gambetta, appartement 12', postcode, communeInsee: '82121', role: 'demandeur' },
    confirmNotDuplicate: true,
  });
  const dsu = await team.must(team.ass.token, 'dsu:open', { householdId: card.household!.id, referentId: team.ass.id });
  return { personId: card.person.id, dsuId: dsu.id, householdId: card.household!.id };
}

describe('the pieces of a letter, pure', () => {
  it('the appeal mentions in force: the delay written in, each with its source; none before their first date', () => {
    const m = appealMentions(TODAY, 'initiale');
    expect(m.map((x) => x.titre)).toEqual(['Recours gracieux', 'Recours contentieux', 'Notification des délais']);
    expect(m[0]!.texte).toMatch(/dans un délai de 2 mois à compter de sa notification/);
    expect(m[1]!.texte).toMatch(/tribunal administratif/);
    expect(m[1]!.source).toMatch(/R421-1/);
    expect(m[2]!.source).toMatch(/R421-5/);
    expect(m.every((x) => !x.texte.includes('{delai}'))).toBe(true);
    expect(() => appealMentions('2010-01-01', 'initiale')).toThrow(/aucune valeur connue au 01\/01\/2010/);
  });

  it('on a decision taken on a recours gracieux: no second recours gracieux, the contentieux and R421-5 only', () => {
    const m = appealMentions(TODAY, 'sur_recours');
    expect(m.map((x) => x.titre)).toEqual(['Recours contentieux', 'Notification des délais']);
    expect(m[0]!.texte).toMatch(/^Vous pouvez contester cette décision, prise sur votre recours gracieux, en saisissant le tribunal administratif .* dans un délai de 2 mois à compter de sa notification/);
    expect(m[0]!.texte).not.toMatch(/également|même délai/);
    expect(m[0]!.source).toMatch(/R421-1.*L411-2.*Grands Moulins Seigle/);
    expect(m[1]!.source).toMatch(/R421-5/);
    expect(m.map((x) => x.texte).join(' ')).not.toMatch(/former un recours gracieux/);
  });

  it('every mention of every dated entry says on which letters it is printed, and each letter has its contentieux and R421-5', () => {
    const data = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../resources/parameters/mentions_recours.json'), 'utf8')) as {
      description: string;
      entries: { value: { mentions: { titre: string; decisions: string[]; source: string }[] } }[];
    };
    expect(data.description).toMatch(/« decisions ».*initiale.*sur_recours.*Grands Moulins Seigle/s);
    for (const e of data.entries) {
      for (const m of e.value.mentions) {
        expect(m.decisions.length, m.titre).toBeGreaterThan(0);
        for (const d of m.decisions) expect(['initiale', 'sur_recours'], m.titre).toContain(d);
      }
      for (const stage of ['initiale', 'sur_recours']) {
        const printed = e.value.mentions.filter((m) => m.decisions.includes(stage));
        expect(printed.map((m) => m.titre), stage).toContain('Recours contentieux');
        expect(printed.some((m) => m.source.includes('R421-5')), stage).toBe(true);
      }
    }
  });

  it('adverse: a refusal or a grant below the amount asked', () => {
    expect(isAdverse({ amountCents: 24000 }, { decision: 'refusee', grantedCents: null })).toBe(true);
    expect(isAdverse({ amountCents: 24000 }, { decision: 'accordee', grantedCents: 18000 })).toBe(true);
    expect(isAdverse({ amountCents: 24000 }, { decision: 'accordee', grantedCents: 24000 })).toBe(false);
    expect(isAdverse({ amountCents: 24000 }, { decision: 'ajournee', grantedCents: null })).toBe(false);
  });

  it('the heading falls back on the site’s name when the administrator set nothing', () => {
    expect(siteHeading({ name: 'MDS Montauban', serviceName: '', addressLines: [], postcode: '', city: '', phone: '' }, DEPARTMENT_SERVICE)).toEqual({
      title: 'MDS Montauban',
      lines: ['Conseil départemental — Service social départemental'],
    });
  });

  it('signed by delegation, or as the commission’s decision notified by a responsable', () => {
    const by = { id: 1, displayName: 'Rémi Responsable' };
    const base = { id: 1, grantedCents: null, paymentMode: null, cheques: 0, payeeKind: null, payeeName: null, reasons: 'x', appeal: false, decidedOn: TODAY, decidedBy: by } as const;
    expect(signatureLines({ ...base, body: 'responsable', commission: null, decision: 'refusee' })).toEqual({ before: ['Par délégation du Président du Conseil départemental,'], name: 'Rémi Responsable', after: 'Responsable de la Maison Départementale des Solidarités' });
    expect(signatureLines({ ...base, body: 'commission', commission: { id: 3, heldOn: '2026-11-20' }, decision: 'refusee' }).before).toEqual(['Décision de la commission des aides financières du 20/11/2026,', 'notifiée par']);
  });
});

describe('the site’s postal block, set by the administrator', () => {
  it('refuses a bad postcode, a fourth address line or a bad phone in French, writing nothing', async () => {
    const ok = { serviceName: 'Service social départemental', addressLines: ['Maison Départementale des Solidarités', '2 rue de la Banque'], postcode: '82000', city: 'Montauban', phone: '05 63 00 00 00' };
    const before = hashDir(team.dir);
    const cases: [Partial<typeof ok>, string, RegExp][] = [
      [{ postcode: '8200' }, 'postcode', /Code postal : 5 chiffres/],
      [{ addressLines: ['a', 'b', 'c', 'd'] }, 'addressLines', /trois lignes au plus/],
      [{ phone: 'appelez-nous' }, 'phone', /Téléphone : chiffres/],
    ];
    for (const [bad, field, message] of cases) {
      const r = await team.call(team.adminToken, 'admin:saveSite', { ...ok, ...bad });
      expect(r.ok ? 'ok' : [r.error.code, r.error.field]).toEqual(['invalid_input', field]);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(hashDir(team.dir)).toEqual(before);
    const denied = await team.call(team.resp.token, 'admin:saveSite', ok);
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
    const saved = await team.must(team.adminToken, 'admin:saveSite', { ...ok, addressLines: [...ok.addressLines, ''] });
    expect(saved).toMatchObject({ ...ok, name: expect.any(String) as string });
    expect(await team.must(team.adminToken, 'admin:getSite', {})).toEqual(saved);
  });
});

describe('letters through the API', () => {
  it('a refusal within the delegation: heading, postal address, appeal mentions, signed by delegation', async () => {
    const h = await household('82000');
    const card = await team.must(team.sec.token, 'persons:get', { id: h.personId });
    expect(card.household).toMatchObject({ address: '14 avenue Gambetta, appartement 12', postcode: '82000', communeName: 'Montauban' });
    let a = await team.must(team.ass.token, 'aid:save', secours(h));
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
    a = await team.must(team.resp.token, 'aid:act', { action: 'refuse', id: a.id, reasons: 'Une aide du CCAS a déjà couvert cette dépense ce mois-ci.' });
    const text = letterText((await team.must(team.ass.token, 'aid:letter', { id: a.id })).contentBase64, 'refus');
    expect(text).toContain('Service social départemental');
    expect(text).toContain('2 rue de la Banque');
    expect(text).toContain('82000 Montauban');
    expect(text).toContain('Tél. 05 63 00 00 00');
    expect(text).toContain('Madame LACOMBE Josiane 14 avenue Gambetta, appartement 12 82000 MONTAUBAN');
    expect(text).toContain('Montauban, le 23 novembre 2026');
    expect(text).toContain('Madame,');
    expect(text).toContain('Une aide du CCAS a déjà couvert');
    expect(text).toMatch(/Recours gracieux\. Si vous contestez cette décision, vous pouvez former un recours gracieux auprès du Président du Conseil départemental dans un délai de 2 mois/);
    expect(text).toMatch(/Recours contentieux\. .*tribunal administratif territorialement compétent/);
    expect(text).toMatch(/Notification des délais\. Les délais de recours ne courent que parce que les voies et délais de recours vous sont indiqués/);
    expect(text).toMatch(/art\. R421-1/);
    expect(text).toMatch(/art\. R421-5/);
    expect(text).toMatch(/Par délégation du Président du Conseil départemental, Rémi Responsable Responsable de la Maison Départementale des Solidarités/);
    expect(text).not.toMatch(/commission/i);
  });

  it('a partial grant by the commission: the appeal mentions, signed as the commission’s decision notified by the responsable', async () => {
    const h = await household('');
    let a = await team.must(team.ass.token, 'aid:save', secours(h, { nature: 'energie', object: 'Facture de régularisation d’électricité', amountCents: 24000 }));
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
    await team.must(team.resp.token, 'aid:act', { action: 'toCommission', id: a.id, favorable: true, opinion: 'Coupure annoncée, avis favorable à une aide partielle.' });
    const s = await team.must(team.resp.token, 'commission:save', { heldOn: TODAY, members: ['Mme la Vice-présidente'] });
    await team.must(team.resp.token, 'commission:assign', { id: s.id, add: [a.id] });
    a = await team.must(team.resp2.token, 'commission:decide', {
      id: s.id,
      requestId: a.id,
      decision: 'accordee',
      grantedCents: 18000,
      paymentMode: 'virement_tiers',
      payeeKind: 'fournisseur_energie',
      payeeName: 'EDF Solidarité',
      comment: 'Plafond du règlement pour une personne seule, complété par le fournisseur.',
    });
    const text = letterText((await team.must(team.ass.token, 'aid:letter', { id: a.id })).contentBase64, 'accord-partiel');
    expect(text).toMatch(/une aide de 180,00 € \(pour 240,00 € demandés\) vous est accordée/);
    expect(text).toContain('Motifs de l’accord partiel : Plafond du règlement');
    // No postcode known: the commune alone.
    expect(text).toContain('14 avenue Gambetta, appartement 12 MONTAUBAN');
    expect(text).toMatch(/Voies et délais de recours/);
    expect(text).toMatch(/tribunal administratif/);
    expect(text).toMatch(/R421-5/);
    expect(text).toMatch(/Décision de la commission des aides financières du 23\/11\/2026, notifiée par Rania Adjointe Responsable de la Maison Départementale des Solidarités/);
    expect(text).not.toMatch(/Par délégation/);
  });

  it('a refusal taken on the recours gracieux: the contentieux and R421-5 only, no second recours gracieux', async () => {
    const h = await household('82000');
    let a = await team.must(team.ass.token, 'aid:save', secours(h, { object: 'Courses après un vol de papiers' }));
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
    a = await team.must(team.resp.token, 'aid:act', { action: 'refuse', id: a.id, reasons: 'Dépense déjà prise en charge par l’épicerie sociale.' });
    const first = letterText((await team.must(team.ass.token, 'aid:letter', { id: a.id })).contentBase64, 'refus-initial');
    expect(first).toMatch(/Recours gracieux\. Si vous contestez cette décision, vous pouvez former un recours gracieux/);
    expect(first).toMatch(/Recours contentieux\. Vous pouvez également, dans le même délai de 2 mois/);

    await team.must(team.ass.token, 'aid:act', { action: 'appeal', id: a.id, appealOn: TODAY, reason: 'L’épicerie sociale n’a couvert qu’une semaine.' });
    const s = await team.must(team.resp.token, 'commission:save', { heldOn: TODAY, members: ['Mme la Vice-présidente'] });
    await team.must(team.resp.token, 'commission:assign', { id: s.id, add: [a.id] });
    a = await team.must(team.resp.token, 'commission:decide', { id: s.id, requestId: a.id, decision: 'refusee', reasons: 'Aucun élément nouveau au regard du règlement.' });
    expect(a.decisions.map((d) => [d.decision, d.appeal])).toEqual([
      ['refusee', false],
      ['refusee', true],
    ]);
    const text = letterText((await team.must(team.ass.token, 'aid:letter', { id: a.id })).contentBase64, 'refus-sur-recours');
    expect(text).toContain('Cette décision est prise sur le recours gracieux que vous avez formé le 23/11/2026.');
    expect(text).toMatch(/Voies et délais de recours Recours contentieux\. Vous pouvez contester cette décision, prise sur votre recours gracieux, en saisissant le tribunal administratif territorialement compétent dans un délai de 2 mois/);
    expect(text).toMatch(/Un nouveau recours gracieux ne prolongerait pas ce délai\. Notification des délais\. Les délais de recours ne courent/);
    expect(text).toMatch(/art\. R421-5/);
    expect(text).not.toMatch(/Recours gracieux\.|former un recours gracieux|également, dans le même délai/);
    // The API refuses a second recours gracieux, as the letter no longer offers one.
    const again = await team.call(team.ass.token, 'aid:act', { action: 'appeal', id: a.id, appealOn: TODAY, reason: 'Nouveau recours' });
    expect(again.ok ? 'ok' : again.error.code).toBe('conflict');
  });

  it('a full grant carries no appeal mentions', async () => {
    const h = await household('82000');
    let a = await team.must(team.ass.token, 'aid:save', secours(h));
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
    a = await team.must(team.resp.token, 'aid:act', { action: 'grant', id: a.id, grantedCents: 12000, paymentMode: 'virement_beneficiaire', payeeKind: 'beneficiaire' });
    const text = letterText((await team.must(team.ass.token, 'aid:letter', { id: a.id })).contentBase64, 'accord');
    expect(text).toMatch(/une aide de 120,00 € vous est accordée/);
    expect(text).not.toMatch(/Voies et délais de recours|tribunal administratif/);
    expect(text).toMatch(/Par délégation du Président du Conseil départemental/);
  });
});

describe('the household’s postcode', () => {
  it('is optional, five digits, refused otherwise in French; an update without it keeps it', async () => {
    const h = await household('82000');
    const bad = await team.call(team.sec.token, 'households:update', { id: h.householdId, address: '1 rue', postcode: '82 000', communeInsee: '82121' });
    expect(bad.ok ? 'ok' : [bad.error.code, bad.error.field, bad.error.message]).toEqual(['invalid_input', 'postcode', expect.stringMatching(/Code postal : 5 chiffres/)]);
    const badCreate = await team.call(team.sec.token, 'persons:create', { birthName: 'Essai', firstNames: 'Code', household: { address: '', postcode: 'ABCDE', communeInsee: null }, confirmNotDuplicate: true });
    expect(badCreate.ok ? 'ok' : badCreate.error.field).toBe('household.postcode');
    const kept = await team.must(team.sec.token, 'households:update', { id: h.householdId, address: '3 place Nationale', communeInsee: '82121' });
    expect(kept).toMatchObject({ address: '3 place Nationale', postcode: '82000' });
    const cleared = await team.must(team.sec.token, 'households:update', { id: h.householdId, address: '3 place Nationale', postcode: '', communeInsee: '82121' });
    expect(cleared.postcode).toBe('');
  });
});

describe('the structured postal address and the site’s logo on letters', () => {
  it('prints the complement above the street and the commune in capitals; an update without the complement keeps it', async () => {
    const h = await household('82000');
    const saved = await team.must(team.sec.token, 'households:update', { id: h.householdId, address: '14 avenue Gambetta', addressComplement: 'Résidence Les Tilleuls, bât. B', postcode: '82000', communeInsee: '82121' });
    expect(saved).toMatchObject({ address: '14 avenue Gambetta', addressComplement: 'Résidence Les Tilleuls, bât. B', postcode: '82000' });
    const kept = await team.must(team.sec.token, 'households:update', { id: h.householdId, address: '14 avenue Gambetta', communeInsee: '82121' });
    expect(kept.addressComplement).toBe('Résidence Les Tilleuls, bât. B');
    const tooLong = await team.call(team.sec.token, 'households:update', { id: h.householdId, address: '1 rue', addressComplement: 'x'.repeat(201), communeInsee: '82121' });
    expect(tooLong.ok ? 'ok' : [tooLong.error.code, tooLong.error.field]).toEqual(['invalid_input', 'addressComplement']);
    let a = await team.must(team.ass.token, 'aid:save', secours(h, { object: 'Cœur de l’hiver → facture ÇA « EDF » 1\u202f000 €' }));
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
    a = await team.must(team.resp.token, 'aid:act', { action: 'refuse', id: a.id, reasons: 'Ressources au-dessus du barème.' });
    const text = letterText((await team.must(team.ass.token, 'aid:letter', { id: a.id })).contentBase64, 'adresse');
    expect(text).toContain('Madame LACOMBE Josiane Résidence Les Tilleuls, bât. B 14 avenue Gambetta 82000 MONTAUBAN');
    // Every character of the request is printed as typed (the standard fonts wrote "→" as "!’").
    expect(text).toContain('Cœur de l’hiver → facture ÇA « EDF »');
  });

  it('an admin sets a PNG logo, printed at the head of letters; a bad file is refused in French and nothing is written', async () => {
    const png = fs.readFileSync(path.join(__dirname, '../../../build/icon.png'));
    const before = hashDir(team.dir);
    const refused: [unknown, RegExp][] = [
      [{ mime: 'image/png', contentBase64: Buffer.from('GIF89a pas une image').toString('base64') }, /n’est pas une image PNG/],
      [{ mime: 'image/jpeg', contentBase64: png.toString('base64') }, /n’est pas une image JPEG/],
      [{ mime: 'image/png', contentBase64: Buffer.concat([png.subarray(0, 8), Buffer.alloc(600_000)]).toString('base64') }, /500 Ko au plus/],
      [{ mime: 'image/png', contentBase64: Buffer.concat([png.subarray(0, 8), Buffer.alloc(200)]).toString('base64') }, /ne peut pas être lue/],
      [{ mime: 'image/png', contentBase64: '@@@ pas du base64 @@@' }, /pas une image encodée correctement/],
      [{ mime: 'image/gif', contentBase64: png.toString('base64') }, /PNG ou JPEG/],
    ];
    for (const [logo, message] of refused) {
      const r = await team.call(team.adminToken, 'admin:setLogo', { logo: logo as never });
      expect(r.ok ? 'ok' : [r.error.code, r.error.message]).toEqual(['invalid_input', expect.stringMatching(message)]);
    }
    expect(hashDir(team.dir)).toEqual(before);
    const denied = await team.call(team.resp.token, 'admin:setLogo', { logo: { mime: 'image/png', contentBase64: png.toString('base64') } });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');

    const site = await team.must(team.adminToken, 'admin:setLogo', { logo: { mime: 'image/png', contentBase64: png.toString('base64') } });
    expect(site.logo).toEqual({ mime: 'image/png', contentBase64: png.toString('base64') });
    expect((await team.must(team.adminToken, 'admin:getSite', {})).logo?.mime).toBe('image/png');

    const h = await household('82000');
    let a = await team.must(team.ass.token, 'aid:save', secours(h));
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: a.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: a.id });
    a = await team.must(team.resp.token, 'aid:act', { action: 'grant', id: a.id, grantedCents: 12000, paymentMode: 'virement_beneficiaire', payeeKind: 'beneficiaire' });
    const dir = process.env.PASSEUR_LETTERS ?? tmpDir('passeur-letter-');
    const file = path.join(dir, 'logo.pdf');
    fs.writeFileSync(file, Buffer.from((await team.must(team.ass.token, 'aid:letter', { id: a.id })).contentBase64, 'base64'));
    const images = execFileSync('pdfimages', ['-list', file]).toString().split('\n').slice(2).filter(Boolean);
    expect(images.length).toBeGreaterThanOrEqual(1);
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Tagged:\s+yes/);

    const removed = await team.must(team.adminToken, 'admin:setLogo', { logo: null });
    expect(removed.logo).toBeNull();
    const without = path.join(dir, 'sans-logo.pdf');
    fs.writeFileSync(without, Buffer.from((await team.must(team.ass.token, 'aid:letter', { id: a.id })).contentBase64, 'base64'));
    expect(execFileSync('pdfimages', ['-list', without]).toString().split('\n').slice(2).filter(Boolean)).toHaveLength(0);
  });
});
