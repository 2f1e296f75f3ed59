/** The household's aid requests, on its DSU; a new request starts from here. */
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { formatCents, isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';

export function DsuAids({ dsuId, canCreate }: { dsuId: number; canCreate: boolean }) {
  const { t } = useTranslation();
  const aids = useResource(() => must('aid:forDsu', { dsuId }));
  return (
    <section className="panel" aria-labelledby="dsu-aids-title">
      <h2 id="dsu-aids-title">{t('aides.dsuTitle')}</h2>
      {canCreate && (
        <p>
          <a className="btn btn-primary" href={`#/aides/nouvelle/${dsuId}`}>
            {t('aides.new')}
          </a>
        </p>
      )}
      {aids.error && <p className="muted">{aids.error}</p>}
      {aids.data?.length === 0 && <p className="muted">{t('aides.historyNone')}</p>}
      <ul className="plain">
        {aids.data?.map((a) => (
          <li key={a.id}>
            <a href={`#/aides/${a.id}`}>{a.number}</a> — {isoToFr(a.requestedOn)} — {a.dispositifLabel} — {t('aides.dsuRequested', { amount: formatCents(a.amountCents) })}
            {a.grantedCents !== null && a.status === 'accordee' && <> — {t('aides.dsuGranted', { amount: formatCents(a.grantedCents) })}</>}
            {a.paidOn !== null && <> — {t('aides.dsuPaid', { date: isoToFr(a.paidOn) })}</>} —{' '}
            <span className={`status-badge aid-${a.status}`}>{t(`aides.statuses.${a.status}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
