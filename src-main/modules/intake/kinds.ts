/**
 * The premier accueil's lists (DOMAIN §2) for the renderer's forms: contact modes, outcomes,
 * and the roles in a household given when a person is registered at the front desk. Declared
 * once, in api/kinds-accueil.ts (the persons', the front desk's and the DSU's contracts read
 * them too); pure data.
 */
export { CONTACT_MODES, HOUSEHOLD_ROLES, OUTCOMES } from '../../api/kinds-accueil';
