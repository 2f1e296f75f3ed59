/** Channels `admin:*` and `audit:*`: accounts, territory, settings, audit log. */
import path from 'node:path';
import { isPasseurError, PasseurError } from '../../shared/errors';
import { log } from '../../shared/log';
import type { CallContext } from '../../api/app';
import type { AdminHandlers } from './contract';
import { appendAudit, verifyAudit } from '../../store/audit';
import { oneTimePassword } from '../../shared/passwords';
import type { Role } from '../../shared/roles';
import { countActiveAdmins, findUserById, findUserByLogin, listUsers, setDisabled, setDisplayName, setMustChangePassword, setRoles, type UserRow } from '../../store/users';
import { createUserWithSecret } from '../../store/vault';
import { clearIntent, durably, getIntent, setIntent, type DisableIntent } from '../../store/intents';
import { listBackups, newBackupTarget, restoreBackup, writeAuditedBackup, BACKUPS_DIR } from '../../store/backup';
import { renewRecoveryCode } from '../../store/recovery';
import * as repo from './repo';
import { LOGO_MAX_BYTES } from './contract';
import { logoProblem } from '../../shared/pdf';

function siteOut(ctx: CallContext) {
  const db = ctx.app.vault.db;
  const logo = repo.siteLogo(db);
  return { ...repo.sitePostal(db), logo: logo ? { mime: logo.mime, contentBase64: logo.data.toString('base64') } : null };
}

function actor(ctx: CallContext): number {
  if (!ctx.session) throw new PasseurError('unauthenticated', 'Connectez-vous pour continuer.');
  return ctx.session.userId;
}

function userOr404(ctx: CallContext, id: number): UserRow {
  const u = findUserById(ctx.app.vault.db, id);
  if (!u) throw new PasseurError('not_found', 'Ce compte n’existe pas (ou plus). Rechargez la liste des utilisateurs.');
  return u;
}

/** Ends the user's open sessions: they must log in again under their new rights. */
function endSessions(ctx: CallContext, userId: number): void {
  for (const s of ctx.app.sessions.destroyUser(userId)) ctx.app.emit(s, 'session:ended');
}

function keepOneAdmin(ctx: CallContext, user: UserRow, losesAdmin: boolean): void {
  if (losesAdmin && user.roles.includes('admin') && !user.disabled && countActiveAdmins(ctx.app.vault.db) <= 1) {
    throw new PasseurError('conflict', 'C’est le dernier compte administrateur actif : créez ou réactivez d’abord un autre administrateur.');
  }
}

/** The caller is still an active admin, checked in the vault's turn (see disableUser). */
function stillAdmin(ctx: CallContext): void {
  const me = findUserById(ctx.app.vault.db, actor(ctx));
  if (!me || me.disabled || !me.roles.includes('admin')) throw new PasseurError('forbidden', 'Votre compte n’a plus le rôle d’administrateur : rien n’a été fait.');
}

async function issueOneTimePassword(ctx: CallContext, user: UserRow, action: string, enable: boolean) {
  const vault = ctx.app.vault;
  const otp = oneTimePassword();
  await vault.exclusive(async () => {
    stillAdmin(ctx);
    // The account as it is now, in turn: a reset never gives a keyring entry back to an
    // account disabled meanwhile; an enable happens once.
    if (userOr404(ctx, user.id).disabled !== enable) {
      throw new PasseurError('conflict', enable ? 'Ce compte a déjà été réactivé entre-temps.' : 'Ce compte a été désactivé entre-temps : réactivez-le (un mot de passe provisoire sera créé).');
    }
    const ring = await vault.setUserSecret(user.login, otp);
    const db = vault.db;
    db.transaction(() => {
      if (enable) {
        setDisabled(db, user.id, null);
        clearIntent(db, user.login); // an unfinished disable lapses with the account enabled again
      }
      setMustChangePassword(db, user.id, true);
      appendAudit(db, { userId: actor(ctx), action, entity: 'user', entityId: user.id }, ctx.now);
      vault.saveKeyring(ring);
    })();
  });
  endSessions(ctx, user.id);
  return { user: userOr404(ctx, user.id), oneTimePassword: otp };
}

function checkReferent(ctx: CallContext, id: number | null, role: Role, label: string): void {
  if (id === null) return;
  const u = findUserById(ctx.app.vault.db, id);
  if (!u || u.disabled || !u.roles.includes(role)) {
    throw new PasseurError('invalid_input', `Le ${label} choisi doit être un compte actif ayant le rôle ${role.toUpperCase()}.`, role === 'ass' ? 'referentAssId' : 'referentCesfId');
  }
}

export const adminHandlers = {
  'admin:listUsers': (ctx) => listUsers(ctx.app.vault.db),

  'admin:createUser': async (ctx, input) => {
    const db = ctx.app.vault.db;
    if (findUserByLogin(db, input.login)) throw new PasseurError('conflict', `L’identifiant « ${input.login} » est déjà utilisé. Choisissez-en un autre.`, 'login');
    const otp = oneTimePassword();
    const id = await createUserWithSecret(ctx.app.vault, actor(ctx), { ...input, password: otp, mustChangePassword: true }, ctx.now);
    log('admin:createUser', 'created', { user_id: id });
    return { user: userOr404(ctx, id), oneTimePassword: otp };
  },

  'admin:updateUser': (ctx, input) => {
    const db = ctx.app.vault.db;
    const user = userOr404(ctx, input.userId);
    if (input.roles) keepOneAdmin(ctx, user, !input.roles.includes('admin'));
    if (input.roles && input.userId === actor(ctx) && user.roles.includes('admin') && !input.roles.includes('admin')) {
      throw new PasseurError('conflict', 'Vous ne pouvez pas retirer votre propre rôle d’administrateur : demandez-le à un autre administrateur.');
    }
    db.transaction(() => {
      if (input.displayName !== undefined) setDisplayName(db, user.id, input.displayName);
      if (input.roles) setRoles(db, user.id, input.roles);
      appendAudit(db, { userId: actor(ctx), action: 'user.update', entity: 'user', entityId: user.id, detail: { fields: Object.keys(input).filter((k) => k !== 'userId'), roles: input.roles ?? null } }, ctx.now);
    })();
    const rolesChanged = input.roles && [...input.roles].sort().join() !== [...user.roles].sort().join();
    if (rolesChanged && input.userId !== actor(ctx)) endSessions(ctx, user.id);
    return userOr404(ctx, user.id);
  },

  'admin:disableUser': async (ctx, input) => {
    const vault = ctx.app.vault;
    const first = userOr404(ctx, input.userId);
    if (first.disabled && !getIntent(vault.db, first.login)) return first;
    await vault.exclusive(async () => {
      // Checked again in turn: two admins disabling each other at once must not leave the
      // site without an administrator.
      const db = vault.db;
      stillAdmin(ctx);
      const user = userOr404(ctx, input.userId);
      if (user.id === actor(ctx)) throw new PasseurError('conflict', 'Vous ne pouvez pas désactiver votre propre compte.');
      const pending = getIntent(db, user.login);
      if (user.disabled && !pending) return;
      if (!user.disabled) keepOneAdmin(ctx, user, true);
      // The database first, durably, with the keyring intent; then the keyring (holder
      // removed, key rotated through a copy); then the intent cleared. Any interruption
      // leaves the intent, carried out at the next open: never a dropped rotation.
      // Asked again after an unfinished one: the first intent is carried out, not replaced.
      const intent: DisableIntent = pending ?? { op: 'disable', login: user.login, rotate: input.rotateKey, keyCheckBefore: vault.keyring().keyCheck };
      if (!pending) {
        durably(db, () => {
          setDisabled(db, user.id, ctx.now.toISOString());
          appendAudit(db, { userId: actor(ctx), action: 'user.disable', entity: 'user', entityId: user.id, detail: { rotateKey: input.rotateKey } }, ctx.now);
          setIntent(db, intent);
        });
      }
      endSessions(ctx, user.id);
      try {
        await vault.carryOut(intent);
      } catch (e) {
        log('admin:disableUser', 'keyring_failed', { error: (e as Error)?.name ?? 'Error' });
        throw new PasseurError(
          'rotation_incomplete',
          `Le compte est désactivé et ses sessions sont fermées, mais ${intent.rotate ? 'le changement de clé de la base' : 'son retrait du trousseau'} n’a pas pu s’achever. Il sera repris automatiquement à la prochaine ouverture de la base : redémarrez l’application (ou « passeur serve ») dès que possible.`,
        );
      }
      const after = vault.db;
      after.transaction(() => {
        clearIntent(after, user.login);
        if (intent.rotate) appendAudit(after, { userId: actor(ctx), action: 'store.rekey', entity: 'store', detail: { reason: 'user.disable' } }, ctx.now);
      })();
    });
    return userOr404(ctx, input.userId);
  },

  'admin:enableUser': (ctx, input) => {
    const user = userOr404(ctx, input.userId);
    if (!user.disabled) throw new PasseurError('conflict', 'Ce compte est déjà actif. Pour un nouveau mot de passe, utilisez « Réinitialiser le mot de passe ».');
    return issueOneTimePassword(ctx, user, 'user.enable', true);
  },

  'admin:resetPassword': (ctx, input) => {
    const user = userOr404(ctx, input.userId);
    if (user.disabled) throw new PasseurError('conflict', 'Ce compte est désactivé : réactivez-le (un mot de passe provisoire sera créé).');
    return issueOneTimePassword(ctx, user, 'user.password_reset', false);
  },

  'admin:listSectors': (ctx) => repo.listSectors(ctx.app.vault.db),

  'admin:saveSector': (ctx, input) => {
    const db = ctx.app.vault.db;
    if (input.id !== undefined && !repo.sectorExists(db, input.id)) throw new PasseurError('not_found', 'Ce secteur n’existe plus. Rechargez la liste.');
    const clash = repo.findSectorByName(db, input.name);
    if (clash && clash.id !== input.id) throw new PasseurError('conflict', `Un secteur s’appelle déjà « ${input.name} ».`, 'name');
    checkReferent(ctx, input.referentAssId, 'ass', 'référent ASS');
    checkReferent(ctx, input.referentCesfId, 'cesf', 'référent CESF');
    const communes = [...new Set(input.communes)];
    const { unknown, taken } = repo.communeConflicts(db, input.id, communes);
    if (unknown.length) throw new PasseurError('invalid_input', `${unknown.length > 1 ? 'Communes hors du territoire du site' : 'Commune hors du territoire du site'} : ${unknown.join(', ')}. ${unknown.length > 1 ? 'Ajoutez-les' : 'Ajoutez-la'} d’abord au territoire.`, 'communes');
    if (taken.length) {
      const list = taken.map((t) => `${t.name} (${t.insee}, secteur ${t.sectorName})`).join(', ');
      throw new PasseurError('conflict', `${taken.length > 1 ? 'Déjà rattachées' : 'Déjà rattachée'} à un autre secteur : ${list}. ${taken.length > 1 ? 'Retirez-les' : 'Retirez-la'} d’abord de ce secteur.`, 'communes');
    }
    const id = db.transaction(() => {
      const sid = repo.upsertSector(db, input);
      repo.assignCommunes(db, sid, communes);
      appendAudit(db, { userId: actor(ctx), action: input.id ? 'sector.update' : 'sector.create', entity: 'sector', entityId: sid, detail: { communes: communes.length } }, ctx.now);
      return sid;
    })();
    const saved = repo.listSectors(db).find((s) => s.id === id);
    if (!saved) throw new PasseurError('internal', 'Le secteur enregistré est introuvable.');
    return saved;
  },

  'admin:deleteSector': (ctx, input) => {
    const db = ctx.app.vault.db;
    if (!repo.sectorExists(db, input.id)) throw new PasseurError('not_found', 'Ce secteur n’existe plus. Rechargez la liste.');
    db.transaction(() => {
      repo.deleteSector(db, input.id);
      appendAudit(db, { userId: actor(ctx), action: 'sector.delete', entity: 'sector', entityId: input.id }, ctx.now);
    })();
    return {};
  },

  'admin:addCommune': (ctx, input) => {
    const db = ctx.app.vault.db;
    db.transaction(() => {
      if (!repo.insertCommune(db, input)) throw new PasseurError('conflict', `La commune ${input.insee} fait déjà partie du territoire.`, 'insee');
      appendAudit(db, { userId: actor(ctx), action: 'commune.add', entity: 'commune', entityId: input.insee }, ctx.now);
    })();
    return input;
  },

  'admin:getSettings': (ctx) => ({ idleLockMinutes: repo.getIdleLockMinutes(ctx.app.vault.db), tasksNoticeDays: repo.noticeDays(ctx.app.vault.db) }),

  'admin:saveSettings': (ctx, input) => {
    const db = ctx.app.vault.db;
    db.transaction(() => {
      repo.setIdleLockMinutes(db, input.idleLockMinutes);
      if (input.tasksNoticeDays !== undefined) repo.setNoticeDays(db, input.tasksNoticeDays);
      appendAudit(db, { userId: actor(ctx), action: 'settings.update', entity: 'settings', detail: { idleLockMinutes: input.idleLockMinutes, tasksNoticeDays: input.tasksNoticeDays ?? null } }, ctx.now);
    })();
    ctx.app.sessions.idleMs = input.idleLockMinutes * 60_000;
    return { idleLockMinutes: input.idleLockMinutes, tasksNoticeDays: repo.noticeDays(db) };
  },

  'admin:getSite': (ctx) => siteOut(ctx),

  'admin:saveSite': (ctx, input) => {
    const db = ctx.app.vault.db;
    const addressLines = input.addressLines.filter((l) => l !== '');
    db.transaction(() => {
      repo.setSitePostal(db, { ...input, addressLines });
      appendAudit(db, { userId: actor(ctx), action: 'site.update', entity: 'settings' }, ctx.now);
    })();
    return siteOut(ctx);
  },

  'admin:setLogo': (ctx, input) => {
    const db = ctx.app.vault.db;
    let logo: { mime: string; data: Buffer } | null = null;
    if (input.logo) {
      const data = Buffer.from(input.logo.contentBase64, 'base64');
      if (data.toString('base64').replace(/=+$/, '') !== input.logo.contentBase64.replace(/\s/g, '').replace(/=+$/, '')) {
        throw new PasseurError('invalid_input', 'Logo : le contenu transmis n’est pas une image encodée correctement. Choisissez à nouveau le fichier.', 'logo');
      }
      const problem = logoProblem(input.logo.mime, data, LOGO_MAX_BYTES);
      if (problem) throw new PasseurError('invalid_input', problem, 'logo');
      logo = { mime: input.logo.mime, data };
    }
    db.transaction(() => {
      repo.setSiteLogo(db, logo);
      appendAudit(db, { userId: actor(ctx), action: logo ? 'site.logo' : 'site.logo_removed', entity: 'settings' }, ctx.now);
    })();
    return siteOut(ctx);
  },

  'admin:listBackups': (ctx) => ({ folder: path.join(ctx.app.vault.dataDir, BACKUPS_DIR), backups: listBackups(ctx.app.vault.dataDir) }),

  'admin:backup': (ctx) => {
    const vault = ctx.app.vault;
    const target = newBackupTarget(vault.dataDir, repo.siteRow(vault.db).code, ctx.now);
    const r = writeAuditedBackup(vault, actor(ctx), target, ctx.now);
    return { file: path.basename(r.path), path: r.path, bytes: r.bytes, createdAt: r.createdAt };
  },

  'admin:restoreBackup': async (ctx, input) => {
    const vault = ctx.app.vault;
    actor(ctx);
    const entry = listBackups(vault.dataDir).find((b) => b.file === input.file);
    if (!entry) throw new PasseurError('not_found', `La sauvegarde « ${input.file} » n’est pas (ou plus) dans le dossier des sauvegardes. Rechargez la liste ; une sauvegarde venue d’ailleurs se copie d’abord dans ce dossier.`, 'file');
    const lock = vault.folderLock;
    if (!lock) throw new PasseurError('conflict', 'Ce processus ne tient pas le dossier de données : restaurez avec « passeur restore », application fermée. Rien n’a été modifié.');
    ctx.app.throttle.check(input.login);
    let closed = false;
    let outcome;
    try {
      outcome = await vault.exclusive(() =>
        restoreBackup(entry.path, vault.dataDir, input.login, input.password, {
          heldLock: lock,
          beforeReplace: () => {
            // From here on, the live files change: every session ends, the database closes.
            for (const s of ctx.app.sessions.all()) {
              ctx.app.sessions.destroy(s.token);
              if (s.token !== ctx.session?.token) ctx.app.emit(s, 'session:ended');
            }
            vault.closeDatabase();
            closed = true;
          },
        }),
      );
    } catch (e) {
      if (isPasseurError(e) && e.code === 'bad_credentials') {
        ctx.app.throttle.failed(input.login);
        throw new PasseurError('bad_credentials', `Ce compte n’ouvre pas cette sauvegarde : identifiant ou mot de passe incorrect, tel qu’il était le jour de la sauvegarde. Rien n’a été restauré.`, 'password');
      }
      if (isPasseurError(e) && e.code === 'account_disabled') throw new PasseurError('account_disabled', 'Ce compte est désactivé dans la sauvegarde : restaurez avec un autre compte. Rien n’a été restauré.', 'login');
      if (closed) {
        ctx.setSession(null);
        log('admin:restoreBackup', 'failed_after_close', { error: isPasseurError(e) ? e.code : ((e as Error)?.name ?? 'Error') });
        throw new PasseurError('internal', `La restauration n’a pas pu s’achever (${isPasseurError(e) ? e.message : 'erreur du système de fichiers'}). Les sessions sont fermées : reconnectez-vous ; si le site refuse de s’ouvrir, relancez la restauration avec « passeur restore ».`);
      }
      throw e;
    }
    ctx.app.throttle.succeeded(input.login);
    // The restored site opens with the same account (proved again), and says it was restored.
    const user = await vault.authenticate(input.login, input.password);
    const db = vault.db;
    db.transaction(() =>
      appendAudit(db, { userId: user.id, action: 'store.restore', entity: 'store', detail: { backupCreatedAt: outcome.createdAt, kept: outcome.kept !== null, keptVerified: outcome.keptVerified } }, ctx.now),
    )();
    ctx.setSession(null);
    log('admin:restoreBackup', 'restored', { kept: outcome.kept !== null, kept_verified: outcome.keptVerified });
    return outcome;
  },

  'admin:renewRecoveryCode': async (ctx) => ({ recoveryCode: await renewRecoveryCode(ctx.app.vault, actor(ctx), ctx.now) }),

  'audit:verify': (ctx) => {
    const r = verifyAudit(ctx.app.vault.db);
    return r.ok ? { ok: true, rows: r.rows, brokenAt: null } : { ok: false, rows: r.rows, brokenAt: r.brokenAt };
  },

  'audit:list': (ctx, input) => {
    const db = ctx.app.vault.db;
    const rows = repo.listAudit(db, input.limit, input.beforeId);
    // Each module names its own entities (registry `auditEntities`); what none names stays unlabelled.
    const labelers = new Map(ctx.app.modules.flatMap((m) => Object.entries(m.auditEntities ?? {})));
    const idsBy = new Map<string, Set<string>>();
    for (const r of rows) if (r.entityId !== null && labelers.has(r.entity)) (idsBy.get(r.entity) ?? idsBy.set(r.entity, new Set()).get(r.entity)!).add(r.entityId);
    const labels = new Map([...idsBy].map(([entity, ids]) => [entity, labelers.get(entity)!(db, [...ids])]));
    return rows.map((r) => ({ ...r, entityLabel: r.entityId !== null ? (labels.get(r.entity)?.get(r.entityId) ?? null) : null }));
  },
} satisfies AdminHandlers;
