/** The appointments' kinds and statuses (DOMAIN §7) for the renderer's forms; declared once, in api/kinds-accueil.ts. */
export { RDV_KINDS, RDV_STATUSES } from '../../api/kinds-accueil';

/** Why an appointment is cancelled (a free text may complete it). */
export const CANCEL_REASONS = ['demande_personne', 'indisponibilite_professionnel', 'fermeture_site', 'erreur_saisie', 'autre'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
