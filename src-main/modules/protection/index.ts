/** What other modules may use of the protection evaluations: nothing beyond the registry's entry. */
export { protectionModule } from './module';
