/**
 * The household's situation as the form edits it: a draft of strings from a saved version
 * (`draftOf`), and back to what `dsu:saveSituation` takes, or every problem found (`inputOf`).
 */
import type { Input, Output } from '../../../src-main/modules';
import { centsToInput, isoToFr, parseEuros, parseFrDate, today } from '../../ui/format';
import { type ACTIVITIES, type BENEFIT_ORGANISMS, type HEALTH_COVERS, type HOUSING_STATUSES, type INSERTION_CONTRACTS, type MEASURES } from '../../../src-main/modules/dsu/kinds';
import { budgetDraftOf, budgetOf, budgetProblem, type BudgetDraft } from '../budget';

export type Situation = Output<'dsu:situation'>;
export type Content = NonNullable<Situation['version']>['content'];
export type SituationIn = Input<'dsu:saveSituation'>['situation'];

export const NONE = 'none';
export const HOUSEHOLD = 'household';

export interface MemberDraft {
  personId: number;
  activity: string;
  franceTravail: boolean;
  rsa: boolean;
  contract: string;
  contractUntil: string;
  healthCover: string;
}
export interface Draft {
  validOn: string;
  housing: { status: string; landlord: string; rent: string; arrears: string; note: string };
  budget: BudgetDraft;
  members: MemberDraft[];
  allocataire: { organism: string; number: string };
  measures: { kind: string; personId: string; since: string; holder: string }[];
  referent: { mode: 'none' | 'user' | 'partner' | 'other'; userId: string | null; partnerId: string | null; name: string; organisation: string; contact: string };
  note: string;
}

export function draftOf(c: Content | null, memberIds: number[]): Draft {
  const line = (id: number): MemberDraft => {
    const m = c?.members.find((x) => x.personId === id);
    return {
      personId: id,
      activity: m?.activity ?? NONE,
      franceTravail: m?.franceTravail ?? false,
      rsa: m?.rsa ?? false,
      contract: m?.contract ?? 'aucun',
      contractUntil: m?.contractUntil ? isoToFr(m.contractUntil) : '',
      healthCover: m?.healthCover ?? NONE,
    };
  };
  const rp = c?.referentParcours ?? null;
  return {
    validOn: isoToFr(today()),
    housing: {
      status: c?.housing.status ?? NONE,
      landlord: c?.housing.landlord ?? '',
      rent: centsToInput(c?.housing.rentCents),
      arrears: centsToInput(c?.housing.arrearsCents),
      note: c?.housing.note ?? '',
    },
    budget: budgetDraftOf(c?.budget ?? { resources: [], charges: [] }),
    members: memberIds.map(line),
    allocataire: { organism: c?.allocataire.organism ?? NONE, number: c?.allocataire.number ?? '' },
    measures: (c?.measures ?? []).map((m) => ({ kind: m.kind, personId: m.personId === null ? HOUSEHOLD : String(m.personId), since: m.since ? isoToFr(m.since) : '', holder: m.holder })),
    referent: {
      mode: !rp ? 'none' : rp.userId !== null ? 'user' : rp.partnerId !== null ? 'partner' : 'other',
      userId: rp?.userId != null ? String(rp.userId) : null,
      partnerId: rp?.partnerId != null ? String(rp.partnerId) : null,
      name: rp?.name ?? '',
      organisation: rp?.organisation ?? '',
      contact: rp?.contact ?? '',
    },
    note: c?.note ?? '',
  };
}

export type Problem = { field: string; message: string };

/** Whether a member's line says anything (an empty line is not sent). */
const filledLine = (m: MemberDraft) => m.activity !== NONE || m.franceTravail || m.rsa || m.contract !== 'aucun' || m.contractUntil.trim() !== '' || m.healthCover !== NONE;

/**
 * The form's field for each path of the contract a refusal may name (`situation.members.1.contract`
 * → `contract-12`): the members sent are the filled lines only, in the draft's order.
 */
export function fieldPaths(d: Draft): Record<string, string[]> {
  const paths: Record<string, string[]> = {
    validOn: ['validOn', 'situation.validOn'],
    rent: ['rent', 'situation.housing.rentCents'],
    arrears: ['arrears', 'situation.housing.arrearsCents'],
    landlord: ['situation.housing.landlord'],
    housingNote: ['situation.housing.note'],
    organism: ['organism', 'situation.allocataire.organism'],
    allocataireNumber: ['situation.allocataire.number'],
    referentUser: ['referentUser', 'situation.referentParcours.userId'],
    referentPartner: ['referentPartner', 'situation.referentParcours.partnerId'],
    referentName: ['referentName', 'situation.referentParcours.name'],
    referentOrganisation: ['situation.referentParcours.organisation'],
    referentContact: ['situation.referentParcours.contact'],
    note: ['situation.note'],
  };
  d.members.filter(filledLine).forEach((m, j) => {
    paths[`contract-${m.personId}`] = [`contract-${m.personId}`, `situation.members.${j}.contract`];
    paths[`contractUntil-${m.personId}`] = [`contractUntil-${m.personId}`, `situation.members.${j}.contractUntil`];
  });
  d.measures.forEach((_, i) => {
    paths[`measureSince-${i}`] = [`measureSince-${i}`, `situation.measures.${i}.since`];
    paths[`measureHolder-${i}`] = [`situation.measures.${i}.holder`];
  });
  return paths;
}

/**
 * The contract's input from the form, or every problem found (field → French sentence), to
 * show them all at once beside their fields. The rules the contract also checks are checked
 * here first, so that nothing waits for a second try.
 */
export function inputOf(d: Draft, t: (k: string) => string): { value: SituationIn } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const day = (s: string, field: string): string | null => {
    if (!s.trim()) return null;
    const iso = parseFrDate(s);
    if (!iso) problems[field] = t('situation.dateInvalid');
    return iso;
  };
  const money = (s: string, field: string): number | null => {
    if (!s.trim()) return null;
    const cents = parseEuros(s);
    if (cents === null) problems[field] = t('aides.amountInvalid');
    return cents;
  };
  const validOn = parseFrDate(d.validOn);
  if (!validOn) problems.validOn = t('situation.dateInvalid');
  const rent = money(d.housing.rent, 'rent');
  const arrears = money(d.housing.arrears, 'arrears');
  const bp = budgetProblem(d.budget);
  if (bp) problems.budget = t(`situation.budget.${bp}`);
  const members: NonNullable<SituationIn['members']> = [];
  for (const m of d.members) {
    const until = day(m.contractUntil, `contractUntil-${m.personId}`);
    if (m.contract === 'cer' && !m.rsa) problems[`contract-${m.personId}`] = t('situation.member.cerNeedsRsa');
    if (m.contract === 'ppae' && !m.franceTravail) problems[`contract-${m.personId}`] = t('situation.member.ppaeNeedsFranceTravail');
    if (m.contract === 'aucun' && m.contractUntil.trim()) problems[`contractUntil-${m.personId}`] = t('situation.member.untilNeedsContract');
    if (!filledLine(m)) continue;
    members.push({
      personId: m.personId,
      activity: m.activity === NONE ? null : (m.activity as (typeof ACTIVITIES)[number]),
      franceTravail: m.franceTravail,
      rsa: m.rsa,
      contract: m.contract as (typeof INSERTION_CONTRACTS)[number],
      contractUntil: until,
      healthCover: m.healthCover === NONE ? null : (m.healthCover as (typeof HEALTH_COVERS)[number]),
    });
  }
  const measures: NonNullable<SituationIn['measures']> = [];
  for (const [i, m] of d.measures.entries()) {
    const since = day(m.since, `measureSince-${i}`);
    measures.push({ kind: m.kind as (typeof MEASURES)[number], personId: m.personId === HOUSEHOLD ? null : Number(m.personId), since, holder: m.holder });
  }
  if (d.allocataire.number.trim() && d.allocataire.organism === NONE) problems.organism = t('situation.allocataire.organismMissing');
  const r = d.referent;
  const referentParcours =
    r.mode === 'none'
      ? null
      : {
          userId: r.mode === 'user' && r.userId ? Number(r.userId) : null,
          partnerId: r.mode === 'partner' && r.partnerId ? Number(r.partnerId) : null,
          name: r.mode === 'user' ? '' : r.name,
          organisation: r.mode === 'other' ? r.organisation : '',
          contact: r.contact,
        };
  if (r.mode === 'user' && !r.userId) problems.referentUser = t('situation.referent.chooseUser');
  if (r.mode === 'partner' && !r.partnerId) problems.referentPartner = t('situation.referent.choosePartner');
  if ((r.mode === 'partner' || r.mode === 'other') && !r.name.trim()) problems.referentName = t('situation.referent.nameMissing');
  if (Object.keys(problems).length > 0 || !validOn) return { problems };
  return {
    value: {
      validOn,
      housing: { status: d.housing.status === NONE ? null : (d.housing.status as (typeof HOUSING_STATUSES)[number]), landlord: d.housing.landlord, rentCents: rent, arrearsCents: arrears, note: d.housing.note },
      budget: budgetOf(d.budget) as SituationIn['budget'],
      members,
      allocataire: { organism: d.allocataire.organism === NONE ? null : (d.allocataire.organism as (typeof BENEFIT_ORGANISMS)[number]), number: d.allocataire.number.replace(/\s+/g, '') },
      measures,
      referentParcours,
      note: d.note,
    },
  };
}

