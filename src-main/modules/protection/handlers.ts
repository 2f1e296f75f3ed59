/**
 * The protection evaluations' channels (DOMAIN §10). A responsable receives an evaluation from
 * the département's cell and assigns its team; the team's ASS/CESF and the responsables record
 * it; everyone else gets « introuvable » (access.ts). Every read is audited; every write goes in
 * one transaction with its audit row, after every check (nothing half-written).
 */
import type { CallContext } from '../../api/app';
import { appendAudit } from '../../store/audit';
import { PasseurError } from '../../shared/errors';
import { frDate, localDay } from '../../shared/time';
import { isResponsable, requireEvaluation } from './access';
import type { ProtectionHandlers } from './contract';
import { reportPdf, sheetFile } from './documents';
import { DOMAINS, EXTERNAL_ROLES_BY_KIND, type ExternalRole, type Kind } from './kinds';
import { requireSocialWorker, sessionOf } from './outside';
import { ageOn } from './rules';
import { sheetSources } from './statistics';
import { missingOf, summaryOf, view } from './view';
import * as repo from './repo';

function audit(ctx: CallContext, action: string, id: number, detail?: Record<string, unknown>) {
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity: 'protection', entityId: id, ...(detail ? { detail } : {}) }, ctx.now);
}

const today = (ctx: CallContext) => localDay(ctx.now);

function notInFuture(ctx: CallContext, day: string, what: string, field: string): void {
  if (day > today(ctx)) throw new PasseurError('invalid_input', `${what} : le ${frDate(day)} est dans le futur. Indiquez une date passée ou celle d’aujourd’hui.`, field);
}

function notBeforeReceipt(e: { receivedOn: string }, day: string, what: string, field: string): void {
  if (day < e.receivedOn) throw new PasseurError('invalid_input', `${what} : le ${frDate(day)} précède la réception de l’information le ${frDate(e.receivedOn)}. Corrigez la date.`, field);
}


/** The intake's persons and team, checked against the store: each referenced id exists, ages fit the kind. */
function checkIntake(ctx: CallContext, input: Parameters<ProtectionHandlers['protection:save']>[1]) {
  const db = ctx.app.vault.db;
  notInFuture(ctx, input.receivedOn, 'Date de réception', 'receivedOn');
  const all = [...input.concerned, ...input.otherMinors];
  if (new Set(all).size !== all.length) throw new PasseurError('invalid_input', 'Personnes : une même personne est choisie deux fois. Retirez le doublon.', 'concerned');
  if (input.kind === 'is' && input.otherMinors.length > 0) throw new PasseurError('invalid_input', 'Autres mineurs du foyer : ils ne se renseignent que pour une information préoccupante. Retirez-les, ou choisissez la nature « information préoccupante ».', 'otherMinors');
  const persons: { personId: number; role: 'concerne' | 'autre_mineur' }[] = [];
  for (const [list, role, field] of [[input.concerned, 'concerne', 'concerned'], [input.otherMinors, 'autre_mineur', 'otherMinors']] as const) {
    for (const pid of list) {
      const p = repo.livePerson(db, pid);
      if (!p) throw new PasseurError('not_found', 'Personnes : une personne choisie n’existe pas (ou plus, fusionnée avec une autre fiche). Recherchez-la de nouveau.', field);
      const age = ageOn(p.birthDate, input.receivedOn);
      if (input.kind === 'ip' && age !== null && age >= 18) {
        throw new PasseurError('invalid_input', `Personnes : une personne choisie avait ${age} ans à la réception. Une information préoccupante concerne des mineurs ; pour un adulte, choisissez « information signalante ».`, field);
      }
      if (input.kind === 'is' && age !== null && age < 18) {
        throw new PasseurError('invalid_input', `Personne concernée : elle avait ${age} ans à la réception. Une information signalante concerne un adulte ; pour un enfant, choisissez « information préoccupante ».`, field);
      }
      persons.push({ personId: pid, role });
    }
  }
  const users = new Set<number>();
  const team: { userId: number | null; externalName: string; externalRole: ExternalRole | null }[] = [];
  for (const m of input.team) {
    if ('userId' in m) {
      const u = requireSocialWorker(db, m.userId, 'team');
      if (users.has(u.id)) throw new PasseurError('invalid_input', `Équipe : ${u.displayName} est choisi·e deux fois.`, 'team');
      users.add(u.id);
      team.push({ userId: u.id, externalName: '', externalRole: null });
    } else {
      const allowed: readonly ExternalRole[] = EXTERNAL_ROLES_BY_KIND[input.kind];
      if (!allowed.includes(m.externalRole)) {
        throw new PasseurError(
          'invalid_input',
          input.kind === 'ip'
            ? 'Équipe : pour une information préoccupante, le binôme se fait avec la CRIP, la PMI ou une autre MDS.'
            : 'Équipe : pour une information signalante, le binôme se fait avec l’infirmière prévention adulte, le référent autonomie ou une autre MDS.',
          'team',
        );
      }
      team.push({ userId: null, externalName: m.externalName, externalRole: m.externalRole });
    }
  }
  if (users.size === 0) throw new PasseurError('invalid_input', 'Équipe : confiez l’évaluation à au moins une assistante ou un assistant de service social, ou une CESF, de la MDS.', 'team');
  return { persons, team };
}

/** The evaluation for writing: its readers may write, until the family was told of the proposals. */
function forWrite(ctx: CallContext, id: number): repo.EvaluationRow {
  const e = requireEvaluation(ctx, id);
  if (e.announcedOn !== null) throw new PasseurError('read_only', `Les propositions ont été annoncées à la famille le ${frDate(e.announcedOn)} : l’évaluation est close et ne se modifie plus.`);
  return e;
}

const reread = (ctx: CallContext, id: number) => view(ctx, repo.getEvaluation(ctx.app.vault.db, id)!);

export const protectionHandlers = {
  'protection:save': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const previous = input.id === null ? null : forWrite(ctx, input.id);
    const { persons, team } = checkIntake(ctx, input);
    if (previous?.sentOn && previous.kind !== input.kind) throw new PasseurError('conflict', 'Le rapport est déjà envoyé : la nature de l’évaluation ne change plus.', 'kind');
    const at = ctx.now.toISOString();
    const fields = { kind: input.kind as Kind, receivedOn: input.receivedOn, origin: input.origin, cellReference: input.cellReference, delayDays: input.delayDays, facts: input.facts };
    const id = db.transaction(() => {
      const id = previous ? previous.id : repo.insertEvaluation(db, fields, at, s.userId);
      if (previous) repo.updateIntake(db, id, fields);
      repo.setPersons(db, id, persons);
      repo.setTeam(db, id, team, at, s.userId);
      audit(ctx, previous ? 'protection.update' : 'protection.create', id, { persons: persons.length, team: team.length });
      return id;
    })();
    return reread(ctx, id);
  },

  'protection:list': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const rows = repo.listEvaluations(db, isResponsable(ctx) ? null : s.userId, input.done);
    const ids = rows.map((r) => r.id);
    const persons = repo.personsOfMany(db, ids);
    const team = repo.teamOfMany(db, ids);
    if (rows.length > 0) db.transaction(() => audit(ctx, 'protection.list', rows[0]!.id, { evaluations: rows.length }))();
    const params = ctx.app.parameters;
    return rows.map((r) => summaryOf(ctx, r, persons.get(r.id) ?? [], team.get(r.id) ?? [], params));
  },

  'protection:get': (ctx, input) => {
    const e = requireEvaluation(ctx, input.id);
    ctx.app.vault.db.transaction(() => audit(ctx, 'protection.read', e.id))();
    return view(ctx, e);
  },

  'protection:setParents': (ctx, input) => {
    const db = ctx.app.vault.db;
    const e = forWrite(ctx, input.id);
    const who = e.kind === 'ip' ? 'Information des parents' : 'Information de la personne';
    if (input.informedOn === null && input.notInformedReason === '') {
      throw new PasseurError('invalid_input', `${who} : indiquez la date et la manière, ou le motif pour lequel l’informer serait contraire à ${e.kind === 'ip' ? 'l’intérêt de l’enfant' : 'son intérêt'}.`, 'informedOn');
    }
    if (input.informedOn !== null && input.notInformedReason !== '') throw new PasseurError('invalid_input', `${who} : une date d’information et un motif de non-information s’excluent. Gardez l’un des deux.`, 'notInformedReason');
    if (input.informedOn !== null) {
      if (input.informedHow === null) throw new PasseurError('invalid_input', `${who} : indiquez la manière (courrier, entretien, téléphone, visite).`, 'informedHow');
      notInFuture(ctx, input.informedOn, 'Date d’information', 'informedOn');
      notBeforeReceipt(e, input.informedOn, 'Date d’information', 'informedOn');
    }
    db.transaction(() => {
      repo.setParents(db, e.id, input.informedOn, input.informedOn === null ? null : input.informedHow, input.notInformedReason);
      audit(ctx, 'protection.parents', e.id, { informed: input.informedOn !== null });
    })();
    return reread(ctx, e.id);
  },

  'protection:addEntry': (ctx, input) => {
    const db = ctx.app.vault.db;
    const e = forWrite(ctx, input.evaluationId);
    notInFuture(ctx, input.occurredOn, 'Date', 'occurredOn');
    notBeforeReceipt(e, input.occurredOn, 'Date', 'occurredOn');
    db.transaction(() => {
      const id = repo.insertEntry(db, { evaluationId: e.id, occurredOn: input.occurredOn, type: input.type, summary: input.summary, recordedAt: ctx.now.toISOString(), recordedBy: sessionOf(ctx).userId });
      audit(ctx, 'protection.entry', e.id, { entry: id, type: input.type });
    })();
    return reread(ctx, e.id);
  },

  'protection:saveReport': (ctx, input) => {
    const db = ctx.app.vault.db;
    const e = forWrite(ctx, input.id);
    if (e.sentOn !== null) throw new PasseurError('conflict', `Le rapport a été envoyé à la cellule le ${frDate(e.sentOn)} : il ne se modifie plus. Consignez un complément au journal de l’évaluation.`);
    if (input.dangerLevel === 'pas_de_danger' && input.dangerKinds.length > 0) throw new PasseurError('invalid_input', 'Nature du danger : sans danger ni risque de danger, n’en cochez aucune.', 'dangerKinds');
    if (input.dangerLevel !== null && input.dangerLevel !== 'pas_de_danger' && input.dangerKinds.length === 0) throw new PasseurError('invalid_input', 'Nature du danger : cochez-en au moins une.', 'dangerKinds');
    if (input.proposals.includes('cloture') && input.proposals.length > 1) throw new PasseurError('invalid_input', 'Propositions : une clôture sans mesure exclut toute autre proposition.', 'proposals');
    if (e.kind === 'ip' && input.proposals.includes('mesure_protection_majeur')) throw new PasseurError('invalid_input', 'Propositions : une mesure de protection d’un majeur ne se propose que pour une information signalante.', 'proposals');
    if (e.kind === 'is' && input.proposals.some((p) => p === 'aed' || p === 'accueil_provisoire')) throw new PasseurError('invalid_input', 'Propositions : l’AED et l’accueil provisoire concernent un enfant ; pour un adulte, choisissez une autre proposition.', 'proposals');
    const current = JSON.parse(e.report) as Record<string, string>;
    const report = Object.fromEntries(DOMAINS.map((d) => [d, input.domains[d] ?? current[d] ?? '']));
    const s = sessionOf(ctx);
    db.transaction(() => {
      repo.setReport(db, e.id, { report: JSON.stringify(report), dangerLevel: input.dangerLevel, dangerKinds: [...new Set(input.dangerKinds)], proposals: [...new Set(input.proposals)], proposalsNote: input.proposalsNote }, ctx.now.toISOString(), s.userId);
      audit(ctx, 'protection.report', e.id);
    })();
    return reread(ctx, e.id);
  },

  'protection:markSent': (ctx, input) => {
    const db = ctx.app.vault.db;
    const e = forWrite(ctx, input.id);
    const missing = missingOf(e);
    if (missing.length > 0) throw new PasseurError('conflict', `Le rapport ne peut pas encore être envoyé : il manque ${missing.join(', ')}.`);
    notInFuture(ctx, input.sentOn, 'Date d’envoi', 'sentOn');
    notBeforeReceipt(e, input.sentOn, 'Date d’envoi', 'sentOn');
    db.transaction(() => {
      repo.setSent(db, e.id, input.sentOn);
      audit(ctx, 'protection.sent', e.id);
    })();
    return reread(ctx, e.id);
  },

  'protection:announce': (ctx, input) => {
    const db = ctx.app.vault.db;
    const e = forWrite(ctx, input.id);
    if (e.sentOn === null) throw new PasseurError('conflict', 'Enregistrez d’abord l’envoi du rapport à la cellule : l’entretien annonce ses propositions à la famille.');
    notInFuture(ctx, input.announcedOn, 'Date de l’entretien', 'announcedOn');
    if (input.announcedOn < e.sentOn) throw new PasseurError('invalid_input', `Date de l’entretien : le ${frDate(input.announcedOn)} précède l’envoi du rapport le ${frDate(e.sentOn)}. Corrigez la date.`, 'announcedOn');
    db.transaction(() => {
      repo.setAnnounced(db, e.id, input.announcedOn, sessionOf(ctx).userId, input.note);
      audit(ctx, 'protection.announce', e.id);
    })();
    return reread(ctx, e.id);
  },

  'protection:report': async (ctx, input) => {
    const e = requireEvaluation(ctx, input.id);
    const out = view(ctx, e);
    ctx.app.vault.db.transaction(() => audit(ctx, 'protection.document', e.id, { document: 'rapport' }))();
    const pdf = await reportPdf(ctx, out);
    return { fileName: `evaluation-${e.kind}-${e.id}.pdf`, mime: 'application/pdf', contentBase64: pdf.toString('base64') };
  },

  'protection:sheet': async (ctx, input) => {
    const e = requireEvaluation(ctx, input.id);
    ctx.app.vault.db.transaction(() => audit(ctx, 'protection.sheet', e.id, { format: input.format }))();
    return await sheetFile(sheetSources(ctx.app.vault.db, ctx.app.parameters, [e]), input.format, `fiche-statistique-${e.kind}-${e.id}`);
  },

  'protection:sheets': async (ctx, input) => {
    if (input.to < input.from) throw new PasseurError('invalid_input', `Période : le ${frDate(input.to)} précède le ${frDate(input.from)}. Inversez les dates.`, 'to');
    const db = ctx.app.vault.db;
    const rows = repo.evaluationsReceived(db, input.from, input.to, input.kind);
    db.transaction(() => appendAudit(db, { userId: sessionOf(ctx).userId, action: 'protection.sheets', entity: 'protection', entityId: null, detail: { from: input.from, to: input.to, evaluations: rows.length } }, ctx.now))();
    return await sheetFile(sheetSources(db, ctx.app.parameters, rows), input.format, `fiches-statistiques-${input.kind ?? 'ip-is'}-${input.from}-${input.to}`);
  },

  'protection:received': (ctx) => repo.receivedCounts(ctx.app.vault.db),

  'protection:setReceived': (ctx, input) => {
    const db = ctx.app.vault.db;
    if (input.year > Number(today(ctx).slice(0, 4))) throw new PasseurError('invalid_input', `Année : ${input.year} n’a pas encore commencé.`, 'year');
    db.transaction(() => {
      repo.setReceivedCount(db, input.year, input.kind, input.count, ctx.now.toISOString(), sessionOf(ctx).userId);
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'protection.received', entity: 'protection', entityId: null, detail: { year: input.year, kind: input.kind, count: input.count } }, ctx.now);
    })();
    return repo.receivedCounts(db);
  },

  'protection:includeInExport': (ctx, input) => {
    const db = ctx.app.vault.db;
    const e = requireEvaluation(ctx, input.id);
    if (e.exportDecisionAt !== null) throw new PasseurError('conflict', `L’inclusion dans le droit d’accès est déjà décidée (le ${frDate(e.exportDecisionAt)}).`);
    db.transaction(() => {
      repo.setExportDecision(db, e.id, ctx.now.toISOString(), sessionOf(ctx).userId, input.reason);
      audit(ctx, 'protection.export_decision', e.id);
    })();
    return reread(ctx, e.id);
  },
} satisfies ProtectionHandlers;

