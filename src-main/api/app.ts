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
import type { Channel, EventName, Output, ParsedInput } from './contract';

export const DEFAULT_IDLE_MINUTES = 10;

/** What a handler receives with its (validated) input. */
export interface CallContext {
  app: AppCore;
  session: Session | null;
  now: Date;
  /** Set by login/logout handlers: the transport stores or clears its session token. */
  setSession: (s: Session | null) => void;
}

export type Handler<C extends Channel> = (ctx: CallContext, input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
/** One handler per channel of the contract: gathered by the modules' registry
 *  (src-main/modules/index.ts) and handed to the core, never imported by api/. */
export type HandlerTable = { [C in Channel]: Handler<C> };

/** The caller's session (every non-public channel has one once dispatch admitted it). */
export function sessionOf(ctx: CallContext): Session {
  if (!ctx.session) throw new PasseurError('unauthenticated', 'Connectez-vous pour continuer.');
  return ctx.session;
}

export class AppCore {
  readonly vault: Vault;
  readonly sessions: SessionManager;
  readonly throttle: LoginThrottle;
  /** Emits ('event', token, name, payload) for the transports to deliver. */
  readonly bus = new EventEmitter();
  private sweeper: NodeJS.Timeout | null = null;
  clock: () => Date = () => new Date();

  /** Closed with the core (the owner's control endpoint, host/control.ts). */
  private readonly closers: (() => void)[] = [];

  readonly handlers: HandlerTable;

  /** `handlers`: the modules' table (src-main/modules/index.ts). `ownerCommand` names this
   *  process in the folder's owner note ('app', 'serve'…). */
  constructor(dataDir: string, handlers: HandlerTable, ownerCommand = 'passeur') {
    this.handlers = handlers;
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
