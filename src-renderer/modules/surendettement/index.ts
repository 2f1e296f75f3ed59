/** What other screen modules may use of the overindebtedness files: the front desk's « a file exists » line. */
export { FileExists } from './FileExists';
