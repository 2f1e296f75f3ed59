/** What this module takes from other modules, in one place: the session, the persons. */
export { sessionOf } from '../../api/app';
export { personOr404, shortName } from '../persons';
