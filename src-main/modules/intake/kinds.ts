/** The premier accueil's contact modes and outcomes (DOMAIN §2) for the renderer's forms; declared once, in api/kinds-accueil.ts. */
export { CONTACT_MODES, OUTCOMES } from '../../api/kinds-accueil';
