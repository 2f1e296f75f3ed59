/**
 * Persons who never had a DSU (*ponctuels*, DOMAIN §3) whose last contact is older than the
 * retention: reviewed by a responsable and deleted for good after confirmation, never silently.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-main/modules';
import { must } from '../../api';
import { Alert, Button, ConfirmDialog } from '../../ui/components';
import { columnHelperFor, DataTable } from '../../ui/DataTable';
import { errorText } from '../../app/errors';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';

type Row = Output<'persons:retention'>['rows'][number];
const col = columnHelperFor<Row>();

export function PonctuelsRetention() {
  const { t } = useTranslation();
  const { data, error, reload } = useResource(() => must('persons:retention', {}));
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const columns = useMemo(
    () => [
      col.display({
        id: 'select',
        header: () => t('retention.select'),
        cell: (c) => (
          <input
            type="checkbox"
            aria-label={t('ponctuels.selectOne', { name: c.row.original.name })}
            checked={selected.has(c.row.original.id)}
            onChange={(e) =>
              setSelected((s) => {
                const n = new Set(s);
                if (e.target.checked) n.add(c.row.original.id);
                else n.delete(c.row.original.id);
                return n;
              })
            }
          />
        ),
      }),
      col.accessor('name', { header: () => t('ponctuels.name') }),
      col.accessor('createdOn', { header: () => t('ponctuels.createdOn'), cell: (c) => isoToFr(c.getValue()) }),
      col.accessor('lastContactOn', { header: () => t('ponctuels.lastContact'), cell: (c) => isoToFr(c.getValue()) }),
    ],
    [t, selected],
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
            <div className="row-actions">
              <Button variant="secondary" onPress={() => setSelected(new Set(rows.map((r) => r.id)))} isDisabled={rows.length === 0}>
                {t('retention.selectAll', { count: rows.length })}
              </Button>
              <Button variant="danger" onPress={() => setConfirming(true)} isDisabled={selected.size === 0}>
                {t('ponctuels.purge', { count: selected.size })}
              </Button>
            </div>
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
              setSelected(new Set());
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
