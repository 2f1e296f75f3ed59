/** What other modules may use of admin: the site, its territory and its settings. */
export { getIdleLockMinutes, listCommunes, noticeDays, siteLogo, sitePostal, siteRow } from './repo';
