/**
 * Channels `aid:*`, `commission:*`, `envelope:*`, `reglement:*` (DOMAIN §4). A request lives
 * in a DSU: reading or writing it needs the same access as the DSU (référent,
 * co-intervenant, responsable, exceptional access). Every change writes its audit row and
 * its event in the same transaction.
 */
import type { CallContext, Handler } from '../../api/dispatch';
import type { Channel } from '../../api/contract';
import type { ActInput, AidOut, AidStatus } from '../../api/contract-aides';
import { appendAudit } from '../../auth/audit';
import type { Db } from '../../store/database';
import { findUserById } from '../../auth/users';
import { PasseurError } from '../../shared/errors';
import { euros } from '../../shared/money';
import { addDays, frDate, localDay } from '../../shared/time';
import { siteRow } from '../admin/repo';
import { accessOf, dsuOr404, requireDsu, sessionOf } from '../dsu/access';
import * as dsuRepo from '../dsu/repo';
import { getPerson, householdOf } from '../persons/repo';
import { evaluate, twelveMonthsBefore, type Demande, type Evaluation } from './engine';
import { renderAgenda, renderLetter } from './letters';
import { envelopeGroups, parseReglement, type EnvelopeGroup, type Reglement } from './reglement';
import * as repo from './repo';
import { allowedActions, checkAction, type Actor } from './workflow';

type Fields = Omit<repo.AidWrite, never>;

function audit(ctx: CallContext, action: string, entity: string, entityId: number, detail?: Record<string, unknown>) {
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity, entityId, ...(detail ? { detail } : {}) }, ctx.now);
}
const today = (ctx: CallContext) => localDay(ctx.now);

// Règlement in force -------------------------------------------------------------------------

export function reglementAt(ctx: CallContext, day: string): { row: repo.ReglementRow; reglement: Reglement } {
  const db = ctx.app.vault.db;
  const row = repo.reglementRowInForce(db, day);
  if (!row) {
    throw new PasseurError(
      'conflict',
      `Aucun règlement des aides n’est en vigueur au ${frDate(day)} : un ou une responsable (ou l’administrateur) doit importer et activer la version applicable.`,
    );
  }
  return { row, reglement: repo.reglementDoc(db, row.id) };
}
const regRef = (r: repo.ReglementRow) => ({ id: r.id, code: r.code, version: r.version, title: r.title });

// The demande as the engine sees it ----------------------------------------------------------

function checkFields(ctx: CallContext, f: Fields, dsu: dsuRepo.DsuRow): void {
  const db = ctx.app.vault.db;
  const person = getPerson(db, f.personId);
  if (!person || person.householdId !== dsu.householdId || person.mergedInto !== null) {
    throw new PasseurError('invalid_input', 'Le bénéficiaire doit être une personne du foyer de ce dossier.', 'personId');
  }
  if (f.requestedOn > today(ctx)) throw new PasseurError('invalid_input', 'La date de la demande ne peut pas être dans le futur.', 'requestedOn');
  if (f.origin === 'partenaire') {
    if (f.originPartnerId === null) throw new PasseurError('invalid_input', 'Indiquez le partenaire qui a orienté la demande.', 'originPartnerId');
    if (db.prepare('SELECT 1 FROM partners WHERE id = ?').get(f.originPartnerId) === undefined) {
      throw new PasseurError('invalid_input', 'Ce partenaire n’existe pas dans l’annuaire.', 'originPartnerId');
    }
  }
  if (f.payeeKind !== 'beneficiaire' && !f.payeeName) {
    throw new PasseurError('invalid_input', 'Indiquez le nom du tiers payé (bailleur, fournisseur, établissement…).', 'payeeName');
  }
  if (f.paymentMode === 'virement_tiers' && f.payeeKind === 'beneficiaire') {
    throw new PasseurError('invalid_input', 'Un virement à un tiers demande de choisir le tiers payé (bailleur, fournisseur…).', 'payeeKind');
  }
  if (f.consentId !== null) {
    const c = dsuRepo.getConsent(db, f.consentId);
    if (!c || c.dsuId !== dsu.id) throw new PasseurError('invalid_input', 'Ce consentement n’est pas enregistré dans ce dossier.', 'consentId');
  }
}

export function demandeOf(ctx: CallContext, f: Fields, dsu: dsuRepo.DsuRow, exceptId: number | null): Demande {
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

const fieldsOf = (a: repo.AidRow): Fields => ({
  dsuId: a.dsuId,
  personId: a.personId,
  requestedOn: a.requestedOn,
  dispositif: a.dispositif,
  nature: a.nature,
  object: a.object,
  amountCents: a.amountCents,
  days: a.days,
  paymentMode: a.paymentMode,
  cheques: a.cheques,
  payeeKind: a.payeeKind,
  payeeName: a.payeeName,
  derogation: a.derogation === 1,
  pregnancy: a.pregnancy === 1,
  urgent: a.urgent === 1,
  origin: a.origin,
  originPartnerId: a.originPartnerId,
  noteSociale: a.noteSociale,
  budget: JSON.parse(a.budget) as Fields['budget'],
  consentId: a.consentId,
});

// Views ----------------------------------------------------------------------------------------

function actorFor(ctx: CallContext, dsu: dsuRepo.DsuRow): Actor {
  const s = sessionOf(ctx);
  const access = accessOf(ctx, dsu);
  return {
    userId: s.userId,
    instructs: (s.roles.includes('ass') || s.roles.includes('cesf')) && access !== null && dsu.status === 'actif',
    responsable: s.roles.includes('responsable'),
  };
}

function aidOr404(ctx: CallContext, id: number): repo.AidRow {
  const a = repo.getAid(ctx.app.vault.db, id);
  if (!a) throw new PasseurError('not_found', 'Cette demande d’aide n’existe pas.');
  return a;
}

/** The request, if the caller may hold its DSU (throws the DSU's own refusal otherwise). */
function requireAid(ctx: CallContext, id: number, mode: 'read' | 'write'): { aid: repo.AidRow; dsu: dsuRepo.DsuRow } {
  const aid = aidOr404(ctx, id);
  const { dsu } = requireDsu(ctx, aid.dsuId, mode);
  return { aid, dsu };
}

function labelOf(ctx: CallContext, a: repo.AidRow): string {
  const db = ctx.app.vault.db;
  try {
    const reg = a.reglementId !== null ? repo.reglementDoc(db, a.reglementId) : reglementAt(ctx, a.requestedOn).reglement;
    return reg.dispositifs.find((d) => d.code === a.dispositif)?.label ?? a.dispositif;
  } catch {
    return a.dispositif;
  }
}

function userRef(ctx: CallContext, id: number | null) {
  if (id === null) return null;
  const u = findUserById(ctx.app.vault.db, id);
  return { id, displayName: u?.displayName ?? '—' };
}

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
      const r = reglementAt(ctx, a.requestedOn);
      evaluation = evaluate(demandeOf(ctx, fields, dsu, a.id), r.reglement);
      reglement = regRef(r.row);
    } catch (e) {
      evaluationError = e instanceof PasseurError ? e.message : 'Évaluation impossible.';
    }
  }
  const actor = actorFor(ctx, dsu);
  const facts = { status: a.status, createdBy: a.createdBy, submittedBy: a.submittedBy };
  const can: AidOut['can'] = allowedActions(facts, actor).filter((x) => x !== 'grant' || a.route === 'validation');
  if ((a.status === 'brouillon' || a.status === 'ajournee') && actor.instructs) can.push('edit');
  if (a.status === 'accordee' && actor.responsable) can.push('payment');
  if (a.decisionId !== null) can.push('letter');
  const consent = a.consentId !== null ? dsuRepo.getConsent(db, a.consentId) : undefined;
  const partner = a.originPartnerId !== null ? (db.prepare('SELECT organisation, service FROM partners WHERE id = ?').get(a.originPartnerId) as { organisation: string; service: string } | undefined) : undefined;
  const session = a.commissionId !== null ? (db.prepare('SELECT id, held_on AS heldOn FROM commission_sessions WHERE id = ?').get(a.commissionId) as { id: number; heldOn: string }) : null;
  return {
    id: a.id,
    number: a.number,
    dsu: { id: dsu.id, number: dsu.number, referent: { id: dsu.referentId, displayName: dsu.referentName } },
    person: { id: person.id, name: `${(person.usageName || person.birthName).toUpperCase()} ${person.firstNames}` },
    householdSize: h.members.length,
    communeName: h.communeName,
    // The request's own fields, as the form sends them (ids are stripped by the contract).
    ...fields,
    dispositifLabel: labelOf(ctx, a),
    payeeKind: a.payeeKind as AidOut['payeeKind'],
    originPartner: partner && a.originPartnerId !== null ? { id: a.originPartnerId, name: partner.service ? `${partner.organisation} — ${partner.service}` : partner.organisation } : null,
    consent: consent ? { id: consent.id, recipient: consent.recipient, givenOn: consent.givenOn, withdrawnOn: consent.withdrawnOn } : null,
    status: a.status,
    reglement,
    evaluation,
    evaluationError,
    createdBy: userRef(ctx, a.createdBy)!,
    createdAt: a.createdAt,
    submittedBy: userRef(ctx, a.submittedBy),
    submittedAt: a.submittedAt,
    takenBy: userRef(ctx, a.takenBy),
    opinion: a.opinion,
    opinionFavorable: a.opinionFavorable === null ? null : a.opinionFavorable === 1,
    commission: session,
    appealOn: a.appealOn,
    appealReason: a.appealReason,
    grantedCents: a.grantedCents,
    decidedOn: a.decidedOn,
    mandatedOn: a.mandatedOn,
    paidOn: a.paidOn,
    closeReason: a.closeReason,
    decisions: repo.decisions(db, a.id),
    events: repo.events(db, a.id),
    history: repo.historyOfDsu(db, dsu.id, a.requestedOn, a.id),
    can,
  };
}

// Envelopes --------------------------------------------------------------------------------------

const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** Granted (engaged) and paid amounts of the year over some dispositifs. */
function engagedIn(db: Db, year: number, dispositifs: readonly string[]): { n: number; engaged: number; paid: number } {
  const [from, to] = yearBounds(year);
  return db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(granted_cents), 0) AS engaged, coalesce(sum(CASE WHEN paid_on IS NOT NULL THEN granted_cents ELSE 0 END), 0) AS paid
       FROM aid_requests WHERE status = 'accordee' AND decided_on >= ? AND decided_on <= ? AND dispositif IN (SELECT value FROM json_each(?))`,
    )
    .get(from, to, JSON.stringify(dispositifs)) as { n: number; engaged: number; paid: number };
}

/** The envelope a dispositif draws on this year, per the règlement in force today (else the request's). */
function envelopeOf(ctx: CallContext, a: repo.AidRow): EnvelopeGroup {
  let reg: Reglement;
  try {
    reg = reglementAt(ctx, today(ctx)).reglement;
  } catch {
    reg = regOfAid(ctx, a);
  }
  return envelopeGroups(reg).find((g) => g.dispositifs.includes(a.dispositif)) ?? { code: a.dispositif, label: a.dispositif, dispositifs: [a.dispositif] };
}

function checkEnvelope(ctx: CallContext, a: repo.AidRow, grantedCents: number, confirmed: boolean): void {
  const year = ctx.now.getFullYear();
  const group = envelopeOf(ctx, a);
  const env = ctx.app.vault.db.prepare('SELECT voted_cents AS v FROM aid_envelopes WHERE year = ? AND envelope = ?').get(year, group.code) as { v: number } | undefined;
  if (!env || confirmed) return;
  const { engaged } = engagedIn(ctx.app.vault.db, year, group.dispositifs);
  if (engaged + grantedCents > env.v) {
    throw new PasseurError(
      'envelope_exceeded',
      `L’enveloppe ${year} « ${group.label} » serait dépassée : ${euros(engaged)} déjà engagés + ${euros(grantedCents)} > ${euros(env.v)} votés. Confirmez l’accord au-delà de l’enveloppe si vous le décidez.`,
    );
  }
}

// Decisions ---------------------------------------------------------------------------------------

interface Payment {
  paymentMode: Demande['paymentMode'];
  cheques: number;
  payeeKind: string;
  payeeName: string;
}
function checkPayment(reg: Reglement, a: repo.AidRow, grantedCents: number, p: Payment): void {
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

function regOfAid(ctx: CallContext, a: repo.AidRow): Reglement {
  return a.reglementId !== null ? repo.reglementDoc(ctx.app.vault.db, a.reglementId) : reglementAt(ctx, a.requestedOn).reglement;
}

function decide(
  ctx: CallContext,
  a: repo.AidRow,
  body: 'responsable' | 'commission',
  commissionId: number | null,
  decidedOn: string,
  d: { decision: 'accordee'; grantedCents: number; payment: Payment; comment: string } | { decision: 'refusee' | 'ajournee'; reasons: string },
): void {
  const db = ctx.app.vault.db;
  const s = sessionOf(ctx);
  const granted = d.decision === 'accordee';
  const decisionId = repo.insertDecision(
    db,
    {
      requestId: a.id,
      body,
      commissionId,
      decision: d.decision,
      grantedCents: granted ? d.grantedCents : null,
      paymentMode: granted ? d.payment.paymentMode : null,
      cheques: granted ? d.payment.cheques : 0,
      payeeKind: granted ? d.payment.payeeKind : null,
      payeeName: granted ? d.payment.payeeName : null,
      reasons: granted ? d.comment : d.reasons,
      appeal: a.appealOn !== null,
      decidedOn,
      decidedBy: s.userId,
    },
    ctx.now,
  );
  repo.setAid(
    db,
    a.id,
    {
      status: d.decision,
      decision_id: decisionId,
      granted_cents: granted ? d.grantedCents : null,
      decided_on: decidedOn,
      ...(granted ? { payment_mode: d.payment.paymentMode, cheques: d.payment.cheques, payee_kind: d.payment.payeeKind, payee_name: d.payment.payeeName } : {}),
    },
    ctx.now,
  );
  repo.addEvent(db, a.id, s.userId, body === 'commission' ? 'decide' : d.decision === 'accordee' ? 'grant' : d.decision === 'refusee' ? 'refuse' : 'adjourn', a.status, d.decision, granted ? d.comment : d.reasons, ctx.now);
  audit(ctx, `aid.${d.decision}`, 'aid', a.id, { body, decision: decisionId, ...(granted ? { grantedCents: d.grantedCents } : {}) });
}

function act(ctx: CallContext, input: ActInput): void {
  const db = ctx.app.vault.db;
  const s = sessionOf(ctx);
  const { aid: a, dsu } = requireAid(ctx, input.id, 'read');
  const actor = actorFor(ctx, dsu);
  checkAction(input.action, { status: a.status, createdBy: a.createdBy, submittedBy: a.submittedBy }, actor);
  const day = today(ctx);
  const event = (to: AidStatus, comment = '') => repo.addEvent(db, a.id, s.userId, input.action, a.status, to, comment, ctx.now);

  switch (input.action) {
    case 'submit': {
      if (!a.noteSociale.trim()) throw new PasseurError('invalid_input', 'Rédigez la note sociale avant de soumettre la demande.', 'noteSociale');
      const { row, reglement } = reglementAt(ctx, a.requestedOn);
      const demande = demandeOf(ctx, fieldsOf(a), dsu, a.id);
      const e = evaluate(demande, reglement);
      if (e.outcome === 'non_conforme') {
        throw new PasseurError('invalid_input', `La demande n’est pas complète : ${e.reasons.join(' ')}`);
      }
      db.transaction(() => {
        repo.setAid(
          db,
          a.id,
          { status: 'soumise', reglement_id: row.id, demande: JSON.stringify(demande), evaluation: JSON.stringify(e), outcome: e.outcome, route: e.route, submitted_by: s.userId, submitted_at: ctx.now.toISOString(), taken_by: null },
          ctx.now,
        );
        event('soumise', e.outcome === 'dans_bareme' ? (e.route === 'validation' ? 'Dans le barème et la délégation' : 'Dans le barème, au-delà de la délégation') : 'Hors barème');
        audit(ctx, 'aid.submit', 'aid', a.id, { reglement: row.id, outcome: e.outcome });
      })();
      return;
    }
    case 'recall':
      db.transaction(() => {
        repo.setAid(db, a.id, { status: 'brouillon', submitted_by: null, submitted_at: null, demande: null, evaluation: null, outcome: null, route: null, reglement_id: null }, ctx.now);
        event('brouillon');
        audit(ctx, 'aid.recall', 'aid', a.id);
      })();
      return;
    case 'take':
      db.transaction(() => {
        repo.setAid(db, a.id, { status: 'a_valider', taken_by: s.userId }, ctx.now);
        event('a_valider');
        audit(ctx, 'aid.take', 'aid', a.id);
      })();
      return;
    case 'grant': {
      if (a.route !== 'validation') {
        throw new PasseurError('conflict', 'Cette demande est hors barème ou au-delà de la délégation : donnez votre avis et envoyez-la en commission.');
      }
      const e = JSON.parse(a.evaluation!) as Evaluation;
      const reg = regOfAid(ctx, a);
      // Another aid may have been granted to the household since the submission: the
      // frequency rules are checked again on the day of the decision, same version.
      const stored = JSON.parse(a.demande!) as Demande;
      const today_ = evaluate({ ...stored, requestedOn: day > stored.requestedOn ? day : stored.requestedOn, history: repo.grantsOfDsu(db, a.dsuId, a.id) }, reg);
      if (today_.outcome !== 'dans_bareme') {
        throw new PasseurError('conflict', `Depuis sa soumission, cette demande n’est plus dans le barème : ${today_.reasons.join(' ')} Donnez votre avis et envoyez-la en commission.`);
      }
      const delegation = reg.dispositifs.find((d) => d.code === a.dispositif)!.delegationCents;
      const limit = Math.min(e.ceilingCents ?? Number.MAX_SAFE_INTEGER, delegation);
      if (input.grantedCents > limit) {
        throw new PasseurError('invalid_input', `Le montant accordé dépasse le plafond ou la délégation (${euros(limit)}) : réduisez-le ou envoyez la demande en commission.`, 'grantedCents');
      }
      checkPayment(reg, a, input.grantedCents, input);
      checkEnvelope(ctx, a, input.grantedCents, input.confirmEnvelope);
      db.transaction(() => decide(ctx, a, 'responsable', null, day, { decision: 'accordee', grantedCents: input.grantedCents, payment: input, comment: input.comment }))();
      return;
    }
    case 'refuse':
      db.transaction(() => decide(ctx, a, 'responsable', null, day, { decision: 'refusee', reasons: input.reasons }))();
      return;
    case 'adjourn':
      db.transaction(() => decide(ctx, a, 'responsable', null, day, { decision: 'ajournee', reasons: input.missingDocuments }))();
      return;
    case 'toCommission':
      db.transaction(() => {
        repo.setAid(db, a.id, { status: 'en_commission', opinion: input.opinion, opinion_favorable: input.favorable ? 1 : 0, taken_by: a.takenBy ?? s.userId }, ctx.now);
        event('en_commission', `${input.favorable ? 'Avis favorable' : 'Avis défavorable'} : ${input.opinion}`);
        audit(ctx, 'aid.to_commission', 'aid', a.id, { favorable: input.favorable });
      })();
      return;
    case 'classify':
      db.transaction(() => {
        repo.setAid(db, a.id, { status: 'classee_sans_suite', close_reason: input.reason, commission_id: null }, ctx.now);
        event('classee_sans_suite', input.reason);
        audit(ctx, 'aid.classify', 'aid', a.id);
      })();
      return;
    case 'appeal':
      if (input.appealOn > day) throw new PasseurError('invalid_input', 'La date du recours ne peut pas être dans le futur.', 'appealOn');
      if (a.decidedOn && input.appealOn < a.decidedOn) throw new PasseurError('invalid_input', `Le recours ne peut pas précéder la décision du ${frDate(a.decidedOn)}.`, 'appealOn');
      if (a.appealOn !== null) throw new PasseurError('conflict', `Un recours gracieux a déjà été formé le ${frDate(a.appealOn)} ; la décision prise sur recours est définitive pour cette voie.`);
      db.transaction(() => {
        repo.setAid(db, a.id, { status: 'en_commission', appeal_on: input.appealOn, appeal_reason: input.reason, commission_id: null }, ctx.now);
        event('en_commission', `Recours gracieux du ${frDate(input.appealOn)} : ${input.reason}`);
        audit(ctx, 'aid.appeal', 'aid', a.id);
      })();
      return;
  }
}

// Commission -------------------------------------------------------------------------------------

interface SessionRow {
  id: number;
  heldOn: string;
  place: string;
  members: string;
  status: 'prevue' | 'tenue';
}
function sessionOr404(ctx: CallContext, id: number): SessionRow {
  const r = ctx.app.vault.db.prepare('SELECT id, held_on AS heldOn, place, members, status FROM commission_sessions WHERE id = ?').get(id) as SessionRow | undefined;
  if (!r) throw new PasseurError('not_found', 'Cette séance de commission n’existe pas.');
  return r;
}
function sessionOut(ctx: CallContext, r: SessionRow) {
  const counts = ctx.app.vault.db
    .prepare(
      `SELECT count(*) AS n, sum(CASE WHEN a.status <> 'en_commission' THEN 1 ELSE 0 END) AS d FROM aid_requests a WHERE a.commission_id = ?`,
    )
    .get(r.id) as { n: number; d: number | null };
  return { id: r.id, heldOn: r.heldOn, place: r.place, members: JSON.parse(r.members) as string[], status: r.status, requests: counts.n, decided: counts.d ?? 0 };
}

function consentInForce(ctx: CallContext, a: repo.AidRow, on: string): boolean {
  if (a.consentId === null) return false;
  const c = dsuRepo.getConsent(ctx.app.vault.db, a.consentId);
  return !!c && c.givenOn <= on && (c.withdrawnOn === null || c.withdrawnOn > on);
}

function agendaOf(ctx: CallContext, session: SessionRow) {
  const db = ctx.app.vault.db;
  const rows = repo.summaries(db, 'a.commission_id = ?', 'a.urgent DESC, a.submitted_at', session.id);
  return rows.map((r) => {
    const a = repo.getAid(db, r.id)!;
    const e = a.evaluation ? (JSON.parse(a.evaluation) as Evaluation) : null;
    const d = db.prepare('SELECT decision, granted_cents AS grantedCents, reasons FROM aid_decisions WHERE request_id = ? AND commission_id = ? ORDER BY id DESC LIMIT 1').get(r.id, session.id) as
      | { decision: 'accordee' | 'refusee' | 'ajournee'; grantedCents: number | null; reasons: string }
      | undefined;
    const consent = consentInForce(ctx, a, session.heldOn);
    return {
      ...r,
      person: consent ? r.person : '',
      consentInForce: consent,
      opinion: a.opinion,
      opinionFavorable: a.opinionFavorable === null ? null : a.opinionFavorable === 1,
      reasons: e?.reasons ?? [],
      decision: d ?? null,
      _aid: a,
    };
  });
}

// Handlers ---------------------------------------------------------------------------------------

export const aidesHandlers = {
  'aid:options': (ctx, input) => {
    const { row, reglement } = reglementAt(ctx, input.day ?? today(ctx));
    return {
      reglement: regRef(row),
      dispositifs: reglement.dispositifs.map((d) => ({
        code: d.code,
        label: d.label,
        description: d.description,
        natures: d.natures.map((n) => ({ code: n.code, perDayCents: n.perDayCents ?? null })),
        paymentModes: d.payment.modes,
        cheques: d.payment.cheques ? { valueCents: d.payment.cheques.valueCents, maxPerRequest: d.payment.cheques.maxPerRequest } : null,
        delegationCents: d.delegationCents,
      })),
    };
  },

  'aid:evaluate': (ctx, input) => {
    const { id: exceptId, ...f } = input;
    const { dsu } = requireDsu(ctx, f.dsuId, 'read');
    checkFields(ctx, f, dsu);
    const { row, reglement } = reglementAt(ctx, f.requestedOn);
    return {
      evaluation: evaluate(demandeOf(ctx, f, dsu, exceptId ?? null), reglement),
      reglement: regRef(row),
      history: repo.historyOfDsu(ctx.app.vault.db, dsu.id, f.requestedOn, exceptId ?? null),
    };
  },

  'aid:save': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const { id, ...f } = input;
    const { dsu } = requireDsu(ctx, f.dsuId, 'write');
    checkFields(ctx, f, dsu);
    if (id !== undefined) {
      const a = aidOr404(ctx, id);
      if (a.dsuId !== dsu.id) throw new PasseurError('invalid_input', 'Une demande ne change pas de dossier : créez-en une nouvelle.', 'dsuId');
      if (a.status !== 'brouillon' && a.status !== 'ajournee') {
        throw new PasseurError('conflict', 'Cette demande a été soumise : elle ne se modifie plus (reprenez-la en brouillon si elle n’est pas encore prise en charge).');
      }
      db.transaction(() => {
        repo.updateAid(db, id, f, ctx.now);
        audit(ctx, 'aid.update', 'aid', id);
      })();
      return aidView(ctx, id);
    }
    const newId = db.transaction(() => {
      const n = repo.insertAid(db, f, s.userId, ctx.now);
      repo.addEvent(db, n, s.userId, 'create', null, 'brouillon', '', ctx.now);
      audit(ctx, 'aid.create', 'aid', n, { dsu: dsu.id });
      return n;
    })();
    return aidView(ctx, newId);
  },

  'aid:get': (ctx, input) => {
    const { aid } = requireAid(ctx, input.id, 'read');
    ctx.app.vault.db.transaction(() => audit(ctx, 'aid.read', 'aid', aid.id))();
    return aidView(ctx, aid.id);
  },

  'aid:forDsu': (ctx, input) => {
    const { dsu } = requireDsu(ctx, input.dsuId, 'read');
    return repo.summaries(ctx.app.vault.db, 'a.dsu_id = ?', 'a.requested_on DESC, a.id DESC', dsu.id);
  },

  'aid:list': (ctx, input) => {
    const s = sessionOf(ctx);
    const order = "a.status IN ('accordee', 'refusee', 'classee_sans_suite'), a.requested_on DESC, a.id DESC";
    if (input.scope === 'mine') return repo.summaries(ctx.app.vault.db, 'a.created_by = ?', order, s.userId);
    if (!s.roles.includes('responsable')) throw new PasseurError('forbidden', 'Seuls les responsables voient toutes les demandes du site ; vos demandes sont dans « Mes demandes ».');
    return repo.summaries(ctx.app.vault.db, 'a.requested_on > ?', order, twelveMonthsBefore(today(ctx)));
  },

  'aid:queue': (ctx) =>
    repo.summaries(ctx.app.vault.db, "a.status IN ('soumise', 'a_valider')", 'a.urgent DESC, a.submitted_at, a.id'),

  'aid:lastBudget': (ctx, input) => {
    const { dsu } = requireDsu(ctx, input.dsuId, 'read');
    const r = ctx.app.vault.db
      .prepare(
        `SELECT a.number, t.budget, a.requested_on AS on_ FROM aid_requests a JOIN aid_request_texts t ON t.request_id = a.id
         WHERE a.dsu_id = ? AND t.budget <> '{"resources":[],"charges":[]}' ORDER BY a.requested_on DESC, a.id DESC LIMIT 1`,
      )
      .get(dsu.id) as { number: string; budget: string; on_: string } | undefined;
    return r ? { number: r.number, on: r.on_, budget: JSON.parse(r.budget) as AidOut['budget'] } : null;
  },

  'aid:act': (ctx, input) => {
    act(ctx, input);
    return aidView(ctx, input.id);
  },

  'aid:payment': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { aid: a } = requireAid(ctx, input.id, 'read');
    if (a.status !== 'accordee') throw new PasseurError('conflict', 'Seule une aide accordée se mandate et se paie.');
    if (input.paidOn !== null && input.mandatedOn === null) throw new PasseurError('invalid_input', 'Indiquez d’abord la date de mandatement.', 'mandatedOn');
    if (input.mandatedOn !== null && a.decidedOn && input.mandatedOn < a.decidedOn) throw new PasseurError('invalid_input', 'Le mandatement ne peut pas précéder la décision.', 'mandatedOn');
    if (input.paidOn !== null && input.mandatedOn !== null && input.paidOn < input.mandatedOn) throw new PasseurError('invalid_input', 'Le paiement ne peut pas précéder le mandatement.', 'paidOn');
    if ((input.mandatedOn ?? '') > today(ctx) || (input.paidOn ?? '') > today(ctx)) throw new PasseurError('invalid_input', 'Une date de mandatement ou de paiement ne peut pas être dans le futur.');
    const payeeKind = input.payeeKind ?? a.payeeKind;
    const payeeName = input.payeeName ?? a.payeeName;
    if (payeeKind !== 'beneficiaire' && !payeeName) throw new PasseurError('invalid_input', 'Indiquez le nom du tiers payé.', 'payeeName');
    db.transaction(() => {
      repo.setAid(db, a.id, { mandated_on: input.mandatedOn, paid_on: input.paidOn, payee_kind: payeeKind, payee_name: payeeName }, ctx.now);
      audit(ctx, 'aid.payment', 'aid', a.id, { mandated: input.mandatedOn !== null, paid: input.paidOn !== null });
    })();
    return aidView(ctx, a.id);
  },

  'aid:letter': async (ctx, input) => {
    const db = ctx.app.vault.db;
    const { aid: a, dsu } = requireAid(ctx, input.id, 'read');
    if (a.decisionId === null) throw new PasseurError('conflict', 'Aucune décision n’a encore été prise sur cette demande : pas de courrier à éditer.');
    const view = aidView(ctx, a.id);
    const decision = view.decisions[view.decisions.length - 1]!;
    const h = householdOf(db, dsu.householdId)!;
    const person = getPerson(db, a.personId)!;
    db.transaction(() => audit(ctx, 'aid.letter', 'aid', a.id, { decision: decision.id }))();
    const pdf = await renderLetter({
      site: siteRow(db),
      today: today(ctx),
      aid: view,
      decision,
      recipient: { name: `${person.sex === 'F' ? 'Madame' : person.sex === 'M' ? 'Monsieur' : 'Madame, Monsieur'} ${person.firstNames} ${(person.usageName || person.birthName).toUpperCase()}`, address: h.address, commune: h.communeName ?? '' },
    });
    return { fileName: `decision-${a.number}.pdf`, mime: 'application/pdf', contentBase64: pdf.toString('base64') };
  },

  'commission:list': (ctx) =>
    (ctx.app.vault.db.prepare('SELECT id, held_on AS heldOn, place, members, status FROM commission_sessions ORDER BY held_on DESC, id DESC').all() as SessionRow[]).map((r) => sessionOut(ctx, r)),

  'commission:save': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const id = db.transaction(() => {
      if (input.id !== undefined) {
        sessionOr404(ctx, input.id);
        db.prepare('UPDATE commission_sessions SET held_on = ?, place = ?, members = ? WHERE id = ?').run(input.heldOn, input.place, JSON.stringify(input.members), input.id);
        audit(ctx, 'commission.update', 'commission', input.id);
        return input.id;
      }
      const n = Number(
        db.prepare('INSERT INTO commission_sessions (held_on, place, members, created_by, created_at) VALUES (?, ?, ?, ?, ?)').run(input.heldOn, input.place, JSON.stringify(input.members), s.userId, ctx.now.toISOString())
          .lastInsertRowid,
      );
      audit(ctx, 'commission.create', 'commission', n);
      return n;
    })();
    return sessionOut(ctx, sessionOr404(ctx, id));
  },

  'commission:get': (ctx, input) => {
    const session = sessionOr404(ctx, input.id);
    const agenda = agendaOf(ctx, session).map(({ _aid, ...r }) => r);
    const candidates = repo.summaries(ctx.app.vault.db, "a.status = 'en_commission' AND a.commission_id IS NULL", 'a.urgent DESC, a.submitted_at');
    return { session: sessionOut(ctx, session), agenda, candidates };
  },

  'commission:assign': (ctx, input) => {
    const db = ctx.app.vault.db;
    const session = sessionOr404(ctx, input.id);
    const bad: string[] = [];
    for (const rid of input.add) {
      const a = repo.getAid(db, rid);
      if (!a || a.status !== 'en_commission' || (a.commissionId !== null && a.commissionId !== session.id)) bad.push(a?.number ?? `n° ${rid}`);
    }
    for (const rid of input.remove) {
      const a = repo.getAid(db, rid);
      if (!a || a.commissionId !== session.id || a.status !== 'en_commission') bad.push(a?.number ?? `n° ${rid}`);
    }
    if (bad.length) {
      throw new PasseurError('conflict', `Rien n’a été modifié : ${bad.join(', ')} ne peu(ven)t pas être ajoutée(s) ou retirée(s) de cet ordre du jour (demande non en commission, déjà inscrite ailleurs ou déjà décidée).`);
    }
    db.transaction(() => {
      for (const rid of input.add) {
        repo.setAid(db, rid, { commission_id: session.id }, ctx.now);
        audit(ctx, 'commission.add', 'aid', rid, { commission: session.id });
      }
      for (const rid of input.remove) {
        repo.setAid(db, rid, { commission_id: null }, ctx.now);
        audit(ctx, 'commission.remove', 'aid', rid, { commission: session.id });
      }
    })();
    return {};
  },

  'commission:decide': (ctx, input) => {
    const db = ctx.app.vault.db;
    const session = sessionOr404(ctx, input.id);
    const { aid: a, dsu } = requireAid(ctx, input.requestId, 'read');
    if (a.commissionId !== session.id) throw new PasseurError('conflict', `La demande ${a.number} n’est pas inscrite à l’ordre du jour de cette séance.`);
    checkAction('decide', { status: a.status, createdBy: a.createdBy, submittedBy: a.submittedBy }, actorFor(ctx, dsu));
    if (session.heldOn > today(ctx)) throw new PasseurError('conflict', `La séance du ${frDate(session.heldOn)} n’a pas encore eu lieu : sa décision s’enregistre à partir de ce jour.`);
    if (input.decision === 'accordee') {
      checkPayment(regOfAid(ctx, a), a, input.grantedCents, input);
      checkEnvelope(ctx, a, input.grantedCents, input.confirmEnvelope);
    }
    db.transaction(() => {
      decide(
        ctx,
        a,
        'commission',
        session.id,
        session.heldOn,
        input.decision === 'accordee'
          ? { decision: 'accordee', grantedCents: input.grantedCents, payment: input, comment: input.comment }
          : { decision: input.decision, reasons: input.decision === 'refusee' ? input.reasons : input.missingDocuments },
      );
      db.prepare("UPDATE commission_sessions SET status = 'tenue' WHERE id = ?").run(session.id);
    })();
    return aidView(ctx, a.id);
  },

  'commission:agenda': async (ctx, input) => {
    const db = ctx.app.vault.db;
    const session = sessionOr404(ctx, input.id);
    const rows = agendaOf(ctx, session).map(({ _aid, ...r }) => ({
      ...r,
      object: _aid.object,
      noteSociale: r.consentInForce ? _aid.noteSociale : null,
      commune: r.consentInForce ? (householdOf(db, dsuOr404(db, _aid.dsuId).householdId)?.communeName ?? null) : null,
      withdrawnOn: _aid.consentId !== null ? (dsuRepo.getConsent(db, _aid.consentId)?.withdrawnOn ?? null) : null,
      label: labelOf(ctx, _aid),
    }));
    db.transaction(() => audit(ctx, 'commission.agenda', 'commission', session.id, { requests: rows.length }))();
    const pdf = await renderAgenda({ site: siteRow(db), session: sessionOut(ctx, session), rows, today: today(ctx) });
    return { fileName: `commission-${session.heldOn}.pdf`, mime: 'application/pdf', contentBase64: pdf.toString('base64') };
  },

  'envelope:list': (ctx, input) => {
    const db = ctx.app.vault.db;
    const day = today(ctx);
    const year = input.year;
    const [from, to] = yearBounds(year);
    let groups: EnvelopeGroup[] = [];
    const labels = repo.dispositifLabels(db);
    try {
      groups = envelopeGroups(reglementAt(ctx, year === ctx.now.getFullYear() ? day : to).reglement);
    } catch {
      // no règlement that year: the envelopes voted and the grants still show.
    }
    const covered = new Set(groups.flatMap((g) => g.dispositifs));
    const known = new Set(groups.map((g) => g.code));
    for (const r of db.prepare('SELECT envelope AS code FROM aid_envelopes WHERE year = ?').all(year) as { code: string }[]) {
      if (!known.has(r.code)) {
        known.add(r.code);
        groups.push({ code: r.code, label: labels.get(r.code) ?? r.code, dispositifs: [r.code] });
      }
    }
    for (const r of db.prepare("SELECT DISTINCT dispositif AS code FROM aid_requests WHERE status = 'accordee' AND decided_on >= ? AND decided_on <= ?").all(from, to) as { code: string }[]) {
      if (!covered.has(r.code) && !known.has(r.code)) {
        known.add(r.code);
        groups.push({ code: r.code, label: labels.get(r.code) ?? r.code, dispositifs: [r.code] });
      }
    }
    const start = Date.UTC(year, 0, 1);
    const daysInYear = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const elapsed = year < y ? daysInYear : year > y ? 0 : (Date.UTC(y, m - 1, d) - start) / 86_400_000 + 1;
    const rows = groups.map((g) => {
      const voted = (db.prepare('SELECT voted_cents AS v FROM aid_envelopes WHERE year = ? AND envelope = ?').get(year, g.code) as { v: number } | undefined)?.v ?? null;
      const e = engagedIn(db, year, g.dispositifs);
      const pending = (
        db
          .prepare("SELECT coalesce(sum(amount_cents), 0) AS s FROM aid_requests WHERE status IN ('soumise', 'a_valider', 'en_commission') AND dispositif IN (SELECT value FROM json_each(?))")
          .get(JSON.stringify(g.dispositifs)) as { s: number }
      ).s;
      return {
        envelope: g.code,
        label: g.label,
        dispositifs: g.dispositifs.map((x) => labels.get(x) ?? x),
        votedCents: voted,
        engagedCents: e.engaged,
        paidCents: e.paid,
        remainingCents: voted === null ? null : voted - e.engaged,
        projectionCents: elapsed === 0 ? 0 : Math.floor((e.engaged * daysInYear) / elapsed),
        granted: e.n,
        pendingCents: year >= y ? pending : 0,
      };
    });
    return { year, asOf: day, rows };
  },

  'envelope:set': (ctx, input) => {
    const db = ctx.app.vault.db;
    db.transaction(() => {
      db.prepare(
        'INSERT INTO aid_envelopes (year, envelope, voted_cents, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (year, envelope) DO UPDATE SET voted_cents = excluded.voted_cents, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
      ).run(input.year, input.envelope, input.votedCents, sessionOf(ctx).userId, ctx.now.toISOString());
      audit(ctx, 'envelope.set', 'envelope', input.year, { envelope: input.envelope, votedCents: input.votedCents });
    })();
    return {};
  },

  'reglement:list': (ctx) => reglementList(ctx),

  'reglement:get': (ctx, input) => {
    const r = ctx.app.vault.db.prepare('SELECT id, document FROM reglements WHERE id = ?').get(input.id) as { id: number; document: string } | undefined;
    if (!r) throw new PasseurError('not_found', 'Cette version du règlement n’existe pas.');
    return { id: r.id, document: JSON.stringify(JSON.parse(r.document), null, 2) };
  },

  'reglement:import': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { raw, reglement: r } = checkedReglement(input.document);
    if (db.prepare('SELECT 1 FROM reglements WHERE code = ? AND version = ?').get(r.code, r.version)) {
      throw new PasseurError('conflict', `La version ${r.version} du règlement « ${r.code} » existe déjà : numérotez la nouvelle version (champ version).`, 'version');
    }
    const id = db.transaction(() => {
      const n = Number(
        db
          .prepare("INSERT INTO reglements (code, version, title, effective_from, effective_to, document, status, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, 'brouillon', ?, ?)")
          .run(r.code, r.version, r.title, r.effectiveFrom, r.effectiveTo, JSON.stringify(raw), sessionOf(ctx).userId, ctx.now.toISOString()).lastInsertRowid,
      );
      audit(ctx, 'reglement.import', 'reglement', n, { code: r.code, version: r.version });
      return n;
    })();
    return reglementList(ctx).find((x) => x.id === id)!;
  },

  'reglement:update': (ctx, input) => {
    const db = ctx.app.vault.db;
    const row = repo.reglementRow(db, input.id);
    if (!row) throw new PasseurError('not_found', 'Cette version du règlement n’existe pas.');
    if (row.status !== 'brouillon') {
      throw new PasseurError('conflict', 'Une version active ne se modifie plus (des demandes ont pu être évaluées sous elle) : importez une nouvelle version.');
    }
    const { raw, reglement: r } = checkedReglement(input.document);
    if (r.code !== row.code || r.version !== row.version) {
      throw new PasseurError('invalid_input', `Le code et la version ne changent pas en modification (${row.code}, version ${row.version}) : pour une autre version, importez-la.`, r.code !== row.code ? 'code' : 'version');
    }
    db.transaction(() => {
      db.prepare('UPDATE reglements SET title = ?, effective_from = ?, effective_to = ?, document = ? WHERE id = ?').run(r.title, r.effectiveFrom, r.effectiveTo, JSON.stringify(raw), row.id);
      audit(ctx, 'reglement.update', 'reglement', row.id, { code: row.code, version: row.version });
    })();
    repo.forgetReglement(db, row.id);
    return reglementList(ctx).find((x) => x.id === row.id)!;
  },

  'reglement:activate': (ctx, input) => {
    const db = ctx.app.vault.db;
    const row = repo.reglementRow(db, input.id);
    if (!row) throw new PasseurError('not_found', 'Cette version du règlement n’existe pas.');
    if (row.status !== 'brouillon') throw new PasseurError('conflict', 'Cette version est déjà active (ou retirée).');
    db.transaction(() => {
      db.prepare("UPDATE reglements SET status = 'actif', activated_by = ?, activated_at = ? WHERE id = ?").run(sessionOf(ctx).userId, ctx.now.toISOString(), row.id);
      audit(ctx, 'reglement.activate', 'reglement', row.id, { code: row.code, version: row.version });
    })();
    return reglementList(ctx).find((x) => x.id === row.id)!;
  },

  'reglement:replay': (ctx, input) => {
    const db = ctx.app.vault.db;
    if (!repo.reglementRow(db, input.id)) throw new PasseurError('not_found', 'Cette version du règlement n’existe pas.');
    return replay(db, repo.reglementDoc(db, input.id), today(ctx));
  },
} satisfies { [C in Channel as C extends `aid:${string}` | `commission:${string}` | `envelope:${string}` | `reglement:${string}` ? C : never]: Handler<C> };

/** A règlement document checked like an import: JSON, then the schema, every problem named with its field. */
function checkedReglement(document: string): { raw: unknown; reglement: Reglement } {
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

function reglementList(ctx: CallContext) {
  const db = ctx.app.vault.db;
  const inForce = repo.reglementRowInForce(db, today(ctx))?.id ?? null;
  const counts = new Map((db.prepare('SELECT reglement_id AS id, count(*) AS n FROM aid_requests WHERE reglement_id IS NOT NULL GROUP BY reglement_id').all() as { id: number; n: number }[]).map((r) => [r.id, r.n]));
  const rows = repo.reglementRows(db);
  const active = rows.filter((r) => r.status === 'actif');
  const untilOf = (r: repo.ReglementRow): string | null => {
    if (r.status !== 'actif') return r.effectiveTo;
    const next = active.filter((x) => x.effectiveFrom > r.effectiveFrom).map((x) => x.effectiveFrom).sort()[0];
    const byNext = next ? addDays(next, -1) : null;
    return [r.effectiveTo, byNext].filter((x): x is string => x !== null).sort()[0] ?? null;
  };
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    version: r.version,
    title: r.title,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    until: untilOf(r),
    status: r.status,
    importedBy: userRef(ctx, r.importedBy),
    importedAt: r.importedAt,
    activatedBy: userRef(ctx, r.activatedBy),
    activatedAt: r.activatedAt,
    inForceToday: r.id === inForce,
    requests: counts.get(r.id) ?? 0,
  }));
}

/**
 * DOMAIN §4.7: the requests submitted over the last 12 months, evaluated again under another
 * version with the very inputs they were evaluated with; how many would change outcome and
 * the amount at stake, by dispositif. Nothing is written: past decisions never change.
 */
export function replay(db: Db, candidate: Reglement, day: string) {
  const from = twelveMonthsBefore(day);
  const rows = db
    .prepare(
      `SELECT a.dispositif, t.demande, a.outcome, a.amount_cents AS amount, a.granted_cents AS granted FROM aid_requests a JOIN aid_request_texts t ON t.request_id = a.id
       WHERE t.demande IS NOT NULL AND a.requested_on > ? AND a.requested_on <= ?`,
    )
    .all(from, day) as { dispositif: string; demande: string; outcome: string; amount: number; granted: number | null }[];
  const by = new Map<string, { dispositif: string; requests: number; changed: number; becomeOut: number; becomeIn: number; amountOutCents: number; amountInCents: number }>();
  let changed = 0;
  for (const r of rows) {
    const e = evaluate(JSON.parse(r.demande) as Demande, candidate);
    let g = by.get(r.dispositif);
    if (!g) by.set(r.dispositif, (g = { dispositif: r.dispositif, requests: 0, changed: 0, becomeOut: 0, becomeIn: 0, amountOutCents: 0, amountInCents: 0 }));
    g.requests++;
    if (e.outcome === r.outcome) continue;
    g.changed++;
    changed++;
    if (e.outcome === 'dans_bareme') {
      g.becomeIn++;
      g.amountInCents += r.amount;
    } else if (r.outcome === 'dans_bareme') {
      g.becomeOut++;
      g.amountOutCents += r.granted ?? r.amount;
    }
  }
  return { from, to: day, requests: rows.length, changed, rows: [...by.values()].sort((a, b) => a.dispositif.localeCompare(b.dispositif)) };
}

