import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, PageHeader } from '../../ui/components';
import { columnHelperFor, DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { useResource } from '../../ui/useResource';

type Row = Output<'audit:list'>[number];
const col = columnHelperFor<Row>();

/** The site's audit log (who did what, when — never the content) and its chain check. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { data: rows, error: loadError } = useResource(() => must('audit:list', { limit: 500 }));
  const [verdict, setVerdict] = useState<Output<'audit:verify'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const columns = useMemo(
    () => [
      col.accessor('id', { header: () => t('audit.id'), sortFn: 'basic' }),
      col.accessor('at', { header: () => t('audit.at'), cell: (c) => formatDateTime(c.getValue()), sortFn: 'text' }),
      col.accessor((r) => r.user?.displayName ?? t('audit.system'), { id: 'user', header: () => t('audit.user') }),
      col.accessor((r) => (i18n.exists(`audit.actions.${r.action}`) ? t(`audit.actions.${r.action}`) : r.action), { id: 'action', header: () => t('audit.action') }),
      col.accessor((r) => `${i18n.exists(`audit.entities.${r.entity}`) ? t(`audit.entities.${r.entity}`) : r.entity}${r.entityLabel ? ` : ${r.entityLabel}` : r.entityId ? ` n° ${r.entityId}` : ''}`, {
        id: 'entity',
        header: () => t('audit.entity'),
      }),
    ],
    [t, i18n],
  );

  return (
    <>
      <PageHeader title={t('nav.audit')}>
        <Button
          variant="primary"
          onPress={async () => {
            try {
              setVerdict(await must('audit:verify', {}));
            } catch (e) {
              setError(errorText(e));
            }
          }}
        >
          {t('audit.verify')}
        </Button>
      </PageHeader>
      <p className="lead">{t('audit.lead')}</p>
      {(error ?? loadError) && <Alert kind="error">{error ?? loadError}</Alert>}
      {verdict && (verdict.ok ? <Alert kind="success">{t('audit.intact', { count: verdict.rows })}</Alert> : <Alert kind="error">{t('audit.broken', { id: verdict.brokenAt })}</Alert>)}
      <DataTable label={t('audit.tableLabel')} columns={columns} data={rows ?? []} getRowId={(r) => String(r.id)} empty={t('audit.empty')} />
    </>
  );
}
