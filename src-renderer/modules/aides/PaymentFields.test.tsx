/**
 * A decision's payment (the responsable's grant, the commission's decision) offers only the
 * payment modes the request's dispositif allows, as `aid:options` says for the request's date,
 * and never leaves a mode chosen that the dispositif does not allow.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AidOptions } from '../../../src-main/modules';
import i18n from '../../i18n';
import { PaymentFields, type PaymentDraft } from './Actions';

const dispositif = (code: string, paymentModes: AidOptions['dispositifs'][number]['paymentModes']) => ({
  code,
  label: code,
  description: '',
  natures: [],
  paymentModes,
  cheques: null,
  derogation: null,
  delegationCents: 30000,
  resourceMethod: 'aucun' as const,
});
const options = {
  reglement: { id: 1, code: 'exemple', version: 1 },
  dispositifs: [dispositif('secours_cd', ['virement_beneficiaire', 'virement_tiers', 'cheques_accompagnement']), dispositif('faj', ['virement_tiers', 'virement_beneficiaire'])],
};
const bridge = vi.fn();

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});
beforeEach(() => {
  bridge.mockReset().mockResolvedValue({ ok: true, value: options });
  window.passeur = { call: bridge, on: () => () => undefined };
});
afterEach(() => {
  cleanup();
  delete window.passeur;
});

const draft = (mode: PaymentDraft['mode']): PaymentDraft => ({ amount: '60', mode, cheques: '3', payeeKind: 'beneficiaire', payeeName: '', comment: '' });
const offered = async () => {
  const group = await screen.findByRole('radiogroup', { name: 'Mode de paiement' });
  return [...group.querySelectorAll('.radio')].map((r) => r.textContent);
};

describe('the payment of a decision', () => {
  it('offers the modes of the request’s dispositif under the règlement of its date, in the list’s order', async () => {
    render(<PaymentFields request={{ dispositif: 'faj', requestedOn: '2026-11-23' }} value={draft('virement_tiers')} onChange={() => undefined} errors={{}} />);
    expect(await offered()).toEqual(['Virement au bénéficiaire', 'Virement à un tiers (bailleur, fournisseur…)']);
    expect(bridge).toHaveBeenCalledWith('aid:options', { day: '2026-11-23' });
    cleanup();
    render(<PaymentFields request={{ dispositif: 'secours_cd', requestedOn: '2026-11-23' }} value={draft('virement_tiers')} onChange={() => undefined} errors={{}} />);
    expect(await offered()).toEqual(['Virement au bénéficiaire', 'Virement à un tiers (bailleur, fournisseur…)', 'Chèques d’accompagnement personnalisé']);
  });

  it('moves a mode the dispositif does not allow to the first it allows', async () => {
    const onChange = vi.fn();
    render(<PaymentFields request={{ dispositif: 'faj', requestedOn: '2026-11-23' }} value={draft('cheques_accompagnement')} onChange={onChange} errors={{}} />);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ mode: 'virement_beneficiaire' })));
    expect(await offered()).not.toContain('Chèques d’accompagnement personnalisé');
  });
});
