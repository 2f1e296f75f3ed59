/**
 * The household's situation (DOMAIN §3), the DSU's first tab: the latest dated version read at
 * a glance (housing, resources and budget, employment and insertion, health cover, CAF/MSA,
 * measures, référent de parcours), its history beside it (each version readable), and the
 * form that records a new version. The budget is the shared budget component.
 */
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, CheckboxField, ErrorSummary, RadioList, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { formatCents, formatDateTime, isoToFr, personName } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { BudgetForm } from '../budget';
import { draftOf, fieldPaths, HOUSEHOLD, inputOf, NONE, type Content, type Draft, type MemberDraft, type Situation } from './situation-draft';
import type { DsuPanelProps } from '../module';
import { ACTIVITIES, BENEFIT_ORGANISMS, HEALTH_COVERS, HOUSING_STATUSES, INSERTION_CONTRACTS, MEASURES } from '../../../src-main/modules/dsu/kinds';

export function DsuSituation({ dsu, onChanged }: DsuPanelProps) {
  const { t } = useTranslation();
  const [data, setData] = useState<Situation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const form = useFormErrors(draft ? fieldPaths(draft) : {});
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const focusHeading = useRef(false);

  const load = (versionId: number | null = null) =>
    must('dsu:situation', { dsuId: dsu.id, versionId }).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dsu.id]);
  // After a save, a cancel or a version chosen, the reader is taken to the situation's title.
  useEffect(() => {
    if (focusHeading.current && !draft) {
      focusHeading.current = false;
      headingRef.current?.focus();
    }
  });
  useEffect(() => {
    if (draft) dateRef.current?.focus();
  }, [draft !== null]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!data) return error ? <Alert kind="error">{error}</Alert> : <p>{t('common.loading')}</p>;

  const v = data.version;
  const isLatest = v !== null && v.id === data.latestId;
  const names = new Map(dsu.household.members.map((m) => [m.id, personName(m)]));
  const nameOf = (id: number | null) => (id === null ? t('situation.wholeHousehold') : (names.get(id) ?? t('situation.formerMember')));

  /** The form starts from the latest version (fetched again when an older one is shown). */
  const startFromLatest = async () => {
    form.clear();
    setError(null);
    try {
      const latest = isLatest || data.latestId === null ? data : await must('dsu:situation', { dsuId: dsu.id, versionId: null });
      setData(latest);
      setDraft(draftOf(latest.version?.content ?? null, dsu.household.members.map((m) => m.id)));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const cancel = () => {
    focusHeading.current = true;
    setDraft(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const r = inputOf(draft, (k) => t(k));
    if ('problems' in r) return form.fail(undefined, r.problems);
    setBusy(true);
    try {
      const out = await must('dsu:saveSituation', { dsuId: dsu.id, basedOn: data.latestId, situation: r.value });
      setData(out);
      form.clear();
      focusHeading.current = true;
      setDraft(null);
      onChanged(t('situation.saved', { date: isoToFr(r.value.validOn) }));
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  if (draft) {
    return (
      <SituationForm
        draft={draft}
        setDraft={setDraft}
        dsu={dsu}
        errors={form.errors}
        busy={busy}
        dateRef={dateRef}
        onSubmit={(e) => void submit(e)}
        onCancel={cancel}
      />
    );
  }

  return (
    <section className="situation" aria-labelledby="situation-title">
      <div className="situation-head">
        <h2 id="situation-title" ref={headingRef} tabIndex={-1}>
          {v ? t(isLatest ? 'situation.titleAt' : 'situation.titleOld', { date: isoToFr(v.validOn) }) : t('situation.title')}
        </h2>
        {v && <span className="muted small">{t('situation.recorded', { at: formatDateTime(v.recordedAt), by: v.recordedBy.displayName })}</span>}
        {dsu.canWrite && (
          <Button variant="primary" onPress={() => void startFromLatest()}>
            {v ? t('situation.update') : t('situation.first')}
          </Button>
        )}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {!v && <p className="muted">{t('situation.none')}</p>}
      {v && !isLatest && (
        <p className="situation-old">
          {t('situation.oldVersion')}{' '}
          <Button variant="quiet" onPress={() => ((focusHeading.current = true), void load())}>
            {t('situation.backToLatest')}
          </Button>
        </p>
      )}
      <div className="situation-layout">
        {v && <SituationView content={v.content} nameOf={nameOf} />}
        {data.history.length > 0 && (
          <nav className="situation-history" aria-labelledby="situation-history-title">
            <h3 id="situation-history-title">{t('situation.history')}</h3>
            <ol className="plain tab-scroll" aria-labelledby="situation-history-title" tabIndex={0}>
              {data.history.map((h) => (
                <li key={h.id}>
                  <Button
                    variant="quiet"
                    aria-current={h.id === v?.id ? 'true' : undefined}
                    onPress={() => ((focusHeading.current = true), void load(h.id))}
                  >
                    {t('situation.versionOf', { date: isoToFr(h.validOn) })}
                  </Button>
                  <span className="muted small">
                    {' '}
                    {t('situation.versionBy', { by: h.recordedBy.displayName, at: formatDateTime(h.recordedAt) })}
                    {' — '}
                    {h.id === data.history[data.history.length - 1]!.id
                      ? t('situation.firstVersion')
                      : h.changed.length
                        ? t('situation.changed', { sections: h.changed.map((s) => t(`situation.sections.${s}`)).join(', ') })
                        : t('situation.unchanged')}
                  </span>
                </li>
              ))}
            </ol>
          </nav>
        )}
      </div>
    </section>
  );
}

function SituationView({ content: c, nameOf }: { content: Content; nameOf: (id: number | null) => string }) {
  const { t } = useTranslation();
  const k = (code: string | null) => (code ? t(`situation.kinds.${code}`) : '—');
  const resources = c.budget.resources.reduce((s, l) => s + l.amountCents, 0);
  const charges = c.budget.charges.reduce((s, l) => s + l.amountCents, 0);
  const rp = c.referentParcours;
  return (
    <div className="situation-cards">
      <section className="situation-card" aria-labelledby="sit-housing">
        <h3 id="sit-housing">{t('situation.sections.logement')}</h3>
        <dl className="facts compact">
          <dt>{t('situation.view.status')}</dt>
          <dd>{k(c.housing.status)}</dd>
          {c.housing.landlord && (
            <>
              <dt>{t('situation.view.landlord')}</dt>
              <dd>{c.housing.landlord}</dd>
            </>
          )}
          <dt>{t('situation.view.rent')}</dt>
          <dd>{c.housing.rentCents === null ? '—' : t('situation.view.perMonth', { amount: formatCents(c.housing.rentCents) })}</dd>
          <dt>{t('situation.view.arrears')}</dt>
          <dd className={c.housing.arrearsCents ? 'warning-text' : undefined}>{c.housing.arrearsCents === null ? '—' : c.housing.arrearsCents === 0 ? t('situation.housing.noArrears') : formatCents(c.housing.arrearsCents)}</dd>
        </dl>
        {c.housing.note && <p className="small">{c.housing.note}</p>}
      </section>
      <section className="situation-card" aria-labelledby="sit-budget">
        <h3 id="sit-budget">{t('situation.sections.budget')}</h3>
        {c.budget.resources.length + c.budget.charges.length === 0 ? (
          <p className="muted">{t('situation.budgetNone')}</p>
        ) : (
          <dl className="facts compact">
            <dt>{t('aides.budget.resources')}</dt>
            <dd>{formatCents(resources)}</dd>
            <dt>{t('aides.budget.charges')}</dt>
            <dd>{formatCents(charges)}</dd>
            <dt>{t('situation.balance')}</dt>
            <dd className={resources - charges < 0 ? 'warning-text' : undefined}>{formatCents(resources - charges)}</dd>
          </dl>
        )}
        {c.budget.resources.length > 0 && (
          <p className="small muted">{c.budget.resources.map((l) => `${t(`aides.budget.kinds.${l.kind}`)} ${formatCents(l.amountCents)}`).join(' · ')}</p>
        )}
      </section>
      <section className="situation-card" aria-labelledby="sit-insertion">
        <h3 id="sit-insertion">{t('situation.view.insertion')}</h3>
        {c.members.length === 0 && <p className="muted">{t('situation.membersNone')}</p>}
        <ul className="plain">
          {c.members.map((m) => (
            <li key={m.personId}>
              <strong>{nameOf(m.personId)}</strong> :{' '}
              {[
                m.activity ? k(m.activity) : '',
                m.franceTravail ? t('situation.member.franceTravailShort') : '',
                m.rsa ? t('situation.member.rsaShort') : '',
                m.contract !== 'aucun' ? `${t(`situation.contractShort.${m.contract}`)}${m.contractUntil ? ` ${t('situation.until', { date: isoToFr(m.contractUntil) })}` : ''}` : '',
                m.healthCover ? k(m.healthCover) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </li>
          ))}
        </ul>
      </section>
      <section className="situation-card" aria-labelledby="sit-rights">
        <h3 id="sit-rights">{t('situation.rightsAndFollowUp')}</h3>
        <dl className="facts compact">
          <dt>{t('situation.sections.allocataire')}</dt>
          <dd>{c.allocataire.organism || c.allocataire.number ? `${k(c.allocataire.organism)} ${c.allocataire.number}` : '—'}</dd>
          <dt>{t('situation.view.referent')}</dt>
          <dd>{rp ? [rp.name, rp.organisation, rp.contact].filter(Boolean).join(', ') : '—'}</dd>
        </dl>
      </section>
      <section className="situation-card" aria-labelledby="sit-measures">
        <h3 id="sit-measures">{t('situation.sections.mesures')}</h3>
        {c.measures.length === 0 && <p className="muted">{t('situation.measuresNone')}</p>}
        <ul className="plain">
          {c.measures.map((m, i) => (
            <li key={i}>
              <strong>{t(`situation.measureShort.${m.kind}`)}</strong> — {[nameOf(m.personId), m.since ? t('situation.since', { date: isoToFr(m.since) }) : '', m.holder].filter(Boolean).join(', ')}
            </li>
          ))}
        </ul>
      </section>
      <section className="situation-card" aria-labelledby="sit-note">
        <h3 id="sit-note">{t('situation.sections.note')}</h3>
        {c.note ? <p className="situation-note">{c.note}</p> : <p className="muted">—</p>}
      </section>
    </div>
  );
}

function SituationForm({
  draft,
  setDraft,
  dsu,
  errors,
  busy,
  dateRef,
  onSubmit,
  onCancel,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  dsu: DsuPanelProps['dsu'];
  errors: ReturnType<typeof useFormErrors>['errors'];
  busy: boolean;
  dateRef: RefObject<HTMLInputElement | null>;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { data: options } = useResource(() => must('intake:options', {}));
  const { data: partners } = useResource(() => must('partners:list', {}));
  const err = (f: string) => errors?.fields[f];
  const kinds = (list: readonly string[], none = true) => [...(none ? [{ id: NONE, label: t('situation.notSaid') }] : []), ...list.map((x) => ({ id: x, label: t(`situation.kinds.${x}`) }))];
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setMember = (i: number, patch: Partial<MemberDraft>) => set({ members: draft.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const setMeasure = (i: number, patch: Partial<Draft['measures'][number]>) => set({ measures: draft.measures.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const r = draft.referent;
  const setRef = (patch: Partial<Draft['referent']>) => set({ referent: { ...r, ...patch } });
  return (
    <Form className="situation-form" onSubmit={onSubmit} validationBehavior="aria" aria-labelledby="situation-form-title">
      <div className="situation-head">
        <h2 id="situation-form-title">{t('situation.formTitle')}</h2>
        <p className="muted small">{t('situation.formLead')}</p>
      </div>
      <div className="situation-form-top">
        <TextInput label={t('situation.validOn')} name="validOn" value={draft.validOn} onChange={(x) => set({ validOn: x })} inputRef={dateRef} placeholder={t('person.datePlaceholder')} isRequired error={err('validOn')} />
      </div>
      <div className="situation-form-grid">
        <fieldset>
          <legend>{t('situation.sections.logement')}</legend>
          <SelectField label={t('situation.housing.status')} value={draft.housing.status} onChange={(x) => set({ housing: { ...draft.housing, status: x ?? NONE } })} options={kinds(HOUSING_STATUSES)} />
          <TextInput label={t('situation.housing.landlord')} name="landlord" value={draft.housing.landlord} onChange={(x) => set({ housing: { ...draft.housing, landlord: x } })} error={err('landlord')} />
          <div className="grid-2">
            <TextInput label={t('situation.housing.rentInput')} name="rent" value={draft.housing.rent} onChange={(x) => set({ housing: { ...draft.housing, rent: x } })} error={err('rent')} />
            <TextInput label={t('situation.housing.arrearsInput')} name="arrears" value={draft.housing.arrears} onChange={(x) => set({ housing: { ...draft.housing, arrears: x } })} error={err('arrears')} description={t('situation.housing.arrearsHint')} />
          </div>
          <TextAreaInput label={t('situation.housing.note')} name="housingNote" value={draft.housing.note} onChange={(x) => set({ housing: { ...draft.housing, note: x } })} rows={2} error={err('housingNote')} />
        </fieldset>
        <div>
          <fieldset>
            <legend>{t('situation.sections.allocataire')}</legend>
            <div className="grid-2">
              <SelectField label={t('situation.allocataire.organism')} value={draft.allocataire.organism} onChange={(x) => set({ allocataire: { ...draft.allocataire, organism: x ?? NONE } })} options={kinds(BENEFIT_ORGANISMS)} isRequired={draft.allocataire.number.trim() !== ''} error={err('organism')} />
              <TextInput label={t('situation.allocataire.number')} name="allocataireNumber" value={draft.allocataire.number} onChange={(x) => set({ allocataire: { ...draft.allocataire, number: x } })} error={err('allocataireNumber')} />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('situation.sections.referentParcours')}</legend>
            <RadioList
              label={t('situation.referent.who')}
              value={r.mode}
              onChange={(x) => setRef({ mode: x })}
              options={(['none', 'user', 'partner', 'other'] as const).map((x) => ({ value: x, label: t(`situation.referent.modes.${x}`) }))}
            />
            {r.mode === 'user' && (
              <SelectField label={t('situation.referent.user')} value={r.userId} onChange={(x) => setRef({ userId: x })} isRequired error={err('referentUser')} options={(options?.professionals ?? []).map((u) => ({ id: String(u.id), label: u.displayName }))} />
            )}
            {r.mode === 'partner' && (
              <SelectField
                label={t('situation.referent.partner')}
                value={r.partnerId}
                onChange={(x) => setRef({ partnerId: x })}
                isRequired
                error={err('referentPartner')}
                options={(partners ?? []).map((p) => ({ id: String(p.id), label: p.service ? `${p.organisation} — ${p.service}` : p.organisation }))}
              />
            )}
            {(r.mode === 'partner' || r.mode === 'other') && <TextInput label={t('situation.referent.name')} name="referentName" value={r.name} onChange={(x) => setRef({ name: x })} isRequired error={err('referentName')} />}
            {r.mode === 'other' && <TextInput label={t('situation.referent.organisation')} name="referentOrganisation" value={r.organisation} onChange={(x) => setRef({ organisation: x })} error={err('referentOrganisation')} />}
            {r.mode !== 'none' && <TextInput label={t('situation.referent.contact')} name="referentContact" value={r.contact} onChange={(x) => setRef({ contact: x })} error={err('referentContact')} />}
          </fieldset>
        </div>
      </div>
      <fieldset>
        <legend>{t('situation.insertionHealth')}</legend>
        <div className="situation-members">
          {draft.members.map((m, i) => {
            const person = dsu.household.members.find((x) => x.id === m.personId);
            const who = person ? personName(person) : t('situation.formerMember');
            return (
              <fieldset key={m.personId} className="situation-member">
                <legend>{who}</legend>
                <div className="grid-2">
                  <SelectField label={t('situation.member.activity')} value={m.activity} onChange={(x) => setMember(i, { activity: x ?? NONE })} options={kinds(ACTIVITIES)} />
                  <SelectField label={t('situation.member.health')} value={m.healthCover} onChange={(x) => setMember(i, { healthCover: x ?? NONE })} options={kinds(HEALTH_COVERS)} />
                </div>
                <div className="checks-row">
                  <CheckboxField label={t('situation.member.franceTravail')} value={m.franceTravail} onChange={(x) => setMember(i, { franceTravail: x })} />
                  <CheckboxField label={t('situation.member.rsa')} value={m.rsa} onChange={(x) => setMember(i, { rsa: x })} />
                </div>
                <div className="grid-2">
                  <SelectField label={t('situation.member.contract')} value={m.contract} onChange={(x) => setMember(i, { contract: x ?? 'aucun' })} options={kinds(INSERTION_CONTRACTS, false)} error={err(`contract-${m.personId}`)} />
                  <TextInput label={t('situation.member.contractUntil')} name={`contractUntil-${m.personId}`} value={m.contractUntil} onChange={(x) => setMember(i, { contractUntil: x })} error={err(`contractUntil-${m.personId}`)} />
                </div>
              </fieldset>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('situation.sections.mesures')}</legend>
        {draft.measures.length === 0 && <p className="muted">{t('situation.measuresNone')}</p>}
        {draft.measures.map((m, i) => (
          <div key={i} className="measure-line">
            <SelectField label={t('situation.measure.kind')} value={m.kind} onChange={(x) => setMeasure(i, { kind: x ?? m.kind })} options={kinds(MEASURES, false)} />
            <SelectField
              label={t('situation.measure.person')}
              value={m.personId}
              onChange={(x) => setMeasure(i, { personId: x ?? HOUSEHOLD })}
              options={[{ id: HOUSEHOLD, label: t('situation.wholeHousehold') }, ...dsu.household.members.map((p) => ({ id: String(p.id), label: personName(p) }))]}
            />
            <TextInput label={t('situation.measure.since')} name={`measureSince-${i}`} value={m.since} onChange={(x) => setMeasure(i, { since: x })} error={err(`measureSince-${i}`)} />
            <TextInput label={t('situation.measure.holder')} name={`measureHolder-${i}`} value={m.holder} onChange={(x) => setMeasure(i, { holder: x })} error={err(`measureHolder-${i}`)} />
            <Button variant="quiet" aria-label={t('situation.measure.remove', { kind: t(`situation.kinds.${m.kind}`) })} onPress={() => set({ measures: draft.measures.filter((_, j) => j !== i) })}>
              ✕
            </Button>
          </div>
        ))}
        <Button variant="quiet" onPress={() => set({ measures: [...draft.measures, { kind: MEASURES[0], personId: HOUSEHOLD, since: '', holder: '' }] })}>
          {t('situation.measure.add')}
        </Button>
      </fieldset>
      <h3>{t('situation.sections.budget')}</h3>
      <BudgetForm value={draft.budget} onChange={(b) => set({ budget: b })} />
      <TextAreaInput label={t('situation.note')} name="situationNote" value={draft.note} onChange={(x) => set({ note: x })} rows={3} description={t('situation.noteHint')} error={err('note')} />
      <ErrorSummary errors={errors} />
      <div className="actions">
        <Button variant="secondary" onPress={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button variant="primary" type="submit" isDisabled={busy}>
          {t('situation.save')}
        </Button>
      </div>
    </Form>
  );
}
