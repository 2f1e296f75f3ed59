/**
 * The eviction case an aid request is linked to, on the aid request's page (the registry's
 * `aidPanels`): « Liée au dossier d'expulsion du … — <étape> » with a link back to the case.
 * After the page creates a request opened from a case (`expulsion=<id>` in its route), the
 * request is linked to that case in the same action.
 */
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import i18n from '../../i18n';

export function AidCaseLink({ aidId }: { aidId: number }) {
  const { t } = useTranslation();
  const res = useResource(() => must('expulsions:forAid', { aidId }));
  const link = res.data?.[0];
  if (!link) return null;
  return (
    <p className="exp-aid-link" data-testid="exp-aid-link">
      <a href={`#/expulsions/${link.caseId}/aides`}>
        {t('expulsions.aidLink.label', { date: isoToFr(link.openedOn), stage: link.stage ? t(`expulsions.stages.${link.stage}`) : t('expulsions.noStage') })}
      </a>{' '}
      <span className="muted">{t('expulsions.aidLink.referent', { name: link.referent })}</span>
    </p>
  );
}

/** Links a request just created from a case's page to that case. */
export async function linkAfterCreate({ aidId, query }: { aidId: number; query: URLSearchParams }): Promise<string | null> {
  const caseId = Number(query.get('expulsion'));
  if (!Number.isInteger(caseId) || caseId <= 0) return null;
  await must('expulsions:linkAid', { caseId, aidId });
  return i18n.t('expulsions.aidLink.linked');
}
