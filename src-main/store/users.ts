/** Users and their roles: the only place their SQL lives. */
import { prep, type Db } from './database';
import { ROLES, type Role } from '../shared/roles';

export interface UserRow {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
}

interface RawUser {
  id: number;
  login: string;
  display_name: string;
  must_change_password: number;
  disabled_at: string | null;
  created_at: string;
  roles: string | null;
}

const SELECT = `
  SELECT u.id, u.login, u.display_name, u.must_change_password, u.disabled_at, u.created_at,
         (SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
  FROM users u`;

function toUser(r: RawUser): UserRow {
  const roles = (r.roles ?? '').split(',').filter((x): x is Role => (ROLES as readonly string[]).includes(x));
  roles.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  return {
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    roles,
    mustChangePassword: r.must_change_password === 1,
    disabled: r.disabled_at !== null,
    createdAt: r.created_at,
  };
}

export function listUsers(db: Db): UserRow[] {
  return (db.prepare(`${SELECT} ORDER BY u.display_name COLLATE NOCASE`).all() as RawUser[]).map(toUser);
}

export function findUserByLogin(db: Db, login: string): UserRow | undefined {
  const r = db.prepare(`${SELECT} WHERE u.login = ?`).get(login) as RawUser | undefined;
  return r && toUser(r);
}

export function findUserById(db: Db, id: number): UserRow | undefined {
  // Prepared once per connection: every call checks its session's account (dispatch).
  const r = prep(db, `${SELECT} WHERE u.id = ?`).get(id) as RawUser | undefined;
  return r && toUser(r);
}

export function insertUser(db: Db, u: { login: string; displayName: string; roles: readonly Role[]; mustChangePassword: boolean }, now: Date): number {
  const id = Number(
    db.prepare('INSERT INTO users (login, display_name, must_change_password, created_at) VALUES (?, ?, ?, ?)').run(
      u.login.toLowerCase(),
      u.displayName,
      u.mustChangePassword ? 1 : 0,
      now.toISOString(),
    ).lastInsertRowid,
  );
  setRoles(db, id, u.roles);
  return id;
}

export function setRoles(db: Db, userId: number, roles: readonly Role[]): void {
  db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId);
  const ins = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const r of new Set(roles)) ins.run(userId, r);
}

export function setDisplayName(db: Db, userId: number, displayName: string): void {
  db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run(displayName, userId);
}

export function setMustChangePassword(db: Db, userId: number, value: boolean): void {
  db.prepare('UPDATE users SET must_change_password = ? WHERE id = ?').run(value ? 1 : 0, userId);
}

export function setDisabled(db: Db, userId: number, disabledAt: string | null): void {
  db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(disabledAt, userId);
}

export function countActiveAdmins(db: Db): number {
  return (
    db.prepare(`SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.disabled_at IS NULL`).get() as { n: number }
  ).n;
}
