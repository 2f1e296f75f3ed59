/**
 * What the channel files share: the caller's day and audit row, the règlement in force, the
 * request as the caller may hold it (a request lives in a DSU: reading or writing it needs
 * the same access as the DSU), the demande as the engine sees it, and the request's view.
 */
import type { CallContext } from '../../api/app';
import type { AidOut } from './contract';
import { appendAudit } from '../../store/audit';
import { findUserById } from '../../store/users';
import { PasseurError } from '../../shared/errors';
import { hasAny, WORKERS } from '../../shared/roles';
import { frDate, localDay } from '../../shared/time';
import { evaluate, type Demande, type Evaluation } from './engine';
import { accessOf, dsuOr404, type DsuRow, getConsent, getPerson, householdOf, requireDsu, sessionOf } from './outside';
import type { Reglement } from './reglement';
import * as repo from './repo';
import { sessionDate } from './commission/repo';
import { aidCan, aidOut, fieldsOf, regRef, type Fields } from './views';
import type { Actor } from './workflow';

export function audit(ctx: CallContext, action: string, entity: string, entityId: number, detail?: Record<string, unknown>) {
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity, entityId, ...(detail ? { detail } : {}) }, ctx.now);
}
export const today = (ctx: CallContext) => localDay(ctx.now);

// Règlement in force -------------------------------------------------------------------------

/** The version in force on a day of the règlement providing the dispositif (else of the default règlement). */
export function reglementAt(ctx: CallContext, day: string, dispositif?: string): { row: repo.ReglementRow; reglement: Reglement } {
  const db = ctx.app.vault.db;
  const row = repo.reglementRowInForce(db, day, dispositif);
  if (!row) {
    throw new PasseurError(
      'conflict',
      `Aucun règlement des aides n’est en vigueur au ${frDate(day)} : un ou une responsable (ou l’administrateur) doit importer et activer la version applicable.`,
    );
  }
  return { row, reglement: repo.reglementDoc(db, row.id) };
}

/** The version the request was submitted under, else the one in force on its date. */
export function regOfAid(ctx: CallContext, a: repo.AidRow): Reglement {
  return a.reglementId !== null ? repo.reglementDoc(ctx.app.vault.db, a.reglementId) : reglementAt(ctx, a.requestedOn, a.dispositif).reglement;
}

/** Whether the request's dispositif, under the version it was submitted under, lets a responsable refuse it alone out of the barème. */
export function refusAutonomeOf(ctx: CallContext, a: repo.AidRow): boolean {
  if (a.reglementId === null) return false;
  return repo.reglementDoc(ctx.app.vault.db, a.reglementId).dispositifs.find((d) => d.code === a.dispositif)?.refusAutonome ?? false;
}

export function labelOf(ctx: CallContext, a: repo.AidRow): string {
  const db = ctx.app.vault.db;
  try {
    const reg = a.reglementId !== null ? repo.reglementDoc(db, a.reglementId) : reglementAt(ctx, a.requestedOn, a.dispositif).reglement;
    return reg.dispositifs.find((d) => d.code === a.dispositif)?.label ?? a.dispositif;
  } catch {
    return a.dispositif;
  }
}

// The demande as the engine sees it ----------------------------------------------------------

export function demandeOf(ctx: CallContext, f: Fields, dsu: DsuRow, exceptId: number | null): Demande {
  const db = ctx.app.vault.db;
  const h = householdOf(db, dsu.householdId)!;
  return {
    dispositif: f.dispositif,
    nature: f.nature,
    amountCents: f.amountCents,
    requestedOn: f.requestedOn,
    days: f.days,
    paymentMode: f.paymentMode as Demande['paymentMode'],
    cheques: f.cheques,
    derogation: f.derogation,
    household: {
      residesInDepartement: h.communeInsee !== null,
      pregnancy: f.pregnancy,
      members: h.members.map((m) => ({ role: m.role ?? 'autre', birthDate: m.birthDate, applicant: m.id === f.personId })),
    },
    budget: f.budget,
    history: repo.grantsOfDsu(db, dsu.id, exceptId),
  };
}

// The request and its caller -------------------------------------------------------------------

export function actorFor(ctx: CallContext, dsu: DsuRow): Actor {
  const s = sessionOf(ctx);
  const access = accessOf(ctx, dsu);
  return {
    userId: s.userId,
    instructs: hasAny(s.roles, WORKERS) && access !== null && dsu.status === 'actif',
    responsable: s.roles.includes('responsable'),
  };
}

export function aidOr404(ctx: CallContext, id: number): repo.AidRow {
  const a = repo.getAid(ctx.app.vault.db, id);
  if (!a) throw new PasseurError('not_found', 'Cette demande d’aide n’existe pas.');
  return a;
}

/** The request, if the caller may hold its DSU (throws the DSU's own refusal otherwise). */
export function requireAid(ctx: CallContext, id: number, mode: 'read' | 'write'): { aid: repo.AidRow; dsu: DsuRow } {
  const aid = aidOr404(ctx, id);
  const { dsu } = requireDsu(ctx, aid.dsuId, mode);
  return { aid, dsu };
}

export function userRef(ctx: CallContext, id: number | null) {
  if (id === null) return null;
  const u = findUserById(ctx.app.vault.db, id);
  return { id, displayName: u?.displayName ?? '—' };
}

// The request's view -----------------------------------------------------------------------------

export function aidView(ctx: CallContext, id: number): AidOut {
  const db = ctx.app.vault.db;
  const a = aidOr404(ctx, id);
  const dsu = dsuOr404(db, a.dsuId);
  const h = householdOf(db, dsu.householdId)!;
  const person = getPerson(db, a.personId)!;
  const fields = fieldsOf(a);
  let evaluation: Evaluation | null = a.evaluation ? (JSON.parse(a.evaluation) as Evaluation) : null;
  let evaluationError: string | null = null;
  let reglement = a.reglementId !== null ? regRef(repo.reglementRow(db, a.reglementId)!) : null;
  if (a.status === 'brouillon' || a.status === 'ajournee' || evaluation === null) {
    try {
      const r = reglementAt(ctx, a.requestedOn, a.dispositif);
      evaluation = evaluate(demandeOf(ctx, fields, dsu, a.id), r.reglement);
      reglement = regRef(r.row);
    } catch (e) {
      evaluationError = e instanceof PasseurError ? e.message : 'Évaluation impossible.';
    }
  }
  const can = aidCan(a, actorFor(ctx, dsu), refusAutonomeOf(ctx, a));
  return aidOut(a, {
    fields,
    dsu,
    person,
    householdSize: h.members.length,
    communeName: h.communeName,
    dispositifLabel: labelOf(ctx, a),
    partner: a.originPartnerId !== null ? repo.findPartner(db, a.originPartnerId) : undefined,
    consent: a.consentId !== null ? getConsent(db, a.consentId) : undefined,
    session: a.commissionId !== null ? sessionDate(db, a.commissionId) : null,
    reglement,
    evaluation,
    evaluationError,
    createdBy: userRef(ctx, a.createdBy)!,
    submittedBy: userRef(ctx, a.submittedBy),
    takenBy: userRef(ctx, a.takenBy),
    decisions: repo.decisions(db, a.id),
    events: repo.events(db, a.id),
    history: repo.historyOfDsu(db, dsu.id, a.requestedOn, a.id),
    can,
  });
}
