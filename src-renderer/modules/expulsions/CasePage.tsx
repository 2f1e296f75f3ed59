/**
 * One eviction prevention case (DOMAIN §6): a compact header (household, référent, dwelling,
 * landlord, lease, rent, debt, stage, next date), then tabs — Procédure · Dates · Dette
 * locative · Aides · CCAPEX · Issue. The open tab is in the address (`#/expulsions/12/dates`). Every action's outcome is
 * said in the page's live region and the case is read again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { Button, PageHeader } from '../../ui/components';
import { NotLoaded, RecordFacts, RecordStatus, RecordTabs } from '../../ui/RecordParts';
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
  if (!c) return <NotLoaded error={res.error} />;
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
      <RecordFacts
        className="exp-header"
        facts={[
          { term: t('expulsions.referent'), value: `${c.referent.displayName} — ${c.status === 'clos' ? t('expulsions.closedOn', { date: isoToFr(c.closedOn) }) : t('expulsions.openedOn', { date: isoToFr(c.openedOn) })}` },
          { term: t('expulsions.details.dwelling'), value: c.dwelling || '—' },
          { term: t('expulsions.details.landlord'), value: `${c.landlordName}, ${t(`expulsions.landlordKinds.${c.landlordKind}`)}` },
          { term: t('expulsions.lease'), value: t(c.leaseSigned ? 'expulsions.leaseValue' : 'expulsions.leaseValueUnknown', { date: c.leaseSigned ? isoToFr(c.leaseSigned) : '', rent: formatCents(c.rentCents), charges: formatCents(c.chargesCents) }) },
          { term: t('expulsions.debt'), value: c.debtCents === null ? '—' : formatCents(c.debtCents) },
          { term: t('expulsions.stage'), value: c.stage ? t(`expulsions.stages.${c.stage}`) : t('expulsions.noStage') },
          {
            term: t('expulsions.nextDate'),
            value: c.status === 'clos' ? t('expulsions.noDateClosed') : next ? `${isoToFr(next.due)} — ${next.label}${next.due < today() ? ` (${t('expulsions.dates.past')})` : ''}` : t('expulsions.noDate'),
            testId: 'exp-next-date',
          },
          c.ccapex.length > 0 && {
            term: t('expulsions.ccapex.header'),
            value: opinion?.opinion
              ? t('expulsions.ccapex.headerOpinion', { avis: t(`expulsions.ccapex.avis.${opinion.opinion.avis}`), date: isoToFr(opinion.heldOn) })
              : t('expulsions.ccapex.headerPending', { date: isoToFr(c.ccapex[c.ccapex.length - 1]!.heldOn) }),
            testId: 'exp-ccapex-header',
          },
        ]}
      />
      <RecordStatus warnings={c.warnings} info={!c.canWrite && t('expulsions.readOnly')} notice={notice} />
      <RecordTabs
        label={t('expulsions.tabsLabel', { household: c.household })}
        tabs={CASE_TABS}
        title={(k) => t(`expulsions.tabs.${k}`)}
        selected={tab}
        onSelect={select}
        panels={{
          procedure: <ProcedureTab c={c} onChanged={changed} />,
          dates: (
            <section className="panel" aria-labelledby="exp-dates-title">
              <h2 id="exp-dates-title">{t('expulsions.dates.title')}</h2>
              <DatesList c={c} />
            </section>
          ),
          dette: <DebtTab c={c} onChanged={changed} />,
          aides: <AidsTab c={c} onChanged={changed} />,
          ccapex: <CcapexTab c={c} onChanged={changed} />,
          issue: <OutcomeTab c={c} onChanged={changed} />,
        }}
      />
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
