/**
 * What this module takes from other modules, in one place: the DSU and its access rules, the
 * persons' names, the social workers.
 */
export { sessionOf } from '../../api/app';
export { requireDsu, requireSocialWorker } from '../dsu';
export { shortName } from '../persons';
export { householdOf } from '../persons';
export { siteLogo, sitePostal } from '../admin';
export { findUserById } from '../../store/users';
