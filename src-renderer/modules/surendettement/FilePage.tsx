/**
 * One overindebtedness file (DOMAIN §5): a compact header (household, référent, status, next
 * deadline), then tabs — Dettes · Budget et capacité · Procédure · Échéances · Documents. The
 * open tab is in the address (`#/surendettement/12/budget`). Every action's outcome is said in
 * the page's live region and the file is read again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Button, PageHeader } from '../../ui/components';
import { NotLoaded, RecordFacts, RecordStatus, RecordTabs } from '../../ui/RecordParts';
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
  if (!f) return <NotLoaded error={file.error} />;

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
      <RecordFacts
        facts={[
          { term: t('surendettement.referent'), value: f.referent.displayName },
          {
            term: t('surendettement.status'),
            value: (
              <>
                <span className={`status-badge sur-${f.status}`}>{t(`surendettement.statuses.${f.status}`)}</span> {t('surendettement.openedOn', { date: isoToFr(f.openedOn) })}
              </>
            ),
          },
          { term: t('surendettement.stage'), value: f.stage ? t(`surendettement.stages.${f.stage}`) : t('surendettement.noStage') },
          { term: t('surendettement.nextDeadline'), value: next ? `${isoToFr(next.due)} — ${next.label}` : t('surendettement.noDeadline'), testId: 'sur-next-deadline' },
          { term: t('surendettement.totalDebt'), value: t('surendettement.totalDebtValue', { amount: formatCents(f.totals.amountCents), monthly: formatCents(f.totals.monthlyCents), count: f.debts.length }) },
          { term: t('surendettement.capacity.short'), value: f.capacity ? t('surendettement.capacity.perMonth', { amount: formatCents(f.capacity.capacityCents) }) : t('surendettement.capacity.none') },
        ]}
      />
      <RecordStatus warnings={f.warnings} info={!f.canWrite && t('surendettement.readOnly')} notice={notice} error={error} />
      <RecordTabs
        label={t('surendettement.tabsLabel', { household: f.household })}
        tabs={FILE_TABS}
        title={(k) => t(`surendettement.tabs.${k}`)}
        selected={tab}
        onSelect={select}
        panels={{
          dettes: <DebtsTab file={f} onChanged={changed} />,
          budget: <BudgetTab file={f} onChanged={changed} />,
          procedure: <ProcedureTab file={f} onChanged={changed} />,
          echeances: (
            <section className="panel" aria-labelledby="sur-deadlines-title">
              <h2 id="sur-deadlines-title">{t('surendettement.deadlines.title')}</h2>
              <DeadlinesList file={f} />
            </section>
          ),
          documents: (
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
          ),
        }}
      />
    </>
  );
}
