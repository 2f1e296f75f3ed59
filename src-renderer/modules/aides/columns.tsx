/** The columns of an aid list, shared by the instructor's list, the validation queue and the commission. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AidSummary } from '../../../src-main/modules';
import { Button } from '../../ui/components';
import { columnHelperFor } from '../../ui/DataTable';
import { formatCents, isoToFr } from '../../ui/format';

const col = columnHelperFor<AidSummary>();

/** Whole days since an ISO instant, for "waiting for N days". */
export function daysSince(iso: string | null, now = new Date()): number {
  if (!iso) return 0;
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}

/** How old a request is: since it was submitted (queue), or since it was made (lists). */
export const ageOf = (kind: 'list' | 'queue', r: AidSummary): number => daysSince(kind === 'queue' ? r.submittedAt : r.requestedOn);

/** The value of the hidden `urgent` column, which the urgency filter compares with. */
export const urgencyOf = (r: AidSummary): 'urgent' | 'normal' => (r.urgent ? 'urgent' : 'normal');

/**
 * One line per request, so that a screen holds many. Column ids are the filters' ids
 * (`reglement`, `dispositif`, `instructor`, `outcome`, `urgent`, `age`); `urgent` is never shown (the
 * number says « urgente »), nor `reglement` (the dispositif's label says it). `onOpen`: the number opens the request beside the list.
 */
export function useAidColumns(kind: 'list' | 'queue', onOpen?: (row: AidSummary) => void) {
  const { t } = useTranslation();
  return useMemo(
    () => [
      col.accessor('number', {
        header: () => t('aides.number'),
        sortFn: 'french',
        cell: (c) => (
          <span className="nowrap">
            {onOpen ? (
              <Button variant="quiet" className="link-button" onPress={() => onOpen(c.row.original)}>
                {c.getValue()}
              </Button>
            ) : (
              <a href={`#/aides/${c.row.original.id}`}>{c.getValue()}</a>
            )}
            {c.row.original.urgent && (
              <span className="urgent-mark" title={t('aides.lists.urgentMark')}>
                <span aria-hidden="true">⚠</span>
                <span className="visually-hidden">{t('aides.lists.urgentMark')}</span>
              </span>
            )}
          </span>
        ),
      }),
      col.accessor('person', { header: () => t('aides.beneficiary'), sortFn: 'french', cell: (c) => <Clip text={c.getValue()} /> }),
      col.accessor('dispositifLabel', {
        id: 'dispositif',
        header: () => t('aides.lists.dispositif'),
        sortFn: 'french',
        filterFn: 'equals',
        cell: (c) => <Clip text={c.getValue()} title={`${c.getValue()} — ${t(`aides.natures.${c.row.original.nature}`)}`} />,
      }),
      col.accessor('amountCents', { header: () => t('aides.amountShort'), sortFn: 'basic', cell: (c) => <span className="nowrap">{formatCents(c.getValue())}</span> }),
      ...(kind === 'list'
        ? [
            col.accessor((r) => t(`aides.statuses.${r.status}`) + (r.appeal ? ` (${t('aides.appeal')})` : ''), {
              id: 'status',
              header: () => t('aides.status'),
              sortFn: 'french',
              cell: (c) => <Clip text={c.getValue()} />,
            }),
          ]
        : []),
      col.accessor((r) => (r.outcome ? t(`aides.outcomes.${r.outcome}`) : ''), {
        id: 'outcome',
        header: () => t('aides.bareme'),
        sortFn: 'french',
        filterFn: 'equals',
        cell: (c) => <span className="nowrap">{c.getValue()}</span>,
      }),
      col.accessor('instructor', { header: () => t('aides.lists.instructor'), sortFn: 'french', filterFn: 'equals', cell: (c) => <Clip text={c.getValue()} /> }),
      col.accessor('reglementLabel', { id: 'reglement', header: () => t('aides.lists.reglement'), filterFn: 'equals', enableGlobalFilter: false }),
      col.accessor(urgencyOf, { id: 'urgent', header: () => t('aides.lists.urgency'), filterFn: 'equals', enableGlobalFilter: false }),
      ...(kind === 'queue'
        ? [
            col.accessor((r) => ageOf('queue', r), {
              id: 'age',
              header: () => t('aides.waiting'),
              sortFn: 'basic',
              filterFn: 'atLeast',
              cell: (c) => (
                <span className="nowrap" title={c.row.original.takenBy ? t('aides.takenBy', { who: c.row.original.takenBy }) : undefined}>
                  {t('aides.days_count', { count: c.getValue() })}
                  {c.row.original.takenBy && ' ✓'}
                </span>
              ),
            }),
          ]
        : [
            col.accessor('requestedOn', { header: () => t('aides.requestedOnShort'), sortFn: 'alphanumeric', cell: (c) => isoToFr(c.getValue()) }),
            col.accessor((r) => ageOf('list', r), { id: 'age', header: () => t('aides.lists.age'), filterFn: 'atLeast', enableGlobalFilter: false }),
            col.accessor('referent', { header: () => t('dsu.referent'), sortFn: 'french', cell: (c) => <Clip text={c.getValue()} /> }),
          ]),
    ],
    [t, kind, onOpen],
  );
}

/** A cell kept on one line: long text ends in « … », whole in its tooltip. */
function Clip({ text, title }: { text: string; title?: string }) {
  return (
    <span className="cell-clip" title={title ?? text}>
      {text}
    </span>
  );
}
