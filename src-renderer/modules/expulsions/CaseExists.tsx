/**
 * What the front desk may know of a household's eviction prevention cases: that one is open,
 * who follows it and since when (`expulsions:exists`), nothing of its content.
 */
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';

export function CaseExists({ dsuId }: { dsuId: number }) {
  const { t } = useTranslation();
  const { data } = useResource(() => must('expulsions:exists', { dsuId }));
  if (!data || data.length === 0) return null;
  return (
    <>
      {data.map((c, i) => (
        <span key={i} className="sur-exists" data-testid="exp-exists">
          {t('expulsions.exists', { referent: c.followedBy, date: isoToFr(c.openedOn) })}
        </span>
      ))}
    </>
  );
}
