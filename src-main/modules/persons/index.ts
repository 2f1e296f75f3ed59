/** What other modules may use of persons: finding a person or a household, names, referents. */
export { personOr404 } from './lookup';
export { communeExists, dsuRefOfHousehold, getPerson, householdExists, householdOf, proposedReferents, shortName, type PersonRow } from './repo';
export { fold } from './rules';
