/**
 * The case at the CCAPEX (DOMAIN §6): the sessions it is on, each with the social worker's
 * evaluation and proposals, the note sociale to download (within the consents in force on the
 * session's day) and the commission's opinion; a form puts the case on a session's agenda.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, ErrorSummary, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { formatDateTime, isoToFr, parseFrDate, saveFile, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { CCAPEX_AVIS, type CcapexAvis } from '../../../src-main/modules/expulsions/kinds';
import type { CaseOut, TabProps } from './types';

type Entry = CaseOut['ccapex'][number];

export function CcapexTab({ c, onChanged }: TabProps) {
  const { t } = useTranslation();
  const sessions = useResource(() => must('expulsions:ccapexList', {}));
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors(['sessionId']);
  const onIt = new Set(c.ccapex.map((e) => e.sessionId));
  const choices = (sessions.data?.sessions ?? []).filter((s) => !onIt.has(s.id));
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!errs.check(choice ? {} : { sessionId: t('expulsions.ccapex.chooseSession') }) || !choice) return;
    const s = choices.find((x) => String(x.id) === choice);
    setBusy(true);
    try {
      await must('expulsions:ccapexAddCase', { sessionId: Number(choice), caseId: c.id });
      setChoice(null);
      errs.clear();
      onChanged(t('expulsions.ccapex.added', { date: isoToFr(s?.heldOn ?? null) }));
      void sessions.reload();
    } catch (err) {
      errs.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="exp-ccapex-title">
      <div className="panel-header">
        <h2 id="exp-ccapex-title">{t('expulsions.ccapex.title')}</h2>
        <a className="btn btn-secondary" href="#/expulsions/ccapex">
          {t('expulsions.ccapex.sessionsLink')}
        </a>
      </div>
      <p className="muted small">{t('expulsions.ccapex.consentRule')}</p>
      {c.ccapex.length === 0 && <p className="muted">{t('expulsions.ccapex.none')}</p>}
      {c.ccapex.map((e) => (
        <SessionEntry key={e.sessionId} c={c} e={e} onChanged={onChanged} />
      ))}
      {c.canWrite && (
        <Form onSubmit={(ev) => void add(ev)} validationBehavior="aria" aria-labelledby="exp-ccapex-add">
          <h3 id="exp-ccapex-add">{t('expulsions.ccapex.addTitle')}</h3>
          <ErrorSummary errors={errs.errors} />
          {sessions.data && choices.length === 0 ? (
            <p className="muted">{t('expulsions.ccapex.noChoice')}</p>
          ) : (
            <div className="form-row">
              <SelectField
                label={t('expulsions.ccapex.session')}
                value={choice}
                onChange={setChoice}
                error={errs.of('sessionId')}
                options={choices.map((s) => ({ id: String(s.id), label: t('expulsions.ccapex.sessionOption', { date: isoToFr(s.heldOn), place: s.place || '—' }) }))}
              />
              <Button type="submit" isDisabled={busy}>
                {t('expulsions.ccapex.add')}
              </Button>
            </div>
          )}
        </Form>
      )}
    </section>
  );
}

function SessionEntry({ c, e, onChanged }: { c: CaseOut; e: Entry; onChanged: (m: string) => void }) {
  const { t } = useTranslation();
  const [evaluation, setEvaluation] = useState(e.evaluation);
  const [proposals, setProposals] = useState(e.proposals);
  const [busy, setBusy] = useState(false);
  const [noteError, setNoteError] = useState<string | null>(null);
  const errs = useFormErrors(['evaluation', 'proposals']);
  const date = isoToFr(e.heldOn);
  const headingId = `exp-ccapex-${e.sessionId}`;
  const save = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    try {
      await must('expulsions:ccapexEvaluation', { sessionId: e.sessionId, caseId: c.id, evaluation, proposals });
      errs.clear();
      onChanged(t('expulsions.ccapex.evaluationSaved', { date }));
    } catch (err) {
      errs.fail(err);
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    setNoteError(null);
    try {
      saveFile(await must('expulsions:ccapexNote', { sessionId: e.sessionId, caseId: c.id }));
      onChanged(t('expulsions.ccapex.noteSaved', { date }));
    } catch (err) {
      setNoteError(errorText(err));
    }
  };
  const remove = async () => {
    setNoteError(null);
    try {
      await must('expulsions:ccapexRemoveCase', { sessionId: e.sessionId, caseId: c.id });
      onChanged(t('expulsions.ccapex.removed', { date }));
    } catch (err) {
      setNoteError(errorText(err));
    }
  };
  return (
    <article className="exp-ccapex-entry" aria-labelledby={headingId} data-testid="exp-ccapex-entry">
      <div className="panel-header">
        <h3 id={headingId}>{t('expulsions.ccapex.entryTitle', { date, place: e.place || '—', position: e.position })}</h3>
        <div className="actions">
          {c.canWrite && (
            <Button variant="primary" onPress={() => void download()}>
              {t('expulsions.ccapex.note')}
            </Button>
          )}
          {c.canWrite && !e.opinion && (
            <Button variant="quiet" onPress={() => void remove()}>
              {t('expulsions.ccapex.remove')}
            </Button>
          )}
        </div>
      </div>
      {noteError && <Alert kind="error">{noteError}</Alert>}
      <p className={e.consent.kind === 'in_force' ? 'exp-ccapex-consent' : 'exp-ccapex-consent warning-text'} data-testid="exp-ccapex-consent">
        {e.consent.kind === 'in_force'
          ? t('expulsions.ccapex.consentInForce', { date: isoToFr(e.consent.on) })
          : e.consent.kind === 'withdrawn'
            ? t('expulsions.ccapex.consentWithdrawn', { date: isoToFr(e.consent.on) })
            : t('expulsions.ccapex.consentNone')}
      </p>
      <p className="muted small">{e.noteGeneratedAt ? t('expulsions.ccapex.noteGenerated', { at: formatDateTime(e.noteGeneratedAt) }) : t('expulsions.ccapex.noteNever')}</p>
      {c.canWrite ? (
        <Form onSubmit={(ev) => void save(ev)} validationBehavior="aria" aria-label={t('expulsions.ccapex.evaluationForm', { date })}>
          <ErrorSummary errors={errs.errors} />
          <TextAreaInput label={t('expulsions.ccapex.evaluation')} name={`evaluation-${e.sessionId}`} value={evaluation} onChange={setEvaluation} rows={5} error={errs.of('evaluation')} description={t('expulsions.ccapex.evaluationHint')} />
          <TextAreaInput label={t('expulsions.ccapex.proposals')} name={`proposals-${e.sessionId}`} value={proposals} onChange={setProposals} rows={3} error={errs.of('proposals')} />
          <Button type="submit" isDisabled={busy}>
            {t('expulsions.ccapex.saveEvaluation')}
          </Button>
        </Form>
      ) : (
        <dl className="exp-ccapex-texts">
          <dt>{t('expulsions.ccapex.evaluation')}</dt>
          <dd>{e.evaluation || '—'}</dd>
          <dt>{t('expulsions.ccapex.proposals')}</dt>
          <dd>{e.proposals || '—'}</dd>
        </dl>
      )}
      <OpinionBlock c={c} e={e} onChanged={onChanged} />
    </article>
  );
}

function OpinionBlock({ c, e, onChanged }: { c: CaseOut; e: Entry; onChanged: (m: string) => void }) {
  const { t } = useTranslation();
  const o = e.opinion;
  const [avis, setAvis] = useState<CcapexAvis | null>(o?.avis ?? null);
  const [day, setDay] = useState(isoToFr(o?.day ?? e.heldOn));
  const [text, setText] = useState(o?.text ?? '');
  const [recommendations, setRecommendations] = useState(o?.recommendations ?? '');
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const errs = useFormErrors(['avis', 'day', 'text', 'recommendations']);
  const date = isoToFr(e.heldOn);
  const held = e.heldOn <= today();
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const d = parseFrDate(day);
    const local: Record<string, string> = {};
    if (!avis) local.avis = t('expulsions.ccapex.chooseAvis');
    if (!d) local.day = t('expulsions.dateInvalid');
    if (!errs.check(local) || !avis || !d) return;
    setBusy(true);
    try {
      await must('expulsions:ccapexOpinion', { sessionId: e.sessionId, caseId: c.id, day: d, avis, text, recommendations });
      errs.clear();
      setEditing(false);
      onChanged(t('expulsions.ccapex.opinionSaved', { avis: t(`expulsions.ccapex.avis.${avis}`), date }));
    } catch (err) {
      errs.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="exp-ccapex-opinion">
      <h4>{t('expulsions.ccapex.opinionTitle')}</h4>
      {o ? (
        <p data-testid="exp-ccapex-opinion">
          {t('expulsions.ccapex.opinionRecorded', { avis: t(`expulsions.ccapex.avis.${o.avis}`), date: isoToFr(o.day), by: o.recordedBy.displayName })}
          {o.text && <span className="block">{o.text}</span>}
          {o.recommendations && <span className="block">{t('expulsions.ccapex.recommendationsValue', { text: o.recommendations })}</span>}
        </p>
      ) : (
        <p className="muted">{held ? t('expulsions.ccapex.opinionNone') : t('expulsions.ccapex.opinionLater', { date })}</p>
      )}
      {c.canWrite && held && o && !editing && (
        <Button variant="quiet" onPress={() => setEditing(true)}>
          {t('expulsions.ccapex.opinionUpdate')}
        </Button>
      )}
      {c.canWrite && held && (!o || editing) && (
        <Form onSubmit={(ev) => void submit(ev)} validationBehavior="aria" aria-label={t(o ? 'expulsions.ccapex.opinionEdit' : 'expulsions.ccapex.opinionForm', { date })}>
          <ErrorSummary errors={errs.errors} />
          <div className="form-row">
            <SelectField label={t('expulsions.ccapex.avisLabel')} value={avis} onChange={(v) => setAvis(v as CcapexAvis | null)} isRequired error={errs.of('avis')} options={CCAPEX_AVIS.map((a) => ({ id: a, label: t(`expulsions.ccapex.avis.${a}`) }))} />
            <TextInput label={t('expulsions.ccapex.opinionDay')} name={`opinionDay-${e.sessionId}`} value={day} onChange={setDay} format="date" isRequired error={errs.of('day')} />
          </div>
          <TextAreaInput label={t('expulsions.ccapex.opinionText')} name={`opinionText-${e.sessionId}`} value={text} onChange={setText} rows={2} error={errs.of('text')} />
          <TextAreaInput label={t('expulsions.ccapex.recommendations')} name={`recommendations-${e.sessionId}`} value={recommendations} onChange={setRecommendations} rows={2} error={errs.of('recommendations')} />
          <p className="muted small">{t('expulsions.ccapex.opinionHint')}</p>
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t(o ? 'expulsions.ccapex.opinionUpdate' : 'expulsions.ccapex.opinionSave')}
          </Button>
        </Form>
      )}
    </div>
  );
}
