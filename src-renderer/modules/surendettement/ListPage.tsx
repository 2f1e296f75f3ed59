/**
 * The files a CESF or an ASS follows (a responsable: the site's), open ones, with their next
 * deadline: one dense line each, filters by stage and by a deadline coming soon.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { Alert, PageHeader, SelectField } from '../../ui/components';
import { columnHelperFor, DataTable, type ColumnFiltersState } from '../../ui/DataTable';
import { addDaysIso, isoToFr, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { STAGE_KINDS } from '../../../src-main/modules/surendettement/kinds';
import type { FileSummary } from './types';

const col = columnHelperFor<FileSummary>();
const ALL = 'all';
/** The « échéance proche » choices, in days from today. */
const SOON = [15, 30, 60] as const;

export function ListPage() {
  const { t } = useTranslation();
  const files = useResource(() => must('surendettement:list', {}));
  const [stage, setStage] = useState<string>(ALL);
  const [soon, setSoon] = useState<string>(ALL);
  const columns = useMemo(
    () => [
      col.accessor('household', {
        header: () => t('surendettement.list.household'),
        sortFn: 'french',
        cell: (c) => <a href={`#/surendettement/${c.row.original.id}`}>{c.getValue()}</a>,
      }),
      col.accessor((r) => r.dsu.number, { id: 'dsu', header: () => t('surendettement.list.dsu'), sortFn: 'french' }),
      col.accessor((r) => r.stage ?? 'none', {
        id: 'stage',
        header: () => t('surendettement.stage'),
        filterFn: 'equals',
        cell: (c) => (c.row.original.stage ? t(`surendettement.stages.${c.row.original.stage}`) : t('surendettement.noStage')),
      }),
      col.accessor((r) => r.nextDeadline?.due ?? '9999-12-31', {
        id: 'due',
        header: () => t('surendettement.nextDeadline'),
        sortFn: 'basic',
        filterFn: (row, _id, value) => (row.original.nextDeadline?.due ?? '9999-12-31') <= String(value),
        cell: (c) => {
          const d = c.row.original.nextDeadline;
          return d ? <span className={d.due < today() ? 'overdue' : ''}>{`${isoToFr(d.due)} — ${d.label}`}</span> : <span className="muted">{t('surendettement.noDeadline')}</span>;
        },
      }),
      col.accessor((r) => r.referent.displayName, { id: 'referent', header: () => t('surendettement.referent'), sortFn: 'french' }),
      col.accessor('openedOn', { header: () => t('surendettement.list.opened'), sortFn: 'basic', cell: (c) => isoToFr(c.getValue()) }),
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
      <PageHeader title={t('nav.surendettement')}>
        <p className="lead compact">{t('surendettement.list.lead')}</p>
      </PageHeader>
      {files.error && <Alert kind="error">{files.error}</Alert>}
      {files.data && (
        <DataTable
          label={t('surendettement.list.label')}
          columns={columns}
          data={files.data}
          getRowId={(r) => String(r.id)}
          filterLabel={t('surendettement.list.filter')}
          empty={t('surendettement.list.empty')}
          onRowAction={(r) => (window.location.hash = `#/surendettement/${r.id}`)}
          columnFilters={columnFilters}
          countText={(shown, total, n) => t('surendettement.list.count', { count: n, shown, total })}
          toolbar={
            <>
              <SelectField
                label={t('surendettement.stage')}
                value={stage}
                onChange={(v) => setStage(v ?? ALL)}
                options={[{ id: ALL, label: t('surendettement.list.all') }, { id: 'none', label: t('surendettement.noStage') }, ...STAGE_KINDS.map((k) => ({ id: k, label: t(`surendettement.stages.${k}`) }))]}
              />
              <SelectField
                label={t('surendettement.list.soon')}
                value={soon}
                onChange={(v) => setSoon(v ?? ALL)}
                options={[{ id: ALL, label: t('surendettement.list.all') }, ...SOON.map((d) => ({ id: String(d), label: t('surendettement.list.within', { count: d }) }))]}
              />
            </>
          }
        />
      )}
    </div>
  );
}
