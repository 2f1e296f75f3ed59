/**
 * The cases a CESF or an ASS follows (a responsable: the site's), open ones, with their next
 * date: one dense line each, filters by stage and by a date coming soon.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { Alert, PageHeader, SelectField } from '../../ui/components';
import { columnHelperFor, DataTable, type ColumnFiltersState } from '../../ui/DataTable';
import { addDaysIso, formatCents, isoToFr, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { EVICTION_STAGE_KINDS } from '../../../src-main/modules/expulsions/kinds';
import type { CaseSummary } from './types';

const col = columnHelperFor<CaseSummary>();
const ALL = 'all';
/** The « échéance proche » choices, in days from today. */
const SOON = [15, 30, 60] as const;

export function ListPage() {
  const { t } = useTranslation();
  const cases = useResource(() => must('expulsions:list', {}));
  const [stage, setStage] = useState<string>(ALL);
  const [soon, setSoon] = useState<string>(ALL);
  const columns = useMemo(
    () => [
      col.accessor('household', { header: () => t('expulsions.list.household'), sortFn: 'french', cell: (c) => <a href={`#/expulsions/${c.row.original.id}`}>{c.getValue()}</a> }),
      col.accessor((r) => r.dsu.number, { id: 'dsu', header: () => t('expulsions.list.dsu'), sortFn: 'french' }),
      col.accessor((r) => r.stage ?? 'none', {
        id: 'stage',
        header: () => t('expulsions.stage'),
        filterFn: 'equals',
        cell: (c) => (c.row.original.stage ? t(`expulsions.stages.${c.row.original.stage}`) : t('expulsions.noStage')),
      }),
      col.accessor((r) => r.nextDate?.due ?? '9999-12-31', {
        id: 'due',
        header: () => t('expulsions.nextDate'),
        sortFn: 'basic',
        filterFn: (row, _id, value) => (row.original.nextDate?.due ?? '9999-12-31') <= String(value),
        cell: (c) => {
          const d = c.row.original.nextDate;
          return d ? <span className={d.due < today() ? 'overdue' : ''}>{`${isoToFr(d.due)} — ${d.label}`}</span> : <span className="muted">{t('expulsions.noDate')}</span>;
        },
      }),
      col.accessor((r) => r.debtCents ?? -1, { id: 'debt', header: () => t('expulsions.debt'), sortFn: 'basic', cell: (c) => (c.row.original.debtCents === null ? '—' : formatCents(c.row.original.debtCents)) }),
      col.accessor((r) => r.referent.displayName, { id: 'referent', header: () => t('expulsions.referent'), sortFn: 'french' }),
    ],
    [t],
  );
  const columnFilters = useMemo(() => {
    const out: ColumnFiltersState = [];
    if (stage !== ALL) out.push({ id: 'stage', value: stage });
    if (soon !== ALL) out.push({ id: 'due', value: addDaysIso(today(), Number(soon)) });
    return out;
  }, [stage, soon]);
  return (
    <div className="worklist">
      <PageHeader title={t('nav.expulsions')}>
        <p className="lead compact">{t('expulsions.list.lead')}</p>
        <a className="btn btn-secondary" href="#/expulsions/ccapex">
          {t('expulsions.sessions.title')}
        </a>
      </PageHeader>
      {cases.error && <Alert kind="error">{cases.error}</Alert>}
      {cases.data && (
        <DataTable
          label={t('expulsions.list.label')}
          columns={columns}
          data={cases.data}
          getRowId={(r) => String(r.id)}
          filterLabel={t('expulsions.list.filter')}
          empty={t('expulsions.list.empty')}
          onRowAction={(r) => (window.location.hash = `#/expulsions/${r.id}`)}
          columnFilters={columnFilters}
          countText={(shown, total, n) => t('expulsions.list.count', { count: n, shown, total })}
          toolbar={
            <>
              <SelectField
                label={t('expulsions.stage')}
                value={stage}
                onChange={(v) => setStage(v ?? ALL)}
                options={[{ id: ALL, label: t('expulsions.list.all') }, { id: 'none', label: t('expulsions.noStage') }, ...EVICTION_STAGE_KINDS.map((k) => ({ id: k, label: t(`expulsions.stages.${k}`) }))]}
              />
              <SelectField
                label={t('expulsions.list.soon')}
                value={soon}
                onChange={(v) => setSoon(v ?? ALL)}
                options={[{ id: ALL, label: t('expulsions.list.all') }, ...SOON.map((d) => ({ id: String(d), label: t('expulsions.list.within', { count: d }) }))]}
              />
            </>
          }
        />
      )}
    </div>
  );
}
