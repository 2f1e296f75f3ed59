/**
 * The parts of a record page: its facts (a fact left out is not shown), what it says (the
 * live region always present, so that a notice is announced), its tabs (labelled, each with
 * its panel, a click choosing one).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { NotLoaded, RecordFacts, RecordStatus, RecordTabs } from './RecordParts';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});
afterEach(cleanup);

describe('record parts', () => {
  it('lists the facts given, in order, without those left out, with their test ids and classes', () => {
    const { container } = render(
      <RecordFacts
        className="exp-header"
        facts={[{ term: 'Référent·e', value: 'Claire Conseillère' }, false, { term: 'Prochaine date', value: '12/01/2027 — Audience', testId: 'next', className: 'warning-text' }, null]}
      />,
    );
    expect(container.querySelector('dl')!.className).toBe('sur-header exp-header');
    expect([...container.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['Référent·e', 'Prochaine date']);
    expect(screen.getByTestId('next').textContent).toBe('12/01/2027 — Audience');
    expect(screen.getByTestId('next').className).toBe('warning-text');
  });

  it('says the warnings, then why it is read-only, then the notice in a live region, then the error', () => {
    const { container, rerender } = render(<RecordStatus warnings={['Délai dépassé.']} info={false} notice={null} />);
    const live = () => container.querySelector('.sur-live[aria-live="polite"]')!;
    expect(live().textContent).toBe('');
    expect(container.textContent).toBe('Délai dépassé. ');
    rerender(<RecordStatus warnings={['Délai dépassé.']} info="Lecture seule." notice="Étape enregistrée." error="Le poste hôte ne répond pas." />);
    expect(live().textContent).toBe('Étape enregistrée.');
    expect(container.textContent).toBe('Délai dépassé. Lecture seule.Étape enregistrée.Le poste hôte ne répond pas.');
  });

  it('shows the open tab’s panel under a labelled tab list, and tells which tab is chosen', () => {
    const chosen: string[] = [];
    render(<RecordTabs label="Onglets du dossier" tabs={['dettes', 'budget'] as const} title={(k) => (k === 'dettes' ? 'Dettes' : 'Budget')} selected="dettes" onSelect={(k) => chosen.push(k)} panels={{ dettes: <p>Liste des dettes</p>, budget: <p>Le budget</p> }} />);
    expect(screen.getByRole('tablist', { name: 'Onglets du dossier' })).toBeTruthy();
    expect(screen.getByRole('tabpanel').textContent).toBe('Liste des dettes');
    fireEvent.click(screen.getByRole('tab', { name: 'Budget' }));
    expect(chosen).toContain('budget');
  });

  it('says why a record is missing, or that it loads', () => {
    const { rerender } = render(<NotLoaded error={null} />);
    expect(screen.getByText('Chargement…')).toBeTruthy();
    rerender(<NotLoaded error="Ce dossier n’existe pas." />);
    expect(screen.getByText('Ce dossier n’existe pas.')).toBeTruthy();
  });
});
