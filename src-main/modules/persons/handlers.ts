/**
 * Channels `persons:*` and `households:*`: finding, registering and correcting persons and
 * households (DOMAIN §2). Identity level only: what the front desk may know.
 */
import { PasseurError } from '../../shared/errors';
import type { CallContext, Handler } from '../../api/dispatch';
import type { Channel, ParsedInput } from '../../api/contract';
import type { PersonCard } from '../../api/contract-accueil';
import { appendAudit } from '../../auth/audit';
import { localDay } from '../../shared/time';
import { sessionOf } from '../dsu/access';
import { forHousehold } from '../rdv/repo';
import * as repo from './repo';

function communeOr400(ctx: CallContext, insee: string | null): void {
  if (insee !== null && ctx.app.vault.db.prepare('SELECT 1 FROM communes WHERE insee = ?').get(insee) === undefined) {
    throw new PasseurError('invalid_input', 'Cette commune n’est pas dans le territoire du site. Choisissez-la dans la liste (l’administrateur peut en ajouter).', 'household.communeInsee');
  }
}

function checkPerson(ctx: CallContext, p: repo.PersonInput): void {
  if (p.birthDate && p.birthDate > localDay(ctx.now)) throw new PasseurError('invalid_input', 'La date de naissance ne peut pas être dans le futur.', 'birthDate');
  if (p.birthDate && p.birthDate < '1900-01-01') throw new PasseurError('invalid_input', 'Date de naissance invalide : avant 1900.', 'birthDate');
}

export function personOr404(ctx: CallContext, id: number): repo.PersonRow {
  const p = repo.getPerson(ctx.app.vault.db, id);
  if (!p) throw new PasseurError('not_found', 'Cette personne n’existe pas. Recherchez-la à nouveau.');
  if (p.mergedInto !== null) throw new PasseurError('conflict', 'Cette fiche a été fusionnée avec une autre : recherchez la personne à nouveau.');
  return p;
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

type HouseholdInput = ParsedInput<'persons:create'>['household'];

/** Resolves the household part of a form; creates a new household inside the caller's transaction. */
function resolveHousehold(ctx: CallContext, h: HouseholdInput): { id: number; role: repo.PersonRow['role'] } {
  const db = ctx.app.vault.db;
  if ('existingId' in h) {
    if (!repo.householdExists(db, h.existingId)) throw new PasseurError('not_found', 'Ce foyer n’existe pas.', 'household.existingId');
    return { id: h.existingId, role: h.role };
  }
  const id = repo.createHousehold(db, { address: h.address, communeInsee: h.communeInsee }, ctx.now.toISOString());
  appendAudit(db, { userId: sessionOf(ctx).userId, action: 'household.create', entity: 'household', entityId: id }, ctx.now);
  return { id, role: h.role };
}

function validateHousehold(ctx: CallContext, h: HouseholdInput | undefined): void {
  if (h && !('existingId' in h)) communeOr400(ctx, h.communeInsee);
}

interface MergeMoves {
  firstContacts: number[];
  appointments: number[];
  consents: number[];
  /** Absent in merges recorded before the aid module existed. */
  aidRequests?: number[];
  filled: Record<string, string | null>;
  household: { id: number | null; role: repo.PersonRow['role'] } | null;
}

const FILLABLE = { usageName: 'usage_name', sex: 'sex', birthDate: 'birth_date', phone: 'phone', email: 'email' } as const;

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
    const mergeId = db.transaction(() => {
      const ids = (sql: string) => (db.prepare(sql).all(absorb.id) as { id: number }[]).map((r) => r.id);
      const moves: MergeMoves = {
        firstContacts: ids('SELECT id FROM first_contacts WHERE person_id = ?'),
        appointments: ids('SELECT id FROM appointments WHERE person_id = ?'),
        consents: ids('SELECT id FROM consents WHERE person_id = ?'),
        aidRequests: ids('SELECT id FROM aid_requests WHERE person_id = ?'),
        filled: {},
        household: null,
      };
      for (const [key, column] of Object.entries(FILLABLE) as [keyof typeof FILLABLE, string][]) {
        const mine = keep[key];
        const theirs = absorb[key];
        if ((mine === '' || mine === null) && theirs) {
          moves.filled[column] = mine;
          db.prepare(`UPDATE persons SET ${column} = ? WHERE id = ?`).run(theirs, keep.id);
        }
      }
      if (keep.householdId === null && absorb.householdId !== null) {
        moves.household = { id: keep.householdId, role: keep.role };
        db.prepare('UPDATE persons SET household_id = ?, household_role = ? WHERE id = ?').run(absorb.householdId, absorb.role, keep.id);
      }
      const move = (table: string, list: number[]) =>
        list.length && db.prepare(`UPDATE ${table} SET person_id = ? WHERE id IN (SELECT value FROM json_each(?))`).run(keep.id, JSON.stringify(list));
      move('first_contacts', moves.firstContacts);
      move('appointments', moves.appointments);
      move('consents', moves.consents);
      move('aid_requests', moves.aidRequests ?? []);
      db.prepare('UPDATE persons SET merged_into = ?, updated_at = ? WHERE id = ?').run(keep.id, ctx.now.toISOString(), absorb.id);
      repo.reindexPerson(db, absorb.id);
      repo.reindexPerson(db, keep.id);
      const r = db
        .prepare('INSERT INTO person_merges (kept_id, absorbed_id, moves, at, by_user) VALUES (?, ?, ?, ?, ?)')
        .run(keep.id, absorb.id, JSON.stringify(moves), ctx.now.toISOString(), sessionOf(ctx).userId);
      const id = Number(r.lastInsertRowid);
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'person.merge', entity: 'person', entityId: keep.id, detail: { merge: id, absorbed: absorb.id } }, ctx.now);
      return id;
    })();
    return { mergeId, kept: card(ctx, keep.id) };
  },

  'persons:unmerge': (ctx, input) => {
    const db = ctx.app.vault.db;
    const m = db.prepare('SELECT kept_id AS keptId, absorbed_id AS absorbedId, moves, undone_at AS undoneAt FROM person_merges WHERE id = ?').get(input.mergeId) as
      | { keptId: number; absorbedId: number; moves: string; undoneAt: string | null }
      | undefined;
    if (!m) throw new PasseurError('not_found', 'Cette fusion n’existe pas.');
    if (m.undoneAt) throw new PasseurError('conflict', 'Cette fusion a déjà été annulée.');
    const later = db.prepare('SELECT 1 FROM person_merges WHERE id > ? AND undone_at IS NULL AND (kept_id IN (?, ?) OR absorbed_id IN (?, ?))').get(input.mergeId, m.keptId, m.absorbedId, m.keptId, m.absorbedId);
    if (later) throw new PasseurError('conflict', 'Une fusion plus récente concerne ces fiches : annulez-la d’abord.');
    const moves = JSON.parse(m.moves) as MergeMoves;
    db.transaction(() => {
      const back = (table: string, list: number[]) =>
        list.length && db.prepare(`UPDATE ${table} SET person_id = ? WHERE id IN (SELECT value FROM json_each(?))`).run(m.absorbedId, JSON.stringify(list));
      back('first_contacts', moves.firstContacts);
      back('appointments', moves.appointments);
      back('consents', moves.consents);
      back('aid_requests', moves.aidRequests ?? []);
      for (const [column, value] of Object.entries(moves.filled)) {
        if (!Object.values(FILLABLE).includes(column as never)) continue;
        db.prepare(`UPDATE persons SET ${column} = ? WHERE id = ?`).run(value, m.keptId);
      }
      if (moves.household) db.prepare('UPDATE persons SET household_id = ?, household_role = ? WHERE id = ?').run(moves.household.id, moves.household.role, m.keptId);
      db.prepare('UPDATE persons SET merged_into = NULL, updated_at = ? WHERE id = ?').run(ctx.now.toISOString(), m.absorbedId);
      db.prepare('UPDATE person_merges SET undone_at = ?, undone_by = ? WHERE id = ?').run(ctx.now.toISOString(), sessionOf(ctx).userId, input.mergeId);
      repo.reindexPerson(db, m.keptId);
      repo.reindexPerson(db, m.absorbedId);
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'person.unmerge', entity: 'person', entityId: m.keptId, detail: { merge: input.mergeId, restored: m.absorbedId } }, ctx.now);
    })();
    return {};
  },

  'persons:merges': (ctx) => {
    const rows = ctx.app.vault.db
      .prepare(
        `SELECT m.id, k.id AS kid, k.birth_name AS kb, k.usage_name AS ku, k.first_names AS kf, a.id AS aid, a.birth_name AS ab, a.usage_name AS au, a.first_names AS af,
                m.at, u.id AS uid, u.display_name AS uname, m.undone_at AS undoneAt
         FROM person_merges m JOIN persons k ON k.id = m.kept_id JOIN persons a ON a.id = m.absorbed_id JOIN users u ON u.id = m.by_user
         ORDER BY m.id DESC LIMIT 500`,
      )
      .all() as { id: number; kid: number; kb: string; ku: string; kf: string; aid: number; ab: string; au: string; af: string; at: string; uid: number; uname: string; undoneAt: string | null }[];
    return rows.map((r) => ({
      id: r.id,
      kept: { id: r.kid, name: repo.shortName({ birthName: r.kb, usageName: r.ku, firstNames: r.kf }) },
      absorbed: { id: r.aid, name: repo.shortName({ birthName: r.ab, usageName: r.au, firstNames: r.af }) },
      at: r.at,
      by: { id: r.uid, displayName: r.uname },
      undoneAt: r.undoneAt,
    }));
  },
} satisfies { [C in Extract<Channel, `persons:${string}` | `households:${string}`>]: Handler<C> };
