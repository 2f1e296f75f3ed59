import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-main/modules';
import { call } from '../../api';
import { timeOf, today } from '../../ui/format';

/** The social worker's appointments of the day, with a way into each household's file. */
export function TodayTile({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Output<'rdv:agenda'> | null>(null);
  useEffect(() => {
    void call('rdv:agenda', { professionalId: userId, from: today(), days: 1 }).then((r) => r.ok && setItems(r.value));
  }, [userId]);
  if (!items) return null;
  return (
    <section aria-labelledby="today-title" className="tiles-section">
      <h2 id="today-title">{t('home.todayTitle')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('home.todayNone')}</p>
      ) : (
        <ul className="plain">
          {items.map((a) => (
            <li key={a.id}>
              <strong>{timeOf(a.startsAt)}</strong> — {a.person.name} — {t(`labels.${a.kind}`)} — {t(`labels.${a.status}`)}
              {a.dsu && (
                <>
                  {' '}
                  — <a href={`#/dsu/${a.dsu.id}`}>{t('agenda.openDsu', { number: a.dsu.number })}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
