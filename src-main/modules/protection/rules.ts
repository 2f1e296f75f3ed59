/**
 * The protection evaluations' computations, pure (no I/O): the due date of an evaluation with
 * the sentence that explains it, the days left, ages, and the anonymised statistics sheet
 * (fiche statistique, CASF L226-3-1) built from an evaluation's record — no name, no birth
 * date, no address, no free text.
 */
import type { ParameterLookup } from '../../shared/parameters';
import { addMonths } from '../../shared/legal-days';
import { addDays, frDate, yearsBetween } from '../../shared/time';
import { DANGER_KIND_LABELS_FR, DANGER_LEVEL_LABELS_FR, KIND_LABELS_FR, ORIGIN_LABELS_FR, PROPOSAL_LABELS_FR, type DangerKind, type DangerLevel, type Kind, type Origin, type PersonRole, type Proposal } from './kinds';

export interface Due {
  due: string;
  /** The rule in a French sentence, with its figures. */
  rule: string;
  article: string;
}

/**
 * When the evaluation must be completed. An IP: within the legal delay from the receipt
 * (`protection_delais`, CASF D226-2-3), or the shorter delay the cell set. An IS: the delay the
 * département's cell set, when it set one (no legal delay applies), else none.
 */
export function dueDate(params: ParameterLookup, kind: Kind, receivedOn: string, delayDays: number | null): Due | null {
  const byCell = delayDays === null ? null : addDays(receivedOn, delayDays);
  if (kind === 'is') {
    if (byCell === null) return null;
    return { due: byCell, rule: `Délai de ${delayDays} jours fixé par la cellule départementale à compter de la réception le ${frDate(receivedOn)} : évaluation à rendre au plus tard le ${frDate(byCell)}.`, article: 'Délai fixé par la cellule départementale' };
  }
  const p = params('protection_delais', receivedOn);
  const months = p.value.ip_evaluation_months;
  const legal = addMonths(receivedOn, months);
  if (byCell !== null && byCell < legal) {
    return {
      due: byCell,
      rule: `Délai de ${delayDays} jours fixé par la cellule de recueil (plus court que les ${months} mois légaux) à compter de la réception le ${frDate(receivedOn)} : évaluation à rendre au plus tard le ${frDate(byCell)}.`,
      article: p.source,
    };
  }
  return { due: legal, rule: `${months} mois à compter de la réception de l’information préoccupante le ${frDate(receivedOn)} : évaluation à rendre au plus tard le ${frDate(legal)}.`, article: p.source };
}

/** Whole days from `today` to `due` (negative once past). */
export function daysLeft(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Whole days between two days (`to` may be null: not yet). */
export function delayDays(from: string, to: string | null): number | null {
  return to === null ? null : daysLeft(from, to);
}

/** Age in whole years on a day, or null when the birth date is unknown. */
export function ageOn(birthDate: string | null, day: string): number | null {
  return birthDate === null || birthDate > day ? null : yearsBetween(birthDate, day);
}

/** What an evaluation's record gives its statistics sheet. */
export interface SheetSource {
  id: number;
  kind: Kind;
  receivedOn: string;
  origin: Origin;
  createdAt: string;
  due: string | null;
  persons: { role: PersonRole; birthDate: string | null; sex: string }[];
  /** Adults of the concerned persons' home (the household's demandeur and conjoint, other adults). */
  adultsInHome: number;
  informed: 'oui' | 'non' | 'non_renseigne';
  dangerLevel: DangerLevel | null;
  dangerKinds: DangerKind[];
  proposals: Proposal[];
  sentOn: string | null;
  announcedOn: string | null;
  teamSize: number;
}

/** The sheet's columns, in order: header (French) and the value of each row. */
export const SHEET_COLUMNS: readonly { header: string; value: (s: SheetSource) => string | number }[] = [
  { header: 'N° de fiche', value: (s) => s.id },
  { header: 'Nature', value: (s) => KIND_LABELS_FR[s.kind] },
  { header: 'Année de réception', value: (s) => Number(s.receivedOn.slice(0, 4)) },
  { header: 'Mois de réception', value: (s) => Number(s.receivedOn.slice(5, 7)) },
  { header: 'Origine', value: (s) => ORIGIN_LABELS_FR[s.origin] },
  { header: 'Personnes concernées', value: (s) => s.persons.filter((p) => p.role === 'concerne').length },
  { header: 'Âges des personnes concernées (ans, à la réception)', value: (s) => ages(s, 'concerne') },
  { header: 'Sexes des personnes concernées', value: (s) => s.persons.filter((p) => p.role === 'concerne').map((p) => p.sex || '?').join(' ') },
  { header: 'Autres mineurs du foyer', value: (s) => s.persons.filter((p) => p.role === 'autre_mineur').length },
  { header: 'Âges des autres mineurs (ans, à la réception)', value: (s) => ages(s, 'autre_mineur') },
  { header: 'Adultes du foyer', value: (s) => s.adultsInHome },
  { header: 'Professionnels de l’équipe', value: (s) => s.teamSize },
  { header: 'Parents (ou personne) informés', value: (s) => ({ oui: 'Oui', non: 'Non (contraire à l’intérêt)', non_renseigne: 'Non renseigné' })[s.informed] },
  { header: 'Évaluation du danger', value: (s) => (s.dangerLevel ? DANGER_LEVEL_LABELS_FR[s.dangerLevel] : 'Non renseignée') },
  { header: 'Nature du danger', value: (s) => s.dangerKinds.map((k) => DANGER_KIND_LABELS_FR[k]).join(' ; ') },
  { header: 'Propositions', value: (s) => s.proposals.map((p) => PROPOSAL_LABELS_FR[p]).join(' ; ') },
  { header: 'Délai réception → attribution (jours)', value: (s) => orEmpty(delayDays(s.receivedOn, s.createdAt.slice(0, 10))) },
  { header: 'Délai réception → envoi du rapport (jours)', value: (s) => orEmpty(delayDays(s.receivedOn, s.sentOn)) },
  { header: 'Délai réception → entretien d’annonce (jours)', value: (s) => orEmpty(delayDays(s.receivedOn, s.announcedOn)) },
  { header: 'Délai imparti (jours)', value: (s) => orEmpty(delayDays(s.receivedOn, s.due)) },
  { header: 'Rapport rendu dans le délai', value: (s) => (s.sentOn === null || s.due === null ? '' : s.sentOn <= s.due ? 'Oui' : 'Non') },
];

const orEmpty = (n: number | null): number | string => (n === null ? '' : n);
const ages = (s: SheetSource, role: PersonRole) =>
  s.persons
    .filter((p) => p.role === role)
    .map((p) => ageOn(p.birthDate, s.receivedOn) ?? '?')
    .join(' ');

/** The sheet's rows (one per evaluation), as cells. */
export function sheetRows(sources: readonly SheetSource[]): (string | number)[][] {
  return sources.map((s) => SHEET_COLUMNS.map((c) => c.value(s)));
}

/** CSV for a spreadsheet in French (semicolons, a BOM, quoted cells). */
export function sheetCsv(sources: readonly SheetSource[]): string {
  const cell = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
  return `\ufeff${[SHEET_COLUMNS.map((c) => cell(c.header)).join(';'), ...sheetRows(sources).map((r) => r.map(cell).join(';'))].join('\r\n')}\r\n`;
}
