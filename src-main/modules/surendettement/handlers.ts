/**
 * The overindebtedness files' channels (DOMAIN §5). Each file belongs to a household's DSU and
 * takes its access from it (dsu/access.ts): who may read the DSU reads the file; the social
 * workers who hold it write. Every read of a file is audited; every write goes in one
 * transaction with its audit row.
 */
import type { CallContext } from '../../api/app';
import { appendAudit } from '../../store/audit';
import { PasseurError } from '../../shared/errors';
import { hasAny, WORKERS } from '../../shared/roles';
import { frDate, localDay } from '../../shared/time';
import type { FileOut, FileSummary, StageOut, SurendettementHandlers } from './contract';
import { ORIENTATIONS, RECEVABILITE_DECISIONS, STAGE_LABELS_FR } from './kinds';
import { capacityOf, deadlinesOf, nextDeadline, parametersOf } from './computations';
import { renderDocument } from './documents';
import { requireDsu, requireSocialWorker, sessionOf } from './outside';
import * as repo from './repo';

function audit(ctx: CallContext, action: string, fileId: number, detail?: Record<string, unknown>) {
  appendAudit(ctx.app.vault.db, { userId: sessionOf(ctx).userId, action, entity: 'surendettement', entityId: fileId, ...(detail ? { detail } : {}) }, ctx.now);
}

const NOT_FOUND = 'Ce dossier de surendettement n’existe pas. Ouvrez le DSU du foyer pour retrouver ses dossiers.';

/** The file and its DSU as the caller may hold them; writing needs a social worker's role and an open file. */
function requireFile(ctx: CallContext, fileId: number, mode: 'read' | 'write'): repo.FileRow {
  const f = repo.getFile(ctx.app.vault.db, fileId);
  if (!f) throw new PasseurError('not_found', NOT_FOUND);
  try {
    requireDsu(ctx, f.dsuId, mode);
  } catch (e) {
    // The file's own référent holds it even when not (or no longer) on the DSU's team, while the DSU is active.
    if (!(e instanceof PasseurError && e.code === 'exceptional_access_required' && f.referentId === sessionOf(ctx).userId)) throw e;
    if (mode === 'write' && f.dsuStatus !== 'actif') throw new PasseurError('read_only', `Le dossier ${f.dsuNumber} est clos : rouvrez-le pour y ajouter quelque chose (son historique est conservé).`);
  }
  if (mode === 'write' && !hasAny(sessionOf(ctx).roles, WORKERS)) {
    throw new PasseurError('forbidden', 'Seul·e une assistante ou un assistant de service social, ou une CESF, inscrit quelque chose au dossier de surendettement.');
  }
  return f;
}

function canWrite(ctx: CallContext, f: repo.FileRow): boolean {
  if (!hasAny(sessionOf(ctx).roles, WORKERS)) return false;
  try {
    requireFile(ctx, f.id, 'write');
    return true;
  } catch {
    return false;
  }
}

function summaryOf(ctx: CallContext, f: repo.FileRow, stages: StageOut[]): FileSummary {
  const today = localDay(ctx.now);
  return {
    id: f.id,
    dsu: { id: f.dsuId, number: f.dsuNumber },
    household: repo.householdName(f),
    referent: { id: f.referentId, displayName: f.referentName },
    status: f.status,
    openedOn: f.openedOn,
    stage: stages[stages.length - 1]?.kind ?? null,
    nextDeadline: nextDeadline(deadlinesOf(ctx, stages).deadlines, today),
  };
}

/** The whole file as its reader sees it. */
function view(ctx: CallContext, f: repo.FileRow): FileOut {
  const db = ctx.app.vault.db;
  const stages = repo.stagesOf(db, f.id);
  const versions = repo.debtVersions(db, f.id);
  const debts: FileOut['debts'] = [];
  const removedDebts: FileOut['removedDebts'] = [];
  for (const [id, list] of versions) {
    const [current, ...history] = list;
    if (!current) continue;
    (current.deleted ? removedDebts : debts).push({ id, ...current, history });
  }
  const byNature = repo.totalsByNature(db, f.id);
  const b = repo.latestBudget(db, f.id);
  const budget = b
    ? {
        id: b.id,
        validOn: b.validOn,
        takenFrom: b.takenFrom,
        adults: b.adults,
        dependants: b.dependants,
        budget: JSON.parse(b.budget) as NonNullable<FileOut['budget']>['budget'],
        assets: JSON.parse(b.assets) as NonNullable<FileOut['budget']>['assets'],
        recordedAt: b.recordedAt,
        recordedBy: { id: b.userId, displayName: b.userName },
      }
    : null;
  const cap = capacityOf(ctx, budget);
  const dl = deadlinesOf(ctx, stages);
  const summary = summaryOf(ctx, f, stages);
  return {
    ...summary,
    debts,
    removedDebts,
    totals: {
      byNature,
      amountCents: byNature.reduce((s, t) => s + t.amountCents, 0),
      monthlyCents: byNature.reduce((s, t) => s + t.monthlyCents, 0),
    },
    budget,
    capacity: cap.capacity,
    capacityError: cap.error,
    stages,
    cycle: stages.reduce((c, s) => Math.max(c, s.cycle), 1),
    deadlines: dl.deadlines,
    warnings: [...new Set([...(cap.capacity?.warnings ?? []), ...dl.warnings, ...dl.pending, ...(dl.error ? [dl.error] : [])])],
    canWrite: canWrite(ctx, f),
    partners: repo.partnerChoices(db),
  };
}

/** Reads the file after a write (the write's audit row says what changed; this read is not audited again). */
function afterWrite(ctx: CallContext, fileId: number): FileOut {
  return view(ctx, repo.getFile(ctx.app.vault.db, fileId)!);
}

const today = (ctx: CallContext) => localDay(ctx.now);

function notInFuture(ctx: CallContext, day: string, what: string, field: string): void {
  if (day > today(ctx)) throw new PasseurError('invalid_input', `${what} : le ${frDate(day)} est dans le futur. Indiquez une date passée ou celle d’aujourd’hui.`, field);
}

/** The checks on a stage against those recorded before it in the file (DOMAIN §5's order). */
function checkStage(ctx: CallContext, f: repo.FileRow, stages: StageOut[], input: Parameters<SurendettementHandlers['surendettement:addStage']>[1], debtIds: Set<number>): number {
  const label = STAGE_LABELS_FR[input.kind];
  if (input.kind !== 'audience') notInFuture(ctx, input.day, label, 'day');
  if (input.notifiedOn !== null) {
    notInFuture(ctx, input.notifiedOn, 'Date de notification', 'notifiedOn');
    if (input.notifiedOn < input.day) throw new PasseurError('invalid_input', `Date de notification : elle ne peut pas précéder la décision du ${frDate(input.day)}.`, 'notifiedOn');
  }
  const cycle = stages.reduce((c, s) => Math.max(c, s.cycle), 0);
  const current = stages.filter((s) => s.cycle === cycle);
  const last = stages[stages.length - 1];
  if (last && input.day < last.day && input.kind !== 'audience' && last.kind !== 'audience') {
    throw new PasseurError('invalid_input', `${label} : la date du ${frDate(input.day)} précède l’étape précédente (${STAGE_LABELS_FR[last.kind].toLowerCase()} du ${frDate(last.day)}).`, 'day');
  }
  if (f.status === 'clos' && input.kind !== 'redepot') {
    throw new PasseurError('conflict', 'Ce dossier est clos : enregistrez un redépôt pour reprendre la procédure (son historique est conservé).', 'kind');
  }
  const has = (k: StageOut['kind'], decision?: string) => current.some((s) => s.kind === k && (decision === undefined || s.decision === decision));
  switch (input.kind) {
    case 'depot':
      if (stages.length > 0) throw new PasseurError('conflict', 'Un dépôt est déjà enregistré : un nouveau dépôt du dossier s’enregistre comme « redépôt ».', 'kind');
      return 1;
    case 'redepot':
      if (stages.length === 0) throw new PasseurError('conflict', 'Aucun dépôt n’est encore enregistré : enregistrez d’abord le dépôt du dossier.', 'kind');
      return cycle + 1;
    case 'recevabilite':
      if (!has('depot') && !has('redepot')) throw new PasseurError('conflict', 'Enregistrez d’abord le dépôt du dossier : la recevabilité se décide sur un dépôt.', 'kind');
      if (!(RECEVABILITE_DECISIONS as readonly string[]).includes(input.decision)) {
        throw new PasseurError('invalid_input', 'Décision de recevabilité : choisissez « recevable » ou « irrecevable ».', 'decision');
      }
      return cycle;
    case 'orientation':
      if (!has('recevabilite', 'recevable')) throw new PasseurError('conflict', 'L’orientation suit une décision de recevabilité : enregistrez d’abord le dossier recevable.', 'kind');
      if (!(ORIENTATIONS as readonly string[]).includes(input.decision)) {
        throw new PasseurError('invalid_input', 'Orientation : choisissez plan conventionnel, mesures imposées ou rétablissement personnel (avec ou sans liquidation).', 'decision');
      }
      return cycle;
    case 'mesures_imposees':
    case 'plan_conventionnel': {
      if (!has('recevabilite', 'recevable')) throw new PasseurError('conflict', `${label} : le dossier doit d’abord être déclaré recevable.`, 'kind');
      const plan = input.plan;
      if (!plan) throw new PasseurError('invalid_input', `${label} : indiquez le début, la durée en mois et la mensualité.`, 'plan');
      const max = parametersOf(ctx)('surendettement_delais', plan.start).value.plan_max_months;
      if (plan.months > max && !plan.mainResidenceLoans) {
        throw new PasseurError(
          'invalid_input',
          `Durée du plan : ${plan.months} mois dépasse le maximum légal de ${max} mois (L733-3). Réduisez la durée, ou cochez « prêts de la résidence principale » s’ils en font partie.`,
          'plan.months',
        );
      }
      for (const s of plan.shares) {
        if (!debtIds.has(s.debtId)) throw new PasseurError('invalid_input', 'Répartition : une part vise une dette qui n’est pas (ou plus) au dossier. Rechargez le dossier.', 'plan.shares');
      }
      if (new Set(plan.shares.map((s) => s.debtId)).size !== plan.shares.length) throw new PasseurError('invalid_input', 'Répartition : chaque dette n’a qu’une part.', 'plan.shares');
      const total = plan.shares.reduce((s, x) => s + x.cents, 0);
      if (plan.shares.length > 0 && total !== plan.monthlyCents) {
        const eur = (c: number) => (c / 100).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });
        throw new PasseurError('invalid_input', `Répartition : les parts des créanciers font ${eur(total)} par mois, la mensualité ${eur(plan.monthlyCents)}. Corrigez l’une ou l’autre pour qu’elles soient égales.`, 'plan.shares');
      }
      return cycle;
    }
    case 'audience':
    case 'cloture':
      if (stages.length === 0) throw new PasseurError('conflict', 'Enregistrez d’abord le dépôt du dossier.', 'kind');
      if (input.kind === 'cloture' && input.decision === '') throw new PasseurError('invalid_input', 'Clôture : indiquez son motif.', 'decision');
      return cycle;
  }
}

export const surendettementHandlers = {
  'surendettement:open': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const { dsu } = requireDsu(ctx, input.dsuId, 'write');
    const referent = requireSocialWorker(db, input.referentId ?? s.userId, 'referentId');
    const open = repo.filesOfDsu(db, dsu.id).find((f) => f.status === 'ouvert');
    if (open) {
      throw new PasseurError(
        'conflict',
        `Un dossier de surendettement est déjà ouvert pour ce foyer, suivi par ${open.referentName} depuis le ${frDate(open.openedOn)} : complétez-le ; un nouveau dépôt s’y enregistre comme redépôt.`,
      );
    }
    const id = db.transaction(() => {
      const id = repo.insertFile(db, { dsuId: dsu.id, referentId: referent.id, openedOn: today(ctx), openedAt: ctx.now.toISOString(), openedBy: s.userId });
      audit(ctx, 'surendettement.open', id, { dsu: dsu.id });
      return id;
    })();
    return afterWrite(ctx, id);
  },

  'surendettement:get': (ctx, input) => {
    const f = requireFile(ctx, input.id, 'read');
    ctx.app.vault.db.transaction(() => audit(ctx, 'surendettement.read', f.id))();
    return view(ctx, f);
  },

  'surendettement:forDsu': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { dsu } = requireDsu(ctx, input.dsuId, 'read');
    const files = repo.filesOfDsu(db, dsu.id);
    const stages = repo.stagesOfFiles(db, files.map((f) => f.id));
    if (files.length > 0) db.transaction(() => audit(ctx, 'surendettement.list', files[0]!.id, { dsu: dsu.id, files: files.length }))();
    return files.map((f) => summaryOf(ctx, f, stages.get(f.id) ?? []));
  },

  'surendettement:list': (ctx, input) => {
    const db = ctx.app.vault.db;
    const s = sessionOf(ctx);
    const all = s.roles.includes('responsable') && !hasAny(s.roles, WORKERS);
    const files = repo.filesFollowed(db, s.userId, all, input.closed);
    const stages = repo.stagesOfFiles(db, files.map((f) => f.id));
    return files.map((f) => summaryOf(ctx, f, stages.get(f.id) ?? []));
  },

  'surendettement:exists': (ctx, input) => {
    const db = ctx.app.vault.db;
    const files = repo.filesOfDsu(db, input.dsuId);
    if (files.length === 0 && !repo.dsuExists(db, input.dsuId)) throw new PasseurError('not_found', 'Ce DSU n’existe pas. Recherchez la personne pour retrouver son dossier.');
    return files.filter((f) => f.status === 'ouvert').map((f) => ({ followedBy: f.referentName, openedOn: f.openedOn }));
  },

  'surendettement:saveDebt': (ctx, input) => {
    const db = ctx.app.vault.db;
    const f = requireFile(ctx, input.fileId, 'write');
    let creditor = input.creditor;
    if (input.partnerId !== null) {
      const name = repo.partnerName(db, input.partnerId);
      if (name === undefined) throw new PasseurError('invalid_input', 'Créancier : ce partenaire n’est pas (ou plus) dans l’annuaire. Choisissez-en un autre ou tapez son nom.', 'partnerId');
      creditor = name;
    }
    if (creditor === '') throw new PasseurError('invalid_input', 'Créancier : choisissez-le dans l’annuaire ou tapez son nom.', 'creditor');
    if (input.debtDate !== null) notInFuture(ctx, input.debtDate, 'Date de la dette', 'debtDate');
    if (input.debtId !== null) {
      const owner = repo.debtFileId(db, input.debtId);
      if (owner !== f.id) throw new PasseurError('not_found', 'Cette dette n’est pas au dossier. Rechargez le dossier.', 'debtId');
      const current = repo.debtVersions(db, f.id).get(input.debtId)?.[0];
      if (current?.deleted) throw new PasseurError('conflict', 'Cette dette a été retirée du dossier : ajoutez-la de nouveau si elle doit y figurer.', 'debtId');
    }
    const s = sessionOf(ctx);
    const at = ctx.now.toISOString();
    db.transaction(() => {
      const debtId = input.debtId ?? repo.insertDebt(db, f.id, at, s.userId);
      repo.insertDebtVersion(db, debtId, at, s.userId, {
        partnerId: input.partnerId,
        creditor,
        nature: input.nature,
        amountCents: input.amountCents,
        monthlyCents: input.monthlyCents,
        debtDate: input.debtDate,
        proceedings: input.proceedings,
        guarantor: input.guarantor,
        mainResidence: input.mainResidence,
        deleted: false,
      });
      audit(ctx, input.debtId === null ? 'surendettement.debt_add' : 'surendettement.debt_update', f.id, { debt: debtId });
    })();
    return afterWrite(ctx, f.id);
  },

  'surendettement:removeDebt': (ctx, input) => {
    const db = ctx.app.vault.db;
    const f = requireFile(ctx, input.fileId, 'write');
    if (repo.debtFileId(db, input.debtId) !== f.id) throw new PasseurError('not_found', 'Cette dette n’est pas au dossier. Rechargez le dossier.', 'debtId');
    const current = repo.debtVersions(db, f.id).get(input.debtId)?.[0];
    if (!current || current.deleted) throw new PasseurError('conflict', 'Cette dette est déjà retirée du dossier.', 'debtId');
    const s = sessionOf(ctx);
    db.transaction(() => {
      repo.insertDebtVersion(db, input.debtId, ctx.now.toISOString(), s.userId, { ...current, deleted: true });
      audit(ctx, 'surendettement.debt_remove', f.id, { debt: input.debtId });
    })();
    return afterWrite(ctx, f.id);
  },

  'surendettement:saveBudget': (ctx, input) => {
    const db = ctx.app.vault.db;
    const f = requireFile(ctx, input.fileId, 'write');
    notInFuture(ctx, input.validOn, 'Date du budget', 'validOn');
    if (input.takenFrom !== null && input.takenFrom > input.validOn) {
      throw new PasseurError('invalid_input', `Budget repris d’une situation du ${frDate(input.takenFrom)}, postérieure à sa date (${frDate(input.validOn)}) : corrigez la date.`, 'validOn');
    }
    const s = sessionOf(ctx);
    db.transaction(() => {
      repo.insertBudget(db, {
        fileId: f.id,
        validOn: input.validOn,
        takenFrom: input.takenFrom,
        adults: input.adults,
        dependants: input.dependants,
        budget: JSON.stringify(input.budget),
        assets: JSON.stringify(input.assets),
        recordedAt: ctx.now.toISOString(),
        recordedBy: s.userId,
      });
      audit(ctx, 'surendettement.budget', f.id);
    })();
    return afterWrite(ctx, f.id);
  },

  'surendettement:addStage': (ctx, input) => {
    const db = ctx.app.vault.db;
    const f = requireFile(ctx, input.fileId, 'write');
    const stages = repo.stagesOf(db, f.id);
    const debts = repo.debtVersions(db, f.id);
    const live = new Set([...debts].filter(([, v]) => v[0] && !v[0].deleted).map(([id]) => id));
    const cycle = checkStage(ctx, f, stages, input, live);
    const plan = input.kind === 'mesures_imposees' || input.kind === 'plan_conventionnel' ? input.plan : null;
    // The stage must also make sense to the deadline rules (same order, same dates): refused before any write.
    const trial = [...stages, { id: 0, cycle, kind: input.kind, day: input.day, notifiedOn: input.notifiedOn, decision: input.decision, reference: input.reference, note: input.note, plan, recordedAt: '', recordedBy: { id: 0, displayName: '' } }];
    const problem = deadlinesOf(ctx, trial).error;
    if (problem) throw new PasseurError('invalid_input', problem, 'day');
    const s = sessionOf(ctx);
    db.transaction(() => {
      const id = repo.insertStage(db, { fileId: f.id, cycle, kind: input.kind, day: input.day, notifiedOn: input.notifiedOn, decision: input.decision, reference: input.reference, note: input.note, plan, recordedAt: ctx.now.toISOString(), recordedBy: s.userId });
      if (input.kind === 'cloture') repo.setFileStatus(db, f.id, 'clos', input.day);
      if (input.kind === 'redepot' && f.status === 'clos') repo.setFileStatus(db, f.id, 'ouvert', null);
      audit(ctx, 'surendettement.stage', f.id, { stage: id, kind: input.kind });
    })();
    return afterWrite(ctx, f.id);
  },

  'surendettement:document': async (ctx, input) => {
    const f = requireFile(ctx, input.id, 'read');
    const out = view(ctx, f);
    ctx.app.vault.db.transaction(() => audit(ctx, 'surendettement.document', f.id, { format: input.format }))();
    return await renderDocument(ctx, out, input.format);
  },
} satisfies SurendettementHandlers;
