/**
 * Commission sessions (DOMAIN §4.6): date, place, members; the agenda of requests sent to the
 * commission and of recours; a decision per request; the printable agenda, which names a
 * person only while their consent is in force.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../api';
import { ApiError, must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, CheckboxField, DialogActions, DialogBox, ErrorSummary, PageHeader, RadioList, TextAreaInput, TextInput } from '../../ui/components';
import { centsToInput, formatCents, isoToFr, parseEuros, parseFrDate, saveFile } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { PAYMENT_FIELDS, PaymentFields, paymentInput, type PaymentDraft } from './Actions';
import { DECISIONS } from '../../../src-main/modules/aides/kinds';

type Session = Output<'commission:get'>;
type AgendaRow = Session['agenda'][number];

export function CommissionPage() {
  const { t } = useTranslation();
  const sessions = useResource(() => must('commission:list', {}));
  const [current, setCurrent] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const selected = current ?? sessions.data?.find((s) => s.status === 'prevue')?.id ?? sessions.data?.[0]?.id ?? null;
  return (
    <>
      <PageHeader title={t('nav.commission')}>
        <Button variant="primary" onPress={() => setCreating(true)}>
          {t('aides.commission.new')}
        </Button>
      </PageHeader>
      <p className="lead">{t('aides.commission.lead')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {sessions.error && <Alert kind="error">{sessions.error}</Alert>}
      <div className="commission-layout">
        <nav aria-label={t('aides.commission.sessions')} className="panel session-list">
          <h2>{t('aides.commission.sessions')}</h2>
          {sessions.data?.length === 0 && <p className="muted">{t('aides.commission.none')}</p>}
          <ul className="plain">
            {sessions.data?.map((s) => (
              <li key={s.id}>
                <Button variant={s.id === selected ? 'primary' : 'quiet'} onPress={() => setCurrent(s.id)} aria-current={s.id === selected ? 'true' : undefined}>
                  {t('aides.commission.sessionLabel', { day: isoToFr(s.heldOn), count: s.requests, decided: s.decided })}
                </Button>
              </li>
            ))}
          </ul>
        </nav>
        {selected !== null && <SessionView key={selected} id={selected} onChanged={(m) => (setNotice(m), void sessions.reload())} />}
      </div>
      <SessionDialog
        isOpen={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          setCurrent(id);
          setNotice(t('aides.commission.created'));
          void sessions.reload();
        }}
      />
    </>
  );
}

function SessionDialog({ isOpen, onClose, onSaved }: { isOpen: boolean; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState('');
  const [place, setPlace] = useState('');
  const [members, setMembers] = useState('');
  const form = useFormErrors({ heldOn: ['heldOn'], place: ['place'], members: ['members', 'members.0'] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const heldOn = parseFrDate(day);
    const list = members.split('\n').map((m) => m.trim()).filter(Boolean);
    const problems: Record<string, string> = {};
    if (!heldOn) problems.heldOn = t('aides.dateInvalid');
    if (list.length === 0) problems.members = t('aides.commission.membersMissing');
    if (!form.check(problems) || !heldOn) return;
    try {
      const s = await must('commission:save', { heldOn, place, members: list });
      form.clear();
      onSaved(s.id);
    } catch (err) {
      form.fail(err);
    }
  };
  return (
    <DialogBox title={t('aides.commission.new')} isOpen={isOpen} onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <TextInput label={t('aides.commission.heldOn')} name="heldOn" value={day} onChange={setDay} isRequired format="date" error={form.of('heldOn')} />
        <TextInput label={t('aides.commission.place')} name="place" value={place} onChange={setPlace} error={form.of('place')} />
        <TextAreaInput label={t('aides.commission.members')} name="members" value={members} onChange={setMembers} isRequired rows={4} description={t('aides.commission.membersHint')} error={form.of('members')} />
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={t('common.save')} />
      </Form>
    </DialogBox>
  );
}

function SessionView({ id, onChanged }: { id: number; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [data, setData] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [deciding, setDeciding] = useState<AgendaRow | null>(null);
  const load = useCallback(() => must('commission:get', { id }).then(setData, (e: unknown) => setError(errorText(e))), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!data) return error ? <Alert kind="error">{error}</Alert> : <p>{t('common.loading')}</p>;
  const s = data.session;
  const assign = async (add: number[], remove: number[]) => {
    try {
      await must('commission:assign', { id, add, remove });
      setPicked([]);
      await load();
      onChanged(t('aides.commission.agendaUpdated'));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="session-view" aria-labelledby="session-title">
      <h2 id="session-title">{t('aides.commission.title', { day: isoToFr(s.heldOn) })}</h2>
      <p>
        {s.place && `${s.place} — `}
        {t('aides.commission.membersList', { members: s.members.join(', ') })}
      </p>
      <div className="actions">
        <Button onPress={() => void must('commission:agenda', { id }).then(saveFile, (e: unknown) => setError(errorText(e)))}>{t('aides.commission.pdf')}</Button>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      <h3>{t('aides.commission.agenda', { count: data.agenda.length })}</h3>
      {data.agenda.length === 0 && <p className="muted">{t('aides.commission.agendaEmpty')}</p>}
      <ol className="agenda">
        {data.agenda.map((r) => (
          <li key={r.id} className="panel">
            <p>
              <strong>
                <a href={`#/aides/${r.id}`}>{r.number}</a> — {r.dispositifLabel} — {formatCents(r.amountCents)}
              </strong>
              {r.appeal && <span className="badge">{t('aides.appeal')}</span>} {r.urgent && <span className="warning-text">{t('aides.urgent')}</span>}
            </p>
            <p>{r.consentInForce ? r.person : <em>{t('aides.commission.anonymous')}</em>}</p>
            {r.reasons.length > 0 && (
              <ul className="rules">
                {r.reasons.map((x, i) => (
                  <li key={i} className="rule-ko">
                    <span className="rule-mark" aria-hidden="true">
                      ✗
                    </span>
                    <span>{x}</span>
                  </li>
                ))}
              </ul>
            )}
            {r.opinion && <p>{t('aides.commission.opinion', { opinion: r.opinionFavorable ? t('aides.favorable') : t('aides.unfavorable'), text: r.opinion })}</p>}
            {r.decision ? (
              <p className={`status-badge aid-${r.decision.decision}`}>
                {t(`aides.statuses.${r.decision.decision}`)}
                {r.decision.grantedCents !== null && ` — ${formatCents(r.decision.grantedCents)}`}
              </p>
            ) : (
              <div className="actions">
                <Button variant="primary" onPress={() => setDeciding(r)}>
                  {t('aides.commission.decide')}
                </Button>
                <Button variant="quiet" onPress={() => void assign([], [r.id])}>
                  {t('aides.commission.remove')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <h3>{t('aides.commission.candidates', { count: data.candidates.length })}</h3>
      {data.candidates.length === 0 && <p className="muted">{t('aides.commission.noCandidates')}</p>}
      <ul className="plain">
        {data.candidates.map((c) => (
          <li key={c.id}>
            <CheckboxField
              label={`${c.number} — ${c.consentInForce ? c.person : t('aides.commission.unnamed')} — ${c.dispositifLabel} — ${formatCents(c.amountCents)}${c.appeal ? ` (${t('aides.appeal')})` : ''}`}
              value={picked.includes(c.id)}
              onChange={(v) => setPicked(v ? [...picked, c.id] : picked.filter((x) => x !== c.id))}
            />
          </li>
        ))}
      </ul>
      {data.candidates.length > 0 && (
        <Button variant="primary" isDisabled={picked.length === 0} onPress={() => void assign(picked, [])}>
          {t('aides.commission.add', { count: picked.length })}
        </Button>
      )}
      {deciding && (
        <DecideDialog
          sessionId={id}
          row={deciding}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            void load();
            onChanged(t('aides.commission.decided'));
          }}
        />
      )}
    </section>
  );
}

function DecideDialog({ sessionId, row, onClose, onDone }: { sessionId: number; row: AgendaRow; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<(typeof DECISIONS)[number]>('accordee');
  const [payment, setPayment] = useState<PaymentDraft>({ amount: centsToInput(row.amountCents), mode: 'virement_beneficiaire', cheques: '', payeeKind: 'beneficiaire', payeeName: '', comment: '' });
  const [text, setText] = useState('');
  const form = useFormErrors(PAYMENT_FIELDS.concat(['decision', 'reasons', 'missingDocuments']));
  const [over, setOver] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (decision === 'accordee') {
        if (!form.check(parseEuros(payment.amount) === null ? { grantedCents: t('aides.amountInvalid') } : {})) return;
        await must('commission:decide', { id: sessionId, requestId: row.id, decision, ...paymentInput(payment), confirmEnvelope: confirm });
      } else if (decision === 'refusee') await must('commission:decide', { id: sessionId, requestId: row.id, decision, reasons: text });
      else await must('commission:decide', { id: sessionId, requestId: row.id, decision, missingDocuments: text });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'envelope_exceeded') {
        form.clear();
        setOver(err.message);
      } else form.fail(err);
    }
  };
  return (
    <DialogBox title={t('aides.commission.decideTitle', { number: row.number })} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <RadioList
          label={t('aides.commission.decision')}
          value={decision}
          onChange={setDecision}
          options={DECISIONS.map((d) => ({ value: d, label: t(`aides.statuses.${d}`) }))}
        />
        {decision === 'accordee' && <PaymentFields request={row} value={payment} onChange={setPayment} errors={form.errors?.fields ?? {}} />}
        {decision === 'refusee' && <TextAreaInput label={t('aides.refuseReasons')} name="reasons" value={text} onChange={setText} isRequired rows={4} error={form.of('reasons')} />}
        {decision === 'ajournee' && <TextAreaInput label={t('aides.missingDocuments')} name="missing" value={text} onChange={setText} isRequired rows={3} error={form.of('missingDocuments')} />}
        {over && (
          <>
            <Alert kind="error">{over}</Alert>
            <CheckboxField label={t('aides.confirmEnvelope')} value={confirm} onChange={setConfirm} />
          </>
        )}
        {!over && <ErrorSummary errors={form.errors} />}
        <DialogActions submitLabel={t('aides.commission.record')} />
      </Form>
    </DialogBox>
  );
}
