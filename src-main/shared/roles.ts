/** Roles of DOMAIN §1. One person may hold several. */
export const ROLES = ['secretaire', 'ass', 'cesf', 'responsable', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that carry a social mission (may read social content where the DSU allows). */
export const SOCIAL_ROLES: readonly Role[] = ['ass', 'cesf', 'responsable'];

export function hasAny(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}
