/**
 * The DSU's lists (DOMAIN §3) for the renderer's forms: journal types, fields of intervention,
 * statuses, closing reasons, document kinds, forms of consent. Declared once, in
 * api/kinds-accueil.ts (the persons' and the front desk's contracts read them too); pure data.
 */
export { CLOSE_REASONS, CONSENT_FORMS, DOCUMENT_KINDS, DSU_STATUSES, FIELDS, JOURNAL_TYPES } from '../../api/kinds-accueil';
