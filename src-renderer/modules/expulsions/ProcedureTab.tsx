/**
 * The procedure (DOMAIN §6): its stages by day, each with its actor and document reference, and
 * what the stage carries (the hearing on the assignation, the délais granted…). A form adds a
 * stage; the dates that follow are listed with their rule and article (DatesList).
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, CheckboxField, DialogActions, DialogBox, ErrorSummary, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate, today } from '../../ui/format';
import { EVICTION_STAGE_KINDS, type EvictionStageKind } from '../../../src-main/modules/expulsions/kinds';
import type { CaseOut, TabProps } from './types';
import { VadDialog } from './VadDialog';

export function ProcedureTab({ c, onChanged }: TabProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [visiting, setVisiting] = useState(false);
  // The home visit in binôme belongs to the force-publique stage.
  const forcePublique = c.stages.some((s) => s.kind === 'demande_concours_force_publique' || s.kind === 'enquete_cfp');
  return (
    <section className="panel" aria-labelledby="exp-procedure-title">
      <div className="panel-header">
        <h2 id="exp-procedure-title">{t('expulsions.procedure.title')}</h2>
        {c.canWrite && (
          <div className="actions-left">
            {forcePublique && <Button onPress={() => setVisiting(true)}>{t('expulsions.vad.open')}</Button>}
            <Button variant="primary" onPress={() => setAdding(true)}>
              {t('expulsions.procedure.add')}
            </Button>
          </div>
        )}
      </div>
      {c.stages.length === 0 && <p className="muted">{t('expulsions.procedure.none')}</p>}
      <ol className="sur-stages exp-stages">
        {c.stages.map((s) => (
          <li key={s.id}>
            <strong>
              {isoToFr(s.day)} — {t(`expulsions.stages.${s.kind}`)}
            </strong>
            {s.hearing && <> — {t('expulsions.procedure.hearingIs', { date: isoToFr(s.hearing) })}</>}
            {s.firstOffer && <> — {t('expulsions.procedure.firstOfferIs', { date: isoToFr(s.firstOffer) })}</>}
            {s.answered !== null && <> — {t(s.answered ? 'expulsions.procedure.answeredYes' : 'expulsions.procedure.answeredNo')}</>}
            {s.delaisGranted !== null && <> — {t(s.delaisGranted ? 'expulsions.procedure.delaisYes' : 'expulsions.procedure.delaisNo')}</>}
            {s.graceMonths !== null && <> — {t('expulsions.procedure.graceIs', { count: s.graceMonths })}</>}
            {s.extensionMonths !== null && s.extensionMonths > 0 && <> — {t('expulsions.procedure.extensionIs', { count: s.extensionMonths })}</>}
            {(s.actor || s.reference) && (
              <p>
                {s.actor && t('expulsions.procedure.actorIs', { actor: s.actor })}
                {s.actor && s.reference && ' — '}
                {s.reference && t('expulsions.procedure.referenceIs', { reference: s.reference })}
              </p>
            )}
            {s.note && <p className="muted">{s.note}</p>}
            <div className="muted small">{t('expulsions.procedure.recordedBy', { by: s.recordedBy.displayName })}</div>
          </li>
        ))}
      </ol>
      {visiting && (
        <VadDialog
          c={c}
          onClose={() => setVisiting(false)}
          onSaved={(m) => {
            setVisiting(false);
            onChanged(m);
          }}
        />
      )}
      {adding && (
        <StageDialog
          c={c}
          onClose={() => setAdding(false)}
          onSaved={(m) => {
            setAdding(false);
            onChanged(m);
          }}
        />
      )}
    </section>
  );
}

export function DatesList({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const now = today();
  return (
    <>
      {c.pending.length > 0 && (
        <ul className="plain exp-pending">
          {c.pending.map((p) => (
            <li key={p} className="muted">
              {p}
            </li>
          ))}
        </ul>
      )}
      {c.dates.length === 0 ? (
        <p className="muted">{t('expulsions.dates.none')}</p>
      ) : (
        <ul className="plain sur-deadlines" data-testid="exp-dates">
          {c.dates.map((d) => (
            <li key={`${d.kind}-${d.due}`} className={d.due < now ? 'past' : ''} data-kind={d.kind}>
              <strong>{isoToFr(d.due)}</strong> — {d.label}
              {d.treve && <span className="status-badge exp-treve"> {t('expulsions.dates.treve')}</span>}
              {d.due < now && <span className="muted"> ({t('expulsions.dates.past')})</span>}
              <br />
              <span className="muted small">
                {d.rule} <em>{d.article}.</em>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const STAGE_FIELDS = ['kind', 'day', 'actor', 'reference', 'note', 'hearing', 'firstOffer', 'answered', 'delaisGranted', 'graceMonths', 'extensionMonths'];

function StageDialog({ c, onClose, onSaved }: { c: CaseOut; onClose: () => void; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EvictionStageKind>(c.stages.length === 0 ? 'impayes' : 'commandement_payer');
  const [day, setDay] = useState(isoToFr(today()));
  const [actor, setActor] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [hearing, setHearing] = useState('');
  const [firstOffer, setFirstOffer] = useState('');
  const [answered, setAnswered] = useState(false);
  const [delais, setDelais] = useState(false);
  const [grace, setGrace] = useState('');
  const [extension, setExtension] = useState('');
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors(STAGE_FIELDS);
  const takesGrace = kind === 'jugement' || kind === 'commandement_quitter_lieux';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    const d = parseFrDate(day);
    if (!d) local.day = t('expulsions.dateInvalid');
    const h = hearing.trim() ? parseFrDate(hearing) : null;
    if (hearing.trim() && !h) local.hearing = t('expulsions.dateInvalid');
    const f = firstOffer.trim() ? parseFrDate(firstOffer) : null;
    if (firstOffer.trim() && !f) local.firstOffer = t('expulsions.dateInvalid');
    const months = (s: string, field: string) => {
      if (!s.trim()) return null;
      const n = Number(s);
      if (!Number.isInteger(n)) local[field] = t('expulsions.procedure.monthsInvalid');
      return n;
    };
    const g = takesGrace ? months(grace, 'graceMonths') : null;
    const x = kind === 'commandement_quitter_lieux' ? months(extension, 'extensionMonths') : null;
    if (!errs.check(local) || !d) return;
    setBusy(true);
    try {
      await must('expulsions:addStage', {
        caseId: c.id,
        kind,
        day: d,
        actor,
        reference,
        note,
        hearing: kind === 'assignation' ? h : null,
        firstOffer: kind === 'diagnostic_social_financier' ? f : null,
        answered: kind === 'diagnostic_social_financier' && f ? answered : null,
        delaisGranted: kind === 'jugement' ? delais : null,
        graceMonths: g,
        extensionMonths: x,
      });
      onSaved(t('expulsions.procedure.added', { stage: t(`expulsions.stages.${kind}`), date: isoToFr(d) }));
    } catch (err) {
      errs.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogBox title={t('expulsions.procedure.addTitle')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="exp-stage-form">
        <ErrorSummary errors={errs.errors} />
        <SelectField
          label={t('expulsions.procedure.kind')}
          value={kind}
          onChange={(v) => {
            setKind((v ?? 'impayes') as EvictionStageKind);
            errs.clear();
          }}
          error={errs.of('kind')}
          options={EVICTION_STAGE_KINDS.map((k) => ({ id: k, label: t(`expulsions.stages.${k}`) }))}
        />
        <div className="form-row">
          <TextInput label={t('expulsions.procedure.day')} name="day" value={day} onChange={setDay} format="date" isRequired error={errs.of('day')} />
          {kind === 'assignation' && <TextInput label={t('expulsions.procedure.hearing')} name="hearing" value={hearing} onChange={setHearing} format="date" error={errs.of('hearing')} />}
          {kind === 'diagnostic_social_financier' && <TextInput label={t('expulsions.procedure.firstOffer')} name="firstOffer" value={firstOffer} onChange={setFirstOffer} format="date" error={errs.of('firstOffer')} />}
        </div>
        {kind === 'diagnostic_social_financier' && <CheckboxField label={t('expulsions.procedure.answered')} value={answered} onChange={setAnswered} />}
        {kind === 'jugement' && <CheckboxField label={t('expulsions.procedure.delais')} value={delais} onChange={setDelais} />}
        {takesGrace && (
          <div className="form-row">
            <TextInput label={t('expulsions.procedure.grace')} name="graceMonths" value={grace} onChange={setGrace} error={errs.of('graceMonths')} />
            {kind === 'commandement_quitter_lieux' && <TextInput label={t('expulsions.procedure.extension')} name="extensionMonths" value={extension} onChange={setExtension} error={errs.of('extensionMonths')} />}
          </div>
        )}
        <div className="form-row">
          <TextInput label={t('expulsions.procedure.actor')} name="actor" value={actor} onChange={setActor} error={errs.of('actor')} description={t('expulsions.procedure.actorHint')} />
          <TextInput label={t('expulsions.procedure.reference')} name="reference" value={reference} onChange={setReference} error={errs.of('reference')} />
        </div>
        <TextAreaInput label={t('expulsions.procedure.note')} name="note" value={note} onChange={setNote} rows={2} error={errs.of('note')} />
        <DialogActions submitLabel={t('common.save')} busy={busy} />
      </Form>
    </DialogBox>
  );
}
