/**
 * The DSU's lists (DOMAIN §3) for the renderer's forms: journal types, fields of intervention,
 * statuses, closing reasons, document kinds, forms of consent. Declared once, in
 * api/kinds-accueil.ts (the persons' and the front desk's contracts read them too); pure data.
 */
export { CLOSE_REASONS, CONSENT_FORMS, DOCUMENT_KINDS, DSU_STATUSES, FIELDS, JOURNAL_TYPES } from '../../api/kinds-accueil';

/*
 * The household's situation (DOMAIN §3): the lists of its dated record, read by the contract,
 * the export and the screens (French labels in `situation.*` of the i18n files, and in
 * SITUATION_LABELS_FR below for documents the main process writes).
 */

/** Housing status of the household. */
export const HOUSING_STATUSES = [
  'locataire_social',
  'locataire_prive',
  'proprietaire',
  'accedant',
  'heberge_tiers',
  'hebergement_urgence',
  'residence_sociale',
  'habitat_precaire',
  'sans_domicile',
  'autre',
] as const;

/** Activity of an adult of the household. */
export const ACTIVITIES = ['emploi_durable', 'emploi_precaire', 'independant', 'recherche_emploi', 'formation', 'retraite', 'invalidite', 'sans_activite', 'etudiant'] as const;

/**
 * Accompaniment of a RSA beneficiary (CASF L262-27 s.): the contract signed with the
 * référent — CER (contrat d'engagement réciproque, social or socio-professional path) or PPAE
 * (projet personnalisé d'accès à l'emploi, with France Travail).
 */
export const INSERTION_CONTRACTS = ['aucun', 'cer', 'ppae'] as const;

/** Health cover of a member. */
export const HEALTH_COVERS = ['securite_sociale_mutuelle', 'securite_sociale_seule', 'css', 'css_participation', 'ame', 'aucune'] as const;

/** The organism paying the family benefits. */
export const BENEFIT_ORGANISMS = ['caf', 'msa'] as const;

/** Measures in place for the household or one of its members. */
export const MEASURES = ['masp', 'aeb', 'maj', 'sauvegarde_justice', 'curatelle', 'curatelle_renforcee', 'tutelle', 'mjagbf', 'aed', 'aemo', 'tisf', 'placement'] as const;

/** The sections of the situation, in the order they are shown; a new version says which changed. */
export const SITUATION_SECTIONS = ['logement', 'budget', 'insertion', 'sante', 'allocataire', 'mesures', 'referentParcours', 'note'] as const;

export type HousingStatus = (typeof HOUSING_STATUSES)[number];
export type Activity = (typeof ACTIVITIES)[number];
export type InsertionContract = (typeof INSERTION_CONTRACTS)[number];
export type HealthCover = (typeof HEALTH_COVERS)[number];
export type Measure = (typeof MEASURES)[number];
export type SituationSection = (typeof SITUATION_SECTIONS)[number];

/** French labels for the documents the main process writes (exports); the screens read `situation.*` (a test keeps them equal). */
export const SITUATION_LABELS_FR: Record<HousingStatus | Activity | InsertionContract | HealthCover | Measure | SituationSection | (typeof BENEFIT_ORGANISMS)[number], string> = {
  locataire_social: 'Locataire du parc social',
  locataire_prive: 'Locataire du parc privé',
  proprietaire: 'Propriétaire',
  accedant: 'Accédant à la propriété',
  heberge_tiers: 'Hébergé par un tiers',
  hebergement_urgence: 'Hébergement d’urgence (CHRS, hôtel)',
  residence_sociale: 'Résidence sociale, foyer',
  habitat_precaire: 'Habitat précaire (caravane, squat)',
  sans_domicile: 'Sans domicile',
  autre: 'Autre',
  emploi_durable: 'Emploi durable (CDI, titulaire)',
  emploi_precaire: 'Emploi précaire (CDD, intérim)',
  independant: 'Travailleur indépendant',
  recherche_emploi: 'En recherche d’emploi',
  formation: 'En formation',
  retraite: 'Retraité',
  invalidite: 'Invalidité, inaptitude',
  sans_activite: 'Sans activité',
  etudiant: 'Étudiant',
  aucun: 'Aucun',
  cer: 'CER (contrat d’engagement réciproque)',
  ppae: 'PPAE (projet personnalisé d’accès à l’emploi)',
  securite_sociale_mutuelle: 'Assurance maladie et complémentaire',
  securite_sociale_seule: 'Assurance maladie sans complémentaire',
  css: 'Complémentaire santé solidaire (gratuite)',
  css_participation: 'Complémentaire santé solidaire (avec participation)',
  ame: 'Aide médicale de l’État (AME)',
  aucune: 'Aucune couverture',
  caf: 'CAF',
  msa: 'MSA',
  masp: 'MASP (mesure d’accompagnement social personnalisé)',
  aeb: 'AEB (accompagnement éducatif budgétaire)',
  maj: 'MAJ (mesure d’accompagnement judiciaire)',
  sauvegarde_justice: 'Sauvegarde de justice',
  curatelle: 'Curatelle',
  curatelle_renforcee: 'Curatelle renforcée',
  tutelle: 'Tutelle',
  mjagbf: 'MJAGBF (aide à la gestion du budget familial)',
  aed: 'AED (aide éducative à domicile)',
  aemo: 'AEMO (action éducative en milieu ouvert)',
  tisf: 'TISF (technicien·ne de l’intervention sociale et familiale)',
  placement: 'Accueil ou placement d’un enfant',
  logement: 'Logement',
  budget: 'Ressources et budget',
  insertion: 'Emploi et insertion',
  sante: 'Couverture santé',
  allocataire: 'CAF / MSA',
  referentParcours: 'Référent de parcours',
  mesures: 'Mesures en place',
  note: 'Synthèse',
};
