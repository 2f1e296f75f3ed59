/**
 * Legal parameters as dated data (DOMAIN §8): each lives in `resources/parameters/` with its
 * entries (in force from a date, a value, the source). A computation takes the entry in force
 * on the relevant day; a day before the first entry is an explicit error, never a fallback.
 */
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
