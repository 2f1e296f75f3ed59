/**
 * Collective actions' channels (DOMAIN §11). Every social worker and responsable of the site
 * reads an action (no names in it); the professionals who lead it and the responsables read
 * and write its participants, attendance and evaluation, and change its presentation. Every
 * read of the participants is audited; every write goes in one transaction with its audit row.
 */
import type { CallContext } from '../../api/app';
import { appendAudit } from '../../store/audit';
import { PasseurError } from '../../shared/errors';
import { hasAny, SOCIAL } from '../../shared/roles';
import { frDate, localDay } from '../../shared/time';
import { findUserById } from '../../store/users';
import type { ActionOut, ActionSummary, CollectifHandlers, ParticipantsOut } from './contract';
import { actionCounts } from './rules';
import { personOr404, sessionOf, shortName } from './outside';
import * as repo from './repo';

function audit(ctx: CallContext, action: string, actionId: number, detail?: Record<string, unknown>) {
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity: 'collectif', entityId: actionId, ...(detail ? { detail } : {}) }, ctx.now);
}

const today = (ctx: CallContext) => localDay(ctx.now);

function requireAction(ctx: CallContext, id: number, field = 'id'): repo.ActionRow {
  const a = repo.getAction(ctx.app.vault.db, id);
  if (!a) throw new PasseurError('not_found', 'Cette action collective n’existe pas. Retrouvez-la dans la liste des actions collectives.', field);
  return a;
}

/** The professionals who lead the action, and the responsables of the site. */
function manages(ctx: CallContext, actionId: number): boolean {
  const s = sessionOf(ctx);
  return s.roles.includes('responsable') || repo.isLead(ctx.app.vault.db, actionId, s.userId);
}

function requireManager(ctx: CallContext, actionId: number): void {
  if (!manages(ctx, actionId)) {
    throw new PasseurError(
      'forbidden',
      'Seuls les professionnels qui animent cette action et les responsables voient ses participants et y inscrivent quelque chose. Demandez à l’un d’eux de vous ajouter à l’animation.',
    );
  }
}

function summaries(ctx: CallContext, rows: repo.ActionRow[]): ActionSummary[] {
  const db = ctx.app.vault.db;
  const ids = rows.map((r) => r.id);
  const leads = repo.leadsOf(db, ids);
  const sessions = repo.sessionsOf(db, ids);
  const named = repo.namedCount(db, ids);
  const now = today(ctx);
  return rows.map((a) => {
    const list = sessions.get(a.id) ?? [];
    const next = list.find((s) => s.date >= now);
    return {
      id: a.id,
      title: a.title,
      actionStatus: a.status,
      leads: leads.get(a.id) ?? [],
      nextSession: next ? { date: next.date, starts: next.starts, place: next.place } : null,
      counts: actionCounts(list, named.get(a.id) ?? 0),
    };
  });
}

function view(ctx: CallContext, a: repo.ActionRow): ActionOut {
  const db = ctx.app.vault.db;
  const [summary] = summaries(ctx, [a]);
  const e = repo.evaluationOf(db, a.id);
  return {
    ...summary!,
    aim: a.aim,
    audience: a.audience,
    partners: repo.partnersOf(db, a.id),
    fundings: repo.fundingsOf(db, a.id),
    sessions: (repo.sessionsOf(db, [a.id]).get(a.id) ?? []).map((s) => ({
      id: s.id,
      date: s.date,
      starts: s.starts,
      ends: s.ends,
      place: s.place,
      theme: s.theme,
      anonymousCount: s.anonymousCount,
      present: s.present,
      absent: s.absent,
      excused: s.excused,
      attendanceRecorded: s.attendanceAt !== null,
    })),
    evaluation: e ? { date: e.date, text: e.text, participantsWords: e.participantsWords, results: e.results, recordedAt: e.recordedAt, recordedBy: { id: e.userId, displayName: e.userName } } : null,
    createdAt: a.createdAt,
    canWrite: manages(ctx, a.id),
  };
}

function participantsView(ctx: CallContext, actionId: number): ParticipantsOut {
  const db = ctx.app.vault.db;
  const marks = repo.marksOf(db, actionId);
  return {
    actionId,
    participants: repo.participantsOf(db, actionId).map((p) => ({
      id: p.id,
      personId: p.personId,
      name: shortName(p),
      birthDate: p.birthDate,
      consentOn: p.consentOn,
      consentForm: p.consentForm,
      addedBy: { id: p.addedById, displayName: p.addedByName },
      marks: Object.fromEntries(marks.filter((m) => m.participantId === p.id).map((m) => [String(m.sessionId), m.mark])),
    })),
  };
}

function notInFuture(ctx: CallContext, day: string, what: string, field: string): void {
  if (day > today(ctx)) throw new PasseurError('invalid_input', `${what} : le ${frDate(day)} est dans le futur. Indiquez une date passée ou celle d’aujourd’hui.`, field);
}

export const collectifHandlers = {
  'collectif:list': (ctx) => {
    const db = ctx.app.vault.db;
    return { actions: summaries(ctx, repo.listActions(db)), professionals: repo.professionals(db) };
  },

  'collectif:get': (ctx, input) => {
    const a = requireAction(ctx, input.id);
    // The evaluation may quote the participants: each opening of the action is traced.
    ctx.app.vault.db.transaction(() => audit(ctx, 'collectif.read', a.id))();
    return view(ctx, a);
  },

  'collectif:save': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    if (input.id !== null) {
      requireAction(ctx, input.id);
      requireManager(ctx, input.id);
    }
    const leadIds = [...new Set(input.leadIds.length > 0 ? input.leadIds : [s.userId])];
    for (const l of leadIds) {
      const u = findUserById(db, l);
      if (!u || u.disabled || !hasAny(u.roles, SOCIAL)) {
        throw new PasseurError('invalid_input', 'Professionnels qui animent l’action : choisissez des comptes actifs d’ASS, de CESF ou de responsable du site.', 'leadIds');
      }
    }
    const partners = input.partners.map((p, i) => {
      if (p.partnerId !== null) {
        const name = repo.partnerName(db, p.partnerId);
        if (name === undefined) throw new PasseurError('invalid_input', 'Partenaire : il n’est pas (ou plus) dans l’annuaire. Choisissez-en un autre ou tapez son nom.', `partners.${i}.partnerId`);
        return { partnerId: p.partnerId, name, role: p.role };
      }
      if (p.name === '') throw new PasseurError('invalid_input', 'Partenaire : choisissez-le dans l’annuaire ou tapez son nom.', `partners.${i}.name`);
      return { partnerId: null, name: p.name, role: p.role };
    });
    const at = ctx.now.toISOString();
    const id = db.transaction(() => {
      const fields = { title: input.title, aim: input.aim, audience: input.audience, status: input.actionStatus, at };
      const id = input.id ?? repo.insertAction(db, { ...fields, by: s.userId });
      if (input.id !== null) repo.updateAction(db, id, fields);
      repo.setLeads(db, id, leadIds);
      repo.setPartners(db, id, partners);
      repo.setFundings(db, id, input.fundings);
      audit(ctx, input.id === null ? 'collectif.create' : 'collectif.update', id);
      return id;
    })();
    return view(ctx, repo.getAction(db, id)!);
  },

  'collectif:saveSession': (ctx, input) => {
    const db = ctx.app.vault.db;
    const a = requireAction(ctx, input.actionId, 'actionId');
    requireManager(ctx, a.id);
    if (input.sessionId !== null && repo.getSession(db, input.sessionId)?.actionId !== a.id) {
      throw new PasseurError('not_found', 'Cette séance n’est pas (ou plus) dans l’action. Rechargez la page.', 'sessionId');
    }
    if (input.ends <= input.starts) throw new PasseurError('invalid_input', `Heure de fin : elle doit suivre l’heure de début (${input.starts}).`, 'ends');
    db.transaction(() => {
      const fields = { date: input.date, starts: input.starts, ends: input.ends, place: input.place, theme: input.theme };
      const id = input.sessionId ?? repo.insertSession(db, { actionId: a.id, ...fields, at: ctx.now.toISOString(), by: sessionOf(ctx).userId });
      if (input.sessionId !== null) repo.updateSession(db, id, fields);
      audit(ctx, input.sessionId === null ? 'collectif.session_add' : 'collectif.session_update', a.id, { session: id });
    })();
    return view(ctx, a);
  },

  'collectif:participants': (ctx, input) => {
    const a = requireAction(ctx, input.actionId, 'actionId');
    requireManager(ctx, a.id);
    const out = participantsView(ctx, a.id);
    ctx.app.vault.db.transaction(() => audit(ctx, 'collectif.participants', a.id, { count: out.participants.length }))();
    return out;
  },

  'collectif:addParticipant': (ctx, input) => {
    const db = ctx.app.vault.db;
    const a = requireAction(ctx, input.actionId, 'actionId');
    requireManager(ctx, a.id);
    if (!input.consentGiven) {
      throw new PasseurError(
        'invalid_input',
        'Sans son accord pour participer, une personne ne peut pas être nommée dans l’action : comptez-la parmi les participants anonymes de chaque séance où elle vient.',
        'consentGiven',
      );
    }
    if (input.consentOn === null) throw new PasseurError('invalid_input', 'Date de l’accord : indiquez le jour où la personne a accepté de participer.', 'consentOn');
    if (input.consentForm === null) throw new PasseurError('invalid_input', 'Forme de l’accord : écrit, électronique ou oral tracé.', 'consentForm');
    notInFuture(ctx, input.consentOn, 'Date de l’accord', 'consentOn');
    const p = personOr404(ctx, input.personId);
    if (repo.isParticipant(db, a.id, p.id)) throw new PasseurError('conflict', `${shortName(p)} participe déjà à cette action.`, 'personId');
    db.transaction(() => {
      const id = repo.insertParticipant(db, { actionId: a.id, personId: p.id, consentOn: input.consentOn!, consentForm: input.consentForm!, at: ctx.now.toISOString(), by: sessionOf(ctx).userId });
      audit(ctx, 'collectif.participant_add', a.id, { participant: id });
    })();
    return participantsView(ctx, a.id);
  },

  'collectif:removeParticipant': (ctx, input) => {
    const db = ctx.app.vault.db;
    const a = requireAction(ctx, input.actionId, 'actionId');
    requireManager(ctx, a.id);
    if (repo.participantAction(db, input.participantId) !== a.id) throw new PasseurError('not_found', 'Cette personne ne participe pas (ou plus) à l’action. Rechargez la page.', 'participantId');
    db.transaction(() => {
      repo.removeParticipant(db, input.participantId);
      audit(ctx, 'collectif.participant_remove', a.id, { participant: input.participantId });
    })();
    return participantsView(ctx, a.id);
  },

  'collectif:attendance': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = repo.getSession(db, input.sessionId);
    if (!s) throw new PasseurError('not_found', 'Cette séance n’existe pas (ou plus). Rechargez la page de l’action.', 'sessionId');
    requireManager(ctx, s.actionId);
    if (s.date > today(ctx)) throw new PasseurError('invalid_input', `La séance du ${frDate(s.date)} n’a pas encore eu lieu : les présences se notent le jour même ou après.`, 'sessionId');
    const ids = input.marks.map((m) => m.participantId);
    if (new Set(ids).size !== ids.length) throw new PasseurError('invalid_input', 'Présences : chaque participant n’a qu’une présence par séance.', 'marks');
    for (const pid of ids) {
      if (repo.participantAction(db, pid) !== s.actionId) throw new PasseurError('invalid_input', 'Présences : une personne cochée ne participe pas (ou plus) à l’action. Rechargez la page.', 'marks');
    }
    db.transaction(() => {
      repo.setAttendance(db, s.id, input.anonymousCount, input.marks, ctx.now.toISOString());
      audit(ctx, 'collectif.attendance', s.actionId, { session: s.id, marks: input.marks.length, anonymous: input.anonymousCount });
    })();
    return participantsView(ctx, s.actionId);
  },

  'collectif:saveEvaluation': (ctx, input) => {
    const db = ctx.app.vault.db;
    const a = requireAction(ctx, input.actionId, 'actionId');
    requireManager(ctx, a.id);
    notInFuture(ctx, input.date, 'Date de l’évaluation', 'date');
    db.transaction(() => {
      repo.saveEvaluation(db, { actionId: a.id, date: input.date, text: input.text, participantsWords: input.participantsWords, results: input.results, at: ctx.now.toISOString(), by: sessionOf(ctx).userId });
      audit(ctx, 'collectif.evaluation', a.id);
    })();
    return view(ctx, a);
  },
} satisfies CollectifHandlers;
