/**
 * The workflow of a request, written (DOMAIN §4): submission, recall, taking over, the
 * responsable's decisions within the delegation, the commission, closing, appeal. Every change
 * writes its event and its audit row in the same transaction as the change.
 */
import type { CallContext } from '../../api/app';
import type { ActInput, AidStatus } from './contract';
import { PasseurError } from '../../shared/errors';
import { euros } from '../../shared/money';
import { frDate } from '../../shared/time';
import { evaluate, type Demande, type Evaluation } from './engine';
import { checkPayment, type Payment } from './checks';
import { actorFor, audit, demandeOf, reglementAt, refusAutonomeOf, regOfAid, requireAid, today } from './context';
import { checkEnvelope } from './envelopes';
import { sessionOf } from './outside';
import * as repo from './repo';
import { fieldsOf } from './views';
import { checkAction, refusalAlone } from './workflow';

/** Writes a decision and its effect on the request; runs inside the caller's transaction. */
export function decide(
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

/** A workflow action on a request (`aid:act`), checked against the workflow's rules first. */
export function act(ctx: CallContext, input: ActInput): void {
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
      const { row, reglement } = reglementAt(ctx, a.requestedOn, a.dispositif);
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
    case 'refuse': {
      const alone = refusalAlone(a.route, refusAutonomeOf(ctx, a));
      if (alone) throw new PasseurError('conflict', alone);
      db.transaction(() => decide(ctx, a, 'responsable', null, day, { decision: 'refusee', reasons: input.reasons }))();
      return;
    }
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
