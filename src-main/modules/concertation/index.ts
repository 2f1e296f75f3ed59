/** What other modules may use of the concertation instance: nothing yet beyond the registry's entry. */
export { concertationModule } from './module';
