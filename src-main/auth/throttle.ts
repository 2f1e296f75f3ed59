/**
 * Slows password guessing through the API (a browser on the workstation can call
 * `auth:login` in a loop): after 5 consecutive failures for a login, that login waits
 * 30 s, then twice as long after each further failure, up to 15 minutes. A success clears it.
 * Argon2id already makes each attempt cost; this bounds how many a minute can hold.
 */
import { PasseurError } from '../shared/errors';

const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

interface Entry {
  failures: number;
  until: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly now: () => number) {}

  check(login: string): void {
    const e = this.entries.get(login.toLowerCase());
    if (e && e.until > this.now()) {
      const minutes = Math.ceil((e.until - this.now()) / 60_000);
      throw new PasseurError(
        'too_many_attempts',
        `Trop de mots de passe erronés pour cet identifiant : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}, ou demandez à l’administrateur de réinitialiser le mot de passe.`,
      );
    }
  }

  failed(login: string): void {
    const key = login.toLowerCase();
    const e = this.entries.get(key) ?? { failures: 0, until: 0 };
    e.failures++;
    if (e.failures >= FREE_ATTEMPTS) e.until = this.now() + Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (e.failures - FREE_ATTEMPTS));
    this.entries.delete(key);
    this.entries.set(key, e);
    if (this.entries.size > MAX_TRACKED) this.entries.delete(this.entries.keys().next().value!);
  }

  succeeded(login: string): void {
    this.entries.delete(login.toLowerCase());
  }
}
