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

/** `onOpen`: the number opens the request beside the list instead of leaving the page. */
export function useAidColumns(kind: 'list' | 'queue', onOpen?: (row: AidSummary) => void) {
  const { t } = useTranslation();
  return useMemo(
    () => [
      col.accessor('number', {
        header: () => t('aides.number'),
        sortFn: 'french',
        cell: (c) => (
          <>
            {onOpen ? (
              <Button variant="quiet" className="link-button" onPress={() => onOpen(c.row.original)}>
                {c.getValue()}
              </Button>
            ) : (
              <a href={`#/aides/${c.row.original.id}`}>{c.getValue()}</a>
            )}
            {c.row.original.urgent && <div className="warning-text small">{t('aides.urgent')}</div>}
          </>
        ),
      }),
      ...(kind === 'queue'
        ? [
            // Narrow enough to sit beside the request: the dispositif under the name.
            col.accessor((r) => `${r.person} — ${r.dispositifLabel} — ${t(`aides.natures.${r.nature}`)}`, {
              id: 'person',
              header: () => t('aides.beneficiaryDispositif'),
              sortFn: 'french',
              cell: (c) => (
                <>
                  {c.row.original.person}
                  <div className="muted small">
                    {c.row.original.dispositifLabel} — {t(`aides.natures.${c.row.original.nature}`)}
                  </div>
                </>
              ),
            }),
          ]
        : [
            col.accessor('person', { header: () => t('aides.beneficiary'), sortFn: 'french' }),
            col.accessor((r) => `${r.dispositifLabel} — ${t(`aides.natures.${r.nature}`)}`, { id: 'dispositif', header: () => t('aides.dispositifNature'), sortFn: 'french' }),
          ]),
      col.accessor('amountCents', { header: () => t('aides.amountShort'), sortFn: 'basic', cell: (c) => formatCents(c.getValue()) }),
      ...(kind === 'list'
        ? [col.accessor((r) => t(`aides.statuses.${r.status}`) + (r.appeal ? ` (${t('aides.appeal')})` : ''), { id: 'status', header: () => t('aides.status'), sortFn: 'french' })]
        : []),
      col.accessor((r) => (r.outcome ? t(`aides.outcomes.${r.outcome}`) : ''), { id: 'outcome', header: () => t('aides.bareme'), sortFn: 'french' }),
      ...(kind === 'queue'
        ? [
            col.accessor((r) => daysSince(r.submittedAt), {
              id: 'age',
              header: () => t('aides.waiting'),
              sortFn: 'basic',
              cell: (c) => (
                <>
                  {t('aides.days_count', { count: c.getValue() })}
                  {c.row.original.takenBy && <div className="muted small">{t('aides.takenBy', { who: c.row.original.takenBy })}</div>}
                </>
              ),
            }),
          ]
        : [
            col.accessor('requestedOn', { header: () => t('aides.requestedOnShort'), sortFn: 'alphanumeric', cell: (c) => isoToFr(c.getValue()) }),
          ]),
      ...(kind === 'list' ? [col.accessor('referent', { header: () => t('dsu.referent'), sortFn: 'french' })] : []),
    ],
    [t, kind, onOpen],
  );
}
