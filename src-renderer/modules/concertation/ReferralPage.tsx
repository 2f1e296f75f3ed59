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
import { Button, PageHeader } from '../../ui/components';
import { NotLoaded, RecordFacts, RecordStatus } from '../../ui/RecordParts';
import { isoToFr, saveFile } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { CloseSection, DecisionsSection, ElementsSection, MeetingSection, MembersSection } from './Sections';

export function ReferralPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const referral = useResource(() => must('concertation:get', { id }));
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const r = referral.data;
  if (!r) return <NotLoaded error={referral.error} />;
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
      <RecordFacts
        className="concertation-header"
        facts={[
          { term: t('concertation.page.referred'), value: t('concertation.page.referredValue', { date: isoToFr(r.referredOn), by: r.referredBy.displayName }) },
          { term: t('concertation.page.status'), value: <span className={`status-badge concertation-${r.status}`}>{t(`concertation.statuses.${r.status}`)}</span> },
          {
            term: t('concertation.page.delays'),
            value: t('concertation.page.delaysValue', { gatherFrom: isoToFr(r.delays.gatherFrom), gatherBy: isoToFr(r.delays.gatherBy), meetingBy: isoToFr(r.delays.meetingBy) }),
            testId: 'concertation-delays',
          },
          {
            term: t('concertation.page.consent'),
            value: r.consent.usable ? t('concertation.page.consentValue', { date: isoToFr(r.consent.givenOn), recipient: r.consent.recipient }) : r.consent.why,
            ...(r.consent.usable ? {} : { className: 'warning-text' }),
          },
        ]}
      />
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
      {/* A closed record says so in its closing section, with the way to the DSU's journal. */}
      <RecordStatus warnings={r.warnings} info={!r.canWrite && r.status !== 'close' && t('concertation.page.readOnly')} notice={notice} error={error} />
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
