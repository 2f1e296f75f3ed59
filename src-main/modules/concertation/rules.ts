/**
 * The instance's delays (DOMAIN §9, its charter), pure: from the referral's moment, the window
 * to gather the elements (24 to 72 hours) and the day by which the instance meets (3 days).
 * The figures come from the `concertation_delais` parameter through the lookup given; this file
 * reads no file nor store.
 */
import type { ParameterLookup } from '../../shared/parameters';
import { addDays, frDate, localDay } from '../../shared/time';

export interface Delays {
  /** First day of the window to gather the elements (referral + the minimum hours). */
  gatherFrom: string;
  /** Last day of that window (referral + the maximum hours). */
  gatherBy: string;
  /** The day by which the instance meets (referral day + the maximum days). */
  meetingBy: string;
  source: string;
  /** The parameter's renewal warning, if any. */
  warning: string | null;
}

const HOUR = 3_600_000;

/** The delays of a referral made at `referredAt` (an ISO instant), on the site's local days. */
export function delaysOf(referredAt: string, params: ParameterLookup): Delays {
  const at = new Date(referredAt);
  const day = localDay(at);
  const p = params('concertation_delais', day);
  const v = p.value;
  return {
    gatherFrom: localDay(new Date(at.getTime() + v.rassemblement_min_hours * HOUR)),
    gatherBy: localDay(new Date(at.getTime() + v.rassemblement_max_hours * HOUR)),
    meetingBy: addDays(day, v.reunion_max_days),
    source: p.source,
    warning: p.warning,
  };
}

/**
 * A meeting's day against the delays: a sentence when it falls after the day the instance should
 * have met (a warning, never a refusal), null when within; an explicit error before the referral.
 */
export function meetingCheck(heldOn: string, referredOn: string, delays: Delays): { error: string | null; late: string | null } {
  if (heldOn < referredOn) return { error: `Date de la réunion : le ${frDate(heldOn)} précède la saisine du ${frDate(referredOn)}. Indiquez le jour où l’instance s’est réunie.`, late: null };
  if (heldOn > delays.meetingBy) {
    return { error: null, late: `Réunion tenue le ${frDate(heldOn)}, après le délai de la charte : l’instance devait se réunir au plus tard le ${frDate(delays.meetingBy)}.` };
  }
  return { error: null, late: null };
}

/** The next date to act on for a referral not yet met: the gathering window's end, then the meeting's day. */
export function nextDate(delays: Delays, today: string, elementsShared: number): { kind: 'rassemblement' | 'reunion'; due: string } {
  if (elementsShared === 0 && today <= delays.gatherBy) return { kind: 'rassemblement', due: delays.gatherBy };
  return { kind: 'reunion', due: delays.meetingBy };
}
