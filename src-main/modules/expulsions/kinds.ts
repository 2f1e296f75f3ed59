/**
 * The eviction cases' lists (DOMAIN §6), declared once and free of any import: the pure rules,
 * the contract, the migration's checks and the renderer all read them.
 */
export type EvictionStageKind =
  | 'impayes'
  | 'signalement_ccapex'
  | 'commandement_payer'
  | 'assignation'
  | 'diagnostic_social_financier'
  | 'audience'
  | 'jugement'
  | 'commandement_quitter_lieux'
  | 'demande_concours_force_publique'
  | 'enquete_cfp'
  | 'passage_ccapex'
  | 'decision_prefet'
  | 'expulsion'
  | 'issue';

export const EVICTION_STAGE_KINDS: readonly EvictionStageKind[] = [
  'impayes',
  'signalement_ccapex',
  'commandement_payer',
  'assignation',
  'diagnostic_social_financier',
  'audience',
  'jugement',
  'commandement_quitter_lieux',
  'demande_concours_force_publique',
  'enquete_cfp',
  'passage_ccapex',
  'decision_prefet',
  'expulsion',
  'issue',
];

/** Each stage in French, as screens and sentences name it. */
export const EVICTION_STAGE_LABELS: Record<EvictionStageKind, string> = {
  impayes: 'début des impayés',
  signalement_ccapex: 'signalement à la CCAPEX',
  commandement_payer: 'commandement de payer',
  assignation: 'assignation',
  diagnostic_social_financier: 'diagnostic social et financier',
  audience: 'audience',
  jugement: 'jugement',
  commandement_quitter_lieux: 'commandement de quitter les lieux',
  demande_concours_force_publique: 'demande de concours de la force publique',
  enquete_cfp: 'enquête pour le concours de la force publique',
  passage_ccapex: 'passage en CCAPEX',
  decision_prefet: 'décision du préfet',
  expulsion: 'expulsion',
  issue: 'issue de la procédure',
};

export type LandlordKind = 'personne_morale' | 'personne_physique' | 'sci_familiale';
export const LANDLORD_KINDS: readonly LandlordKind[] = ['personne_morale', 'personne_physique', 'sci_familiale'];
export const LANDLORD_LABELS: Record<LandlordKind, string> = {
  personne_morale: 'personne morale (bailleur social, société)',
  personne_physique: 'personne physique',
  sci_familiale: 'SCI familiale',
};


/** How a case ends (DOMAIN §6). */
export const OUTCOMES = ['maintien_apurement', 'fsl', 'protocole_cohesion', 'relogement', 'depart_volontaire', 'expulsion_realisee'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS_FR: Record<Outcome, string> = {
  maintien_apurement: 'maintien dans les lieux avec plan d’apurement',
  fsl: 'maintien avec aide du FSL',
  protocole_cohesion: 'protocole de cohésion sociale',
  relogement: 'relogement',
  depart_volontaire: 'départ volontaire',
  expulsion_realisee: 'expulsion réalisée',
};

export const CASE_STATUSES = ['ouvert', 'clos'] as const;

/** The CCAPEX's opinion on a case at a session (DOMAIN §6). */
export const CCAPEX_AVIS = ['maintien_apurement', 'orientation_fsl', 'relogement', 'accord_concours_force_publique', 'report', 'autre'] as const;
export type CcapexAvis = (typeof CCAPEX_AVIS)[number];
export const CCAPEX_AVIS_LABELS_FR: Record<CcapexAvis, string> = {
  maintien_apurement: 'maintien dans les lieux avec plan d’apurement',
  orientation_fsl: 'orientation vers le FSL',
  relogement: 'relogement',
  accord_concours_force_publique: 'accord du concours de la force publique',
  report: 'examen reporté',
  autre: 'autre avis',
};
