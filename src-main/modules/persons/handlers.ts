/**
 * Channels `persons:*` and `households:*`: finding, registering and correcting persons and
 * households (DOMAIN §2). Identity level only: what the front desk may know.
 */
import { PasseurError } from '../../shared/errors';
import type { CallContext } from '../../api/app';
import type { z } from 'zod';
import type { PersonsHandlers, personsContract } from './contract';
import type { PersonCard } from './contract';
import { appendAudit } from '../../store/audit';
import { localDay } from '../../shared/time';
import { sessionOf } from '../../api/app';
import { forHousehold } from '../rdv';
import * as repo from './repo';
import { personOr404 } from './lookup';
import { retentionHandlers } from './retention';
import { accessExportHandlers } from './access-export';

function communeOr400(ctx: CallContext, insee: string | null): void {
  if (insee !== null && !repo.communeExists(ctx.app.vault.db, insee)) {
    throw new PasseurError('invalid_input', 'Cette commune n’est pas dans le territoire du site. Choisissez-la dans la liste (l’administrateur peut en ajouter).', 'household.communeInsee');
  }
}

function checkPerson(ctx: CallContext, p: repo.PersonInput): void {
  if (p.birthDate && p.birthDate > localDay(ctx.now)) throw new PasseurError('invalid_input', 'La date de naissance ne peut pas être dans le futur.', 'birthDate');
  if (p.birthDate && p.birthDate < '1900-01-01') throw new PasseurError('invalid_input', 'Date de naissance invalide : avant 1900.', 'birthDate');
}

export function card(ctx: CallContext, id: number): PersonCard {
  const db = ctx.app.vault.db;
  const p = personOr404(ctx, id);
  const household = p.householdId !== null ? repo.householdOf(db, p.householdId) : null;
  const { mergedInto: _m, ...person } = p;
  return {
    person,
    household,
    dsu: repo.dsuRefOfHousehold(db, p.householdId),
    proposedReferents: repo.proposedReferents(db, household?.communeInsee ?? null),
    appointments: forHousehold(db, p.householdId, p.id),
  };
}

type HouseholdInput = z.output<(typeof personsContract)['persons:create']['input']>['household'];

/** Resolves the household part of a form; creates a new household inside the caller's transaction. */
function resolveHousehold(ctx: CallContext, h: HouseholdInput): { id: number; role: repo.PersonRow['role'] } {
  const db = ctx.app.vault.db;
  if ('existingId' in h) {
    if (!repo.householdExists(db, h.existingId)) throw new PasseurError('not_found', 'Ce foyer n’existe pas.', 'household.existingId');
    return { id: h.existingId, role: h.role };
  }
  const id = repo.createHousehold(db, { address: h.address, addressComplement: h.addressComplement, postcode: h.postcode, communeInsee: h.communeInsee }, ctx.now.toISOString());
  appendAudit(db, { userId: sessionOf(ctx).userId, action: 'household.create', entity: 'household', entityId: id }, ctx.now);
  return { id, role: h.role };
}

function validateHousehold(ctx: CallContext, h: HouseholdInput | undefined): void {
  if (h && !('existingId' in h)) communeOr400(ctx, h.communeInsee);
}

/** What a merge changed, kept to undo it. `refs`: per `table.column` declared by a module to the
 *  registry, the rows moved from the absorbed person to the kept one. */
interface MergeMoves {
  refs: Record<string, number[]>;
  filled: Record<string, string | null>;
  household: { id: number | null; role: repo.PersonRow['role'] } | null;
}

/** Merges recorded before the registry named their moved rows by list. */
const LEGACY_REFS: Record<string, string> = {
  firstContacts: 'first_contacts.person_id',
  appointments: 'appointments.person_id',
  consents: 'consents.person_id',
  aidRequests: 'aid_requests.person_id',
};

function movesOf(json: string): MergeMoves {
  const raw = JSON.parse(json) as Partial<MergeMoves> & Record<string, unknown>;
  const refs: Record<string, number[]> = { ...(raw.refs ?? {}) };
  for (const [legacy, key] of Object.entries(LEGACY_REFS)) if (Array.isArray(raw[legacy])) refs[key] = raw[legacy] as number[];
  return { refs, filled: raw.filled ?? {}, household: raw.household ?? null };
}

/** The person columns every module declared (ARCHITECTURE "The registry"), by `table.column`. */
function personColumns(ctx: CallContext): Map<string, repo.PersonColumn> {
  return new Map(ctx.app.modules.flatMap((m) => m.personRefs ?? []).map((r) => [`${r.table}.${r.column}`, r]));
}

export const personsHandlers = {
  'persons:search': (ctx, input) => repo.searchPersons(ctx.app.vault.db, input.q, input.limit),

  'persons:duplicates': (ctx, input) => repo.findDuplicates(ctx.app.vault.db, input, input.excludeId),

  'persons:get': (ctx, input) => {
    const out = card(ctx, input.id);
    const db = ctx.app.vault.db;
    db.transaction(() => appendAudit(db, { userId: sessionOf(ctx).userId, action: 'person.read', entity: 'person', entityId: input.id }, ctx.now))();
    return out;
  },

  'persons:create': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { household, confirmNotDuplicate, ...person } = input;
    checkPerson(ctx, person);
    validateHousehold(ctx, household);
    if (!confirmNotDuplicate) {
      const dups = repo.findDuplicates(db, person);
      if (dups.length) {
        throw new PasseurError(
          'duplicate_suspected',
          `${dups.length === 1 ? 'Une fiche existante ressemble' : `${dups.length} fiches existantes ressemblent`} à cette personne (${dups
            .slice(0, 3)
            .map((d) => repo.shortName(d))
            .join(', ')}). Vérifiez qu’il ne s’agit pas d’elle avant de créer une nouvelle fiche.`,
        );
      }
    }
    const id = db.transaction(() => {
      const h = resolveHousehold(ctx, household);
      const pid = repo.insertPerson(db, person, h, ctx.now.toISOString());
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'person.create', entity: 'person', entityId: pid, detail: { household: h.id, duplicatesConfirmed: confirmNotDuplicate } }, ctx.now);
      return pid;
    })();
    return card(ctx, id);
  },

  'persons:update': (ctx, input) => {
    const db = ctx.app.vault.db;
    const { id, household, ...person } = input;
    personOr404(ctx, id);
    checkPerson(ctx, person);
    validateHousehold(ctx, household);
    db.transaction(() => {
      const h = household ? resolveHousehold(ctx, household) : null;
      repo.updatePerson(db, id, person, h, ctx.now.toISOString());
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'person.update', entity: 'person', entityId: id, detail: { householdChanged: h !== null } }, ctx.now);
    })();
    return card(ctx, id);
  },

  'households:update': (ctx, input) => {
    const db = ctx.app.vault.db;
    if (!repo.householdExists(db, input.id)) throw new PasseurError('not_found', 'Ce foyer n’existe pas.');
    communeOr400(ctx, input.communeInsee);
    db.transaction(() => {
      repo.updateHousehold(db, input.id, input);
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'household.update', entity: 'household', entityId: input.id }, ctx.now);
    })();
    return repo.householdOf(db, input.id)!;
  },

  // Merging two records of the same person (DOMAIN §2): responsable only, undoable. ---------

  'persons:merge': (ctx, input) => {
    const db = ctx.app.vault.db;
    if (input.keepId === input.absorbId) throw new PasseurError('invalid_input', 'Choisissez deux fiches différentes.', 'absorbId');
    const keep = personOr404(ctx, input.keepId);
    const absorb = personOr404(ctx, input.absorbId);
    const keepDsu = repo.dsuRefOfHousehold(db, keep.householdId);
    const absorbDsu = repo.dsuRefOfHousehold(db, absorb.householdId);
    if (keepDsu && absorbDsu && keepDsu.id !== absorbDsu.id) {
      throw new PasseurError(
        'conflict',
        `Les deux fiches appartiennent à deux foyers ayant chacun un DSU (${keepDsu.number} et ${absorbDsu.number}) : rattachez d’abord la personne au bon foyer, puis fusionnez.`,
      );
    }
    // The absorbed record's file would lose its member and its records (aids, consents) would follow
    // a person outside it: the record of the household with a file is the one to keep.
    if (absorbDsu && !keepDsu && keep.householdId !== null && keep.householdId !== absorb.householdId) {
      throw new PasseurError(
        'conflict',
        `La fiche à réunir appartient au foyer du DSU ${absorbDsu.number}, l’autre à un foyer sans dossier : conservez plutôt la fiche du foyer du DSU (inversez le choix), ou rattachez d’abord la personne à ce foyer.`,
      );
    }
    const mergeId = db.transaction(() => {
      const columns = personColumns(ctx);
      const moves: MergeMoves = { refs: {}, filled: {}, household: null };
      for (const [key, ref] of columns) moves.refs[key] = repo.rowsReferencing(db, ref, absorb.id);
      for (const [key, column] of Object.entries(repo.FILLABLE) as [keyof typeof repo.FILLABLE, repo.FillableColumn][]) {
        const mine = keep[key];
        const theirs = absorb[key];
        if ((mine === '' || mine === null) && theirs) {
          moves.filled[column] = mine;
          repo.setPersonColumn(db, keep.id, column, theirs);
        }
      }
      if (keep.householdId === null && absorb.householdId !== null) {
        moves.household = { id: keep.householdId, role: keep.role };
        repo.setPersonHousehold(db, keep.id, { id: absorb.householdId, role: absorb.role });
      }
      for (const [key, ids] of Object.entries(moves.refs)) repo.pointRowsAt(db, columns.get(key)!, ids, keep.id);
      repo.setMergedInto(db, absorb.id, keep.id, ctx.now.toISOString());
      repo.reindexPerson(db, absorb.id);
      repo.reindexPerson(db, keep.id);
      const id = repo.insertMerge(db, { keptId: keep.id, absorbedId: absorb.id, moves: JSON.stringify(moves), at: ctx.now.toISOString(), byUser: sessionOf(ctx).userId });
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'person.merge', entity: 'person', entityId: keep.id, detail: { merge: id, absorbed: absorb.id } }, ctx.now);
      return id;
    })();
    return { mergeId, kept: card(ctx, keep.id) };
  },

  'persons:unmerge': (ctx, input) => {
    const db = ctx.app.vault.db;
    const m = repo.getMerge(db, input.mergeId);
    if (!m) throw new PasseurError('not_found', 'Cette fusion n’existe pas.');
    if (m.undoneAt) throw new PasseurError('conflict', 'Cette fusion a déjà été annulée.');
    if (repo.hasLaterMerge(db, input.mergeId, m.keptId, m.absorbedId)) throw new PasseurError('conflict', 'Une fusion plus récente concerne ces fiches : annulez-la d’abord.');
    const moves = movesOf(m.moves);
    const columns = personColumns(ctx);
    const unknown = Object.keys(moves.refs).filter((k) => moves.refs[k]!.length && !columns.has(k));
    if (unknown.length) throw new PasseurError('conflict', 'Cette fusion a déplacé des éléments d’un module qui n’est plus installé : elle ne peut pas être annulée automatiquement. Prévenez l’administrateur.');
    db.transaction(() => {
      for (const [key, ids] of Object.entries(moves.refs)) repo.pointRowsAt(db, columns.get(key)!, ids, m.absorbedId);
      for (const [column, value] of Object.entries(moves.filled)) {
        if (!Object.values(repo.FILLABLE).includes(column as never)) continue;
        repo.setPersonColumn(db, m.keptId, column as repo.FillableColumn, value);
      }
      if (moves.household) repo.setPersonHousehold(db, m.keptId, moves.household);
      repo.setMergedInto(db, m.absorbedId, null, ctx.now.toISOString());
      repo.markMergeUndone(db, input.mergeId, ctx.now.toISOString(), sessionOf(ctx).userId);
      repo.reindexPerson(db, m.keptId);
      repo.reindexPerson(db, m.absorbedId);
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'person.unmerge', entity: 'person', entityId: m.keptId, detail: { merge: input.mergeId, restored: m.absorbedId } }, ctx.now);
    })();
    return {};
  },

  'persons:merges': (ctx) => repo.listMerges(ctx.app.vault.db),
} satisfies Omit<PersonsHandlers, keyof typeof retentionHandlers | keyof typeof accessExportHandlers>;

export const allPersonsHandlers = { ...personsHandlers, ...retentionHandlers, ...accessExportHandlers } satisfies PersonsHandlers;
