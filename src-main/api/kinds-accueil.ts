/**
 * The lists of the front desk, the persons, the DSU and the appointments (DOMAIN §2, §3, §7),
 * declared once. They live here, outside any module, because several modules' contracts read
 * the same list (household roles: persons and the aid engine; fields of intervention: DSU and
 * appointments; contact modes and outcomes: front desk and DSU; DSU statuses: DSU and persons)
 * and a module reaches another only through its index.ts. Pure data, no import: each module's
 * kinds.ts (intake, dsu, rdv) re-exports the lists its screens need, and the renderer imports
 * them from there, never writing them again (src-renderer/modules/lists.test.ts).
 */
export const HOUSEHOLD_ROLES = ['demandeur', 'conjoint', 'enfant', 'autre'] as const;
export const CONTACT_MODES = ['telephone', 'presentiel', 'courriel', 'courrier', 'partenaire'] as const;
export const OUTCOMES = ['information', 'orientation', 'rdv', 'dsu'] as const;
export const RDV_KINDS = ['premier_accueil_telephonique', 'premier_accueil_presentiel', 'accompagnement_presentiel', 'vad', 'permanence'] as const;
export const RDV_STATUSES = ['prevu', 'honore', 'absent', 'annule'] as const;
export const JOURNAL_TYPES = [
  'entretien_bureau',
  'entretien_telephonique',
  'vad',
  'accompagnement_physique',
  'permanence_delocalisee',
  'courrier_courriel',
  'note_sociale',
  'instance_synthese',
] as const;
/** The seed's table of interventions by field ("tableau des interventions par champs"). */
export const FIELDS = ['acces_aux_droits', 'logement_hebergement', 'insertion', 'budget', 'enfance', 'personnes_agees_handicapees', 'sante'] as const;
export const DSU_STATUSES = ['actif', 'clos', 'archive'] as const;
export const CLOSE_REASONS = ['objectifs_atteints', 'demenagement', 'fin_de_demande', 'reorientation', 'deces', 'sans_nouvelles'] as const;
export const DOCUMENT_KINDS = ['justificatif', 'courrier', 'rapport', 'autre'] as const;
export const CONSENT_FORMS = ['ecrit', 'electronique', 'oral_trace'] as const;
