/**
 * The evaluations assigned to the caller (a responsable: every one of the site), in progress
 * or done: one dense line each with its due date and the days left. A responsable receives a
 * new one from here.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../src-main/modules';
import { must } from '../../api';
import { Alert, PageHeader, SelectField } from '../../ui/components';
import { columnHelperFor, DataTable, type ColumnFiltersState } from '../../ui/DataTable';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { DueText } from './DueText';
import { ReceivedPanel } from './ReceivedPanel';
import type { EvaluationSummary } from './types';
import { KINDS } from '../../../src-main/modules/protection/kinds';

const col = columnHelperFor<EvaluationSummary>();
const ALL = 'all';

export function ListPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const list = useResource(() => must('protection:list', { done }));
  const { reload } = list;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else void reload();
  }, [done, reload]);
  const [kind, setKind] = useState<string>(ALL);
  const columns = useMemo(
    () => [
      col.accessor('label', {
        header: () => t('protection.list.persons'),
        sortFn: 'french',
        cell: (c) => <a href={`#/protection/${c.row.original.id}`}>{c.getValue()}</a>,
      }),
      col.accessor('kind', { header: () => t('protection.kind'), filterFn: 'equals', cell: (c) => t(`protection.kinds.${c.getValue()}`) }),
      col.accessor('receivedOn', { header: () => t('protection.receivedOn'), sortFn: 'basic', cell: (c) => isoToFr(c.getValue()) }),
      col.accessor((r) => r.due?.due ?? '9999-12-31', { id: 'due', header: () => t('protection.due'), sortFn: 'basic', cell: (c) => <DueText due={c.row.original.due} done={c.row.original.status !== 'en_cours'} /> }),
      col.accessor((r) => r.team.join(', '), { id: 'team', header: () => t('protection.team'), sortFn: 'french' }),
      col.accessor('status', { header: () => t('protection.status'), cell: (c) => t(`protection.statuses.${c.getValue()}`) }),
    ],
    [t],
  );
  const columnFilters = useMemo<ColumnFiltersState>(() => (kind === ALL ? [] : [{ id: 'kind', value: kind }]), [kind]);
  const responsable = session.user.roles.includes('responsable');
  return (
    <div className="worklist">
      <PageHeader title={t('nav.protection')}>
        <p className="lead compact">{t(responsable ? 'protection.list.leadResponsable' : 'protection.list.lead')}</p>
        {responsable && (
          <a className="btn btn-primary" href="#/protection/nouvelle">
            {t('protection.intake.new')}
          </a>
        )}
      </PageHeader>
      {list.error && <Alert kind="error">{list.error}</Alert>}
      {list.data && (
        <DataTable
          label={t('protection.list.label')}
          columns={columns}
          data={list.data}
          getRowId={(r) => String(r.id)}
          filterLabel={t('protection.list.filter')}
          empty={t(done ? 'protection.list.emptyDone' : 'protection.list.empty')}
          onRowAction={(r) => (window.location.hash = `#/protection/${r.id}`)}
          columnFilters={columnFilters}
          countText={(shown, total, n) => t('protection.list.count', { count: n, shown, total })}
          toolbar={
            <>
              <SelectField
                label={t('protection.kind')}
                value={kind}
                onChange={(v) => setKind(v ?? ALL)}
                options={[{ id: ALL, label: t('protection.list.all') }, ...KINDS.map((k) => ({ id: k, label: t(`protection.kinds.${k}`) }))]}
              />
              <SelectField
                label={t('protection.list.state')}
                value={done ? 'done' : 'open'}
                onChange={(v) => setDone(v === 'done')}
                options={[
                  { id: 'open', label: t('protection.list.open') },
                  { id: 'done', label: t('protection.list.done') },
                ]}
              />
            </>
          }
        />
      )}
      {responsable && <ReceivedPanel />}
    </div>
  );
}
