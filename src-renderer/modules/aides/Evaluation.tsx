/** The live evaluation beside a request: every rule green or red with its figures (DOMAIN §4.2). */
import { useTranslation } from 'react-i18next';
import type { AidOut, EvaluationOut } from '../../../src-main/modules';
import { formatCents, isoToFr } from '../../ui/format';

export function EvaluationPanel({ evaluation, error, title }: { evaluation: EvaluationOut | null; error?: string | null; title?: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel evaluation" aria-labelledby="evaluation-title" aria-live="polite">
      <h2 id="evaluation-title">{title ?? t('aides.evaluation')}</h2>
      {error && <p className="muted">{error}</p>}
      {!evaluation && !error && <p className="muted">{t('aides.evaluationWaiting')}</p>}
      {evaluation && (
        <>
          <p className={`outcome outcome-${evaluation.outcome}`}>
            <strong>{t(`aides.outcomes.${evaluation.outcome}`)}</strong>
            {evaluation.outcome !== 'non_conforme' && <> — {t(evaluation.route === 'validation' ? 'aides.routeValidation' : 'aides.routeCommission')}</>}
          </p>
          <ul className="rules">
            {evaluation.rules.map((r) => (
              <li key={r.id} className={r.passed ? 'rule-ok' : r.kind === 'delegation' ? 'rule-info' : 'rule-ko'}>
                <span className="rule-mark" aria-hidden="true">
                  {r.passed ? '✓' : r.kind === 'delegation' ? '→' : '✗'}
                </span>
                <span className="visually-hidden">{r.passed ? t('aides.rulePassed') : t('aides.ruleFailed')} : </span>
                <span>{r.sentence}</span>
              </li>
            ))}
          </ul>
          <p className="muted small">
            {t('aides.evaluatedUnder', { title: evaluation.reglement.title, version: evaluation.reglement.version, day: isoToFr(evaluation.evaluatedOn) })} {evaluation.rounding}
          </p>
        </>
      )}
    </section>
  );
}

export function AidHistory({ rows, title }: { rows: AidOut['history']; title?: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="aid-history-title">
      <h2 id="aid-history-title">{title ?? t('aides.history')}</h2>
      {rows.length === 0 && <p className="muted">{t('aides.historyNone')}</p>}
      <ul className="plain">
        {rows.map((h) => (
          <li key={h.id}>
            <a href={`#/aides/${h.id}`}>{h.number}</a> — {isoToFr(h.requestedOn)} — {h.dispositif} ({t(`aides.natures.${h.nature}`)}) — {formatCents(h.amountCents)} —{' '}
            <span className={`status-badge aid-${h.status}`}>{t(`aides.statuses.${h.status}`)}</span>
            {h.grantedCents !== null && h.status === 'accordee' && <> {t('aides.grantedAmount', { amount: formatCents(h.grantedCents) })}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
