/**
 * What the demonstration site holds, drawn from a seed: people and households of the seed
 * document's shapes, dated over a year, with their first contact, DSU, journal, aids and
 * appointments in the seed's proportions (resources/demo/activite-82.json). Pure: the same
 * seed gives the same plan; no database here (demo.ts plays it through the API).
 */
import activite from '../../resources/demo/activite-82.json';
import noms from '../../resources/demo/noms.json';

/** A small, fast, seedable generator (mulberry32): the same seed, the same draws. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = ReturnType<typeof rng>;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const between = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
/** One key of `weights`, in proportion to its weight. */
export function weighted<K extends string>(r: Rand, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let x = r() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((x -= w) < 0) return k;
  return entries[entries.length - 1]![0];
}

export interface PlannedPerson {
  birthName: string;
  usageName: string;
  firstNames: string;
  sex: 'F' | 'M';
  birthDate: string;
  phone: string;
  role: 'demandeur' | 'conjoint' | 'enfant';
}

export interface PlannedHousehold {
  /** Local date-time of the first contact (YYYY-MM-DDTHH:MM). */
  at: string;
  shape: string;
  communeIndex: number;
  address: string;
  members: PlannedPerson[];
  mode: 'telephone' | 'presentiel';
  outcome: 'dsu' | 'rdv' | 'orientation' | 'information';
  motifs: string[];
  request: string;
  urgent: boolean;
  /** Journal entries after the DSU opens: days after the first contact, and kind. */
  entries: { afterDays: number; vad: boolean; field: string; summary: string }[];
  /** An aid request, days after the first contact, when there is one. */
  aid: { afterDays: number; dispositif: 'secours_cd' | 'am_ase' | 'faj'; nature: string; amountCents: number; commission: boolean } | null;
  /** Honoured (or not) appointment, for a rendez-vous outcome. */
  showsUp: boolean;
}

export const PERIOD = activite.period;
export const SHAPES = activite.householdShapes;

const REQUESTS: Record<string, string[]> = {
  aide_financiere: ['Facture d’électricité impayée, coupure annoncée', 'Plus rien pour les courses jusqu’au versement du RSA', 'Retard de loyer de deux mois'],
  logement_hebergement: ['Logement trop petit depuis l’arrivée du bébé', 'Hébergé chez un ami, doit partir à la fin du mois'],
  budget_dettes: ['Plusieurs crédits, n’arrive plus à payer', 'Demande d’aide pour monter un dossier de surendettement'],
  acces_aux_droits: ['Dossier CAF bloqué depuis trois mois', 'Demande de complémentaire santé solidaire'],
  insertion_emploi: ['Fin de droits chômage, cherche une formation', 'Jeune sans ressources, projet d’apprentissage'],
  sante_handicap: ['Demande de dossier MDPH pour son fils', 'Sortie d’hospitalisation, besoin d’aide à domicile'],
  enfance_parentalite: ['Difficultés avec son adolescent, demande de soutien', 'Mode de garde pour reprendre un emploi'],
};
const SUMMARIES: Record<string, string[]> = {
  budget: ['Point sur le budget du foyer : charges fixes listées, priorités fixées', 'Échéancier négocié avec le fournisseur d’énergie'],
  logement_hebergement: ['Demande de logement social actualisée', 'Contact avec le bailleur au sujet de la dette locative'],
  acces_aux_droits: ['Dossier CAF complété avec la personne', 'Ouverture des droits à la complémentaire santé solidaire'],
  insertion: ['Orientation vers la Mission locale, rendez-vous pris', 'Point sur la recherche d’emploi et la formation'],
  enfance: ['Entretien avec les parents sur la scolarité des enfants', 'Orientation vers le lieu d’accueil enfants-parents'],
  sante: ['Dossier MDPH déposé', 'Lien avec l’infirmière du centre médico-social'],
};
const MOTIF_FIELD: Record<string, string> = {
  aide_financiere: 'budget',
  budget_dettes: 'budget',
  logement_hebergement: 'logement_hebergement',
  acces_aux_droits: 'acces_aux_droits',
  insertion_emploi: 'insertion',
  sante_handicap: 'sante',
  enfance_parentalite: 'enfance',
};

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The working days of the period (Monday to Friday). */
function workingDays(): string[] {
  const out: string[] = [];
  for (let d = new Date(`${PERIOD.from}T12:00:00`); isoDay(d) <= PERIOD.to; d.setDate(d.getDate() + 1)) {
    if (d.getDay() !== 0 && d.getDay() !== 6) out.push(isoDay(d));
  }
  return out;
}

function birthDate(r: Rand, from: number, to: number): string {
  return `${between(r, from, to)}-${pad(between(r, 1, 12))}-${pad(between(r, 1, 28))}`;
}

/** A number in the ranges ARCEP keeps for fiction (06 39 98 … and, in Occitanie, 05 36 49 …). */
function fictionalPhone(r: Rand): string {
  return `${r() < 0.7 ? '06 39 98' : '05 36 49'} ${pad(between(r, 0, 99))} ${pad(between(r, 0, 99))}`;
}

function person(r: Rand, role: PlannedPerson['role'], familyName: string, born: [number, number], sex?: 'F' | 'M'): PlannedPerson {
  const s = sex ?? (r() < 0.5 ? 'F' : 'M');
  const first = pick(r, s === 'F' ? noms.femmes : noms.hommes);
  // Now and then two first names, as on a birth certificate.
  const firstNames = r() < 0.15 ? `${first} ${pick(r, s === 'F' ? noms.femmes : noms.hommes)}` : first;
  return { birthName: familyName, usageName: '', firstNames, sex: s, birthDate: birthDate(r, born[0], born[1]), phone: role === 'enfant' ? '' : fictionalPhone(r), role };
}

/** The households of a demonstration site: `count` of them, spread over the period's working days. */
export function planHouseholds(seed: number, count: number, communes: number): PlannedHousehold[] {
  const r = rng(seed);
  const days = workingDays();
  const shapes = Object.fromEntries(SHAPES.map((s) => [s.shape, s.weight])) as Record<string, number>;
  const out: PlannedHousehold[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[Math.floor((i * days.length) / count)]!;
    const at = `${day}T${pad(between(r, 8, 11))}:${pad(between(r, 0, 3) * 15)}`;
    const shapeName = weighted(r, shapes);
    const shape = SHAPES.find((s) => s.shape === shapeName)!;
    const family = pick(r, noms.noms);
    const young = 'young' in shape && shape.young === true;
    const head = person(r, 'demandeur', family, young ? [2001, 2007] : [1955, 1998], shapeName === 'famille_monoparentale' ? (r() < 0.85 ? 'F' : 'M') : undefined);
    const members = [head];
    if (shape.adults === 2) {
      const partner = person(r, 'conjoint', r() < 0.6 ? family : pick(r, noms.noms), [1960, 2000], head.sex === 'F' ? 'M' : 'F');
      // A married woman may use her spouse's name.
      if (partner.sex === 'F' && partner.birthName !== family && r() < 0.5) partner.usageName = family;
      members.push(partner);
    }
    for (let c = 0, n = between(r, shape.children[0]!, shape.children[1]!); c < n; c++) members.push(person(r, 'enfant', family, [2008, 2024]));
    const children = members.some((m) => m.role === 'enfant');
    const motif = children && r() < 0.3 ? 'enfance_parentalite' : weighted(r, { aide_financiere: 30, logement_hebergement: 15, budget_dettes: 15, acces_aux_droits: 20, insertion_emploi: young ? 40 : 8, sante_handicap: 8 });
    const outcome = weighted(r, activite.outcomes as Record<PlannedHousehold['outcome'], number>);
    const field = MOTIF_FIELD[motif] ?? 'acces_aux_droits';
    const entries: PlannedHousehold['entries'] = [];
    if (outcome === 'dsu') {
      let after = 0;
      for (let e = 0, n = between(r, activite.journal.entriesPerDsu[0]!, activite.journal.entriesPerDsu[1]!); e < n; e++) {
        after += between(r, 5, 45);
        entries.push({ afterDays: after, vad: r() * 100 < activite.journal.vadShare, field, summary: pick(r, SUMMARIES[field] ?? SUMMARIES.acces_aux_droits!) });
      }
    }
    let aid: PlannedHousehold['aid'] = null;
    if (outcome === 'dsu' && r() * 100 < activite.aids.share) {
      const dispositif = young ? 'faj' : children ? 'am_ase' : 'secours_cd';
      aid = {
        afterDays: between(r, 3, 40),
        dispositif,
        nature: pick(r, dispositif === 'faj' ? ['alimentaire', 'mobilite', 'scolarite'] : ['alimentaire', 'energie', 'loyer_maintien']),
        amountCents: between(r, 4, 30) * 1000,
        commission: r() * 100 < activite.aids.commissionShare,
      };
    }
    out.push({
      at,
      shape: shapeName,
      communeIndex: Math.floor(r() * communes),
      address: `${between(r, 1, 120)} ${pick(r, noms.rues)}`,
      members,
      mode: weighted(r, activite.firstContactModes as Record<'telephone' | 'presentiel', number>),
      outcome,
      motifs: [motif],
      request: pick(r, REQUESTS[motif] ?? REQUESTS.acces_aux_droits!),
      urgent: motif === 'aide_financiere' && r() < 0.2,
      entries,
      aid,
      showsUp: r() < 0.88,
    });
  }
  return out;
}
