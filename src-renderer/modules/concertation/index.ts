/** What other screen modules may use of the concertation instance: nothing beyond its registry entry. */
export { concertationUi } from './module';
