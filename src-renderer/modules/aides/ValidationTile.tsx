import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-main/modules';
import { call } from '../../api';

/** Requests waiting for a responsable (DOMAIN §4.4): how many, how many urgent. */
export function ValidationTile() {
  const { t } = useTranslation();
  const [queue, setQueue] = useState<Output<'aid:queue'> | null>(null);
  useEffect(() => {
    void call('aid:queue', {}).then((r) => r.ok && setQueue(r.value));
  }, []);
  if (!queue) return null;
  const urgent = queue.filter((q) => q.urgent).length;
  return (
    <section aria-labelledby="validation-tile" className="tiles-section">
      <h2 id="validation-tile">{t('nav.validation')}</h2>
      <p>
        {t('home.queue', { count: queue.length })} {urgent > 0 && <strong className="warning-text">{t('home.queueUrgent', { count: urgent })}</strong>}{' '}
        {queue.length > 0 && <a href="#/validation">{t('home.queueGo')}</a>}
      </p>
    </section>
  );
}
