/**
 * Slows password guessing through the API (a browser on the workstation can call
 * `auth:login` in a loop): after 5 consecutive failures for a login, that login waits
 * 30 s, then twice as long after each further failure, up to 15 minutes. A success clears it.
 * Argon2id already makes each attempt cost; this bounds how many a minute can hold.
 * In team mode the workstation the call came from is throttled as well (one paired laptop
 * trying many logins): after 20 failures from it, whatever the logins, the same waits apply
 * to that workstation; a success from it clears its count.
 */
import { PasseurError } from '../shared/errors';
import { currentWorkstation } from '../store/audit';

const FREE_ATTEMPTS = 5;
const FREE_ATTEMPTS_PER_WORKSTATION = 20;
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
    const ws = currentWorkstation();
    const w = ws === null ? undefined : this.entries.get(workstationKey(ws));
    if (w && w.until > this.now()) {
      const minutes = Math.ceil((w.until - this.now()) / 60_000);
      throw new PasseurError(
        'too_many_attempts',
        `Trop de mots de passe erronés depuis ce poste : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}. Si ce n’est pas vous, prévenez l’administrateur du site.`,
      );
    }
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
    const ws = currentWorkstation();
    if (ws !== null) this.count(workstationKey(ws), FREE_ATTEMPTS_PER_WORKSTATION);
    this.count(login.toLowerCase(), FREE_ATTEMPTS);
  }

  private count(key: string, free: number): void {
    const e = this.entries.get(key) ?? { failures: 0, until: 0 };
    e.failures++;
    if (e.failures >= free) e.until = this.now() + Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (e.failures - free));
    this.entries.delete(key);
    this.entries.set(key, e);
    if (this.entries.size > MAX_TRACKED) this.entries.delete(this.entries.keys().next().value!);
  }

  succeeded(login: string): void {
    const ws = currentWorkstation();
    if (ws !== null) this.entries.delete(workstationKey(ws));
    this.entries.delete(login.toLowerCase());
  }
}

/** A workstation's entry: a login never holds a space. */
const workstationKey = (id: string) => `poste ${id}`;
