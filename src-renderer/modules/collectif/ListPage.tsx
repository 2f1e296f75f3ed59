/**
 * The site's collective actions (DOMAIN §11): one dense line each — title, status, next
 * session, participants (named and counted anonymously), who leads it — and a new action.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { Alert, Button, PageHeader, SelectField } from '../../ui/components';
import { columnHelperFor, DataTable, type ColumnFiltersState } from '../../ui/DataTable';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { ACTION_STATUSES } from '../../../src-main/modules/collectif/kinds';
import { ActionDialog } from './ActionDialog';
import type { ActionSummary } from './types';

const col = columnHelperFor<ActionSummary>();
const ALL = 'all';

export function ListPage() {
  const { t } = useTranslation();
  const list = useResource(() => must('collectif:list', {}));
  const [status, setStatus] = useState<string>(ALL);
  const [creating, setCreating] = useState(false);
  const columns = useMemo(
    () => [
      col.accessor('title', {
        header: () => t('collectif.list.title'),
        sortFn: 'french',
        cell: (c) => <a href={`#/collectif/${c.row.original.id}`}>{c.getValue()}</a>,
      }),
      col.accessor('actionStatus', {
        header: () => t('collectif.status'),
        filterFn: 'equals',
        cell: (c) => <span className={`status-badge col-${c.getValue()}`}>{t(`collectif.statuses.${c.getValue()}`)}</span>,
      }),
      col.accessor((r) => r.nextSession?.date ?? '9999-12-31', {
        id: 'next',
        header: () => t('collectif.nextSession'),
        sortFn: 'basic',
        cell: (c) => {
          const n = c.row.original.nextSession;
          return n ? t('collectif.sessionShort', { date: isoToFr(n.date), time: n.starts, place: n.place }) : <span className="muted">{t('collectif.noNextSession')}</span>;
        },
      }),
      col.accessor((r) => r.counts.named + r.counts.anonymous, {
        id: 'participants',
        header: () => t('collectif.list.participants'),
        sortFn: 'basic',
        cell: (c) => t('collectif.participantsCount', { count: c.getValue(), named: c.row.original.counts.named, anonymous: c.row.original.counts.anonymous }),
      }),
      col.accessor((r) => r.counts.sessions, { id: 'sessions', header: () => t('collectif.list.sessions'), sortFn: 'basic' }),
      col.accessor((r) => r.leads.map((l) => l.displayName).join(', '), { id: 'leads', header: () => t('collectif.leads'), sortFn: 'french' }),
    ],
    [t],
  );
  const columnFilters = useMemo<ColumnFiltersState>(() => (status === ALL ? [] : [{ id: 'actionStatus', value: status }]), [status]);
  return (
    <div className="worklist">
      <PageHeader title={t('nav.collectif')}>
        <p className="lead compact">{t('collectif.list.lead')}</p>
        <Button variant="primary" onPress={() => setCreating(true)} isDisabled={!list.data}>
          {t('collectif.create')}
        </Button>
      </PageHeader>
      {list.error && <Alert kind="error">{list.error}</Alert>}
      {list.data && (
        <DataTable
          label={t('collectif.list.label')}
          columns={columns}
          data={list.data.actions}
          getRowId={(r) => String(r.id)}
          filterLabel={t('collectif.list.filter')}
          empty={t('collectif.list.empty')}
          onRowAction={(r) => (window.location.hash = `#/collectif/${r.id}`)}
          columnFilters={columnFilters}
          countText={(shown, total, n) => t('collectif.list.count', { count: n, shown, total })}
          toolbar={
            <>
              <SelectField
                label={t('collectif.status')}
                value={status}
                onChange={(v) => setStatus(v ?? ALL)}
                options={[{ id: ALL, label: t('collectif.list.all') }, ...ACTION_STATUSES.map((s) => ({ id: s, label: t(`collectif.statuses.${s}`) }))]}
              />
            </>
          }
        />
      )}
      {creating && list.data && (
        <ActionDialog
          action={null}
          professionals={list.data.professionals}
          onClose={() => setCreating(false)}
          onSaved={(a) => {
            setCreating(false);
            window.location.hash = `#/collectif/${a.id}`;
          }}
        />
      )}
    </div>
  );
}
