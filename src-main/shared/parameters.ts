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
};
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
type ValueOf<P extends ParameterId> = (typeof PARAMETERS)[P] extends Parameter<infer V> ? V : never;

export function inForce<P extends ParameterId>(id: P, day: string): ParameterEntry<ValueOf<P>> {
  const p = PARAMETERS[id] as Parameter<ValueOf<P>>;
  const candidates = p.entries.filter((e) => e.from <= day).sort((a, b) => b.from.localeCompare(a.from));
  const entry = candidates[0];
  if (!entry) {
    throw new PasseurError('invalid_input', `Paramètre « ${p.label} » : aucune valeur connue au ${frDate(day)} (première valeur au ${frDate(p.entries[0]?.from) || '—'}).`);
  }
  return entry;
}
