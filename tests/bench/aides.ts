/**
 * Aides financières on the generated site (DOMAIN §4): 5,000 requests over the last 12
 * months (3,000 decided, 2,000 waiting for a responsable), each with the demande and
 * evaluation it was submitted under. Measured: the evaluation of a request with its
 * household's 12-month history (the pure engine, and the `aid:evaluate` handler that reads
 * the household and its grants), the responsable's queue, and replaying the year under a
 * new règlement version.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { CallContext } from '../../src-main/api/dispatch';
import type { Session } from '../../src-main/auth/sessions';
import { aidesHandlers, replay } from '../../src-main/modules/aides/handlers';
import { demandeSchema, evaluate, type Demande } from '../../src-main/modules/aides/engine';
import { reglementDoc } from '../../src-main/modules/aides/repo';
import type { Reglement } from '../../src-main/modules/aides/reglement';
import { addDays } from '../../src-main/shared/time';
import { rng } from './generate';
import { result, time, timePair, type BenchResult } from './stats';

const DISPOSITIFS = ['secours_cd', 'secours_cd', 'am_ase', 'am_ase', 'aml_ase', 'faj'] as const;
const NATURE: Record<string, Demande['nature']> = { secours_cd: 'alimentaire', am_ase: 'energie', aml_ase: 'loisirs_vacances', faj: 'mobilite' };

interface Household {
  dsuId: number;
  personId: number;
  members: Demande['household']['members'];
}

function households(db: Database.Database, n: number): Household[] {
  const rows = db
    .prepare(
      `SELECT d.id AS dsuId, p.id AS personId, p.household_role AS role, p.birth_date AS birthDate
       FROM (SELECT id, household_id FROM dsu ORDER BY id LIMIT ?) d JOIN persons p ON p.household_id = d.household_id AND p.merged_into IS NULL ORDER BY d.id, p.id`,
    )
    .all(n) as { dsuId: number; personId: number; role: string | null; birthDate: string | null }[];
  const by = new Map<number, Household>();
  for (const r of rows) {
    let h = by.get(r.dsuId);
    if (!h) by.set(r.dsuId, (h = { dsuId: r.dsuId, personId: r.personId, members: [] }));
    h.members.push({ role: (r.role ?? 'autre') as 'demandeur', birthDate: r.birthDate, applicant: h.members.length === 0 });
  }
  return [...by.values()];
}

/** Inserts the same 5,000 requests in `db`; returns demandes with a full 12-month history for the engine. */
export function seedAides(db: Database.Database, reg: Reglement, today: string, professionals: number[], seed = 4): Demande[] {
  const r = rng(seed);
  const hh = households(db, 600);
  const grants = new Map<number, Demande['history']>();
  const ins = db.prepare(
    `INSERT INTO aid_requests (number, year, seq, dsu_id, person_id, requested_on, dispositif, nature, object, amount_cents, payment_mode, payee_kind, urgent, origin,
       status, reglement_id, outcome, route, created_by, created_at, updated_at, submitted_by, submitted_at, decided_on, granted_cents)
     VALUES (?, 2026, ?, ?, ?, ?, ?, ?, 'Objet', ?, 'virement_beneficiaire', 'beneficiaire', ?, 'dsu', ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insText = db.prepare("INSERT INTO aid_request_texts (request_id, note_sociale, budget, demande, evaluation) VALUES (?, 'Note sociale', ?, ?, ?)");
  const samples: Demande[] = [];
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) {
      const pending = i >= 3000;
      // Decided requests spread over the year, pending ones over the last three weeks.
      const requestedOn = addDays(today, -(pending ? Math.floor(r() * 21) : 21 + Math.floor(r() * 340)));
      const h = hh[Math.floor(r() * hh.length)]!;
      const dispositif = DISPOSITIFS[Math.floor(r() * DISPOSITIFS.length)]!;
      const amountCents = 2000 * (1 + Math.floor(r() * 20));
      const budget = {
        resources: [{ kind: 'rsa' as const, amountCents: 40000 + Math.floor(r() * 80000), label: '' }, { kind: 'apl_al' as const, amountCents: Math.floor(r() * 30000), label: '' }],
        charges: [{ kind: 'loyer' as const, amountCents: 30000 + Math.floor(r() * 40000), label: '' }, { kind: 'energie' as const, amountCents: 5000 + Math.floor(r() * 10000), label: '' }],
      };
      const history = (grants.get(h.dsuId) ?? []).filter((g) => g.grantedOn <= requestedOn);
      const demande = demandeSchema.parse({
        dispositif,
        nature: NATURE[dispositif],
        amountCents,
        requestedOn,
        days: dispositif === 'aml_ase' ? 5 : null,
        paymentMode: 'virement_beneficiaire',
        household: { residesInDepartement: true, pregnancy: dispositif !== 'secours_cd' && r() < 0.5, members: h.members },
        budget,
        history,
      });
      const e = evaluate(demande, reg);
      const status = pending ? (r() < 0.5 ? 'soumise' : 'a_valider') : e.outcome === 'dans_bareme' && r() < 0.85 ? 'accordee' : 'refusee';
      const at = `${requestedOn}T09:00:00.000Z`;
      const by = professionals[i % professionals.length]!;
      const id = ins.run(`AF-2026-${String(i + 1).padStart(5, '0')}`, i + 1, h.dsuId, h.personId, requestedOn, dispositif, demande.nature, amountCents, pending && r() < 0.1 ? 1 : 0,
        status, e.outcome, e.route, by, at, at, by, at, pending ? null : requestedOn, status === 'accordee' ? amountCents : null).lastInsertRowid;
      insText.run(id, JSON.stringify(budget), JSON.stringify(demande), JSON.stringify(e));
      if (status === 'accordee') grants.set(h.dsuId, [...(grants.get(h.dsuId) ?? []), { dispositif, grantedOn: requestedOn, amountCents }]);
      if (history.length >= 3 && samples.length < 1000) samples.push(demande);
    }
  })();
  return samples;
}

export function aidesBench(enc: Database.Database, plain: Database.Database, now: Date, ctxFor: (db: Database.Database, userId: number, roles: Session['roles'], now: Date) => CallContext, professionals: number[], say: (m: string) => void): BenchResult[] {
  const results: BenchResult[] = [];
  const today = '2026-11-23';
  const reg = reglementDoc(enc, 1);
  const t0 = Date.now();
  const samples = seedAides(enc, reg, today, professionals);
  seedAides(plain, reglementDoc(plain, 1), today, professionals);
  enc.pragma('optimize');
  plain.pragma('optimize');
  say(`5 000 demandes d’aide générées (deux bases) en ${((Date.now() - t0) / 1000).toFixed(1)} s ; ${samples.length} avec au moins 3 aides accordées sur 12 mois`);

  time(samples.length, (i) => evaluate(samples[i]!, reg));
  results.push(result('évaluation d’une demande au barème, moteur seul (historique de 12 mois, ≥ 3 aides)', time(samples.length, (i) => evaluate(samples[i]!, reg))));

  // The live evaluation as the form calls it: household, its grants and the règlement read from the store.
  const rows = enc.prepare("SELECT a.id, a.dsu_id AS dsuId, a.person_id AS personId, d.referent_id AS referent FROM aid_requests a JOIN dsu d ON d.id = a.dsu_id WHERE a.status = 'accordee' ORDER BY a.id LIMIT 500").all() as { id: number; dsuId: number; personId: number; referent: number }[];
  const live = (db: Database.Database) => (i: number) => {
    const x = rows[i % rows.length]!;
    return aidesHandlers['aid:evaluate'](ctxFor(db, x.referent, ['ass'], now), {
      dsuId: x.dsuId,
      personId: x.personId,
      requestedOn: today,
      dispositif: 'secours_cd',
      nature: 'alimentaire',
      object: 'Courses',
      amountCents: 12000,
      days: null,
      paymentMode: 'virement_beneficiaire',
      cheques: 0,
      payeeKind: 'beneficiaire',
      payeeName: '',
      derogation: false,
      pregnancy: false,
      urgent: false,
      origin: 'dsu',
      originPartnerId: null,
      noteSociale: '',
      budget: { resources: [{ kind: 'rsa', amountCents: 60000, label: '' }], charges: [{ kind: 'loyer', amountCents: 45000, label: '' }] },
      consentId: null,
    });
  };
  time(100, live(enc));
  time(100, live(plain));
  results.push(result('aid:evaluate, évaluation en direct du formulaire (foyer, aides du foyer, règlement lus en base)', ...timePair(rows.length, live(enc), live(plain))));

  const pending = (enc.prepare("SELECT count(*) AS n FROM aid_requests WHERE status IN ('soumise', 'a_valider')").get() as { n: number }).n;
  const queue = (db: Database.Database) => () => aidesHandlers['aid:queue'](ctxFor(db, professionals[0]!, ['responsable'], now));
  time(20, queue(enc));
  time(20, queue(plain));
  results.push(result(`file de validation du responsable (${pending} demandes en attente)`, ...timePair(200, queue(enc), queue(plain))));

  // Replaying the year under a stricter version: the secours alimentaire ceiling goes down.
  const v2 = structuredClone(reg);
  v2.version = 2;
  v2.dispositifs[0]!.natures[0]!.ceiling = { personne_seule: 10000, default: 15000 };
  const out = replay(enc, v2, today);
  say(`rejeu : ${out.requests} demandes, ${out.changed} changeraient de résultat`);
  results.push(result(`rejeu de ${out.requests} demandes sous une nouvelle version du règlement`, ...timePair(5, () => replay(enc, v2, today), () => replay(plain, v2, today))));
  return results;
}
