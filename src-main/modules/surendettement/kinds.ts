/**
 * The overindebtedness files' lists (DOMAIN §5), declared once: the contract's schemas, the
 * migration's checks and the renderer's forms all read them. Pure data, no import.
 */
export const DEBT_NATURES = ['credit_consommation', 'credit_immobilier', 'dette_locative', 'energie_eau', 'fiscale', 'decouvert_bancaire', 'autre'] as const;
export type DebtNature = (typeof DEBT_NATURES)[number];

/** Proceedings under way on a debt: none, litigation (a court case), enforcement (saisie, huissier). */
export const PROCEEDINGS = ['aucune', 'contentieux', 'execution'] as const;

export const STAGE_KINDS = ['depot', 'recevabilite', 'orientation', 'mesures_imposees', 'plan_conventionnel', 'audience', 'cloture', 'redepot'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const RECEVABILITE_DECISIONS = ['recevable', 'irrecevable'] as const;
/** The commission's orientation (L724-1, L732-1, L733-1, L741-1). */
export const ORIENTATIONS = ['plan_conventionnel', 'mesures_imposees', 'rp_sans_liquidation', 'rp_avec_liquidation'] as const;

export const ASSET_KINDS = ['immobilier', 'vehicule', 'epargne', 'autre'] as const;

export const FILE_STATUSES = ['ouvert', 'clos'] as const;

/** French names, for the documents the main process writes (the screens take theirs from i18n). */
export const NATURE_LABELS_FR: Record<DebtNature, string> = {
  credit_consommation: 'Crédit à la consommation',
  credit_immobilier: 'Crédit immobilier',
  dette_locative: 'Dette locative',
  energie_eau: 'Énergie, eau',
  fiscale: 'Dette fiscale',
  decouvert_bancaire: 'Découvert bancaire',
  autre: 'Autre',
};
export const STAGE_LABELS_FR: Record<StageKind, string> = {
  depot: 'Dépôt du dossier',
  recevabilite: 'Recevabilité',
  orientation: 'Orientation',
  mesures_imposees: 'Mesures imposées',
  plan_conventionnel: 'Plan conventionnel',
  audience: 'Audience',
  cloture: 'Clôture',
  redepot: 'Redépôt',
};
export const PROCEEDINGS_LABELS_FR: Record<(typeof PROCEEDINGS)[number], string> = { aucune: 'Aucune', contentieux: 'Contentieux', execution: 'Exécution forcée' };
