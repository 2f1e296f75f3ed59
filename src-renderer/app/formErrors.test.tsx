/**
 * A refused form shows every error at once (RGAA 11.10): each faulty field says its own
 * sentence (aria-invalid, described by it), one summary takes the focus, and a sentence that
 * belongs to no field shown is listed in the summary rather than lost.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ApiError } from '../api';
import { ErrorSummary, SelectField, TextInput } from '../ui/components';
import { formErrors, useFormErrors } from './errors';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});
afterEach(cleanup);

describe('formErrors', () => {
  it('puts each sentence beside its field and counts them all in the summary', () => {
    const e = new ApiError('invalid_input', 'Organisme : à renseigner.', 'organisation', { organisation: 'Organisme : à renseigner.', email: 'Courriel : adresse invalide.' });
    const r = formErrors(e, ['organisation', 'email', 'phone']);
    expect(r.fields).toEqual({ organisation: 'Organisme : à renseigner.', email: 'Courriel : adresse invalide.' });
    expect(r.message).toBe('Le formulaire contient 2 erreurs : corrigez les champs signalés.');
    expect(r.others).toEqual([]);
  });

  it('counts a single field error in the summary, its sentence beside the field', () => {
    const r = formErrors(new ApiError('invalid_input', 'Durée : trop courte.', 'durationMin'), ['durationMin']);
    expect(r.message).toBe('Le formulaire contient une erreur : corrigez le champ signalé.');
    expect(r.fields).toEqual({ durationMin: 'Durée : trop courte.' });
    expect(r.others).toEqual([]);
  });

  it('maps several contract paths onto one field, the first path winning', () => {
    const e = new ApiError('invalid_input', 'x', 'startsAt', { startsAt: 'Début : jour fermé.', durationMin: 'Durée : trop longue.' });
    const r = formErrors(e, { date: ['date', 'startsAt'], durationMin: ['durationMin'] });
    expect(r.fields).toEqual({ date: 'Début : jour fermé.', durationMin: 'Durée : trop longue.' });
  });

  it('lists in the summary what belongs to no field shown, and a refusal that names no field', () => {
    const hidden = formErrors(new ApiError('invalid_input', 'a', 'payment.iban', { 'payment.iban': 'IBAN : invalide.', place: 'Lieu : trop long.' }), ['place']);
    expect(hidden.fields).toEqual({ place: 'Lieu : trop long.' });
    expect(hidden.others).toEqual(['IBAN : invalide.']);
    expect(hidden.message).toBe('Le formulaire contient 2 erreurs : corrigez les champs signalés.');
    const general = formErrors(new ApiError('conflict', 'Ce créneau est déjà pris : choisissez-en un autre.'), ['place']);
    expect(general.fields).toEqual({});
    expect(general.message).toBe('Ce créneau est déjà pris : choisissez-en un autre.');
  });

  it('merges the form’s own checks with the refusal', () => {
    const r = formErrors(undefined, ['date', 'time'], { date: 'Date : invalide.', time: 'Heure : invalide.' });
    expect(Object.keys(r.fields)).toEqual(['date', 'time']);
  });
});

function Demo({ refusal }: { refusal: ApiError }) {
  const [name, setName] = useState('typed');
  const [mail, setMail] = useState('');
  const form = useFormErrors(['name', 'mail']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.fail(refusal);
  };
  return (
    <Form onSubmit={submit} validationBehavior="aria">
      <TextInput label="Nom" name="name" value={name} onChange={setName} isRequired error={form.of('name')} />
      <TextInput label="Courriel" name="mail" value={mail} onChange={setMail} error={form.of('mail')} />
      <ErrorSummary errors={form.errors} />
      <button type="submit">Enregistrer</button>
    </Form>
  );
}

describe('useFormErrors with the components', () => {
  it('marks every faulty field invalid, describes it by its sentence, focuses the summary, keeps what was typed', () => {
    const refusal = new ApiError('invalid_input', 'Nom : trop long.', 'name', { name: 'Nom : trop long.', mail: 'Courriel : adresse invalide.' });
    render(<Demo refusal={refusal} />);
    expect(screen.getByText('Obligatoire')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const name = screen.getByLabelText('Nom', { exact: true }) as HTMLInputElement;
    const mail = screen.getByLabelText('Courriel') as HTMLInputElement;
    for (const [input, sentence] of [
      [name, 'Nom : trop long.'],
      [mail, 'Courriel : adresse invalide.'],
    ] as const) {
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
      expect(described).toContain(sentence);
    }
    expect(name.value).toBe('typed');
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toBe('Le formulaire contient 2 erreurs : corrigez les champs signalés.');
    expect(document.activeElement).toBe(summary);
    // A second refusal focuses the summary again, even with the same errors.
    name.focus();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });
});

describe('a select field', () => {
  it('is read with « Obligatoire » and its error, and says it is invalid', () => {
    render(<SelectField label="Organisme" value={null} onChange={() => undefined} options={[{ id: 'caf', label: 'CAF' }]} isRequired error="Organisme : indiquez la CAF ou la MSA." />);
    const button = screen.getByRole('button', { name: /Organisme/ });
    expect(button.getAttribute('aria-invalid')).toBe('true');
    const described = (button.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    expect(described).toEqual(['Obligatoire', 'Organisme : indiquez la CAF ou la MSA.']);
  });
});
