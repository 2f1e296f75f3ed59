/**
 * One overindebtedness file (DOMAIN §5): a compact header (household, référent, status, next
 * deadline), then tabs — Dettes · Budget et capacité · Procédure · Échéances · Documents. The
 * open tab is in the address (`#/surendettement/12/budget`). Every action's outcome is said in
 * the page's live region and the file is read again.
 */
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, PageHeader } from '../../ui/components';
import { formatCents, isoToFr, saveFile } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { BudgetTab } from './BudgetTab';
import { DebtsTab } from './DebtsTab';
import { DeadlinesList, ProcedureTab } from './ProcedureTab';
import { useRouteTab } from '../../app/useRouteTab';

export const FILE_TABS = ['dettes', 'budget', 'procedure', 'echeances', 'documents'] as const;

export function FilePage({ id, tab: inRoute }: { id: number; tab?: string | undefined }) {
  const { t } = useTranslation();
  const file = useResource(() => must('surendettement:get', { id }));
  const [tab, showTab] = useRouteTab(FILE_TABS, inRoute, `#/surendettement/${id}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const f = file.data;
  if (!f) return file.error ? <Alert kind="error">{file.error}</Alert> : <p>{t('common.loading')}</p>;

  const select = (k: string) => {
    showTab(k);
    setNotice(null);
  };
  const changed = (message: string) => {
    setError(null);
    // Said once the screen shows it: the next action starts from what was just recorded.
    void file.reload().then(() => setNotice(message));
  };
  const download = async (format: 'pdf' | 'xlsx') => {
    try {
      saveFile(await must('surendettement:document', { id, format }));
      setNotice(t(format === 'pdf' ? 'surendettement.documents.pdfSaved' : 'surendettement.documents.xlsxSaved'));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const next = f.nextDeadline;
  return (
    <>
      <PageHeader title={t('surendettement.fileTitle', { household: f.household })}>
        <a className="btn btn-secondary" href={`#/dsu/${f.dsu.id}/surendettement`}>
          {t('surendettement.backToDsu', { number: f.dsu.number })}
        </a>
      </PageHeader>
      <dl className="sur-header">
        <div>
          <dt>{t('surendettement.referent')}</dt>
          <dd>{f.referent.displayName}</dd>
        </div>
        <div>
          <dt>{t('surendettement.status')}</dt>
          <dd>
            <span className={`status-badge sur-${f.status}`}>{t(`surendettement.statuses.${f.status}`)}</span> {t('surendettement.openedOn', { date: isoToFr(f.openedOn) })}
          </dd>
        </div>
        <div>
          <dt>{t('surendettement.stage')}</dt>
          <dd>{f.stage ? t(`surendettement.stages.${f.stage}`) : t('surendettement.noStage')}</dd>
        </div>
        <div>
          <dt>{t('surendettement.nextDeadline')}</dt>
          <dd data-testid="sur-next-deadline">{next ? `${isoToFr(next.due)} — ${next.label}` : t('surendettement.noDeadline')}</dd>
        </div>
        <div>
          <dt>{t('surendettement.totalDebt')}</dt>
          <dd>{t('surendettement.totalDebtValue', { amount: formatCents(f.totals.amountCents), monthly: formatCents(f.totals.monthlyCents), count: f.debts.length })}</dd>
        </div>
        <div>
          <dt>{t('surendettement.capacity.short')}</dt>
          <dd>{f.capacity ? t('surendettement.capacity.perMonth', { amount: formatCents(f.capacity.capacityCents) }) : t('surendettement.capacity.none')}</dd>
        </div>
      </dl>
      {f.warnings.length > 0 && (
        <Alert kind="info">
          <span className="sur-warnings">
            {f.warnings.map((w) => (
              <span key={w}>{w} </span>
            ))}
          </span>
        </Alert>
      )}
      {!f.canWrite && <Alert kind="info">{t('surendettement.readOnly')}</Alert>}
      <div className="sur-live" role="status" aria-live="polite">
        {notice && (
          <p className="alert alert-success" tabIndex={-1}>
            {notice}
          </p>
        )}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      <Tabs className="dsu-tabs" selectedKey={tab} onSelectionChange={(k) => select(String(k))}>
        <TabList className="tab-list" aria-label={t('surendettement.tabsLabel', { household: f.household })}>
          {FILE_TABS.map((k) => (
            <Tab key={k} id={k} className="tab">
              {t(`surendettement.tabs.${k}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="dettes" className="tab-panel">
          <DebtsTab file={f} onChanged={changed} />
        </TabPanel>
        <TabPanel id="budget" className="tab-panel">
          <BudgetTab file={f} onChanged={changed} />
        </TabPanel>
        <TabPanel id="procedure" className="tab-panel">
          <ProcedureTab file={f} onChanged={changed} />
        </TabPanel>
        <TabPanel id="echeances" className="tab-panel">
          <section className="panel" aria-labelledby="sur-deadlines-title">
            <h2 id="sur-deadlines-title">{t('surendettement.deadlines.title')}</h2>
            <DeadlinesList file={f} />
          </section>
        </TabPanel>
        <TabPanel id="documents" className="tab-panel">
          <section className="panel" aria-labelledby="sur-documents-title">
            <h2 id="sur-documents-title">{t('surendettement.documents.title')}</h2>
            <p>{t('surendettement.documents.lead')}</p>
            <div className="actions-left">
              <Button variant="primary" onPress={() => void download('pdf')}>
                {t('surendettement.documents.pdf')}
              </Button>
              <Button onPress={() => void download('xlsx')}>{t('surendettement.documents.xlsx')}</Button>
            </div>
          </section>
        </TabPanel>
      </Tabs>
    </>
  );
}
