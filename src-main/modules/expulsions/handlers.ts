/**
 * The eviction prevention cases' channels (DOMAIN §6). Each case belongs to a household's DSU
 * and takes its access from it (dsu/access.ts): who may read the DSU reads the case; the social
 * workers who hold it write. Every read of a case is audited; every write goes in one
 * transaction with its audit row.
 */
import type { CallContext } from '../../api/app';
import { appendAudit } from '../../store/audit';
import { PasseurError } from '../../shared/errors';
import { hasAny, WORKERS } from '../../shared/roles';
import { frDate, localDay } from '../../shared/time';
import type { CaseOut, CaseSummary, CcapexChannels, ExpulsionsHandlers, StageOut } from './contract';
import { datesOf, nextDate, ruleInput } from './computations';
import { EVICTION_STAGE_LABELS, OUTCOME_LABELS_FR } from './kinds';
import { requireDsu, requireSocialWorker, sessionOf } from './outside';
import * as repo from './repo';
import { ccapexOfCase } from './ccapex-view';

export function audit(ctx: CallContext, action: string, caseId: number, detail?: Record<string, unknown>) {
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity: 'expulsions', entityId: caseId, ...(detail ? { detail } : {}) }, ctx.now);
}

const NOT_FOUND = 'Ce dossier de prévention des expulsions n’existe pas. Ouvrez le DSU du foyer pour retrouver ses dossiers.';
export const today = (ctx: CallContext) => localDay(ctx.now);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The case and its DSU as the caller may hold them; writing needs a social worker's role. */
export function requireCase(ctx: CallContext, caseId: number, mode: 'read' | 'write'): repo.CaseRow {
  const c = repo.getCase(ctx.app.vault.db, caseId);
  if (!c) throw new PasseurError('not_found', NOT_FOUND);
  try {
    requireDsu(ctx, c.dsuId, mode);
  } catch (e) {
    // The case's own référent holds it even when not (or no longer) on the DSU's team, while the DSU is active.
    if (!(e instanceof PasseurError && e.code === 'exceptional_access_required' && c.referentId === sessionOf(ctx).userId)) throw e;
    if (mode === 'write' && c.dsuStatus !== 'actif') throw new PasseurError('read_only', `Le dossier ${c.dsuNumber} est clos : rouvrez-le pour y ajouter quelque chose (son historique est conservé).`);
  }
  if (mode === 'write' && !hasAny(sessionOf(ctx).roles, WORKERS)) {
    throw new PasseurError('forbidden', 'Seul·e une assistante ou un assistant de service social, ou une CESF, inscrit quelque chose au dossier de prévention des expulsions.');
  }
  if (mode === 'write' && c.status === 'clos') {
    throw new PasseurError('read_only', `Ce dossier est déjà clos (${OUTCOME_LABELS_FR[c.outcome ?? 'relogement']}, le ${frDate(c.closedOn ?? c.openedOn)}) : son historique est conservé, rien ne s’y ajoute.`);
  }
  return c;
}

function canWrite(ctx: CallContext, c: repo.CaseRow): boolean {
  if (!hasAny(sessionOf(ctx).roles, WORKERS)) return false;
  try {
    requireCase(ctx, c.id, 'write');
    return true;
  } catch {
    return false;
  }
}

export const facts = (c: repo.CaseRow) => ({ leaseSigned: c.leaseSigned, landlordKind: c.landlordKind, rehousingAssured: c.rehousingAssured === 1 });

function summaryOf(ctx: CallContext, c: repo.CaseRow, stages: StageOut[]): CaseSummary {
  return {
    id: c.id,
    dsu: { id: c.dsuId, number: c.dsuNumber },
    household: repo.householdName(c),
    referent: { id: c.referentId, displayName: c.referentName },
    status: c.status,
    openedOn: c.openedOn,
    stage: stages[stages.length - 1]?.kind ?? null,
    nextDate: nextDate(datesOf(ctx, ruleInput(facts(c), stages)).dates, today(ctx)),
    debtCents: c.debtCents,
  };
}

/** The whole case as its reader sees it. */
function view(ctx: CallContext, c: repo.CaseRow): CaseOut {
  const db = ctx.app.vault.db;
  const stages = repo.stagesOf(db, c.id);
  const d = datesOf(ctx, ruleInput(facts(c), stages));
  return {
    ...summaryOf(ctx, c, stages),
    dwelling: c.dwelling,
    landlordKind: c.landlordKind,
    landlordPartnerId: c.landlordPartnerId,
    landlordName: c.landlordName,
    leaseSigned: c.leaseSigned,
    rentCents: c.rentCents,
    chargesCents: c.chargesCents,
    rehousingAssured: c.rehousingAssured === 1,
    outcome: c.outcome,
    closedOn: c.closedOn,
    aids: repo.linkedAids(db, c.id),
    aidChoices: repo.aidChoices(db, c.dsuId),
    debts: repo.debtPoints(db, c.id),
    stages,
    dates: d.dates,
    warnings: [...d.warnings, ...(d.error ? [d.error] : [])],
    pending: d.pending,
    canWrite: canWrite(ctx, c),
    partners: repo.partnerChoices(db),
    ccapex: ccapexOfCase(db, c.id, c.dsuId),
  };
}

export const afterWrite = (ctx: CallContext, caseId: number): CaseOut => view(ctx, repo.getCase(ctx.app.vault.db, caseId)!);

export function notInFuture(ctx: CallContext, day: string, what: string, field: string): void {
  if (day > today(ctx)) throw new PasseurError('invalid_input', `${what} : le ${frDate(day)} est dans le futur. Indiquez une date passée ou celle d’aujourd’hui.`, field);
}

/** The details as they will be stored: the landlord's name from the directory when chosen there. */
function checkedDetails(ctx: CallContext, input: repo.Details): repo.Details {
  let landlordName = input.landlordName;
  if (input.landlordPartnerId !== null) {
    const name = repo.partnerName(ctx.app.vault.db, input.landlordPartnerId);
    if (name === undefined) throw new PasseurError('invalid_input', 'Bailleur : ce partenaire n’est pas (ou plus) dans l’annuaire. Choisissez-en un autre ou tapez son nom.', 'landlordPartnerId');
    landlordName = name;
  }
  if (landlordName === '') throw new PasseurError('invalid_input', 'Bailleur : choisissez-le dans l’annuaire ou tapez son nom.', 'landlordName');
  if (input.leaseSigned !== null) notInFuture(ctx, input.leaseSigned, 'Date de signature du bail', 'leaseSigned');
  return {
    dwelling: input.dwelling,
    landlordKind: input.landlordKind,
    landlordPartnerId: input.landlordPartnerId,
    landlordName,
    leaseSigned: input.leaseSigned,
    rentCents: input.rentCents,
    chargesCents: input.chargesCents,
    rehousingAssured: input.rehousingAssured,
  };
}

/** Future days allowed: a hearing (its own stage, or written on the assignation). */
function checkStage(ctx: CallContext, input: Parameters<ExpulsionsHandlers['expulsions:addStage']>[1]): void {
  const label = capital(EVICTION_STAGE_LABELS[input.kind]);
  if (input.kind !== 'audience' && input.kind !== 'passage_ccapex') notInFuture(ctx, input.day, label, 'day');
  const misplaced = (field: keyof typeof input, kinds: readonly string[], what: string) => {
    if (input[field] !== null && !kinds.includes(input.kind)) throw new PasseurError('invalid_input', `${label} : ${what} ne s’indique que pour ${kinds.map((k) => EVICTION_STAGE_LABELS[k as never]).join(' ou ')}.`, field);
  };
  misplaced('hearing', ['assignation'], 'la date d’audience');
  misplaced('firstOffer', ['diagnostic_social_financier'], 'la première proposition d’entretien');
  misplaced('answered', ['diagnostic_social_financier'], 'la réponse du ménage');
  misplaced('delaisGranted', ['jugement'], 'les délais de paiement');
  misplaced('graceMonths', ['jugement', 'commandement_quitter_lieux'], 'les délais de grâce');
  misplaced('extensionMonths', ['commandement_quitter_lieux'], 'la prorogation du délai');
  if (input.hearing !== null && input.hearing < input.day) throw new PasseurError('invalid_input', `Date d’audience : le ${frDate(input.hearing)} précède l’assignation du ${frDate(input.day)}.`, 'hearing');
  if (input.firstOffer !== null) {
    notInFuture(ctx, input.firstOffer, 'Première proposition d’entretien', 'firstOffer');
    if (input.firstOffer < input.day) throw new PasseurError('invalid_input', `Première proposition d’entretien : le ${frDate(input.firstOffer)} précède la saisine du ${frDate(input.day)}.`, 'firstOffer');
  }
}

export const expulsionsHandlers = {
  'expulsions:open': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const { dsu } = requireDsu(ctx, input.dsuId, 'write');
    const referent = requireSocialWorker(db, input.referentId ?? s.userId, 'referentId');
    const open = repo.casesOfDsu(db, dsu.id).find((c) => c.status === 'ouvert');
    if (open) {
      throw new PasseurError('conflict', `Un dossier de prévention des expulsions est déjà ouvert pour ce foyer, suivi par ${open.referentName} depuis le ${frDate(open.openedOn)} : complétez-le.`);
    }
    const details = checkedDetails(ctx, input);
    const id = db.transaction(() => {
      const id = repo.insertCase(db, { dsuId: dsu.id, referentId: referent.id, openedOn: today(ctx), openedAt: ctx.now.toISOString(), openedBy: s.userId, ...details });
      audit(ctx, 'expulsions.open', id, { dsu: dsu.id });
      return id;
    })();
    return afterWrite(ctx, id);
  },

  'expulsions:get': (ctx, input) => {
    const c = requireCase(ctx, input.id, 'read');
    ctx.app.vault.db.transaction(() => audit(ctx, 'expulsions.read', c.id))();
    return view(ctx, c);
  },

  'expulsions:forDsu': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { dsu } = requireDsu(ctx, input.dsuId, 'read');
    const cases = repo.casesOfDsu(db, dsu.id);
    const stages = repo.stagesOfCases(db, cases.map((c) => c.id));
    if (cases.length > 0) db.transaction(() => audit(ctx, 'expulsions.list', cases[0]!.id, { dsu: dsu.id, cases: cases.length }))();
    return cases.map((c) => summaryOf(ctx, c, stages.get(c.id) ?? []));
  },

  'expulsions:list': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const all = s.roles.includes('responsable') && !hasAny(s.roles, WORKERS);
    const cases = repo.casesFollowed(db, s.userId, all, input.closed);
    const stages = repo.stagesOfCases(db, cases.map((c) => c.id));
    return cases.map((c) => summaryOf(ctx, c, stages.get(c.id) ?? []));
  },

  'expulsions:exists': (ctx, input) => {
    const db = ctx.app.vault.db;
    const cases = repo.casesOfDsu(db, input.dsuId);
    if (cases.length === 0 && !repo.dsuExists(db, input.dsuId)) throw new PasseurError('not_found', 'Ce DSU n’existe pas. Recherchez la personne pour retrouver son dossier.');
    return cases.filter((c) => c.status === 'ouvert').map((c) => ({ followedBy: c.referentName, openedOn: c.openedOn }));
  },

  'expulsions:saveCase': (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = requireCase(ctx, input.caseId, 'write');
    const details = checkedDetails(ctx, input);
    // The dates must still be computable with the new lease and landlord: refused before any write.
    const problem = datesOf(ctx, ruleInput({ leaseSigned: details.leaseSigned, landlordKind: details.landlordKind, rehousingAssured: details.rehousingAssured }, repo.stagesOf(db, c.id))).error;
    if (problem) throw new PasseurError('invalid_input', problem, 'leaseSigned');
    db.transaction(() => {
      repo.updateDetails(db, c.id, details);
      audit(ctx, 'expulsions.case', c.id);
    })();
    return afterWrite(ctx, c.id);
  },

  'expulsions:addDebt': (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = requireCase(ctx, input.caseId, 'write');
    notInFuture(ctx, input.day, 'Date du montant de la dette', 'day');
    db.transaction(() => {
      repo.insertDebtPoint(db, { caseId: c.id, day: input.day, amountCents: input.amountCents, recordedAt: ctx.now.toISOString(), recordedBy: sessionOf(ctx).userId });
      audit(ctx, 'expulsions.debt', c.id);
    })();
    return afterWrite(ctx, c.id);
  },

  'expulsions:addStage': (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = requireCase(ctx, input.caseId, 'write');
    checkStage(ctx, input);
    const stages = repo.stagesOf(db, c.id);
    const stage = {
      kind: input.kind,
      day: input.day,
      actor: input.actor,
      reference: input.reference,
      note: input.note,
      hearing: input.hearing,
      firstOffer: input.firstOffer,
      answered: input.answered,
      delaisGranted: input.delaisGranted,
      graceMonths: input.graceMonths,
      extensionMonths: input.extensionMonths,
      recordedAt: ctx.now.toISOString(),
    };
    // The stage must also make sense to the date rules (bounds, parameters in force): refused before any write.
    const problem = datesOf(ctx, ruleInput(facts(c), [...stages, stage])).error;
    if (problem) throw new PasseurError('invalid_input', problem, 'day');
    db.transaction(() => {
      const id = repo.insertStage(db, c.id, { ...stage, recordedBy: sessionOf(ctx).userId });
      audit(ctx, 'expulsions.stage', c.id, { stage: id, kind: input.kind });
    })();
    return afterWrite(ctx, c.id);
  },

  'expulsions:linkAid': (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = requireCase(ctx, input.caseId, 'write');
    const aid = repo.aidRow(db, input.aidId);
    if (!aid || aid.dsuId !== c.dsuId) throw new PasseurError('not_found', 'Cette demande d’aide n’est pas une demande de ce foyer. Ouvrez-la depuis le dossier ou choisissez-en une dans la liste.', 'aidId');
    const linked = repo.caseOfAid(db, aid.id);
    if (linked !== undefined) throw new PasseurError('conflict', `La demande ${aid.number} est déjà liée à ${linked === c.id ? 'ce dossier' : 'un autre dossier d’expulsion'}.`, 'aidId');
    db.transaction(() => {
      repo.insertAidLink(db, c.id, aid.id, ctx.now.toISOString(), sessionOf(ctx).userId);
      audit(ctx, 'expulsions.aid_link', c.id, { aid: aid.id });
    })();
    return afterWrite(ctx, c.id);
  },

  'expulsions:forAid': (ctx, input) => {
    const db = ctx.app.vault.db;
    const aid = repo.aidRow(db, input.aidId);
    if (!aid) throw new PasseurError('not_found', 'Cette demande d’aide n’existe pas. Recherchez-la dans la liste des demandes.');
    requireDsu(ctx, aid.dsuId, 'read');
    const caseId = repo.caseOfAid(db, aid.id);
    const c = caseId === undefined ? undefined : repo.getCase(db, caseId);
    return c ? [{ caseId: c.id, openedOn: c.openedOn, referent: c.referentName, stage: repo.stagesOf(db, c.id).at(-1)?.kind ?? null }] : [];
  },

  'expulsions:setOutcome': (ctx, input) => {
    const db = ctx.app.vault.db;
    const c = requireCase(ctx, input.caseId, 'write');
    notInFuture(ctx, input.day, 'Date de l’issue', 'day');
    if (input.day < c.openedOn) throw new PasseurError('invalid_input', `Date de l’issue : le ${frDate(input.day)} précède l’ouverture du dossier le ${frDate(c.openedOn)}.`, 'day');
    db.transaction(() => {
      repo.closeCase(db, c.id, input.outcome, input.day);
      audit(ctx, 'expulsions.outcome', c.id, { outcome: input.outcome });
    })();
    return afterWrite(ctx, c.id);
  },
} satisfies Omit<ExpulsionsHandlers, CcapexChannels>;
