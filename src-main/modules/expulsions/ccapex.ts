/**
 * The CCAPEX's channels (DOMAIN §6): its sessions, the cases on their agenda, the note sociale
 * and the commission's opinion. A session belongs to the site: every social worker prepares it,
 * the responsable reads it. Its agenda names only the cases the caller may read (their DSU's
 * access, as the case's own channels); the others are counted. Every write goes in one
 * transaction with its audit row; every read naming a household is audited.
 */
import type { CallContext } from '../../api/app';
import { appendAudit } from '../../store/audit';
import { listUsers } from '../../store/users';
import { PasseurError } from '../../shared/errors';
import { hasAny, SOCIAL, WORKERS } from '../../shared/roles';
import { frDate } from '../../shared/time';
import type { CcapexChannels, CcapexSessionOut, ExpulsionsHandlers } from './contract';
import { datesOf, ruleInput } from './computations';
import { opinionShape } from './ccapex-view';
import { afterWrite, audit, facts, notInFuture, requireCase, today } from './handlers';
import { CCAPEX_AVIS_LABELS_FR } from './kinds';
import { ccapexConsentOn, renderNote } from './note';
import { findUserById, householdOf, sessionOf, siteLogo, sitePostal } from './outside';
import * as repo from './repo';

const NO_SESSION = 'Cette séance de la CCAPEX n’existe pas. Choisissez-en une dans la liste des séances.';
const NOT_ON_AGENDA = 'Ce dossier n’est pas à l’ordre du jour de cette séance. Ajoutez-le d’abord depuis l’onglet CCAPEX du dossier.';

function requireSession(ctx: CallContext, id: number): repo.SessionRow {
  const s = repo.getSession(ctx.app.vault.db, id);
  if (!s) throw new PasseurError('not_found', NO_SESSION, 'sessionId');
  return s;
}

function sessionAudit(ctx: CallContext, action: string, sessionId: number, detail?: Record<string, unknown>) {
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity: 'expulsions_ccapex', entityId: sessionId, ...(detail ? { detail } : {}) }, ctx.now);
}

/** Whether the caller may read the case (its DSU's access, or being its référent). */
function mayRead(ctx: CallContext, caseId: number): boolean {
  try {
    requireCase(ctx, caseId, 'read');
    return true;
  } catch {
    return false;
  }
}

const members = (s: repo.SessionRow) => JSON.parse(s.members) as { name: string; role: string }[];

function summary(ctx: CallContext, s: repo.SessionRow, agenda: readonly repo.AgendaRow[]) {
  const readable = agenda.filter((a) => mayRead(ctx, a.caseId)).length;
  return { id: s.id, heldOn: s.heldOn, place: s.place, members: members(s), professionals: repo.professionals(ctx.app.vault.db, s.id), cases: readable, others: agenda.length - readable };
}

/** The site's active accounts that may attend a session. */
function staff(ctx: CallContext) {
  return listUsers(ctx.app.vault.db)
    .filter((u) => !u.disabled && hasAny(u.roles, SOCIAL))
    .map((u) => ({ id: u.id, displayName: u.displayName }));
}

function sessionView(ctx: CallContext, s: repo.SessionRow): { out: CcapexSessionOut; named: number } {
  const db = ctx.app.vault.db;
  const all = repo.agendaOf(db, s.id);
  const opinions = new Map(repo.opinionsOfSession(db, s.id).map((o) => [o.caseId, o]));
  const agenda: CcapexSessionOut['agenda'] = [];
  for (const a of all) {
    if (!mayRead(ctx, a.caseId)) continue;
    const c = repo.getCase(db, a.caseId)!;
    const stages = repo.stagesOf(db, c.id);
    const o = opinions.get(c.id);
    agenda.push({
      caseId: c.id,
      position: a.position,
      household: repo.householdName(c),
      dsuNumber: c.dsuNumber,
      referent: c.referentName,
      stage: stages[stages.length - 1]?.kind ?? null,
      noteGeneratedAt: a.noteGeneratedAt,
      opinion: o ? opinionShape(o) : null,
    });
  }
  return {
    out: { ...summary(ctx, s, all), agenda, staff: staff(ctx), canWrite: hasAny(sessionOf(ctx).roles, WORKERS) },
    named: agenda.length,
  };
}

function requireOnAgenda(ctx: CallContext, sessionId: number, caseId: number): repo.AgendaRow {
  const a = repo.agendaEntry(ctx.app.vault.db, sessionId, caseId);
  if (!a) throw new PasseurError('not_found', NOT_ON_AGENDA, 'sessionId');
  return a;
}

export const ccapexHandlers = {
  'expulsions:ccapexList': (ctx) => {
    const db = ctx.app.vault.db;
    return { sessions: repo.sessions(db).map((s) => summary(ctx, s, repo.agendaOf(db, s.id))), staff: staff(ctx) };
  },

  'expulsions:ccapexSave': (ctx, input) => {
    const db = ctx.app.vault.db;
    const me = sessionOf(ctx).userId;
    const existing = input.id === null ? undefined : requireSession(ctx, input.id);
    if (existing && existing.heldOn !== input.heldOn && repo.opinionsOfSession(db, existing.id).length > 0) {
      throw new PasseurError('conflict', `Des avis sont déjà enregistrés pour la séance du ${frDate(existing.heldOn)} : sa date ne change plus. Créez une autre séance si la commission se réunit un autre jour.`, 'heldOn');
    }
    const ids = [...new Set(input.professionalIds)];
    for (const uid of ids) {
      const u = findUserById(db, uid);
      if (!u || u.disabled || !hasAny(u.roles, SOCIAL)) throw new PasseurError('invalid_input', 'Professionnels du site : choisissez des comptes actifs d’assistant(e) de service social, de CESF ou de responsable.', 'professionalIds');
    }
    const row = { heldOn: input.heldOn, place: input.place, members: JSON.stringify(input.members.map((m) => ({ name: m.name, role: m.role }))), at: ctx.now.toISOString(), by: me };
    const id = db.transaction(() => {
      const id = existing ? (repo.updateSession(db, existing.id, row), existing.id) : repo.insertSession(db, row);
      repo.setProfessionals(db, id, ids);
      sessionAudit(ctx, existing ? 'expulsions.ccapex_update' : 'expulsions.ccapex_create', id);
      return id;
    })();
    return sessionView(ctx, repo.getSession(db, id)!).out;
  },

  'expulsions:ccapexGet': (ctx, input) => {
    const s = repo.getSession(ctx.app.vault.db, input.id);
    if (!s) throw new PasseurError('not_found', NO_SESSION);
    const v = sessionView(ctx, s);
    if (v.named > 0) ctx.app.vault.db.transaction(() => sessionAudit(ctx, 'expulsions.ccapex_read', s.id, { cases: v.named }))();
    return v.out;
  },

  'expulsions:ccapexAddCase': (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = requireCase(ctx, input.caseId, 'write');
    const s = requireSession(ctx, input.sessionId);
    if (repo.agendaEntry(db, s.id, c.id)) throw new PasseurError('conflict', `Ce dossier est déjà à l’ordre du jour de la séance du ${frDate(s.heldOn)}.`, 'sessionId');
    db.transaction(() => {
      repo.addToAgenda(db, s.id, c.id, ctx.now.toISOString(), sessionOf(ctx).userId);
      audit(ctx, 'expulsions.ccapex_agenda', c.id, { session: s.id, added: true });
    })();
    return afterWrite(ctx, c.id);
  },

  'expulsions:ccapexRemoveCase': (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = requireCase(ctx, input.caseId, 'write');
    const s = requireSession(ctx, input.sessionId);
    requireOnAgenda(ctx, s.id, c.id);
    if (repo.opinionsOfCase(db, c.id).some((o) => o.sessionId === s.id)) {
      throw new PasseurError('conflict', `L’avis de la commission du ${frDate(s.heldOn)} est enregistré : le dossier reste à l’ordre du jour de cette séance.`, 'sessionId');
    }
    db.transaction(() => {
      repo.removeFromAgenda(db, s.id, c.id);
      audit(ctx, 'expulsions.ccapex_agenda', c.id, { session: s.id, added: false });
    })();
    return afterWrite(ctx, c.id);
  },

  'expulsions:ccapexEvaluation': (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = requireCase(ctx, input.caseId, 'write');
    const s = requireSession(ctx, input.sessionId);
    requireOnAgenda(ctx, s.id, c.id);
    db.transaction(() => {
      repo.setEvaluation(db, s.id, c.id, input.evaluation, input.proposals);
      audit(ctx, 'expulsions.ccapex_evaluation', c.id, { session: s.id });
    })();
    return afterWrite(ctx, c.id);
  },

  'expulsions:ccapexNote': async (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = requireCase(ctx, input.caseId, 'read');
    const s = requireSession(ctx, input.sessionId);
    const a = requireOnAgenda(ctx, s.id, c.id);
    const consent = ccapexConsentOn(repo.consentsOfDsu(db, c.dsuId), s.heldOn);
    const householdId = repo.householdIdOfDsu(db, c.dsuId);
    const household = householdId === undefined ? null : householdOf(db, householdId);
    const bytes = await renderNote({
      site: sitePostal(db),
      logo: siteLogo(db),
      today: today(ctx),
      session: { heldOn: s.heldOn, place: s.place },
      dsuNumber: c.dsuNumber,
      household: repo.householdName(c),
      referent: c.referentName,
      members: (household?.members ?? []).map((m) => ({ birthName: m.birthName, usageName: m.usageName, firstNames: m.firstNames, sex: m.sex ?? '', birthDate: m.birthDate, role: m.role ?? 'autre' })),
      dwelling: c.dwelling,
      landlordName: c.landlordName,
      landlordKind: c.landlordKind,
      leaseSigned: c.leaseSigned,
      rentCents: c.rentCents,
      chargesCents: c.chargesCents,
      debts: repo.debtPoints(db, c.id),
      stages: repo.stagesOf(db, c.id),
      aids: repo.linkedAidsForNote(db, c.id),
      evaluation: a.evaluation,
      proposals: a.proposals,
      consent,
    });
    db.transaction(() => {
      repo.recordNote(db, s.id, c.id, ctx.now.toISOString(), sessionOf(ctx).userId, consent.kind === 'in_force');
      audit(ctx, 'expulsions.ccapex_note', c.id, { session: s.id, shared: consent.kind === 'in_force' });
    })();
    return { fileName: `note-sociale-ccapex-${c.dsuNumber}-${s.heldOn}.pdf`, mime: 'application/pdf', contentBase64: bytes.toString('base64') };
  },

  'expulsions:ccapexOpinion': (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = requireCase(ctx, input.caseId, 'write');
    const s = requireSession(ctx, input.sessionId);
    requireOnAgenda(ctx, s.id, c.id);
    if (s.heldOn > today(ctx)) throw new PasseurError('invalid_input', `La séance du ${frDate(s.heldOn)} n’a pas encore eu lieu : l’avis s’enregistre après la commission.`, 'day');
    notInFuture(ctx, input.day, 'Date de l’avis', 'day');
    if (input.day < s.heldOn) throw new PasseurError('invalid_input', `Date de l’avis : le ${frDate(input.day)} précède la séance du ${frDate(s.heldOn)}.`, 'day');
    const stages = repo.stagesOf(db, c.id);
    const passage = stages.some((st) => st.kind === 'passage_ccapex' && st.day === s.heldOn);
    const stage = passage
      ? null
      : {
          kind: 'passage_ccapex' as const,
          day: s.heldOn,
          actor: 'CCAPEX',
          reference: '',
          note: `Avis : ${CCAPEX_AVIS_LABELS_FR[input.avis]}`,
          hearing: null,
          firstOffer: null,
          answered: null,
          delaisGranted: null,
          graceMonths: null,
          extensionMonths: null,
          recordedAt: ctx.now.toISOString(),
        };
    if (stage) {
      const problem = datesOf(ctx, ruleInput(facts(c), [...stages, stage])).error;
      if (problem) throw new PasseurError('invalid_input', problem, 'day');
    }
    db.transaction(() => {
      repo.upsertOpinion(db, { sessionId: s.id, caseId: c.id, day: input.day, avis: input.avis, text: input.text, recommendations: input.recommendations, at: ctx.now.toISOString(), by: sessionOf(ctx).userId });
      if (stage) repo.insertStage(db, c.id, { ...stage, recordedBy: sessionOf(ctx).userId });
      audit(ctx, 'expulsions.ccapex_opinion', c.id, { session: s.id, avis: input.avis, stage: stage !== null });
    })();
    return afterWrite(ctx, c.id);
  },
} satisfies Pick<ExpulsionsHandlers, CcapexChannels>;
