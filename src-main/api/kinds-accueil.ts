/**
 * The lists of the front desk and the DSU (DOMAIN §2, §3, §7), declared once: the contract's
 * schemas read them, and so may the renderer's forms (pure data, no import). They move into
 * their modules' kinds.ts with the per-module contracts.
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
