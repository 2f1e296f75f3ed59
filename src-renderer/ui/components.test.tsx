/**
 * The shared controls' accessibility promises (RGAA 7.3, 11.10): a radio list with nothing
 * chosen is reachable with Tab, whatever "nothing" its caller passes; required fields and
 * expected formats are written under the label and read with the field.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { RadioList, SelectField, TextInput } from './components';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});
afterEach(cleanup);

const people = [
  { value: '1', label: 'GARCIA Luis — 01/01/1960' },
  { value: '2', label: 'GARCIA Luis — 06 11 11 11 11' },
];

describe('RadioList (RGAA 7.3)', () => {
  it.each([
    ['null', null],
    ['an empty string', ''],
  ])('with %s as value, every radio is in the Tab order and none is checked', (_what, value) => {
    render(<RadioList label="Personne" value={value} onChange={() => undefined} options={people} />);
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('tabindex'))).not.toContain('-1');
    expect(radios.some((r) => (r as HTMLInputElement).checked)).toBe(false);
  });

  it('with a value, the chosen radio is the one in the Tab order', () => {
    render(<RadioList label="Personne" value="2" onChange={() => undefined} options={people} />);
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.checked)).toEqual([false, true]);
    expect(radios[1]!.getAttribute('tabindex')).not.toBe('-1');
  });
});

describe('field hints (RGAA 11.10)', () => {
  const describedBy = (el: HTMLElement) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');

  it('a required date says « Obligatoire, format jj/mm/aaaa » under its label, read with the field', () => {
    render(<TextInput label="Date de naissance" name="birthDate" value="" onChange={() => undefined} isRequired format="date" />);
    const input = screen.getByLabelText('Date de naissance');
    expect(screen.getByText('Obligatoire, format jj/mm/aaaa')).toBeTruthy();
    expect(describedBy(input)).toContain('Obligatoire, format jj/mm/aaaa');
    expect(input.getAttribute('aria-required')).toBe('true');
  });

  it('an optional field with help shows only its help; an error sets aria-invalid and is read with the field', () => {
    render(<TextInput label="Téléphone" name="phone" value="12" onChange={() => undefined} description="10 chiffres" error="Téléphone : 10 chiffres attendus." />);
    const input = screen.getByLabelText('Téléphone');
    expect(screen.queryByText(/Obligatoire/)).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)).toContain('10 chiffres');
    expect(describedBy(input)).toContain('Téléphone : 10 chiffres attendus.');
  });

  it('a required select and radio list say so', () => {
    render(
      <>
        <SelectField label="Dispositif" value={null} onChange={() => undefined} options={[{ id: 'faj', label: 'FAJ' }]} isRequired />
        <RadioList label="Mode" value={null} onChange={() => undefined} options={people} isRequired />
      </>,
    );
    expect(screen.getAllByText('Obligatoire')).toHaveLength(2);
    expect(screen.getByRole('radiogroup').getAttribute('aria-required')).toBe('true');
  });
});
