/** French labels of the DSU's codes, for documents produced by the main process (PDF). */
export const LABELS: Record<string, string> = {
  actif: 'Actif',
  clos: 'Clos',
  archive: 'Archivé',
  objectifs_atteints: 'Objectifs atteints',
  demenagement: 'Déménagement',
  fin_de_demande: 'Fin de demande',
  reorientation: 'Réorientation',
  deces: 'Décès',
  sans_nouvelles: 'Sans nouvelles',
  entretien_bureau: 'Entretien au bureau',
  entretien_telephonique: 'Entretien téléphonique',
  vad: 'Visite à domicile',
  accompagnement_physique: 'Accompagnement physique',
  permanence_delocalisee: 'Permanence délocalisée',
  courrier_courriel: 'Courrier / courriel',
  note_sociale: 'Note sociale',
  instance_synthese: 'Instance / synthèse',
  acces_aux_droits: 'Accès aux droits',
  logement_hebergement: 'Logement / hébergement',
  insertion: 'Insertion sociale et professionnelle',
  budget: 'Budget',
  enfance: 'Prévention et protection de l’enfance',
  personnes_agees_handicapees: 'Personnes âgées / handicapées',
  sante: 'Santé',
  justificatif: 'Justificatif',
  courrier: 'Courrier',
  rapport: 'Rapport',
  autre: 'Autre',
  ecrit: 'Écrit',
  electronique: 'Électronique',
  oral_trace: 'Oral tracé',
  telephone: 'Téléphone',
  presentiel: 'Présentiel',
  courriel: 'Courriel',
  partenaire: 'Orienté par un partenaire',
  information: 'Information donnée',
  orientation: 'Orientation vers un partenaire',
  rdv: 'Rendez-vous pris',
  dsu: 'DSU ouvert ou déjà ouvert',
  premier_accueil_telephonique: 'Premier accueil téléphonique',
  premier_accueil_presentiel: 'Premier accueil physique',
  accompagnement_presentiel: 'Accompagnement au bureau',
  permanence: 'Permanence',
  prevu: 'Prévu',
  honore: 'Honoré',
  absent: 'Absent',
  annule: 'Annulé',
};

export const label = (code: string | null | undefined) => (code ? (LABELS[code] ?? code) : '');

/** A member's place in the household, agreed with the person's civility (« Demandeuse »). */
const ROLES: Record<string, [string, string, string]> = {
  demandeur: ['Demandeur', 'Demandeuse', 'Demandeur ou demandeuse'],
  conjoint: ['Conjoint', 'Conjointe', 'Conjoint ou conjointe'],
  enfant: ['Enfant à charge', 'Enfant à charge', 'Enfant à charge'],
  autre: ['Autre personne au foyer', 'Autre personne au foyer', 'Autre personne au foyer'],
};
export function roleLabel(role: string | null | undefined, sex: string): string {
  const r = role ? ROLES[role] : undefined;
  if (!r) return 'Membre du foyer';
  return sex === 'M' ? r[0] : sex === 'F' ? r[1] : r[2];
}

export { frDate } from '../../shared/time';
