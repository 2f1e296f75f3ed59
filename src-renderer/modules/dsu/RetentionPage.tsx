/**
 * Retention (DOMAIN §3, CNIL 2023-095): files whose last contact is older than the limit,
 * closed and archived in bulk by a responsable after confirmation (nothing deleted); then the
 * persons who never had a DSU, deleted after confirmation (persons/PonctuelsRetention).
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DsuRow } from '../../../src-main/modules';
import { must } from '../../api';
import { Alert, ConfirmDialog, PageHeader, SelectField } from '../../ui/components';
import { DataTable } from '../../ui/DataTable';
import { SelectionToolbar, useRowSelection } from '../../ui/selection';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { useDsuColumns } from './DsuListPage';
import { PonctuelsRetention } from '../persons';
import { withFirst } from '../../ui/lists';
import { CLOSE_REASONS } from '../../../src-main/modules/dsu/kinds';

/** The closing reasons, the usual one for a file without contact past the limit (« sans nouvelles ») first. */
const REASONS = withFirst(CLOSE_REASONS, 'sans_nouvelles');

export function RetentionPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useResource(() => must('dsu:retention', {}));
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState<string | null>('sans_nouvelles');
  const [notice, setNotice] = useState<string | null>(null);
  const base = useDsuColumns();
  const labelOf = useCallback((r: DsuRow) => t('retention.selectOne', { number: r.number }), [t]);
  const { selected, setSelected, column, clear } = useRowSelection<DsuRow>(labelOf);
  const columns = useMemo(() => [column, ...base], [column, base]);
  const rows = data?.rows ?? [];
  return (
    <>
      <PageHeader title={t('nav.retention')} />
      <h2>{t('retention.filesTitle')}</h2>
      {data && <p className="lead">{t('retention.lead', { date: isoToFr(data.limitDate), source: data.source })}</p>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      {data && (
        <DataTable
          label={t('retention.caption')}
          columns={columns}
          data={rows}
          getRowId={(r) => String(r.id)}
          empty={t('retention.empty')}
          toolbar={
            <SelectionToolbar
              rows={rows.length}
              selected={selected.size}
              onSelectAll={() => setSelected(new Set(rows.map((r) => r.id)))}
              action={t('retention.archive', { count: selected.size })}
              onAction={() => setConfirming(true)}
            />
          }
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={t('retention.confirmTitle', { count: selected.size })}
          confirmLabel={t('retention.archive', { count: selected.size })}
          variant="danger"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const r = await must('dsu:archive', { ids: [...selected], closeReason: (reason ?? 'sans_nouvelles') as (typeof CLOSE_REASONS)[number] });
            setConfirming(false);
            clear();
            setNotice(t('retention.done', { archived: r.archived, closed: r.closed }));
            await reload();
          }}
        >
          <p>{t('retention.confirmText')}</p>
          <SelectField label={t('retention.closeReason')} value={reason} onChange={setReason} options={REASONS.map((r) => ({ id: r, label: t(`labels.${r}`) }))} />
        </ConfirmDialog>
      )}
      <PonctuelsRetention />
    </>
  );
}
