/**
 * The household's situation (DOMAIN §3), pure: which sections a new version changes, and how
 * the situation reads in an export (the DSU's, whole; a person's, without the other members'
 * own lines). No I/O.
 */
import type { ExportPart } from '../../api/app';
import { KIND_LABELS_FR, sumOf } from '../budget';
import { frDate } from '../../shared/time';
import { SITUATION_LABELS_FR, SITUATION_SECTIONS, type SituationSection } from './kinds';
import type { SituationContent } from './contract';

const sectionOf: Record<SituationSection, (c: SituationContent) => unknown> = {
  logement: (c) => c.housing,
  budget: (c) => c.budget,
  insertion: (c) => c.members.map(({ healthCover: _h, ...m }) => m),
  sante: (c) => c.members.map((m) => [m.personId, m.healthCover]),
  allocataire: (c) => c.allocataire,
  mesures: (c) => c.measures,
  referentParcours: (c) => c.referentParcours,
  note: (c) => c.note,
};

/** The sections of `next` that differ from `prev` (every filled one for a first version). */
export function changedSections(prev: SituationContent | null, next: SituationContent): SituationSection[] {
  const empty = emptySituation(next.validOn);
  return SITUATION_SECTIONS.filter((s) => JSON.stringify(sectionOf[s](next)) !== JSON.stringify(sectionOf[s](prev ?? empty)));
}

export function emptySituation(validOn: string): SituationContent {
  return {
    validOn,
    housing: { status: null, landlord: '', rentCents: null, arrearsCents: null, note: '' },
    budget: { resources: [], charges: [] },
    members: [],
    allocataire: { organism: null, number: '' },
    measures: [],
    referentParcours: null,
    note: '',
  };
}

const L = (code: string | null | undefined) => (code ? ((SITUATION_LABELS_FR as Record<string, string>)[code] ?? code) : '');
/** `1 234,56 €`, as French documents write an amount. */
export const euros = (cents: number) => `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/\u202f|\u00a0/g, ' ')} €`;

type Field = { label: string; value: string };

function housingFields(c: SituationContent): Field[] {
  const h = c.housing;
  return [
    ...(h.status ? [{ label: 'Logement', value: L(h.status) }] : []),
    ...(h.landlord ? [{ label: 'Bailleur ou hébergeant', value: h.landlord }] : []),
    ...(h.rentCents !== null ? [{ label: 'Loyer charges comprises', value: `${euros(h.rentCents)} par mois` }] : []),
    ...(h.arrearsCents !== null ? [{ label: 'Dette locative', value: h.arrearsCents === 0 ? 'aucune' : euros(h.arrearsCents) }] : []),
    ...(h.note ? [{ label: 'Précisions', value: h.note }] : []),
  ];
}

function budgetFields(c: SituationContent): Field[] {
  const b = c.budget;
  if (!b.resources.length && !b.charges.length) return [];
  const lines = (ls: readonly { kind: string; amountCents: number; label: string }[]) =>
    ls.map((l) => `${KIND_LABELS_FR[l.kind as keyof typeof KIND_LABELS_FR] ?? l.kind}${l.label ? ` (${l.label})` : ''} ${euros(l.amountCents)}`).join(' ; ') || 'aucune';
  const r = sumOf(b.resources);
  const ch = sumOf(b.charges);
  return [
    { label: 'Ressources mensuelles', value: `${euros(r)} — ${lines(b.resources)}` },
    { label: 'Charges mensuelles', value: `${euros(ch)} — ${lines(b.charges)}` },
    { label: 'Solde mensuel', value: euros(r - ch) },
  ];
}

function memberFields(m: SituationContent['members'][number]): string {
  return [
    m.activity ? L(m.activity) : '',
    m.franceTravail ? 'inscrit(e) à France Travail' : '',
    m.rsa ? 'bénéficiaire du RSA' : '',
    m.contract !== 'aucun' ? `${L(m.contract)}${m.contractUntil ? ` jusqu’au ${frDate(m.contractUntil)}` : ''}` : '',
    m.healthCover ? `santé : ${L(m.healthCover)}` : '',
  ]
    .filter(Boolean)
    .join(' ; ');
}

/**
 * The situation as an export shows it. `names` gives each member's name; `onlyPersonId`
 * (a person's own export) keeps that person's line and the measures about them or the whole
 * household, and nothing of the other members' own lines.
 */
export function situationExport(
  v: { content: SituationContent; recordedBy: string; recordedAt: string } | null,
  names: ReadonlyMap<number, string>,
  onlyPersonId: number | null = null,
): ExportPart {
  const title = 'Situation du foyer';
  if (!v) return { title, empty: 'Aucune situation enregistrée.', entries: [] };
  const c = v.content;
  const who = (id: number | null) => (id === null ? 'le foyer' : (names.get(id) ?? 'un ancien membre du foyer'));
  const members = c.members.filter((m) => onlyPersonId === null || m.personId === onlyPersonId);
  const measures = c.measures.filter((m) => onlyPersonId === null || m.personId === null || m.personId === onlyPersonId);
  const rp = c.referentParcours;
  const fields: Field[] = [
    ...housingFields(c),
    ...budgetFields(c),
    ...members.map((m) => ({ label: who(m.personId), value: memberFields(m) || '—' })),
    ...(c.allocataire.number || c.allocataire.organism ? [{ label: 'Numéro d’allocataire', value: `${L(c.allocataire.organism)} ${c.allocataire.number}`.trim() }] : []),
    ...measures.map((m) => ({
      label: L(m.kind),
      value: [who(m.personId), m.since ? `depuis le ${frDate(m.since)}` : '', m.holder ? `exercée par ${m.holder}` : ''].filter(Boolean).join(', '),
    })),
    ...(rp ? [{ label: 'Référent de parcours', value: [rp.name, rp.organisation, rp.contact].filter(Boolean).join(', ') }] : []),
    ...(c.note && onlyPersonId === null ? [{ label: 'Synthèse', value: c.note }] : []),
  ];
  return {
    title,
    empty: '',
    entries: [{ heading: `Situation au ${frDate(c.validOn)} (enregistrée le ${frDate(v.recordedAt)} par ${v.recordedBy})`, fields }],
  };
}

/** The list of the versions, newest first, for the DSU's export. */
export function historyExport(versions: readonly { validOn: string; recordedAt: string; recordedBy: string; changed: readonly string[] }[]): ExportPart {
  return {
    title: 'Historique de la situation',
    empty: 'Aucune situation enregistrée.',
    entries: versions.map((v, i) => ({
      heading: `Situation au ${frDate(v.validOn)}`,
      fields: [
        { label: 'Enregistrée', value: `le ${frDate(v.recordedAt)} par ${v.recordedBy}` },
        i === versions.length - 1
          ? { label: 'Sections modifiées', value: 'première situation enregistrée' }
          : { label: 'Sections modifiées', value: v.changed.map(L).join(', ') || 'aucune (situation confirmée)' },
      ],
    })),
  };
}
