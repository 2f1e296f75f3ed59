/**
 * A generated site for benchmarks (and any test that needs volume): persons with realistic
 * French names (accents, hyphens, apostrophes, compound names), households in the site's
 * communes, DSUs with their journal (binôme authors, restricted notes), first contacts and
 * appointments. Deterministic for a given seed; written straight into a migrated database
 * (encrypted or plain) in one transaction.
 */
import type { Db } from '../../src-main/store/database';
import { indexFields } from '../../src-main/modules/persons/rules';
import { rng } from '../../src-main/demo/plan';

export interface SiteSize {
  persons: number;
  households: number;
  journal: number;
  /** Share of households that have a DSU. */
  dsuShare: number;
}

export const FULL: SiteSize = { persons: 70_000, households: 30_000, journal: 400_000, dsuShare: 0.75 };

const SURNAMES = (
  'Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefèvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert ' +
  'Fontaine Rousseau Vincent Muller Lefebvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas ' +
  'Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard ' +
  'Barbier Arnaud Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois ' +
  'Pierre Benoît Rey Leclerc Payet Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps Huet ' +
  'Vasseur Perez Boucher Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault Charpentier Ménard Maillard Baron Bertin Bailly Hervé ' +
  'Schneider Fernandez Le Gall Collet Léger Bouvier Julien Prévost Millet Perrot Daniel Le Roux Cousin Germain Breton Besson Langlois Rémy Le Goff Pelletier Lévêque ' +
  "Perrier Leblanc Barré Lebrun Marchal Weber Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier Collin " +
  "Chauvin Da Silva Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélémy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier " +
  "Laporte N'Diaye Diallo Traoré Benali Haddad Nguyen Tran Ferreira Pereira Dos Santos Rodrigues Ben Ahmed Mansouri Belkacem Chérif D'Almeida Saint-Martin Saint-Jean"
).split(' ');
const FIRST = (
  'Marie Jean Pierre Michel André Philippe Nathalie Isabelle Sylvie Catherine Françoise Monique Jacques Bernard Nicolas Christophe Stéphane Sébastien Julien Laurent ' +
  'David Frédéric Éric Patrick Alain Christine Valérie Sandrine Céline Aurélie Émilie Camille Léa Manon Chloé Inès Sarah Lucas Hugo Louis Gabriel Léo Raphaël Arthur Jules ' +
  'Adam Noah Ethan Nathan Théo Tom Mathis Enzo Maël Emma Jade Louise Alice Lina Rose Anna Mila Ambre Julia Zoé Lola Lucie Juliette Océane Anaïs Mélanie Élodie Hélène ' +
  'Marie-Hélène Jean-Pierre Jean-Luc Anne-Sophie Marie-Claire Jean-François Pierre-Yves Marie-Thérèse Jean-Baptiste Awa Fatoumata Mamadou Moussa Yasmine Mohamed ' +
  'Karim Nadia Samira Rachid Fatima Kévin Jérémy Jessica Laetitia Lætitia Noémie Gaëlle Maëva Maïwenn Joël Noël Gaël Loïc Benoît Hervé Josiane Ginette Raymond Marcel'
).split(' ');
const COMMUNES = ['82121', '82112', '82125'];
const TYPES = ['entretien_bureau', 'entretien_telephonique', 'vad', 'accompagnement_physique', 'permanence_delocalisee', 'courrier_courriel', 'note_sociale', 'instance_synthese'];
const FIELDS = ['acces_aux_droits', 'logement_hebergement', 'insertion', 'budget', 'enfance', 'personnes_agees_handicapees', 'sante'];
const WORDS = 'situation logement loyer dette dossier CAF aide demande famille enfant école santé budget emploi rendez-vous accompagnement facture énergie courrier bailleur'.split(' ');

export { rng };

/** Zipf-like pick: the first names of a list are much more frequent than the last. */
const zipf = (r: () => number, list: string[]) => list[Math.floor(list.length * Math.pow(r(), 2.2))]!;
const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)]!;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const day = (r: () => number, fromYear: number, toYear: number) => `${fromYear + Math.floor(r() * (toYear - fromYear + 1))}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;

export interface Generated {
  personIds: number[];
  dsuIds: number[];
  referentOf: Map<number, number>;
  professionals: number[];
}

/**
 * Fills `db` (migrated, with a site row, users `professionals` existing) with a site of the
 * given size. Returns ids for the benchmark to sample from.
 */
export function generate(db: Db, size: SiteSize, professionals: number[], seed = 82): Generated {
  const r = rng(seed);
  const now = '2026-11-20T10:00:00.000Z';
  const personIds: number[] = [];
  const dsuIds: number[] = [];
  const referentOf = new Map<number, number>();
  db.transaction(() => {
    const insHousehold = db.prepare('INSERT INTO households (id, address, commune_insee, created_at) VALUES (?, ?, ?, ?)');
    const insPerson = db.prepare(
      `INSERT INTO persons (id, birth_name, usage_name, first_names, sex, birth_date, phone, email, household_id, household_role, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`,
    );
    const insSearch = db.prepare('INSERT INTO person_search (rowid, birth, usage, first, date, year, phone) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insTerm = db.prepare('INSERT OR IGNORE INTO person_terms (term) VALUES (?)');
    for (let h = 1; h <= size.households; h++) insHousehold.run(h, `${1 + Math.floor(r() * 120)} rue ${pick(r, SURNAMES)}`, pick(r, COMMUNES), now);
    // Each household gets a demandeur; the remaining persons are spread as conjoints and children.
    for (let id = 1; id <= size.persons; id++) {
      const household = id <= size.households ? id : 1 + Math.floor(r() * size.households);
      const role = id <= size.households ? 'demandeur' : r() < 0.3 ? 'conjoint' : r() < 0.9 ? 'enfant' : 'autre';
      const compound = r() < 0.06;
      const birthName = compound ? `${zipf(r, SURNAMES)}-${zipf(r, SURNAMES)}` : zipf(r, SURNAMES);
      const sex = r() < 0.55 ? 'F' : 'M';
      const usageName = sex === 'F' && role !== 'enfant' && r() < 0.3 ? zipf(r, SURNAMES) : '';
      const firstNames = r() < 0.15 ? `${zipf(r, FIRST)} ${zipf(r, FIRST)}` : zipf(r, FIRST);
      const birthDate = role === 'enfant' ? day(r, 2005, 2025) : r() < 0.97 ? day(r, 1935, 2004) : null;
      const phone = role === 'enfant' || r() < 0.15 ? '' : `0${pick(r, ['6', '7', '5'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
      insPerson.run(id, birthName, usageName, firstNames, sex, birthDate, phone, household, role, now, now);
      const f = indexFields({ birthName, usageName, firstNames, birthDate, phone });
      insSearch.run(id, f.birth, f.usage, f.first, f.date, f.year, f.phone);
      for (const w of `${f.birth} ${f.usage} ${f.first}`.split(' ')) if (w && !/^\d+$/.test(w)) insTerm.run(w);
      personIds.push(id);
    }
    const insDsu = db.prepare('INSERT INTO dsu (id, number, year, seq, household_id, referent_id, status, close_reason, opened_at, closed_at, last_contact_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const seqByYear = new Map<number, number>();
    for (let h = 1; h <= size.households; h++) {
      if (r() >= size.dsuShare) continue;
      const year = 2015 + Math.floor(r() * 12);
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const referent = pick(r, professionals);
      const closed = r() < 0.2;
      insDsu.run(h, `BEN-${year}-${pad(seq, 5)}`, year, seq, h, referent, closed ? 'clos' : 'actif', closed ? 'fin_de_demande' : null, `${year}-01-15T09:00:00.000Z`, closed ? now : null, day(r, Math.max(year, 2022), 2026));
      dsuIds.push(h);
      referentOf.set(h, referent);
    }
    const insEntry = db.prepare(
      'INSERT INTO journal (id, dsu_id, occurred_on, type, field, summary, restricted_note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insAuthor = db.prepare('INSERT OR IGNORE INTO journal_authors (dsu_id, entry_id, user_id) VALUES (?, ?, ?)');
    for (let e = 1; e <= size.journal; e++) {
      // Busy files get many entries: the square skews toward the first DSUs.
      const dsu = dsuIds[Math.floor(dsuIds.length * Math.pow(r(), 1.6))]!;
      const author = referentOf.get(dsu)!;
      const type = pick(r, TYPES);
      const summary = Array.from({ length: 12 + Math.floor(r() * 30) }, () => pick(r, WORDS)).join(' ');
      insEntry.run(e, dsu, day(r, 2016, 2026), type, pick(r, FIELDS), summary, r() < 0.08 ? 'Note restreinte générée.' : null, author, now);
      insAuthor.run(dsu, e, author);
      if (type === 'vad' && r() < 0.5) insAuthor.run(dsu, e, pick(r, professionals));
    }
  })();
  return { personIds, dsuIds, referentOf, professionals };
}

/** Realistic things typed at the desk: prefixes, accents dropped or added, one typo, dates, phone pieces. */
export function searchQueries(db: Db, n: number, seed = 7): string[] {
  const r = rng(seed);
  const rows = db.prepare('SELECT birth_name AS b, usage_name AS u, first_names AS f, birth_date AS d, phone AS p FROM persons ORDER BY random() LIMIT ?').all(n) as {
    b: string;
    u: string;
    f: string;
    d: string | null;
    p: string;
  }[];
  const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
  const typo = (s: string) => {
    if (s.length < 5) return s;
    const i = 1 + Math.floor(r() * (s.length - 2));
    const k = r();
    if (k < 0.33) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); // transposition
    if (k < 0.66) return s.slice(0, i) + s.slice(i + 1); // deletion
    return s.slice(0, i) + 'e' + s.slice(i + 1); // substitution
  };
  return rows.map((p) => {
    const name = p.u && r() < 0.5 ? p.u : p.b;
    const first = p.f.split(' ')[0]!;
    const k = r();
    if (k < 0.3) return name.slice(0, 3 + Math.floor(r() * 5)).toLowerCase();
    if (k < 0.5) return `${strip(name).toLowerCase()} ${first.slice(0, 2 + Math.floor(r() * 3))}`;
    if (k < 0.65) return `${first} ${name}`.toUpperCase();
    if (k < 0.8) return typo(strip(name).toLowerCase());
    if (k < 0.9 && p.d) return `${name.slice(0, 4)} ${p.d.split('-').reverse().join('/')}`;
    if (p.p) return `${p.p.slice(0, 2)} ${p.p.slice(2, 4)} ${p.p.slice(4, 6)}`;
    return name.toLowerCase();
  });
}
