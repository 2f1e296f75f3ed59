/**
 * "Mes échéances" (DOMAIN §7): the caller's dated tasks from every module, one list ordered by
 * date, overdue ones marked; each line leads to where it is acted on.
 */
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { Alert } from '../../ui/components';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';

export function TasksList() {
  const { t } = useTranslation();
  const { data, error } = useResource(() => must('tasks:mine', {}));
  if (error) return <Alert kind="error">{error}</Alert>;
  if (!data) return null;
  return (
    <section aria-labelledby="tasks-title" className="tiles-section">
      <h2 id="tasks-title">{t('tasks.title')}</h2>
      <p className="muted">{t('tasks.lead', { days: data.noticeDays, until: isoToFr(data.until) })}</p>
      {data.items.length === 0 ? (
        <p>{t('tasks.none')}</p>
      ) : (
        <ul className="plain tasks-list">
          {data.items.map((task) => (
            <li key={`${task.module}-${task.kind}-${task.href}-${task.label}`} className={task.overdue ? 'task overdue' : 'task'}>
              <span className="task-due">{task.overdue ? t('tasks.overdue', { date: isoToFr(task.due) }) : isoToFr(task.due)}</span>{' '}
              <a href={task.href}>{t(`tasks.kinds.${task.module}.${task.kind}`, { label: task.label })}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
