/**
 * The boundary: every call from either transport comes through `dispatch`. In order:
 * known channel → input validated by the contract's schema → session present, not locked,
 * password changed → role allowed → handler → output shaped by the contract's schema
 * (unknown fields are stripped, so a handler cannot leak what the contract does not name).
 * Errors come back as `{ ok: false, error: { code, message } }`, never thrown, never a stack.
 */
import { z } from 'zod';
import { isPasseurError, PasseurError } from '../shared/errors';
import { log } from '../shared/log';
import type { Session } from '../auth/sessions';
import { hasAny } from '../shared/roles';
import { findUserById } from '../store/users';
import { rowsChangedBesidesAudit } from '../store/audit';
import type { AppCore, CallContext } from './app';
import type { ChannelSpec, DataChanged, Result } from './spec';
import { FIELD_LABELS } from './field-labels';
import { TEXT_LABELS } from './text';

z.config(z.locales.fr());

export type { CallContext, HandlerOf, HandlersOf } from './app';

export interface DispatchOutcome {
  result: Result<unknown>;
  /** undefined: no change; null: clear the session; string: new session token. */
  sessionToken?: string | null;
}

/**
 * A refusal in the words of the form (RGAA 11.10): « Nom de naissance : à renseigner. »,
 * the field named in French, never by its technical name. Every faulty field is listed in
 * `fields` (path → sentence) so that a form shows all its errors at once; `message` and
 * `field` are the first one's.
 */
export function describeIssues(error: z.ZodError): { message: string; field?: string; fields?: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in fields)) fields[path] = sentenceOf(issue);
  }
  const first = error.issues[0];
  const field = first?.path.map(String).join('.') || undefined;
  const message = first ? sentenceOf(first) : 'Donnée invalide.';
  const named = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== ''));
  return { message, ...(field ? { field } : {}), ...(Object.keys(named).length ? { fields: named } : {}) };
}

function sentenceOf(issue: z.core.$ZodIssue): string {
  const msg = issue.message;
  if ([...TEXT_LABELS].some((l) => msg.startsWith(`${l} : `))) return msg;
  const last = [...issue.path].reverse().find((p) => typeof p === 'string');
  const label = last !== undefined ? FIELD_LABELS[last] : undefined;
  if (label) return msg.startsWith(`${label} `) ? msg : `${label} : ${msg}`;
  return `Donnée invalide : ${msg}`;
}

export function allowed(spec: ChannelSpec, session: Session | null): boolean {
  if (spec.access === 'public') return true;
  if (!session) return false;
  if (spec.access === 'authenticated') return true;
  return hasAny(session.roles, spec.access);
}

const fail = (code: string, message: string, field?: string, fields?: Record<string, string>): DispatchOutcome => ({
  result: { ok: false, error: { code, message, ...(field ? { field } : {}), ...(fields ? { fields } : {}) } },
});

/**
 * A session is only as good as its account, checked on every call: a disabled (or deleted)
 * account's sessions end at once, whichever process disabled it; changed roles apply to
 * the next call.
 */
function recheckAccount(app: AppCore, session: Session): DispatchOutcome | null {
  const user = app.vault.isOpen() ? findUserById(app.vault.db, session.userId) : undefined;
  if (!user || user.disabled) {
    app.sessions.destroy(session.token);
    app.emit(session, 'session:ended');
    log('dispatch', 'session_ended', { user_id: session.userId, reason: user ? 'disabled' : 'absent' });
    return {
      result: { ok: false, error: { code: 'account_disabled', message: 'Ce compte a été désactivé : la session est fermée. Adressez-vous à l’administrateur du site.' } },
      sessionToken: null,
    };
  }
  if (user.roles.join() !== session.roles.join()) session.roles = user.roles;
  return null;
}

/**
 * The session checks of every non-public call, in order: present, its account still active
 * (roles refreshed), not locked, password changed, role allowed; then the session is touched.
 * Also used by the owner's control endpoint for the work that is not a channel (backup).
 */
export function admit(
  app: AppCore,
  session: Session | null,
  spec: Pick<ChannelSpec, 'access' | 'whenLocked' | 'beforePasswordChange'>,
  what: string,
): DispatchOutcome | null {
  if (!session) return fail('unauthenticated', 'Votre session a expiré ou vous n’êtes pas connecté. Connectez-vous pour continuer.');
  const refused = recheckAccount(app, session);
  if (refused) return refused;
  if (session.locked && !spec.whenLocked) {
    return fail('locked', 'La session est verrouillée après inactivité. Saisissez votre mot de passe pour la déverrouiller.');
  }
  if (session.mustChangePassword && !spec.beforePasswordChange) {
    return fail('must_change_password', 'Choisissez d’abord votre mot de passe personnel pour remplacer le mot de passe provisoire.');
  }
  if (!allowed(spec as ChannelSpec, session)) {
    log('dispatch', 'forbidden', { channel: what, user_id: session.userId });
    return fail('forbidden', 'Votre rôle ne permet pas cette opération. Si elle relève de votre mission, demandez à l’administrateur du site d’ajuster vos rôles.');
  }
  app.sessions.touch(session);
  return null;
}

/**
 * Rows changed by this connection that are not audit rows (every read is audited, so the
 * audit log alone says nothing of a change). `null` while the store is closed.
 */
function dataChanges(app: AppCore): number | null {
  return app.vault.isOpen() ? rowsChangedBesidesAudit(app.vault.db) : null;
}

/** Tells every open session that `module` changed the store. The call is done and committed
 *  by then: a failure to tell is logged, never turned into a refusal of what was recorded. */
function dataChanged(app: AppCore, module: string): void {
  try {
    const told = app.modules.find((m) => m.name === module)?.changesTold;
    if (told) {
      for (const s of app.sessions.all()) if (hasAny(s.roles, told)) app.emit(s, 'data:changed', { module } satisfies DataChanged);
      return;
    }
    app.broadcast('data:changed', { module } satisfies DataChanged);
  } catch (e) {
    log('dispatch', 'broadcast_error', { error: (e as Error)?.name ?? 'Error' });
  }
}

export async function dispatch(app: AppCore, token: string | null, channel: string, rawInput: unknown): Promise<DispatchOutcome> {
  const entry = app.channels.get(channel);
  if (!entry) return fail('unknown_channel', `Opération inconnue : ${channel.slice(0, 60)}.`);
  const { spec, handler } = entry;
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const { message, field, fields } = describeIssues(parsed.error);
    return fail('invalid_input', message, field, fields);
  }
  const session = app.sessions.get(token);
  if (spec.access !== 'public') {
    const refused = admit(app, session, spec, channel);
    if (refused) return refused;
  }
  let sessionToken: string | null | undefined;
  const ctx: CallContext = {
    app,
    session,
    now: app.clock(),
    setSession: (s) => {
      sessionToken = s ? s.token : null;
    },
  };
  const before = dataChanges(app);
  const connection = app.vault.isOpen() ? app.vault.db : null;
  try {
    const value = await handler(ctx, parsed.data);
    const shaped = spec.output.safeParse(value);
    if (!shaped.success) {
      log('dispatch', 'output_rejected', { channel: channel });
      return fail('internal', 'Erreur interne : la réponse n’a pas la forme attendue. L’incident est journalisé ; réessayez ou prévenez l’administrateur.');
    }
    // One cache rule for every list on every desk: a call that changed the store says so to
    // every open session (the module only), and the screens read again what they show.
    // A call that replaced the store under the sessions (a restore) ended them all: nobody is
    // left to read again, and the screen that made it says what happened.
    const after = connection !== null && app.vault.isOpen() && app.vault.db === connection ? dataChanges(app) : null;
    if (before !== null && after !== null && after !== before) dataChanged(app, entry.module);
    return { result: { ok: true, value: shaped.data }, ...(sessionToken !== undefined ? { sessionToken } : {}) };
  } catch (e) {
    if (isPasseurError(e)) return fail(e.code, e.message, e.field, e.fields);
    log('dispatch', 'handler_error', { channel: channel, error: ((e as Error)?.name ?? 'Error') });
    return fail('internal', 'Erreur interne inattendue. Rien n’a été enregistré de l’opération en cours ; réessayez ou prévenez l’administrateur.');
  }
}

export { PasseurError };
