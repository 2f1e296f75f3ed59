/** Channels `params:*`: the legal parameters, their entries, and the administrator's additions (DOMAIN §8). */
import { PasseurError } from '../../shared/errors';
import { sessionOf, type CallContext } from '../../api/app';
import { isoDate } from '../../api/schemas';
import { appendAudit } from '../../store/audit';
import type { Db } from '../../store/database';
import { addedEntries, insertParameterEntry } from '../../store/parameters';
import {
  effectiveEntries,
  entryInForce,
  fromProblem,
  nextRenewal,
  parameterDefinition,
  PARAMETER_IDS,
  valueProblems,
  type AddedEntry,
  type EntryProblem,
  type ParameterEntry,
  type ParameterId,
} from '../../shared/parameters';
import { addDays, localDay } from '../../shared/time';
import type { ParameterOut, ParametresHandlers } from './contract';

/**
 * How many days before its expected renewal a parameter is shown as to renew (on the admin's
 * home and in « Mes échéances »), when the site's notice period is shorter: the new barème's
 * décret comes out in December, the RSA's revaluation in March.
 */
export const RENEWAL_NOTICE_DAYS = 60;

/** When a new value of the parameter is expected after its latest entry, and whether it is to renew today. */
export function renewalOf(id: ParameterId, entries: readonly ParameterEntry<unknown>[], today: string, until = today): { nextRenewal: string | null; overdue: boolean; toRenew: boolean } {
  const p = parameterDefinition(id);
  const latest = [...entries].sort((a, b) => b.from.localeCompare(a.from))[0];
  if (!p.renewal || !latest) return { nextRenewal: null, overdue: false, toRenew: false };
  const due = nextRenewal(latest.from, p.renewal);
  const horizon = [addDays(today, RENEWAL_NOTICE_DAYS), until].sort().reverse()[0]!;
  return { nextRenewal: due, overdue: today >= due, toRenew: due <= horizon };
}

function describe(db: Db, id: ParameterId, today: string): ParameterOut {
  const p = parameterDefinition(id);
  const added = addedEntries(db, id);
  const effective = effectiveEntries(p, added);
  let current: ParameterOut['current'] = null;
  try {
    const e = entryInForce(p, effective, today);
    current = { from: e.from, value: e.value, source: e.source, warning: e.warning };
  } catch {
    current = null; // today is before the first entry: the list says there is no value in force
  }
  const lastAddedOn = new Map<string, number>();
  for (const a of added) lastAddedOn.set(a.from, a.seq);
  const fileEntries = p.entries.map((e) => ({ ...e, origin: 'fichier' as const, addedBy: null, addedAt: null, replaced: lastAddedOn.has(e.from), seq: 0 }));
  const addedOut = added.map((a: AddedEntry) => ({ from: a.from, value: a.value, source: a.source, origin: 'ajout' as const, addedBy: a.addedBy, addedAt: a.addedAt, replaced: lastAddedOn.get(a.from) !== a.seq, seq: a.seq }));
  const entries = [...fileEntries, ...addedOut]
    .sort((a, b) => a.from.localeCompare(b.from) || a.seq - b.seq)
    .map(({ seq: _seq, ...e }) => ({ ...e, inForceToday: !e.replaced && current !== null && e.from === current.from }));
  return { id, label: p.label, description: p.description ?? null, renewal: p.renewal, entries, current, ...renewalOf(id, effective, today) };
}

function knownEntries(db: Db, id: ParameterId): ParameterEntry<unknown>[] {
  return effectiveEntries(parameterDefinition(id) as Parameters<typeof effectiveEntries>[0], addedEntries(db, id));
}

/** An entry's problems (value against its parameter's schema, day against the known entries), each with its path. */
function entryProblems(id: ParameterId, known: readonly ParameterEntry<unknown>[], e: { from: unknown; value: unknown; source: unknown }): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const from = isoDate.safeParse(e.from);
  if (!from.success) problems.push({ path: 'from', message: `En vigueur à partir du : ${from.error.issues[0]?.message ?? 'date attendue au format AAAA-MM-JJ.'}` });
  else {
    const p = fromProblem(parameterDefinition(id), known, from.data);
    if (p) problems.push({ path: 'from', message: p });
  }
  problems.push(...valueProblems(id, e.value));
  if (typeof e.source !== 'string' || e.source.trim() === '') problems.push({ path: 'source', message: 'Source : à renseigner (le texte qui fixe cette valeur : décret, arrêté, article de code…).' });
  else if (e.source.trim().length > 1000) problems.push({ path: 'source', message: 'Source : 1000 caractères au plus.' });
  return problems;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Reads an import file: every problem with its path, or the entries to add (all or nothing). */
export function readImport(text: string, knownOf: (id: ParameterId) => ParameterEntry<unknown>[]): { toAdd: { id: ParameterId; from: string; value: unknown; source: string }[]; known: number; errors: EntryProblem[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { toAdd: [], known: 0, errors: [{ path: '', message: 'Le fichier n’est pas un JSON lisible : exportez-le à nouveau ou vérifiez ses virgules, guillemets et accolades.' }] };
  }
  const list = Array.isArray(doc) ? doc : [doc];
  const at = (i: number, rest: string) => (Array.isArray(doc) ? `[${i}]${rest ? `.${rest}` : ''}` : rest);
  const errors: EntryProblem[] = [];
  const toAdd: { id: ParameterId; from: string; value: unknown; source: string }[] = [];
  let known = 0;
  if (list.length === 0) errors.push({ path: '', message: 'Le fichier ne contient aucun paramètre.' });
  list.forEach((item, i) => {
    if (!isObject(item)) return void errors.push({ path: at(i, ''), message: 'Un paramètre est attendu : { "id": …, "entries": [ … ] }, comme les fichiers de resources/parameters/.' });
    const pid = item.id;
    if (typeof pid !== 'string' || !(PARAMETER_IDS as string[]).includes(pid)) {
      return void errors.push({ path: at(i, 'id'), message: `Paramètre inconnu${typeof pid === 'string' ? ` « ${pid.slice(0, 60)} »` : ''} : l’identifiant doit être l’un de ${PARAMETER_IDS.join(', ')}.` });
    }
    const id = pid as ParameterId;
    if (!Array.isArray(item.entries) || item.entries.length === 0) return void errors.push({ path: at(i, 'entries'), message: 'Entrées : une liste d’au moins une entrée est attendue ({ "from", "value", "source" }).' });
    // Entries are taken in date order, each checked against those before it (the known ones and this file's).
    const pending = [...knownOf(id), ...toAdd.filter((a) => a.id === id)];
    const entries = item.entries.map((e, j) => ({ e, j })).sort((a, b) => String(isObject(a.e) ? a.e.from : '').localeCompare(String(isObject(b.e) ? b.e.from : '')));
    for (const { e, j } of entries) {
      const base = at(i, `entries[${j}]`);
      if (!isObject(e)) {
        errors.push({ path: base, message: 'Entrée : { "from", "value", "source" } attendu.' });
        continue;
      }
      const same = pending.find((k) => k.from === e.from && sameJson(k.value, e.value) && k.source === (typeof e.source === 'string' ? e.source.trim() : e.source));
      if (same) {
        known++;
        continue;
      }
      const problems = entryProblems(id, pending, { from: e.from, value: e.value, source: e.source });
      if (problems.length) {
        for (const p of problems) errors.push({ path: `${base}.${p.path}`, message: p.message });
        continue;
      }
      const entry = { id, from: e.from as string, value: e.value, source: (e.source as string).trim() };
      toAdd.push(entry);
      pending.push(entry);
    }
  });
  return { toAdd, known, errors };
}

function add(ctx: CallContext, e: { id: ParameterId; from: string; value: unknown; source: string }): void {
  insertParameterEntry(ctx.app.vault.db, { ...e, addedBy: sessionOf(ctx).userId, addedAt: ctx.now.toISOString() });
}

export const parametresHandlers = {
  'params:list': (ctx) => {
    const today = localDay(ctx.now);
    return { today, parameters: PARAMETER_IDS.map((id) => describe(ctx.app.vault.db, id, today)) };
  },

  'params:addEntry': (ctx, input) => {
    const db = ctx.app.vault.db;
    return db.transaction(() => {
      const problems = entryProblems(input.id, knownEntries(db, input.id), input);
      if (problems.length) {
        const first = problems[0]!;
        throw new PasseurError('invalid_input', first.message, first.path, Object.fromEntries(problems.map((p) => [p.path, p.message])));
      }
      add(ctx, { id: input.id, from: input.from, value: input.value, source: input.source });
      appendAudit(db, { userId: sessionOf(ctx).userId, action: 'params.add', entity: 'parameter', entityId: input.id, detail: { from: input.from } }, ctx.now);
      return describe(db, input.id, localDay(ctx.now));
    })();
  },

  /** All or nothing: one problem and nothing is added; the report names every problem with its path. */
  'params:import': (ctx, input) => {
    const db = ctx.app.vault.db;
    return db.transaction(() => {
      const { toAdd, known, errors } = readImport(input.text, (id) => knownEntries(db, id));
      if (errors.length) return { added: 0, known, errors };
      for (const e of toAdd) add(ctx, e);
      if (toAdd.length) {
        appendAudit(db, { userId: sessionOf(ctx).userId, action: 'params.import', entity: 'parameter', entityId: [...new Set(toAdd.map((e) => e.id))].join(','), detail: { added: toAdd.length, known } }, ctx.now);
      }
      return { added: toAdd.length, known, errors: [] };
    })();
  },
} satisfies ParametresHandlers;

/** « Mes échéances » for an administrator: each parameter whose new value is expected soon, or overdue. */
export function parameterTasks(ctx: CallContext, today: string, until: string) {
  if (!sessionOf(ctx).roles.includes('admin')) return [];
  const db = ctx.app.vault.db;
  return PARAMETER_IDS.flatMap((id) => {
    const r = renewalOf(id, knownEntries(db, id), today, until);
    if (!r.toRenew || !r.nextRenewal) return [];
    return [{ module: 'parametres', kind: 'renewal', due: r.nextRenewal, label: parameterDefinition(id).label, href: `#/admin/parametres-legaux/${id}`, showFrom: addDays(r.nextRenewal, -RENEWAL_NOTICE_DAYS) }];
  });
}

/** Names of the log's `parameter` entities (their ids are the parameters' ids). */
export const auditEntities = {
  parameter: (_db: Db, ids: readonly string[]) =>
    new Map(ids.map((i) => [i, i.split(',').map((one) => ((PARAMETER_IDS as string[]).includes(one) ? parameterDefinition(one as ParameterId).label : one)).join(' ; ')])),
};
