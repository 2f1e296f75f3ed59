/**
 * The household's situation as the form edits it: a draft of strings from a saved version
 * (`draftOf`), and back to what `dsu:saveSituation` takes, or the first problem found (`inputOf`).
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

/** The contract's input from the form, or the first thing to correct (a French sentence and the field). */
export function inputOf(d: Draft, t: (k: string) => string): { value: SituationIn } | { problem: Problem } {
  const day = (s: string, field: string): string | null | Problem => {
    if (!s.trim()) return null;
    return parseFrDate(s) ?? { field, message: t('situation.dateInvalid') };
  };
  const money = (s: string, field: string): number | null | Problem => {
    if (!s.trim()) return null;
    return parseEuros(s) ?? { field, message: t('aides.amountInvalid') };
  };
  const isProblem = (x: unknown): x is Problem => typeof x === 'object' && x !== null && 'message' in x;
  const validOn = parseFrDate(d.validOn);
  if (!validOn) return { problem: { field: 'validOn', message: t('situation.dateInvalid') } };
  const rent = money(d.housing.rent, 'rent');
  if (isProblem(rent)) return { problem: rent };
  const arrears = money(d.housing.arrears, 'arrears');
  if (isProblem(arrears)) return { problem: arrears };
  const bp = budgetProblem(d.budget);
  if (bp) return { problem: { field: 'budget', message: t(`situation.budget.${bp}`) } };
  const members: NonNullable<SituationIn['members']> = [];
  for (const m of d.members) {
    const until = day(m.contractUntil, `member-${m.personId}`);
    if (isProblem(until)) return { problem: until };
    const filled = m.activity !== NONE || m.franceTravail || m.rsa || m.contract !== 'aucun' || until !== null || m.healthCover !== NONE;
    if (!filled) continue;
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
    const since = day(m.since, `measure-${i}`);
    if (isProblem(since)) return { problem: since };
    measures.push({ kind: m.kind as (typeof MEASURES)[number], personId: m.personId === HOUSEHOLD ? null : Number(m.personId), since, holder: m.holder });
  }
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
  if (r.mode === 'user' && !r.userId) return { problem: { field: 'referentParcours', message: t('situation.referent.chooseUser') } };
  if (r.mode === 'partner' && !r.partnerId) return { problem: { field: 'referentParcours', message: t('situation.referent.choosePartner') } };
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

