/**
 * Legal parameters as dated data (DOMAIN §8): each lives in `resources/parameters/` with its
 * entries (in force from a date, a value, the source). A computation takes the entry in force
 * on the relevant day; a day before the first entry is an explicit error, never a fallback.
 */
import { z } from 'zod';
import { PasseurError } from './errors';
import { frDate } from './time';
import dsuRetention from '../../resources/parameters/dsu_retention.json';
import recoursDelai from '../../resources/parameters/recours_delai.json';
import mentionsRecours from '../../resources/parameters/mentions_recours.json';
import baremeSaisies from '../../resources/parameters/bareme_saisies.json';
import rsaForfaitaire from '../../resources/parameters/rsa_forfaitaire.json';
import surendettementDelais from '../../resources/parameters/surendettement_delais.json';
import expulsionsDelais from '../../resources/parameters/expulsions_delais.json';
import treveHivernale from '../../resources/parameters/treve_hivernale.json';
import concertationDelais from '../../resources/parameters/concertation_delais.json';
import protectionDelais from '../../resources/parameters/protection_delais.json';

export interface ParameterEntry<V> {
  from: string;
  value: V;
  source: string;
}

export interface Parameter<V> {
  id: string;
  label: string;
  /** How to read the values, when their fields need saying (with the sources of that reading). */
  description?: string;
  /** When the parameter is normally renewed (`MM-DD`), or null when it changes only with the law. */
  renewal: string | null;
  entries: ParameterEntry<V>[];
}

/** A decision taken on the request, or on the person's recours gracieux against the first one. */
export type AppealStage = 'initiale' | 'sur_recours';

const PARAMETERS = {
  dsu_retention: dsuRetention as Parameter<{ years: number }>,
  recours_delai: recoursDelai as Parameter<{ months: number }>,
  /**
   * The appeal mentions of an adverse decision's letter; `{delai}` in a text is the delay of
   * `recours_delai`; `decisions` says on which letters each is printed: a decision taken on
   * the request (`initiale`) or on the person's recours gracieux (`sur_recours`).
   */
  mentions_recours: mentionsRecours as Parameter<{ mentions: { titre: string; decisions: AppealStage[]; texte: string; source: string }[] }>,
  /** Barème des saisies sur rémunérations (code du travail R3252-2, R3252-3), renewed every 1 January. */
  bareme_saisies: baremeSaisies as Parameter<BaremeSaisies>,
  /** RSA montant forfaitaire by household composition (CASF L262-2, R262-1), renewed every 1 April. */
  rsa_forfaitaire: rsaForfaitaire as Parameter<RsaForfaitaire>,
  /** The overindebtedness procedure's delays (code de la consommation). */
  surendettement_delais: surendettementDelais as Parameter<{ recevabilite_months: number; recours_recevabilite_days: number; contestation_mesures_days: number; plan_max_months: number }>,
  /** The eviction procedure's delays (loi 89-462 art. 24, décret 2021-8, CPCE L412-1 to L412-4, R153-1). */
  expulsions_delais: expulsionsDelais as Parameter<ExpulsionsDelais>,
  /** The trêve hivernale (CPCE L412-6): `MM-DD` bounds, both included. */
  treve_hivernale: treveHivernale as Parameter<{ start: string; end: string }>,
  /** The concertation instance's delays (its charter): hours to gather the elements, days to the meeting. */
  concertation_delais: concertationDelais as Parameter<{ rassemblement_min_hours: number; rassemblement_max_hours: number; reunion_max_days: number }>,
  /** The evaluation of an information préoccupante: its delay from the receipt (CASF D226-2-3). */
  protection_delais: protectionDelais as Parameter<{ ip_evaluation_months: number }>,
};
/** The eviction procedure's delays, as `expulsions_delais.json` describes them. */
export interface ExpulsionsDelais {
  /** Leases signed on or after this day (`AAAA-MM-JJ`) get `commandement_payer_from_weeks`, earlier ones `commandement_payer_before_months`. */
  commandement_payer_switch: string;
  commandement_payer_before_months: number;
  commandement_payer_from_weeks: number;
  ccapex_avant_assignation_months: number;
  notification_prefet_days: number;
  dsf_premier_entretien_working_days: number;
  dsf_seconde_proposition_working_days: number;
  quitter_lieux_months: number;
  prorogation_max_months: number;
  delais_grace_min_months: number;
  delais_grace_max_months: number;
  silence_prefet_months: number;
}
/** A fraction [numerator, denominator] of a tranche of the barème des saisies. */
export type Fraction = [number, number];
export interface BaremeSaisies {
  /** Annual thresholds in cents, ascending; the last tranche has `upTo_cents: null` (no ceiling). */
  tranches: { upTo_cents: number | null; fraction: Fraction }[];
  /** Added to every threshold per dependant, in cents a year. */
  perDependant_cents: number;
}
export interface RsaForfaitaire {
  /** Monthly amount in cents for a person alone with 0, 1 or 2 children or dependants. */
  alone_cents: [number, number, number];
  /** Monthly amount in cents for a couple with 0, 1 or 2 children or dependants. */
  couple_cents: [number, number, number];
  /** Added per child beyond the second, in cents a month. */
  perFurtherChild_cents: number;
}

export type ParameterId = keyof typeof PARAMETERS;
export type ValueOf<P extends ParameterId> = (typeof PARAMETERS)[P] extends Parameter<infer V> ? V : never;

/** The files' entry in force on `day`, for code without a store; a handler reads `ctx.app.parameters` (the files plus the administrator's entries). */
export function inForce<P extends ParameterId>(id: P, day: string): ParameterEntry<ValueOf<P>> {
  const p = PARAMETERS[id] as Parameter<ValueOf<P>>;
  const candidates = p.entries.filter((e) => e.from <= day).sort((a, b) => b.from.localeCompare(a.from));
  const entry = candidates[0];
  if (!entry) {
    throw new PasseurError('invalid_input', `Paramètre « ${p.label} » : aucune valeur connue au ${frDate(day)} (première valeur au ${frDate(p.entries[0]?.from) || '—'}).`);
  }
  return entry;
}

/** An entry in force on a day, with the warning it carries when its parameter is overdue for renewal. */
export interface InForce<V> extends ParameterEntry<V> {
  id: ParameterId;
  label: string;
  /**
   * Set when the day is on or past the parameter's expected renewal after this entry and no newer
   * entry is known: the computation still uses this entry, and the sentence names the parameter
   * to update. Null otherwise.
   */
  warning: string | null;
}

/**
 * Where computations read legal parameters: the files of `resources/parameters/` (the command
 * line, pure tests) or those plus the entries an administrator added (the app). Rules take one
 * as an argument and never read a file or the store themselves.
 */
export type ParameterLookup = <P extends ParameterId>(id: P, day: string) => InForce<ValueOf<P>>;

/** The parameter's definition (label, renewal, the entries shipped in `resources/`). */
export function parameterDefinition<P extends ParameterId>(id: P): Parameter<ValueOf<P>> {
  return PARAMETERS[id] as Parameter<ValueOf<P>>;
}
export const PARAMETER_IDS = Object.keys(PARAMETERS) as ParameterId[];

/** The first `MM-DD` renewal day strictly after `from`. */
export function nextRenewal(from: string, renewal: string): string {
  const sameYear = `${from.slice(0, 4)}-${renewal}`;
  return sameYear > from ? sameYear : `${Number(from.slice(0, 4)) + 1}-${renewal}`;
}

/** The entry in force on `day` among `entries`, with its renewal warning (see `InForce`). */
export function entryInForce<V>(p: Parameter<V>, entries: readonly ParameterEntry<V>[], day: string): InForce<V> {
  const sorted = [...entries].sort((a, b) => b.from.localeCompare(a.from));
  const entry = sorted.find((e) => e.from <= day);
  if (!entry) {
    const first = sorted[sorted.length - 1];
    throw new PasseurError('invalid_input', `Paramètre « ${p.label} » : aucune valeur connue au ${frDate(day)} (première valeur au ${frDate(first?.from) || '—'}).`);
  }
  let warning: string | null = null;
  if (p.renewal) {
    const due = nextRenewal(entry.from, p.renewal);
    const newer = sorted.some((e) => e.from > entry.from);
    if (day >= due && !newer) {
      warning = `Paramètre « ${p.label} » à mettre à jour : une nouvelle valeur était attendue au ${frDate(due)} ; le calcul utilise celle du ${frDate(entry.from)}.`;
    }
  }
  return { ...entry, id: p.id as ParameterId, label: p.label, warning };
}

/** The lookup on the files of `resources/parameters/` only. */
export const fileParameters: ParameterLookup = (id, day) => entryInForce(parameterDefinition(id), parameterDefinition(id).entries, day);

/* ------------------------------------------------------------------------------------------
 * Entries added by an administrator (DOMAIN §8): each parameter's value has a schema, every
 * problem is named with its field in French, and the lookup adds the added entries to the files.
 * ------------------------------------------------------------------------------------------ */

const positiveInt = (label: string) =>
  z.number({ message: `${label} : un nombre entier est attendu.` }).int({ message: `${label} : un nombre entier est attendu.` }).positive({ message: `${label} : doit être supérieur à zéro.` });
const cents = (label: string) =>
  z.number({ message: `${label} : un montant est attendu.` }).int({ message: `${label} : le montant s’exprime en centimes entiers.` }).positive({ message: `${label} : doit être supérieur à zéro.` });
const required = (label: string, max: number) =>
  z.string({ message: `${label} : à renseigner.` }).trim().min(1, { message: `${label} : à renseigner.` }).max(max, { message: `${label} : ${max} caractères au plus.` });

const COMPOSITION = ['sans enfant', 'avec 1 enfant', 'avec 2 enfants'] as const;

const trancheSchema = z.strictObject(
  {
    upTo_cents: z.number({ message: 'Seuil : un montant est attendu (vide seulement pour la dernière tranche).' }).int({ message: 'Seuil : le montant s’exprime en centimes entiers.' }).positive({ message: 'Seuil : doit être supérieur à zéro.' }).nullable(),
    fraction: z.tuple([positiveInt('Fraction (numérateur)'), positiveInt('Fraction (dénominateur)')], { message: 'Fraction : deux nombres entiers attendus (numérateur, dénominateur).' }),
  },
  { message: 'Tranche : un seuil et une fraction sont attendus.' },
);
/** The tranches in order: thresholds ascending, fractions in (0, 1], only the last one open. */
const tranchesSchema = z
  .array(trancheSchema, { message: 'Tranches : une liste de tranches est attendue.' })
  .min(2, { message: 'Tranches : au moins deux tranches sont attendues.' })
  .max(20, { message: 'Tranches : vingt au plus.' })
  .superRefine((tranches, ctx) => {
    tranches.forEach((t, i) => {
      const n = i + 1;
      const last = i === tranches.length - 1;
      if (t.fraction[0] > t.fraction[1]) ctx.addIssue({ code: 'custom', path: [i, 'fraction'], message: `Tranche ${n} : la fraction doit être comprise entre 0 et 1 (numérateur au plus égal au dénominateur).` });
      if (last && t.upTo_cents !== null) ctx.addIssue({ code: 'custom', path: [i, 'upTo_cents'], message: `Tranche ${n} : la dernière tranche n’a pas de seuil (elle couvre tout ce qui dépasse le seuil précédent) ; laissez le seuil vide.` });
      if (!last && t.upTo_cents === null) ctx.addIssue({ code: 'custom', path: [i, 'upTo_cents'], message: `Tranche ${n} : seuil à renseigner (seule la dernière tranche n’en a pas).` });
      const prev = tranches[i - 1]?.upTo_cents;
      if (i > 0 && t.upTo_cents !== null && prev !== null && prev !== undefined && t.upTo_cents <= prev) {
        ctx.addIssue({ code: 'custom', path: [i, 'upTo_cents'], message: `Tranche ${n} : le seuil doit être supérieur à celui de la tranche ${i}.` });
      }
    });
  });
const baremeSchema = z.strictObject(
  {
    tranches: tranchesSchema,
    perDependant_cents: z.number({ message: 'Majoration par personne à charge : un montant est attendu.' }).int({ message: 'Majoration par personne à charge : le montant s’exprime en centimes entiers.' }).nonnegative({ message: 'Majoration par personne à charge : ne peut pas être négative.' }),
  },
  { message: 'Barème : des tranches et une majoration par personne à charge sont attendues.' },
);

const rsaAmounts = (who: string) =>
  z.tuple([cents(`${who} ${COMPOSITION[0]}`), cents(`${who} ${COMPOSITION[1]}`), cents(`${who} ${COMPOSITION[2]}`)], { message: `${who} : trois montants sont attendus (sans enfant, avec 1 enfant, avec 2 enfants).` });
const rsaSchema = z.strictObject(
  { alone_cents: rsaAmounts('Personne seule'), couple_cents: rsaAmounts('Couple'), perFurtherChild_cents: cents('Par enfant supplémentaire') },
  { message: 'RSA : les montants d’une personne seule, d’un couple et par enfant supplémentaire sont attendus.' },
);

const mentionsSchema = z.strictObject(
  {
    mentions: z
      .array(
        z.strictObject({
          titre: required('Titre de la mention', 200),
          decisions: z.array(z.enum(['initiale', 'sur_recours'], { message: 'Décisions : « initiale » ou « sur_recours ».' }), { message: 'Décisions : une liste est attendue.' }).min(1, { message: 'Décisions : au moins une (« initiale » ou « sur_recours »).' }),
          texte: required('Texte de la mention', 4000),
          source: required('Source de la mention', 1000),
        }, { message: 'Mention : un titre, des décisions, un texte et une source sont attendus.' }),
        { message: 'Mentions : une liste est attendue.' },
      )
      .min(1, { message: 'Mentions : au moins une mention est attendue.' })
      .max(20, { message: 'Mentions : vingt au plus.' }),
  },
  { message: 'Mentions : une liste de mentions est attendue.' },
);

/** The schema of each parameter's value (the files are checked against it too, in the tests). */
export const VALUE_SCHEMAS: { readonly [P in ParameterId]: z.ZodType<ValueOf<P>> } = {
  dsu_retention: z.strictObject({ years: positiveInt('Durée en années') }, { message: 'Durée : un nombre d’années est attendu.' }),
  recours_delai: z.strictObject({ months: positiveInt('Délai en mois') }, { message: 'Délai : un nombre de mois est attendu.' }),
  mentions_recours: mentionsSchema,
  bareme_saisies: baremeSchema,
  rsa_forfaitaire: rsaSchema as unknown as z.ZodType<RsaForfaitaire>,
  surendettement_delais: z.strictObject(
    {
      recevabilite_months: positiveInt('Examen de la recevabilité (mois)'),
      recours_recevabilite_days: positiveInt('Recours contre la recevabilité (jours)'),
      contestation_mesures_days: positiveInt('Contestation des mesures imposées (jours)'),
      plan_max_months: positiveInt('Durée maximale des mesures (mois)'),
    },
    { message: 'Délais : quatre nombres entiers sont attendus.' },
  ),
  expulsions_delais: z
    .strictObject(
      {
        commandement_payer_switch: z.iso.date({ message: 'Date de bascule du commandement de payer : une date AAAA-MM-JJ est attendue.' }),
        commandement_payer_before_months: positiveInt('Commandement de payer, bail antérieur (mois)'),
        commandement_payer_from_weeks: positiveInt('Commandement de payer, bail postérieur (semaines)'),
        ccapex_avant_assignation_months: positiveInt('Saisine de la CCAPEX avant l’assignation (mois)'),
        notification_prefet_days: positiveInt('Notification au préfet avant l’audience (jours)'),
        dsf_premier_entretien_working_days: positiveInt('Diagnostic social et financier, premier entretien (jours ouvrés)'),
        dsf_seconde_proposition_working_days: positiveInt('Diagnostic social et financier, seconde proposition (jours ouvrés)'),
        quitter_lieux_months: positiveInt('Délai après le commandement de quitter les lieux (mois)'),
        prorogation_max_months: positiveInt('Prorogation maximale (mois)'),
        delais_grace_min_months: positiveInt('Délais de grâce minimum (mois)'),
        delais_grace_max_months: positiveInt('Délais de grâce maximum (mois)'),
        silence_prefet_months: positiveInt('Silence du préfet (mois)'),
      },
      { message: 'Délais : les douze délais de la procédure d’expulsion sont attendus.' },
    )
    .refine((v) => v.delais_grace_min_months <= v.delais_grace_max_months, { path: ['delais_grace_max_months'], message: 'Délais de grâce maximum : doit être au moins égal au minimum.' }),
  treve_hivernale: z.strictObject(
    {
      start: z.string({ message: 'Début de la trêve : un jour MM-JJ est attendu.' }).regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Début de la trêve : un jour MM-JJ est attendu (par exemple 11-01).' }),
      end: z.string({ message: 'Fin de la trêve : un jour MM-JJ est attendu.' }).regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Fin de la trêve : un jour MM-JJ est attendu (par exemple 03-31).' }),
    },
    { message: 'Trêve hivernale : un début et une fin (MM-JJ) sont attendus.' },
  ),
  concertation_delais: z
    .strictObject(
      {
        rassemblement_min_hours: positiveInt('Début du rassemblement des éléments (heures)'),
        rassemblement_max_hours: positiveInt('Fin du rassemblement des éléments (heures)'),
        reunion_max_days: positiveInt('Réunion de l’instance après la saisine (jours)'),
      },
      { message: 'Délais : trois nombres entiers sont attendus.' },
    )
    .refine((v) => v.rassemblement_min_hours <= v.rassemblement_max_hours, { path: ['rassemblement_max_hours'], message: 'Fin du rassemblement : doit être au moins égale à son début.' }),
  protection_delais: z.strictObject({ ip_evaluation_months: positiveInt('Évaluation d’une information préoccupante (mois)') }, { message: 'Délai : un nombre de mois est attendu.' }),
};

/** A problem of an entry, with the path of its field (`value.tranches.2.upTo_cents`, `from`, `source`). */
export interface EntryProblem {
  path: string;
  message: string;
}

/** The value's problems for its parameter (empty when it is valid), each named in French with its path. */
export function valueProblems(id: ParameterId, value: unknown): EntryProblem[] {
  const r = VALUE_SCHEMAS[id].safeParse(value);
  if (r.success) return [];
  const seen = new Set<string>();
  const out: EntryProblem[] = [];
  for (const issue of r.error.issues) {
    const path = ['value', ...issue.path.map(String)].join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const message = issue.code === 'unrecognized_keys' ? `Champ${issue.keys.length > 1 ? 's' : ''} inconnu${issue.keys.length > 1 ? 's' : ''} : ${issue.keys.map((k) => `« ${k.slice(0, 40)} »`).join(', ')} ; retirez-le${issue.keys.length > 1 ? 's' : ''} (voir les fichiers de resources/parameters/).` : issue.message;
    out.push({ path, message });
  }
  return out;
}

/** An entry added by an administrator, kept in the encrypted store (never edited nor deleted). */
export interface AddedEntry<V = unknown> extends ParameterEntry<V> {
  /** Its row, in the order of addition. */
  seq: number;
  addedBy: { id: number; displayName: string } | null;
  addedAt: string;
}

/**
 * A parameter's entries once the added ones are taken in: an added entry with the same `from`
 * as another (a file's, or an earlier added one) replaces it; the replaced one stays in history.
 */
export function effectiveEntries<V>(p: Parameter<V>, added: readonly AddedEntry<V>[]): ParameterEntry<V>[] {
  const byFrom = new Map<string, ParameterEntry<V>>();
  for (const e of p.entries) byFrom.set(e.from, e);
  for (const e of [...added].sort((a, b) => a.seq - b.seq)) byFrom.set(e.from, { from: e.from, value: e.value, source: e.source });
  return [...byFrom.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/** The lookup on the files plus the added entries `addedOf(id)` gives (the app's, src-main/store/parameters.ts). */
export function lookupWith(addedOf: (id: ParameterId) => readonly AddedEntry[]): ParameterLookup {
  return (id, day) => {
    const p = parameterDefinition(id);
    return entryInForce(p, effectiveEntries(p, addedOf(id) as AddedEntry<ValueOf<typeof id>>[]), day);
  };
}

/**
 * Where a new entry may go: later than every known entry of the parameter (the next value), or
 * on the very day of a known entry, which it then replaces (a correction, the replaced entry
 * kept in history). An entry dated between two known ones is refused: it would change silently
 * what was computed between them.
 */
export function fromProblem(p: Parameter<unknown>, known: readonly ParameterEntry<unknown>[], from: string): string | null {
  if (known.some((e) => e.from === from)) return null;
  const latest = [...known].sort((a, b) => b.from.localeCompare(a.from))[0];
  if (latest && from < latest.from) {
    return `En vigueur à partir du : la date doit être postérieure à la dernière valeur connue de « ${p.label} » (${frDate(latest.from)}), ou égale à la date d’une valeur existante pour la remplacer.`;
  }
  return null;
}
