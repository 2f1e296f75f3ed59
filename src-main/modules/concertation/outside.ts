/**
 * What this module takes from other modules, in one place: the DSU, its access rules, its
 * consents and its journal; the persons' names; the site (for documents).
 */
export { sessionOf } from '../../api/app';
export { requireDsu, dsuOr404, consents, getConsent, insertEntry, touchLastContact, type DsuRow } from '../dsu';
export { shortName } from '../persons';
export { siteRow } from '../admin';
