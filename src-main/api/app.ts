/**
 * The main-process application core shared by both transports: the vault, the sessions,
 * the handler table and the event bus. Electron's IPC host and `passeur serve`'s HTTP host
 * both call `dispatch` and nothing else.
 */
import { EventEmitter } from 'node:events';
import { PasseurError } from '../shared/errors';
import type { Session } from '../auth/sessions';
import { SessionManager } from '../auth/sessions';
import { LoginThrottle } from '../auth/throttle';
import { Vault } from '../store/vault';
import type { z } from 'zod';
import type { Db } from '../store/database';
import { storeParameters } from '../store/parameters';
import type { ParameterLookup } from '../shared/parameters';
import type { ChannelSpec, ContractTable, EventName } from './spec';
import type { Role } from '../shared/roles';

export const DEFAULT_IDLE_MINUTES = 10;

/** What a handler receives with its (validated) input. */
export interface CallContext {
  app: AppCore;
  session: Session | null;
  now: Date;
  /** Set by login/logout handlers: the transport stores or clears its session token. */
  setSession: (s: Session | null) => void;
}

/** The handler of one channel: its input as the schema parsed it, its output as the schema states it. */
export type HandlerOf<S extends ChannelSpec> = (ctx: CallContext, input: z.output<S['input']>) => z.output<S['output']> | Promise<z.output<S['output']>>;
/** One handler per channel of a module's contract. */
export type HandlersOf<C extends ContractTable> = { [K in keyof C]: HandlerOf<C[K]> };

/** A column of a module's table that holds a person's id: a merge moves its rows to the kept
 *  person, and its undo moves them back. */
export interface PersonRef {
  table: string;
  column: string;
  /** Its rows are deleted with a person who never had a DSU, at the end of retention (DOMAIN §3 *ponctuel*). */
  purgeWithPonctuel?: boolean;
  /** The column of the same rows naming the DSU they belong to: whoever exports the person's data must be able to read each such DSU. */
  dsuColumn?: string;
}

/** A dated thing someone must act on (DOMAIN §7 "Mes échéances"), for the home page's one list. */
export interface Task {
  /** The module that owns it (its i18n namespace in the renderer). */
  module: string;
  /** What it is, an i18n key under `tasks.<module>.` in the renderer. */
  kind: string;
  /** The day it is due (YYYY-MM-DD). */
  due: string;
  /** What it concerns, as its readers may see it (a DSU or aid number, a session's date). */
  label: string;
  /** The renderer route that acts on it (`#/…`). */
  href: string;
  /** Shown from this day on when the site's notice period would show it later (a lead time of its own). */
  showFrom?: string;
}

/** One module's part of a person's right-of-access export (RGPD art. 15, DOMAIN §3), in French. */
export interface ExportPart {
  /** The section's title. */
  title: string;
  /** What the section says when it has no entry. */
  empty: string;
  /** Its entries, each a heading and labelled values. */
  entries: { heading: string; fields: { label: string; value: string }[] }[];
}

/** A figure of a module's activity over a period (for the site's activity report). */
export interface Statistic {
  key: string;
  label: string;
  value: number;
}

/**
 * What a module declares to the registry (src-main/modules/index.ts): its channels and their
 * handlers, and what the shared screens and operations take from it. Hubs read the list
 * (`ctx.app.modules`); none names a module.
 */
export interface ModuleEntry<C extends ContractTable = ContractTable> {
  name: string;
  contract: C;
  handlers: HandlersOf<C>;
  /** Columns holding a person's id, moved on a merge. */
  personRefs?: readonly PersonRef[];
  /** Names of the audit log's entities of this module, for the log's readers (`entity` → ids → label). */
  auditEntities?: Readonly<Record<string, (db: Db, ids: readonly string[]) => Map<string, string>>>;
  /** The latest dated activity of this module on each listed DSU (`dsuId` → YYYY-MM-DD); `null`: on every DSU. */
  lastActivity?: (db: Db, dsuIds: readonly number[] | null) => Map<number, string>;
  /** The latest dated activity of this module about each person (`personId` → YYYY-MM-DD), for the retention of persons without a DSU. */
  personActivity?: (db: Db, personIds: readonly number[]) => Map<number, string>;
  /** This module's part of a person's right-of-access export. */
  personExport?: (db: Db, personId: number) => ExportPart[];
  /** This module's part of a DSU's export (the household's file, PDF or JSON), after the DSU's own content. */
  dsuExport?: (db: Db, dsuId: number) => ExportPart[];
  /** Dated things the caller must act on: overdue ones, and those due up to `until` (today + the site's notice period). */
  tasks?: (ctx: CallContext, today: string, until: string) => Task[];
  /** Its figures for a period (inclusive days). */
  statistics?: (db: Db, from: string, to: string) => Statistic[];
  /** The roles told that its data changed (`data:changed`); absent: every open session. For a module whose records' very existence is restricted. */
  changesTold?: readonly Role[];
}

/** Types a module's entry against its own contract (each handler checked against its channel). */
export const defineModule = <C extends ContractTable>(m: ModuleEntry<C>): ModuleEntry<C> => m;

/** The registry handed to the core: every module's entry, in order (each typed against its own
 *  contract by `defineModule`; here the handlers are only known to be there). */
export type Registry = readonly (Omit<ModuleEntry, 'handlers'> & { handlers: object })[];

/** The caller's session (every non-public channel has one once dispatch admitted it). */
export function sessionOf(ctx: CallContext): Session {
  if (!ctx.session) throw new PasseurError('unauthenticated', 'Connectez-vous pour continuer.');
  return ctx.session;
}

export class AppCore {
  readonly vault: Vault;
  readonly sessions: SessionManager;
  readonly throttle: LoginThrottle;
  /** Emits ('event', token, name, payload) for the transports to deliver; token `null`: to every session. */
  readonly bus = new EventEmitter();
  private sweeper: NodeJS.Timeout | null = null;
  clock: () => Date = () => new Date();
  /**
   * The legal parameters (DOMAIN §8) as computations inside a handler read them: the files of
   * `resources/parameters/` plus the entries an administrator added (src-main/store/parameters.ts).
   */
  get parameters(): ParameterLookup {
    return storeParameters(this.vault.db);
  }

  /** Closed with the core (the owner's control endpoint, host/control.ts). */
  private readonly closers: (() => void)[] = [];
  private readonly erasureListeners = new Set<() => void>();

  /** The modules, in the registry's order (src-main/modules/index.ts). */
  readonly modules: Registry;
  /** Every channel, with its handler: built once from the modules. */
  readonly channels: ReadonlyMap<string, { spec: ChannelSpec; handler: HandlerOf<ChannelSpec>; module: string }>;

  /** `modules`: the registry (src-main/modules/index.ts). `ownerCommand` names this process in
   *  the folder's owner note ('app', 'serve'…). */
  constructor(dataDir: string, modules: Registry, ownerCommand = 'passeur') {
    this.modules = modules;
    this.channels = channelTable(modules);
    this.vault = new Vault(dataDir, ownerCommand);
    this.sessions = new SessionManager(DEFAULT_IDLE_MINUTES, () => this.clock().getTime());
    this.sessions.onLock = (s) => this.emit(s, 'session:locked');
    this.throttle = new LoginThrottle(() => this.clock().getTime());
    this.sweeper = setInterval(() => this.sessions.sweep(), 15_000);
    this.sweeper.unref();
  }

  emit(s: Session, name: EventName, payload: unknown = {}): void {
    this.bus.emit('event', s.token, name, payload);
  }

  /** Sends an event to every open session (token `null` on the bus). */
  broadcast(name: EventName, payload: unknown = {}): void {
    this.bus.emit('event', null, name, payload);
  }

  /**
   * Runs `fn` each time people's records are erased (end of retention), so that what keeps
   * copies of answers outside the store forgets them too. Returns how to stop.
   */
  onErasure(fn: () => void): () => void {
    this.erasureListeners.add(fn);
    return () => this.erasureListeners.delete(fn);
  }

  /** Called once an erasure is committed. */
  erased(): void {
    for (const fn of this.erasureListeners) fn();
  }

  /** Runs `fn` when the core closes (transports and endpoints started beside it). */
  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    for (const fn of this.closers.splice(0)) fn();
    this.vault.close();
  }
}

/** The channel table of a registry; a channel declared twice, or one without its handler, is a
 *  programming error found at start-up, not at the first call. */
export function channelTable(modules: Registry): Map<string, { spec: ChannelSpec; handler: HandlerOf<ChannelSpec>; module: string }> {
  const table = new Map<string, { spec: ChannelSpec; handler: HandlerOf<ChannelSpec>; module: string }>();
  for (const m of modules) {
    for (const [name, spec] of Object.entries(m.contract)) {
      const other = table.get(name);
      if (other) throw new Error(`Channel ${name} declared by both ${other.module} and ${m.name}`);
      const handler = (m.handlers as Record<string, HandlerOf<ChannelSpec> | undefined>)[name];
      if (typeof handler !== 'function') throw new Error(`Channel ${name} of ${m.name} has no handler`);
      table.set(name, { spec, handler, module: m.name });
    }
    for (const name of Object.keys(m.handlers)) {
      if (!Object.prototype.hasOwnProperty.call(m.contract, name)) throw new Error(`Handler ${name} of ${m.name} is not in its contract`);
    }
  }
  return table;
}
