/** What other modules may use of the eviction prevention cases: nothing yet beyond the registry's entry. */
export { expulsionsModule } from './module';
