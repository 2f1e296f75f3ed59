/**
 * What the front desk may know of a household's overindebtedness files: that one is open, who
 * follows it and since when (`surendettement:exists`), nothing of its content.
 */
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';

export function FileExists({ dsuId }: { dsuId: number }) {
  const { t } = useTranslation();
  const { data } = useResource(() => must('surendettement:exists', { dsuId }));
  if (!data || data.length === 0) return null;
  return (
    <>
      {data.map((f, i) => (
        <span key={i} className="sur-exists" data-testid="sur-exists">
          {t('surendettement.exists', { referent: f.followedBy, date: isoToFr(f.openedOn) })}
        </span>
      ))}
    </>
  );
}
