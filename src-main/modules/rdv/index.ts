/** What other modules may use of appointments: booking one, a household's list. */
export { book } from './booking';
export { forHousehold } from './repo';
