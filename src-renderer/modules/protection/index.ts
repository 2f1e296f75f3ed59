/** What other screen modules may use of the protection evaluations: nothing beyond the registry's entry. */
export { protectionUi } from './module';
