/**
 * What this module takes from other modules, in one place: the DSU and its access rules, the
 * persons' names, the social workers, the site (for documents).
 */
export { sessionOf } from '../../api/app';
export { requireDsu, requireSocialWorker, dsuOr404, accessOf, type DsuRow } from '../dsu';
export { shortName, householdOf } from '../persons';
export { siteLogo, sitePostal, siteRow } from '../admin';
