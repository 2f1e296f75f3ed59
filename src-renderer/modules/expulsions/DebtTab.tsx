/**
 * The rent debt over time: a dated series drawn as an SVG line (no chart library), described
 * for assistive technologies, with the same figures as a table beneath; a form adds a figure.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, ErrorSummary, TextInput } from '../../ui/components';
import { formatCents, isoToFr, parseEuros, parseFrDate, today } from '../../ui/format';
import type { CaseOut, TabProps } from './types';

const W = 640;
const H = 220;
const PAD = { left: 70, right: 16, top: 16, bottom: 36 };

/** Days since 1970, for the horizontal scale. */
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export function DebtChart({ debts }: { debts: CaseOut['debts'] }) {
  const { t } = useTranslation();
  if (debts.length === 0) return null;
  const xs = debts.map((d) => dayNumber(d.day));
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const maxY = Math.max(...debts.map((d) => d.amountCents), 1);
  const x = (v: number) => PAD.left + (maxX === minX ? (W - PAD.left - PAD.right) / 2 : ((v - minX) / (maxX - minX)) * (W - PAD.left - PAD.right));
  const y = (v: number) => H - PAD.bottom - (v / maxY) * (H - PAD.top - PAD.bottom);
  const points = debts.map((d, i) => `${x(xs[i]!).toFixed(1)},${y(d.amountCents).toFixed(1)}`).join(' ');
  const first = debts[0]!;
  const last = debts[debts.length - 1]!;
  const summary = t('expulsions.debtTab.chartSummary', { count: debts.length, from: isoToFr(first.day), to: isoToFr(last.day), first: formatCents(first.amountCents), last: formatCents(last.amountCents), max: formatCents(maxY) });
  return (
    <figure className="exp-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="exp-chart-title exp-chart-desc" width="100%" preserveAspectRatio="xMidYMid meet">
        <title id="exp-chart-title">{t('expulsions.debtTab.chartTitle')}</title>
        <desc id="exp-chart-desc">{summary}</desc>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="exp-axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} className="exp-axis" />
        <text x={PAD.left - 6} y={y(maxY) + 4} textAnchor="end" className="exp-tick">
          {formatCents(maxY)}
        </text>
        <text x={PAD.left - 6} y={H - PAD.bottom + 4} textAnchor="end" className="exp-tick">
          0 €
        </text>
        <text x={x(minX)} y={H - 12} textAnchor="start" className="exp-tick">
          {isoToFr(first.day)}
        </text>
        {maxX !== minX && (
          <text x={x(maxX)} y={H - 12} textAnchor="end" className="exp-tick">
            {isoToFr(last.day)}
          </text>
        )}
        <polyline points={points} className="exp-line" fill="none" />
        {debts.map((d, i) => (
          <circle key={d.id} cx={x(xs[i]!)} cy={y(d.amountCents)} r={4} className="exp-point" />
        ))}
      </svg>
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}

export function DebtTab({ c, onChanged }: TabProps) {
  const { t } = useTranslation();
  const [day, setDay] = useState(isoToFr(today()));
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors(['day', 'amountCents']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = parseFrDate(day);
    const cents = parseEuros(amount);
    const local: Record<string, string> = {};
    if (!d) local.day = t('expulsions.dateInvalid');
    if (cents === null) local.amountCents = t('expulsions.amountInvalid');
    if (!errs.check(local) || !d || cents === null) return;
    setBusy(true);
    try {
      await must('expulsions:addDebt', { caseId: c.id, day: d, amountCents: cents });
      errs.clear();
      setAmount('');
      onChanged(t('expulsions.debtTab.added', { amount: formatCents(cents), date: isoToFr(d) }));
    } catch (err) {
      errs.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="exp-debt-title">
      <h2 id="exp-debt-title">{t('expulsions.debtTab.title')}</h2>
      {c.debts.length === 0 ? <p className="muted">{t('expulsions.debtTab.none')}</p> : <DebtChart debts={c.debts} />}
      {c.debts.length > 0 && (
        <table className="table exp-table exp-debt-table">
          <caption className="visually-hidden">{t('expulsions.debtTab.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('expulsions.debtTab.day')}</th>
              <th scope="col" className="num">
                {t('expulsions.debtTab.amount')}
              </th>
              <th scope="col">{t('expulsions.debtTab.by')}</th>
            </tr>
          </thead>
          <tbody>
            {c.debts.map((d) => (
              <tr key={d.id}>
                <td>{isoToFr(d.day)}</td>
                <td className="num">{formatCents(d.amountCents)}</td>
                <td>{d.recordedBy.displayName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.canWrite && (
        <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="exp-debt-form" aria-labelledby="exp-debt-add">
          <h3 id="exp-debt-add">{t('expulsions.debtTab.add')}</h3>
          <ErrorSummary errors={errs.errors} />
          <div className="form-row">
            <TextInput label={t('expulsions.debtTab.day')} name="debtDay" value={day} onChange={setDay} format="date" isRequired error={errs.of('day')} />
            <TextInput label={t('expulsions.debtTab.amount')} name="debtAmount" value={amount} onChange={setAmount} isRequired error={errs.of('amountCents')} />
            <Button type="submit" variant="primary" isDisabled={busy}>
              {t('expulsions.debtTab.save')}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
