/**
 * The list page of a registry module (surendettement, prévention des expulsions): the open files
 * a CESF or an ASS follows (a responsable: the site's), with their next date, one dense line
 * each, filters by stage reached and by a date coming soon. Each module gives its namespace
 * (i18n keys `<ns>.list.*`, `<ns>.stage`, `<ns>.stages.<kind>`, `<ns>.noStage`; route
 * `#/<ns>/<id>`), its stages, its next date and its own columns.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, PageHeader, SelectField } from './components';
import { columnHelperFor, DataTable, type ColumnFiltersState, type Columns } from './DataTable';
import { addDaysIso, isoToFr, today } from './format';
import { useResource } from './useResource';

export interface RegistryRow {
  id: number;
  household: string;
  dsu: { number: string };
  stage: string | null;
  referent: { displayName: string };
}

interface Props<R extends RegistryRow> {
  ns: 'surendettement' | 'expulsions';
  load: () => Promise<R[]>;
  stages: readonly string[];
  /** The file's next date. */
  next: (r: R) => { due: string; label: string } | null;
  /** Columns between the next date and the référent, and after the référent. */
  middle?: Columns<R>;
  trailing?: Columns<R>;
  /** Links beside the page's title. */
  actions?: ReactNode;
}

/** The words of the next date's column: its header, its absence, and « passée » said after a date already past (not only shown in colour). */
const NEXT_WORDS = {
  surendettement: { header: 'surendettement.nextDeadline', none: 'surendettement.noDeadline', past: 'surendettement.deadlines.past' },
  expulsions: { header: 'expulsions.nextDate', none: 'expulsions.noDate', past: 'expulsions.dates.past' },
} as const;
const ALL = 'all';
const NONE = '9999-12-31';
/** The « échéance proche » choices, in days from today. */
const SOON = [15, 30, 60] as const;

export function RegistryListPage<R extends RegistryRow>({ ns, load, stages, next, middle = [], trailing = [], actions }: Props<R>) {
  const { t } = useTranslation();
  const rows = useResource(load);
  const [stage, setStage] = useState<string>(ALL);
  const [soon, setSoon] = useState<string>(ALL);
  const columns = useMemo(() => {
    const words = NEXT_WORDS[ns];
    const col = columnHelperFor<R>();
    return [
      col.accessor((r) => r.household, { id: 'household', header: () => t(`${ns}.list.household`), sortFn: 'french', cell: (c) => <a href={`#/${ns}/${c.row.original.id}`}>{c.getValue()}</a> }),
      col.accessor((r) => r.dsu.number, { id: 'dsu', header: () => t(`${ns}.list.dsu`), sortFn: 'french' }),
      col.accessor((r) => r.stage ?? 'none', {
        id: 'stage',
        header: () => t(`${ns}.stage`),
        filterFn: 'equals',
        cell: (c) => (c.row.original.stage ? t(`${ns}.stages.${c.row.original.stage}`) : t(`${ns}.noStage`)),
      }),
      col.accessor((r) => next(r)?.due ?? NONE, {
        id: 'due',
        header: () => t(words.header),
        sortFn: 'basic',
        filterFn: (row, _id, value) => (next(row.original)?.due ?? NONE) <= String(value),
        cell: (c) => {
          const d = next(c.row.original);
          if (!d) return <span className="muted">{t(words.none)}</span>;
          const past = d.due < today();
          return <span className={past ? 'overdue' : ''}>{`${isoToFr(d.due)} — ${d.label}${past ? ` (${t(words.past)})` : ''}`}</span>;
        },
      }),
      ...middle,
      col.accessor((r) => r.referent.displayName, { id: 'referent', header: () => t(`${ns}.referent`), sortFn: 'french' }),
      ...trailing,
    ] as Columns<R>;
  }, [t, ns, next, middle, trailing]);
  const columnFilters = useMemo(() => {
    const out: ColumnFiltersState = [];
    if (stage !== ALL) out.push({ id: 'stage', value: stage });
    if (soon !== ALL) out.push({ id: 'due', value: addDaysIso(today(), Number(soon)) });
    return out;
  }, [stage, soon]);
  return (
    <div className="worklist">
      <PageHeader title={t(`nav.${ns}`)}>
        <p className="lead compact">{t(`${ns}.list.lead`)}</p>
        {actions}
      </PageHeader>
      {rows.error && <Alert kind="error">{rows.error}</Alert>}
      {rows.data && (
        <DataTable
          label={t(`${ns}.list.label`)}
          columns={columns}
          data={rows.data}
          getRowId={(r) => String(r.id)}
          filterLabel={t(`${ns}.list.filter`)}
          empty={t(`${ns}.list.empty`)}
          onRowAction={(r) => (window.location.hash = `#/${ns}/${r.id}`)}
          columnFilters={columnFilters}
          countText={(shown, total, n) => t(`${ns}.list.count`, { count: n, shown, total })}
          toolbar={
            <>
              <SelectField
                label={t(`${ns}.stage`)}
                value={stage}
                onChange={(v) => setStage(v ?? ALL)}
                options={[{ id: ALL, label: t(`${ns}.list.all`) }, { id: 'none', label: t(`${ns}.noStage`) }, ...stages.map((k) => ({ id: k, label: t(`${ns}.stages.${k}`) }))]}
              />
              <SelectField
                label={t(`${ns}.list.soon`)}
                value={soon}
                onChange={(v) => setSoon(v ?? ALL)}
                options={[{ id: ALL, label: t(`${ns}.list.all`) }, ...SOON.map((d) => ({ id: String(d), label: t(`${ns}.list.within`, { count: d }) }))]}
              />
            </>
          }
        />
      )}
    </div>
  );
}
