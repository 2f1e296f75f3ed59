/** The budget diagnosis (DOMAIN §4.3), shared by aid requests and, next, overindebtedness files. */
export { budgetSchema, sumOf, threeMonths, CHARGE_KINDS, RESOURCE_KINDS, type Budget, type ChargeKind, type ResourceKind, type ResourceLine } from './contract';
export { KIND_LABELS_FR } from './kinds';
