/** The social worker's files and the site's files (DOMAIN §3), in one virtualized table. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DsuRow, SearchHit, SessionInfo } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, PageHeader, RadioList, TextInput } from '../../ui/components';
import { columnHelperFor, DataTable } from '../../ui/DataTable';
import { formatPhone, isoToFr, personName } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { matchReasonText, usePersonSearch } from '../persons';

const col = columnHelperFor<DsuRow>();
const personCol = columnHelperFor<SearchHit>();

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

export function DsuListPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'mine' | 'site' | 'person'>('mine');
  const mine = useResource(() => must('dsu:list', { scope: 'mine' }));
  const site = useResource(() => must('dsu:list', { scope: 'site' }));
  const current = scope === 'mine' ? mine : site;
  const columns = useDsuColumns();
  return (
    <div className="worklist">
      <PageHeader title={t('nav.dsu')}>
        <p className="lead compact">{t('dsu.listLead')}</p>
      </PageHeader>
      <RadioList
        label={t('dsu.scope')}
        value={scope}
        onChange={setScope}
        options={[
          { value: 'mine', label: t('dsu.mine', { count: mine.data?.length ?? 0 }) },
          { value: 'site', label: t('dsu.site', { count: site.data?.length ?? 0 }) },
          { value: 'person', label: t('dsu.byPerson') },
        ]}
      />
      {scope === 'person' && <PersonSearch canOpen={session.user.roles.includes('ass') || session.user.roles.includes('cesf')} />}
      {scope !== 'person' && current.error && <Alert kind="error">{current.error}</Alert>}
      {scope !== 'person' && current.data && (
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
    </div>
  );
}

/** Any member of a household (a child, a partner) leads to the household's file; a social worker opens one where there is none. */
function PersonSearch({ canOpen }: { canOpen: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [openError, setOpenError] = useState<string | null>(null);
  const openFor = async (p: SearchHit) => {
    try {
      const dsu = await must('dsu:open', { householdId: p.householdId! });
      window.location.assign(`#/dsu/${dsu.id}`);
    } catch (e) {
      setOpenError(errorText(e));
    }
  };
  const { results, error } = usePersonSearch(q, 200);
  const hits = results?.results ?? [];
  const columns = useMemo(
    () => [
      personCol.accessor((p) => personName(p), { id: 'name', header: () => t('dsu.person'), sortFn: 'french' }),
      personCol.accessor((p) => matchReasonText(t, p.reason), { id: 'reason', header: () => t('person.match.column'), sortFn: 'french' }),
      personCol.accessor((p) => p.birthDate ?? '', { id: 'birthDate', header: () => t('person.birthDate'), sortFn: 'alphanumeric', cell: (c) => isoToFr(c.getValue() || null) }),
      personCol.accessor((p) => formatPhone(p.phone), { id: 'phone', header: () => t('person.phone') }),
      personCol.accessor((p) => p.commune ?? '', { id: 'commune', header: () => t('dsu.commune'), sortFn: 'french' }),
      personCol.accessor((p) => p.dsu?.number ?? '', {
        id: 'dsu',
        header: () => t('dsu.number'),
        sortFn: 'french',
        cell: (c) => {
          const p = c.row.original;
          const d = p.dsu;
          if (d) return <a href={`#/dsu/${d.id}`}>{d.number}</a>;
          if (canOpen && p.householdId !== null) {
            return (
              <Button variant="secondary" onPress={() => void openFor(p)} aria-label={t('dsu.openFor', { name: personName(p) })}>
                {t('dsu.openNew')}
              </Button>
            );
          }
          return p.householdId === null ? t('dsu.noHousehold') : t('person.noDsu');
        },
      }),
      personCol.accessor((p) => p.dsu?.referent.displayName ?? '', { id: 'referent', header: () => t('dsu.referent'), sortFn: 'french' }),
    ],
    [t, canOpen],
  );
  return (
    <>
      <TextInput label={t('intake.search')} name="person-q" type="search" value={q} onChange={setQ} description={t('intake.searchHint')} autoComplete="off" />
      {(error || openError) && <Alert kind="error">{error ?? openError}</Alert>}
      {hits.length > 0 && <DataTable label={t('dsu.personCaption')} columns={columns} data={hits} getRowId={(p) => String(p.id)} filterLabel={t('dsu.filterResults')} empty={t('dsu.empty')} />}
    </>
  );
}
