/** Checks of a decision's payment and of a règlement document: pure, each refusal names its field. */
import { PasseurError } from '../../shared/errors';
import { euros } from '../../shared/money';
import type { Demande } from './engine';
import { parseReglement, type Reglement } from './reglement';
import type { AidRow } from './repo';

export interface Payment {
  paymentMode: Demande['paymentMode'];
  cheques: number;
  payeeKind: string;
  payeeName: string;
}
export function checkPayment(reg: Reglement, a: AidRow, grantedCents: number, p: Payment): void {
  const disp = reg.dispositifs.find((d) => d.code === a.dispositif);
  if (!disp) return;
  if (!disp.payment.modes.includes(p.paymentMode)) throw new PasseurError('invalid_input', `Ce mode de paiement n’est pas prévu pour ${disp.label}.`, 'paymentMode');
  if (p.paymentMode === 'cheques_accompagnement' && disp.payment.cheques) {
    const ch = disp.payment.cheques;
    if (p.cheques < 1 || p.cheques > ch.maxPerRequest || p.cheques * ch.valueCents !== grantedCents) {
      throw new PasseurError('invalid_input', `En chèques d’accompagnement personnalisé : de 1 à ${ch.maxPerRequest} chèques de ${euros(ch.valueCents)}, et le montant accordé doit en être le total.`, 'cheques');
    }
  }
  if (p.payeeKind !== 'beneficiaire' && !p.payeeName) throw new PasseurError('invalid_input', 'Indiquez le nom du tiers payé.', 'payeeName');
  if (p.paymentMode === 'virement_tiers' && p.payeeKind === 'beneficiaire') throw new PasseurError('invalid_input', 'Un virement à un tiers demande de choisir le tiers payé.', 'payeeKind');
}

/** A règlement document checked like an import: JSON, then the schema, every problem named with its field. */
export function checkedReglement(document: string): { raw: unknown; reglement: Reglement } {
  let raw: unknown;
  try {
    raw = JSON.parse(document.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new PasseurError('invalid_input', `Le fichier n’est pas un JSON valide (${(e as Error).message}). Exportez le règlement au format JSON.`, 'document');
  }
  const parsed = parseReglement(raw);
  if (!parsed.ok) {
    const first = parsed.problems.slice(0, 6).map((p) => `${p.path} : ${p.message}`);
    throw new PasseurError(
      'invalid_input',
      `Règlement refusé, rien n’a été enregistré. ${parsed.problems.length} problème(s) : ${first.join(' ; ')}${parsed.problems.length > 6 ? ' ; …' : ''}.`,
      parsed.problems[0]!.path,
    );
  }
  return { raw, reglement: parsed.reglement };
}
