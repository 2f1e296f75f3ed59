/**
 * The monthly budget diagnosis (DOMAIN §4.3): resources and charges, with totals. Where a
 * dispositif's test averages three months of resources (quotient familial), each resource line
 * also takes the two months before; left empty, the month in course counts for the three.
 */
import { useTranslation } from 'react-i18next';
import { CHARGE_KINDS, RESOURCE_KINDS } from '../../../src-main/modules/budget/kinds';
import { Button, SelectField, TextInput } from '../../ui/components';
import { centsToInput, formatCents, parseEuros } from '../../ui/format';

export interface BudgetLine {
  kind: string;
  amount: string;
  label: string;
  /** Resources only: the two months before, oldest first (`[M-2, M-1]`); both empty when not given. */
  earlier?: [string, string];
}
export interface BudgetDraft {
  resources: BudgetLine[];
  charges: BudgetLine[];
}
/** A budget as the contract carries it (amounts in cents). */
export interface BudgetValue {
  resources: { kind: string; amountCents: number; label: string; previousMonthsCents?: [number, number] | undefined }[];
  charges: { kind: string; amountCents: number; label: string }[];
}

const total = (lines: BudgetLine[]) => lines.reduce((s, l) => s + (parseEuros(l.amount) ?? 0), 0);
const hasEarlier = (l: BudgetLine) => !!l.earlier && (l.earlier[0].trim() !== '' || l.earlier[1].trim() !== '');

/** The form's lines from a stored budget. */
export function budgetDraftOf(b: BudgetValue): BudgetDraft {
  return {
    resources: b.resources.map((l) => ({
      kind: l.kind,
      amount: centsToInput(l.amountCents),
      label: l.label,
      ...(l.previousMonthsCents ? { earlier: [centsToInput(l.previousMonthsCents[0]), centsToInput(l.previousMonthsCents[1])] as [string, string] } : {}),
    })),
    charges: b.charges.map((l) => ({ kind: l.kind, amount: centsToInput(l.amountCents), label: l.label })),
  };
}

/** The budget to send (call `budgetProblem` first: an unreadable amount becomes 0 here). */
export function budgetOf(d: BudgetDraft): BudgetValue {
  return {
    resources: d.resources.map((l) => ({
      kind: l.kind,
      amountCents: parseEuros(l.amount) ?? 0,
      label: l.label,
      ...(hasEarlier(l) ? { previousMonthsCents: [parseEuros(l.earlier![0]) ?? 0, parseEuros(l.earlier![1]) ?? 0] as [number, number] } : {}),
    })),
    charges: d.charges.map((l) => ({ kind: l.kind, amountCents: parseEuros(l.amount) ?? 0, label: l.label })),
  };
}

/** The first problem: an empty or unreadable amount (`empty`, `amount`), or earlier months given by half (`months`). */
export function budgetProblem(b: BudgetDraft): string | null {
  for (const l of [...b.resources, ...b.charges]) if (parseEuros(l.amount) === null) return l.amount.trim() ? 'amount' : 'empty';
  for (const l of b.resources) if (hasEarlier(l) && l.earlier!.some((x) => parseEuros(x) === null)) return 'months';
  return null;
}

export function BudgetForm({ value, onChange, readOnly = false, threeMonths = false }: { value: BudgetDraft; onChange: (b: BudgetDraft) => void; readOnly?: boolean; threeMonths?: boolean }) {
  const { t } = useTranslation();
  const months = threeMonths || value.resources.some(hasEarlier);
  const side = (key: 'resources' | 'charges', kinds: readonly string[]) => {
    const lines = value[key];
    const withMonths = key === 'resources' && months;
    const set = (i: number, patch: Partial<BudgetLine>) => onChange({ ...value, [key]: lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
    const money = (s: string) => (s.trim() && parseEuros(s) === null ? t('aides.amountInvalid') : undefined);
    const earlierOf = (l: BudgetLine): [string, string] => l.earlier ?? ['', ''];
    const kindName = (l: BudgetLine) => t(`aides.budget.kinds.${l.kind}`);
    const cents = (s: string) => parseEuros(s) ?? 0;
    // The three months' sum of each line (an empty earlier month repeats the month in course), ÷ 3 rounded down.
    const average = Math.floor(lines.reduce((s, l) => s + cents(l.amount) + (hasEarlier(l) ? cents(earlierOf(l)[0]) + cents(earlierOf(l)[1]) : 2 * cents(l.amount)), 0) / 3);
    return (
      <fieldset className={withMonths ? 'budget-side wide' : 'budget-side'}>
        <legend>{t(`aides.budget.${key}`)}</legend>
        {withMonths && !readOnly && <p className="muted small">{t('aides.budget.threeMonthsLead')}</p>}
        {lines.length === 0 && <p className="muted">{t('common.none')}</p>}
        {/* The column headers, shown once; each control has its own label naming its line (RGAA 11.2). */}
        {!readOnly && lines.length > 0 && (
          <div className={withMonths ? 'budget-head three' : 'budget-head'} aria-hidden="true">
            <span>{t('aides.budget.kind')}</span>
            {withMonths && (
              <>
                <span>{t('aides.budget.monthMinus2')}</span>
                <span>{t('aides.budget.monthMinus1')}</span>
              </>
            )}
            <span>{withMonths ? t('aides.budget.monthCurrent') : t('aides.budget.amount')}</span>
          </div>
        )}
        {lines.map((l, i) => (
          <div className={withMonths && !readOnly ? 'budget-line three' : 'budget-line'} key={i}>
            {readOnly ? (
              <span>
                {t(`aides.budget.kinds.${l.kind}`)}
                {l.label && ` (${l.label})`} : <strong>{formatCents(cents(l.amount))}</strong>
                {hasEarlier(l) && ` ${t('aides.budget.earlierShort', { m2: formatCents(cents(earlierOf(l)[0])), m1: formatCents(cents(earlierOf(l)[1])) })}`}
              </span>
            ) : (
              <>
                <SelectField labelHidden label={t('a11y.budgetKindN', { side: t(key === 'resources' ? 'a11y.resource' : 'a11y.charge'), n: i + 1 })} value={l.kind} onChange={(k) => set(i, { kind: k ?? l.kind })} options={kinds.map((k) => ({ id: k, label: t(`aides.budget.kinds.${k}`) }))} />
                {withMonths && (
                  <>
                    <TextInput labelHidden label={t('a11y.budgetM2Of', { kind: kindName(l) })} name={`${key}-${i}-m2`} value={earlierOf(l)[0]} onChange={(v) => set(i, { earlier: [v, earlierOf(l)[1]] })} error={money(earlierOf(l)[0])} />
                    <TextInput labelHidden label={t('a11y.budgetM1Of', { kind: kindName(l) })} name={`${key}-${i}-m1`} value={earlierOf(l)[1]} onChange={(v) => set(i, { earlier: [earlierOf(l)[0], v] })} error={money(earlierOf(l)[1])} />
                  </>
                )}
                <TextInput labelHidden label={t(withMonths ? 'a11y.budgetCurrentOf' : 'a11y.budgetAmountOf', { kind: kindName(l) })} name={`${key}-${i}`} value={l.amount} onChange={(v) => set(i, { amount: v })} error={money(l.amount)} />
                <Button variant="quiet" aria-label={t('aides.budget.remove', { kind: t(`aides.budget.kinds.${l.kind}`) })} onPress={() => onChange({ ...value, [key]: lines.filter((_, j) => j !== i) })}>
                  ✕
                </Button>
              </>
            )}
          </div>
        ))}
        {!readOnly && (
          <Button variant="quiet" onPress={() => onChange({ ...value, [key]: [...lines, { kind: kinds[0]!, amount: '', label: '' }] })}>
            {t(key === 'resources' ? 'aides.budget.addResource' : 'aides.budget.addCharge')}
          </Button>
        )}
        <p className="budget-total">{t('aides.budget.total', { amount: formatCents(total(lines)) })}</p>
        {withMonths && <p className="budget-total">{t('aides.budget.average', { amount: formatCents(average) })}</p>}
      </fieldset>
    );
  };
  const balance = total(value.resources) - total(value.charges);
  return (
    <div className="budget">
      <div className="budget-sides">
        {side('resources', RESOURCE_KINDS)}
        {side('charges', CHARGE_KINDS)}
      </div>
      <p className={balance < 0 ? 'budget-balance negative' : 'budget-balance'}>{t('aides.budget.balance', { amount: formatCents(balance) })}</p>
    </div>
  );
}
