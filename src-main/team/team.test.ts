/**
 * Team mode end to end on loopback only: a real host (mutual TLS 1.3, the site CA), real
 * pairings (CSR signed by the host), the forwarder of a workstation, the real encrypted store.
 */
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDir, tmpDir } from '../../tests/helpers/tmp';
import { newTeam, register, type Team } from '../../tests/helpers/team';
import type { DispatchOutcome } from '../api/dispatch';
import { verifyAudit } from '../store/audit';
import { Forwarder } from './forwarder';
import { startTeamHost, type TeamHost } from './host';
import { clientPairingDir, pairWithHost, readClientPairing, type ClientPairing } from './pairing';
import { sameFingerprint } from './pki';

let team: Team;
let host: TeamHost;
let cutNext: string | null = null;
/** Every answer of this channel is cut after the host ran the call (the host stays up). */
let cutAlways: string | null = null;
const forwarders: Forwarder[] = [];

beforeAll(async () => {
  team = await newTeam();
  host = await startTeamHost(team.app, {
    dataDir: team.dir,
    address: '127.0.0.1',
    port: 0,
    pairingPort: 0,
    beforeReply: (channel, cut) => {
      if (cutAlways === channel) cut();
      if (cutNext === channel) {
        cutNext = null;
        cut();
      }
    },
  });
});
afterAll(async () => {
  for (const f of forwarders) f.close();
  await host?.close();
  team?.app.close();
});

async function newCode() {
  return await team.must(team.adminToken, 'team:createPairingCode', {});
}

const portOf = (address: string) => Number(address.split(':').pop());

/** Pairs a new workstation folder; returns its folder and pairing. */
async function pairNew(name: string): Promise<{ dir: string; pairing: ClientPairing; forwarder: Forwarder }> {
  const code = await newCode();
  const dir = tmpDir('passeur-poste-');
  const pairing = await pairWithHost({ dataDir: dir, host: '127.0.0.1', port: portOf(code.address), code: code.code, name, fingerprint: code.fingerprint });
  const forwarder = new Forwarder(pairing, { backoffMs: [20, 50, 100] });
  forwarders.push(forwarder);
  return { dir, pairing, forwarder };
}

const must = async (out: Promise<DispatchOutcome>) => {
  const r = (await out).result;
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as never;
};

async function loginVia(f: Forwarder, login: string, password: string): Promise<string> {
  const out = await f.call(null, 'auth:login', { login, password });
  if (!out.result.ok) throw new Error(out.result.error.message);
  return out.sessionToken!;
}

/** Opens a raw TLS connection and sends one HTTP request; resolves with every byte received. */
function rawRequest(opts: tls.ConnectionOptions): Promise<{ bytes: string; error: string | null }> {
  return new Promise((resolve) => {
    let bytes = '';
    let error: string | null = null;
    const socket = tls.connect({ host: '127.0.0.1', port: host.port, ca: [host.pki.ca.certPem], minVersion: 'TLSv1.3', servername: undefined, ...opts }, () => {
      socket.write(`POST /rpc/setup:status HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
    });
    socket.on('data', (d: Buffer) => (bytes += d.toString()));
    socket.on('error', (e) => (error = (e as NodeJS.ErrnoException).code ?? e.message));
    socket.on('close', () => resolve({ bytes, error }));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

describe('pairing', () => {
  it('creates the site CA and server certificate with private keys readable by the host’s account only', () => {
    const dir = path.join(team.dir, 'team');
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ['ca.key', 'ca.crt', 'server.key', 'server.crt']) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    expect(host.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });

  it('refuses a wrong code, then pairs with the right one; the key stays on the workstation', async () => {
    const code = await newCode();
    const dir = tmpDir('passeur-poste-');
    const before = { store: hashDir(team.dir), team: hashDir(path.join(team.dir, 'team')) };
    const wrong = pairWithHost({ dataDir: dir, host: '127.0.0.1', port: portOf(code.address), code: 'AAAA-BBBB-CCCC', name: 'Accueil 1', fingerprint: code.fingerprint });
    await expect(wrong).rejects.toThrow(/Code d’appairage erroné/);
    expect(fs.existsSync(clientPairingDir(dir))).toBe(false);
    // Nothing written on the host either: no workstation, no certificate, no audit row.
    expect({ store: hashDir(team.dir), team: hashDir(path.join(team.dir, 'team')) }).toEqual(before);
    const pairing = await pairWithHost({ dataDir: dir, host: '127.0.0.1', port: portOf(code.address), code: code.code.toLowerCase(), name: 'Accueil 1', fingerprint: code.fingerprint });
    expect(pairing.port).toBe(host.port);
    expect(sameFingerprint(pairing.fingerprint, host.fingerprint)).toBe(true);
    expect(readClientPairing(dir)).toMatchObject({ name: 'Accueil 1', workstationId: pairing.workstationId });
    expect(fs.statSync(path.join(clientPairingDir(dir), 'client.key')).mode & 0o777).toBe(0o600);
    // The host holds the certificate, never the workstation's key.
    const hostFiles = fs.readdirSync(path.join(team.dir, 'team')).map((f) => fs.readFileSync(path.join(team.dir, 'team', f), 'utf8')).join('\n');
    expect(hostFiles).not.toContain(pairing.keyPem.trim());
    const listed = await team.must(team.adminToken, 'team:status', {});
    expect(listed.workstations.find((w) => w.id === pairing.workstationId)).toMatchObject({ name: 'Accueil 1', pairedBy: { displayName: 'Camille Admin' }, revokedAt: null });
  });

  it('refuses a code used once: the pairing service closes with it, and a new code does not revive it', async () => {
    const code = await newCode();
    await pairWithHost({ dataDir: tmpDir('passeur-poste-'), host: '127.0.0.1', port: portOf(code.address), code: code.code, name: 'Bureau 3', fingerprint: code.fingerprint });
    const again = pairWithHost({ dataDir: tmpDir('passeur-poste-'), host: '127.0.0.1', port: portOf(code.address), code: code.code, name: 'Bureau 4', fingerprint: code.fingerprint });
    await expect(again).rejects.toThrow(/ne répond pas/);
    const next = await newCode();
    const old = pairWithHost({ dataDir: tmpDir('passeur-poste-'), host: '127.0.0.1', port: portOf(next.address), code: code.code, name: 'Bureau 4', fingerprint: next.fingerprint });
    await expect(old).rejects.toThrow(/Code d’appairage erroné/);
  });

  it('refuses an expired code (10 minutes)', async () => {
    const code = await newCode();
    const real = team.app.clock;
    team.app.clock = () => new Date(Date.now() + 10 * 60_000 + 1000);
    try {
      const late = pairWithHost({ dataDir: tmpDir('passeur-poste-'), host: '127.0.0.1', port: portOf(code.address), code: code.code, name: 'Bureau 5', fingerprint: code.fingerprint });
      await expect(late).rejects.toThrow(/Code d’appairage expiré/);
    } finally {
      team.app.clock = real;
    }
  });

  it('refuses a host whose fingerprint differs from the one shown, before sending the code', async () => {
    const code = await newCode();
    const dir = tmpDir('passeur-poste-');
    const other = '0000 1111 2222 3333 4444 5555 6666 7777 8888 9999 AAAA BBBB CCCC DDDD EEEE FFFF';
    const r = pairWithHost({ dataDir: dir, host: '127.0.0.1', port: portOf(code.address), code: code.code, name: 'Intrus', fingerprint: other });
    await expect(r).rejects.toThrow(/L’empreinte du poste hôte ne correspond pas.*Rien n’a été envoyé/);
    expect(fs.existsSync(clientPairingDir(dir))).toBe(false);
    // The code was not sent: it still pairs.
    const ok = await pairWithHost({ dataDir: dir, host: '127.0.0.1', port: portOf(code.address), code: code.code, name: 'Bureau 6', fingerprint: code.fingerprint });
    expect(ok.workstationId).toMatch(/^poste-/);
    // Without a fingerprint, the person's answer decides.
    const next = await newCode();
    const refused = pairWithHost({ dataDir: tmpDir('passeur-poste-'), host: '127.0.0.1', port: portOf(next.address), code: next.code, name: 'Bureau 7', confirm: () => Promise.resolve(false) });
    await expect(refused).rejects.toThrow(/Empreinte non confirmée/);
  });

  it('is for admins only, and says when this workstation does not host', async () => {
    const r = await team.call(team.ass.token, 'team:createPairingCode', {});
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });
});

describe('the host’s TLS layer', () => {
  it('closes a connection without a client certificate before any HTTP', async () => {
    const before = hashDir(team.dir);
    const r = await rawRequest({});
    expect(r.bytes).toBe('');
    expect(r.error).not.toBeNull();
    expect(hashDir(team.dir)).toEqual(before);
  });

  it('closes a connection whose certificate is signed by another CA', async () => {
    const { createSiteCa, createCsr, signCsr } = await import('./pki');
    const foreign = await createSiteCa('Ailleurs');
    const { keyPem, csrPem } = await createCsr('Portable inconnu');
    const signed = await signCsr(foreign, csrPem, 'Portable inconnu');
    const r = await rawRequest({ key: keyPem, cert: signed.certPem });
    expect(r.bytes).toBe('');
  });

  it('lets a paired workstation reach the login, and refuses it at the TLS layer once revoked', async () => {
    const { pairing, forwarder } = await pairNew('Portable volé');
    const status = await forwarder.call(null, 'setup:status', {});
    expect(status.result.ok).toBe(true);
    const token = await loginVia(forwarder, 'ass1', team.ass.password);
    expect(token).toBeTruthy();
    const revoked = await team.must(team.adminToken, 'team:revoke', { id: pairing.workstationId });
    expect(revoked.revokedBy).toEqual({ id: expect.any(Number), displayName: 'Camille Admin' });
    const raw = await rawRequest({ key: pairing.keyPem, cert: pairing.certPem });
    expect(raw.bytes).toBe('');
    const after = await forwarder.call(token, 'auth:session', {});
    expect(after.result).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    if (!after.result.ok) expect(after.result.error.message).toMatch(/Le poste hôte ne répond pas.*Ce que vous avez saisi est conservé/);
    const again = await team.call(team.adminToken, 'team:revoke', { id: pairing.workstationId });
    expect(again.ok ? null : again.error.code).toBe('conflict');
    const unknown = await team.call(team.adminToken, 'team:revoke', { id: 'poste-000000000000' });
    expect(unknown.ok ? null : unknown.error.message).toMatch(/Poste inconnu/);
  });
});

describe('calls from a workstation', () => {
  let ws: Awaited<ReturnType<typeof pairNew>>;
  let secToken: string;
  beforeAll(async () => {
    ws = await pairNew('Accueil principal');
    secToken = await loginVia(ws.forwarder, 'sec', team.sec.password);
  });

  it('records in the audit log the workstation each row came from; the chain verifies', async () => {
    await must(ws.forwarder.call(secToken, 'partners:save', { organisation: 'Secours catholique', service: 'Accueil', category: 'Association' }));
    const rows = team.app.vault.db.prepare('SELECT action, workstation FROM audit_log ORDER BY id DESC LIMIT 1').all();
    expect(rows).toEqual([{ action: expect.stringMatching(/^partner/), workstation: ws.pairing.workstationId }]);
    const login = team.app.vault.db.prepare("SELECT workstation FROM audit_log WHERE action LIKE 'auth.login%' ORDER BY id DESC LIMIT 1").get();
    expect(login).toEqual({ workstation: ws.pairing.workstationId });
    expect(verifyAudit(team.app.vault.db)).toMatchObject({ ok: true });
    const listed = await team.must(team.adminToken, 'team:status', {});
    expect(listed.workstations.find((w) => w.id === ws.pairing.workstationId)?.lastSeen).not.toBeNull();
  });

  it('retries a write whose answer was lost with the same key: the host answers the first result, one row is written', async () => {
    const count = () => (team.app.vault.db.prepare("SELECT count(*) AS n FROM partners WHERE organisation = 'Restos du cœur'").get() as { n: number }).n;
    cutNext = 'partners:save';
    const out = await ws.forwarder.call(secToken, 'partners:save', { organisation: 'Restos du cœur', service: 'Antenne', category: 'Association' });
    expect(cutNext).toBeNull(); // the first answer was cut
    expect(out.result.ok).toBe(true);
    expect(count()).toBe(1);
    // The same key again, later: still the first answer, still one row.
    const key = 'cle-de-test-1';
    const a = await ws.forwarder.call(secToken, 'partners:save', { organisation: 'Emmaüs', service: 'Bric-à-brac', category: 'Association' }, key);
    const b = await ws.forwarder.call(secToken, 'partners:save', { organisation: 'Emmaüs', service: 'Bric-à-brac', category: 'Association' }, key);
    expect(b.result).toEqual(a.result);
    expect((team.app.vault.db.prepare("SELECT count(*) AS n FROM partners WHERE organisation = 'Emmaüs'").get() as { n: number }).n).toBe(1);
  });

  it('a person’s new try after « Le poste hôte ne répond pas » reuses the unanswered call’s key: one row, the first result', async () => {
    const p = await register(team, { birthName: 'Lefebvre', firstNames: 'Rose', birthDate: '1979-03-03' });
    const dsuId = (await team.must(team.ass.token, 'dsu:open', { householdId: p.household!.id, referentId: team.ass.id })).id;
    const assToken = await loginVia(ws.forwarder, 'ass1', team.ass.password);
    const rows = (summary: string) => team.app.vault.db.prepare('SELECT id FROM journal WHERE summary = ? ORDER BY id').all(summary) as { id: number }[];
    const input = { dsuId, occurredOn: '2026-11-20', type: 'note_sociale', field: 'budget', summary: 'Entretien au bureau', coAuthorIds: [] };
    cutAlways = 'dsu:addEntry';
    let lost: DispatchOutcome;
    try {
      lost = await ws.forwarder.call(assToken, 'dsu:addEntry', input);
    } finally {
      cutAlways = null;
    }
    // Every attempt reached the host and was cut before the answer: the person is told so…
    expect(lost.result).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(rows('Entretien au bureau')).toHaveLength(1);
    expect(ws.forwarder.pendingCount).toBe(1);
    // …and presses « Enregistrer » again: the host answers its first result, nothing is written twice.
    const again = await ws.forwarder.call(assToken, 'dsu:addEntry', input);
    expect(again.result).toMatchObject({ ok: true, value: { id: rows('Entretien au bureau')[0]!.id } });
    expect(rows('Entretien au bureau')).toHaveLength(1);
    expect(ws.forwarder.pendingCount).toBe(0);
    // Once answered, the same input again is a genuinely new entry: a second row.
    const fresh = await ws.forwarder.call(assToken, 'dsu:addEntry', input);
    expect(fresh.result.ok).toBe(true);
    expect(rows('Entretien au bureau')).toHaveLength(2);
    // A call of unknown outcome is remembered 15 minutes, then a new try is a new call.
    let now = 1_000_000;
    const f = new Forwarder(ws.pairing, { attempts: 1, backoffMs: [0], now: () => now });
    forwarders.push(f);
    const later = { ...input, summary: 'Appel de la bailleuse' };
    cutAlways = 'dsu:addEntry';
    try {
      expect((await f.call(assToken, 'dsu:addEntry', later)).result.ok).toBe(false);
    } finally {
      cutAlways = null;
    }
    expect(f.pendingCount).toBe(1);
    now += 15 * 60_000 + 1;
    expect(f.pendingCount).toBe(0);
    expect((await f.call(assToken, 'dsu:addEntry', later)).result.ok).toBe(true);
    expect(rows('Appel de la bailleuse')).toHaveLength(2);
  });

  it('relays the host’s events: a change made elsewhere reaches the workstation’s stream', async () => {
    const events: { name: string; payload: unknown }[] = [];
    const stop = await ws.forwarder.subscribe(secToken, (name, payload) => events.push({ name, payload }), () => undefined);
    expect(stop).not.toBeNull();
    await team.must(team.sec.token, 'partners:save', { organisation: 'Croix-Rouge', service: 'Vestiaire', category: 'Association' });
    for (let i = 0; i < 50 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(events).toContainEqual({ name: 'data:changed', payload: { module: 'partners' } });
    stop!();
    const refused = await ws.forwarder.subscribe('jeton-inconnu', () => undefined, () => undefined);
    expect(refused).toBeNull();
  });

  it('throttles logins per workstation as well as per account', async () => {
    const other = await pairNew('Salle de réunion');
    for (let i = 0; i < 20; i++) {
      const r = await other.forwarder.call(null, 'auth:login', { login: `inconnu${i}`, password: 'mauvais mot de passe' });
      expect(r.result.ok).toBe(false);
    }
    const blocked = await other.forwarder.call(null, 'auth:login', { login: 'ass2', password: team.ass2.password });
    expect(blocked.result).toMatchObject({ ok: false, error: { code: 'too_many_attempts' } });
    if (!blocked.result.ok) expect(blocked.result.error.message).toMatch(/depuis ce poste/);
    // The same account from another workstation is not held back.
    expect(await loginVia(ws.forwarder, 'ass2', team.ass2.password)).toBeTruthy();
  });

  it('two workstations saving the same DSU’s situation: the second is told of the first, nothing is lost', async () => {
    const p = await register(team, { birthName: 'Moreau', firstNames: 'Inès', birthDate: '1988-08-08' });
    const dsuId = (await team.must(team.ass.token, 'dsu:open', { householdId: p.household!.id, referentId: team.ass.id })).id;
    const second = await pairNew('Bureau ASS');
    const t1 = await loginVia(ws.forwarder, 'ass1', team.ass.password);
    const t2 = await loginVia(second.forwarder, 'ass1', team.ass.password);
    const situation = (note: string) => ({
      validOn: '2026-11-20',
      housing: { status: 'locataire_social' as const, landlord: 'Tarn-et-Garonne Habitat', rentCents: 52_000, arrearsCents: 0, note: '' },
      budget: { resources: [], charges: [] },
      measures: [],
      note,
    });
    const first = await ws.forwarder.call(t1, 'dsu:saveSituation', { dsuId, basedOn: null, situation: situation('Vue au bureau 1') });
    expect(first.result.ok).toBe(true);
    const late = await second.forwarder.call(t2, 'dsu:saveSituation', { dsuId, basedOn: null, situation: situation('Vue au bureau 2') });
    expect(late.result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!late.result.ok) expect(late.result.error.message).toMatch(/Alice Assistante a enregistré la situation.*rechargez-la/);
    const now = await team.must(team.ass.token, 'dsu:situation', { dsuId });
    expect(now.history).toHaveLength(1);
    expect(now.version?.content.note).toBe('Vue au bureau 1');
    // Journal entries from both workstations are both kept.
    const entry = (f: Forwarder, t: string, summary: string) => f.call(t, 'dsu:addEntry', { dsuId, occurredOn: '2026-11-20', type: 'note_sociale', field: 'budget', summary });
    expect((await entry(ws.forwarder, t1, 'Note du bureau 1')).result.ok).toBe(true);
    expect((await entry(second.forwarder, t2, 'Note du bureau 2')).result.ok).toBe(true);
    const dsu = await team.must(team.ass.token, 'dsu:get', { id: dsuId });
    expect(dsu.journal.map((e) => e.summary)).toEqual(expect.arrayContaining(['Note du bureau 1', 'Note du bureau 2']));
  });
});

describe('« Héberger l’équipe »', () => {
  it('turns the listener on and off from the admin’s channel; a port in use is refused and nothing changes', async () => {
    const { newSite } = await import('../../tests/helpers/site');
    const { enableHostingControl, hostingSetting } = await import('./host');
    const site = await newSite();
    try {
      enableHostingControl(site.app, site.dir);
      expect(await site.must(site.adminToken, 'team:status', {})).toMatchObject({ hosting: false, canHost: true, setting: null });
      const busy = await site.call(site.adminToken, 'team:setHosting', { enabled: true, address: '127.0.0.1', port: host.port });
      expect(busy.ok ? null : busy.error.message).toMatch(/port déjà utilisé.*Rien n’a été changé/);
      expect(hostingSetting(site.dir)).toBeNull();
      const free = await new Promise<number>((resolve) => {
        const s = tls.createServer().listen(0, '127.0.0.1', () => {
          const p = (s.address() as { port: number }).port;
          s.close(() => resolve(p));
        });
      });
      expect(await site.must(site.adminToken, 'team:setHosting', { enabled: true, address: '127.0.0.1', port: free })).toEqual({ hosting: true });
      expect(hostingSetting(site.dir)).toEqual({ address: '127.0.0.1', port: free });
      expect(await site.must(site.adminToken, 'team:status', {})).toMatchObject({ hosting: true, address: `127.0.0.1:${free}` });
      const again = await site.call(site.adminToken, 'team:setHosting', { enabled: true, address: '127.0.0.1', port: host.port });
      expect(again.ok).toBe(false);
      expect(await site.must(site.adminToken, 'team:status', {})).toMatchObject({ hosting: true, address: `127.0.0.1:${free}` });
      expect(await site.must(site.adminToken, 'team:setHosting', { enabled: false, address: '127.0.0.1', port: free })).toEqual({ hosting: false });
      expect(hostingSetting(site.dir)).toBeNull();
      const actions = site.app.vault.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'team.host%' ORDER BY id").all();
      expect(actions).toEqual([{ action: 'team.host_on' }, { action: 'team.host_off' }]);
    } finally {
      site.app.close();
    }
  });
});

describe('a host that stops between its write and its answer', () => {
  it('answers the retry after its restart with the first result, from the store: one row', async () => {
    const { AppCore } = await import('../api/app');
    const { dispatch } = await import('../api/dispatch');
    const { registry } = await import('../modules');
    const { ADMIN_PASSWORD } = await import('../../tests/helpers/site');
    const site = await newTeam();
    let cutting = true;
    const first = await startTeamHost(site.app, { dataDir: site.dir, address: '127.0.0.1', port: 0, pairingPort: 0, beforeReply: (channel, cut) => (cutting && channel === 'dsu:addEntry' ? cut() : undefined) });
    let second: TeamHost | null = null;
    let app2: InstanceType<typeof AppCore> | null = null;
    try {
      const code = await site.must(site.adminToken, 'team:createPairingCode', {});
      const pairing = await pairWithHost({ dataDir: tmpDir('passeur-poste-'), host: '127.0.0.1', port: portOf(code.address), code: code.code, name: 'Bureau 9', fingerprint: code.fingerprint });
      const f = new Forwarder(pairing, { attempts: 2, backoffMs: [10] });
      forwarders.push(f);
      const p = await register(site, { birthName: 'Garnier', firstNames: 'Léon', birthDate: '1960-06-06' });
      const dsuId = (await site.must(site.ass.token, 'dsu:open', { householdId: p.household!.id, referentId: site.ass.id })).id;
      const token = await loginVia(f, 'ass1', site.ass.password);
      const input = { dsuId, occurredOn: '2026-11-20', type: 'note_sociale', field: 'budget', summary: 'Visite à domicile', coAuthorIds: [] };
      // The host writes, and stops before its answer leaves.
      expect((await f.call(token, 'dsu:addEntry', input)).result).toMatchObject({ ok: false, error: { code: 'unreachable' } });
      const written = site.app.vault.db.prepare("SELECT id FROM journal WHERE summary = 'Visite à domicile'").all() as { id: number }[];
      expect(written).toHaveLength(1);
      // Another write, where the host stops after its commit and before even keeping its answer.
      const other = { ...input, summary: 'Appel au CCAS' };
      expect((await f.call(token, 'dsu:addEntry', other)).result.ok).toBe(false);
      expect(site.app.vault.db.prepare("UPDATE team_answers SET answer = NULL WHERE answer LIKE '%Appel au CCAS%'").run().changes).toBe(1);
      await first.close();
      site.app.close();
      cutting = false;

      // A real restart: a new core on the same folder, unlocked by a login at the host.
      app2 = new AppCore(site.dir, registry);
      expect((await dispatch(app2, null, 'auth:login', { login: 'admin', password: ADMIN_PASSWORD })).result.ok).toBe(true);
      second = await startTeamHost(app2, { dataDir: site.dir, address: '127.0.0.1', port: pairing.port, pairingPort: 0 });
      expect(second.idempotency.size).toBe(0);
      const again = await f.call(token, 'dsu:addEntry', input);
      expect(again.result).toMatchObject({ ok: true, value: { id: written[0]!.id, summary: 'Visite à domicile' } });
      expect(app2.vault.db.prepare("SELECT count(*) AS n FROM journal WHERE summary = 'Visite à domicile'").get()).toEqual({ n: 1 });
      // Only the write is known: it is not done again, and the person is told to reload.
      const told = await f.call(token, 'dsu:addEntry', other);
      expect(told.result).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if (!told.result.ok) expect(told.result.error.message).toMatch(/fait sur le poste hôte juste avant une coupure ; il n’a pas été refait\. Rechargez/);
      expect(app2.vault.db.prepare("SELECT count(*) AS n FROM journal WHERE summary = 'Appel au CCAS'").get()).toEqual({ n: 1 });
      // Kept 24 hours: a day later the row is purged by the next kept answer.
      const kept = () => (app2!.vault.db.prepare('SELECT count(*) AS n FROM team_answers').get() as { n: number }).n;
      expect(kept()).toBeGreaterThan(0);
      const real = app2.clock;
      app2.clock = () => new Date(Date.now() + 24 * 60 * 60_000 + 60_000);
      try {
        const fAdmin = new Forwarder(pairing, { attempts: 1 });
        forwarders.push(fAdmin);
        const t = await loginVia(fAdmin, 'admin', ADMIN_PASSWORD);
        expect((await fAdmin.call(t, 'partners:save', { organisation: 'Secours populaire', service: 'Accueil', category: 'Association' })).result.ok).toBe(true);
        expect(kept()).toBe(1);
      } finally {
        app2.clock = real;
      }
    } finally {
      await second?.close();
      app2?.close();
      await first.close().catch(() => undefined);
    }
  });
});
