/**
 * One eviction prevention case (DOMAIN §6): a compact header (household, référent, dwelling,
 * landlord, lease, rent, debt, stage, next date), then tabs — Procédure · Dates · Dette
 * locative · Aides · CCAPEX · Issue. The open tab is in the address (`#/expulsions/12/dates`). Every action's outcome is
 * said in the page's live region and the case is read again.
 */
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { Alert, Button, PageHeader } from '../../ui/components';
import { formatCents, isoToFr, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { DebtTab } from './DebtTab';
import { DetailsDialog } from './DetailsDialog';
import { AidsTab } from './AidsTab';
import { CcapexTab } from './CcapexTab';
import { OutcomeTab } from './OutcomeTab';
import { DatesList, ProcedureTab } from './ProcedureTab';
import { useRouteTab } from '../../app/useRouteTab';

export const CASE_TABS = ['procedure', 'dates', 'dette', 'aides', 'ccapex', 'issue'] as const;

export function CasePage({ id, tab: inRoute }: { id: number; tab?: string | undefined }) {
  const { t } = useTranslation();
  const res = useResource(() => must('expulsions:get', { id }));
  const [tab, showTab] = useRouteTab(CASE_TABS, inRoute, `#/expulsions/${id}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const c = res.data;
  if (!c) return res.error ? <Alert kind="error">{res.error}</Alert> : <p>{t('common.loading')}</p>;
  const select = (k: string) => {
    showTab(k);
    setNotice(null);
  };
  const changed = (message: string) => {
    void res.reload().then(() => setNotice(message));
  };
  const next = c.nextDate;
  const opinion = [...c.ccapex].reverse().find((e) => e.opinion);
  return (
    <>
      <PageHeader title={t('expulsions.caseTitle', { household: c.household })}>
        <a className="btn btn-secondary" href={`#/dsu/${c.dsu.id}/expulsions`}>
          {t('expulsions.backToDsu', { number: c.dsu.number })}
        </a>
        {c.canWrite && <Button onPress={() => setEditing(true)}>{t('expulsions.details.edit')}</Button>}
      </PageHeader>
      <dl className="sur-header exp-header">
        <div>
          <dt>{t('expulsions.referent')}</dt>
          <dd>
            {c.referent.displayName} — {c.status === 'clos' ? t('expulsions.closedOn', { date: isoToFr(c.closedOn) }) : t('expulsions.openedOn', { date: isoToFr(c.openedOn) })}
          </dd>
        </div>
        <div>
          <dt>{t('expulsions.details.dwelling')}</dt>
          <dd>{c.dwelling || '—'}</dd>
        </div>
        <div>
          <dt>{t('expulsions.details.landlord')}</dt>
          <dd>
            {c.landlordName}, {t(`expulsions.landlordKinds.${c.landlordKind}`)}
          </dd>
        </div>
        <div>
          <dt>{t('expulsions.lease')}</dt>
          <dd>{t(c.leaseSigned ? 'expulsions.leaseValue' : 'expulsions.leaseValueUnknown', { date: c.leaseSigned ? isoToFr(c.leaseSigned) : '', rent: formatCents(c.rentCents), charges: formatCents(c.chargesCents) })}</dd>
        </div>
        <div>
          <dt>{t('expulsions.debt')}</dt>
          <dd>{c.debtCents === null ? '—' : formatCents(c.debtCents)}</dd>
        </div>
        <div>
          <dt>{t('expulsions.stage')}</dt>
          <dd>{c.stage ? t(`expulsions.stages.${c.stage}`) : t('expulsions.noStage')}</dd>
        </div>
        <div>
          <dt>{t('expulsions.nextDate')}</dt>
          <dd data-testid="exp-next-date">{c.status === 'clos' ? t('expulsions.noDateClosed') : next ? `${isoToFr(next.due)} — ${next.label}${next.due < today() ? ` (${t('expulsions.dates.past')})` : ''}` : t('expulsions.noDate')}</dd>
        </div>
        {c.ccapex.length > 0 && (
          <div>
            <dt>{t('expulsions.ccapex.header')}</dt>
            <dd data-testid="exp-ccapex-header">
              {opinion?.opinion
                ? t('expulsions.ccapex.headerOpinion', { avis: t(`expulsions.ccapex.avis.${opinion.opinion.avis}`), date: isoToFr(opinion.heldOn) })
                : t('expulsions.ccapex.headerPending', { date: isoToFr(c.ccapex[c.ccapex.length - 1]!.heldOn) })}
            </dd>
          </div>
        )}
      </dl>
      {c.warnings.length > 0 && (
        <Alert kind="info">
          <span className="sur-warnings">
            {c.warnings.map((w) => (
              <span key={w}>{w} </span>
            ))}
          </span>
        </Alert>
      )}
      {!c.canWrite && <Alert kind="info">{t('expulsions.readOnly')}</Alert>}
      <div className="sur-live" role="status" aria-live="polite">
        {notice && <p className="alert alert-success">{notice}</p>}
      </div>
      <Tabs className="dsu-tabs" selectedKey={tab} onSelectionChange={(k) => select(String(k))}>
        <TabList className="tab-list" aria-label={t('expulsions.tabsLabel', { household: c.household })}>
          {CASE_TABS.map((k) => (
            <Tab key={k} id={k} className="tab">
              {t(`expulsions.tabs.${k}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="procedure" className="tab-panel">
          <ProcedureTab c={c} onChanged={changed} />
        </TabPanel>
        <TabPanel id="dates" className="tab-panel">
          <section className="panel" aria-labelledby="exp-dates-title">
            <h2 id="exp-dates-title">{t('expulsions.dates.title')}</h2>
            <DatesList c={c} />
          </section>
        </TabPanel>
        <TabPanel id="dette" className="tab-panel">
          <DebtTab c={c} onChanged={changed} />
        </TabPanel>
        <TabPanel id="aides" className="tab-panel">
          <AidsTab c={c} onChanged={changed} />
        </TabPanel>
        <TabPanel id="ccapex" className="tab-panel">
          <CcapexTab c={c} onChanged={changed} />
        </TabPanel>
        <TabPanel id="issue" className="tab-panel">
          <OutcomeTab c={c} onChanged={changed} />
        </TabPanel>
      </Tabs>
      {editing && (
        <DetailsDialog
          dsuId={c.dsu.id}
          current={c}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            changed(t('expulsions.details.saved'));
          }}
        />
      )}
    </>
  );
}
