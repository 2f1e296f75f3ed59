/** What other screen modules may use of the eviction prevention cases: the front desk's « a case exists » line. */
export { CaseExists } from './CaseExists';
