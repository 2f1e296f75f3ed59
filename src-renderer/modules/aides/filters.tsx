/**
 * The filters of an aid list, as the work is sorted: règlement (when several are in force), dispositif, who instructed it, in or
 * above the barème, urgency, age. They become the table's column filters (applied in the
 * renderer: a queue is at most a few thousand rows, already read in full).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AidSummary } from '../../../src-main/modules';
import { Button, SelectField } from '../../ui/components';
import type { ColumnFiltersState } from '../../ui/DataTable';
import { OUTCOMES_BAREME } from '../../../src-main/modules/aides/kinds';

/** Thresholds of the age filter, in days. */
const AGES = [7, 15, 30, 60] as const;
const ALL = 'all';

export interface AidFilterState {
  /** The règlement (several may be in force: the département's, the FSL's…). */
  reglement: string;
  dispositif: string;
  instructor: string;
  outcome: string;
  urgent: string;
  age: string;
}
const NONE: AidFilterState = { reglement: ALL, dispositif: ALL, instructor: ALL, outcome: ALL, urgent: ALL, age: ALL };

/** The table's column filters for a choice of the controls (the values the columns' accessors return). */
export function columnFiltersOf(f: AidFilterState, outcomeLabel: (code: string) => string): ColumnFiltersState {
  const out: ColumnFiltersState = [];
  if (f.reglement !== ALL) out.push({ id: 'reglement', value: f.reglement });
  if (f.dispositif !== ALL) out.push({ id: 'dispositif', value: f.dispositif });
  if (f.instructor !== ALL) out.push({ id: 'instructor', value: f.instructor });
  if (f.outcome !== ALL) out.push({ id: 'outcome', value: outcomeLabel(f.outcome) });
  if (f.urgent !== ALL) out.push({ id: 'urgent', value: f.urgent });
  if (f.age !== ALL) out.push({ id: 'age', value: Number(f.age) });
  return out;
}

const distinct = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'fr'));

export function useAidFilters(data: readonly AidSummary[] | null | undefined) {
  const { t } = useTranslation();
  const [state, setState] = useState<AidFilterState>(NONE);
  const set = (k: keyof AidFilterState) => (v: string | null) => setState((s) => ({ ...s, [k]: v ?? ALL }));
  const reglements = useMemo(() => distinct((data ?? []).map((r) => r.reglementLabel)), [data]);
  const dispositifs = useMemo(() => distinct((data ?? []).map((r) => r.dispositifLabel)), [data]);
  const instructors = useMemo(() => distinct((data ?? []).map((r) => r.instructor)), [data]);
  const columnFilters = useMemo(() => columnFiltersOf(state, (c) => t(`aides.outcomes.${c}`)), [state, t]);
  const all = { id: ALL, label: t('aides.lists.all') };
  const controls = (
    <>
      {reglements.length > 1 && <SelectField label={t('aides.lists.reglement')} value={state.reglement} onChange={set('reglement')} options={[all, ...reglements.map((d) => ({ id: d, label: d }))]} />}
      <SelectField label={t('aides.lists.dispositif')} value={state.dispositif} onChange={set('dispositif')} options={[all, ...dispositifs.map((d) => ({ id: d, label: d }))]} />
      <SelectField label={t('aides.lists.instructor')} value={state.instructor} onChange={set('instructor')} options={[all, ...instructors.map((d) => ({ id: d, label: d }))]} />
      <SelectField
        label={t('aides.lists.bareme')}
        value={state.outcome}
        onChange={set('outcome')}
        options={[all, ...OUTCOMES_BAREME.map((o) => ({ id: o, label: t(`aides.outcomes.${o}`) }))]}
      />
      <SelectField
        label={t('aides.lists.urgency')}
        value={state.urgent}
        onChange={set('urgent')}
        options={[
          { id: ALL, label: t('aides.lists.allFem') },
          { id: 'urgent', label: t('aides.lists.urgentOnly') },
          { id: 'normal', label: t('aides.lists.notUrgent') },
        ]}
      />
      <SelectField
        label={t('aides.lists.age')}
        value={state.age}
        onChange={set('age')}
        options={[{ id: ALL, label: t('aides.lists.allFem') }, ...AGES.map((d) => ({ id: String(d), label: t('aides.lists.ageAtLeast', { count: d }) }))]}
      />
      {columnFilters.length > 0 && (
        <Button variant="quiet" className="filters-reset" onPress={() => setState(NONE)}>
          {t('aides.lists.resetFilters')}
        </Button>
      )}
    </>
  );
  const countText = (shown: string, total: string, n: number) => t('aides.lists.count', { count: n, shown, total });
  return { columnFilters, controls, countText };
}
