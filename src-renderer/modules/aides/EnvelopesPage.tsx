/** Yearly envelopes per dispositif (DOMAIN §4.5): voted, engaged, paid, remaining, projection. */
import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../api';
import { must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, DialogActions, DialogBox, ErrorSummary, PageHeader, TextInput } from '../../ui/components';
import { centsToInput, formatCents, isoToFr, parseEuros } from '../../ui/format';

type Envelopes = Output<'envelope:list'>;
type Row = Envelopes['rows'][number];

export function EnvelopesPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const [data, setData] = useState<Envelopes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Row | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = (y: number) => must('envelope:list', { year: y }).then(setData, (e: unknown) => setError(errorText(e)));
  useEffect(() => {
    void load(year);
  }, [year]);
  const total = (k: 'engagedCents' | 'paidCents' | 'projectionCents' | 'pendingCents') => (data?.rows ?? []).reduce((s, r) => s + r[k], 0);
  const voted = (data?.rows ?? []).reduce((s, r) => s + (r.votedCents ?? 0), 0);
  // What remains is counted on the envelopes that have a voted amount only: an envelope not voted
  // yet has nothing to remain from (its engagements would otherwise read as a negative total).
  const remaining = (data?.rows ?? []).reduce((s, r) => s + (r.remainingCents ?? 0), 0);
  const unvoted = (data?.rows ?? []).filter((r) => r.votedCents === null).length;
  return (
    <>
      <PageHeader title={t('nav.envelopes')}>
        <Button onPress={() => setYear(year - 1)}>
          <span aria-hidden="true">← </span>
          {t('aides.envelopes.year', { year: year - 1 })}
        </Button>
        <Button onPress={() => setYear(year + 1)}>
          {t('aides.envelopes.year', { year: year + 1 })}
          <span aria-hidden="true"> →</span>
        </Button>
      </PageHeader>
      <p className="lead">{t('aides.envelopes.lead', { year, day: data ? isoToFr(data.asOf) : '' })}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      {data && (
        <table className="table envelopes">
          <caption className="visually-hidden">{t('aides.envelopes.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('aides.envelopes.envelope')}</th>
              <th scope="col">{t('aides.envelopes.voted')}</th>
              <th scope="col">{t('aides.envelopes.engaged')}</th>
              <th scope="col">{t('aides.envelopes.paid')}</th>
              <th scope="col">{t('aides.envelopes.remaining')}</th>
              <th scope="col">{t('aides.envelopes.projection')}</th>
              <th scope="col">{t('aides.envelopes.pending')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => {
              const over = r.votedCents !== null && r.projectionCents > r.votedCents;
              return (
                <tr key={r.envelope}>
                  <th scope="row">
                    {r.label}
                    {r.dispositifs.length > 1 && <div className="muted small">{r.dispositifs.join(' · ')}</div>}
                    <div className="muted small">{t('aides.envelopes.granted', { count: r.granted })}</div>
                  </th>
                  <td>{r.votedCents === null ? <span className="muted">{t('aides.envelopes.notVoted')}</span> : formatCents(r.votedCents)}</td>
                  <td>{formatCents(r.engagedCents)}</td>
                  <td>{formatCents(r.paidCents)}</td>
                  <td className={r.remainingCents !== null && r.remainingCents < 0 ? 'negative' : ''}>{r.remainingCents === null ? '—' : formatCents(r.remainingCents)}</td>
                  <td className={over ? 'negative' : ''}>
                    {formatCents(r.projectionCents)}
                    {over && <div className="small">{t('aides.envelopes.overrun')}</div>}
                  </td>
                  <td>{formatCents(r.pendingCents)}</td>
                  <td>
                    <Button variant="quiet" onPress={() => setEditing(r)}>
                      {t('aides.envelopes.edit')}
                      <span className="visually-hidden"> — {r.label}</span>
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('aides.envelopes.total')}</th>
              <td>{formatCents(voted)}</td>
              <td>{formatCents(total('engagedCents'))}</td>
              <td>{formatCents(total('paidCents'))}</td>
              <td>
                {formatCents(remaining)}
                {unvoted > 0 && <span className="muted"> {t('aides.envelopes.remainingVotedOnly', { count: unvoted })}</span>}
              </td>
              <td>{formatCents(total('projectionCents'))}</td>
              <td>{formatCents(total('pendingCents'))}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      {editing && (
        <VotedDialog
          year={year}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('aides.envelopes.saved'));
            void load(year);
          }}
        />
      )}
    </>
  );
}

function VotedDialog({ year, row, onClose, onSaved }: { year: number; row: Row; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(centsToInput(row.votedCents));
  const form = useFormErrors({ voted: ['votedCents'] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuros(amount);
    if (!form.check(cents === null ? { voted: t('aides.amountInvalid') } : {}) || cents === null) return;
    try {
      await must('envelope:set', { year, envelope: row.envelope, votedCents: cents });
      onSaved();
    } catch (err) {
      form.fail(err);
    }
  };
  return (
    <DialogBox title={t('aides.envelopes.editTitle', { label: row.label, year })} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <TextInput label={t('aides.envelopes.voted')} name="voted" value={amount} onChange={setAmount} isRequired description={t('aides.amountHint')} error={form.of('voted')} />
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={t('common.save')} />
      </Form>
    </DialogBox>
  );
}
