/** An evaluation's due date with the days left (or late), one phrase. */
import { useTranslation } from 'react-i18next';
import { isoToFr } from '../../ui/format';
import type { EvaluationSummary } from './types';

export function DueText({ due, done = false }: { due: EvaluationSummary['due']; done?: boolean }) {
  const { t } = useTranslation();
  if (!due) return <span className="muted">{t('protection.noDue')}</span>;
  if (done) return <span>{isoToFr(due.due)}</span>;
  const left = due.daysLeft;
  return (
    <span className={left < 0 ? 'overdue' : ''}>
      {isoToFr(due.due)} — {left < 0 ? t('protection.late', { count: -left }) : left === 0 ? t('protection.today') : t('protection.daysLeft', { count: left })}
    </span>
  );
}
