/**
 * An aid request's form state (the draft): the contract's fields, with those typed as text
 * (euros, numbers, French dates) or chosen from a list kept as typed, and the conversions
 * between the draft, a saved request and the `aid:save` input.
 */
import type { AidOptions, AidOut } from '../../../src-main/modules';
import type { Input } from '../../api';
import { centsToInput, isoToFr, parseEuros, parseFrDate, today } from '../../ui/format';
import { budgetDraftOf, budgetOf, budgetProblem, type BudgetDraft } from '../budget';

/** The request's own fields as the contract takes them (`aid:save`). */
export type Fields = Required<Omit<Input<'aid:save'>, 'id' | 'dsuId'>>;
/** The form's state: the contract's fields, those typed as text (euros, numbers, a French date) or chosen from a list (possibly not yet) aside. */
export type Draft = Omit<Fields, 'personId' | 'requestedOn' | 'dispositif' | 'nature' | 'amountCents' | 'days' | 'cheques' | 'originPartnerId' | 'consentId' | 'budget'> & {
  personId: string | null;
  requestedOn: string;
  dispositif: string | null;
  nature: Fields['nature'] | null;
  amount: string;
  days: string;
  cheques: string;
  originPartnerId: string | null;
  consentId: string | null;
  budget: BudgetDraft;
};

export const emptyDraft = (personId: number | null): Draft => ({
  personId: personId === null ? null : String(personId),
  requestedOn: isoToFr(today()),
  dispositif: null,
  nature: null,
  object: '',
  amount: '',
  days: '',
  paymentMode: 'virement_beneficiaire',
  cheques: '',
  payeeKind: 'beneficiaire',
  payeeName: '',
  derogation: false,
  pregnancy: false,
  urgent: false,
  origin: 'dsu',
  originPartnerId: null,
  consentId: null,
  noteSociale: '',
  budget: { resources: [], charges: [] },
});

/** The draft with this dispositif chosen: only what it allows stays chosen (its natures, payment modes, derogation). */
export function withDispositif(draft: Draft, code: string | null, d: AidOptions['dispositifs'][number] | undefined): Draft {
  const paymentMode = d && !d.paymentModes.includes(draft.paymentMode) ? d.paymentModes[0]! : draft.paymentMode;
  return {
    ...draft,
    dispositif: code,
    nature: d?.natures.some((n) => n.code === draft.nature) ? draft.nature : (d?.natures[0]?.code ?? null),
    paymentMode,
    // A dispositif paid to a third party only (the FSL pays the landlord): the landlord by default.
    payeeKind: paymentMode === 'virement_tiers' && draft.payeeKind === 'beneficiaire' ? 'bailleur' : draft.payeeKind,
    derogation: draft.derogation && !!d?.derogation,
  };
}

export function draftOf(a: AidOut): Draft {
  return {
    personId: String(a.person.id),
    requestedOn: isoToFr(a.requestedOn),
    dispositif: a.dispositif,
    nature: a.nature,
    object: a.object,
    amount: centsToInput(a.amountCents),
    days: a.days === null ? '' : String(a.days),
    paymentMode: a.paymentMode,
    cheques: a.cheques ? String(a.cheques) : '',
    payeeKind: a.payeeKind,
    payeeName: a.payeeName,
    derogation: a.derogation,
    pregnancy: a.pregnancy,
    urgent: a.urgent,
    origin: a.origin,
    originPartnerId: a.originPartner ? String(a.originPartner.id) : null,
    consentId: a.consent ? String(a.consent.id) : null,
    noteSociale: a.noteSociale,
    budget: budgetDraftOf(a.budget),
  };
}

/** The draft as the contract's input, or the first local problem (field, message key). */
export function inputOf(dsuId: number, d: Draft): { input: Input<'aid:save'> } | { field: string; key: string } {
  const requestedOn = parseFrDate(d.requestedOn);
  if (!d.personId) return { field: 'personId', key: 'aides.need.person' };
  if (!requestedOn) return { field: 'requestedOn', key: 'aides.dateInvalid' };
  if (!d.dispositif) return { field: 'dispositif', key: 'aides.need.dispositif' };
  if (!d.nature) return { field: 'nature', key: 'aides.need.nature' };
  const amountCents = parseEuros(d.amount);
  if (amountCents === null || amountCents === 0) return { field: 'amountCents', key: 'aides.amountInvalid' };
  const problem = budgetProblem(d.budget);
  if (problem) return { field: 'budget', key: problem === 'months' ? 'aides.budget.months' : 'aides.budget.invalid' };
  return {
    input: {
      dsuId,
      personId: Number(d.personId),
      requestedOn,
      dispositif: d.dispositif,
      nature: d.nature,
      object: d.object,
      amountCents,
      days: d.days.trim() ? Number(d.days) : null,
      paymentMode: d.paymentMode,
      cheques: d.paymentMode === 'cheques_accompagnement' ? Number(d.cheques) || 0 : 0,
      payeeKind: d.payeeKind,
      payeeName: d.payeeKind === 'beneficiaire' ? '' : d.payeeName,
      derogation: d.derogation,
      pregnancy: d.pregnancy,
      urgent: d.urgent,
      origin: d.origin,
      originPartnerId: d.origin === 'partenaire' && d.originPartnerId ? Number(d.originPartnerId) : null,
      consentId: d.consentId ? Number(d.consentId) : null,
      noteSociale: d.noteSociale,
      budget: budgetOf(d.budget) as Input<'aid:save'>['budget'],
    },
  };
}
