/**
 * The workflow's buttons for one request (DOMAIN §4.4). Which appear comes from the API's
 * `can` list, computed by the same rules that enforce them; each opens a small dialog that
 * asks only what that step needs.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AidOut } from '../../../src-main/modules';
import { ApiError, must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, CheckboxField, DialogActions, DialogBox, ErrorSummary, RadioList, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { centsToInput, isoToFr, parseEuros, parseFrDate, saveFile, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { PAYEE_KINDS as PAYEES, PAYMENT_MODES as MODES } from '../../../src-main/modules/aides/kinds';

type Dialog = 'grant' | 'refuse' | 'adjourn' | 'toCommission' | 'classify' | 'appeal' | 'payment' | null;

export interface PaymentDraft {
  amount: string;
  mode: (typeof MODES)[number];
  cheques: string;
  payeeKind: (typeof PAYEES)[number];
  payeeName: string;
  comment: string;
}
export const paymentDraft = (a: AidOut): PaymentDraft => ({
  amount: centsToInput(a.amountCents),
  mode: a.paymentMode,
  cheques: String(a.cheques || ''),
  payeeKind: a.payeeKind,
  payeeName: a.payeeName,
  comment: '',
});

/**
 * Amount, mode, chèques and payee of a grant: shared by the responsable's and the commission's
 * decision. Only the payment modes the request's dispositif allows are offered, as the
 * règlement in force on the request's date says (`aid:options`, as the request form); the API
 * refuses any other.
 */
export function PaymentFields({
  request,
  value,
  onChange,
  errors,
}: {
  request: { dispositif: string; requestedOn: string };
  value: PaymentDraft;
  onChange: (p: PaymentDraft) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const options = useResource(() => must('aid:options', { day: request.requestedOn }));
  // A dispositif the règlement no longer lists keeps the request's own mode (the API judges).
  const allowed = options.data ? (options.data.dispositifs.find((d) => d.code === request.dispositif)?.paymentModes ?? [value.mode]) : null;
  const modes = MODES.filter((m) => allowed?.includes(m));
  const set = (patch: Partial<PaymentDraft>) => onChange({ ...value, ...patch });
  const first = modes[0];
  // A mode the dispositif does not allow is never left chosen.
  useEffect(() => {
    if (first && !modes.includes(value.mode)) onChange({ ...value, mode: first });
  });
  return (
    <>
      <TextInput label={t('aides.grantedCents')} name="granted" value={value.amount} onChange={(v) => set({ amount: v })} isRequired error={errors.grantedCents} description={t('aides.amountHint')} />
      {options.error && <Alert kind="error">{options.error}</Alert>}
      {allowed && <RadioList label={t('aides.paymentMode')} value={value.mode} onChange={(m) => set({ mode: m })} orientation="vertical" options={modes.map((m) => ({ value: m, label: t(`aides.modes.${m}`) }))} error={errors.paymentMode} />}
      {value.mode === 'cheques_accompagnement' && <TextInput label={t('aides.cheques')} name="cheques" value={value.cheques} onChange={(v) => set({ cheques: v })} isRequired error={errors.cheques} />}
      <SelectField
        label={t('aides.payeeKind')}
        value={value.payeeKind}
        onChange={(k) => set({ payeeKind: (k ?? 'beneficiaire') as PaymentDraft['payeeKind'] })}
        options={PAYEES.map((p) => ({ id: p, label: t(`aides.payees.${p}`) }))}
        isRequired={value.mode === 'virement_tiers'}
        error={errors.payeeKind}
      />
      {value.payeeKind !== 'beneficiaire' && <TextInput label={t('aides.payeeName')} name="payeeName" value={value.payeeName} onChange={(v) => set({ payeeName: v })} isRequired error={errors.payeeName} />}
      <TextAreaInput label={t('aides.decisionComment')} name="comment" value={value.comment} onChange={(v) => set({ comment: v })} rows={2} error={errors.comment} />
    </>
  );
}

/** The fields of a decision's payment, as the contract names them. */
export const PAYMENT_FIELDS = ['grantedCents', 'paymentMode', 'cheques', 'payeeKind', 'payeeName', 'comment'];

export function paymentInput(p: PaymentDraft) {
  return {
    grantedCents: parseEuros(p.amount) ?? 0,
    paymentMode: p.mode,
    cheques: p.mode === 'cheques_accompagnement' ? Number(p.cheques) || 0 : 0,
    payeeKind: p.payeeKind,
    payeeName: p.payeeKind === 'beneficiaire' ? '' : p.payeeName,
    comment: p.comment,
  };
}

export function AidActions({ aid, onDone }: { aid: AidOut; onDone: (a: AidOut, message: string) => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  /** A refusal outside any dialog (a direct action, the letter). */
  const [error, setError] = useState<string | null>(null);
  const form = useFormErrors(PAYMENT_FIELDS.concat(['reasons', 'missingDocuments', 'opinion', 'reason', 'appealOn', 'mandatedOn', 'paidOn']));
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [favorable, setFavorable] = useState<'oui' | 'non'>('oui');
  const [day, setDay] = useState(isoToFr(today()));
  const [paid, setPaid] = useState('');
  const [payment, setPayment] = useState<PaymentDraft>(paymentDraft(aid));
  const [overEnvelope, setOverEnvelope] = useState<string | null>(null);
  const [confirmEnvelope, setConfirmEnvelope] = useState(false);

  const open = (d: Dialog) => {
    setError(null);
    form.clear();
    setOverEnvelope(null);
    setConfirmEnvelope(false);
    setText(d === 'refuse' ? (aid.evaluation?.reasons.join('\n') ?? '') : '');
    setDay(isoToFr(d === 'payment' ? (aid.mandatedOn ?? today()) : today()));
    setPaid(aid.paidOn ? isoToFr(aid.paidOn) : '');
    setPayment(paymentDraft(aid));
    setDialog(d);
  };
  const run = async (fn: () => Promise<AidOut>, message: string) => {
    setBusy(true);
    try {
      const a = await fn();
      setDialog(null);
      setError(null);
      onDone(a, message);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'envelope_exceeded') {
        form.clear();
        setOverEnvelope(e.message);
      } else if (dialog) form.fail(e);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const direct = (action: 'take' | 'recall' | 'submit', message: string) => void run(() => must('aid:act', { action, id: aid.id }), message);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = aid.id;
    if (dialog === 'grant') {
      if (!form.check(parseEuros(payment.amount) === null ? { grantedCents: t('aides.amountInvalid') } : {})) return;
      void run(() => must('aid:act', { action: 'grant', id, ...paymentInput(payment), confirmEnvelope }), t('aides.done.grant'));
    } else if (dialog === 'refuse') void run(() => must('aid:act', { action: 'refuse', id, reasons: text }), t('aides.done.refuse'));
    else if (dialog === 'adjourn') void run(() => must('aid:act', { action: 'adjourn', id, missingDocuments: text }), t('aides.done.adjourn'));
    else if (dialog === 'toCommission') void run(() => must('aid:act', { action: 'toCommission', id, favorable: favorable === 'oui', opinion: text }), t('aides.done.toCommission'));
    else if (dialog === 'classify') void run(() => must('aid:act', { action: 'classify', id, reason: text }), t('aides.done.classify'));
    else if (dialog === 'appeal') {
      const d = parseFrDate(day);
      const problems: Record<string, string> = {};
      if (!d) problems.appealOn = t('aides.dateInvalid');
      if (!text.trim()) problems.reason = t('a11y.requiredField', { label: t('aides.appealReason') });
      if (!form.check(problems) || !d) return;
      void run(() => must('aid:act', { action: 'appeal', id, appealOn: d, reason: text }), t('aides.done.appeal'));
    } else if (dialog === 'payment') {
      const m = day.trim() ? parseFrDate(day) : null;
      const p = paid.trim() ? parseFrDate(paid) : null;
      const problems: Record<string, string> = {};
      if (day.trim() && !m) problems.mandatedOn = t('aides.dateInvalid');
      if (paid.trim() && !p) problems.paidOn = t('aides.dateInvalid');
      if (!form.check(problems)) return;
      void run(() => must('aid:payment', { id, mandatedOn: m, paidOn: p }), t('aides.done.payment'));
    }
  };
  const letter = async () => {
    try {
      saveFile(await must('aid:letter', { id: aid.id }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const can = (x: AidOut['can'][number]) => aid.can.includes(x);
  const fieldError = form.of;
  /** Out of the barème or above the delegation: the commission decides, on the responsable's opinion. */
  const toCommissionOnly = can('toCommission') && aid.evaluation?.route === 'commission';

  return (
    <div className="aid-actions">
      <div className="actions wrap">
        {can('take') && (
          <Button variant="primary" onPress={() => direct('take', t('aides.done.take'))} isDisabled={busy}>
            {t('aides.act.take')}
          </Button>
        )}
        {can('grant') && (
          <Button variant="primary" onPress={() => open('grant')}>
            {t('aides.act.grant')}
          </Button>
        )}
        {can('toCommission') && (
          <Button variant={toCommissionOnly ? 'primary' : 'secondary'} onPress={() => open('toCommission')}>
            {t('aides.act.toCommission')}
          </Button>
        )}
        {can('adjourn') && <Button onPress={() => open('adjourn')}>{t('aides.act.adjourn')}</Button>}
        {can('refuse') && (
          <Button variant="danger" onPress={() => open('refuse')}>
            {t('aides.act.refuse')}
          </Button>
        )}
        {can('recall') && <Button onPress={() => direct('recall', t('aides.done.recall'))}>{t('aides.act.recall')}</Button>}
        {can('appeal') && <Button onPress={() => open('appeal')}>{t('aides.act.appeal')}</Button>}
        {can('payment') && <Button onPress={() => open('payment')}>{t('aides.act.payment')}</Button>}
        {can('letter') && <Button onPress={() => void letter()}>{t('aides.act.letter')}</Button>}
        {can('classify') && (
          <Button variant="quiet" onPress={() => open('classify')}>
            {t('aides.act.classify')}
          </Button>
        )}
      </div>
      {toCommissionOnly && (
        <p className="muted">
          {t('aides.commissionRoute')} {t(can('refuse') ? 'aides.commissionRouteRefusal' : 'aides.commissionRouteNoRefusal')}
        </p>
      )}
      {!dialog && error && <Alert kind="error">{error}</Alert>}
      <DialogBox title={dialog ? t(`aides.act.${dialog}`) : ''} isOpen={dialog !== null} onClose={() => setDialog(null)}>
        <Form onSubmit={submit} validationBehavior="aria">
          {dialog === 'grant' && (
            <>
              <p>{t('aides.grantExplain', { amount: centsToInput(aid.amountCents) })}</p>
              <PaymentFields request={aid} value={payment} onChange={setPayment} errors={form.errors?.fields ?? {}} />
              {overEnvelope && (
                <>
                  <Alert kind="error">{overEnvelope}</Alert>
                  <CheckboxField label={t('aides.confirmEnvelope')} value={confirmEnvelope} onChange={setConfirmEnvelope} />
                </>
              )}
            </>
          )}
          {dialog === 'refuse' && <TextAreaInput label={t('aides.refuseReasons')} name="reasons" value={text} onChange={setText} isRequired rows={5} description={t('aides.refuseHint')} error={fieldError('reasons')} />}
          {dialog === 'adjourn' && <TextAreaInput label={t('aides.missingDocuments')} name="missing" value={text} onChange={setText} isRequired rows={3} error={fieldError('missingDocuments')} />}
          {dialog === 'toCommission' && (
            <>
              <RadioList label={t('aides.opinion')} value={favorable} onChange={setFavorable} options={[{ value: 'oui', label: t('aides.favorable') }, { value: 'non', label: t('aides.unfavorable') }]} />
              <TextAreaInput label={t('aides.opinionText')} name="opinion" value={text} onChange={setText} isRequired rows={4} description={t('aides.opinionHint')} error={fieldError('opinion')} />
            </>
          )}
          {dialog === 'classify' && <TextAreaInput label={t('aides.classifyReason')} name="reason" value={text} onChange={setText} isRequired rows={2} error={fieldError('reason')} />}
          {dialog === 'appeal' && (
            <>
              <p>{t('aides.appealExplain')}</p>
              <TextInput label={t('aides.appealOn')} name="appealOn" value={day} onChange={setDay} isRequired format="date" error={fieldError('appealOn')} />
              <TextAreaInput label={t('aides.appealReason')} name="appealReason" value={text} onChange={setText} isRequired rows={3} error={fieldError('reason')} />
            </>
          )}
          {dialog === 'payment' && (
            <>
              <TextInput label={t('aides.mandatedOn')} name="mandatedOn" value={day} onChange={setDay} format="date" isRequired={paid.trim() !== ''} error={fieldError('mandatedOn')} />
              <TextInput label={t('aides.paidOn')} name="paidOn" value={paid} onChange={setPaid} format="date" error={fieldError('paidOn')} />
            </>
          )}
          {!overEnvelope && <ErrorSummary errors={form.errors} />}
          <DialogActions submitLabel={dialog ? t(`aides.act.${dialog}`) : ''} busy={busy} />
        </Form>
      </DialogBox>
    </div>
  );
}
