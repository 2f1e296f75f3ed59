/**
 * The cases a CESF or an ASS follows (a responsable: the site's), open ones, with their next
 * date and their rent debt; the CCAPEX's sessions a click away.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { columnHelperFor, type Columns } from '../../ui/DataTable';
import { formatCents } from '../../ui/format';
import { RegistryListPage } from '../../ui/RegistryListPage';
import { EVICTION_STAGE_KINDS } from '../../../src-main/modules/expulsions/kinds';
import type { CaseSummary } from './types';

const col = columnHelperFor<CaseSummary>();
const load = () => must('expulsions:list', {});
const next = (r: CaseSummary) => r.nextDate;

export function ListPage() {
  const { t } = useTranslation();
  const debt: Columns<CaseSummary> = useMemo(
    () => [col.accessor((r) => r.debtCents ?? -1, { id: 'debt', header: () => t('expulsions.debt'), sortFn: 'basic', cell: (c) => (c.row.original.debtCents === null ? '—' : formatCents(c.row.original.debtCents)) })],
    [t],
  );
  return (
    <RegistryListPage
      ns="expulsions"
      load={load}
      stages={EVICTION_STAGE_KINDS}
      next={next}
      middle={debt}
      actions={
        <a className="btn btn-secondary" href="#/expulsions/ccapex">
          {t('expulsions.sessions.title')}
        </a>
      }
    />
  );
}
