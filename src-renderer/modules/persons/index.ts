/** Persons on the screen: the form, the card and the search as you type, for every module. */
export { PersonForm } from './PersonForm';
export { PersonCardView } from './PersonCardView';
export { usePersonSearch } from './usePersonSearch';
export { PonctuelsRetention } from './PonctuelsRetention';
export { AccessExportButton } from './AccessExportButton';
export { matchReasonText, type MatchReason } from './matchReason';
