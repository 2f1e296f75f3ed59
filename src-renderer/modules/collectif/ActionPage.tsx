/**
 * One collective action (DOMAIN §11): a compact header (status, who leads it, next session,
 * counts), then its sections as tabs — Présentation et financement · Séances · Participants ·
 * Présences · Évaluation. The participants and the attendance are for the professionals who
 * lead the action and the responsables (their names are read once per visit, an audited read);
 * the others see the counts. The open tab is in the address (`#/collectif/3/seances`).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { Button, PageHeader } from '../../ui/components';
import { NotLoaded, RecordFacts, RecordStatus, RecordTabs } from '../../ui/RecordParts';
import { formatCents, isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { ActionDialog } from './ActionDialog';
import { AttendanceSection } from './AttendanceSection';
import { EvaluationSection } from './EvaluationSection';
import { ParticipantsSection } from './ParticipantsSection';
import { SessionsSection } from './SessionsSection';
import type { ActionOut } from './types';
import { useRouteTab } from '../../app/useRouteTab';

export const ACTION_TABS = ['presentation', 'seances', 'participants', 'presences', 'evaluation'] as const;

export function ActionPage({ id, tab: inRoute }: { id: number; tab?: string | undefined }) {
  const { t } = useTranslation();
  const action = useResource(() => must('collectif:get', { id }));
  const [tab, showTab] = useRouteTab(ACTION_TABS, inRoute, `#/collectif/${id}`);
  const [notice, setNotice] = useState<string | null>(null);
  const a = action.data;
  if (!a) return <NotLoaded error={action.error} />;

  const select = (k: string) => {
    showTab(k);
    setNotice(null);
  };
  const changed = (message: string) => {
    void action.reload().then(() => setNotice(message));
  };
  const next = a.nextSession;
  return (
    <>
      <PageHeader title={t('collectif.pageTitle', { title: a.title })}>
        <a className="btn btn-secondary" href="#/collectif">
          {t('collectif.backToList')}
        </a>
      </PageHeader>
      <RecordFacts
        className="col-header"
        facts={[
          { term: t('collectif.status'), value: <span className={`status-badge col-${a.actionStatus}`}>{t(`collectif.statuses.${a.actionStatus}`)}</span> },
          { term: t('collectif.leads'), value: a.leads.map((l) => l.displayName).join(', ') },
          { term: t('collectif.nextSession'), value: next ? t('collectif.sessionShort', { date: isoToFr(next.date), time: next.starts, place: next.place }) : t('collectif.noNextSession') },
          {
            term: t('collectif.counts.title'),
            value: `${t('collectif.counts.sessions', { count: a.counts.sessions })} · ${t('collectif.participantsCount', { count: a.counts.named + a.counts.anonymous, named: a.counts.named, anonymous: a.counts.anonymous })}`,
            testId: 'col-counts',
          },
          {
            term: t('collectif.counts.attendance'),
            value: `${t('collectif.counts.presences', { count: a.counts.presences })}${a.counts.attendanceRate !== null ? ` · ${t('collectif.counts.rate', { rate: a.counts.attendanceRate.toLocaleString('fr-FR') })}` : ''}`,
            testId: 'col-attendance',
          },
        ]}
      />
      <RecordStatus info={!a.canWrite && t('collectif.readOnly')} notice={notice} />
      <RecordTabs
        label={t('collectif.tabsLabel', { title: a.title })}
        tabs={ACTION_TABS}
        title={(k) => t(`collectif.tabs.${k}`)}
        selected={tab}
        onSelect={select}
        panels={{
          presentation: <Presentation action={a} onChanged={changed} />,
          seances: <SessionsSection action={a} onChanged={changed} />,
          participants: a.canWrite ? <ParticipantsSection action={a} onChanged={changed} /> : <NamesHidden action={a} />,
          presences: a.canWrite ? <AttendanceSection action={a} onChanged={changed} /> : <NamesHidden action={a} />,
          evaluation: <EvaluationSection action={a} onChanged={changed} />,
        }}
      />
    </>
  );
}

/** What a professional who does not lead the action learns of its participants: the counts. */
function NamesHidden({ action }: { action: ActionOut }) {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <p>{t('collectif.participantsCount', { count: action.counts.named + action.counts.anonymous, named: action.counts.named, anonymous: action.counts.anonymous })}</p>
      <p className="muted">{t('collectif.namesHidden')}</p>
    </section>
  );
}

function Presentation({ action: a, onChanged }: { action: ActionOut; onChanged: (m: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <section className="panel" aria-labelledby="col-presentation-title">
      <div className="panel-header col-wrap">
        <h2 id="col-presentation-title">{t('collectif.tabs.presentation')}</h2>
        {a.canWrite && <Button onPress={() => setEditing(true)}>{t('collectif.edit')}</Button>}
      </div>
      <dl className="col-facts">
        <dt>{t('collectif.form.aim')}</dt>
        <dd>{a.aim || <span className="muted">{t('collectif.none')}</span>}</dd>
        <dt>{t('collectif.form.audience')}</dt>
        <dd>{a.audience || <span className="muted">{t('collectif.none')}</span>}</dd>
        <dt>{t('collectif.partners')}</dt>
        <dd>
          {a.partners.length === 0 ? (
            <span className="muted">{t('collectif.none')}</span>
          ) : (
            <ul className="plain">
              {a.partners.map((p, i) => (
                <li key={i}>
                  {p.name}
                  {p.role && <span className="muted"> — {p.role}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('collectif.fundings')}</dt>
        <dd>
          {a.fundings.length === 0 ? (
            <span className="muted">{t('collectif.none')}</span>
          ) : (
            <ul className="plain">
              {a.fundings.map((f, i) => (
                <li key={i}>
                  {f.funder} — {formatCents(f.amountCents)} — <span className={`status-badge fund-${f.fundingStatus}`}>{t(`collectif.fundingStatuses.${f.fundingStatus}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {editing && (
        <ActionDialog
          action={a}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged(t('collectif.saved'));
          }}
        />
      )}
    </section>
  );
}
