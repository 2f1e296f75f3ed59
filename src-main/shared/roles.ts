/** Roles of DOMAIN §1. One person may hold several. */
export const ROLES = ['secretaire', 'ass', 'cesf', 'responsable', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The social workers (ASS, CESF): they hold DSU, agendas, and instruct aid requests. */
export const WORKERS = ['ass', 'cesf'] as const satisfies readonly Role[];
/** Social workers and their responsables: the roles that read social content (DOMAIN §1). */
export const SOCIAL = [...WORKERS, 'responsable'] as const satisfies readonly Role[];
/** Everyone at the front desk or in the social team (the admin excepted). */
export const FRONT = ['secretaire', ...SOCIAL] as const satisfies readonly Role[];

export function hasAny(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}
