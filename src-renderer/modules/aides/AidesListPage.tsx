/** The requests an ASS/CESF instructed, or (responsables) all the site's requests of 12 months. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../src-main/modules';
import { hasAny, WORKERS } from '../../../src-main/shared/roles';
import { must } from '../../api';
import { Alert, PageHeader, RadioList } from '../../ui/components';
import { DataTable } from '../../ui/DataTable';
import { useResource } from '../../ui/useResource';
import { useAidColumns } from './columns';
import { useAidFilters } from './filters';

export function AidesListPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const responsable = session.user.roles.includes('responsable');
  const instructs = hasAny(session.user.roles, WORKERS);
  const [scope, setScope] = useState<'mine' | 'site'>(instructs ? 'mine' : 'site');
  const mine = useResource(() => (instructs ? must('aid:list', { scope: 'mine' }) : Promise.resolve([])));
  const site = useResource(() => (responsable ? must('aid:list', { scope: 'site' }) : Promise.resolve([])));
  const current = scope === 'mine' ? mine : site;
  const columns = useAidColumns('list');
  const filters = useAidFilters(current.data);
  return (
    <div className="worklist">
      <PageHeader title={t('nav.aides')}>
        <p className="lead compact">{t('aides.listLead')}</p>
      </PageHeader>
      {instructs && responsable && (
        <RadioList
          label={t('aides.scope')}
          value={scope}
          onChange={setScope}
          options={[
            { value: 'mine', label: t('aides.scopeMine') },
            { value: 'site', label: t('aides.scopeSite') },
          ]}
        />
      )}
      {current.error && <Alert kind="error">{current.error}</Alert>}
      {current.data && (
        <DataTable
          label={scope === 'mine' ? t('aides.scopeMine') : t('aides.scopeSite')}
          columns={columns}
          data={current.data}
          getRowId={(r) => String(r.id)}
          filterLabel={t('aides.filter')}
          empty={t('aides.listEmpty')}
          onRowAction={(r) => (window.location.hash = `#/aides/${r.id}`)}
          toolbar={filters.controls}
          columnFilters={filters.columnFilters}
          countText={filters.countText}
          // « Mes demandes »: she instructed them all.
          hidden={scope === 'mine' ? ['urgent', 'reglement', 'age', 'instructor'] : ['urgent', 'reglement', 'age']}
        />
      )}
    </div>
  );
}
