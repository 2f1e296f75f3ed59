/**
 * The concertation instance's lists (DOMAIN §9), declared once: the contract's schemas, the
 * migration's checks and the renderer's forms all read them. Pure data, no import.
 */

/** The kinds of elements a referral may share, each declared at the referral as needed for its purpose. */
export const ELEMENT_KINDS = ['composition_familiale', 'logement', 'ressources_budget', 'scolarite_enfance', 'sante', 'emploi_insertion', 'justice', 'accompagnements_en_cours', 'autre'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** A permanent member of the instance (the site's setting) or an associated one (named for a referral). */
export const MEMBER_KINDS = ['permanent', 'associe'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** A referral: seized, the meeting held, closed (its synthesis written in the DSU's journal). */
export const REFERRAL_STATUSES = ['saisie', 'reunie', 'close'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** French names, for the documents the main process writes (the screens take theirs from i18n). */
export const ELEMENT_LABELS_FR: Record<ElementKind, string> = {
  composition_familiale: 'Composition familiale',
  logement: 'Logement',
  ressources_budget: 'Ressources et budget',
  scolarite_enfance: 'Scolarité, enfance',
  sante: 'Santé',
  emploi_insertion: 'Emploi, insertion',
  justice: 'Justice',
  accompagnements_en_cours: 'Accompagnements en cours',
  autre: 'Autre',
};

/** The words the consent's recipient must contain for the sharing to be with the instance. */
export const INSTANCE_WORDS = 'instance de concertation';
