import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';

/** Files and persons without a file past the retention limit (DOMAIN §3): the responsable sees how many, and goes there. */
export function RetentionTile() {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<{ files: number; persons: number } | null>(null);
  useEffect(() => {
    void Promise.all([call('dsu:retention', {}), call('persons:retention', {})]).then(([files, persons]) => {
      if (files.ok && persons.ok) setCounts({ files: files.value.rows.length, persons: persons.value.rows.length });
    });
  }, []);
  if (counts === null) return null;
  return (
    <section aria-labelledby="retention-tile" className="tiles-section">
      <h2 id="retention-tile">{t('nav.retention')}</h2>
      <p>
        {t('home.retention', { count: counts.files })} {counts.persons > 0 && t('home.retentionPersons', { count: counts.persons })}{' '}
        {counts.files + counts.persons > 0 && <a href="#/conservation">{t('home.retentionGo')}</a>}
      </p>
    </section>
  );
}
