/**
 * `passeur demo`: a fictional site with a year of activity, created in an empty data folder
 * through the same API as the application (dispatch: validation, roles, rules and audit),
 * each record at its own date on the site's clock. The plan (plan.ts) is drawn from the seed;
 * the passwords are random and printed once, to change at the first login.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppCore } from '../api/app';
import { dispatch } from '../api/dispatch';
import { registry, type Channel, type Input, type Output } from '../modules';
import { PasseurError } from '../shared/errors';
import type { Role } from '../shared/roles';
import communesData from '../../resources/demo/communes-82.json';
import noms from '../../resources/demo/noms.json';
import activite from '../../resources/demo/activite-82.json';
import fslExemple from '../../resources/reglements/fsl-exemple.json';
import { between, isoDay, PERIOD, pick, planHouseholds, rng, type PlannedHousehold } from './plan';

export type DemoScale = 'site' | 'departement';

export interface DemoAccount {
  login: string;
  displayName: string;
  role: Role;
  oneTimePassword: string;
}

export interface DemoSummary {
  site: { name: string; code: string; communes: number };
  counts: { households: number; persons: number; firstContacts: number; dsu: number; journal: number; appointments: number; aids: number; commissions: number; surendettement: number };
  accounts: DemoAccount[];
}

interface Member {
  id: number;
  login: string;
  role: Role;
  token: string;
  /** When the token was last renewed on the site's clock (sessions lock after 10 minutes idle). */
  renewed: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const local = (s: string) => new Date(s.length === 10 ? `${s}T09:00:00` : `${s}:00`);
const localMinute = (d: Date) => `${isoDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** The next working day after `days` days, at `hour`. */
function later(from: Date, days: number, hour: number, minute = 0): Date {
  const d = new Date(from);
  d.setDate(d.getDate() + days);
  while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1);
  d.setHours(hour, minute, 0, 0);
  return d;
}

/** Refuses a folder that holds anything: the demonstration only ever creates a new site. */
export function refuseNonEmpty(dir: string): void {
  if (fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0)) {
    throw new PasseurError('already_initialized', `Le dossier ${dir} n’est pas vide : la démonstration crée un site neuf et ne touche à rien d’existant. Choisissez un dossier vide ou qui n’existe pas encore (--data). Rien n’a été écrit.`);
  }
}

// Hexadecimal: no login of the demo (admin, secretaire, ass…, cesf…, responsable…) can appear in it
// by chance, which the password policy would refuse (base64 spelled « ass » about once in 1,500).
const internalPassword = () => `demo ${randomBytes(18).toString('hex')}`;

/** `households` overrides the scale's count (tests make a small site of the same shape). */
export async function createDemo(dir: string, scale: DemoScale, seed: number, households?: number): Promise<DemoSummary> {
  const target = path.resolve(dir);
  refuseNonEmpty(target);
  const sizes = activite.scales[scale];
  const siteDef = communesData.sites[scale];
  const communes = siteDef.communes === 'toutes' ? communesData.communes : communesData.communes.filter((c) => (siteDef.communes as string[]).includes(c.insee));
  const plan = planHouseholds(seed, households ?? sizes.households, communes.length);
  const r = rng(seed ^ 0x5eed);

  let now = local(`${PERIOD.from}T08:00`).getTime();
  const app = new AppCore(target, registry, 'demo');
  app.clock = () => new Date(now);
  const counts: DemoSummary['counts'] = { households: 0, persons: 0, firstContacts: 0, dsu: 0, journal: 0, appointments: 0, aids: 0, commissions: 0, surendettement: 0 };
  const existed = fs.existsSync(target);
  let done = false;
  try {
    const must = async <C extends Channel>(token: string | null, channel: C, input: Input<C>): Promise<Output<C>> => {
      const out = await dispatch(app, token, channel, input);
      if (!out.result.ok) throw new PasseurError('internal', `Démonstration : ${channel} refusé (${out.result.error.message})`);
      return out.result.value as Output<C>;
    };
    const attempt = async <C extends Channel>(token: string, channel: C, input: Input<C>): Promise<Output<C> | null> => {
      const out = await dispatch(app, token, channel, input);
      return out.result.ok ? (out.result.value as Output<C>) : null;
    };

    // The site and its first admin.
    const adminPassword = internalPassword();
    await must(null, 'setup:init', { siteName: siteDef.name, siteCode: siteDef.code, communes, admin: { login: 'admin', displayName: `${pick(r, noms.femmes)} ${pick(r, noms.noms)}`, password: adminPassword } });
    const adminLogin = await dispatch(app, null, 'auth:login', { login: 'admin', password: adminPassword });
    const admin: Member = { id: 1, login: 'admin', role: 'admin', token: adminLogin.sessionToken!, renewed: now };

    // One account per role (more of them for a département), each with its own password.
    const team: Record<Exclude<Role, 'admin'>, Member[]> = { secretaire: [], ass: [], cesf: [], responsable: [] };
    for (const role of ['secretaire', 'ass', 'cesf', 'responsable'] as const) {
      for (let i = 1; i <= sizes[role]; i++) {
        const login = sizes[role] > 1 ? `${role}${i}` : role;
        const displayName = `${pick(r, r() < 0.7 ? noms.femmes : noms.hommes)} ${pick(r, noms.noms)}`;
        const created = await must(admin.token, 'admin:createUser', { login, displayName, roles: [role] });
        const first = await dispatch(app, null, 'auth:login', { login, password: created.oneTimePassword });
        await must(first.sessionToken!, 'auth:changePassword', { current: created.oneTimePassword, next: internalPassword() });
        team[role].push({ id: created.user.id, login, role, token: first.sessionToken!, renewed: now });
      }
    }
    /** A live session for `m` at the current time (renewed in memory: the login above was audited). */
    const as = (m: Member): string => {
      if (now - m.renewed > 5 * 60_000) {
        app.sessions.destroy(m.token);
        m.token = app.sessions.create({ userId: m.id, login: m.login, roles: [m.role], mustChangePassword: false }).token;
      }
      m.renewed = now;
      return m.token;
    };

    // Sectors: the communes shared out between the ASS (each with a CESF).
    const sectorOf = new Map<string, { ass: Member; cesf: Member }>();
    const perSector = Math.ceil(communes.length / team.ass.length);
    for (let s = 0; s < team.ass.length; s++) {
      const mine = communes.slice(s * perSector, (s + 1) * perSector);
      if (!mine.length) continue;
      const ass = team.ass[s]!;
      const cesf = team.cesf[s % team.cesf.length]!;
      await must(admin.token, 'admin:saveSector', { name: `Secteur ${mine[0]!.name}`, referentAssId: ass.id, referentCesfId: cesf.id, communes: mine.map((c) => c.insee) });
      for (const c of mine) sectorOf.set(c.insee, { ass, cesf });
    }
    await must(admin.token, 'admin:saveSite', { serviceName: `Service social départemental — ${siteDef.name}`, addressLines: ['Maison Départementale des Solidarités'], postcode: '82000', city: communes[0]!.name, phone: '05 36 49 00 00' });

    // Partners for orientations.
    const sec0 = team.secretaire[0]!;
    const partners: number[] = [];
    for (const p of [
      { organisation: 'Caisse d’allocations familiales de Tarn-et-Garonne', service: 'Accueil', category: 'Organisme de sécurité sociale' },
      { organisation: 'Caisse primaire d’assurance maladie de Tarn-et-Garonne', service: 'Accès aux droits', category: 'Organisme de sécurité sociale' },
      { organisation: 'Mission locale', service: 'Accueil des jeunes', category: 'Insertion' },
      { organisation: 'France Travail', service: 'Agence locale', category: 'Emploi' },
      { organisation: 'Tarn-et-Garonne Habitat', service: 'Gestion locative', category: 'Bailleur social' },
    ]) {
      partners.push((await must(as(sec0), 'partners:save', p)).id);
    }
    // The FSL's règlement intérieur (the example) in force beside the département's aid règlement.
    const fsl = await must(as(team.responsable[0]!), 'reglement:import', { document: JSON.stringify(fslExemple) });
    await must(as(team.responsable[0]!), 'reglement:activate', { id: fsl.id });

    // The year, event by event in time order (events add later events: the queue stays sorted).
    type Event = { at: number; seq: number; run: () => Promise<void> };
    const queue: Event[] = [];
    let seq = 0;
    const schedule = (at: Date, run: () => Promise<void>) => {
      const ev = { at: at.getTime(), seq: seq++, run };
      let lo = 0;
      let hi = queue.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const q = queue[mid]!;
        if (q.at < ev.at || (q.at === ev.at && q.seq < ev.seq)) lo = mid + 1;
        else hi = mid;
      }
      queue.splice(lo, 0, ev);
    };
    const end = local(`${PERIOD.to}T18:00`).getTime();
    const resp = () => team.responsable[0]!;

    plan.forEach((h, i) => schedule(local(h.at), () => household(h, i)));
    // A commission each month, on the third Tuesday.
    for (let m = local(PERIOD.from); m.getTime() < end; m.setMonth(m.getMonth() + 1, 1)) {
      const d = new Date(m.getFullYear(), m.getMonth(), 1, 14, 0);
      while (d.getDay() !== 2) d.setDate(d.getDate() + 1);
      d.setDate(d.getDate() + 14);
      schedule(d, () => commission(d));
    }

    async function household(h: PlannedHousehold, i: number): Promise<void> {
      const commune = communes[h.communeIndex]!;
      const sector = sectorOf.get(commune.insee)!;
      const sec = team.secretaire[i % team.secretaire.length]!;
      const [first, ...others] = h.members;
      const { role: _head, ...head } = first!;
      const card = await must(as(sec), 'persons:create', {
        ...head,
        household: { address: h.address, communeInsee: commune.insee, role: 'demandeur' },
        confirmNotDuplicate: true,
      });
      counts.households++;
      counts.persons++;
      const householdId = card.household!.id;
      for (const { role, ...m } of others) {
        await must(as(sec), 'persons:create', { ...m, household: { existingId: householdId, role }, confirmNotDuplicate: true });
        counts.persons++;
      }
      const worker = h.motifs[0] === 'budget_dettes' ? sector.cesf : sector.ass;
      const base = { personId: card.person.id, mode: h.mode, motifs: h.motifs, urgent: h.urgent, urgencyReason: h.urgent ? 'Coupure annoncée dans les jours qui viennent' : '', request: h.request };
      if (h.outcome === 'rdv') {
        const slot = await must(as(sec), 'rdv:nextFree', { professionalId: worker.id, from: localMinute(later(new Date(now), 1, 8, 30)), durationMin: 45 });
        const out = await must(as(sec), 'intake:record', {
          ...base,
          outcome: 'rdv',
          appointment: { professionalId: worker.id, startsAt: slot.startsAt, durationMin: 45, kind: h.mode === 'telephone' ? 'premier_accueil_telephonique' : 'premier_accueil_presentiel', place: siteDef.name },
        });
        counts.firstContacts++;
        counts.appointments++;
        const appointment = out.appointment!;
        schedule(new Date(local(appointment.startsAt).getTime() + 60 * 60_000), async () => {
          await must(as(worker), 'rdv:setStatus', { id: appointment.id, status: h.showsUp ? 'honore' : 'absent' });
        });
        return;
      }
      if (h.outcome !== 'dsu') {
        await must(as(sec), 'intake:record', { ...base, outcome: h.outcome, ...(h.outcome === 'orientation' ? { partnerId: partners[i % partners.length]! } : {}) });
        counts.firstContacts++;
        return;
      }
      const out = await must(as(sec), 'intake:record', { ...base, outcome: 'dsu', referentId: worker.id });
      counts.firstContacts++;
      counts.dsu++;
      const dsuId = out.dsu!.id;
      const opened = new Date(now);
      // A household that came about its debts, followed by the CESF: an overindebtedness file.
      if (h.motifs[0] === 'budget_dettes') schedule(later(opened, 10, 10, 30), () => overindebtedness(dsuId, worker, i));
      h.entries.forEach((e, n) => {
        const at = later(opened, e.afterDays, 9 + (n % 7), 15);
        schedule(at, async () => {
          if (n === 0 && !e.vad) {
            // The first meeting is booked and honoured: it goes into the journal through the agenda.
            const slot = await must(as(worker), 'rdv:nextFree', { professionalId: worker.id, from: localMinute(new Date(now)), durationMin: 60 });
            const booked = await must(as(worker), 'rdv:book', { professionalId: worker.id, personId: card.person.id, startsAt: slot.startsAt, durationMin: 60, kind: 'accompagnement_presentiel', place: siteDef.name });
            counts.appointments++;
            schedule(new Date(local(booked.startsAt).getTime() + 90 * 60_000), async () => {
              await must(as(worker), 'rdv:setStatus', { id: booked.id, status: 'honore', field: e.field as never });
              counts.journal++;
            });
            return;
          }
          await must(as(worker), 'dsu:addEntry', { dsuId, occurredOn: isoDay(new Date(now)), type: e.vad ? 'vad' : pick(r, ['entretien_bureau', 'entretien_telephonique'] as const), field: e.field as never, summary: e.summary });
          counts.journal++;
        });
      });
      if (h.aid) {
        const a = h.aid;
        schedule(later(opened, a.afterDays, 11, 0), async () => {
          const saved = await attempt(as(worker), 'aid:save', {
            dsuId,
            personId: card.person.id,
            requestedOn: isoDay(new Date(now)),
            dispositif: a.dispositif,
            nature: a.nature as never,
            object: a.nature === 'energie' ? 'Facture d’énergie impayée' : a.nature === 'loyer_maintien' ? 'Maintien dans le logement : loyer en retard' : 'Dépannage dans l’attente de l’ouverture des droits',
            amountCents: a.amountCents,
            paymentMode: 'virement_beneficiaire',
            payeeKind: 'beneficiaire',
            noteSociale: 'Rupture de ressources récente ; démarches d’accès aux droits engagées avec la personne.',
            budget: {
              resources: [{ kind: 'rsa', amountCents: between(r, 35, 70) * 1000 }],
              charges: [{ kind: 'loyer', amountCents: between(r, 30, 55) * 1000 }, { kind: 'energie', amountCents: between(r, 5, 12) * 1000 }],
            },
          });
          if (!saved) return;
          const submitted = await attempt(as(worker), 'aid:act', { action: 'submit', id: saved.id });
          if (!submitted) return;
          counts.aids++;
          schedule(later(new Date(now), 2, 15, 0), async () => {
            const taken = await attempt(as(resp()), 'aid:act', { action: 'take', id: saved.id });
            if (!taken) return;
            const granted =
              !a.commission && taken.evaluation?.route !== 'commission'
                ? await attempt(as(resp()), 'aid:act', { action: 'grant', id: saved.id, grantedCents: a.amountCents, paymentMode: 'virement_beneficiaire', payeeKind: 'beneficiaire', confirmEnvelope: true })
                : null;
            if (!granted) {
              const sent = await attempt(as(resp()), 'aid:act', { action: 'toCommission', id: saved.id, favorable: r() < 0.7, opinion: 'Situation examinée avec la référente ; demande au-delà du barème, présentée à la commission.' });
              if (sent) toCommission.push(saved.id);
            }
          });
        });
      }
    }

    /**
     * An overindebtedness file (DOMAIN §5): three to five debts, the budget, and as the months
     * go by the deposit, the recevabilité, the orientation and, for one file in two, imposed
     * measures. Varied by the household's rank, not by the seed's draws (the rest of the site
     * stays the same).
     */
    async function overindebtedness(dsuId: number, worker: Member, i: number): Promise<void> {
      const file = await attempt(as(worker), 'surendettement:open', { dsuId });
      if (!file) return;
      counts.surendettement++;
      const day = () => isoDay(new Date(now));
      const debts = [
        { creditor: 'Cofidis', nature: 'credit_consommation', amountCents: 420_000 + (i % 7) * 35_000, monthlyCents: 16_500 },
        { creditor: 'Tarn-et-Garonne Habitat', nature: 'dette_locative', amountCents: 180_000 + (i % 5) * 24_000, monthlyCents: 0 },
        { creditor: 'EDF', nature: 'energie_eau', amountCents: 64_000 + (i % 3) * 11_000, monthlyCents: 0 },
        { creditor: 'Sofinco', nature: 'credit_consommation', amountCents: 290_000, monthlyCents: 11_800 },
        { creditor: 'Direction générale des finances publiques', nature: 'fiscale', amountCents: 115_000, monthlyCents: 9_500 },
      ].slice(0, 3 + (i % 3));
      for (const d of debts) await attempt(as(worker), 'surendettement:saveDebt', { fileId: file.id, ...d, nature: d.nature as never, debtDate: isoDay(new Date(now - (200 + (i % 11) * 30) * 86_400_000)) });
      const salary = 120_000 + (i % 9) * 15_000;
      await attempt(as(worker), 'surendettement:saveBudget', {
        fileId: file.id,
        validOn: day(),
        adults: i % 2 ? 2 : 1,
        dependants: i % 4,
        budget: { resources: [{ kind: 'salaires', amountCents: salary }], charges: [{ kind: 'loyer', amountCents: 48_000 }, { kind: 'energie', amountCents: 9_000 }] },
        assets: i % 3 ? [] : [{ kind: 'vehicule', label: 'Véhicule ancien', valueCents: 150_000 }],
      });
      schedule(later(new Date(now), 21, 10, 0), async () => {
        if (!(await attempt(as(worker), 'surendettement:addStage', { fileId: file.id, kind: 'depot', day: day(), reference: `BDF 082-${String(file.id).padStart(4, '0')}` }))) return;
        schedule(later(new Date(now), 60, 10, 0), async () => {
          if (!(await attempt(as(worker), 'surendettement:addStage', { fileId: file.id, kind: 'recevabilite', day: day(), notifiedOn: day(), decision: 'recevable' }))) return;
          schedule(later(new Date(now), 45, 10, 0), async () => {
            const orientation = i % 2 ? 'mesures_imposees' : 'plan_conventionnel';
            if (!(await attempt(as(worker), 'surendettement:addStage', { fileId: file.id, kind: 'orientation', day: day(), decision: orientation }))) return;
            if (orientation !== 'mesures_imposees') return;
            schedule(later(new Date(now), 30, 10, 0), async () => {
              const start = isoDay(new Date(now + 30 * 86_400_000));
              await attempt(as(worker), 'surendettement:addStage', { fileId: file.id, kind: 'mesures_imposees', day: day(), notifiedOn: day(), plan: { start, months: 36 + (i % 4) * 12, monthlyCents: 15_000 } });
            });
          });
        });
      });
    }

    /** Requests sent to the commission and not yet on a session's agenda. */
    const toCommission: number[] = [];
    async function commission(day: Date): Promise<void> {
      if (!toCommission.length) return;
      const files = toCommission.splice(0);
      const session = await must(as(resp()), 'commission:save', { heldOn: isoDay(day), place: siteDef.name, members: ['Conseillère départementale du canton', 'Responsable de la MDS'] });
      await must(as(resp()), 'commission:assign', { id: session.id, add: files });
      counts.commissions++;
      for (const requestId of files) {
        await must(as(resp()), 'commission:decide',
          r() < 0.75
            ? { id: session.id, requestId, decision: 'accordee', grantedCents: between(r, 5, 30) * 1000, paymentMode: 'virement_beneficiaire', payeeKind: 'beneficiaire', confirmEnvelope: true }
            : { id: session.id, requestId, decision: 'refusee', reasons: 'Ressources du foyer au-dessus du barème au regard des charges présentées.' },
        );
      }
    }

    while (queue.length) {
      const ev = queue.shift()!;
      if (ev.at > end) continue; // after the year: appointments stay booked, nothing else happens
      now = Math.max(now, ev.at);
      await ev.run();
    }

    // Passwords for everyone, to change at the first login (the admin's last: it ends its session).
    const accounts: DemoAccount[] = [];
    const users = await must(as(admin), 'admin:listUsers', {});
    for (const m of [...team.secretaire, ...team.ass, ...team.cesf, ...team.responsable, admin]) {
      const reset = await must(as(admin), 'admin:resetPassword', { userId: m.id });
      accounts.push({ login: m.login, displayName: users.find((u) => u.id === m.id)!.displayName, role: m.role, oneTimePassword: reset.oneTimePassword });
    }
    done = true;
    return { site: { name: siteDef.name, code: siteDef.code, communes: communes.length }, counts, accounts };
  } finally {
    app.close();
    // A demonstration stopped half-way leaves nothing behind: the folder was empty (or absent).
    if (!done) {
      if (existed) for (const f of fs.readdirSync(target)) fs.rmSync(path.join(target, f), { recursive: true, force: true });
      else fs.rmSync(target, { recursive: true, force: true });
    }
  }
}
