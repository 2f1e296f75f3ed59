/** How the case ended (DOMAIN §6): recorded once, with its day; the case is then closed. */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, ErrorSummary, SelectField, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate, today } from '../../ui/format';
import { OUTCOMES, type Outcome } from '../../../src-main/modules/expulsions/kinds';
import type { TabProps } from './types';

export function OutcomeTab({ c, onChanged }: TabProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [day, setDay] = useState(isoToFr(today()));
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors(['outcome', 'day']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = parseFrDate(day);
    const local: Record<string, string> = {};
    if (!outcome) local.outcome = t('expulsions.outcome.choose');
    if (!d) local.day = t('expulsions.dateInvalid');
    if (!errs.check(local) || !outcome || !d) return;
    setBusy(true);
    try {
      await must('expulsions:setOutcome', { caseId: c.id, outcome, day: d });
      onChanged(t('expulsions.outcome.saved', { outcome: t(`expulsions.outcomes.${outcome}`), date: isoToFr(d) }));
    } catch (err) {
      errs.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="exp-outcome-title">
      <h2 id="exp-outcome-title">{t('expulsions.outcome.title')}</h2>
      {c.outcome ? (
        <p data-testid="exp-outcome">{t('expulsions.outcome.recorded', { outcome: t(`expulsions.outcomes.${c.outcome}`), date: isoToFr(c.closedOn) })}</p>
      ) : (
        <p className="muted">{t('expulsions.outcome.none')}</p>
      )}
      {c.canWrite && c.status === 'ouvert' && (
        <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="exp-outcome-form">
          <ErrorSummary errors={errs.errors} />
          <div className="form-row">
            <SelectField label={t('expulsions.outcome.label')} value={outcome} onChange={(v) => setOutcome(v as Outcome | null)} isRequired error={errs.of('outcome')} options={OUTCOMES.map((o) => ({ id: o, label: t(`expulsions.outcomes.${o}`) }))} />
            <TextInput label={t('expulsions.outcome.day')} name="outcomeDay" value={day} onChange={setDay} format="date" isRequired error={errs.of('day')} />
          </div>
          <p className="muted small">{t('expulsions.outcome.hint')}</p>
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('expulsions.outcome.save')}
          </Button>
        </Form>
      )}
    </section>
  );
}
