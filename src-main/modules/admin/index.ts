/** What other modules may use of admin: the site, its territory and its settings. */
export { getIdleLockMinutes, listCommunes, siteRow } from './repo';
