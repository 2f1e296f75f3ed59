/** The social worker's files and the site's files (DOMAIN §3), in one virtualized table. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DsuRow } from '../../../src-main/api/contract-accueil';
import { must } from '../../api';
import { Alert, PageHeader, RadioList } from '../../ui/components';
import { columnHelperFor, DataTable } from '../../ui/DataTable';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';

const col = columnHelperFor<DsuRow>();

export function useDsuColumns() {
  const { t } = useTranslation();
  return useMemo(
    () => [
      col.accessor('number', {
        header: () => t('dsu.number'),
        sortFn: 'french',
        cell: (c) => <a href={`#/dsu/${c.row.original.id}`}>{c.getValue()}</a>,
      }),
      col.accessor('holder', { header: () => t('dsu.holder'), sortFn: 'french' }),
      col.accessor((r) => r.commune ?? '', { id: 'commune', header: () => t('dsu.commune'), sortFn: 'french' }),
      col.accessor((r) => r.referent.displayName, { id: 'referent', header: () => t('dsu.referent'), sortFn: 'french' }),
      col.accessor((r) => t(`labels.${r.status}`), { id: 'status', header: () => t('dsu.status'), sortFn: 'french' }),
      col.accessor('lastContactOn', { header: () => t('dsu.lastContact'), sortFn: 'alphanumeric', cell: (c) => isoToFr(c.getValue()) }),
    ],
    [t],
  );
}

export function DsuListPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'mine' | 'site'>('mine');
  const mine = useResource(() => must('dsu:list', { scope: 'mine' }));
  const site = useResource(() => must('dsu:list', { scope: 'site' }));
  const current = scope === 'mine' ? mine : site;
  const columns = useDsuColumns();
  return (
    <>
      <PageHeader title={t('nav.dsu')} />
      <p className="lead">{t('dsu.listLead')}</p>
      <RadioList
        label={t('dsu.scope')}
        value={scope}
        onChange={setScope}
        options={[
          { value: 'mine', label: t('dsu.mine', { count: mine.data?.length ?? 0 }) },
          { value: 'site', label: t('dsu.site', { count: site.data?.length ?? 0 }) },
        ]}
      />
      {current.error && <Alert kind="error">{current.error}</Alert>}
      {current.data && (
        <DataTable
          label={scope === 'mine' ? t('dsu.mineCaption') : t('dsu.siteCaption')}
          columns={columns}
          data={current.data}
          getRowId={(r) => String(r.id)}
          filterLabel={t('dsu.filter')}
          empty={t('dsu.empty')}
          onRowAction={(r) => (window.location.hash = `#/dsu/${r.id}`)}
        />
      )}
    </>
  );
}
