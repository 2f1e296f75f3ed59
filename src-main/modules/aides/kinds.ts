/**
 * The lists of the aides financières (DOMAIN §4), declared once: the règlement's schema, the
 * contract, the engine and the renderer's forms all read them. Pure data, no import: the
 * renderer may take it at run time.
 */
export const NATURES = [
  'alimentaire',
  'energie',
  'eau',
  'loyer_maintien',
  'assurance',
  'mobilite',
  'sante',
  'scolarite',
  'loisirs_vacances',
  'equipement',
  'autre',
] as const;
export const HOUSEHOLD_TYPES = ['personne_seule', 'couple', 'famille_monoparentale', 'couple_avec_enfants'] as const;
export const PAYMENT_MODES = ['virement_beneficiaire', 'virement_tiers', 'cheques_accompagnement'] as const;
/** Who is paid: the beneficiary, or a third party (virement à un tiers). */
export const PAYEE_KINDS = ['beneficiaire', 'bailleur', 'fournisseur_energie', 'fournisseur_eau', 'etablissement', 'autre_tiers'] as const;
export const AID_STATUSES = ['brouillon', 'soumise', 'a_valider', 'en_commission', 'accordee', 'refusee', 'ajournee', 'classee_sans_suite'] as const;
/** A decision, and who takes it: a responsable, or the commission. */
export const DECISIONS = ['accordee', 'refusee', 'ajournee'] as const;
export const DECISION_BODIES = ['responsable', 'commission'] as const;
/** A commission session: planned, then held (its decisions recorded). */
export const COMMISSION_STATUSES = ['prevue', 'tenue'] as const;
export const OUTCOMES_BAREME = ['dans_bareme', 'hors_bareme', 'non_conforme'] as const;
/** Who decides after submission: a responsable alone (validation) or the commission. */
export const ROUTES = ['validation', 'commission'] as const;
/** Where a request comes from: the social worker's own follow-up, or a partner who referred it. */
export const ORIGINS = ['dsu', 'partenaire'] as const;
/** A version of the règlement: imported (and editable), in force from its date, withdrawn. */
export const REGLEMENT_STATUSES = ['brouillon', 'actif', 'retire'] as const;
export const AID_ACTIONS = ['submit', 'recall', 'take', 'grant', 'refuse', 'adjourn', 'toCommission', 'classify', 'appeal'] as const;

export type Nature = (typeof NATURES)[number];
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];
export type PaymentMode = (typeof PAYMENT_MODES)[number];
export type PayeeKind = (typeof PAYEE_KINDS)[number];
export type AidStatus = (typeof AID_STATUSES)[number];
export type Decision = (typeof DECISIONS)[number];
export type DecisionBody = (typeof DECISION_BODIES)[number];
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];
export type OutcomeBareme = (typeof OUTCOMES_BAREME)[number];
export type Route = (typeof ROUTES)[number];
export type ReglementStatus = (typeof REGLEMENT_STATUSES)[number];

/** The natures' French names, for the sentences and documents the main process writes (the screens read fr.json/en.json). */
export const NATURE_LABELS: Record<Nature, string> = {
  alimentaire: 'alimentaire',
  energie: 'énergie',
  eau: 'eau',
  loyer_maintien: 'loyer / maintien dans le logement',
  assurance: 'assurance',
  mobilite: 'mobilité',
  sante: 'santé',
  scolarite: 'scolarité',
  loisirs_vacances: 'loisirs / vacances',
  equipement: 'équipement',
  autre: 'autre',
};
export const natureLabel = (code: string): string => NATURE_LABELS[code as Nature] ?? code;
