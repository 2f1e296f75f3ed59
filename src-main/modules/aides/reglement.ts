/**
 * The departmental règlement des aides financières as versioned data (DOMAIN §4.1). This
 * schema is the one source: the JSON Schema shipped in `resources/reglements/` is generated
 * from it (`reglementJsonSchema`, checked equal in the tests), and imports are validated
 * with it, each error naming the faulty field in French.
 */
import { z } from 'zod';
import { RESOURCE_KINDS } from '../budget';
import { calendarDate } from '../../shared/calendar-date';
import { NATURES, PAYMENT_MODES } from './kinds';

export const SCHEMA_ID = 'passeur/reglement/1';
export { HOUSEHOLD_TYPES, NATURES, PAYMENT_MODES } from './kinds'; // listed once, in kinds.ts
export const COMPOSITIONS = ['tous', 'sans_enfant_a_charge', 'avec_enfant_a_charge_ou_grossesse'] as const;
export type { HouseholdType, Nature, PaymentMode } from './kinds';

const cents = z.number().int({ message: 'montant en centimes, nombre entier attendu' }).min(0, { message: 'montant négatif' });
const day = calendarDate('date attendue au format AAAA-MM-JJ', 'cette date n’existe pas dans le calendrier');
const source = z.string().trim().min(3, { message: 'indiquez le texte dont la règle est tirée (département, article)' });
/** A number of parts with at most two decimals (1, 1.5, 0.25). */
const parts = z
  .number()
  .min(0)
  .max(20)
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, { message: 'deux décimales au plus' });

/** An amount that depends on the household type, with a default for the types not named. */
export const amountByType = z
  .strictObject({
    default: cents.optional(),
    personne_seule: cents.optional(),
    couple: cents.optional(),
    famille_monoparentale: cents.optional(),
    couple_avec_enfants: cents.optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: 'au moins un montant (default ou par type de foyer)' });
export type AmountByType = z.output<typeof amountByType>;

export const partsTable = z.strictObject({
  personne_seule: parts,
  couple: parts,
  parent_isole: parts,
  /** Parts per dependent child: first, second, … ; the last value repeats for the next ones. */
  par_enfant: z.array(parts).min(1, { message: 'au moins une valeur (part du premier enfant)' }).max(10),
  grossesse: parts.default(0),
});
export type PartsTable = z.output<typeof partsTable>;

const resourcesRule = z.strictObject({
  excluded: z.array(z.enum(RESOURCE_KINDS)).default([]),
  /** The share of a child's salary that counts, e.g. one third. */
  salaireEnfant: z.strictObject({ numerateur: z.number().int().min(0), denominateur: z.number().int().min(1) }).default({ numerateur: 1, denominateur: 1 }),
  source,
});

const resourceTest = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('reste_a_vivre_par_part'),
    period: z.enum(['jour', 'mois']),
    parts: partsTable,
    maxCents: amountByType,
    strict: z.boolean().default(false),
    source,
  }),
  z.strictObject({
    method: z.literal('moyenne_economique_journaliere'),
    forfaitChargesCents: cents,
    /** The rent counted is the rent minus the housing benefit (APL/AL), which then is not a resource. */
    loyerResiduel: z.boolean().default(true),
    maxCents: amountByType,
    strict: z.boolean().default(false),
    source,
  }),
  z.strictObject({
    method: z.literal('quotient_familial'),
    parts: partsTable,
    maxCents: amountByType,
    strict: z.boolean().default(true),
    source,
  }),
  z.strictObject({ method: z.literal('aucun'), source }),
]);
export type ResourceTest = z.output<typeof resourceTest>;

const natureRule = z.strictObject({
  code: z.enum(NATURES),
  ceiling: amountByType,
  /** For stays and the like: at most this much per day, within the ceiling. */
  perDayCents: cents.optional(),
  source,
});

const dispositif = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, { message: 'code : lettres minuscules, chiffres, souligné' }),
  label: z.string().trim().min(3).max(120),
  description: z.string().trim().max(600).default(''),
  eligibility: z.strictObject({
    composition: z.enum(COMPOSITIONS),
    age: z
      .strictObject({ min: z.number().int().min(0).max(120), max: z.number().int().min(0).max(120), derogationMin: z.number().int().min(0).max(120).optional() })
      .refine((a) => a.min <= a.max && (a.derogationMin === undefined || a.derogationMin <= a.min), { message: 'âges incohérents (min ≤ max, dérogation ≤ min)' })
      .optional(),
    residence: z.boolean(),
    source,
  }),
  resources: resourcesRule,
  resourceTest,
  natures: z.array(natureRule).min(1, { message: 'au moins une nature d’aide' }),
  /** Up to this amount a responsable validates alone; above it the commission decides. */
  delegationCents: cents,
  /**
   * Whether a responsable may refuse ALONE a request out of the barème or above the delegation.
   * By default she may not: she gives her opinion and sends the request to the commission
   * (DOMAIN §4.4); only a règlement that says so, with its article in `refusAutonomeSource`, allows it.
   */
  refusAutonome: z.boolean().default(false),
  refusAutonomeSource: source.optional(),
  payment: z
    .strictObject({
      modes: z.array(z.enum(PAYMENT_MODES)).min(1, { message: 'au moins un mode de paiement' }),
      cheques: z
        .strictObject({
          valueCents: cents.min(1),
          maxPerRequest: z.number().int().min(1).max(100),
          /** Valid until 31 December of the year of issue. */
          validity: z.literal('fin_annee'),
        })
        .optional(),
      source,
    })
    .refine((p) => !p.modes.includes('cheques_accompagnement') || p.cheques !== undefined, {
      message: 'les chèques d’accompagnement personnalisé demandent leur valeur et leur nombre maximal (cheques)',
    }),
});
export type Dispositif = z.output<typeof dispositif>;

const cap = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
  label: z.string().trim().min(3).max(160),
  dispositifs: z.array(z.string()).min(1),
  maxPer12Months: z.number().int().min(1).max(100),
  notSameMonth: z.boolean(),
  source,
});

/** A yearly envelope shared by several dispositifs; a dispositif in none has its own. */
const envelope = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, { message: 'code : lettres minuscules, chiffres, souligné' }),
  label: z.string().trim().min(3).max(160),
  dispositifs: z.array(z.string()).min(1, { message: 'au moins un dispositif' }),
  source,
});

export const reglementSchema = z
  .strictObject({
    schema: z.literal(SCHEMA_ID, { message: `le champ schema doit valoir « ${SCHEMA_ID} »` }),
    code: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,40}$/, { message: 'code : minuscules, chiffres, tiret ou souligné' }),
    version: z.number().int().min(1),
    title: z.string().trim().min(3).max(200),
    deliberation: z.strictObject({ date: day, reference: z.string().trim().min(1).max(200) }),
    effectiveFrom: day,
    effectiveTo: day.nullable().default(null),
    /** A child counts as dependent up to this age (inclusive). */
    enfantAChargeAgeMax: z.number().int().min(0).max(30),
    enfantAChargeSource: source,
    caps: z.array(cap).default([]),
    envelopes: z.array(envelope).default([]),
    dispositifs: z.array(dispositif).min(1, { message: 'au moins un dispositif' }),
  })
  .superRefine((r, ctx) => {
    const codes = r.dispositifs.map((d) => d.code);
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i) ctx.addIssue({ code: 'custom', path: ['dispositifs', i, 'code'], message: `le dispositif ${c} est défini deux fois` });
    });
    r.dispositifs.forEach((d, i) => {
      const n = d.natures.map((x) => x.code);
      n.forEach((c, j) => {
        if (n.indexOf(c) !== j) ctx.addIssue({ code: 'custom', path: ['dispositifs', i, 'natures', j, 'code'], message: `la nature ${c} est définie deux fois` });
      });
    });
    r.dispositifs.forEach((d, i) => {
      if (d.refusAutonome && d.refusAutonomeSource === undefined) {
        ctx.addIssue({ code: 'custom', path: ['dispositifs', i, 'refusAutonomeSource'], message: 'indiquez l’article du règlement qui permet au responsable de refuser seul (refusAutonome)' });
      }
    });
    r.caps.forEach((c, i) =>
      c.dispositifs.forEach((d, j) => {
        if (!codes.includes(d)) ctx.addIssue({ code: 'custom', path: ['caps', i, 'dispositifs', j], message: `dispositif inconnu : ${d}` });
      }),
    );
    const inEnvelope = new Map<string, string>();
    r.envelopes.forEach((e, i) => {
      if (codes.includes(e.code) && !e.dispositifs.includes(e.code)) ctx.addIssue({ code: 'custom', path: ['envelopes', i, 'code'], message: `${e.code} est déjà le code d’un dispositif` });
      e.dispositifs.forEach((d, j) => {
        if (!codes.includes(d)) ctx.addIssue({ code: 'custom', path: ['envelopes', i, 'dispositifs', j], message: `dispositif inconnu : ${d}` });
        else if (inEnvelope.has(d)) ctx.addIssue({ code: 'custom', path: ['envelopes', i, 'dispositifs', j], message: `${d} est déjà dans l’enveloppe ${inEnvelope.get(d)}` });
        else inEnvelope.set(d, e.code);
      });
    });
    if (r.effectiveTo !== null && r.effectiveTo < r.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'la fin de validité précède le début' });
    }
  });
export type Reglement = z.output<typeof reglementSchema>;

export interface EnvelopeGroup {
  code: string;
  label: string;
  dispositifs: string[];
}
/** The envelopes of a règlement: the shared ones it declares, then one per remaining dispositif. */
export function envelopeGroups(r: Reglement): EnvelopeGroup[] {
  const shared = r.envelopes.map((e) => ({ code: e.code, label: e.label, dispositifs: [...e.dispositifs] }));
  const covered = new Set(shared.flatMap((e) => e.dispositifs));
  return [...shared, ...r.dispositifs.filter((d) => !covered.has(d.code)).map((d) => ({ code: d.code, label: d.label, dispositifs: [d.code] }))];
}

/** The JSON Schema of a règlement document, for the people who write one by hand. */
export function reglementJsonSchema(): unknown {
  return { $id: 'https://passeur.local/schemas/reglement-1.json', title: 'Règlement départemental des aides financières (Passeur)', ...z.toJSONSchema(reglementSchema, { io: 'input' }) };
}

export interface ReglementProblem {
  path: string;
  message: string;
}

/** Parses a document; on failure, every problem with its field path, in French. */
export function parseReglement(raw: unknown): { ok: true; reglement: Reglement } | { ok: false; problems: ReglementProblem[] } {
  const r = reglementSchema.safeParse(raw);
  if (r.success) return { ok: true, reglement: r.data };
  return {
    ok: false,
    problems: r.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.') || '(document)', message: i.message })),
  };
}
