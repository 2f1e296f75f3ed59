/** Channels `setup:*`, `auth:*` and `site:info`. */
import { PasseurError } from '../../shared/errors';
import { log } from '../../shared/log';
import type { CallContext } from '../../api/app';
import type { AccountHandlers } from './contract';
import type { SessionInfo } from './contract';
import { getIdleLockMinutes, listCommunes, siteRow } from '../admin';
import { appendAudit } from '../../store/audit';
import { checkPasswordPolicy } from '../../shared/passwords';
import type { Session } from '../../auth/sessions';
import { findUserById, setMustChangePassword } from '../../store/users';
import { recoverAccount } from '../../store/recovery';

/** The throttle's key for recovery codes: one for the site (a login never holds '#'). */
const RECOVERY_ATTEMPTS = '#code-de-secours';

export function sessionInfo(ctx: CallContext, s: Session): SessionInfo {
  const db = ctx.app.vault.db;
  const user = findUserById(db, s.userId);
  if (!user) throw new PasseurError('unauthenticated', 'Compte introuvable : reconnectez-vous.');
  const idle = getIdleLockMinutes(db);
  ctx.app.sessions.idleMs = idle * 60_000;
  return {
    user: { id: user.id, login: user.login, displayName: user.displayName, roles: user.roles },
    site: siteRow(db),
    mustChangePassword: s.mustChangePassword,
    locked: s.locked,
    idleLockMinutes: idle,
  };
}

function requireSession(ctx: CallContext): Session {
  if (!ctx.session) throw new PasseurError('unauthenticated', 'Connectez-vous pour continuer.');
  return ctx.session;
}

export const authHandlers = {
  'setup:status': (ctx) => ({ initialized: ctx.app.vault.isInitialized(), open: ctx.app.vault.isOpen() }),

  'setup:init': async (ctx, input) => {
    const { recoveryCode } = await ctx.app.vault.init(input, ctx.now);
    log('setup:init', 'site_created', { communes: input.communes.length });
    return { recoveryCode };
  },

  'auth:session': (ctx) => (ctx.session ? sessionInfo(ctx, ctx.session) : null),

  'auth:login': async (ctx, input) => {
    const vault = ctx.app.vault;
    if (!vault.isInitialized()) throw new PasseurError('not_initialized', "Aucun site n'est encore créé dans ce dossier de données : commencez par la création du site.");
    ctx.app.throttle.check(input.login);
    let user;
    try {
      user = await vault.authenticate(input.login, input.password);
      ctx.app.throttle.succeeded(input.login);
    } catch (e) {
      if (e instanceof PasseurError && e.code === 'bad_credentials') ctx.app.throttle.failed(input.login);
      if (vault.isOpen() && e instanceof PasseurError && (e.code === 'bad_credentials' || e.code === 'account_disabled')) {
        const db = vault.db;
        db.transaction(() => appendAudit(db, { userId: null, action: 'auth.login_failed', entity: 'session', detail: { reason: e.code } }, ctx.now))();
      }
      throw e;
    }
    const db = vault.db;
    const s = ctx.app.sessions.create({ userId: user.id, login: user.login, roles: user.roles, mustChangePassword: user.mustChangePassword });
    db.transaction(() => appendAudit(db, { userId: user.id, action: 'auth.login', entity: 'session' }, ctx.now))();
    ctx.setSession(s);
    log('auth:login', 'ok', { user_id: user.id });
    return sessionInfo(ctx, s);
  },

  'auth:logout': (ctx) => {
    const s = requireSession(ctx);
    ctx.app.sessions.destroy(s.token);
    const db = ctx.app.vault.db;
    db.transaction(() => appendAudit(db, { userId: s.userId, action: 'auth.logout', entity: 'session' }, ctx.now))();
    ctx.setSession(null);
    return {};
  },

  'auth:lock': (ctx) => {
    ctx.app.sessions.lock(requireSession(ctx));
    return {};
  },

  'auth:unlock': async (ctx, input) => {
    const s = requireSession(ctx);
    ctx.app.throttle.check(s.login);
    try {
      await ctx.app.vault.authenticate(s.login, input.password);
      ctx.app.throttle.succeeded(s.login);
    } catch (e) {
      if (e instanceof PasseurError && e.code === 'bad_credentials') {
        ctx.app.throttle.failed(s.login);
        throw new PasseurError('bad_credentials', 'Mot de passe incorrect. La session reste verrouillée.', 'password');
      }
      throw e;
    }
    ctx.app.sessions.unlock(s);
    return sessionInfo(ctx, s);
  },

  'auth:changePassword': async (ctx, input) => {
    const s = requireSession(ctx);
    checkPasswordPolicy(input.next, s.login, 'next');
    if (input.next === input.current) throw new PasseurError('weak_password', 'Le nouveau mot de passe doit être différent de l’actuel.', 'next');
    const vault = ctx.app.vault;
    await vault.exclusive(async () => {
      const ring = await vault.changeUserSecret(s.login, input.current, input.next);
      const db = vault.db;
      db.transaction(() => {
        setMustChangePassword(db, s.userId, false);
        appendAudit(db, { userId: s.userId, action: 'user.password_change', entity: 'user', entityId: s.userId }, ctx.now);
        vault.saveKeyring(ring);
      })();
    });
    s.mustChangePassword = false;
    return sessionInfo(ctx, s);
  },

  'auth:recover': async (ctx, input) => {
    const vault = ctx.app.vault;
    if (!vault.isInitialized()) throw new PasseurError('not_initialized', "Aucun site n'est encore créé dans ce dossier de données : commencez par la création du site.");
    try {
      ctx.app.throttle.check(RECOVERY_ATTEMPTS);
    } catch {
      throw new PasseurError('too_many_attempts', 'Trop de codes de secours erronés : attendez quelques minutes avant de réessayer, code imprimé sous les yeux.');
    }
    let r;
    try {
      r = await recoverAccount(vault, input.login, input.recoveryCode, ctx.now);
    } catch (e) {
      if (e instanceof PasseurError && e.code === 'bad_credentials') {
        ctx.app.throttle.failed(RECOVERY_ATTEMPTS);
        throw new PasseurError('bad_credentials', 'Code de secours incorrect. Il figure sur la fiche remise à la création du site ou à son dernier renouvellement (5 groupes de 5 caractères). Rien n’a été changé.', 'recoveryCode');
      }
      throw e;
    }
    ctx.app.throttle.succeeded(RECOVERY_ATTEMPTS);
    ctx.app.throttle.succeeded(r.login);
    for (const s of ctx.app.sessions.destroyUser(r.userId)) ctx.app.emit(s, 'session:ended');
    log('auth:recover', 'one_time_password', { user_id: r.userId });
    return { login: r.login, oneTimePassword: r.oneTimePassword };
  },

  'site:info': (ctx) => ({ ...siteRow(ctx.app.vault.db), communes: listCommunes(ctx.app.vault.db) }),
} satisfies AccountHandlers;
