/**
 * Rows chosen by checkbox in a DataTable, for an action on several at once (archiving files,
 * deleting persons at the end of retention): the chosen ids, the checkbox column, and the
 * toolbar's "select all" and action buttons.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './components';
import { columnHelperFor } from './DataTable';

export function useRowSelection<T extends { id: number }>(labelOf: (row: T) => string) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const column = useMemo(
    () =>
      columnHelperFor<T>().display({
        id: 'select',
        header: () => t('retention.select'),
        cell: (c) => (
          <input
            type="checkbox"
            aria-label={labelOf(c.row.original)}
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
    [t, selected, labelOf],
  );
  return { selected, setSelected, column, clear: () => setSelected(new Set()) };
}

/** "Select all (n)" and the action on the chosen rows, disabled while none is chosen. */
export function SelectionToolbar({ rows, selected, onSelectAll, action, onAction }: { rows: number; selected: number; onSelectAll: () => void; action: string; onAction: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="row-actions">
      <Button variant="secondary" onPress={onSelectAll} isDisabled={rows === 0}>
        {t('retention.selectAll', { count: rows })}
      </Button>
      <Button variant="danger" onPress={onAction} isDisabled={selected === 0}>
        {action}
      </Button>
    </div>
  );
}
