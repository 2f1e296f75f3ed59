/**
 * Who may do what to an aid request, and from which status (DOMAIN §4.4, §1). One table,
 * used both to enforce (`checkAction`) and to tell the screen which buttons to show
 * (`allowedActions`). Nobody validates their own request: the author (who created or
 * submitted it) can never take, grant, refuse, adjourn, send to the commission or record
 * the commission's decision, whatever roles they hold.
 */
import { PasseurError } from '../../shared/errors';
import type { AidAction, AidStatus } from './contract';

export type Who = 'instructeur' | 'responsable' | 'either';
interface Transition {
  from: readonly AidStatus[];
  who: Who;
  notAuthor: boolean;
}

export const TRANSITIONS: Record<AidAction, Transition> = {
  submit: { from: ['brouillon', 'ajournee'], who: 'instructeur', notAuthor: false },
  recall: { from: ['soumise'], who: 'instructeur', notAuthor: false },
  take: { from: ['soumise'], who: 'responsable', notAuthor: true },
  grant: { from: ['a_valider'], who: 'responsable', notAuthor: true },
  refuse: { from: ['a_valider'], who: 'responsable', notAuthor: true },
  adjourn: { from: ['a_valider'], who: 'responsable', notAuthor: true },
  toCommission: { from: ['a_valider'], who: 'responsable', notAuthor: true },
  decide: { from: ['en_commission'], who: 'responsable', notAuthor: true },
  classify: { from: ['brouillon', 'soumise', 'a_valider', 'ajournee', 'en_commission'], who: 'either', notAuthor: false },
  appeal: { from: ['refusee', 'accordee'], who: 'either', notAuthor: false },
};

export interface Actor {
  userId: number;
  /** Holds the ASS or CESF role and may write in the request's DSU. */
  instructs: boolean;
  responsable: boolean;
}
export interface RequestFacts {
  status: AidStatus;
  createdBy: number;
  submittedBy: number | null;
}

export const isAuthor = (r: RequestFacts, a: Actor) => r.createdBy === a.userId || r.submittedBy === a.userId;

/** French words of each status (lower case, as in a sentence). */
export const STATUS_FR: Record<AidStatus, string> = {
  brouillon: 'en brouillon',
  soumise: 'soumise',
  a_valider: 'à valider',
  en_commission: 'en commission',
  accordee: 'accordée',
  refusee: 'refusée',
  ajournee: 'ajournée',
  classee_sans_suite: 'classée sans suite',
};
const ACTION_FR: Record<AidAction, string> = {
  submit: 'la soumettre',
  recall: 'la reprendre en brouillon',
  take: 'la prendre en charge',
  grant: 'l’accorder',
  refuse: 'la refuser',
  adjourn: 'l’ajourner',
  toCommission: 'l’envoyer en commission',
  decide: 'enregistrer la décision de la commission',
  classify: 'la classer sans suite',
  appeal: 'enregistrer un recours gracieux',
};

/** Why the actor may not do it, in French; null when allowed. */
export function refusal(action: AidAction, r: RequestFacts, a: Actor): { code: 'forbidden' | 'conflict'; message: string } | null {
  const t = TRANSITIONS[action];
  const byRole = t.who === 'instructeur' ? a.instructs : t.who === 'responsable' ? a.responsable : a.instructs || a.responsable;
  if (!byRole) {
    const who =
      t.who === 'instructeur'
        ? 'l’assistant(e) de service social ou la CESF qui instruit le dossier'
        : t.who === 'responsable'
          ? 'un ou une responsable'
          : 'la personne qui instruit le dossier ou un ou une responsable';
    return { code: 'forbidden', message: `Seul(e) ${who} peut ${ACTION_FR[action]}.` };
  }
  if (t.notAuthor && isAuthor(r, a)) {
    return { code: 'forbidden', message: `Vous avez instruit cette demande : un ou une autre responsable doit ${ACTION_FR[action]} (personne ne valide sa propre demande).` };
  }
  if (!t.from.includes(r.status)) {
    return { code: 'conflict', message: `Cette demande est ${STATUS_FR[r.status]} : il n’est plus possible de ${ACTION_FR[action]}. Rechargez-la pour voir son état.` };
  }
  return null;
}

export function checkAction(action: AidAction, r: RequestFacts, a: Actor): void {
  const no = refusal(action, r, a);
  if (no) throw new PasseurError(no.code, no.message);
}

export function allowedActions(r: RequestFacts, a: Actor): AidAction[] {
  return (Object.keys(TRANSITIONS) as AidAction[]).filter((k) => refusal(k, r, a) === null);
}

/**
 * Out of the barème or above the delegation (route `commission`), the responsable gives her
 * opinion and sends the request to the commission; she refuses it alone only where the
 * règlement's dispositif says so (`refusAutonome`). Why she may not, in French; null when she may.
 */
export function refusalAlone(route: 'validation' | 'commission' | null, refusAutonome: boolean): string | null {
  if (route !== 'commission' || refusAutonome) return null;
  return 'Cette demande est hors barème ou au-delà de la délégation : le règlement ne permet pas au responsable de la refuser seul. Donnez votre avis (favorable ou défavorable, motivé) et transmettez-la à la commission, qui décide.';
}
