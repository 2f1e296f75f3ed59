import { randomInt } from 'node:crypto';
import { PasseurError } from './errors';

/** Minimum length of a personal password. Passwords also protect the database key through
 *  Argon2id, so length matters more than character classes (ANSSI, recommandations mots de
 *  passe 2021: 12 characters at least for a password guarding an offline-attackable key). */
export const MIN_PASSWORD_LENGTH = 12;

export function checkPasswordPolicy(password: string, login: string, field = 'password'): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new PasseurError('weak_password', `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères. Une phrase de quelques mots est plus facile à retenir.`, field);
  }
  if (password.toLowerCase().includes(login.toLowerCase())) {
    throw new PasseurError('weak_password', "Le mot de passe ne doit pas contenir l'identifiant.", field);
  }
  if (/^(.)\1+$/.test(password)) {
    throw new PasseurError('weak_password', "Le mot de passe ne doit pas répéter un seul caractère.", field);
  }
}

/** A one-time password the admin hands over; the user must change it at first login. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += alphabet[randomInt(alphabet.length)];
    groups.push(s);
  }
  return groups.join('-');
}
