/**
 * Navigation shaped by role (DOMAIN §1). Items whose module is not yet built stay visible
 * to the roles they serve, marked as coming, with no link: nothing pretends to work.
 */
import type { Role } from '../../src-main/shared/roles';

export interface NavItem {
  key: string;
  /** Hash route; null while the module is not available. */
  route: string | null;
  roles: readonly Role[];
}

export const NAV: readonly NavItem[] = [
  { key: 'home', route: '#/', roles: ['secretaire', 'ass', 'cesf', 'responsable', 'admin'] },
  { key: 'intake', route: '#/accueil', roles: ['secretaire', 'ass', 'cesf'] },
  { key: 'appointments', route: '#/agenda', roles: ['secretaire', 'ass', 'cesf', 'responsable'] },
  { key: 'dsu', route: '#/dsu', roles: ['ass', 'cesf', 'responsable'] },
  { key: 'aides', route: '#/aides', roles: ['ass', 'cesf', 'responsable'] },
  { key: 'surendettement', route: null, roles: ['cesf'] },
  { key: 'expulsions', route: null, roles: ['ass', 'cesf'] },
  { key: 'validation', route: '#/validation', roles: ['responsable'] },
  { key: 'commission', route: '#/commission', roles: ['responsable'] },
  { key: 'envelopes', route: '#/enveloppes', roles: ['responsable'] },
  { key: 'reglement', route: '#/reglement', roles: ['responsable', 'admin'] },
  { key: 'reports', route: null, roles: ['responsable'] },
  { key: 'partners', route: '#/partenaires', roles: ['secretaire', 'ass', 'cesf', 'responsable', 'admin'] },
  { key: 'retention', route: '#/conservation', roles: ['responsable'] },
  { key: 'merges', route: '#/fusions', roles: ['responsable'] },
  { key: 'users', route: '#/admin/utilisateurs', roles: ['admin'] },
  { key: 'sectors', route: '#/admin/secteurs', roles: ['admin', 'responsable'] },
  { key: 'settings', route: '#/admin/parametres', roles: ['admin'] },
  { key: 'audit', route: '#/journal', roles: ['admin', 'responsable'] },
  { key: 'account', route: '#/compte', roles: ['secretaire', 'ass', 'cesf', 'responsable', 'admin'] },
];

/** The item a route belongs to: `#/dsu/12` belongs to `#/dsu`. */
export function itemFor(items: readonly NavItem[], route: string): NavItem | null {
  return items.find((i) => i.route !== null && (route === i.route || (i.route !== '#/' && route.startsWith(`${i.route}/`)))) ?? null;
}

export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV.filter((n) => n.roles.some((r) => roles.includes(r)));
}
