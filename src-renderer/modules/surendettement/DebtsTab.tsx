/**
 * The debts of the file: one line each (creditor from the directory or typed, nature, amount
 * owed, monthly instalment, date, proceedings, guarantor), totals by nature; an edit keeps the
 * earlier version (shown under « Historique »), a removal is kept as such.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, CheckboxField, ConfirmDialog, DialogActions, DialogBox, RadioList, SelectField, TextInput } from '../../ui/components';
import { centsToInput, formatCents, formatDateTime, isoToFr, parseEuros, parseFrDate } from '../../ui/format';
import { DEBT_NATURES, PROCEEDINGS } from '../../../src-main/modules/surendettement/kinds';
import type { DebtOut, FileOut, TabProps } from './types';

export function DebtsTab({ file, onChanged }: TabProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<DebtOut | 'new' | null>(null);
  const [removing, setRemoving] = useState<DebtOut | null>(null);
  const [history, setHistory] = useState<DebtOut | null>(null);
  return (
    <section className="panel" aria-labelledby="sur-debts-title">
      <div className="panel-header">
        <h2 id="sur-debts-title">{t('surendettement.debts.title', { count: file.debts.length })}</h2>
        {file.canWrite && (
          <Button variant="primary" onPress={() => setEditing('new')}>
            {t('surendettement.debts.add')}
          </Button>
        )}
      </div>
      {file.debts.length === 0 ? (
        <p className="muted">{t('surendettement.debts.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table sur-debts">
            <caption className="visually-hidden">{t('surendettement.debts.caption', { household: file.household })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surendettement.debts.creditor')}</th>
                <th scope="col">{t('surendettement.debts.nature')}</th>
                <th scope="col" className="num">{t('surendettement.debts.amount')}</th>
                <th scope="col" className="num">{t('surendettement.debts.monthly')}</th>
                <th scope="col">{t('surendettement.debts.date')}</th>
                <th scope="col">{t('surendettement.debts.proceedings')}</th>
                <th scope="col">{t('surendettement.debts.guarantor')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {file.debts.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {d.creditor}
                    {d.mainResidence && <span className="muted small"> — {t('surendettement.debts.mainResidenceShort')}</span>}
                  </th>
                  <td>{t(`surendettement.natures.${d.nature}`)}</td>
                  <td className="num">{formatCents(d.amountCents)}</td>
                  <td className="num">{formatCents(d.monthlyCents)}</td>
                  <td>{d.debtDate ? isoToFr(d.debtDate) : '—'}</td>
                  <td>{t(`surendettement.proceedings.${d.proceedings}`)}</td>
                  <td>{d.guarantor || '—'}</td>
                  <td className="actions">
                    {file.canWrite && (
                      <>
                        <Button variant="quiet" onPress={() => setEditing(d)} aria-label={t('surendettement.debts.editOf', { creditor: d.creditor })}>
                          {t('common.edit')}
                        </Button>
                        <Button variant="quiet" onPress={() => setRemoving(d)} aria-label={t('surendettement.debts.removeOf', { creditor: d.creditor })}>
                          {t('surendettement.debts.remove')}
                        </Button>
                      </>
                    )}
                    {d.history.length > 0 && (
                      <Button variant="quiet" onPress={() => setHistory(d)} aria-label={t('surendettement.debts.historyOf', { creditor: d.creditor })}>
                        {t('surendettement.debts.history', { count: d.history.length })}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {file.totals.byNature.map((n) => (
                <tr key={n.nature} className="sur-subtotal">
                  <th scope="row" colSpan={2}>
                    {t('surendettement.debts.totalOf', { nature: t(`surendettement.natures.${n.nature}`), count: n.count })}
                  </th>
                  <td className="num">{formatCents(n.amountCents)}</td>
                  <td className="num">{formatCents(n.monthlyCents)}</td>
                  <td colSpan={4} />
                </tr>
              ))}
              <tr>
                <th scope="row" colSpan={2}>
                  {t('surendettement.debts.total')}
                </th>
                <td className="num" data-testid="sur-total-amount">{formatCents(file.totals.amountCents)}</td>
                <td className="num">{formatCents(file.totals.monthlyCents)}</td>
                <td colSpan={4} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {file.removedDebts.length > 0 && (
        <details className="sur-removed">
          <summary>{t('surendettement.debts.removed', { count: file.removedDebts.length })}</summary>
          <ul>
            {file.removedDebts.map((d) => (
              <li key={d.id}>
                {t('surendettement.debts.removedItem', { creditor: d.creditor, amount: formatCents(d.amountCents), at: formatDateTime(d.recordedAt), by: d.recordedBy.displayName })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {editing && (
        <DebtDialog
          file={file}
          debt={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            setEditing(null);
            onChanged(m);
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('surendettement.debts.removeTitle', { creditor: removing.creditor })}
          confirmLabel={t('surendettement.debts.remove')}
          variant="danger"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await must('surendettement:removeDebt', { fileId: file.id, debtId: removing.id });
            setRemoving(null);
            onChanged(t('surendettement.debts.removedNotice', { creditor: removing.creditor }));
          }}
        >
          <p>{t('surendettement.debts.removeLead')}</p>
        </ConfirmDialog>
      )}
      {history && (
        <DialogBox title={t('surendettement.debts.historyTitle', { creditor: history.creditor })} isOpen onClose={() => setHistory(null)}>
          <ol className="plain">
            {[history, ...history.history].map((v, i) => (
              <li key={i}>
                <strong>{t('surendettement.debts.versionOf', { at: formatDateTime(v.recordedAt), by: v.recordedBy.displayName })}</strong> — {v.creditor}, {t(`surendettement.natures.${v.nature}`)},{' '}
                {formatCents(v.amountCents)}, {t('surendettement.debts.monthlyShort', { amount: formatCents(v.monthlyCents) })}, {t(`surendettement.proceedings.${v.proceedings}`)}
              </li>
            ))}
          </ol>
          <div className="actions">
            <Button slot="close">{t('surendettement.close')}</Button>
          </div>
        </DialogBox>
      )}
    </section>
  );
}

function DebtDialog({ file, debt, onClose, onSaved }: { file: FileOut; debt: DebtOut | null; onClose: () => void; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<'partner' | 'free'>(debt && debt.partnerId === null ? 'free' : file.partners.length > 0 ? 'partner' : 'free');
  const [partnerId, setPartnerId] = useState<string | null>(debt?.partnerId ? String(debt.partnerId) : null);
  const [creditor, setCreditor] = useState(debt && debt.partnerId === null ? debt.creditor : '');
  const [nature, setNature] = useState<string | null>(debt?.nature ?? null);
  const [amount, setAmount] = useState(debt ? centsToInput(debt.amountCents) : '');
  const [monthly, setMonthly] = useState(debt ? centsToInput(debt.monthlyCents) : '');
  const [date, setDate] = useState(debt?.debtDate ? isoToFr(debt.debtDate) : '');
  const [proceedings, setProceedings] = useState<string | null>(debt?.proceedings ?? 'aucune');
  const [guarantor, setGuarantor] = useState(debt?.guarantor ?? '');
  const [mainResidence, setMainResidence] = useState(debt?.mainResidence ?? false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const amountCents = parseEuros(amount);
    const monthlyCents = monthly.trim() === '' ? 0 : parseEuros(monthly);
    const debtDate = date.trim() === '' ? null : parseFrDate(date);
    if (source === 'partner' && !partnerId) return setError({ message: t('surendettement.debts.chooseCreditor'), field: 'partnerId' });
    if (source === 'free' && !creditor.trim()) return setError({ message: t('surendettement.debts.typeCreditor'), field: 'creditor' });
    if (!nature) return setError({ message: t('surendettement.debts.chooseNature'), field: 'nature' });
    if (amountCents === null) return setError({ message: t('surendettement.amountInvalid'), field: 'amount' });
    if (monthlyCents === null) return setError({ message: t('surendettement.amountInvalid'), field: 'monthly' });
    if (date.trim() !== '' && !debtDate) return setError({ message: t('surendettement.dateInvalid'), field: 'date' });
    setBusy(true);
    try {
      await must('surendettement:saveDebt', {
        fileId: file.id,
        debtId: debt?.id ?? null,
        partnerId: source === 'partner' ? Number(partnerId) : null,
        creditor: source === 'free' ? creditor : '',
        nature: nature as (typeof DEBT_NATURES)[number],
        amountCents,
        monthlyCents,
        debtDate,
        proceedings: (proceedings ?? 'aucune') as (typeof PROCEEDINGS)[number],
        guarantor,
        mainResidence,
      });
      onSaved(t(debt ? 'surendettement.debts.updated' : 'surendettement.debts.added', { creditor: source === 'partner' ? (file.partners.find((p) => String(p.id) === partnerId)?.name ?? '') : creditor.trim() }));
    } catch (err) {
      setError({ message: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <DialogBox title={debt ? t('surendettement.debts.editTitle', { creditor: debt.creditor }) : t('surendettement.debts.addTitle')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="sur-debt-form">
        <RadioList
          label={t('surendettement.debts.creditorSource')}
          value={source}
          onChange={setSource}
          options={[
            { value: 'partner', label: t('surendettement.debts.fromDirectory') },
            { value: 'free', label: t('surendettement.debts.typed') },
          ]}
        />
        {source === 'partner' ? (
          <SelectField label={t('surendettement.debts.creditor')} value={partnerId} onChange={setPartnerId} isRequired error={fieldError('partnerId')} options={file.partners.map((p) => ({ id: String(p.id), label: p.name }))} />
        ) : (
          <TextInput label={t('surendettement.debts.creditor')} name="creditor" value={creditor} onChange={setCreditor} isRequired error={fieldError('creditor')} />
        )}
        <SelectField label={t('surendettement.debts.nature')} value={nature} onChange={setNature} isRequired error={fieldError('nature')} options={DEBT_NATURES.map((n) => ({ id: n, label: t(`surendettement.natures.${n}`) }))} />
        <div className="form-row">
          <TextInput label={t('surendettement.debts.amountEuros')} name="amount" value={amount} onChange={setAmount} isRequired error={fieldError('amount')} />
          <TextInput label={t('surendettement.debts.monthlyEuros')} name="monthly" value={monthly} onChange={setMonthly} error={fieldError('monthly')} />
          <TextInput label={t('surendettement.debts.date')} name="debtDate" value={date} onChange={setDate} format="date" error={fieldError('date')} />
        </div>
        <SelectField label={t('surendettement.debts.proceedings')} value={proceedings} onChange={setProceedings} options={PROCEEDINGS.map((p) => ({ id: p, label: t(`surendettement.proceedings.${p}`) }))} />
        <TextInput label={t('surendettement.debts.guarantor')} name="guarantor" value={guarantor} onChange={setGuarantor} />
        <CheckboxField label={t('surendettement.debts.mainResidence')} value={mainResidence} onChange={setMainResidence} />
        {error && !error.field && <Alert kind="error">{error.message}</Alert>}
        <DialogActions submitLabel={debt ? t('common.save') : t('common.add')} busy={busy} />
      </Form>
    </DialogBox>
  );
}
