/**
 * The protection evaluations' lists (DOMAIN §10), declared once: the contract's schemas, the
 * migration's checks, the documents and the renderer's forms read them. Pure data, no import.
 */

/** An information préoccupante (child, CASF L226-3) or an information signalante about an elderly or disabled adult (PA/PH). */
export const KINDS = ['ip', 'is'] as const;
export type Kind = (typeof KINDS)[number];

/** Where the information came from, as a category (never a name: the statistics sheet carries it). */
export const ORIGINS = ['education_nationale', 'sante', 'services_sociaux', 'forces_ordre', 'justice', 'famille', 'personne_elle_meme', 'voisinage', 'appel_119', 'anonyme', 'autre'] as const;
export type Origin = (typeof ORIGINS)[number];

/** How a person is involved: the child (or adult) concerned, another minor living in the home. */
export const PERSON_ROLES = ['concerne', 'autre_mineur'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The team's professionals from outside the app (named, not users): CRIP, PMI, another MDS; for an IS, the infirmière prévention adulte or the référent autonomie. */
export const EXTERNAL_ROLES = ['crip', 'pmi', 'autre_mds', 'infirmiere_prevention_adulte', 'referent_autonomie', 'autre'] as const;
export type ExternalRole = (typeof EXTERNAL_ROLES)[number];
/** With whom the binôme is made, by kind: the CRIP, the PMI or another MDS for a child; the adults' professionals for an IS. */
export const EXTERNAL_ROLES_BY_KIND = {
  ip: ['crip', 'pmi', 'autre_mds', 'autre'],
  is: ['infirmiere_prevention_adulte', 'referent_autonomie', 'autre_mds', 'autre'],
} as const satisfies Record<Kind, readonly ExternalRole[]>;

/** How the holders of parental authority (or the adult) were informed of the evaluation. */
export const INFORMED_HOW = ['courrier', 'entretien', 'telephone', 'visite'] as const;

/** The protected journal's entries (interviews, visits, contacts), held by the module, never in a DSU. */
export const ENTRY_TYPES = ['entretien_bureau', 'vad', 'entretien_telephonique', 'contact_partenaire', 'entretien_enfant', 'synthese'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** The national référentiel's domains (HAS, décret 2022-1728), each a section of the report. */
export const DOMAINS = ['besoins', 'sante_developpement', 'ressources_parentales', 'environnement', 'point_de_vue_enfant', 'point_de_vue_parents'] as const;
export type Domain = (typeof DOMAINS)[number];

/** The danger assessed at the end of the evaluation. */
export const DANGER_LEVELS = ['danger', 'risque_danger', 'pas_de_danger'] as const;
export type DangerLevel = (typeof DANGER_LEVELS)[number];

/** The kinds of danger (for the statistics sheet of the ODPE, CASF L226-3-1). */
export const DANGER_KINDS = ['violences_physiques', 'violences_psychologiques', 'violences_sexuelles', 'negligences', 'conditions_education', 'conditions_vie', 'violences_conjugales', 'conduites_a_risque', 'maltraitance_financiere', 'isolement', 'autre'] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

/** The proposals: no measure (closure, social support), administrative protection with the parents' agreement, or a signalement (CASF L226-4). */
export const PROPOSALS = ['cloture', 'accompagnement_social', 'aed', 'accueil_provisoire', 'tisf', 'mesure_protection_majeur', 'signalement_procureur'] as const;
export type Proposal = (typeof PROPOSALS)[number];

export const KIND_LABELS_FR: Record<Kind, string> = { ip: 'Information préoccupante', is: 'Information signalante (personne âgée ou handicapée)' };
export const ORIGIN_LABELS_FR: Record<Origin, string> = {
  education_nationale: 'Éducation nationale',
  sante: 'Professionnel de santé',
  services_sociaux: 'Services sociaux',
  forces_ordre: 'Forces de l’ordre',
  justice: 'Autorité judiciaire',
  famille: 'Famille, proche',
  personne_elle_meme: 'La personne elle-même',
  voisinage: 'Voisinage',
  appel_119: 'Appel au 119',
  anonyme: 'Anonyme',
  autre: 'Autre',
};
export const EXTERNAL_ROLE_LABELS_FR: Record<ExternalRole, string> = {
  crip: 'CRIP',
  pmi: 'PMI',
  autre_mds: 'Autre MDS',
  infirmiere_prevention_adulte: 'Infirmière prévention adulte',
  referent_autonomie: 'Référent autonomie',
  autre: 'Autre professionnel',
};
export const INFORMED_HOW_LABELS_FR: Record<(typeof INFORMED_HOW)[number], string> = { courrier: 'par courrier', entretien: 'en entretien', telephone: 'par téléphone', visite: 'lors d’une visite à domicile' };
export const ENTRY_LABELS_FR: Record<EntryType, string> = {
  entretien_bureau: 'Entretien au bureau',
  vad: 'Visite à domicile',
  entretien_telephonique: 'Entretien téléphonique',
  contact_partenaire: 'Contact avec un partenaire',
  entretien_enfant: 'Entretien avec l’enfant',
  synthese: 'Synthèse en binôme',
};
export const DOMAIN_LABELS_FR: Record<Domain, string> = {
  besoins: 'Besoins fondamentaux de l’enfant',
  sante_developpement: 'Santé et développement',
  ressources_parentales: 'Ressources des parents et capacité à protéger',
  environnement: 'Environnement familial et social',
  point_de_vue_enfant: 'Point de vue de l’enfant',
  point_de_vue_parents: 'Point de vue des parents',
};
/** The same domains for an adult (IS PA/PH). */
export const DOMAIN_LABELS_ADULT_FR: Record<Domain, string> = {
  besoins: 'Besoins de la personne',
  sante_developpement: 'Santé et autonomie',
  ressources_parentales: 'Ressources de l’entourage et capacité à protéger',
  environnement: 'Environnement et conditions de vie',
  point_de_vue_enfant: 'Point de vue de la personne',
  point_de_vue_parents: 'Point de vue de l’entourage',
};
export const DANGER_LEVEL_LABELS_FR: Record<DangerLevel, string> = { danger: 'Danger', risque_danger: 'Risque de danger', pas_de_danger: 'Ni danger ni risque de danger' };
export const DANGER_KIND_LABELS_FR: Record<DangerKind, string> = {
  violences_physiques: 'Violences physiques',
  violences_psychologiques: 'Violences psychologiques',
  violences_sexuelles: 'Violences sexuelles',
  negligences: 'Négligences',
  conditions_education: 'Conditions d’éducation compromises',
  conditions_vie: 'Conditions de vie compromises',
  violences_conjugales: 'Exposition aux violences conjugales',
  conduites_a_risque: 'Conduites à risque',
  maltraitance_financiere: 'Maltraitance financière',
  isolement: 'Isolement',
  autre: 'Autre',
};
export const PROPOSAL_LABELS_FR: Record<Proposal, string> = {
  cloture: 'Clôture sans mesure',
  accompagnement_social: 'Accompagnement social',
  aed: 'Aide éducative à domicile (AED), avec l’accord des parents',
  accueil_provisoire: 'Accueil provisoire, avec l’accord des parents',
  tisf: 'Intervention d’une TISF',
  mesure_protection_majeur: 'Demande de mesure de protection (majeur)',
  signalement_procureur: 'Signalement au procureur de la République (CASF L226-4)',
};
