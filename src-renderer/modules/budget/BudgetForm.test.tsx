import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { BudgetForm, budgetDraftOf, budgetOf, budgetProblem, type BudgetDraft } from './BudgetForm';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});
afterEach(cleanup);

describe('three months of resources in the budget form', () => {
  it('round-trips a stored budget, old (one month) or new (three months)', () => {
    const stored = {
      resources: [
        { kind: 'salaires', amountCents: 110000, label: '', previousMonthsCents: [90000, 100050] as [number, number] },
        { kind: 'rsa', amountCents: 64652, label: '' },
      ],
      charges: [{ kind: 'loyer', amountCents: 42000, label: '' }],
    };
    const draft = budgetDraftOf(stored);
    expect(draft.resources[0]!.earlier).toEqual(['900', '1000,50']);
    expect(draft.resources[1]!.earlier).toBeUndefined();
    expect(budgetOf(draft)).toEqual(stored);
  });

  it('earlier months are both given or both left empty', () => {
    const line = (earlier: [string, string]): BudgetDraft => ({ resources: [{ kind: 'salaires', amount: '1100', label: '', earlier }], charges: [] });
    expect(budgetProblem(line(['', '']))).toBeNull();
    expect(budgetOf(line(['', ''])).resources[0]).not.toHaveProperty('previousMonthsCents');
    expect(budgetProblem(line(['900', '']))).toBe('months');
    expect(budgetProblem(line(['900', 'mille']))).toBe('months');
    expect(budgetProblem(line(['900', '1000']))).toBeNull();
  });

  it('asks for the two earlier months where the dispositif averages three, and shows the average', () => {
    let value: BudgetDraft = { resources: [{ kind: 'salaires', amount: '1100', label: '' }], charges: [] };
    const { rerender } = render(<BudgetForm value={value} onChange={(b) => (value = b)} threeMonths />);
    fireEvent.change(screen.getByLabelText('Salaires — il y a deux mois (€)'), { target: { value: '900' } });
    rerender(<BudgetForm value={value} onChange={(b) => (value = b)} threeMonths />);
    fireEvent.change(screen.getByLabelText('Salaires — le mois dernier (€)'), { target: { value: '1000' } });
    rerender(<BudgetForm value={value} onChange={(b) => (value = b)} threeMonths />);
    expect(value.resources[0]!.earlier).toEqual(['900', '1000']);
    expect(screen.getByLabelText('Salaires — ce mois-ci (€)')).toHaveProperty('value', '1100');
    expect(screen.getByText(/Moyenne sur les trois mois : 1\s000,00\s€/)).toBeTruthy();
  });

  it('a one-month dispositif keeps the single monthly amount', () => {
    render(<BudgetForm value={{ resources: [{ kind: 'rsa', amount: '646,52', label: '' }], charges: [] }} onChange={() => undefined} />);
    expect(screen.getByLabelText('RSA — montant mensuel (€)')).toBeTruthy();
    expect(screen.queryByLabelText(/il y a deux mois/)).toBeNull();
  });

  it('gives every line its own labels (RGAA 11.2), the column headers shown once', () => {
    const { container } = render(
      <BudgetForm
        value={{ resources: [{ kind: 'rsa', amount: '646,52', label: '' }, { kind: 'apl_al', amount: '280', label: '' }], charges: [{ kind: 'loyer', amount: '420', label: '' }] }}
        onChange={() => undefined}
      />,
    );
    expect(screen.getByLabelText('APL / AL — montant mensuel (€)')).toHaveProperty('value', '280');
    expect(screen.getByLabelText('Loyer — montant mensuel (€)')).toHaveProperty('value', '420');
    const names = Array.from(container.querySelectorAll('input')).map((i) => i.labels?.[0]?.textContent ?? '');
    expect(new Set(names).size).toBe(names.length);
    const kinds = Array.from(container.querySelectorAll('.select-button')).map((b) => b.getAttribute('aria-labelledby') ?? '');
    const kindLabels = kinds.map((ids) => ids.split(' ').map((id) => container.ownerDocument.getElementById(id)?.textContent ?? '').join(' '));
    expect(kindLabels.map((l) => l.replace(/(RSA|APL \/ AL|Loyer)▾?/g, '').trim())).toEqual(['Nature — ressource 1', 'Nature — ressource 2', 'Nature — charge 1']);
    // « Montant mensuel (€) » is written once per side, as its column header.
    expect(container.querySelectorAll('.budget-head').length).toBe(2);
  });
});
