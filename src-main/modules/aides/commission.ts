/**
 * Channels `commission:*`: the sessions of the commission, their agenda (the requests sent to
 * it), its decisions, and the agenda printed for the members.
 */
import type { CallContext } from '../../api/app';
import type { AidesHandlers } from './contract';
import { PasseurError } from '../../shared/errors';
import { frDate } from '../../shared/time';
import { checkPayment } from './checks';
import { actorFor, aidView, audit, labelOf, regOfAid, requireAid, today } from './context';
import { decide } from './decisions';
import { checkEnvelope } from './envelopes';
import { renderAgenda } from './letters';
import { dsuOr404, getConsent, householdOf, sessionOf, siteRow } from './outside';
import * as repo from './repo';
import * as sessions from './commission/repo';
import { agendaRow, consentInForce, sessionOut as sessionView } from './views';
import { checkAction } from './workflow';

function sessionOr404(ctx: CallContext, id: number): sessions.SessionRow {
  const r = sessions.findSession(ctx.app.vault.db, id);
  if (!r) throw new PasseurError('not_found', 'Cette séance de commission n’existe pas.');
  return r;
}
function sessionOut(ctx: CallContext, r: sessions.SessionRow) {
  return sessionView(r, sessions.sessionCounts(ctx.app.vault.db, r.id));
}

function agendaOf(ctx: CallContext, session: sessions.SessionRow) {
  const db = ctx.app.vault.db;
  const rows = repo.summaries(db, 'a.commission_id = ?', 'a.urgent DESC, a.submitted_at', session.id);
  return rows.map((r) => {
    const a = repo.getAid(db, r.id)!;
    const d = sessions.findSessionDecision(db, r.id, session.id);
    const consent = a.consentId !== null && consentInForce(getConsent(db, a.consentId), session.heldOn);
    return agendaRow(r, a, d, consent);
  });
}

/**
 * The requests waiting for a session, as the agenda shows them: the person is named only
 * under a consent in force on the day of the session they may be added to (same rule, same
 * day as the agenda and its PDF).
 */
function candidatesFor(ctx: CallContext, session: sessions.SessionRow) {
  const db = ctx.app.vault.db;
  return repo.summaries(db, "a.status = 'en_commission' AND a.commission_id IS NULL", 'a.urgent DESC, a.submitted_at').map((r) => {
    const a = repo.getAid(db, r.id)!;
    const consent = a.consentId !== null && consentInForce(getConsent(db, a.consentId), session.heldOn);
    return { ...r, person: consent ? r.person : '', consentInForce: consent };
  });
}

export const commissionHandlers = {
  'commission:list': (ctx) => sessions.listSessions(ctx.app.vault.db).map((r) => sessionOut(ctx, r)),

  'commission:save': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const id = db.transaction(() => {
      if (input.id !== undefined) {
        sessionOr404(ctx, input.id);
        sessions.updateSession(db, input.id, input);
        audit(ctx, 'commission.update', 'commission', input.id);
        return input.id;
      }
      const n = sessions.insertSession(db, input, s.userId, ctx.now);
      audit(ctx, 'commission.create', 'commission', n);
      return n;
    })();
    return sessionOut(ctx, sessionOr404(ctx, id));
  },

  'commission:get': (ctx, input) => {
    const session = sessionOr404(ctx, input.id);
    const agenda = agendaOf(ctx, session).map(({ _aid, ...r }) => r);
    return { session: sessionOut(ctx, session), agenda, candidates: candidatesFor(ctx, session) };
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
      throw new PasseurError('conflict', `Rien n’a été modifié : ${bad.join(', ')} ${bad.length > 1 ? 'ne peuvent pas être ajoutées ou retirées' : 'ne peut pas être ajoutée ou retirée'} de cet ordre du jour (demande non en commission, déjà inscrite ailleurs ou déjà décidée).`);
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
      sessions.markSessionHeld(db, session.id);
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
      withdrawnOn: _aid.consentId !== null ? (getConsent(db, _aid.consentId)?.withdrawnOn ?? null) : null,
      label: labelOf(ctx, _aid),
    }));
    db.transaction(() => audit(ctx, 'commission.agenda', 'commission', session.id, { requests: rows.length }))();
    const pdf = await renderAgenda({ site: siteRow(db), session: sessionOut(ctx, session), rows, today: today(ctx) });
    return { fileName: `commission-${session.heldOn}.pdf`, mime: 'application/pdf', contentBase64: pdf.toString('base64') };
  },
} satisfies { [C in keyof AidesHandlers as C extends `commission:${string}` ? C : never]: AidesHandlers[C] };
