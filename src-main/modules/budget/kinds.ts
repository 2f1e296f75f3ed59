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

/** French names of the kinds, for documents the main process writes (the person's export);
 *  the screens take theirs from the renderer's i18n (`budget.kinds.*`), checked equal by a test. */
export const KIND_LABELS_FR: Record<(typeof RESOURCE_KINDS)[number] | (typeof CHARGE_KINDS)[number], string> = {
  salaires: 'Salaires',
  salaire_enfant: 'Salaire d’un enfant',
  rsa: 'RSA',
  prime_activite: 'Prime d’activité',
  aah: 'AAH',
  are: 'ARE (chômage)',
  pensions_retraite: 'Pensions de retraite',
  prestations_familiales: 'Prestations familiales',
  aeeh: 'AEEH',
  allocation_rentree_scolaire: 'Allocation de rentrée scolaire',
  apl_al: 'APL / AL',
  pension_alimentaire_recue: 'Pension alimentaire reçue',
  autres_ressources: 'Autres ressources',
  loyer: 'Loyer',
  energie: 'Énergie',
  eau: 'Eau',
  assurances: 'Assurances',
  telephone_internet: 'Téléphone / internet',
  transport: 'Transport',
  mutuelle: 'Mutuelle',
  credits: 'Crédits',
  pension_alimentaire_versee: 'Pension alimentaire versée',
  frais_garde: 'Frais de garde',
  impots: 'Impôts',
  autres_charges: 'Autres charges',
};
