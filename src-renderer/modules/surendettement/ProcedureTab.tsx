/**
 * The procedure (DOMAIN §5): its stages in the order recorded, grouped by deposit (a redépôt
 * opens the next), each with its date, notification, decision and document reference; the
 * orientation and the plan (start, duration, monthly payment, creditors' shares). A form adds
 * the next stage; the deadlines that follow are listed with how each was counted.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, CheckboxField, DialogActions, DialogBox, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { centsToInput, formatCents, isoToFr, parseEuros, parseFrDate, today } from '../../ui/format';
import { ORIENTATIONS, RECEVABILITE_DECISIONS, STAGE_KINDS } from '../../../src-main/modules/surendettement/kinds';
import type { FileOut, TabProps } from './types';

type StageKind = (typeof STAGE_KINDS)[number];

/** Whether a stage may follow what is recorded in the current deposit (the main process checks the same, and says why). */
function offered(k: StageKind, recevable: boolean): boolean {
  switch (k) {
    case 'depot':
      return false;
    case 'recevabilite':
      return !recevable;
    case 'orientation':
    case 'plan_conventionnel':
    case 'mesures_imposees':
      return recevable;
    default:
      return true;
  }
}

/** The stages that make sense after what is recorded. */
function nextKinds(f: FileOut): StageKind[] {
  if (f.stages.length === 0) return ['depot'];
  if (f.status === 'clos') return ['redepot'];
  const recevable = f.stages.some((s) => s.cycle === f.cycle && s.kind === 'recevabilite' && s.decision === 'recevable');
  return STAGE_KINDS.filter((k) => offered(k, recevable));
}

export function decisionLabel(t: (k: string) => string, decision: string): string {
  return (RECEVABILITE_DECISIONS as readonly string[]).includes(decision) || (ORIENTATIONS as readonly string[]).includes(decision) ? t(`surendettement.decisions.${decision}`) : decision;
}

export function ProcedureTab({ file, onChanged }: TabProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const cycles = [...new Set(file.stages.map((s) => s.cycle))];
  return (
    <div className="sur-procedure">
      <section className="panel" aria-labelledby="sur-procedure-title">
        <div className="panel-header">
          <h2 id="sur-procedure-title">{t('surendettement.procedure.title')}</h2>
          {file.canWrite && (
            <Button variant="primary" onPress={() => setAdding(true)}>
              {t('surendettement.procedure.add')}
            </Button>
          )}
        </div>
        {file.stages.length === 0 && <p className="muted">{t('surendettement.procedure.none')}</p>}
        {cycles.map((c) => (
          <div key={c}>
            {cycles.length > 1 && <h3>{t('surendettement.procedure.cycle', { n: c })}</h3>}
            <ol className="sur-stages">
              {file.stages
                .filter((s) => s.cycle === c)
                .map((s) => (
                  <li key={s.id}>
                    <strong>
                      {isoToFr(s.day)} — {t(`surendettement.stages.${s.kind}`)}
                    </strong>
                    {s.decision && <> : {decisionLabel(t, s.decision)}</>}
                    {s.notifiedOn && <> — {t('surendettement.procedure.notifiedOn', { date: isoToFr(s.notifiedOn) })}</>}
                    {s.reference && <> — {t('surendettement.procedure.referenceIs', { reference: s.reference })}</>}
                    {s.plan && (
                      <p className="sur-plan">
                        {t('surendettement.procedure.planLine', { start: isoToFr(s.plan.start), months: s.plan.months, amount: formatCents(s.plan.monthlyCents) })}
                        {s.plan.mainResidenceLoans && <> {t('surendettement.procedure.mainResidenceLoans')}</>}
                        {s.plan.shares.length > 0 && (
                          <span className="muted">
                            {' '}
                            {t('surendettement.procedure.shares')}{' '}
                            {s.plan.shares.map((x) => `${[...file.debts, ...file.removedDebts].find((d) => d.id === x.debtId)?.creditor ?? '—'} ${formatCents(x.cents)}`).join(' ; ')}
                          </span>
                        )}
                      </p>
                    )}
                    {s.note && <p className="muted">{s.note}</p>}
                    <span className="muted small"> {t('surendettement.procedure.recordedBy', { by: s.recordedBy.displayName })}</span>
                  </li>
                ))}
            </ol>
          </div>
        ))}
      </section>
      <section className="panel" aria-labelledby="sur-deadlines-title-2">
        <h2 id="sur-deadlines-title-2">{t('surendettement.deadlines.title')}</h2>
        <DeadlinesList file={file} />
      </section>
      {adding && (
        <StageDialog
          file={file}
          onClose={() => setAdding(false)}
          onSaved={(m) => {
            setAdding(false);
            onChanged(m);
          }}
        />
      )}
    </div>
  );
}

export function DeadlinesList({ file }: { file: FileOut }) {
  const { t } = useTranslation();
  if (file.deadlines.length === 0) return <p className="muted">{t('surendettement.deadlines.none')}</p>;
  const now = today();
  return (
    <ul className="plain sur-deadlines">
      {file.deadlines.map((d) => (
        <li key={`${d.kind}-${d.due}`} className={d.due < now ? 'past' : ''}>
          <strong>{isoToFr(d.due)}</strong> — {d.label}
          {d.due < now && <span className="muted"> ({t('surendettement.deadlines.past')})</span>}
          <br />
          <span className="muted small">
            {d.rule} {d.article}.
          </span>
        </li>
      ))}
    </ul>
  );
}

function StageDialog({ file, onClose, onSaved }: { file: FileOut; onClose: () => void; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const kinds = nextKinds(file);
  const [kind, setKind] = useState<StageKind>(kinds[0]!);
  const [day, setDay] = useState(isoToFr(today()));
  const [notified, setNotified] = useState('');
  const [decision, setDecision] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [start, setStart] = useState('');
  const [months, setMonths] = useState('');
  const [monthly, setMonthly] = useState(file.capacity ? centsToInput(file.capacity.capacityCents) : '');
  const [mainResidence, setMainResidence] = useState(false);
  const [shares, setShares] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isPlan = kind === 'plan_conventionnel' || kind === 'mesures_imposees';
  const decisions = kind === 'recevabilite' ? RECEVABILITE_DECISIONS : kind === 'orientation' ? ORIENTATIONS : null;
  const notifiable = kind === 'recevabilite' || kind === 'mesures_imposees' || kind === 'plan_conventionnel' || kind === 'orientation';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = parseFrDate(day);
    const n = notified.trim() ? parseFrDate(notified) : null;
    if (!d || (notified.trim() && !n)) return setError(t('surendettement.dateInvalid'));
    if (decisions && !decision) return setError(t('surendettement.procedure.chooseDecision'));
    let plan = null;
    if (isPlan) {
      const s = parseFrDate(start);
      const m = Number(months);
      const p = parseEuros(monthly);
      if (!s) return setError(t('surendettement.procedure.startInvalid'));
      if (!Number.isInteger(m) || m < 1) return setError(t('surendettement.procedure.monthsInvalid'));
      if (p === null) return setError(t('surendettement.amountInvalid'));
      const given = Object.entries(shares).filter(([, v]) => v.trim() !== '');
      const parsed = given.map(([k, v]) => ({ debtId: Number(k), cents: parseEuros(v) }));
      if (parsed.some((x) => x.cents === null)) return setError(t('surendettement.amountInvalid'));
      plan = { start: s, months: m, monthlyCents: p, mainResidenceLoans: mainResidence, shares: parsed.map((x) => ({ debtId: x.debtId, cents: x.cents ?? 0 })) };
    }
    setBusy(true);
    try {
      await must('surendettement:addStage', {
        fileId: file.id,
        kind,
        day: d,
        notifiedOn: notifiable ? n : null,
        decision: decisions ? (decision ?? '') : kind === 'cloture' ? reason : kind === 'audience' ? reason : '',
        reference,
        note,
        plan,
      });
      onSaved(t('surendettement.procedure.added', { stage: t(`surendettement.stages.${kind}`), date: isoToFr(d) }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogBox title={t('surendettement.procedure.addTitle')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="sur-stage-form">
        <SelectField
          label={t('surendettement.procedure.kind')}
          value={kind}
          onChange={(v) => {
            setKind((v ?? kinds[0]!) as StageKind);
            setDecision(null);
            setError(null);
          }}
          options={kinds.map((k) => ({ id: k, label: t(`surendettement.stages.${k}`) }))}
        />
        <div className="form-row">
          <TextInput label={t(kind === 'audience' ? 'surendettement.procedure.hearingDay' : 'surendettement.procedure.day')} name="day" value={day} onChange={setDay} format="date" isRequired />
          {notifiable && <TextInput label={t('surendettement.procedure.notified')} name="notifiedOn" value={notified} onChange={setNotified} format="date" />}
        </div>
        {decisions && (
          <SelectField label={t('surendettement.procedure.decision')} value={decision} onChange={setDecision} isRequired options={decisions.map((x) => ({ id: x, label: t(`surendettement.decisions.${x}`) }))} />
        )}
        {(kind === 'cloture' || kind === 'audience') && (
          <TextInput label={t(kind === 'cloture' ? 'surendettement.procedure.closeReason' : 'surendettement.procedure.hearingLabel')} name="reason" value={reason} onChange={setReason} isRequired={kind === 'cloture'} />
        )}
        {isPlan && (
          <fieldset>
            <legend>{t('surendettement.procedure.plan')}</legend>
            <div className="form-row">
              <TextInput label={t('surendettement.procedure.start')} name="planStart" value={start} onChange={setStart} format="date" isRequired />
              <TextInput label={t('surendettement.procedure.months')} name="planMonths" value={months} onChange={setMonths} isRequired description={t('surendettement.procedure.monthsHint')} />
              <TextInput label={t('surendettement.procedure.monthly')} name="planMonthly" value={monthly} onChange={setMonthly} isRequired />
            </div>
            <CheckboxField label={t('surendettement.procedure.mainResidenceLoansBox')} value={mainResidence} onChange={setMainResidence} />
            {file.debts.length > 0 && (
              <fieldset>
                <legend>{t('surendettement.procedure.sharesLegend')}</legend>
                {file.debts.map((d) => (
                  <TextInput key={d.id} label={t('surendettement.procedure.shareOf', { creditor: d.creditor })} name={`share-${d.id}`} value={shares[d.id] ?? ''} onChange={(v) => setShares((s) => ({ ...s, [d.id]: v }))} />
                ))}
              </fieldset>
            )}
          </fieldset>
        )}
        <TextInput label={t('surendettement.procedure.reference')} name="reference" value={reference} onChange={setReference} />
        <TextAreaInput label={t('surendettement.procedure.note')} name="note" value={note} onChange={setNote} rows={2} />
        {error && <Alert kind="error">{error}</Alert>}
        <DialogActions submitLabel={t('common.save')} busy={busy} />
      </Form>
    </DialogBox>
  );
}
