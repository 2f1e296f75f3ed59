import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AidSummary } from '../../../src-main/modules';
import i18n from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { useAidColumns } from './columns';
import { columnFiltersOf, type AidFilterState } from './filters';

afterEach(cleanup);

const DAY = 86_400_000;
const row = (id: number, over: Partial<AidSummary>): AidSummary => ({
  id,
  number: `AF-2026-${String(id).padStart(5, '0')}`,
  dsu: { id, number: `MTB-2026-${id}` },
  person: `PERSONNE${id} Marie`,
  referent: 'Alice Assistante',
  instructor: 'Alice Assistante',
  dispositif: 'secours_cd',
  dispositifLabel: 'Secours du Conseil départemental',
  reglementLabel: 'Règlement d’exemple des aides financières',
  nature: 'alimentaire',
  amountCents: 9000,
  grantedCents: null,
  paidOn: null,
  status: 'soumise',
  outcome: 'dans_bareme',
  route: 'validation',
  urgent: false,
  requestedOn: '2026-11-01',
  submittedAt: new Date(Date.now() - DAY).toISOString(),
  takenBy: null,
  appeal: false,
  commissionId: null,
  ...over,
});
const data = [
  row(1, { urgent: true }),
  row(2, { submittedAt: new Date(Date.now() - 20 * DAY).toISOString(), instructor: 'Claire Conseillère' }),
  row(3, { submittedAt: new Date(Date.now() - 40 * DAY).toISOString(), outcome: 'hors_bareme', route: 'commission', dispositifLabel: 'Fonds d’aide aux jeunes' }),
  row(4, { submittedAt: new Date(Date.now() - 8 * DAY).toISOString(), urgent: true, outcome: 'hors_bareme' }),
  row(5, { dispositif: 'fsl_maintien', dispositifLabel: 'FSL maintien — impayés de loyer', reglementLabel: 'Fonds de solidarité pour le logement', nature: 'loyer_maintien' }),
];
const ALL: AidFilterState = { reglement: 'all', dispositif: 'all', instructor: 'all', outcome: 'all', urgent: 'all', age: 'all' };

function Queue({ filters }: { filters: AidFilterState }) {
  const columns = useAidColumns('queue');
  return (
    <DataTable
      label="File"
      columns={columns}
      data={data}
      getRowId={(r) => String(r.id)}
      empty="vide"
      columnFilters={columnFiltersOf(filters, (c) => i18n.t(`aides.outcomes.${c}`))}
      countText={(shown, total, n) => i18n.t('aides.lists.count', { count: n, shown, total })}
      hidden={['urgent', 'reglement']}
    />
  );
}
const numbers = () => within(screen.getByRole('table')).queryAllByRole('row').slice(1).map((r) => /AF-2026-\d+/.exec(r.textContent ?? '')?.[0]);

describe('the filters of an aid list', () => {
  it('keep the requests of the chosen age, urgency, barème, instructor and dispositif, and say how many are left', () => {
    const { rerender } = render(<Queue filters={ALL} />);
    expect(numbers()).toHaveLength(5);
    expect(screen.getByText('5 demandes sur 5')).toBeDefined();
    // The FSL's requests apart from the département's.
    rerender(<Queue filters={{ ...ALL, reglement: 'Fonds de solidarité pour le logement' }} />);
    expect(numbers()).toEqual(['AF-2026-00005']);
    rerender(<Queue filters={{ ...ALL, reglement: 'Règlement d’exemple des aides financières' }} />);
    expect(numbers()).toHaveLength(4);
    rerender(<Queue filters={{ ...ALL, age: '15' }} />);
    expect(numbers()).toEqual(['AF-2026-00002', 'AF-2026-00003']);
    expect(screen.getByText('2 demandes sur 5')).toBeDefined();
    rerender(<Queue filters={{ ...ALL, age: '7', urgent: 'urgent' }} />);
    expect(numbers()).toEqual(['AF-2026-00004']);
    expect(screen.getByText('1 demande sur 5')).toBeDefined();
    rerender(<Queue filters={{ ...ALL, outcome: 'hors_bareme' }} />);
    expect(numbers()).toEqual(['AF-2026-00003', 'AF-2026-00004']);
    rerender(<Queue filters={{ ...ALL, instructor: 'Claire Conseillère' }} />);
    expect(numbers()).toEqual(['AF-2026-00002']);
    rerender(<Queue filters={{ ...ALL, dispositif: 'Fonds d’aide aux jeunes' }} />);
    expect(numbers()).toEqual(['AF-2026-00003']);
    rerender(<Queue filters={{ ...ALL, dispositif: 'Fonds d’aide aux jeunes', urgent: 'urgent' }} />);
    expect(numbers()).toEqual([]);
    expect(screen.getByText('0 demande sur 5')).toBeDefined();
    expect(screen.getByText('Aucune ligne ne correspond au filtre.')).toBeDefined();
  });

  it('mark urgent requests in the number’s cell, in words for screen readers', () => {
    render(<Queue filters={ALL} />);
    const first = within(screen.getByRole('table')).getAllByRole('row')[1]!;
    expect(first.textContent).toContain('urgente');
    expect(within(screen.getByRole('table')).queryByRole('columnheader', { name: /Urgence/ })).toBeNull();
  });
});
