/**
 * The audit log (ARCHITECTURE "Audit log"): append-only, hash-chained, written by the
 * caller inside the same transaction as the change it records. `detail` holds technical
 * facts (changed field names, roles, counts) — never social content.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { prep, type Db } from './database';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
  /** The paired workstation the call came from (team mode); null for the host's own calls and rows before it existed. */
  workstation?: string | null;
}

/**
 * The workstation a call came from (team mode, ARCHITECTURE « Team mode »): the team host runs
 * each call inside `asWorkstation(id, …)`, and every audit row written by the call names it.
 */
const origin = new AsyncLocalStorage<string>();
export function asWorkstation<T>(workstation: string, fn: () => T): T {
  return origin.run(workstation, fn);
}
/**
 * The team host's memory of answered writes (src-main/team/idempotency.ts): runs inside the
 * transaction of each audited change of the call under way, so the call's key is kept with it.
 */
const beside = new AsyncLocalStorage<(db: Db) => void>();
export function besideAudit<T>(hook: (db: Db) => void, fn: () => T): T {
  return beside.run(hook, fn);
}
/** The workstation of the call under way, null outside team mode. */
export function currentWorkstation(): string | null {
  return origin.getStore() ?? null;
}

/** The row's hash. The workstation joins the hashed fields only when it is set, so the rows
 *  written before it existed (and the host's own) keep the hash they were written with. */
export function rowHash(r: Omit<AuditRow, 'hash'>): string {
  const fields: unknown[] = [r.prev_hash, r.id, r.at, r.user_id, r.action, r.entity, r.entity_id, r.detail];
  if (r.workstation !== undefined && r.workstation !== null) fields.push(r.workstation);
  const canonical = JSON.stringify(fields);
  return createHash('sha256').update(canonical).digest('hex');
}

const auditRows = new WeakMap<Db, number>();

/** Rows this connection appended to the audit log so far: the dispatcher tells a call that
 *  changed data from one that only left its audit trace (a read is audited too). */
export function auditRowsWritten(db: Db): number {
  return auditRows.get(db) ?? 0;
}

/** Rows this connection inserted, updated or deleted, triggers included, audit rows excepted. */
export function rowsChangedBesidesAudit(db: Db): number {
  const { n } = prep(db, 'SELECT total_changes() AS n').get() as { n: number };
  return n - auditRowsWritten(db);
}

/** Appends one row. Must be called inside the transaction of the change it records. */
export function appendAudit(db: Db, e: AuditEntry, now = new Date()): AuditRow {
  if (!db.inTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const last = prep(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const row: Omit<AuditRow, 'hash'> = {
    id: (last?.id ?? 0) + 1,
    at: now.toISOString(),
    user_id: e.userId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    detail: JSON.stringify(e.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const workstation = currentWorkstation();
  if (workstation !== null) row.workstation = workstation;
  const full: AuditRow = { ...row, hash: rowHash(row) };
  if (workstation === null) {
    prep(
      db,
      `INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, detail, prev_hash, hash)
       VALUES (@id, @at, @user_id, @action, @entity, @entity_id, @detail, @prev_hash, @hash)`,
    ).run(full);
  } else {
    prep(
      db,
      `INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, detail, prev_hash, hash, workstation)
       VALUES (@id, @at, @user_id, @action, @entity, @entity_id, @detail, @prev_hash, @hash, @workstation)`,
    ).run(full);
  }
  auditRows.set(db, auditRowsWritten(db) + 1);
  beside.getStore()?.(db);
  return full;
}

export type VerifyResult =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; brokenAt: number; reason: 'hash' | 'link' | 'gap' };

/** Walks the chain; reports the first row whose hash or link does not hold. */
export function verifyAudit(db: Db): VerifyResult {
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    if (r.id !== expectedId) return { ok: false, rows, brokenAt: expectedId, reason: 'gap' };
    if (r.prev_hash !== prev) return { ok: false, rows, brokenAt: r.id, reason: 'link' };
    const { hash, ...rest } = r;
    if (rowHash(rest) !== hash) return { ok: false, rows, brokenAt: r.id, reason: 'hash' };
    prev = hash;
    expectedId++;
    rows++;
  }
  return { ok: true, rows, head: prev };
}
