import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDir, tmpDir } from '../../../tests/helpers/tmp';
import { newTeam, register, type Team } from '../../../tests/helpers/team';
import type { DsuOut, PersonCard } from '../../modules';

let team: Team;
let p: PersonCard;
let dsuId: number;
let now = new Date(2026, 10, 23, 9, 0);
const PDF = Buffer.from('%PDF-1.4\n% piece justificative QUITTANCE-LOYER-4711\n%%EOF\n');

beforeAll(async () => {
  team = await newTeam(() => now);
  p = await register(team, { birthName: 'Moreau', firstNames: 'Inès', birthDate: '1988-08-08', sex: 'F' });
  const rec = (await team.must(team.sec.token, 'intake:record', {
    personId: p.person.id,
    mode: 'presentiel',
    motifs: ['logement_hebergement', 'budget_dettes'],
    urgent: true,
    urgencyReason: 'Coupure d’électricité annoncée',
    request: 'Je ne peux plus payer mon loyer',
    outcome: 'dsu',
  })) as { dsu: { id: number; number: string; referent: { id: number } } };
  dsuId = rec.dsu.id;
  expect(rec.dsu.number).toBe('MTB-2026-00001');
  expect(rec.dsu.referent.id).toBe(team.ass.id);
});
afterAll(() => team?.app.close());

const get = async (token: string, reason?: string) => await team.must(token, 'dsu:get', reason ? { id: dsuId, reason } : { id: dsuId });

describe('access to a DSU (DOMAIN §1)', () => {
  it('is open to the référent, with the first contact in it', async () => {
    const d = await get(team.ass.token);
    expect(d.access).toBe('referent');
    // The first contact is the premier accueil's panel in the DSU (registry), read with the DSU's access.
    const fc = await team.must(team.ass.token, 'intake:forDsu', { dsuId });
    expect(fc[0]).toMatchObject({ request: 'Je ne peux plus payer mon loyer', urgent: true, motifs: ['Logement / hébergement', 'Budget / dettes'] });
    const notHers = await team.call(team.ass2.token, 'intake:forDsu', { dsuId });
    expect(notHers.ok ? 'read' : notHers.error.code).toBe('exceptional_access_required');
    const appts = await team.call(team.ass2.token, 'rdv:forDsu', { dsuId });
    expect(appts.ok ? 'read' : appts.error.code).toBe('exceptional_access_required');
    expect(d.household.members.map((m) => m.firstNames)).toEqual(['Inès']);
  });

  it('is closed to the secretaire at the API, whatever the channel', async () => {
    for (const r of [await team.call(team.sec.token, 'dsu:get', { id: dsuId }), await team.call(team.sec.token, 'dsu:journal', { id: dsuId, beforeId: 1 })]) {
      expect(r.ok || r.error.code).toBe('forbidden');
    }
  });

  it('asks another ASS for a reason; the access is audited and shown to the référent only', async () => {
    const before = hashDir(team.dir);
    const refused = await team.call(team.ass2.token, 'dsu:get', { id: dsuId });
    expect(refused.ok || refused.error.code).toBe('exceptional_access_required');
    expect(refused.ok || refused.error.message).toMatch(/motif de cet accès exceptionnel/);
    expect(hashDir(team.dir)).toEqual(before);
    const short = await team.call(team.ass2.token, 'dsu:get', { id: dsuId, reason: 'pour voir' });
    expect(short.ok || short.error.field).toBe('reason');

    const d = await get(team.ass2.token, 'Remplacement de la référente en congé, permanence du mardi');
    expect(d.access).toBe('exceptionnel');
    expect(d.exceptionalAccesses).toEqual([]);
    const audit = team.app.vault.db.prepare("SELECT user_id AS u, entity_id AS e FROM audit_log WHERE action = 'dsu.exceptional_access'").all();
    expect(audit).toEqual([{ u: team.ass2.id, e: String(dsuId) }]);
    const seen = await get(team.ass.token);
    expect(seen.exceptionalAccesses).toMatchObject([{ user: { displayName: 'Bruno Volant' }, reason: 'Remplacement de la référente en congé, permanence du mardi' }]);
    expect((await get(team.ass2.token)).access).toBe('exceptionnel'); // still valid the same day
  });

  it('audits every reading of the file', () => {
    const n = (team.app.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'dsu.read' AND entity_id = ?").get(String(dsuId)) as { n: number }).n;
    expect(n).toBeGreaterThanOrEqual(4);
  });

  it('lists it in the référent’s files and, without content, in the site’s list', async () => {
    const mine = await team.must(team.ass.token, 'dsu:list', { scope: 'mine' });
    expect(mine.map((r) => r.number)).toEqual(['MTB-2026-00001']);
    const site = await team.must(team.cesf.token, 'dsu:list', { scope: 'site' });
    expect(site[0]).toMatchObject({ holder: 'MOREAU Inès', mine: false, referent: { displayName: 'Alice Assistante' } });
  });
});

describe('journal', () => {
  it('records a VAD in binôme; its restricted note is read by its authors and the référent only', async () => {
    await team.must(team.ass.token, 'dsu:addIntervenant', { dsuId, userId: team.cesf.id, mission: 'Budget et logement' });
    const e = await team.must(team.cesf.token, 'dsu:addEntry', {
      dsuId,
      occurredOn: '2026-11-23',
      type: 'vad',
      field: 'logement_hebergement',
      summary: 'Visite du logement, humidité importante.',
      restrictedNote: 'Tensions dans le couple évoquées.',
      coAuthorIds: [team.ass2.id],
    });
    expect(e.authors.map((a) => a.displayName).sort()).toEqual(['Bruno Volant', 'Claire Conseillère']);
    const read = async (token: string) => (await get(token)).journal.find((x) => x.id === e.id)!;
    expect((await read(team.ass.token)).restrictedNote).toBe('Tensions dans le couple évoquées.');
    expect((await read(team.cesf.token)).restrictedNote).toBe('Tensions dans le couple évoquées.');
    const byResp = await read(team.resp.token);
    expect(byResp).toMatchObject({ restrictedNote: null, restrictedHidden: true, summary: 'Visite du logement, humidité importante.' });
  });

  it('refuses an entry in the future and a co-author who is not a social worker, unchanged files', async () => {
    const before = hashDir(team.dir);
    const future = await team.call(team.ass.token, 'dsu:addEntry', { dsuId, occurredOn: '2026-12-01', type: 'note_sociale', field: 'budget', summary: 'x' });
    expect(future.ok || future.error.message).toMatch(/futur/);
    const co = await team.call(team.ass.token, 'dsu:addEntry', { dsuId, occurredOn: '2026-11-23', type: 'note_sociale', field: 'budget', summary: 'x', coAuthorIds: [team.sec.id] });
    expect(co.ok || co.error.field).toBe('coAuthorIds');
    expect(hashDir(team.dir)).toEqual(before);
  });

  it('pages the journal by 50', async () => {
    for (let i = 0; i < 55; i++) {
      await team.must(team.ass.token, 'dsu:addEntry', { dsuId, occurredOn: '2026-01-01', type: 'courrier_courriel', field: 'acces_aux_droits', summary: `Courrier ${i}` });
    }
    const d = await get(team.ass.token);
    expect(d.journal).toHaveLength(50);
    expect(d.journalMore).toBe(true);
    const next = await team.must(team.ass.token, 'dsu:journal', { id: dsuId, beforeId: d.journal[49]!.id });
    expect(next.more).toBe(false);
    expect(new Set([...d.journal, ...next.entries].map((e) => e.id)).size).toBe(d.journal.length + next.entries.length);
  });
});

describe('documents', () => {
  it('stores a PDF encrypted inside the store and gives it back intact', async () => {
    const doc = await team.must(team.ass.token, 'dsu:addDocument', { dsuId, kind: 'justificatif', title: 'Quittance octobre', docDate: '2026-10-31', contentBase64: PDF.toString('base64') });
    expect(doc).toMatchObject({ mime: 'application/pdf', size: PDF.length });
    const back = await team.must(team.ass.token, 'dsu:getDocument', { id: doc.id });
    expect(Buffer.from(back.contentBase64, 'base64')).toEqual(PDF);
    expect(back.fileName).toBe('Quittance octobre.pdf');
    team.app.vault.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const name of fs.readdirSync(team.dir)) {
      expect(fs.readFileSync(path.join(team.dir, name)).includes('QUITTANCE-LOYER-4711'), name).toBe(false);
    }
  });

  it('refuses a file whose content is not PDF/PNG/JPEG, or too large, with French messages and unchanged files', async () => {
    const before = hashDir(team.dir);
    const exe = await team.call(team.ass.token, 'dsu:addDocument', { dsuId, kind: 'autre', title: 'facture.pdf', docDate: '2026-10-31', contentBase64: Buffer.from('MZ\x90\x00 pas un pdf').toString('base64') });
    expect(exe.ok || exe.error.message).toMatch(/seuls les PDF, PNG et JPEG/);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await team.call(team.ass.token, 'dsu:addDocument', { dsuId, kind: 'autre', title: 'scan', docDate: '2026-10-31', contentBase64: big.toString('base64') });
    expect(tooBig.ok || tooBig.error.message).toMatch(/trop volumineux \(10,0 Mo\) : 10 Mo au plus/);
    expect(hashDir(team.dir)).toEqual(before);
  });
});

describe('consents', () => {
  it('records a consent to share with a partner, then its withdrawal', async () => {
    const c = await team.must(team.ass.token, 'dsu:addConsent', {
      dsuId,
      personId: p.person.id,
      partnerId: team.partners.bailleur,
      scope: 'Situation budgétaire pour un plan d’apurement',
      form: 'ecrit',
      givenOn: '2026-11-23',
    });
    expect(c.recipient).toBe('Tarn-et-Garonne Habitat — Gestion locative');
    const early = await team.call(team.ass.token, 'dsu:withdrawConsent', { id: c.id, withdrawnOn: '2026-11-01' });
    expect(early.ok || early.error.message).toMatch(/précéder/);
    const w = await team.must(team.ass.token, 'dsu:withdrawConsent', { id: c.id, withdrawnOn: '2026-11-23' });
    expect(w.withdrawnOn).toBe('2026-11-23');
    const again = await team.call(team.ass.token, 'dsu:withdrawConsent', { id: c.id, withdrawnOn: '2026-11-23' });
    expect(again.ok || again.error.message).toMatch(/déjà été retiré le 23\/11\/2026/);
  });

  it('refuses a consent for someone outside the household', async () => {
    const other = await register(team, { birthName: 'Autre', firstNames: 'Foyer' });
    const r = await team.call(team.ass.token, 'dsu:addConsent', { dsuId, personId: other.person.id, recipientLabel: 'CCAS', scope: 'x', form: 'oral_trace', givenOn: '2026-11-23' });
    expect(r.ok || r.error.field).toBe('personId');
  });
});

describe('export for the right of access', () => {
  it('produces a French PDF whose pages render, and a complete JSON', async () => {
    const pdf = await team.must(team.ass.token, 'dsu:export', { id: dsuId, format: 'pdf' });
    expect(pdf.fileName).toBe('MTB-2026-00001-2026-11-23.pdf');
    const dir = tmpDir('passeur-pdf-');
    const file = path.join(dir, 'dsu.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    if (process.env.PASSEUR_SHOTS) fs.copyFileSync(file, path.join(process.env.PASSEUR_SHOTS, 'dsu-export.pdf'));
    execFileSync('pdftoppm', ['-r', '40', '-png', file, path.join(dir, 'page')]);
    const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(fs.statSync(path.join(dir, page)).size).toBeGreaterThan(1000);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Dossier n° MTB-2026-00001');
    expect(text).toContain('Visite du logement, humidité importante.');
    expect(text).toContain('Tensions dans le couple évoquées.'); // the référent exports: her notes are in
    expect(text).toMatch(/RETIRÉ le 23\/11\/2026/);
    expect(text).toMatch(/page 1 sur \d/);
    // Every character printed (the standard fonts wrote "→" as "!’"), in a tagged French PDF.
    expect(text).toMatch(/MOREAU Inès → Tarn-et-Garonne Habitat/);
    expect(text).toContain('Demandeuse');
    expect(text).toContain('née le');
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Dossier social unique n° MTB-2026-00001/);

    const byResp = await team.must(team.resp.token, 'dsu:export', { id: dsuId, format: 'pdf' });
    fs.writeFileSync(file, Buffer.from(byResp.contentBase64, 'base64'));
    const respText = execFileSync('pdftotext', [file, '-']).toString();
    expect(respText).not.toContain('Tensions dans le couple');
    expect(respText).toMatch(/Une note restreinte non incluse : elle n’est lisible que par son auteur/);

    const json = await team.must(team.ass.token, 'dsu:export', { id: dsuId, format: 'json' });
    const data = JSON.parse(Buffer.from(json.contentBase64, 'base64').toString()) as { format: string; dsu: DsuOut & { documents: { contentBase64: string }[] } };
    expect(data.format).toBe('passeur.dsu');
    expect(data.dsu.journal.length).toBeGreaterThan(50);
    expect(Buffer.from(data.dsu.documents[0]!.contentBase64, 'base64')).toEqual(PDF);
  });
});

describe('status and retention', () => {
  it('closes with a reason, refuses writes while closed, reopens with its history', async () => {
    await team.must(team.ass.token, 'dsu:close', { id: dsuId, reason: 'objectifs_atteints' });
    const closed = await get(team.ass.token);
    expect(closed).toMatchObject({ status: 'clos', closeReason: 'objectifs_atteints', canWrite: false });
    const w = await team.call(team.ass.token, 'dsu:addEntry', { dsuId, occurredOn: '2026-11-23', type: 'note_sociale', field: 'budget', summary: 'x' });
    expect(w.ok || w.error.message).toMatch(/est clos : rouvrez-le/);
    await team.must(team.ass.token, 'dsu:reopen', { id: dsuId });
    const reopened = await get(team.ass.token);
    expect(reopened.status).toBe('actif');
    expect(reopened.journal.length).toBe(closed.journal.length);
  });

  it('lists files past two years without contact and archives them in bulk, read-only, responsables only', async () => {
    now = new Date(2028, 10, 24, 9, 0);
    team.refresh();
    const list = await team.must(team.resp.token, 'dsu:retention', {});
    expect(list.limitDate).toBe('2026-11-24');
    expect(list.source).toMatch(/CNIL.*2023-095/);
    expect(list.rows.map((r) => r.id)).toEqual([dsuId]);
    const forbidden = await team.call(team.ass.token, 'dsu:archive', { ids: [dsuId] });
    expect(forbidden.ok || forbidden.error.code).toBe('forbidden');
    const res = await team.must(team.resp.token, 'dsu:archive', { ids: [dsuId] });
    expect(res).toEqual({ closed: 1, archived: 1 });
    const arch = await get(team.resp.token);
    expect(arch).toMatchObject({ status: 'archive', closeReason: 'sans_nouvelles', canWrite: false });
    const byRef = await team.call(team.ass.token, 'dsu:get', { id: dsuId });
    expect(byRef.ok || byRef.error.message).toMatch(/archivé : il n’est consultable que par les responsables/);
    const write = await team.call(team.resp.token, 'dsu:addEntry', { dsuId, occurredOn: '2028-11-24', type: 'note_sociale', field: 'budget', summary: 'x' });
    expect(write.ok || write.error.message).toMatch(/archivé : il est en lecture seule/);
    expect((team.app.vault.db.prepare('SELECT count(*) AS n FROM journal WHERE dsu_id = ?').get(dsuId) as { n: number }).n).toBeGreaterThan(50);
  });

  it('refuses to archive a file with a recent contact, archiving nothing', async () => {
    const fresh = await register(team, { birthName: 'Récent', firstNames: 'Contact' });
    const d = await team.must(team.ass.token, 'dsu:open', { householdId: fresh.household!.id });
    const before = hashDir(team.dir);
    const r = await team.call(team.resp.token, 'dsu:archive', { ids: [d.id] });
    expect(r.ok || r.error.message).toMatch(/Rien n’a été archivé/);
    expect(hashDir(team.dir)).toEqual(before);
  });
});

describe('référent and co-intervenants', () => {
  it('a responsable changes the référent (an ASS or CESF only); an ended co-intervenant loses access', async () => {
    now = new Date(2026, 10, 23, 10, 0);
    const t2 = await newTeam(() => now);
    try {
      const p2 = await register(t2, { birthName: 'Faure', firstNames: 'Léa' });
      const d = await t2.must(t2.ass.token, 'dsu:open', { householdId: p2.household!.id });
      const bySelf = await t2.call(t2.ass.token, 'dsu:setReferent', { dsuId: d.id, referentId: t2.ass2.id });
      expect(bySelf.ok || bySelf.error.code).toBe('forbidden');
      const toSec = await t2.call(t2.resp.token, 'dsu:setReferent', { dsuId: d.id, referentId: t2.sec.id });
      expect(toSec.ok || toSec.error.field).toBe('referentId');
      const changed = await t2.must(t2.resp.token, 'dsu:setReferent', { dsuId: d.id, referentId: t2.ass2.id });
      expect(changed.referent.id).toBe(t2.ass2.id);
      expect((await t2.must(t2.ass2.token, 'dsu:get', { id: d.id })).access).toBe('referent');
      // The former référent now needs a reason.
      const former = await t2.call(t2.ass.token, 'dsu:get', { id: d.id });
      expect(former.ok || former.error.code).toBe('exceptional_access_required');

      await t2.must(t2.ass2.token, 'dsu:addIntervenant', { dsuId: d.id, userId: t2.cesf.id, mission: 'Budget' });
      expect((await t2.must(t2.cesf.token, 'dsu:get', { id: d.id })).access).toBe('intervenant');
      const view = await t2.must(t2.ass2.token, 'dsu:get', { id: d.id });
      const twice = await t2.call(t2.ass2.token, 'dsu:addIntervenant', { dsuId: d.id, userId: t2.cesf.id, mission: 'Budget' });
      expect(twice.ok || twice.error.message).toMatch(/intervient déjà/);
      await t2.must(t2.ass2.token, 'dsu:endIntervenant', { id: view.intervenants[0]!.id });
      const ended = await t2.call(t2.cesf.token, 'dsu:get', { id: d.id });
      expect(ended.ok || ended.error.code).toBe('exceptional_access_required');
      expect((await t2.must(t2.ass2.token, 'dsu:get', { id: d.id })).intervenants[0]!.endedOn).toBe('2026-11-23');
    } finally {
      t2.app.close();
    }
  });
});
