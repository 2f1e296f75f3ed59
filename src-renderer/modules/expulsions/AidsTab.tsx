/**
 * The aid requests opened for the case (an FSL maintien request, a financial aid): each with
 * its status, opening its page. « Demande FSL maintien » and « Ouvrir une demande d'aide » open
 * the household's new aid request with the case in the route: the request is linked to the
 * case when it is created. An earlier request of the household is linked from here.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, ErrorSummary, SelectField } from '../../ui/components';
import { isoToFr } from '../../ui/format';
import type { TabProps } from './types';

export function AidsTab({ c, onChanged }: TabProps) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors(['aidId']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!errs.check(choice ? {} : { aidId: t('expulsions.aids.choose') }) || !choice) return;
    const aid = c.aidChoices.find((a) => String(a.id) === choice);
    setBusy(true);
    try {
      await must('expulsions:linkAid', { caseId: c.id, aidId: Number(choice) });
      setChoice(null);
      errs.clear();
      onChanged(t('expulsions.aids.linked', { number: aid?.number ?? '' }));
    } catch (err) {
      errs.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="exp-aids-title">
      <div className="panel-header">
        <h2 id="exp-aids-title">{t('expulsions.aids.title')}</h2>
        {c.canWrite && (
          <div className="actions">
            <a className="btn btn-primary" href={`#/aides/nouvelle/${c.dsu.id}?dispositif=fsl_maintien&expulsion=${c.id}`}>
              {t('expulsions.aids.openFsl')}
            </a>
            <a className="btn btn-secondary" href={`#/aides/nouvelle/${c.dsu.id}?expulsion=${c.id}`}>
              {t('expulsions.aids.open')}
            </a>
          </div>
        )}
      </div>
      {c.aids.length === 0 ? (
        <p className="muted">{t('expulsions.aids.none')}</p>
      ) : (
        <ul className="plain" data-testid="exp-aids">
          {c.aids.map((a) => (
            <li key={a.id}>
              <a href={`#/aides/${a.id}`}>{a.number}</a> — {t('expulsions.aids.natureOf', { nature: t(`aides.natures.${a.nature}`, { defaultValue: a.nature }), date: isoToFr(a.requestedOn) })} — {t(`aides.statuses.${a.status}`)}
            </li>
          ))}
        </ul>
      )}
      {c.canWrite && c.aidChoices.length > 0 && (
        <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" aria-labelledby="exp-aids-link">
          <h3 id="exp-aids-link">{t('expulsions.aids.linkTitle')}</h3>
          <ErrorSummary errors={errs.errors} />
          <div className="form-row">
            <SelectField
              label={t('expulsions.aids.request')}
              value={choice}
              onChange={setChoice}
              error={errs.of('aidId')}
              options={c.aidChoices.map((a) => ({ id: String(a.id), label: `${a.number} — ${t(`aides.statuses.${a.status}`)} (${isoToFr(a.requestedOn)})` }))}
            />
            <Button type="submit" isDisabled={busy}>
              {t('expulsions.aids.link')}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
