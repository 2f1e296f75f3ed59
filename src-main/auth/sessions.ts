/**
 * Sessions live in memory only: a token (256 random bits) → who, which roles, since when,
 * last activity, locked or not. The idle lock is enforced here, on the server side: past
 * the site's idle time a session answers `locked` until its password is given again.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../shared/roles';

export interface Session {
  token: string;
  userId: number;
  login: string;
  roles: Role[];
  mustChangePassword: boolean;
  locked: boolean;
  createdAt: number;
  lastSeen: number;
}

/** A session ends after a working day at most, active or not: the next day starts with a login. */
export const MAX_SESSION_MS = 12 * 60 * 60_000;

export class SessionManager {
  private readonly byToken = new Map<string, Session>();
  private readonly now: () => number;
  idleMs: number;
  onLock: (s: Session) => void = () => {};

  constructor(idleMinutes = 10, now: () => number = Date.now) {
    this.idleMs = idleMinutes * 60_000;
    this.now = now;
  }

  create(u: { userId: number; login: string; roles: Role[]; mustChangePassword: boolean }): Session {
    const t = this.now();
    const s: Session = { ...u, token: randomBytes(32).toString('base64url'), locked: false, createdAt: t, lastSeen: t };
    this.byToken.set(s.token, s);
    return s;
  }

  /** The session for `token`, locked first if it has been idle too long. */
  get(token: string | null | undefined): Session | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    if (this.now() - s.createdAt > MAX_SESSION_MS) {
      this.byToken.delete(token);
      return null;
    }
    this.lockIfIdle(s);
    return s;
  }

  touch(s: Session): void {
    if (!s.locked) s.lastSeen = this.now();
  }

  lock(s: Session): void {
    if (s.locked) return;
    s.locked = true;
    this.onLock(s);
  }

  unlock(s: Session): void {
    s.locked = false;
    s.lastSeen = this.now();
  }

  private lockIfIdle(s: Session): void {
    if (!s.locked && this.now() - s.lastSeen > this.idleMs) this.lock(s);
  }

  /** Locks every idle session (run periodically so a window learns it is locked). */
  sweep(): void {
    for (const s of this.byToken.values()) this.lockIfIdle(s);
  }

  destroy(token: string): void {
    this.byToken.delete(token);
  }

  /** Ends every session of a user (disabled account, reset password). */
  destroyUser(userId: number): Session[] {
    const ended: Session[] = [];
    for (const s of this.byToken.values()) {
      if (s.userId === userId) {
        this.byToken.delete(s.token);
        ended.push(s);
      }
    }
    return ended;
  }

  all(): Session[] {
    return [...this.byToken.values()];
  }
}
