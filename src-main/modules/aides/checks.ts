/** Checks of a decision's payment and of a règlement document: pure, each refusal names its field. */
import { PasseurError, refuseFields } from '../../shared/errors';
import { euros } from '../../shared/money';
import { plural } from '../../shared/french';
import type { Demande } from './engine';
import type { AidFields } from './contract';
import { NATURE_LABELS, type Nature, type PaymentMode } from './kinds';
import { parseReglement, type Dispositif, type Reglement } from './reglement';
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
  if (!disp.payment.modes.includes(p.paymentMode)) throw modeRefused(disp, p.paymentMode);
  // Every other problem at once, each on its field (a form shows them all together).
  const problems: Record<string, string> = {};
  if (p.paymentMode === 'cheques_accompagnement' && disp.payment.cheques) {
    const ch = disp.payment.cheques;
    if (p.cheques < 1 || p.cheques > ch.maxPerRequest || p.cheques * ch.valueCents !== grantedCents) {
      problems.cheques = `En chèques d’accompagnement personnalisé : de 1 à ${ch.maxPerRequest} chèques de ${euros(ch.valueCents)}, et le montant accordé doit en être le total.`;
    }
  }
  if (p.payeeKind !== 'beneficiaire' && !p.payeeName) problems.payeeName = 'Indiquez le nom du tiers payé.';
  if (p.paymentMode === 'virement_tiers' && p.payeeKind === 'beneficiaire') problems.payeeKind = 'Un virement à un tiers demande de choisir le tiers payé.';
  refuseFields(problems);
}

/** The age derogation a dispositif allows (FAJ: 16–17 years old, below its minimum age), or null. */
export function derogationOf(d: Dispositif): { fromAge: number; toAge: number } | null {
  const age = d.eligibility.age;
  return age?.derogationMin !== undefined && age.derogationMin < age.min ? { fromAge: age.derogationMin, toAge: age.min - 1 } : null;
}

/** The natures' French names, declared once beside the list (kinds.ts). */
export const NATURE_LABEL: Record<Nature, string> = NATURE_LABELS;
const MODE_LABEL: Record<PaymentMode, string> = {
  virement_beneficiaire: 'virement au bénéficiaire',
  virement_tiers: 'virement à un tiers',
  cheques_accompagnement: 'chèques d’accompagnement personnalisé',
};
const quoted = (xs: string[]) => xs.map((x) => `« ${x} »`).join(', ');
/** A payment mode the dispositif does not provide for, refused the same way on the request and on a decision. */
function modeRefused(disp: Dispositif, mode: PaymentMode): PasseurError {
  return new PasseurError(
    'invalid_input',
    `Le mode de paiement « ${MODE_LABEL[mode]} » n’est pas prévu par le dispositif « ${disp.label} » : choisissez parmi ${quoted(disp.payment.modes.map((m) => MODE_LABEL[m]))}.`,
    'paymentMode',
  );
}

/**
 * What a request asks checked against its dispositif in the règlement: the dispositif exists,
 * and allows the nature, the payment mode and, if asked, an age derogation. The form offers
 * only these; the API refuses anything else before writing (each refusal names its field).
 */
export function checkAllowed(reg: Reglement, f: Pick<AidFields, 'dispositif' | 'nature' | 'paymentMode' | 'derogation'>): void {
  const disp = reg.dispositifs.find((d) => d.code === f.dispositif);
  if (!disp) {
    throw new PasseurError('invalid_input', `Le dispositif « ${f.dispositif} » n’existe pas dans le règlement en vigueur : choisissez parmi ${quoted(reg.dispositifs.map((d) => d.label))}.`, 'dispositif');
  }
  if (!disp.natures.some((n) => n.code === f.nature)) {
    throw new PasseurError(
      'invalid_input',
      `La nature « ${NATURE_LABEL[f.nature]} » n’est pas prévue par le dispositif « ${disp.label} » : choisissez parmi ${quoted(disp.natures.map((n) => NATURE_LABEL[n.code]))}.`,
      'nature',
    );
  }
  if (!disp.payment.modes.includes(f.paymentMode)) throw modeRefused(disp, f.paymentMode);
  if (f.derogation && !derogationOf(disp)) {
    throw new PasseurError('invalid_input', `Le dispositif « ${disp.label} » ne prévoit pas de dérogation d’âge : décochez la dérogation.`, 'derogation');
  }
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
      `Règlement refusé, rien n’a été enregistré. ${plural(parsed.problems.length, 'problème', 'problèmes')} : ${first.join(' ; ')}${parsed.problems.length > 6 ? ' ; …' : ''}.`,
      parsed.problems[0]!.path,
    );
  }
  return { raw, reglement: parsed.reglement };
}
