/** What other modules may use of the overindebtedness files: nothing yet beyond the registry's entry. */
export { surendettementModule } from './module';
