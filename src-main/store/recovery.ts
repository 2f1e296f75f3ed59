/**
 * The site's recovery code (keyring.ts): a forgotten password replaced by a one-time one,
 * and the code itself renewed by an admin. The one path of `passeur recover` and of the
 * login screen's « Mot de passe oublié ».
 */
import { PasseurError } from '../shared/errors';
import { oneTimePassword } from '../shared/passwords';
import { appendAudit } from './audit';
import { newRecoveryCode } from './keyring';
import { findUserByLogin, setMustChangePassword } from './users';
import type { Vault } from './vault';

/**
 * Proves the recovery code (opening the database if it is still closed), then gives `login`
 * a one-time password to replace at the first login; audited. A wrong code, or an account
 * unknown or disabled, changes nothing.
 */
export async function recoverAccount(vault: Vault, login: string, code: string, now: Date): Promise<{ userId: number; login: string; oneTimePassword: string }> {
  await vault.unlockWithRecovery(code);
  return vault.exclusive(async () => {
    const user = findUserByLogin(vault.db, login);
    if (!user || user.disabled) {
      throw new PasseurError('not_found', `Aucun compte actif « ${login.toLowerCase()} » sur ce site. Vérifiez l’identifiant ; un compte désactivé se réactive par l’administrateur.`, 'login');
    }
    const otp = oneTimePassword();
    const ring = await vault.setUserSecret(user.login, otp);
    const db = vault.db;
    db.transaction(() => {
      setMustChangePassword(db, user.id, true);
      appendAudit(db, { userId: null, action: 'user.password_recover', entity: 'user', entityId: user.id }, now);
      vault.saveKeyring(ring);
    })();
    return { userId: user.id, login: user.login, oneTimePassword: otp };
  });
}

/** A new recovery code for the site, by an admin: the former one stops working. Audited. */
export async function renewRecoveryCode(vault: Vault, userId: number, now: Date): Promise<string> {
  const code = await newRecoveryCode();
  await vault.exclusive(async () => {
    // The recovery holder replaced: the new code unseals the database key, the former one no longer does.
    const holder = await vault.holderFor('recovery', 'recovery', code);
    const current = vault.keyring();
    const ring = { ...current, holders: [...current.holders.filter((h) => h.kind !== 'recovery'), holder] };
    const db = vault.db;
    db.transaction(() => {
      appendAudit(db, { userId, action: 'store.recovery_renewed', entity: 'store' }, now);
      vault.saveKeyring(ring);
    })();
  });
  return code;
}
