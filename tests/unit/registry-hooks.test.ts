/**
 * What the shared operations take from the registry: the person columns a merge moves, the
 * audit log's names, the DSU's last contact across modules.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src-main/modules';
import { aidTeam, household, secours, type AidTeam } from '../helpers/aides';
import { register } from '../helpers/team';
import { hashDir, tmpDir } from '../helpers/tmp';

let team: AidTeam;
beforeAll(async () => {
  team = await aidTeam();
});

describe('person references', () => {
  it('every column of the schema that points at a person is declared by a module (a new table cannot be forgotten by merges)', () => {
    const db = team.app.vault.db;
    const declared = new Set(registry.flatMap((m) => m.personRefs ?? []).map((r) => `${r.table}.${r.column}`));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const pointing: string[] = [];
    for (const t of tables) {
      for (const fk of db.pragma(`foreign_key_list(${t})`) as { table: string; from: string }[]) {
        if (fk.table === 'persons') pointing.push(`${t}.${fk.from}`);
      }
    }
    // The persons module's own bookkeeping: a record merged into another, and the merges' log.
    const own = pointing.filter((c) => c === 'persons.merged_into' || c.startsWith('person_merges.'));
    expect(own.length).toBeGreaterThan(0);
    expect(pointing.filter((c) => !own.includes(c)).sort()).toEqual([...declared].sort());
  });

  it('a merge moves every declared row (aid requests included) and its undo puts them back; a merge recorded in the older form is undone too', async () => {
    const a = await household(team);
    const b = await household(team);
    const aid = await team.must(team.ass.token, 'aid:save', secours(b));
    const merged = await team.call(team.resp.token, 'persons:merge', { keepId: a.personId, absorbId: b.personId });
    // Two households with a DSU each: refused, nothing moved.
    expect(merged.ok ? 'merged' : merged.error.code).toBe('conflict');

    // Same household: the absorbed person's aid request follows the kept one.
    const c = await register(team, { birthName: 'Doublon', firstNames: 'Zoé', birthDate: '1991-03-03' });
    const db = team.app.vault.db;
    db.prepare('UPDATE persons SET household_id = ? WHERE id = ?').run(b.householdId, c.person.id);
    const m = await team.must(team.resp.token, 'persons:merge', { keepId: c.person.id, absorbId: b.personId });
    expect((db.prepare('SELECT person_id AS p FROM aid_requests WHERE id = ?').get(aid.id) as { p: number }).p).toBe(c.person.id);
    const moves = JSON.parse((db.prepare('SELECT moves FROM person_merges WHERE id = ?').get(m.mergeId) as { moves: string }).moves) as { refs: Record<string, number[]> };
    expect(moves.refs['aid_requests.person_id']).toEqual([aid.id]);
    await team.must(team.resp.token, 'persons:unmerge', { mergeId: m.mergeId });
    expect((db.prepare('SELECT person_id AS p FROM aid_requests WHERE id = ?').get(aid.id) as { p: number }).p).toBe(b.personId);

    // A merge recorded before the registry (moves listed by name) is still undone whole.
    const m2 = await team.must(team.resp.token, 'persons:merge', { keepId: c.person.id, absorbId: b.personId });
    const legacy = { firstContacts: [], appointments: [], consents: [], aidRequests: [aid.id], filled: {}, household: null };
    db.prepare('UPDATE person_merges SET moves = ? WHERE id = ?').run(JSON.stringify(legacy), m2.mergeId);
    await team.must(team.resp.token, 'persons:unmerge', { mergeId: m2.mergeId });
    expect((db.prepare('SELECT person_id AS p FROM aid_requests WHERE id = ?').get(aid.id) as { p: number }).p).toBe(b.personId);
  });
});

describe('audit names', () => {
  it('each module names its own entities in the log (DSU number, aid number, partner, account)', async () => {
    const h = await household(team);
    const aid = await team.must(team.ass.token, 'aid:save', secours(h));
    const rows = await team.must(team.resp.token, 'audit:list', { limit: 500 });
    const label = (entity: string, id: number) => rows.find((r) => r.entity === entity && r.entityId === String(id))?.entityLabel;
    expect(label('dsu', h.dsuId)).toBe(h.dsuNumber);
    expect(label('aid', aid.id)).toBe(aid.number);
    expect(label('user', team.ass.id)).toBe('Alice Assistante');
    expect(rows.find((r) => r.entity === 'partner')?.entityLabel).toMatch(/CAF de Tarn-et-Garonne|Tarn-et-Garonne Habitat/);
  });
});

describe('last contact of a DSU', () => {
  it('is the latest dated activity of any module: an aid request keeps a file off the retention list, a file without one is on it', async () => {
    const db = team.app.vault.db;
    const quiet = await household(team);
    const busy = await household(team);
    const old = '2023-01-10';
    for (const h of [quiet, busy]) {
      db.prepare('UPDATE dsu SET last_contact_on = ? WHERE id = ?').run(old, h.dsuId);
      db.prepare("UPDATE first_contacts SET at = '2023-01-10T09:00:00.000Z' WHERE household_id = ?").run(h.householdId);
    }
    const aid = await team.must(team.ass.token, 'aid:save', secours(busy, { requestedOn: '2025-06-02' }));
    expect(aid.id).toBeGreaterThan(0);

    expect((await team.must(team.ass.token, 'dsu:get', { id: busy.dsuId })).lastContactOn).toBe('2025-06-02');
    expect((await team.must(team.ass.token, 'dsu:get', { id: quiet.dsuId })).lastContactOn).toBe(old);
    const mine = await team.must(team.ass.token, 'dsu:list', { scope: 'mine' });
    expect(mine.find((d) => d.id === busy.dsuId)?.lastContactOn).toBe('2025-06-02');

    const retention = await team.must(team.resp.token, 'dsu:retention', {});
    const ids = retention.rows.map((r) => r.id);
    expect(ids).toContain(quiet.dsuId);
    expect(ids).not.toContain(busy.dsuId);
    const refused = await team.call(team.resp.token, 'dsu:archive', { ids: [busy.dsuId], closeReason: 'sans_nouvelles' });
    expect(refused.ok ? 'archived' : refused.error.code).toBe('conflict');
  });
});

describe('persons without a DSU (ponctuels) at the end of retention', () => {
  it('lists a person whose last contact is over two years old, deletes them with their first contacts and appointments, and refuses one still in contact without writing a byte', async () => {
    const db = team.app.vault.db;
    const old = await register(team, { birthName: 'Ancien', firstNames: 'Paul', birthDate: '1950-05-05' });
    const recent = await register(team, { birthName: 'Recent', firstNames: 'Léa', birthDate: '1980-06-06' });
    const withDsu = await household(team);
    for (const p of [old, recent]) {
      await team.must(team.sec.token, 'intake:record', { personId: p.person.id, mode: 'telephone', motifs: ['autre'], urgent: false, request: 'Une question ponctuelle', outcome: 'information' });
    }
    const stamp = '2023-03-01T10:00:00.000Z';
    for (const id of [old.person.id, recent.person.id, withDsu.personId]) {
      db.prepare('UPDATE persons SET created_at = ?, updated_at = ? WHERE id = ?').run(stamp, stamp, id);
      db.prepare('UPDATE first_contacts SET at = ? WHERE person_id = ?').run(stamp, id);
    }
    db.prepare('UPDATE dsu SET last_contact_on = ? WHERE id = ?').run('2023-03-01', withDsu.dsuId);
    // Léa has an appointment kept in 2025: still in contact.
    db.prepare(
      "INSERT INTO appointments (professional_id, person_id, household_id, starts_at, ends_at, kind, place, status, booked_by, created_at) VALUES (?, ?, ?, '2025-02-03T09:00', '2025-02-03T09:45', 'accompagnement_presentiel', 'MDS', 'honore', ?, ?)",
    ).run(team.ass.id, recent.person.id, recent.household!.id, team.sec.id, stamp);

    const list = await team.must(team.resp.token, 'persons:retention', {});
    const ids = list.rows.map((r) => r.id);
    expect(ids).toContain(old.person.id);
    expect(ids).not.toContain(recent.person.id);
    expect(ids).not.toContain(withDsu.personId);
    expect(list.rows.find((r) => r.id === old.person.id)).toMatchObject({ name: 'ANCIEN Paul', lastContactOn: '2023-03-01' });

    // A workstation's write answered with the person's name, kept by the host for its retries.
    db.prepare("INSERT INTO team_answers (id, at, answer) VALUES ('cle-poste', ?, ?)").run(stamp, JSON.stringify({ result: { ok: true, value: { name: 'ANCIEN Paul' } } }));
    let erasures = 0;
    const off = team.app.onErasure(() => (erasures += 1));
    const before = hashDir(team.dir);
    const refused = await team.call(team.resp.token, 'persons:purge', { ids: [old.person.id, recent.person.id] });
    expect(refused.ok ? 'purged' : refused.error.message).toMatch(/^Rien n’a été supprimé/);
    expect(hashDir(team.dir)).toEqual(before);
    expect(erasures).toBe(0);

    expect(await team.must(team.resp.token, 'persons:purge', { ids: [old.person.id] })).toEqual({ purged: 1 });
    // What keeps answers outside the store (the team host's memory) is told, once.
    expect(erasures).toBe(1);
    off();
    expect(db.prepare('SELECT count(*) AS n FROM persons WHERE id = ?').get(old.person.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM first_contacts WHERE person_id = ?').get(old.person.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM households WHERE id = ?').get(old.household!.id)).toEqual({ n: 0 });
    // The kept answer forgets the name but still knows its write was done (a retry is not written twice).
    expect(db.prepare("SELECT answer FROM team_answers WHERE id = 'cle-poste'").get()).toEqual({ answer: null });
    const search = await team.must(team.sec.token, 'persons:search', { q: 'ancien paul' });
    expect(search.results.map((r) => r.id)).not.toContain(old.person.id);
    const audit = await team.must(team.resp.token, 'audit:list', { limit: 20 });
    expect(audit.find((r) => r.action === 'person.purge')).toMatchObject({ entity: 'person', entityId: String(old.person.id) });
    // Léa is still there.
    expect((await team.must(team.sec.token, 'persons:get', { id: recent.person.id })).person.id).toBe(recent.person.id);
  });
});

describe('Mes échéances', () => {
  it('gathers each module’s dated tasks for the caller, ordered by date: the responsable’s decisions, the référent’s file near retention and unrecorded appointment', async () => {
    const db = team.app.vault.db;
    const h = await household(team);
    const aid = await team.must(team.ass.token, 'aid:save', secours(h));
    await team.must(team.ass.token, 'aid:act', { action: 'submit', id: aid.id });
    // A file whose last contact was 2 years ago minus 10 days: due in 10 days, inside the 30-day notice.
    db.prepare('UPDATE dsu SET last_contact_on = ? WHERE id = ?').run('2024-12-03', h.dsuId);
    db.prepare("UPDATE first_contacts SET at = '2024-12-03T09:00:00.000Z' WHERE household_id = ?").run(h.householdId);
    db.prepare('UPDATE aid_requests SET requested_on = ? WHERE id = ?').run('2024-12-03', aid.id);
    // A past appointment still "prévu".
    db.prepare(
      "INSERT INTO appointments (professional_id, person_id, household_id, starts_at, ends_at, kind, place, status, booked_by, created_at) VALUES (?, ?, ?, '2026-11-20T14:00', '2026-11-20T14:45', 'vad', 'Domicile', 'prevu', ?, 't')",
    ).run(team.ass.id, h.personId, h.householdId, team.sec.id);

    const resp = await team.must(team.resp.token, 'tasks:mine', {});
    expect(resp.noticeDays).toBe(30);
    expect(resp.items.find((t) => t.module === 'aides' && t.label === aid.number)).toMatchObject({ kind: 'decide', due: '2026-11-23', href: `#/aides/${aid.id}`, overdue: false });

    const ass = await team.must(team.ass.token, 'tasks:mine', {});
    expect(ass.items.find((t) => t.module === 'dsu' && t.label === h.dsuNumber)).toMatchObject({ kind: 'retention', due: '2026-12-03', href: `#/dsu/${h.dsuId}` });
    expect(ass.items.find((t) => t.module === 'rdv')).toMatchObject({ kind: 'outcome', due: '2026-11-20', overdue: true });
    expect(ass.items.map((t) => t.due)).toEqual([...ass.items.map((t) => t.due)].sort());
    // The notice period is the site's setting: at 5 days, the file due in 10 days is not yet listed.
    expect(await team.must(team.adminToken, 'admin:saveSettings', { idleLockMinutes: 10, tasksNoticeDays: 5 })).toEqual({ idleLockMinutes: 10, tasksNoticeDays: 5 });
    const sooner = await team.must(team.ass.token, 'tasks:mine', {});
    expect(sooner.noticeDays).toBe(5);
    expect(sooner.items.find((t) => t.module === 'dsu' && t.label === h.dsuNumber)).toBeUndefined();
    expect(sooner.items.find((t) => t.module === 'rdv')).toBeDefined();
    const refused = await team.call(team.adminToken, 'admin:saveSettings', { idleLockMinutes: 10, tasksNoticeDays: 0 });
    expect(refused.ok ? '' : refused.error.message).toMatch(/1 jour au moins/);
    await team.must(team.adminToken, 'admin:saveSettings', { idleLockMinutes: 10, tasksNoticeDays: 30 });
    // The secretaire has nothing of the social content.
    expect((await team.must(team.sec.token, 'tasks:mine', {})).items).toEqual([]);
  });
});

describe('right of access, per person', () => {
  it('gathers every module’s part about the person (first contacts, appointments, DSU, aids with their budget), and nothing of another member’s own records', async () => {
    const h = await household(team);
    const aid = await team.must(team.ass.token, 'aid:save', secours(h));
    const other = await team.must(team.sec.token, 'persons:create', {
      birthName: 'Conjoint',
      firstNames: 'Marc',
      household: { existingId: h.householdId, role: 'conjoint' },
      confirmNotDuplicate: true,
    });
    await team.must(team.sec.token, 'intake:record', { personId: other.person.id, mode: 'presentiel', motifs: ['autre'], urgent: false, request: 'Demande propre au conjoint', outcome: 'information' });

    const file = await team.must(team.ass.token, 'persons:export', { id: h.personId, format: 'json' });
    expect(file.fileName).toMatch(new RegExp(`^droit-d-acces-${h.personId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const json = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString()) as { parts: { title: string; entries: { heading: string; fields: { label: string; value: string }[] }[] }[] };
    const titles = json.parts.map((p) => p.title);
    for (const t of ['Identité et coordonnées', 'Premiers accueils', 'Rendez-vous', 'Dossier social unique', 'Aides financières', 'Consentements au partage d’informations']) expect(titles).toContain(t);
    const aids = json.parts.find((p) => p.title === 'Aides financières')!;
    expect(aids.entries[0]!.heading).toContain(aid.number);
    expect(aids.entries[0]!.fields.find((f) => f.label === 'Ressources mensuelles déclarées')?.value).toMatch(/^RSA 300,00/);
    expect(JSON.stringify(json)).not.toContain('Demande propre au conjoint');
    expect(json.parts.find((p) => p.title === 'Dossier social unique')!.entries[0]!.heading).toBe(`Dossier n° ${h.dsuNumber}`);

    // Who may: the household file's readers. Another ASS must go through the exceptional access; the secretaire never.
    const other2 = await team.call(team.ass2.token, 'persons:export', { id: h.personId, format: 'pdf' });
    expect(other2.ok ? 'exported' : other2.error.code).toBe('exceptional_access_required');
    const sec = await team.call(team.sec.token, 'persons:export', { id: h.personId, format: 'pdf' });
    expect(sec.ok ? 'exported' : sec.error.code).toBe('forbidden');

    const pdf = await team.must(team.resp.token, 'persons:export', { id: h.personId, format: 'pdf' });
    const dir = tmpDir('passeur-access-');
    const out = path.join(dir, 'copie.pdf');
    fs.writeFileSync(out, Buffer.from(pdf.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
    expect(text).toContain('Vos données personnelles');
    expect(text).toContain(aid.number);
    expect(text).toContain('Vos droits');
    const info = execFileSync('pdfinfo', [out]).toString();
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Copie des données personnelles — \S+ \S+/);
    if (process.env.PASSEUR_SHOTS) execFileSync('pdftoppm', ['-r', '70', '-png', out, path.join(process.env.PASSEUR_SHOTS, 'droit-acces')]);
    const audit = await team.must(team.resp.token, 'audit:list', { limit: 10 });
    expect(audit.filter((r) => r.action === 'person.export' && r.entityId === String(h.personId)).length).toBe(2);

    // The household's file, exported whole, now carries the aid requests too (registry `dsuExport`).
    const dsuJson = await team.must(team.ass.token, 'dsu:export', { id: h.dsuId, format: 'json' });
    const dsuData = JSON.parse(Buffer.from(dsuJson.contentBase64, 'base64').toString()) as { version: number; parts: { title: string; entries: { heading: string }[] }[] };
    expect(dsuData.version).toBe(2);
    expect(dsuData.parts.find((p) => p.title === 'Aides financières')?.entries.map((e) => e.heading)).toEqual([expect.stringContaining(aid.number)]);
    const dsuPdf = await team.must(team.ass.token, 'dsu:export', { id: h.dsuId, format: 'pdf' });
    fs.writeFileSync(out, Buffer.from(dsuPdf.contentBase64, 'base64'));
    expect(execFileSync('pdftotext', ['-layout', out, '-']).toString()).toMatch(new RegExp(`Demande n° ${aid.number}`));
    if (process.env.PASSEUR_SHOTS) execFileSync('pdftoppm', ['-r', '70', '-png', out, path.join(process.env.PASSEUR_SHOTS, 'dsu-export')]);
  });
});

describe('statistics for a period', () => {
  it('gathers each module’s figures: files active and opened, first contacts by mode and ponctuels, aids granted per dispositif with their amount', async () => {
    const before = await team.must(team.resp.token, 'stats:period', { from: '2026-01-01', to: '2026-12-31' });
    const value = (s: typeof before, key: string) => s.modules.flatMap((m) => m.figures).find((f) => f.key === key)?.value ?? 0;
    const h = await household(team);
    const p = await register(team, { birthName: 'Stat', firstNames: 'Une', birthDate: '1977-07-07' });
    await team.must(team.sec.token, 'intake:record', { personId: p.person.id, mode: 'telephone', motifs: ['autre'], urgent: false, request: 'Renseignement', outcome: 'information' });
    let aid = await team.must(team.ass.token, 'aid:save', secours(h));
    aid = await team.must(team.ass.token, 'aid:act', { action: 'submit', id: aid.id });
    await team.must(team.resp.token, 'aid:act', { action: 'take', id: aid.id });
    await team.must(team.resp.token, 'aid:act', { action: 'grant', id: aid.id, paymentMode: 'virement_beneficiaire', payeeKind: 'beneficiaire', grantedCents: 12000 });

    const after = await team.must(team.resp.token, 'stats:period', { from: '2026-01-01', to: '2026-12-31' });
    expect(after.modules.map((m) => m.module)).toEqual(['intake', 'rdv', 'dsu', 'aides', 'surendettement', 'expulsions', 'concertation', 'collectif', 'protection']);
    expect(value(after, 'dsu.opened') - value(before, 'dsu.opened')).toBe(1);
    expect(value(after, 'intake.mode.telephone') - value(before, 'intake.mode.telephone')).toBe(1);
    expect(value(after, 'intake.ponctuels') - value(before, 'intake.ponctuels')).toBe(1);
    expect(value(after, 'aides.accordees.secours_cd') - value(before, 'aides.accordees.secours_cd')).toBe(1);
    expect(value(after, 'aides.montant_centimes.secours_cd') - value(before, 'aides.montant_centimes.secours_cd')).toBe(12000);
    // Another year: nothing of this.
    const other = await team.must(team.resp.token, 'stats:period', { from: '2025-01-01', to: '2025-12-31' });
    expect(value(other, 'aides.accordees.secours_cd')).toBe(0);
    const wrong = await team.call(team.resp.token, 'stats:period', { from: '2026-12-31', to: '2026-01-01' });
    expect(wrong.ok ? '' : wrong.error.message).toMatch(/commencer avant de finir/);
    const long = await team.call(team.resp.token, 'stats:period', { from: '2026-01-01', to: '2031-01-01' });
    expect(long.ok ? '' : long.error.message).toMatch(/cinq ans au plus/);
    expect((await team.call(team.resp.token, 'stats:period', { from: '2026-01-02', to: '2031-01-01' })).ok).toBe(true);
    const early = await team.call(team.resp.token, 'stats:period', { from: '0000-01-01', to: '0001-01-01' });
    expect(early.ok ? '' : early.error.code).toBe('invalid_input');
    expect((await team.call(team.ass.token, 'stats:period', { from: '2026-01-01', to: '2026-12-31' })).ok).toBe(false);
  });
});

describe('what the review found', () => {
  it('a person’s export needs access to every file their records belong to, not only their current household’s', async () => {
    const h = await household(team);
    await team.must(team.ass.token, 'aid:save', secours(h));
    // Moved by the front desk to a new household without a file: the aid stays in the former DSU.
    await team.must(team.sec.token, 'persons:update', {
      id: h.personId,
      birthName: `Aide${h.personId}`,
      firstNames: 'Déménagée',
      household: { address: '5 avenue Nouvelle', communeInsee: '82121', role: 'demandeur' },
    });
    const other = await team.call(team.ass2.token, 'persons:export', { id: h.personId, format: 'json' });
    expect(other.ok ? 'exported' : other.error.code).toBe('exceptional_access_required');
    expect((await team.call(team.ass.token, 'persons:export', { id: h.personId, format: 'json' })).ok).toBe(true);
  });

  it('a merge that would take a file’s member and records to a person outside it is refused, nothing written', async () => {
    const withFile = await household(team);
    await team.must(team.ass.token, 'aid:save', secours(withFile));
    const outside = await register(team, { birthName: 'Hors', firstNames: 'Dossier', birthDate: '1970-01-01' });
    const before = hashDir(team.dir);
    const r = await team.call(team.resp.token, 'persons:merge', { keepId: outside.person.id, absorbId: withFile.personId });
    expect(r.ok ? 'merged' : r.error.message).toMatch(/conservez plutôt la fiche du foyer du DSU/);
    expect(hashDir(team.dir)).toEqual(before);
  });

  it('a ponctuel’s household another module still points at stays; the person goes', async () => {
    const db = team.app.vault.db;
    const p = await register(team, { birthName: 'Foyer', firstNames: 'Tenu', birthDate: '1945-04-04' });
    await team.must(team.sec.token, 'intake:record', { personId: p.person.id, mode: 'telephone', motifs: ['autre'], urgent: false, request: 'Question', outcome: 'information' });
    const old = '2023-01-05T10:00:00.000Z';
    db.prepare('UPDATE persons SET created_at = ?, updated_at = ? WHERE id = ?').run(old, old, p.person.id);
    db.prepare('UPDATE first_contacts SET at = ? WHERE person_id = ?').run(old, p.person.id);
    // A module the persons module knows nothing of, with a record about the household.
    db.exec('CREATE TABLE IF NOT EXISTS demo_household_notes (id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES households(id)) STRICT');
    db.prepare('INSERT INTO demo_household_notes (household_id) VALUES (?)').run(p.household!.id);
    expect(await team.must(team.resp.token, 'persons:purge', { ids: [p.person.id] })).toEqual({ purged: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM persons WHERE id = ?').get(p.person.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM households WHERE id = ?').get(p.household!.id)).toEqual({ n: 1 });
    db.exec('DELETE FROM demo_household_notes; DROP TABLE demo_household_notes');
  });
});
