/**
 * The evaluation written with the participants (DOMAIN §11): its day, the text, what the
 * participants said, the results against the aim. Its leads write it (or rewrite it).
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, ErrorSummary, TextAreaInput, TextInput } from '../../ui/components';
import { formatDateTime, isoToFr, parseFrDate, today } from '../../ui/format';
import type { SectionProps } from './types';

export function EvaluationSection({ action, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const e = action.evaluation;
  const [editing, setEditing] = useState(false);
  return (
    <section className="panel" aria-labelledby="col-evaluation-title">
      <div className="panel-header col-wrap">
        <h2 id="col-evaluation-title">{t('collectif.evaluation.title')}</h2>
        {action.canWrite && e && !editing && <Button onPress={() => setEditing(true)}>{t('collectif.evaluation.edit')}</Button>}
      </div>
      {e && !editing && (
        <dl className="col-facts" data-testid="col-evaluation">
          <dt>{t('collectif.evaluation.date')}</dt>
          <dd>{isoToFr(e.date)}</dd>
          <dt>{t('collectif.evaluation.text')}</dt>
          <dd className="pre-line">{e.text}</dd>
          <dt>{t('collectif.evaluation.words')}</dt>
          <dd className="pre-line">{e.participantsWords || <span className="muted">—</span>}</dd>
          <dt>{t('collectif.evaluation.results')}</dt>
          <dd className="pre-line">{e.results || <span className="muted">—</span>}</dd>
          <dt className="visually-hidden">{t('collectif.evaluation.recorded')}</dt>
          <dd className="muted small">{t('collectif.evaluation.recordedBy', { by: e.recordedBy.displayName, at: formatDateTime(e.recordedAt) })}</dd>
        </dl>
      )}
      {!e && !action.canWrite && <p className="muted">{t('collectif.evaluation.none')}</p>}
      {action.canWrite && (!e || editing) && (
        <EvaluationForm
          action={action}
          onSaved={(m) => {
            setEditing(false);
            onChanged(m);
          }}
        />
      )}
    </section>
  );
}

function EvaluationForm({ action, onSaved }: { action: SectionProps['action']; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const e = action.evaluation;
  const [date, setDate] = useState(isoToFr(e?.date ?? today()));
  const [text, setText] = useState(e?.text ?? '');
  const [words, setWords] = useState(e?.participantsWords ?? '');
  const [results, setResults] = useState(e?.results ?? '');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(['date', 'text', 'participantsWords', 'results']);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const day = parseFrDate(date);
    if (!form.check(day ? {} : { date: t('collectif.form.dateInvalid') }) || !day) return;
    setBusy(true);
    form.clear();
    try {
      await must('collectif:saveEvaluation', { actionId: action.id, date: day, text, participantsWords: words, results });
      onSaved(t('collectif.evaluation.saved'));
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form onSubmit={(ev) => void submit(ev)} validationBehavior="aria">
      <p className="field-hint">{t('collectif.evaluation.lead', { aim: action.aim || '—' })}</p>
      <TextInput label={t('collectif.evaluation.date')} name="date" value={date} onChange={setDate} format="date" isRequired error={form.of('date')} />
      <TextAreaInput label={t('collectif.evaluation.text')} name="text" value={text} onChange={setText} rows={3} isRequired error={form.of('text')} />
      <TextAreaInput label={t('collectif.evaluation.words')} name="participantsWords" value={words} onChange={setWords} rows={3} error={form.of('participantsWords')} />
      <TextAreaInput label={t('collectif.evaluation.results')} name="results" value={results} onChange={setResults} rows={3} error={form.of('results')} />
      <ErrorSummary errors={form.errors} />
      <div className="actions-left">
        <Button type="submit" variant="primary" isDisabled={busy}>
          {t('collectif.evaluation.save')}
        </Button>
      </div>
    </Form>
  );
}
