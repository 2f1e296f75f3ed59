/** What other modules may use of collective actions: nothing yet beyond the registry's entry. */
export { collectifModule } from './module';
