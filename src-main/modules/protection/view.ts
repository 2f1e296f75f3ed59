/** An evaluation as its readers see it (contract's `EvaluationOut`), and its summary for the lists. */
import type { CallContext } from '../../api/app';
import type { ParameterLookup } from '../../shared/parameters';
import { localDay } from '../../shared/time';
import type { EvaluationOut, EvaluationSummary } from './contract';
import { DOMAINS, EXTERNAL_ROLE_LABELS_FR, type DangerKind, type Proposal } from './kinds';
import { shortName } from './outside';
import { ageOn, daysLeft, dueDate } from './rules';
import { isResponsable } from './access';
import * as repo from './repo';

const name = (p: repo.PersonLink) => shortName({ birthName: p.birthName, usageName: p.usageName, firstNames: p.firstNames });

export function memberName(m: repo.MemberRow): { name: string; role: string } {
  if (m.userId !== null) {
    const roles = (m.userRoles ?? '').split(',');
    return { name: m.userName ?? '', role: roles.includes('ass') ? 'ASS' : roles.includes('cesf') ? 'CESF' : '' };
  }
  return { name: m.externalName, role: m.externalRole ? EXTERNAL_ROLE_LABELS_FR[m.externalRole] : '' };
}

export function statusOf(e: repo.EvaluationRow): EvaluationSummary['status'] {
  return e.announcedOn ? 'annonce' : e.sentOn ? 'rapport_envoye' : 'en_cours';
}

/** `params`: the legal parameters, read once by a caller that lists many evaluations. */
export function dueOf(ctx: CallContext, e: Pick<repo.EvaluationRow, 'kind' | 'receivedOn' | 'delayDays'>, params: ParameterLookup = ctx.app.parameters): EvaluationSummary['due'] {
  const d = dueDate(params, e.kind, e.receivedOn, e.delayDays);
  return d ? { ...d, daysLeft: daysLeft(localDay(ctx.now), d.due) } : null;
}

export function summaryOf(ctx: CallContext, e: repo.EvaluationRow, persons: repo.PersonLink[], team: repo.MemberRow[], params: ParameterLookup = ctx.app.parameters): EvaluationSummary {
  return {
    id: e.id,
    kind: e.kind,
    receivedOn: e.receivedOn,
    cellReference: e.cellReference,
    label: persons.filter((p) => p.role === 'concerne').map(name).join(', ') || '—',
    team: team.map((m) => memberName(m).name),
    due: dueOf(ctx, e, params),
    status: statusOf(e),
  };
}

/** What still misses before the report can be sent, in French. */
export function missingOf(e: repo.EvaluationRow): string[] {
  const out: string[] = [];
  if (e.informedOn === null && e.notInformedReason === '') out.push(e.kind === 'ip' ? 'l’information des parents (ou le motif pour lequel elle serait contraire à l’intérêt de l’enfant)' : 'l’information de la personne (ou le motif de ne pas l’informer)');
  if (e.dangerLevel === null) out.push('l’évaluation du danger');
  if ((JSON.parse(e.proposals) as Proposal[]).length === 0) out.push('au moins une proposition');
  return out;
}

export function view(ctx: CallContext, e: repo.EvaluationRow): EvaluationOut {
  const db = ctx.app.vault.db;
  const persons = repo.personsOf(db, e.id);
  const team = repo.teamOfMany(db, [e.id]).get(e.id) ?? [];
  const report = JSON.parse(e.report) as Record<string, string>;
  return {
    ...summaryOf(ctx, e, persons, team),
    origin: e.origin,
    delayDays: e.delayDays,
    facts: e.facts,
    persons: persons.map((p) => ({ id: p.personId, name: name(p), birthDate: p.birthDate, role: p.role, age: ageOn(p.birthDate, e.receivedOn) })),
    members: team.map((m) => ({ userId: m.userId, ...memberName(m) })),
    createdAt: e.createdAt,
    createdBy: { id: e.createdBy, displayName: e.createdByName },
    informedOn: e.informedOn,
    informedHow: e.informedHow,
    notInformedReason: e.notInformedReason,
    journal: repo.journalOf(db, e.id).map((j) => ({ id: j.id, occurredOn: j.occurredOn, type: j.type, summary: j.summary, recordedAt: j.recordedAt, recordedBy: { id: j.userId, displayName: j.userName } })),
    domains: Object.fromEntries(DOMAINS.map((d) => [d, report[d] ?? ''])),
    dangerLevel: e.dangerLevel,
    dangerKinds: JSON.parse(e.dangerKinds) as DangerKind[],
    proposals: JSON.parse(e.proposals) as Proposal[],
    proposalsNote: e.proposalsNote,
    reportAt: e.reportAt,
    reportBy: e.reportBy === null ? null : { id: e.reportBy, displayName: e.reportByName ?? '' },
    sentOn: e.sentOn,
    announcedOn: e.announcedOn,
    announcedBy: e.announcedBy === null ? null : { id: e.announcedBy, displayName: e.announcedByName ?? '' },
    announceNote: e.announceNote,
    exportDecision: e.exportDecisionAt === null || e.exportDecisionBy === null ? null : { at: e.exportDecisionAt, by: { id: e.exportDecisionBy, displayName: e.exportDecisionByName ?? '' }, reason: e.exportDecisionReason },
    missing: missingOf(e),
    canAssign: isResponsable(ctx),
  };
}
