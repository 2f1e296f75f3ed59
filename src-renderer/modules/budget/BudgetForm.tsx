/** The monthly budget diagnosis (DOMAIN §4.3): resources and charges, with totals. */
import { useTranslation } from 'react-i18next';
import { CHARGE_KINDS, RESOURCE_KINDS } from '../../../src-main/modules/budget/kinds';
import { Button, SelectField, TextInput } from '../../ui/components';
import { formatCents, parseEuros } from '../../ui/format';

export interface BudgetLine {
  kind: string;
  amount: string;
  label: string;
}
export interface BudgetDraft {
  resources: BudgetLine[];
  charges: BudgetLine[];
}

const total = (lines: BudgetLine[]) => lines.reduce((s, l) => s + (parseEuros(l.amount) ?? 0), 0);

export function budgetProblem(b: BudgetDraft): string | null {
  for (const l of [...b.resources, ...b.charges]) if (parseEuros(l.amount) === null) return l.amount.trim() ? 'amount' : 'empty';
  return null;
}

export function BudgetForm({ value, onChange, readOnly = false }: { value: BudgetDraft; onChange: (b: BudgetDraft) => void; readOnly?: boolean }) {
  const { t } = useTranslation();
  const side = (key: 'resources' | 'charges', kinds: readonly string[]) => {
    const lines = value[key];
    const set = (i: number, patch: Partial<BudgetLine>) => onChange({ ...value, [key]: lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
    return (
      <fieldset className="budget-side">
        <legend>{t(`aides.budget.${key}`)}</legend>
        {lines.length === 0 && <p className="muted">{t('common.none')}</p>}
        {lines.map((l, i) => (
          <div className="budget-line" key={i}>
            {readOnly ? (
              <span>
                {t(`aides.budget.kinds.${l.kind}`)}
                {l.label && ` (${l.label})`} : <strong>{formatCents(parseEuros(l.amount) ?? 0)}</strong>
              </span>
            ) : (
              <>
                <SelectField label={t('aides.budget.kind')} value={l.kind} onChange={(k) => set(i, { kind: k ?? l.kind })} options={kinds.map((k) => ({ id: k, label: t(`aides.budget.kinds.${k}`) }))} />
                <TextInput
                  label={t('aides.budget.amount')}
                  name={`${key}-${i}`}
                  value={l.amount}
                  onChange={(v) => set(i, { amount: v })}
                  error={l.amount.trim() && parseEuros(l.amount) === null ? t('aides.amountInvalid') : undefined}
                />
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
