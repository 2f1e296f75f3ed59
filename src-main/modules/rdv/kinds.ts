/** The appointments' kinds and statuses (DOMAIN §7) for the renderer's forms; declared once, in api/kinds-accueil.ts. */
export { RDV_KINDS, RDV_STATUSES } from '../../api/kinds-accueil';
