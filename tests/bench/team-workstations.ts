/**
 * Team mode under load (ARCHITECTURE « Team mode »): a host (`startTeamHost`, in a child
 * process so that its CPU and memory are its own) and 20 simulated workstations, each paired
 * with its own client certificate and logged in with its own account, doing the day's mix over
 * mutual TLS 1.3 on 127.0.0.1: searches, intakes (a new person and the first contact), DSU
 * opens, journal writes, aid evaluations. Every call is timed at the workstation; p95 per call
 * kind, the errors, the host's CPU and peak RSS during the load, and the cost of the TLS hop
 * against the same call dispatched in the host's process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppCore } from '../../src-main/api/app';
import { dispatch } from '../../src-main/api/dispatch';
import { registry } from '../../src-main/modules';
import { setQuiet } from '../../src-main/shared/log';
import { Forwarder } from '../../src-main/team/forwarder';
import { startTeamHost } from '../../src-main/team/host';
import { pairWithHost } from '../../src-main/team/pairing';
import { secours } from '../helpers/aides';
import { rng } from './generate';
import { result, type BenchResult } from './stats';

/** 20 by default; `PASSEUR_BENCH_POSTES` changes it (an even number: half front desk, half social workers). */
const WORKSTATIONS = Number(process.env.PASSEUR_BENCH_POSTES ?? 20);
const OPS_PER_WORKSTATION = 80;
/**
 * Between two calls a workstation waits 50 to 150 ms: people at a desk leave seconds between
 * two actions, so this is already ten times the pace of a busy morning. The same load without
 * any pause is measured too, as the host's throughput when saturated (not a latency target).
 */
const THINK_MS: [number, number] = [50, 150];
const PASSWORD = 'une longue phrase secrète';
const PERSONAL = 'phrase personnelle du banc';
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Seed {
  port: number;
  secretaries: string[];
  workers: string[];
  dsus: { dsuId: number; personId: number; referent: string }[];
}

type ToHost = { op: 'code' } | { op: 'load-start' } | { op: 'load-end' } | { op: 'local'; n: number } | { op: 'exit' };

/** The host's side, run in the child process (`node -e` importing this bundle). */
export async function teamHostChild(): Promise<void> {
  setQuiet(true);
  const send = (m: unknown) => process.send!(m);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-bench-hote-'));
  const app = new AppCore(dir, registry);
  const must = async (token: string | null, channel: string, input: unknown) => {
    const out = await dispatch(app, token, channel, input);
    if (!out.result.ok) throw new Error(`${channel}: ${out.result.error.message}`);
    return { value: out.result.value as never, token: out.sessionToken };
  };
  await must(null, 'setup:init', { siteName: 'MDS Banc', siteCode: 'BNC', communes: [{ insee: '82121', name: 'Montauban' }], admin: { login: 'admin', displayName: 'Admin', password: PASSWORD } });
  const admin = (await must(null, 'auth:login', { login: 'admin', password: PASSWORD })).token!;
  const adminId = app.sessions.get(admin)!.userId;
  const account = async (login: string, roles: string[]) => {
    const created = (await must(admin, 'admin:createUser', { login, displayName: `Compte ${login}`, roles })).value as { user: { id: number }; oneTimePassword: string };
    const first = (await must(null, 'auth:login', { login, password: created.oneTimePassword })).token!;
    await must(first, 'auth:changePassword', { current: created.oneTimePassword, next: PERSONAL });
    await must(first, 'auth:logout', {});
    return { id: created.user.id, token: (await must(null, 'auth:login', { login, password: PERSONAL })).token! };
  };
  const secretaries = Array.from({ length: WORKSTATIONS / 2 }, (_, i) => `sec${i}`);
  const workers = Array.from({ length: WORKSTATIONS / 2 }, (_, i) => `ass${i}`);
  const sec0 = await account(secretaries[0]!, ['secretaire']);
  for (const s of secretaries.slice(1)) await account(s, ['secretaire']);
  const ass: Record<string, { id: number; token: string }> = {};
  for (const w of workers) ass[w] = await account(w, ['ass']);
  await must(admin, 'admin:saveSector', { name: 'Montauban', referentAssId: ass[workers[0]!]!.id, referentCesfId: null, communes: ['82121'] });
  const r = rng(16);
  const NAMES = ['Martin', 'Bernard', 'Moreau', 'Garcia', 'Lefèvre', 'Roux', 'Fournier', 'Girard', 'Bonnet', 'Dupont'];
  const FIRST = ['Inès', 'Paul', 'Sarah', 'Luis', 'Noé', 'Claire', 'Tom', 'Léa', 'Hugo', 'Anna'];
  const dsus: Seed['dsus'] = [];
  for (let i = 0; i < 300; i++) {
    const card = (
      await must(sec0.token, 'persons:create', {
        birthName: `${NAMES[i % 10]}${i}`,
        firstNames: FIRST[Math.floor(r() * 10)],
        birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
        household: { address: `${i} rue de la République`, communeInsee: '82121', role: 'demandeur' },
        confirmNotDuplicate: true,
      })
    ).value as { person: { id: number }; household: { id: number } };
    if (i < 120) {
      const referent = workers[i % workers.length]!;
      const dsu = (await must(ass[referent]!.token, 'dsu:open', { householdId: card.household.id, referentId: ass[referent]!.id })).value as { id: number };
      dsus.push({ dsuId: dsu.id, personId: card.person.id, referent });
    }
  }
  const host = await startTeamHost(app, { dataDir: dir, address: '127.0.0.1', port: 0, pairingPort: 0 });
  let cpu = process.cpuUsage();
  let started = 0;
  let peak = 0;
  let sampler: NodeJS.Timeout | null = null;
  process.on('message', (m: ToHost) => {
    void (async () => {
      if (m.op === 'code') send({ op: 'code', ...(await host.createPairingCode(adminId)), fingerprint: host.fingerprint });
      else if (m.op === 'load-start') {
        cpu = process.cpuUsage();
        started = performance.now();
        peak = process.memoryUsage().rss;
        sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
        send({ op: 'load-start' });
      } else if (m.op === 'load-end') {
        if (sampler) clearInterval(sampler);
        const used = process.cpuUsage(cpu);
        send({ op: 'load-end', cpuUserMs: used.user / 1000, cpuSystemMs: used.system / 1000, wallMs: performance.now() - started, rssPeakMb: Math.round(peak / 1048576) });
      } else if (m.op === 'local') {
        const token = ass[workers[0]!]!.token;
        const out: number[] = [];
        for (let i = 0; i < m.n; i++) {
          const t = performance.now();
          await dispatch(app, token, 'persons:search', { q: `${NAMES[i % 10]} ${FIRST[i % 10]}`, limit: 20 });
          out.push(performance.now() - t);
        }
        send({ op: 'local', samples: out });
      } else if (m.op === 'exit') {
        await host.close();
        app.close();
        fs.rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      }
    })();
  });
  send({ op: 'ready', port: host.port, secretaries, workers, dsus } satisfies Seed & { op: string });
}

function ask<T>(child: ChildProcess, msg: ToHost, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { op: string }) => {
      if (m.op !== reply) return;
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
    child.send(msg);
  });
}

export async function teamBench(say: (m: string) => void): Promise<{ results: BenchResult[]; summary: Record<string, unknown> }> {
  const bundle = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(bundle)}).then((m) => m.teamHostChild())`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, PASSEUR_LOG: 'silent' } });
  const folders: string[] = [];
  const forwarders: Forwarder[] = [];
  try {
    say('équipe : création du site hôte (20 comptes, 300 personnes, 120 DSU)…');
    const seed = await new Promise<Seed>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`hôte arrêté (${code})`)));
      child.on('message', (m: { op: string } & Seed) => m.op === 'ready' && resolve(m));
    });
    say('équipe : appairage de 20 postes…');
    const stations: { forwarder: Forwarder; login: string; kind: 'sec' | 'ass'; token: string }[] = [];
    for (let i = 0; i < WORKSTATIONS; i++) {
      const code = await ask<{ code: string; address: string; fingerprint: string }>(child, { op: 'code' }, 'code');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passeur-bench-poste-'));
      folders.push(dir);
      const pairing = await pairWithHost({ dataDir: dir, host: '127.0.0.1', port: Number(code.address.split(':').pop()), code: code.code, name: `Poste ${i + 1}`, fingerprint: code.fingerprint });
      const forwarder = new Forwarder(pairing);
      forwarders.push(forwarder);
      const kind = i < WORKSTATIONS / 2 ? 'sec' : 'ass';
      const login = kind === 'sec' ? seed.secretaries[i]! : seed.workers[i - WORKSTATIONS / 2]!;
      const out = await forwarder.call(null, 'auth:login', { login, password: PERSONAL });
      if (!out.result.ok) throw new Error(out.result.error.message);
      stations.push({ forwarder, login, kind, token: out.sessionToken! });
    }
    const samples: Record<string, number[]> = {};
    let errors = 0;
    let calls = 0;
    const timed = async (s: (typeof stations)[number], kind: string, channel: string, input: unknown) => {
      const t = performance.now();
      const out = await s.forwarder.call(s.token, channel, input);
      (samples[kind] ??= []).push(performance.now() - t);
      calls++;
      if (!out.result.ok) {
        errors++;
        say(`  erreur ${channel} : ${out.result.error.message}`);
      }
      return out.result.ok ? (out.result.value as Record<string, unknown>) : null;
    };
    const r = rng(20);
    const NAMES = ['martin', 'bernard', 'moreau', 'garcia', 'lefevre', 'roux', 'fournier', 'girard', 'bonnet', 'dupont'];
    const day = today();
    const work = async (s: (typeof stations)[number], w: number, ops: number, think: [number, number] | null) => {
      const mine = seed.dsus.filter((d) => d.referent === s.login);
      for (let i = 0; i < ops; i++) {
        if (think) await new Promise((res) => setTimeout(res, think[0] + r() * (think[1] - think[0])));
        const x = r();
        if (s.kind === 'sec') {
          if (x < 0.7) await timed(s, 'recherche (persons:search)', 'persons:search', { q: `${NAMES[Math.floor(r() * 10)]}${Math.floor(r() * 30)}`, limit: 20 });
          else {
            const card = await timed(s, 'premier accueil : nouvelle personne (persons:create)', 'persons:create', {
              birthName: `Banc${w}x${i}`,
              firstNames: 'Camille',
              birthDate: `1980-01-${String(1 + (i % 28)).padStart(2, '0')}`,
              household: { address: `${i} avenue Gambetta`, communeInsee: '82121', role: 'demandeur' },
              confirmNotDuplicate: true,
            });
            const personId = (card?.person as { id: number } | undefined)?.id;
            if (personId) await timed(s, 'premier accueil : contact (intake:record)', 'intake:record', { personId, mode: 'telephone', motifs: ['aide_financiere'], urgent: false, request: 'Renseignement', outcome: 'information' });
          }
        } else {
          const d = mine[Math.floor(r() * mine.length)]!;
          if (x < 0.35) await timed(s, 'ouverture de DSU (dsu:get)', 'dsu:get', { id: d.dsuId });
          else if (x < 0.6) await timed(s, 'écriture de journal (dsu:addEntry)', 'dsu:addEntry', { dsuId: d.dsuId, occurredOn: day, type: 'note_sociale', field: 'budget', summary: `Entretien n° ${i}` });
          else if (x < 0.8) await timed(s, 'évaluation d’aide (aid:evaluate)', 'aid:evaluate', { ...secours({ dsuId: d.dsuId, personId: d.personId }), requestedOn: day });
          else await timed(s, 'recherche (persons:search)', 'persons:search', { q: NAMES[Math.floor(r() * 10)]!, limit: 20 });
        }
      }
    };
    say('équipe : échauffement…');
    await Promise.all(stations.map((s, w) => work(s, w, 5, null)));
    // Saturation: no pause at all; calls per second and the latency it costs.
    for (const k of Object.keys(samples)) delete samples[k];
    calls = 0;
    const s0 = performance.now();
    await Promise.all(stations.map((s, w) => work(s, w + 50, OPS_PER_WORKSTATION / 2, null)));
    const saturated = { calls, seconds: (performance.now() - s0) / 1000, all: Object.values(samples).flat().sort((a, b) => a - b) };
    for (const k of Object.keys(samples)) delete samples[k];
    calls = 0;
    say(`équipe : ${WORKSTATIONS} postes × ${OPS_PER_WORKSTATION} opérations en parallèle…`);
    await ask(child, { op: 'load-start' }, 'load-start');
    const t0 = performance.now();
    await Promise.all(stations.map((s, w) => work(s, w + 100, OPS_PER_WORKSTATION, THINK_MS)));
    const wall = performance.now() - t0;
    const usage = await ask<{ cpuUserMs: number; cpuSystemMs: number; wallMs: number; rssPeakMb: number }>(child, { op: 'load-end' }, 'load-end');
    const all = Object.values(samples).flat().sort((a, b) => a - b);
    const results = Object.entries(samples).map(([kind, v]) => result(`équipe, ${WORKSTATIONS} postes en TLS mutuel : ${kind}`, v.sort((a, b) => a - b)));
    results.push(result(`équipe, ${WORKSTATIONS} postes en TLS mutuel : tous appels`, all));
    results.push(result(`équipe, ${WORKSTATIONS} postes sans pause (saturation) : tous appels`, saturated.all));

    // The hop alone: one workstation, one call after the other, against the same call in the host's process.
    const s = stations[WORKSTATIONS / 2]!;
    const hop: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await s.forwarder.call(s.token, 'persons:search', { q: `${NAMES[i % 10]} x`, limit: 20 });
      hop.push(performance.now() - t);
    }
    const local = (await ask<{ samples: number[] }>(child, { op: 'local', n: 300 }, 'local')).samples;
    results.push(result('recherche : par le saut TLS mutuel (un poste) / dispatch dans le processus hôte', hop.sort((a, b) => a - b), local.sort((a, b) => a - b)));
    const summary = {
      name: 'équipe : charge du poste hôte',
      workstations: WORKSTATIONS,
      calls,
      errors,
      wall_s: Math.round(wall / 100) / 10,
      calls_per_s: Math.round(calls / (wall / 1000)),
      host_cpu_user_ms: Math.round(usage.cpuUserMs),
      host_cpu_system_ms: Math.round(usage.cpuSystemMs),
      host_cpu_percent_of_one_core: Math.round(((usage.cpuUserMs + usage.cpuSystemMs) / usage.wallMs) * 100),
      host_rss_peak_mb: usage.rssPeakMb,
      think_ms: THINK_MS,
      // Others' work on this machine shows in every figure above: said with them.
      cpus: os.cpus().length,
      load_average_1min: Math.round(os.loadavg()[0]! * 10) / 10,
      p95_max_ms: Math.max(...results.filter((x) => x.name.includes('postes en TLS')).map((x) => x.p95_ms)),
      saturated_calls_per_s: Math.round(saturated.calls / saturated.seconds),
      tls_hop_ratio: results[results.length - 1]!.ratio,
    };
    return { results, summary };
  } finally {
    for (const f of forwarders) f.close();
    child.send({ op: 'exit' });
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
  }
}
