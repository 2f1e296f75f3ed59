import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../i18n';
import { columnHelperFor, DataTable, fold } from './DataTable';
import { parseCommunes } from '../app/SetupPage';

interface Row {
  id: number;
  name: string;
}
const col = columnHelperFor<Row>();
const columns = [col.accessor('name', { header: () => 'Nom', sortFn: 'french' })];

afterEach(cleanup);

describe('DataTable', () => {
  it('filters ignoring case, accents, hyphens and apostrophes', () => {
    expect(fold("  Lamothe-Capdeville L’Étang ")).toBe('lamothe capdeville l etang');
    render(<DataTable label="Personnes" columns={columns} data={[{ id: 1, name: 'Hélène Lefèvre-Dupré' }, { id: 2, name: 'Paul Martin' }]} getRowId={(r) => String(r.id)} empty="vide" />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'lefevre dupre' } });
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(2); // header + one match
    expect(rows[1]!.textContent).toContain('Hélène Lefèvre-Dupré');
    expect(screen.getByText('1 sur 2')).toBeDefined();
  });

  it('sorts by a column header and says so to assistive technology', () => {
    render(<DataTable label="Personnes" columns={columns} data={[{ id: 1, name: 'Zoé' }, { id: 2, name: 'Adam' }, { id: 3, name: 'Émile' }]} getRowId={(r) => String(r.id)} empty="vide" />);
    const header = screen.getByRole('columnheader');
    expect(header.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(header).getByRole('button'));
    const names = within(screen.getByRole('table')).getAllByRole('cell').map((c) => c.textContent);
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(names).toEqual(['Adam', 'Émile', 'Zoé']);
  });

  it('marks the row shown beside the list as the current one, and says what a page filter leaves', () => {
    const data = [{ id: 1, name: 'Zoé' }, { id: 2, name: 'Adam' }, { id: 3, name: 'Émile' }];
    render(
      <DataTable
        label="Personnes"
        columns={[col.accessor('name', { header: () => 'Nom', filterFn: 'equals' })]}
        data={data}
        getRowId={(r) => String(r.id)}
        empty="vide"
        selectedId="2"
        columnFilters={[{ id: 'name', value: 'Adam' }]}
        countText={(shown, total) => `${shown} personne sur ${total}`}
      />,
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.getAttribute('aria-current')).toBe('true');
    expect(screen.getByText('1 personne sur 3').getAttribute('aria-live')).toBe('polite');
  });

  it('keeps the full row count known while rendering only a window of 30,000 rows', () => {
    const data = Array.from({ length: 30_000 }, (_, i) => ({ id: i, name: `Personne ${i}` }));
    render(<DataTable label="Personnes" columns={columns} data={data} getRowId={(r) => String(r.id)} empty="vide" />);
    const table = screen.getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe('30001');
    expect(within(table).queryAllByRole('cell').length).toBeLessThan(200);
  });
});

describe('parseCommunes (site creation)', () => {
  it('reads "INSEE name" lines and points at the first unreadable one', () => {
    expect(parseCommunes('82121 Montauban\n\n2a004 Ajaccio\n82125;Montech')).toEqual({
      communes: [
        { insee: '82121', name: 'Montauban' },
        { insee: '2A004', name: 'Ajaccio' },
        { insee: '82125', name: 'Montech' },
      ],
      badLine: null,
    });
    expect(parseCommunes('82121 Montauban\nMontech 82125').badLine).toBe(2);
  });
});
