/** The household's eviction prevention cases, on its DSU (tab « Expulsion »); a new case opens from here. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { Alert, Button } from '../../ui/components';
import { isoToFr, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import type { DsuPanelProps } from '../module';
import { DetailsDialog } from './DetailsDialog';

export function DsuCases({ dsu, session }: DsuPanelProps) {
  const { t } = useTranslation();
  const cases = useResource(() => must('expulsions:forDsu', { dsuId: dsu.id }));
  const [opening, setOpening] = useState(false);
  // One open case per household.
  const canOpen = dsu.canWrite && (session.user.roles.includes('cesf') || session.user.roles.includes('ass')) && !!cases.data && !cases.data.some((c) => c.status === 'ouvert');
  return (
    <section className="panel" aria-labelledby="dsu-exp-title">
      <h2 id="dsu-exp-title">{t('expulsions.dsu.title')}</h2>
      {canOpen && (
        <p>
          <Button variant="primary" onPress={() => setOpening(true)}>
            {t('expulsions.dsu.open')}
          </Button>
        </p>
      )}
      {cases.error && <Alert kind="error">{cases.error}</Alert>}
      {cases.data?.length === 0 && <p className="muted">{t('expulsions.dsu.none')}</p>}
      <ul className="plain">
        {cases.data?.map((c) => (
          <li key={c.id}>
            <a href={`#/expulsions/${c.id}`}>{t('expulsions.dsu.item', { date: isoToFr(c.openedOn), referent: c.referent.displayName })}</a> — {t(`expulsions.statuses.${c.status}`)}
            {c.stage && <> — {t(`expulsions.stages.${c.stage}`)}</>}
            {c.nextDate && (
              <>
                {' — '}
                {t('expulsions.dsu.next', { date: isoToFr(c.nextDate.due), label: c.nextDate.label })}
                {c.nextDate.due < today() && ` (${t('expulsions.dates.past')})`}
              </>
            )}
          </li>
        ))}
      </ul>
      {opening && <DetailsDialog dsuId={dsu.id} current={null} onClose={() => setOpening(false)} onSaved={(c) => (window.location.hash = `#/expulsions/${c.id}`)} />}
    </section>
  );
}
