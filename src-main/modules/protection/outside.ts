/** What this module takes from other modules, in one place: the social workers' check, persons' names, the site (for documents). */
export { sessionOf } from '../../api/app';
export { requireSocialWorker } from '../dsu';
export { shortName } from '../persons';
export { siteRow } from '../admin';
