/**
 * The list component of Passeur: @tanstack/react-table (v9 feature registry) for sorting
 * and filtering, @tanstack/react-virtual for rows, a real <table> for screen readers
 * (aria-rowcount / aria-rowindex keep the full size known while only visible rows render).
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type FilterFn,
  type Row,
  type RowData,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/** Case-, accent- and punctuation-insensitive text for filtering. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();
}

const foldedIncludes = (row: { getValue: (id: string) => unknown }, columnId: string, filterValue: unknown): boolean => {
  const v = row.getValue(columnId);
  if (v === null || v === undefined) return false;
  return fold(String(v)).includes(fold(String(filterValue)));
};

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
/** French collation: Émile sorts between Adam and Zoé, "n° 10" after "n° 9". */
const frenchSort = (a: { getValue: (id: string) => unknown }, b: { getValue: (id: string) => unknown }, columnId: string): number =>
  collator.compare(String(a.getValue(columnId) ?? ''), String(b.getValue(columnId) ?? ''));

export const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, datetime: sortFn_datetime, basic: sortFn_basic, french: frenchSort as unknown as typeof sortFn_text },
  filterFns: { folded: foldedIncludes as unknown as FilterFn<any, any> }, // eslint-disable-line @typescript-eslint/no-explicit-any
});

export type Features = typeof features;
export const columnHelperFor = <T extends RowData>() => createColumnHelper<Features, T>();
export type Columns<T extends RowData> = ColumnDef<Features, T, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any

const VIRTUALIZE_FROM = 200;
const ROW_HEIGHT = 44;

export function DataTable<T extends RowData>({
  label,
  columns,
  data,
  getRowId,
  filterLabel,
  empty,
  toolbar,
  onRowAction,
  height = 560,
}: {
  label: string;
  columns: Columns<T>;
  data: T[];
  getRowId: (row: T) => string;
  filterLabel?: string;
  empty: ReactNode;
  toolbar?: ReactNode;
  onRowAction?: (row: T) => void;
  height?: number;
}) {
  const { t } = useTranslation();
  const [globalFilter, setGlobalFilter] = useState('');
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (r: T) => getRowId(r),
    state: { globalFilter },
    onGlobalFilterChange: (v: unknown) => setGlobalFilter(typeof v === 'function' ? String((v as (p: string) => string)(globalFilter)) : String(v ?? '')),
    globalFilterFn: 'folded',
    getColumnCanGlobalFilter: () => true,
  } as never) as unknown as ReturnType<typeof useTable<Features, T>>;

  const rows = table.getRowModel().rows as Row<Features, T>[];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length >= VIRTUALIZE_FROM;
  // TanStack Virtual returns fresh functions each render; the compiler skips this component on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    enabled: virtual,
  });
  const items = virtual ? virtualizer.getVirtualItems() : rows.map((_, index) => ({ index, start: index * ROW_HEIGHT, end: (index + 1) * ROW_HEIGHT }));
  const padTop = virtual && items.length ? items[0]!.start : 0;
  const padBottom = virtual && items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const colCount = table.getAllLeafColumns().length;
  const captionId = useMemo(() => `table-${Math.random().toString(36).slice(2)}`, []);

  return (
    <div className="datatable">
      <div className="datatable-toolbar">
        <SearchField className="field search" value={globalFilter} onChange={setGlobalFilter} aria-describedby={captionId}>
          <Label>{filterLabel ?? t('table.filter')}</Label>
          <Input />
        </SearchField>
        <span className="datatable-count" aria-live="polite">
          {t('table.count', { count: rows.length, total: data.length })}
        </span>
        {toolbar}
      </div>
      <div className="datatable-scroll" ref={scrollRef} style={{ maxHeight: height }} tabIndex={virtual ? 0 : -1} aria-labelledby={captionId}>
        <table aria-rowcount={rows.length + 1}>
          <caption id={captionId} className="visually-hidden">
            {label}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : canSort ? 'none' : undefined}>
                      {header.isPlaceholder ? null : canSort ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className="sort-indicator">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" style={{ height: padTop }}>
                <td colSpan={colCount} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <tr
                  key={row.id}
                  aria-rowindex={item.index + 2}
                  style={virtual ? { height: ROW_HEIGHT } : undefined}
                  className={onRowAction ? 'row-action' : undefined}
                  onDoubleClick={onRowAction ? () => onRowAction(row.original) : undefined}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" style={{ height: padBottom }}>
                <td colSpan={colCount} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && <p className="datatable-empty">{globalFilter ? t('table.noMatch') : empty}</p>}
      </div>
    </div>
  );
}
