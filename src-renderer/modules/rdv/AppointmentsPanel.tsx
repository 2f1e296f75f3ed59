/** The household's appointments, in its DSU (registry `dsuPanels`). */
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { isoToFr, timeOf } from '../../ui/format';
import { useResource } from '../../ui/useResource';

export function AppointmentsPanel({ dsuId }: { dsuId: number }) {
  const { t } = useTranslation();
  const { data, error } = useResource(() => must('rdv:forDsu', { dsuId }));
  return (
    <section className="panel" aria-labelledby="rdv-title">
      <h2 id="rdv-title">{t('person.appointments')}</h2>
      {error && <p className="muted">{error}</p>}
      {data && data.length === 0 && <p className="muted">{t('common.none')}</p>}
      <ul className="plain">
        {(data ?? []).map((a) => (
          <li key={a.id}>
            {isoToFr(a.startsAt)} {timeOf(a.startsAt)} — {a.person.name} — {a.professional.displayName} — {t(`labels.${a.kind}`)} — {t(`labels.${a.status}`)}
            {a.cancelReason && ` (${t(`agenda.cancelReasons.${a.cancelReason}`)})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
