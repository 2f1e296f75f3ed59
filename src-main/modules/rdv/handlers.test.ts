import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDir } from '../../../tests/helpers/tmp';
import { newTeam, register, type Team } from '../../../tests/helpers/team';
import type { AppointmentOut, PersonCard } from '../../modules';
import { checkWeek, nextFree, occurrences, withinOpening, type Hours } from './rules';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tmpDir } from '../../../tests/helpers/tmp';
import { frPhone, frTime, remindersCsv, siteHeading } from './letters';

const WEEKDAY = [{ from: '08:30', to: '12:30' }, { from: '13:30', to: '17:30' }];
const HOURS: Hours = { week: [WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, [], []], closed: [] };

function pdfFile(b64: string, name: string): string {
  const dir = process.env.PASSEUR_LETTERS ?? tmpDir('passeur-rdv-');
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(b64, 'base64'));
  return file;
}
function pdfText(b64: string, name: string): string {
  return execFileSync('pdftotext', ['-layout', pdfFile(b64, name), '-']).toString().replace(/[\s\u00a0]+/g, ' ');
}
/** What pdfinfo, pdffonts and pdfimages say of a PDF: as every document of the app, tagged, titled, in the embedded DejaVu font only. */
function pdfFacts(b64: string, name: string) {
  const file = pdfFile(b64, name);
  const fonts = execFileSync('pdffonts', [file]).toString().split('\n').slice(2).filter(Boolean);
  const images = execFileSync('pdfimages', ['-list', file]).toString().split('\n').slice(2).filter(Boolean);
  return { info: execFileSync('pdfinfo', [file]).toString(), fonts, images, raw: fs.readFileSync(file).toString('latin1') };
}
function expectLikeEveryPdf(facts: ReturnType<typeof pdfFacts>, title: string) {
  expect(facts.info).toMatch(/Tagged:\s+yes/);
  expect(facts.info).toMatch(/PDF version:\s+1\.7/);
  expect(facts.info.split('\n').find((l) => l.startsWith('Title:'))?.replace(/^Title:\s+/, '')).toBe(title);
  expect(facts.raw).toMatch(/\/Lang \(fr-FR\)/);
  expect(facts.fonts.length).toBeGreaterThan(0);
  // Only DejaVu, embedded as a subset (the columns "emb" and "sub"): no standard font left.
  for (const l of facts.fonts) expect(l).toMatch(/^[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType.*\byes\s+yes\s+yes\b/);
}

let team: Team;
let p: PersonCard;
let setNow: (d: Date) => void;
beforeAll(async () => {
  let now = new Date(2026, 10, 23, 8, 0); // Monday 23 November 2026, 8:00 local
  team = await newTeam(() => now);
  setNow = (d) => (now = d);
  p = await register(team, { birthName: 'Bernard', firstNames: 'Lucie', birthDate: '1990-04-04' });
});
afterAll(() => team?.app.close());

describe('appointment rules', () => {
  it('keeps to the site’s opening hours, skips the week-end and the closed days', () => {
    expect(withinOpening(HOURS, '2026-11-23T09:00', '2026-11-23T09:30')).toBe(true);
    expect(withinOpening(HOURS, '2026-11-23T12:15', '2026-11-23T12:45')).toBe(false);
    expect(withinOpening(HOURS, '2026-11-28T09:00', '2026-11-28T09:30')).toBe(false);
    expect(nextFree(HOURS, '2026-11-27T17:20', 30, [])).toBe('2026-11-30T08:30');
    expect(nextFree(HOURS, '2026-11-23T08:30', 30, [{ startsAt: '2026-11-23T08:30', endsAt: '2026-11-23T09:15' }])).toBe('2026-11-23T09:15');
    expect(nextFree(HOURS, '2026-11-23T12:10', 30, [])).toBe('2026-11-23T13:30');
    // Monday closed, Tuesday open only in the afternoon: the first slot is Tuesday 14:00.
    const h: Hours = { week: [WEEKDAY, [{ from: '14:00', to: '16:00' }], ...HOURS.week.slice(2)], closed: [{ day: '2026-11-23', label: 'Formation' }] };
    expect(nextFree(h, '2026-11-23T08:00', 45, [])).toBe('2026-11-24T14:00');
    expect(nextFree({ week: [[], [], [], [], [], [], []], closed: [] }, '2026-11-23T08:00', 30, [])).toBeNull();
  });
  it('holds a permanence on its weekday, every week or every other one, between its first and last days, not on a closed day', () => {
    const p = { weekday: 2, startsAt: '09:00', endsAt: '12:00', everyWeeks: 2, firstDay: '2026-11-24', lastDay: '2027-01-05' };
    expect(occurrences(p, { closed: [] }, '2026-11-23', 35)).toEqual(['2026-11-24', '2026-12-08', '2026-12-22']);
    expect(occurrences({ ...p, everyWeeks: 1 }, { closed: [{ day: '2026-12-01', label: 'Pont' }] }, '2026-11-23', 21)).toEqual(['2026-11-24', '2026-12-08']);
    expect(occurrences(p, { closed: [] }, '2027-01-04', 14)).toEqual(['2027-01-05']);
    expect(occurrences(p, { closed: [] }, '2026-11-16', 7)).toEqual([]);
  });
  it('says in French what is wrong with a week of hours', () => {
    expect(checkWeek(HOURS.week)).toBeNull();
    expect(checkWeek([[{ from: '12:00', to: '09:00' }], [], [], [], [], [], []])).toMatch(/^Le lundi, la plage 12:00–09:00 finit avant de commencer/);
    expect(checkWeek([[], [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '13:00' }], [], [], [], [], []])).toMatch(/^Le mardi, les plages 08:00–12:00 et 11:00–13:00 se chevauchent/);
  });
  it('writes hours and phones as French does, and never repeats the site’s name in the heading', () => {
    expect(frTime('2026-12-01T09:30')).toBe('9 h 30');
    expect(frTime('14:00')).toBe('14 h');
    expect(frPhone('0612345678')).toBe('06 12 34 56 78');
    expect(frPhone('+33612345678')).toBe('+33612345678');
    const site = { name: 'MDS Montauban Est', serviceName: 'MDS Montauban Est', addressLines: ['MDS Montauban Est', '2 rue de la Banque'], postcode: '82000', city: 'Montauban', phone: '05 63 00 00 00' };
    expect(siteHeading(site)).toEqual({ title: 'MDS Montauban Est', lines: ['2 rue de la Banque', '82000 Montauban', 'Tél. 05 63 00 00 00'] });
    expect(siteHeading({ ...site, serviceName: 'Service social départemental', addressLines: [] }).lines).toEqual(['MDS Montauban Est', '82000 Montauban', 'Tél. 05 63 00 00 00']);
  });
  it('writes the reminders as CSV a French spreadsheet opens, with no cell starting a formula', () => {
    const csv = remindersCsv([{ startsAt: '2026-11-24T09:30', endsAt: '2026-11-24T10:15', name: '=HYPERLINK("x") Marie', phone: '+33 6 12 34 56 78', professional: 'Alice; Assistante', place: 'MDS', kindLabel: 'VAD' }]);
    expect(csv.startsWith('\ufeffDate;Début;Fin;Personne;Téléphone;Avec;Lieu;Type\r\n')).toBe(true);
    expect(csv).toContain('24/11/2026;09:30;10:15;"\'=HYPERLINK(""x"") Marie";+33 6 12 34 56 78;"Alice; Assistante";MDS;VAD\r\n');
  });
});

describe('rdv:*', () => {
  let first: AppointmentOut;
  it('books for the sector’s ASS, from the secretaire', async () => {
    first = await team.must(team.sec.token, 'rdv:book', {
      professionalId: team.ass.id,
      personId: p.person.id,
      startsAt: '2026-11-24T09:30',
      durationMin: 45,
      kind: 'premier_accueil_presentiel',
      place: 'MDS – bureau 2',
    });
    expect(first).toMatchObject({ status: 'prevu', endsAt: '2026-11-24T10:15', professional: { displayName: 'Alice Assistante' } });
    const agenda = await team.must(team.sec.token, 'rdv:agenda', { professionalId: team.ass.id, from: '2026-11-23', days: 7 });
    expect(agenda.map((a) => a.id)).toEqual([first.id]);
  });

  it('refuses a double booking with a clear message and the next free slot, leaving the files unchanged', async () => {
    const before = hashDir(team.dir);
    const r = await team.call(team.sec.token, 'rdv:book', {
      professionalId: team.ass.id,
      personId: p.person.id,
      startsAt: '2026-11-24T10:00',
      durationMin: 30,
      kind: 'accompagnement_presentiel',
      place: 'MDS',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Alice Assistante a déjà un rendez-vous de 09 h 30 à 10 h 15 ce jour-là. Choisissez un autre créneau (premier créneau libre : le 24/11/2026 à 10 h 15).');
    expect(hashDir(team.dir)).toEqual(before);
    const free = await team.must(team.sec.token, 'rdv:nextFree', { professionalId: team.ass.id, from: '2026-11-24T09:30', durationMin: 30 });
    expect(free.startsAt).toBe('2026-11-24T10:15');
  });

  it('refuses a slot in the past', async () => {
    const r = await team.call(team.sec.token, 'rdv:book', { professionalId: team.ass.id, personId: p.person.id, startsAt: '2026-11-20T10:00', durationMin: 30, kind: 'vad', place: 'Domicile' });
    expect(r.ok || r.error.message).toMatch(/déjà passé/);
  });

  it('lets only the professional mark honoured, once it has happened, and shows it in the DSU journal', async () => {
    const dsu = await team.must(team.ass.token, 'dsu:open', { householdId: p.household!.id });
    const early = await team.call(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'honore' });
    expect(early.ok || early.error.message).toMatch(/pas encore eu lieu/);
    setNow(new Date(2026, 10, 24, 11, 0));
    team.refresh();
    const bySec = await team.call(team.sec.token, 'rdv:setStatus', { id: first.id, status: 'honore', field: 'budget' });
    expect(bySec.ok || bySec.error.code).toBe('forbidden');
    // The journal entry it becomes needs its field of intervention: asked, in French, nothing written without it.
    const before = hashDir(team.dir);
    const noField = await team.call(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'honore' });
    expect(noField.ok ? 'ok' : [noField.error.code, noField.error.field, noField.error.message]).toEqual([
      'invalid_input',
      'field',
      `Indiquez le champ d’intervention de ce rendez-vous : il sera inscrit au journal du dossier ${dsu.number}.`,
    ]);
    const badField = await team.call(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'honore', field: 'loisirs' as never });
    expect(badField.ok || [badField.error.field, badField.error.message]).toEqual(['field', expect.stringMatching(/Choisissez le champ d’intervention/)]);
    const fieldWhenAbsent = await team.call(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'absent', field: 'budget' });
    expect(fieldWhenAbsent.ok || fieldWhenAbsent.error.field).toBe('field');
    expect(hashDir(team.dir)).toEqual(before);
    const done = await team.must(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'honore', field: 'logement_hebergement' });
    expect(done.status).toBe('honore');
    const view = await team.must(team.ass.token, 'dsu:get', { id: dsu.id });
    expect(view.journal[0]).toMatchObject({ appointmentId: first.id, type: 'entretien_bureau', field: 'logement_hebergement', occurredOn: '2026-11-24', authors: [{ id: team.ass.id }] });
    expect(view.lastContactOn).toBe('2026-11-24');
    const twice = await team.call(team.ass.token, 'rdv:setStatus', { id: first.id, status: 'absent' });
    expect(twice.ok || twice.error.message).toMatch(/déjà marqué « honoré »/);
  });

  it('marks honoured without a field a household that has no DSU (no journal to write in)', async () => {
    const q = await register(team, { birthName: 'Sans', firstNames: 'Dossier', birthDate: '1980-02-02' });
    const a = await team.must(team.sec.token, 'rdv:book', { professionalId: team.ass.id, personId: q.person.id, startsAt: '2026-11-25T09:00', durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS' });
    expect(a.dsu).toBeNull();
    setNow(new Date(2026, 10, 25, 10, 0));
    team.refresh();
    const withField = await team.call(team.ass.token, 'rdv:setStatus', { id: a.id, status: 'honore', field: 'budget' });
    expect(withField.ok || withField.error.field).toBe('field');
    expect((await team.must(team.ass.token, 'rdv:setStatus', { id: a.id, status: 'honore' })).status).toBe('honore');
  });

  it('marks honoured without a field an appointment of a household whose file is closed (no entry written), and keeps no field given for it', async () => {
    const q = await register(team, { birthName: 'Dossier', firstNames: 'Clos', birthDate: '1981-03-03' });
    const dsu = await team.must(team.ass.token, 'dsu:open', { householdId: q.household!.id });
    setNow(new Date(2026, 10, 25, 11, 0));
    team.refresh();
    const a = await team.must(team.sec.token, 'rdv:book', { professionalId: team.ass.id, personId: q.person.id, startsAt: '2026-11-25T14:00', durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS' });
    const b = await team.must(team.sec.token, 'rdv:book', { professionalId: team.ass.id, personId: q.person.id, startsAt: '2026-11-25T15:00', durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS' });
    await team.must(team.ass.token, 'dsu:close', { id: dsu.id, reason: 'fin_de_demande' });
    setNow(new Date(2026, 10, 25, 16, 0));
    team.refresh();
    expect((await team.must(team.ass.token, 'rdv:setStatus', { id: a.id, status: 'honore' })).status).toBe('honore');
    expect((await team.must(team.ass.token, 'rdv:setStatus', { id: b.id, status: 'honore', field: 'budget' })).status).toBe('honore');
    expect((await team.must(team.ass.token, 'dsu:get', { id: dsu.id })).journal).toEqual([]);
  });
});

describe('the time grid, moving, cancelling, convocations and reminders', () => {
  let t: Team;
  let person: PersonCard;
  let clock = new Date(2026, 10, 23, 8, 0);
  beforeAll(async () => {
    t = await newTeam(() => clock);
    person = await register(t, { birthName: 'Dupont', firstNames: 'Marie', birthDate: '1985-02-02', phone: '06 12 34 56 78' });
    await t.must(t.adminToken, 'admin:saveSite', { serviceName: 'MDS Montauban Est', addressLines: ['MDS Montauban Est', '2 rue de la Banque'], postcode: '82000', city: 'Montauban', phone: '05 63 00 00 00' });
  });
  afterAll(() => t?.app.close());
  const bookAt = (professionalId: number, startsAt: string, durationMin = 45) =>
    t.must(t.sec.token, 'rdv:book', { professionalId, personId: person.person.id, startsAt, durationMin, kind: 'accompagnement_presentiel', place: 'MDS – bureau 2' });

  it('gives several professionals’ agendas side by side, with the site’s hours', async () => {
    const a = await bookAt(t.ass.id, '2026-11-24T09:30');
    const c = await bookAt(t.cesf.id, '2026-11-24T09:30');
    await bookAt(t.ass2.id, '2026-11-24T11:00');
    const grid = await t.must(t.sec.token, 'rdv:grid', { professionalIds: [t.ass.id, t.cesf.id], from: '2026-11-24', days: 1 });
    expect(grid.appointments.map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
    expect(grid.hours.week[0]).toEqual(WEEKDAY);
    expect(grid.hours.week[5]).toEqual([]);
    const bad = await t.call(t.sec.token, 'rdv:grid', { professionalIds: [t.ass.id, t.sec.id], from: '2026-11-24', days: 1 });
    expect(bad.ok || [bad.error.field, bad.error.message]).toEqual(['professionalIds', 'Choisissez un compte actif d’assistant(e) de service social ou de CESF.']);
  });

  it('moves an appointment under the booking’s rule, audited; a refused move writes nothing', async () => {
    const a = await bookAt(t.ass.id, '2026-11-25T09:00');
    await bookAt(t.ass.id, '2026-11-25T14:00');
    const before = hashDir(t.dir);
    const clash = await t.call(t.sec.token, 'rdv:move', { id: a.id, professionalId: t.ass.id, startsAt: '2026-11-25T14:15', durationMin: 45, place: 'MDS' });
    expect(clash.ok || [clash.error.code, clash.error.message]).toEqual(['conflict', 'Alice Assistante a déjà un rendez-vous de 14 h 00 à 14 h 45 ce jour-là. Choisissez un autre créneau (premier créneau libre : le 25/11/2026 à 14 h 45).']);
    const past = await t.call(t.sec.token, 'rdv:move', { id: a.id, professionalId: t.ass.id, startsAt: '2026-11-20T10:00', durationMin: 45, place: 'MDS' });
    expect(past.ok || past.error.message).toMatch(/déjà passé/);
    const notWorker = await t.call(t.sec.token, 'rdv:move', { id: a.id, professionalId: t.sec.id, startsAt: '2026-11-26T10:00', durationMin: 45, place: 'MDS' });
    expect(notWorker.ok || notWorker.error.field).toBe('professionalId');
    const unknown = await t.call(t.sec.token, 'rdv:move', { id: 99999, professionalId: t.ass.id, startsAt: '2026-11-26T10:00', durationMin: 45, place: 'MDS' });
    expect(unknown.ok || unknown.error.code).toBe('not_found');
    expect(hashDir(t.dir)).toEqual(before);
    // Overlapping only itself is no conflict: a quarter of an hour later, then to the CESF.
    const later = await t.must(t.sec.token, 'rdv:move', { id: a.id, professionalId: t.ass.id, startsAt: '2026-11-25T09:15', durationMin: 30, place: 'MDS – bureau 2' });
    expect(later).toMatchObject({ startsAt: '2026-11-25T09:15', endsAt: '2026-11-25T09:45', status: 'prevu' });
    const moved = await t.must(t.sec.token, 'rdv:move', { id: a.id, professionalId: t.cesf.id, startsAt: '2026-11-26T10:00', durationMin: 60, place: 'Mairie de Montech' });
    expect(moved).toMatchObject({ professional: { id: t.cesf.id }, startsAt: '2026-11-26T10:00', endsAt: '2026-11-26T11:00', place: 'Mairie de Montech' });
    const rows = t.app.vault.db.prepare("SELECT action, detail FROM audit_log WHERE entity = 'appointment' AND entity_id = ? ORDER BY id").all(String(a.id)) as { action: string; detail: string }[];
    expect(rows.map((r) => r.action)).toEqual(['appointment.book', 'appointment.move', 'appointment.move']);
  });

  it('cancels with a reason from the list (and a precision for « autre »), audited; nothing written when refused', async () => {
    const a = await bookAt(t.ass.id, '2026-11-27T09:00');
    const before = hashDir(t.dir);
    const noNote = await t.call(t.sec.token, 'rdv:cancel', { id: a.id, reason: 'autre', note: '' });
    expect(noNote.ok || [noNote.error.field, noNote.error.message]).toEqual(['note', 'Motif « autre » : précisez-le en quelques mots.']);
    const badReason = await t.call(t.sec.token, 'rdv:cancel', { id: a.id, reason: 'caprice' as never, note: '' });
    expect(badReason.ok || badReason.error.message).toMatch(/Choisissez le motif d’annulation dans la liste\.$/);
    const viaStatus = await t.call(t.ass.token, 'rdv:setStatus', { id: a.id, status: 'annule' as never });
    expect(viaStatus.ok).toBe(false);
    expect(hashDir(t.dir)).toEqual(before);
    const done = await t.must(t.sec.token, 'rdv:cancel', { id: a.id, reason: 'demande_personne', note: 'Rappellera la semaine prochaine' });
    expect(done).toMatchObject({ status: 'annule', cancelReason: 'demande_personne', cancelNote: 'Rappellera la semaine prochaine' });
    const row = t.app.vault.db.prepare("SELECT detail FROM audit_log WHERE action = 'appointment.annule' AND entity_id = ?").get(String(a.id)) as { detail: string };
    expect(JSON.parse(row.detail)).toEqual({ reason: 'demande_personne' });
    // Its slot is free again; a cancelled appointment can be neither moved nor cancelled twice.
    expect((await bookAt(t.ass.id, '2026-11-27T09:00')).status).toBe('prevu');
    const again = await t.call(t.sec.token, 'rdv:move', { id: a.id, professionalId: t.ass.id, startsAt: '2026-11-27T15:00', durationMin: 30, place: 'MDS' });
    expect(again.ok || again.error.message).toMatch(/déjà marqué « annulé » : il ne peut plus être déplacé/);
  });

  it('marks absent (the professional, once begun), audited', async () => {
    const a = await bookAt(t.ass.id, '2026-11-23T15:00', 30);
    clock = new Date(2026, 10, 23, 15, 40);
    t.refresh();
    const bySec = await t.call(t.sec.token, 'rdv:setStatus', { id: a.id, status: 'absent' });
    expect(bySec.ok || bySec.error.code).toBe('forbidden');
    expect((await t.must(t.ass.token, 'rdv:setStatus', { id: a.id, status: 'absent' })).status).toBe('absent');
    const n = t.app.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.absent' AND entity_id = ?").get(String(a.id)) as { n: number };
    expect(n.n).toBe(1);
  });

  it('prints a convocation: the site’s logo and block once, the person’s postal address with its complement, the date in French, what to bring', async () => {
    const a = await bookAt(t.ass.id, '2026-12-01T09:30');
    await t.must(t.sec.token, 'households:update', { id: person.household!.id, address: '12 rue de la République', addressComplement: 'Résidence « Les Œillets », bât. B', postcode: '82000', communeInsee: '82121' });
    const png = fs.readFileSync(path.join(__dirname, '../../../build/icon.png'));
    // A fresh admin session: the test's clock has moved past the first one's idle lock.
    const adminId = (t.app.vault.db.prepare("SELECT id FROM users WHERE login = 'admin'").get() as { id: number }).id;
    const adminToken = t.app.sessions.create({ userId: adminId, login: 'admin', roles: ['admin'], mustChangePassword: false }).token;
    await t.must(adminToken, 'admin:setLogo', { logo: { mime: 'image/png', contentBase64: png.toString('base64') } });
    const file = await t.must(t.sec.token, 'rdv:convocation', { id: a.id, bring: ['Avis d’imposition 2026', 'Trois derniers bulletins de salaire', 'Facture « Cœur de ville » → 1 234,56 €'] });
    expect(file).toMatchObject({ mime: 'application/pdf', fileName: `convocation-2026-12-01-${a.id}.pdf` });
    const text = pdfText(file.contentBase64, 'convocation');
    expect(text.match(/MDS Montauban Est/g)).toHaveLength(1); // once, in the heading (the admin typed it as service and as an address line too)
    // The address block in La Poste's order: name (no civility known: none written), complement, street, postcode and commune in capitals.
    expect(text).toContain('Tél. 05 63 00 00 00 DUPONT Marie Résidence « Les Œillets », bât. B 12 rue de la République 82000 MONTAUBAN');
    for (const s of ['2 rue de la Banque', '82000 Montauban', 'Tél. 05 63 00 00 00', 'Montauban, le 23 novembre 2026', 'Objet : convocation à un rendez-vous Madame, Monsieur, Vous êtes invité(e)', 'Date : mardi 1er décembre 2026', 'Heure : 9 h 30 (jusqu’à 10 h 15 environ)', 'Lieu : MDS – bureau 2', '• Avis d’imposition 2026', '• Trois derniers bulletins de salaire', '• Facture « Cœur de ville » → 1 234,56 €', 'Alice Assistante', 'Convocation — document personnel — page 1 sur 1']) {
      expect(text, s).toContain(s);
    }
    const facts = pdfFacts(file.contentBase64, 'convocation');
    expectLikeEveryPdf(facts, 'Convocation à un rendez-vous le mardi 1er décembre 2026');
    expect(facts.raw).toMatch(/\/S \/H1/);
    expect(facts.images.length).toBeGreaterThanOrEqual(1); // the site's logo (and its transparency mask)
    // Without a logo, none is printed.
    await t.must(adminToken, 'admin:setLogo', { logo: null });
    expect(pdfFacts((await t.must(t.sec.token, 'rdv:convocation', { id: a.id, bring: [] })).contentBase64, 'convocation-sans-logo').images).toHaveLength(0);
    expect(t.app.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.convocation' AND entity_id = ?").get(String(a.id))).toEqual({ n: 2 });
    const none = await t.call(t.sec.token, 'rdv:convocation', { id: 424242, bring: [] });
    expect(none.ok || none.error.code).toBe('not_found');
  });

  it('refuses in French a convocation to a person without a postal address, writing nothing; once it is known, a woman is addressed as Madame by her usage name', async () => {
    const zoe = await t.must(t.sec.token, 'persons:create', { birthName: 'Martin', usageName: 'Lefèvre', sex: 'F', firstNames: 'Zoé', birthDate: '1970-01-01', phone: '', household: { communeInsee: null, role: 'demandeur' } });
    const a = await t.must(t.sec.token, 'rdv:book', { professionalId: t.ass.id, personId: zoe.person.id, startsAt: '2026-12-03T10:00', durationMin: 30, kind: 'accompagnement_presentiel', place: 'MDS' });
    const before = hashDir(t.dir);
    const r = await t.call(t.sec.token, 'rdv:convocation', { id: a.id, bring: [] });
    expect(r.ok || [r.error.code, r.error.message]).toEqual(['conflict', 'Cette personne n’a pas d’adresse postale enregistrée : complétez son foyer (adresse, code postal, commune) avant d’éditer la convocation.']);
    expect(hashDir(t.dir)).toEqual(before);
    await t.must(t.sec.token, 'households:update', { id: zoe.household!.id, address: '5 place Nationale', postcode: '82000', communeInsee: '82121' });
    const text = pdfText((await t.must(t.sec.token, 'rdv:convocation', { id: a.id, bring: [] })).contentBase64, 'convocation-madame');
    expect(text).toContain('Madame LEFÈVRE Zoé 5 place Nationale 82000 MONTAUBAN');
    expect(text).toContain('Objet : convocation à un rendez-vous Madame, Vous êtes invité(e)');
    expect(text).not.toContain('Merci d’apporter');
  });

  it('lists the next day’s reminders with the phones, as PDF and CSV, each read audited', async () => {
    const rows = await t.must(t.sec.token, 'rdv:reminders', { day: '2026-11-24' });
    expect(rows.map((r) => [r.startsAt, r.name, r.phone, r.professional])).toEqual([
      ['2026-11-24T09:30', 'DUPONT Marie', '0612345678', 'Alice Assistante'],
      ['2026-11-24T09:30', 'DUPONT Marie', '0612345678', 'Claire Conseillère'],
      ['2026-11-24T11:00', 'DUPONT Marie', '0612345678', 'Bruno Volant'],
    ]);
    const csv = Buffer.from((await t.must(t.sec.token, 'rdv:remindersFile', { day: '2026-11-24', format: 'csv' })).contentBase64, 'base64').toString('utf8');
    expect(csv.split('\r\n')[1]).toBe('24/11/2026;09:30;10:15;DUPONT Marie;06 12 34 56 78;Alice Assistante;MDS – bureau 2;Accompagnement au bureau');
    const pdf = pdfText((await t.must(t.sec.token, 'rdv:remindersFile', { day: '2026-11-24', format: 'pdf' })).contentBase64, 'rappels');
    expect(pdf).toContain('Rendez-vous à rappeler — mardi 24 novembre 2026');
    expect(pdf).toContain('06 12 34 56 78');
    expect(pdf.match(/MDS Montauban Est/g)).toHaveLength(1);
    expect(pdf).toContain('liste éditée le 23/11/2026 : 3 rendez-vous prévus. Document confidentiel.');
    expect(pdf).toContain('Rappels du 24/11/2026 — confidentiel — page 1 sur 1');
    expect(t.app.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.reminders'").get()).toEqual({ n: 3 });
    // Every character is printed as typed, in a tagged PDF whose table a reader can follow.
    await t.must(t.sec.token, 'rdv:book', { professionalId: t.ass.id, personId: person.person.id, startsAt: '2026-12-02T14:00', durationMin: 30, kind: 'vad', place: 'Épicerie « Cœur » → entrée 2 €, l’étage' });
    const file = await t.must(t.sec.token, 'rdv:remindersFile', { day: '2026-12-02', format: 'pdf' });
    const text = pdfText(file.contentBase64, 'rappels-caracteres');
    expect(text).toContain('14 h – 14 h 30');
    expect(text).toContain('Épicerie « Cœur » → entrée 2 €, l’étage (visite à domicile)');
    expect(text).toContain('1 rendez-vous prévu.');
    const facts = pdfFacts(file.contentBase64, 'rappels-caracteres');
    expectLikeEveryPdf(facts, 'Rendez-vous à rappeler — mercredi 2 décembre 2026');
    expect(facts.info).toMatch(/Page size:\s+841\.89 x 595\.28 pts/); // A4 landscape
    for (const s of ['Table', 'TR', 'TH', 'TD', 'H1']) expect(facts.raw).toMatch(new RegExp(`/S /${s}\\b`));
  });

  it('keeps the opening hours and closed days as settings: the admin changes them, booking and next-free follow', async () => {
    const h = await t.must(t.sec.token, 'rdv:hours', {});
    const adminId = (t.app.vault.db.prepare("SELECT id FROM users WHERE login = 'admin'").get() as { id: number }).id;
    const adminToken = t.app.sessions.create({ userId: adminId, login: 'admin', roles: ['admin'], mustChangePassword: false }).token;
    const bySec = await t.call(t.sec.token, 'rdv:saveHours', h);
    expect(bySec.ok || bySec.error.code).toBe('forbidden');
    const before = hashDir(t.dir);
    const wrong = await t.call(adminToken, 'rdv:saveHours', { ...h, week: [[{ from: '12:00', to: '09:00' }], [], [], [], [], [], []] });
    expect(wrong.ok || wrong.error.message).toMatch(/finit avant de commencer/);
    // A day with planned appointments cannot be closed until they are moved.
    const busy = await t.call(adminToken, 'rdv:saveHours', { ...h, closed: [{ day: '2026-11-24', label: 'Grève' }] });
    expect(busy.ok || busy.error.message).toBe('3 rendez-vous sont prévus le 24/11/2026 : déplacez-les ou annulez-les avant de fermer ce jour.');
    expect(hashDir(t.dir)).toEqual(before);
    const saved = await t.must(adminToken, 'rdv:saveHours', { week: [[{ from: '09:00', to: '12:00' }], ...h.week.slice(1)], closed: [{ day: '2026-12-07', label: 'Journée de formation' }] });
    expect(saved.closed).toEqual([{ day: '2026-12-07', label: 'Journée de formation' }]);
    const refused = await t.call(t.sec.token, 'rdv:book', { professionalId: t.ass.id, personId: person.person.id, startsAt: '2026-12-07T10:00', durationMin: 30, kind: 'vad', place: 'Domicile' });
    expect(refused.ok || refused.error.message).toBe('Le site est fermé le 07/12/2026 (Journée de formation) : choisissez un autre jour.');
    const free = await t.must(t.sec.token, 'rdv:nextFree', { professionalId: t.ass2.id, from: '2026-12-07T08:00', durationMin: 30 });
    expect(free.startsAt).toBe('2026-12-08T08:30');
    const monday = await t.must(t.sec.token, 'rdv:nextFree', { professionalId: t.ass2.id, from: '2026-12-14T08:00', durationMin: 30 });
    expect(monday.startsAt).toBe('2026-12-14T09:00');
  });

  it('keeps permanences (place, commune, professional, timetable) set by the administrator, shown in the grid and bookable', async () => {
    const adminId = (t.app.vault.db.prepare("SELECT id FROM users WHERE login = 'admin'").get() as { id: number }).id;
    const adminToken = t.app.sessions.create({ userId: adminId, login: 'admin', roles: ['admin'], mustChangePassword: false }).token;
    const base = { place: 'France services de Montech', address: '2 place de la Mairie', communeInsee: '82125', professionalId: t.ass2.id, weekday: 3, startsAt: '09:00', endsAt: '12:00', everyWeeks: 1 as const, firstDay: '2026-12-02', lastDay: null };
    const before = hashDir(t.dir);
    const refusals = await Promise.all([
      t.call(adminToken, 'rdv:savePermanence', { ...base, professionalId: t.sec.id }),
      t.call(adminToken, 'rdv:savePermanence', { ...base, communeInsee: '75056' }),
      t.call(adminToken, 'rdv:savePermanence', { ...base, startsAt: '12:00', endsAt: '09:00' }),
      t.call(adminToken, 'rdv:savePermanence', { ...base, lastDay: '2026-11-30' }),
      t.call(adminToken, 'rdv:savePermanence', { ...base, id: 4242 }),
      t.call(t.sec.token, 'rdv:savePermanence', base),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : [r.error.field ?? r.error.code, r.error.message]))).toEqual([
      ['professionalId', 'Choisissez un compte actif d’assistant(e) de service social ou de CESF.'],
      ['communeInsee', 'Cette commune n’est pas sur le territoire du site : choisissez-en une de la liste.'],
      ['endsAt', 'La permanence finit (09:00) avant de commencer (12:00) : corrigez ses heures.'],
      ['lastDay', 'Le dernier jour précède le premier : corrigez les dates.'],
      ['id', 'Cette permanence n’existe pas (ou plus) : rechargez la page.'],
      ['forbidden', expect.any(String)],
    ]);
    expect(hashDir(t.dir)).toEqual(before);
    const saved = await t.must(adminToken, 'rdv:savePermanence', base);
    expect(saved).toMatchObject({ place: 'France services de Montech', communeName: 'Montech', professional: { id: t.ass2.id, displayName: 'Bruno Volant' }, weekday: 3, everyWeeks: 1 });
    const list = await t.must(adminToken, 'rdv:permanences', {});
    expect(list.items.map((p) => p.id)).toEqual([saved.id]);
    expect(list.professionals.map((p) => p.displayName)).toEqual(['Alice Assistante', 'Bruno Volant', 'Claire Conseillère']);
    // In the grid of the week, on Wednesday; bookable as a permanence appointment at its place, even outside the site's hours.
    const grid = await t.must(t.sec.token, 'rdv:grid', { professionalIds: [t.ass2.id], from: '2026-11-30', days: 7 });
    expect(grid.permanences).toEqual([{ id: saved.id, professionalId: t.ass2.id, day: '2026-12-02', startsAt: '09:00', endsAt: '12:00', place: 'France services de Montech', address: '2 place de la Mairie', communeName: 'Montech' }]);
    const a = await t.must(t.sec.token, 'rdv:book', { professionalId: t.ass2.id, personId: person.person.id, startsAt: '2026-12-02T09:00', durationMin: 30, kind: 'permanence', place: 'Permanence France services de Montech, 2 place de la Mairie' });
    expect(a).toMatchObject({ kind: 'permanence', place: 'Permanence France services de Montech, 2 place de la Mairie' });
    const audit = t.app.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'permanence.save'").get();
    expect(audit).toEqual({ n: 1 });
  });
});
