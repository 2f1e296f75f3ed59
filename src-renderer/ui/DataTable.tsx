/**
 * The list component of Passeur: @tanstack/react-table (v9 feature registry) for sorting
 * and filtering, @tanstack/react-virtual for rows, a real <table> for screen readers
 * (aria-rowcount / aria-rowindex keep the full size known while only visible rows render).
 * Dense rows under a sticky header, in a scroll area that ends at the bottom of the window:
 * a work list shows as many rows as the screen holds (more than 20 at 1366×768).
 */
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equals,
  filterFn_greaterThanOrEqualTo,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnFiltersState,
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
  columnVisibilityFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, datetime: sortFn_datetime, basic: sortFn_basic, french: frenchSort as unknown as typeof sortFn_text },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  filterFns: { folded: foldedIncludes as unknown as FilterFn<any, any>, equals: filterFn_equals, atLeast: filterFn_greaterThanOrEqualTo },
});
export type { ColumnFiltersState };

export type Features = typeof features;
export const columnHelperFor = <T extends RowData>() => createColumnHelper<Features, T>();
export type Columns<T extends RowData> = ColumnDef<Features, T, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any

const VIRTUALIZE_FROM = 200;
/** One line of dense text (`.datatable td` in styles.css): the virtual rows' height. */
const ROW_HEIGHT = 26;
/** The scroll area never gets shorter than this, whatever is above it. */
const MIN_HEIGHT = 240;

/**
 * The height left between the top of `el` (in the page, not the window) and the bottom of the
 * window, measured again when the layout around it changes (`layout`: a pane opened beside
 * it, columns hidden, filters set, which may wrap the toolbar above it) and when the window is resized.
 */
function useHeightToWindowBottom(ref: RefObject<HTMLElement | null>, cap: number | undefined, layout: string): number {
  const [h, setH] = useState(cap ?? 560);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      const room = Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - 12));
      setH(cap ? Math.min(cap, room) : room);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref, cap, layout]);
  return h;
}

export function DataTable<T extends RowData>({
  label,
  columns,
  data,
  getRowId,
  filterLabel,
  empty,
  toolbar,
  onRowAction,
  height,
  columnFilters,
  countText,
  selectedId,
  hidden,
}: {
  label: string;
  columns: Columns<T>;
  data: T[];
  getRowId: (row: T) => string;
  filterLabel?: string;
  empty: ReactNode;
  toolbar?: ReactNode;
  onRowAction?: (row: T) => void;
  /** At most this height; by default the scroll area reaches the bottom of the window. */
  height?: number;
  /** Filters set by the page's own controls, applied by the table's filter model. */
  columnFilters?: ColumnFiltersState;
  /** What the live region says, e.g. « 37 demandes sur 2 000 » (numbers already in French). */
  countText?: (shown: string, total: string, shownCount: number) => string;
  /** The row shown beside the list (marked, and said to be the current one). */
  selectedId?: string | null;
  /** Columns not shown (they still filter): e.g. what the detail pane already says. */
  hidden?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const [globalFilter, setGlobalFilter] = useState('');
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (r: T) => getRowId(r),
    state: { globalFilter, columnFilters: columnFilters ?? [], columnVisibility: Object.fromEntries((hidden ?? []).map((id) => [id, false])) },
    onGlobalFilterChange: (v: unknown) => setGlobalFilter(typeof v === 'function' ? String((v as (p: string) => string)(globalFilter)) : String(v ?? '')),
    globalFilterFn: 'folded',
    getColumnCanGlobalFilter: () => true,
  } as never) as unknown as ReturnType<typeof useTable<Features, T>>;

  const rows = table.getRowModel().rows as Row<Features, T>[];
  const scrollRef = useRef<HTMLDivElement>(null);
  const maxHeight = useHeightToWindowBottom(scrollRef, height, `${selectedId ? 1 : 0}|${hidden?.join() ?? ''}|${columnFilters?.length ?? 0}`);
  const number = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
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
  const colCount = table.getVisibleLeafColumns().length;
  const captionId = useMemo(() => `table-${Math.random().toString(36).slice(2)}`, []);

  return (
    <div className="datatable">
      <div className="datatable-toolbar">
        <SearchField className="field search" value={globalFilter} onChange={setGlobalFilter} aria-describedby={captionId}>
          <Label>{filterLabel ?? t('table.filter')}</Label>
          <Input />
        </SearchField>
        <span className="datatable-count" aria-live="polite">
          {countText ? countText(number.format(rows.length), number.format(data.length), rows.length) : t('table.count', { count: rows.length, total: data.length })}
        </span>
        {toolbar}
      </div>
      <div className="datatable-scroll" ref={scrollRef} style={{ maxHeight }} tabIndex={virtual ? 0 : -1} aria-labelledby={captionId}>
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
                  className={[onRowAction ? 'row-action' : '', row.id === selectedId ? 'row-selected' : ''].filter(Boolean).join(' ') || undefined}
                  aria-current={row.id === selectedId ? 'true' : undefined}
                  onDoubleClick={onRowAction ? () => onRowAction(row.original) : undefined}
                >
                  {row.getVisibleCells().map((cell) => (
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
        {rows.length === 0 && <p className="datatable-empty">{globalFilter || columnFilters?.length ? t('table.noMatch') : empty}</p>}
      </div>
    </div>
  );
}
