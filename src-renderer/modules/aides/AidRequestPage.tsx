/**
 * One aid request on one screen (DOMAIN §4): the ASS/CESF's form with the budget diagnosis,
 * beside the live evaluation under the règlement in force (each rule green or red with its
 * figures) and the household's aids of the last 12 months. Once submitted, the same screen
 * shows the request as it was submitted, its history and decisions, and the next steps.
 */
import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AidOptions, AidOut, DsuOut, EvaluationOut } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText, fieldOf, fieldsOf } from '../../app/errors';
import { Alert, Button, CheckboxField, PageHeader, RadioList, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { centsToInput, formatCents, formatDateTime, isoToFr, parseEuros, personName } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { AidActions } from './Actions';
import type { AidPanel } from '../module';
import { BudgetForm, budgetDraftOf } from '../budget';
import { AidHistory, EvaluationPanel } from './Evaluation';
import { draftOf, emptyDraft, inputOf, withDispositif, type Draft } from './draft';
import { ORIGINS, PAYEE_KINDS } from '../../../src-main/modules/aides/kinds';

/**
 * `dispositif`: a new request's dispositif chosen in advance (the route `#/aides/nouvelle/<dsu>?dispositif=fsl_maintien`,
 * from a screen that leads to it), its règlement with it; ignored when no règlement in force provides it.
 */
export function AidRequestPage({ id, dsuId, dispositif: preset, query, panels = [] }: { id?: number; dsuId?: number; dispositif?: string; query?: URLSearchParams; panels?: readonly AidPanel[] }) {
  const { t } = useTranslation();
  const [aid, setAid] = useState<AidOut | null>(null);
  const [dsu, setDsu] = useState<DsuOut | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | undefined>();
  /** Every faulty field of the last refusal, each shown beside its field (RGAA 11.10). */
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [live, setLive] = useState<{ evaluation: EvaluationOut | null; error: string | null; history: AidOut['history'] }>({ evaluation: null, error: null, history: [] });
  const [busy, setBusy] = useState(false);
  const options = useResource(() => must('aid:options', {}));
  const partners = useResource(() => must('partners:list', {}));

  const load = useCallback((): Promise<void> => {
    const fail = (e: unknown) => setError(errorText(e));
    if (id !== undefined) {
      return must('aid:get', { id }).then((a) => {
        setAid(a);
        setDraft(draftOf(a));
        if (a.can.includes('edit')) return must('dsu:get', { id: a.dsu.id }).then(setDsu, fail);
      }, fail);
    }
    if (dsuId === undefined) return Promise.resolve();
    return Promise.all([must('dsu:get', { id: dsuId }), preset !== undefined ? must('aid:options', {}) : null]).then(([d, o]) => {
      setDsu(d);
      const empty = emptyDraft(d.household.members[0]?.id ?? null);
      const chosen = o?.dispositifs.find((x) => x.code === preset);
      setDraft(chosen ? withDispositif(empty, chosen.code, chosen) : empty);
    }, fail);
  }, [id, dsuId, preset]);
  useEffect(() => {
    void load();
  }, [load]);

  const editable = aid === null || aid.can.includes('edit');
  const theDsuId = aid?.dsu.id ?? dsuId!;

  // Live evaluation, a moment after the last keystroke.
  const built = useMemo(() => (draft ? inputOf(theDsuId, draft) : null), [draft, theDsuId]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!editable || !built) return;
    clearTimeout(timer.current);
    if (!('input' in built)) return;
    timer.current = setTimeout(() => {
      must('aid:evaluate', { ...built.input, ...(aid ? { id: aid.id } : {}) }).then(
        (r) => setLive({ evaluation: r.evaluation, error: null, history: r.history }),
        (e: unknown) => setLive((l) => ({ ...l, evaluation: null, error: errorText(e) })),
      );
    }, 250);
    return () => clearTimeout(timer.current);
  }, [built, editable, aid]);

  const save = async (then: 'stay' | 'submit') => {
    if (!draft) return;
    const b = inputOf(theDsuId, draft);
    if (!('input' in b)) {
      setField(b.field);
      setFields({});
      setError(t(b.key));
      return;
    }
    setBusy(true);
    try {
      let a = await must('aid:save', aid ? { id: aid.id, ...b.input } : b.input);
      // The other modules' step right after the creation (a link to the case the request was opened from).
      const extra: string[] = [];
      if (!aid) {
        for (const p of panels) {
          if (!p.afterCreate) continue;
          try {
            const m = await p.afterCreate({ aidId: a.id, query: query ?? new URLSearchParams() });
            if (m) extra.push(m);
          } catch (e) {
            extra.push(errorText(e));
          }
        }
      }
      if (then === 'submit') a = await must('aid:act', { action: 'submit', id: a.id });
      setAid(a);
      setDraft(draftOf(a));
      setError(null);
      setField(undefined);
      setFields({});
      setNotice([then === 'submit' ? t('aides.done.submit', { number: a.number }) : t('aides.saved', { number: a.number }), ...extra].join(' '));
      if (!aid) window.history.replaceState(null, '', `#/aides/${a.id}`);
    } catch (e) {
      setError(errorText(e));
      setField(fieldOf(e));
      setFields(fieldsOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (error && !draft) return <Alert kind="error">{error}</Alert>;
  if (!draft || !options.data) return <p>{options.error ?? t('common.loading')}</p>;

  const title = aid ? t('aides.titleExisting', { number: aid.number, dsu: aid.dsu.number }) : t('aides.titleNew', { dsu: dsu?.number ?? '' });
  const evaluation = editable ? live.evaluation : aid!.evaluation;
  const history = editable ? live.history : aid!.history;
  return (
    <>
      <PageHeader title={title}>
        <a className="btn btn-secondary" href={`#/dsu/${theDsuId}/aides`}>
          {t('aides.backToDsu')}
        </a>
      </PageHeader>
      {aid && (
        <p className="dsu-status">
          <span className={`status-badge aid-${aid.status}`}>{t(`aides.statuses.${aid.status}`)}</span> {aid.urgent && <span className="warning-text">{t('aides.urgent')}</span>}{' '}
          {t('aides.createdBy', { who: aid.createdBy.displayName, at: formatDateTime(aid.createdAt) })}
          {aid.takenBy && ` — ${t('aides.takenBy', { who: aid.takenBy.displayName })}`}
        </p>
      )}
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      {aid &&
        panels.map((p) => (
          <Fragment key={p.key}>{p.render({ aidId: aid.id })}</Fragment>
        ))}
      {aid && <AidActions aid={aid} onDone={(a, m) => (setAid(a), setDraft(draftOf(a)), setNotice(m), setError(null))} />}
      <div className="aid-layout">
        <div>
          {editable ? (
            <RequestForm draft={draft} setDraft={setDraft} options={options.data} dsu={dsu} partners={partners.data ?? []} field={field} fields={fields} error={error} />
          ) : (
            <RequestSummary aid={aid!} />
          )}
          {editable && (
            <div className="actions sticky-actions">
              <Button onPress={() => void save('stay')} isDisabled={busy}>
                {t('aides.saveDraft')}
              </Button>
              <Button variant="primary" onPress={() => void save('submit')} isDisabled={busy || evaluation?.outcome === 'non_conforme'}>
                {t('aides.submit')}
              </Button>
            </div>
          )}
        </div>
        <div className="aid-side">
          <EvaluationPanel evaluation={evaluation} error={editable ? live.error : aid?.evaluationError} title={editable ? t('aides.evaluationLive') : t('aides.evaluationSubmitted')} />
          <AidHistory rows={history} />
          {aid && <Timeline aid={aid} />}
        </div>
      </div>
    </>
  );
}

function RequestForm({
  draft,
  setDraft,
  options,
  dsu,
  partners,
  field,
  fields,
  error,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  options: AidOptions;
  dsu: DsuOut | null;
  partners: { id: number; organisation: string; service: string }[];
  field: string | undefined;
  fields: Record<string, string>;
  error: string | null;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const disp = options.dispositifs.find((d) => d.code === draft.dispositif);
  // Several règlements in force (the département's, the FSL's): the request is instructed under one, the département's by default.
  const [chosenCode, setCode] = useState<string | null>(null);
  const code = chosenCode ?? disp?.reglementCode ?? options.reglement.code;
  const reglementLabel = (r: AidOptions['reglements'][number], i: number) => (i === 0 ? t('aides.reglementDefault') : r.title);
  const dispositifs = options.dispositifs.filter((d) => d.reglementCode === code);
  const nature = disp?.natures.find((n) => n.code === draft.nature);
  const err = (f: string) => fields[f] ?? (field === f ? (error ?? undefined) : undefined);
  const lastBudget = async () => {
    if (!dsu) return;
    const last = await must('aid:lastBudget', { dsuId: dsu.id });
    if (last) set({ budget: budgetDraftOf(last.budget) });
  };
  // The budget kept in the household's situation (its DSU's Situation tab), when there is one.
  const [reuseNote, setReuseNote] = useState<string | null>(null);
  const situationBudget = async () => {
    if (!dsu) return;
    const v = (await must('dsu:situation', { dsuId: dsu.id, versionId: null })).version;
    if (v && v.content.budget.resources.length + v.content.budget.charges.length > 0) {
      set({ budget: budgetDraftOf(v.content.budget) });
      setReuseNote(t('aides.budget.fromSituationDone', { date: isoToFr(v.validOn) }));
    } else setReuseNote(t('aides.budget.fromSituationNone'));
  };
  const onSubmit = (e: FormEvent) => e.preventDefault();
  return (
    <Form className="panel aid-form" onSubmit={onSubmit} validationBehavior="aria">
      <h2>{t('aides.request')}</h2>
      {options.reglements.length > 1 && (
        <RadioList
          label={t('aides.reglementChoice')}
          value={code}
          onChange={(c) => {
            setCode(c);
            if (disp && disp.reglementCode !== c) set({ dispositif: null, nature: null });
          }}
          options={options.reglements.map((r, i) => ({ value: r.code, label: reglementLabel(r, i) }))}
          orientation="vertical"
          isRequired
        />
      )}
      <div className="grid-2">
        <SelectField
          label={t('aides.beneficiary')}
          value={draft.personId}
          onChange={(v) => set({ personId: v })}
          options={(dsu?.household.members ?? []).map((m) => ({ id: String(m.id), label: `${personName(m)}${m.role ? ` (${t(`labels.${m.role}`, { context: m.sex })})` : ''}` }))}
          isRequired
          error={err('personId')}
        />
        <TextInput label={t('aides.requestedOn')} name="requestedOn" value={draft.requestedOn} onChange={(v) => set({ requestedOn: v })} format="date" isRequired error={err('requestedOn')} />
        <SelectField
          label={t('aides.dispositif')}
          value={draft.dispositif}
          onChange={(v) => setDraft(withDispositif(draft, v, options.dispositifs.find((x) => x.code === v)))}
          options={dispositifs.map((d) => ({ id: d.code, label: d.label }))}
          isRequired
          error={err('dispositif')}
        />
        <SelectField label={t('aides.nature')} value={draft.nature} onChange={(v) => set({ nature: disp?.natures.find((n) => n.code === v)?.code ?? null })} options={(disp?.natures ?? []).map((n) => ({ id: n.code, label: t(`aides.natures.${n.code}`) }))} isRequired error={err('nature')} />
      </div>
      {disp?.description && <p className="muted small">{disp.description}</p>}
      <TextInput label={t('aides.object')} name="object" value={draft.object} onChange={(v) => set({ object: v })} isRequired description={t('aides.objectHint')} error={err('object')} />
      <div className="grid-2">
        <TextInput label={t('aides.amount')} name="amount" value={draft.amount} onChange={(v) => set({ amount: v })} isRequired description={t('aides.amountHint')} error={err('amountCents') ?? (draft.amount.trim() && parseEuros(draft.amount) === null ? t('aides.amountInvalid') : undefined)} />
        {nature?.perDayCents !== null && nature?.perDayCents !== undefined && (
          <TextInput label={t('aides.days')} name="days" value={draft.days} onChange={(v) => set({ days: v })} isRequired description={t('aides.daysHint', { amount: formatCents(nature.perDayCents) })} error={err('days')} />
        )}
      </div>
      {disp && (
        <RadioList
          label={t('aides.paymentMode')}
          value={draft.paymentMode}
          onChange={(m) => set({ paymentMode: m, payeeKind: m === 'virement_tiers' && draft.payeeKind === 'beneficiaire' ? 'bailleur' : draft.payeeKind })}
          options={disp.paymentModes.map((m) => ({ value: m, label: t(`aides.modes.${m}`) }))}
          isRequired
          error={err('paymentMode')}
        />
      )}
      {draft.paymentMode === 'cheques_accompagnement' && disp?.cheques && (
        <TextInput
          label={t('aides.cheques')}
          name="cheques"
          value={draft.cheques}
          onChange={(v) => set({ cheques: v, amount: centsToInput((Number(v) || 0) * disp.cheques!.valueCents) })}
          description={t('aides.chequesHint', { value: formatCents(disp.cheques.valueCents), max: disp.cheques.maxPerRequest })}
          isRequired
          error={err('cheques')}
        />
      )}
      {draft.paymentMode === 'virement_tiers' && (
        <div className="grid-2">
          <SelectField label={t('aides.payeeKind')} value={draft.payeeKind} onChange={(v) => set({ payeeKind: PAYEE_KINDS.find((p) => p === v) ?? 'bailleur' })} options={PAYEE_KINDS.filter((p) => p !== 'beneficiaire').map((p) => ({ id: p, label: t(`aides.payees.${p}`) }))} isRequired error={err('payeeKind')} />
          <TextInput label={t('aides.payeeName')} name="payeeName" value={draft.payeeName} onChange={(v) => set({ payeeName: v })} isRequired error={err('payeeName')} />
        </div>
      )}
      <div className="checks">
        <CheckboxField label={t('aides.urgentLabel')} value={draft.urgent} onChange={(v) => set({ urgent: v })} />
        <CheckboxField label={t('aides.pregnancy')} value={draft.pregnancy} onChange={(v) => set({ pregnancy: v })} />
        {disp?.derogation && <CheckboxField label={t('aides.derogation', { from: disp.derogation.fromAge, to: disp.derogation.toAge })} value={draft.derogation} onChange={(v) => set({ derogation: v })} />}
      </div>
      <div className="grid-2">
        <RadioList label={t('aides.origin')} value={draft.origin} onChange={(v) => set({ origin: v })} options={ORIGINS.map((o) => ({ value: o, label: t(`aides.origins.${o}`) }))} />
        {draft.origin === 'partenaire' && (
          <SelectField label={t('aides.originPartner')} value={draft.originPartnerId} onChange={(v) => set({ originPartnerId: v })} options={partners.map((p) => ({ id: String(p.id), label: p.service ? `${p.organisation} — ${p.service}` : p.organisation }))} isRequired error={err('originPartnerId')} />
        )}
      </div>
      <SelectField
        label={t('aides.consent')}
        value={draft.consentId}
        onChange={(v) => set({ consentId: v === 'none' ? null : v })}
        options={[{ id: 'none', label: t('aides.consentNone') }, ...(dsu?.consents ?? []).filter((c) => !c.withdrawnOn).map((c) => ({ id: String(c.id), label: `${c.person.name} → ${c.recipient} (${isoToFr(c.givenOn)})` }))]}
      />
      <h3>{t('aides.budget.title')}</h3>
      <p className="muted small">
        {t('aides.budget.lead')}{' '}
        <Button variant="quiet" onPress={() => void lastBudget()}>
          {t('aides.budget.reuse')}
        </Button>
        <Button variant="quiet" onPress={() => void situationBudget()}>
          {t('aides.budget.fromSituation')}
        </Button>
        <span role="status">{reuseNote}</span>
      </p>
      <BudgetForm value={draft.budget} onChange={(b) => set({ budget: b })} threeMonths={disp?.resourceMethod === 'quotient_familial'} />
      <TextAreaInput label={t('aides.noteSociale')} name="noteSociale" value={draft.noteSociale} onChange={(v) => set({ noteSociale: v })} rows={6} description={t('aides.noteHint')} error={err('noteSociale')} />
    </Form>
  );
}

function RequestSummary({ aid }: { aid: AidOut }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="request-title">
      <h2 id="request-title">{t('aides.request')}</h2>
      <dl className="facts">
        <dt>{t('aides.beneficiary')}</dt>
        <dd>
          {aid.person.name} — {t('aides.householdOf', { count: aid.householdSize })}
          {aid.communeName && `, ${aid.communeName}`}
        </dd>
        <dt>{t('aides.dispositif')}</dt>
        <dd>
          {aid.dispositifLabel} — {t(`aides.natures.${aid.nature}`)}
        </dd>
        <dt>{t('aides.object')}</dt>
        <dd>{aid.object}</dd>
        <dt>{t('aides.amount')}</dt>
        <dd>
          {formatCents(aid.amountCents)}
          {aid.grantedCents !== null && aid.status === 'accordee' && <> — {t('aides.grantedAmount', { amount: formatCents(aid.grantedCents) })}</>}
        </dd>
        <dt>{t('aides.paymentMode')}</dt>
        <dd>
          {t(`aides.modes.${aid.paymentMode}`)}
          {aid.paymentMode === 'cheques_accompagnement' && ` (${aid.cheques})`}
          {aid.payeeKind !== 'beneficiaire' && ` — ${t(`aides.payees.${aid.payeeKind}`)} : ${aid.payeeName}`}
        </dd>
        {aid.status === 'accordee' && (
          <>
            <dt>{t('aides.paymentState')}</dt>
            <dd>{aid.paidOn ? t('aides.paidOnShort', { day: isoToFr(aid.paidOn) }) : aid.mandatedOn ? t('aides.mandatedOnShort', { day: isoToFr(aid.mandatedOn) }) : t('aides.notMandated')}</dd>
          </>
        )}
        <dt>{t('aides.origin')}</dt>
        <dd>{aid.originPartner ? t('aides.orientedBy', { partner: aid.originPartner.name }) : t('aides.origins.dsu')}</dd>
        <dt>{t('aides.consent')}</dt>
        <dd>{aid.consent ? `${aid.consent.recipient}${aid.consent.withdrawnOn ? ` — ${t('aides.consentWithdrawn', { day: isoToFr(aid.consent.withdrawnOn) })}` : ''}` : t('aides.consentNone')}</dd>
        {aid.opinion && (
          <>
            <dt>{t('aides.opinion')}</dt>
            <dd>
              {aid.opinionFavorable ? t('aides.favorable') : t('aides.unfavorable')} — {aid.opinion}
            </dd>
          </>
        )}
        {aid.appealOn && (
          <>
            <dt>{t('aides.appeal')}</dt>
            <dd>
              {isoToFr(aid.appealOn)} — {aid.appealReason}
            </dd>
          </>
        )}
      </dl>
      <h3>{t('aides.noteSociale')}</h3>
      <p className="prewrap">{aid.noteSociale}</p>
      <h3>{t('aides.budget.title')}</h3>
      <BudgetForm value={budgetDraftOf(aid.budget)} onChange={() => undefined} readOnly />
    </section>
  );
}

function Timeline({ aid }: { aid: AidOut }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('aides.timeline')}</h2>
      {aid.decisions.length > 0 && (
        <ul className="plain decisions">
          {aid.decisions.map((d) => (
            <li key={d.id}>
              <strong>
                {t(`aides.statuses.${d.decision}`)}
                {d.grantedCents !== null && ` — ${formatCents(d.grantedCents)}`}
              </strong>{' '}
              — {isoToFr(d.decidedOn)} — {d.body === 'commission' ? t('aides.byCommission') : d.decidedBy.displayName}
              {d.appeal && ` — ${t('aides.onAppeal')}`}
              {d.reasons && <div className="prewrap">{d.reasons}</div>}
            </li>
          ))}
        </ul>
      )}
      <ol className="plain events">
        {aid.events.map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at)} — {e.user.displayName} — {t(`aides.events.${e.action}`)} → {t(`aides.statuses.${e.toStatus}`)}
            {e.comment && <span className="muted"> — {e.comment}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
