/** The columns of an aid list, shared by the instructor's list, the validation queue and the commission. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AidSummary } from '../../../src-main/api/contract-aides';
import { Button } from '../../ui/components';
import { columnHelperFor } from '../../ui/DataTable';
import { must } from '../../api';
import { formatCents, isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';

const col = columnHelperFor<AidSummary>();

/** Dispositif code → its label in the règlement in force (the code itself until loaded). */
export function useDispositifLabels(): Map<string, string> {
  const options = useResource(() => must('aid:options', {}));
  return useMemo(() => new Map((options.data?.dispositifs ?? []).map((d) => [d.code, d.label])), [options.data]);
}

/** Whole days since an ISO instant, for "waiting for N days". */
export function daysSince(iso: string | null, now = new Date()): number {
  if (!iso) return 0;
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}

/** `onOpen`: the number opens the request beside the list instead of leaving the page. */
export function useAidColumns(kind: 'list' | 'queue', onOpen?: (row: AidSummary) => void) {
  const { t } = useTranslation();
  const labels = useDispositifLabels();
  return useMemo(
    () => [
      ...(kind === 'queue'
        ? [col.accessor((r) => (r.urgent ? t('aides.urgent') : ''), { id: 'urgent', header: () => t('aides.urgency'), sortFn: 'french', cell: (c) => (c.getValue() ? <span className="warning-text">{c.getValue()}</span> : '') })]
        : []),
      col.accessor('number', {
        header: () => t('aides.number'),
        sortFn: 'french',
        cell: (c) =>
          onOpen ? (
            <Button variant="quiet" className="link-button" onPress={() => onOpen(c.row.original)}>
              {c.getValue()}
            </Button>
          ) : (
            <a href={`#/aides/${c.row.original.id}`}>{c.getValue()}</a>
          ),
      }),
      col.accessor('person', { header: () => t('aides.beneficiary'), sortFn: 'french' }),
      col.accessor((r) => `${labels.get(r.dispositif) ?? r.dispositif}${kind === 'queue' ? ` — ${t(`aides.natures.${r.nature}`)}` : ''}`, { id: 'dispositif', header: () => t('aides.dispositif'), sortFn: 'french' }),
      ...(kind === 'list' ? [col.accessor((r) => t(`aides.natures.${r.nature}`), { id: 'nature', header: () => t('aides.nature'), sortFn: 'french' })] : []),
      col.accessor('amountCents', { header: () => t('aides.amount'), sortFn: 'basic', cell: (c) => formatCents(c.getValue()) }),
      col.accessor((r) => (r.outcome ? t(`aides.outcomes.${r.outcome}`) : ''), { id: 'outcome', header: () => t('aides.bareme'), sortFn: 'french' }),
      ...(kind === 'queue'
        ? [
            col.accessor((r) => daysSince(r.submittedAt), { id: 'age', header: () => t('aides.waiting'), sortFn: 'basic', cell: (c) => t('aides.days_count', { count: c.getValue() }) }),
            col.accessor((r) => r.takenBy ?? '', { id: 'taken', header: () => t('aides.takenByCol'), sortFn: 'french' }),
          ]
        : [
            col.accessor('requestedOn', { header: () => t('aides.requestedOn'), sortFn: 'alphanumeric', cell: (c) => isoToFr(c.getValue()) }),
            col.accessor((r) => t(`aides.statuses.${r.status}`) + (r.appeal ? ` (${t('aides.appeal')})` : ''), { id: 'status', header: () => t('aides.status'), sortFn: 'french' }),
          ]),
      ...(kind === 'list' ? [col.accessor('referent', { header: () => t('dsu.referent'), sortFn: 'french' })] : []),
    ],
    [t, kind, onOpen, labels],
  );
}
