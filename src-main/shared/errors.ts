/**
 * Errors that cross the API boundary. Each carries a stable code (for programs and tests)
 * and a French sentence for the person: what happened and what to do. Never a stack trace,
 * never personal data.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_channel'
  | 'unauthenticated'
  | 'forbidden'
  | 'locked'
  | 'must_change_password'
  | 'bad_credentials'
  | 'too_many_attempts'
  | 'account_disabled'
  | 'not_initialized'
  | 'already_initialized'
  | 'not_found'
  | 'conflict'
  | 'keyring_damaged'
  | 'database_newer'
  | 'database_foreign'
  | 'database_damaged'
  | 'database_missing'
  | 'weak_password'
  | 'backup_invalid'
  | 'exceptional_access_required'
  | 'duplicate_suspected'
  | 'read_only'
  | 'envelope_exceeded'
  | 'folder_busy'
  | 'owner_unreachable'
  | 'rotation_incomplete'
  | 'restore_incomplete'
  /** Team mode: the host does not answer (network cut, host stopped). */
  | 'unreachable'
  | 'internal';

export class PasseurError extends Error {
  readonly code: ErrorCode;
  /** Optional pointer to the faulty field, for forms. */
  readonly field: string | undefined;
  /** Every faulty field when a check found several (path → sentence), for a form that shows them all at once. */
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, field?: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'PasseurError';
    this.code = code;
    this.field = field;
    this.fields = fields;
  }
}

export function isPasseurError(e: unknown): e is PasseurError {
  return e instanceof PasseurError;
}

/**
 * Refuses an input once every check has run (RGAA 11.10: a form shows all its errors at
 * once): `problems` maps each faulty field to its French sentence; the first one is the
 * message. Does nothing when there is no problem.
 */
export function refuseFields(problems: Record<string, string>, code: ErrorCode = 'invalid_input'): void {
  const entries = Object.entries(problems);
  const first = entries[0];
  if (!first) return;
  throw new PasseurError(code, first[1], first[0], entries.length > 1 ? problems : undefined);
}
