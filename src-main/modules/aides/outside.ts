/**
 * What this module takes from other modules, in one place: the DSU and its access rules, the
 * persons and households, the site. When those modules expose an index.ts, only this file
 * changes. (The SQL reading their tables is in `repo.ts`, at its end.)
 */
export { siteLogo, sitePostal, siteRow } from '../admin';
export { sessionOf } from '../../api/app';
export { accessOf, dsuOr404, getConsent, requireDsu, type DsuRow } from '../dsu';
export { getPerson, householdOf } from '../persons';
