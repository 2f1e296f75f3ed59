/** The household's first contacts, in its DSU (registry `dsuPanels`). */
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { formatDateTime } from '../../ui/format';
import { useResource } from '../../ui/useResource';

export function FirstContactsPanel({ dsuId }: { dsuId: number }) {
  const { t } = useTranslation();
  const { data, error } = useResource(() => must('intake:forDsu', { dsuId }));
  return (
    <section className="panel" aria-labelledby="fc-title">
      <h2 id="fc-title">{t('dsu.firstContacts')}</h2>
      {error && <p className="muted">{error}</p>}
      {data && data.length === 0 && <p className="muted">{t('common.none')}</p>}
      <ul className="plain">
        {(data ?? []).map((f) => (
          <li key={f.id}>
            <strong>{formatDateTime(f.at)}</strong> — {t(`labels.${f.mode}`)} — {f.person.name} ({f.takenBy.displayName})
            <br />
            {f.motifs.join(', ')}
            {f.urgent && <span className="warning-text"> — {t('dsu.urgent', { reason: f.urgencyReason })}</span>}
            <br />« {f.request} » → {t(`intake.outcomes.${f.outcome}`)}
            {f.partner && ` (${f.partner})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
