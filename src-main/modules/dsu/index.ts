/** What other modules may use of the DSU: opening one, its access rules, its journal and last contact. */
export { accessOf, dsuOr404, requireDsu, requireSocialWorker } from './access';
export { label } from './labels';
export { openDsuFor } from './opening';
export { consents, dsuOfHousehold, getConsent, insertEntry, touchLastContact, type DsuRow } from './repo';
