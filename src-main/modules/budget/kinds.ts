/**
 * The kinds of monthly resources and charges of the budget diagnosis (DOMAIN §4.3), listed
 * once: the contract's schemas and the renderer's forms both read them. Pure data, no
 * import: the renderer may take it at run time.
 */
export const RESOURCE_KINDS = [
  'salaires',
  'salaire_enfant',
  'rsa',
  'prime_activite',
  'aah',
  'are',
  'pensions_retraite',
  'prestations_familiales',
  'aeeh',
  'allocation_rentree_scolaire',
  'apl_al',
  'pension_alimentaire_recue',
  'autres_ressources',
] as const;
export const CHARGE_KINDS = [
  'loyer',
  'energie',
  'eau',
  'assurances',
  'telephone_internet',
  'transport',
  'mutuelle',
  'credits',
  'pension_alimentaire_versee',
  'frais_garde',
  'impots',
  'autres_charges',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type ChargeKind = (typeof CHARGE_KINDS)[number];

