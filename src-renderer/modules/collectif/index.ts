/** What other screen modules may use of collective actions: nothing yet beyond the registry's entry. */
export { collectifUi } from './module';
