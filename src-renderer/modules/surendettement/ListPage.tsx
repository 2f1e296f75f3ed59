/**
 * The files a CESF or an ASS follows (a responsable: the site's), open ones, with their next
 * deadline and the day each was opened.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { columnHelperFor, type Columns } from '../../ui/DataTable';
import { isoToFr } from '../../ui/format';
import { RegistryListPage } from '../../ui/RegistryListPage';
import { STAGE_KINDS } from '../../../src-main/modules/surendettement/kinds';
import type { FileSummary } from './types';

const col = columnHelperFor<FileSummary>();
const load = () => must('surendettement:list', {});
const next = (r: FileSummary) => r.nextDeadline;

export function ListPage() {
  const { t } = useTranslation();
  const opened: Columns<FileSummary> = useMemo(() => [col.accessor('openedOn', { header: () => t('surendettement.list.opened'), sortFn: 'basic', cell: (c) => isoToFr(c.getValue()) })], [t]);
  return <RegistryListPage ns="surendettement" load={load} stages={STAGE_KINDS} next={next} trailing={opened} />;
}
