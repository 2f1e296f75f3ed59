/**
 * One referral to the concertation instance (DOMAIN §9), on one screen: the referral and the
 * consent it rests on, the members and their charter, the elements shared, the meeting, the
 * decisions, then the closing that writes the synthesis in the DSU's journal, and the record
 * as a PDF for the members. Every action's outcome is said in the page's live region.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, PageHeader } from '../../ui/components';
import { isoToFr, saveFile } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { CloseSection, DecisionsSection, ElementsSection, MeetingSection, MembersSection } from './Sections';

export function ReferralPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const referral = useResource(() => must('concertation:get', { id }));
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const r = referral.data;
  if (!r) return referral.error ? <Alert kind="error">{referral.error}</Alert> : <p>{t('common.loading')}</p>;
  const changed = (message: string) => {
    setError(null);
    void referral.reload().then(() => setNotice(message));
  };
  const download = async () => {
    try {
      saveFile(await must('concertation:document', { id }));
      setNotice(t('concertation.document.saved'));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <>
      <PageHeader title={t('concertation.page.title', { household: r.household })}>
        <a className="btn btn-secondary" href={`#/dsu/${r.dsu.id}/concertation`}>
          {t('concertation.page.backToDsu', { number: r.dsu.number })}
        </a>
        <Button onPress={() => void download()}>{t('concertation.document.pdf')}</Button>
      </PageHeader>
      <dl className="sur-header concertation-header">
        <div>
          <dt>{t('concertation.page.referred')}</dt>
          <dd>{t('concertation.page.referredValue', { date: isoToFr(r.referredOn), by: r.referredBy.displayName })}</dd>
        </div>
        <div>
          <dt>{t('concertation.page.status')}</dt>
          <dd>
            <span className={`status-badge concertation-${r.status}`}>{t(`concertation.statuses.${r.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('concertation.page.delays')}</dt>
          <dd data-testid="concertation-delays">{t('concertation.page.delaysValue', { gatherFrom: isoToFr(r.delays.gatherFrom), gatherBy: isoToFr(r.delays.gatherBy), meetingBy: isoToFr(r.delays.meetingBy) })}</dd>
        </div>
        <div>
          <dt>{t('concertation.page.consent')}</dt>
          <dd className={r.consent.usable ? undefined : 'warning-text'}>
            {r.consent.usable ? t('concertation.page.consentValue', { date: isoToFr(r.consent.givenOn), recipient: r.consent.recipient }) : r.consent.why}
          </dd>
        </div>
      </dl>
      <section className="panel concertation-referral" aria-labelledby="concertation-referral-title">
        <h2 id="concertation-referral-title">{t('concertation.page.referral')}</h2>
        <dl className="concertation-facts">
          <dt>{t('concertation.refer.motif')}</dt>
          <dd className="pre-line">{r.motif}</dd>
          <dt>{t('concertation.refer.purpose')}</dt>
          <dd>{r.purpose}</dd>
          <dt>{t('concertation.refer.services')}</dt>
          <dd>{r.services.join(', ')}</dd>
          <dt>{t('concertation.refer.elementKinds')}</dt>
          <dd>{r.elementKinds.map((k) => t(`concertation.elementKinds.${k}`)).join(', ')}</dd>
        </dl>
      </section>
      {r.warnings.length > 0 && (
        <Alert kind="info">
          <span className="sur-warnings">
            {r.warnings.map((w) => (
              <span key={w}>{w} </span>
            ))}
          </span>
        </Alert>
      )}
      {/* A closed record says so in its closing section, with the way to the DSU's journal. */}
      {!r.canWrite && r.status !== 'close' && <Alert kind="info">{t('concertation.page.readOnly')}</Alert>}
      <div className="sur-live" role="status" aria-live="polite">
        {notice && (
          <p className="alert alert-success" tabIndex={-1}>
            {notice}
          </p>
        )}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="concertation-grid">
        <MembersSection referral={r} onChanged={changed} />
        <ElementsSection referral={r} onChanged={changed} />
        <MeetingSection referral={r} onChanged={changed} />
        <DecisionsSection referral={r} onChanged={changed} />
      </div>
      <CloseSection referral={r} onChanged={changed} />
    </>
  );
}
