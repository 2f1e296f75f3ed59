/**
 * Persons who never had a DSU (*ponctuels*, DOMAIN §3) whose last contact is older than the
 * retention: reviewed by a responsable and deleted for good after confirmation, never silently.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-main/modules';
import { must } from '../../api';
import { Alert, ConfirmDialog } from '../../ui/components';
import { SelectionToolbar, useRowSelection } from '../../ui/selection';
import { columnHelperFor, DataTable } from '../../ui/DataTable';
import { errorText } from '../../app/errors';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';

type Row = Output<'persons:retention'>['rows'][number];
const col = columnHelperFor<Row>();

export function PonctuelsRetention() {
  const { t } = useTranslation();
  const { data, error, reload } = useResource(() => must('persons:retention', {}));
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const labelOf = useCallback((r: Row) => t('ponctuels.selectOne', { name: r.name }), [t]);
  const { selected, setSelected, column, clear } = useRowSelection<Row>(labelOf);
  const columns = useMemo(
    () => [
      column,
      col.accessor('name', { header: () => t('ponctuels.name') }),
      col.accessor('createdOn', { header: () => t('ponctuels.createdOn'), cell: (c) => isoToFr(c.getValue()) }),
      col.accessor('lastContactOn', { header: () => t('ponctuels.lastContact'), cell: (c) => isoToFr(c.getValue()) }),
    ],
    [t, column],
  );
  const rows = data?.rows ?? [];
  return (
    <section aria-labelledby="ponctuels-title" className="section">
      <h2 id="ponctuels-title">{t('ponctuels.title')}</h2>
      {data && <p className="lead">{t('ponctuels.lead', { date: isoToFr(data.limitDate) })}</p>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {(error || failure) && <Alert kind="error">{error ?? failure}</Alert>}
      {data && (
        <DataTable
          label={t('ponctuels.caption')}
          columns={columns}
          data={rows}
          getRowId={(r) => String(r.id)}
          empty={t('ponctuels.empty')}
          toolbar={
            <SelectionToolbar
              rows={rows.length}
              selected={selected.size}
              onSelectAll={() => setSelected(new Set(rows.map((r) => r.id)))}
              action={t('ponctuels.purge', { count: selected.size })}
              onAction={() => setConfirming(true)}
            />
          }
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={t('ponctuels.confirmTitle', { count: selected.size })}
          confirmLabel={t('ponctuels.purge', { count: selected.size })}
          variant="danger"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            setConfirming(false);
            try {
              const r = await must('persons:purge', { ids: [...selected] });
              clear();
              setFailure(null);
              setNotice(t('ponctuels.done', { count: r.purged }));
            } catch (e) {
              setNotice(null);
              setFailure(errorText(e));
            }
            await reload();
          }}
        >
          <p>{t('ponctuels.confirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
