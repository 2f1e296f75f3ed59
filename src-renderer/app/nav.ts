/**
 * Navigation shaped by role (DOMAIN §1), gathered from the registry (each module's `nav`).
 * Modules not yet built stay visible to the roles they serve, marked as coming, with no
 * link: nothing pretends to work.
 */
import type { Role } from '../../src-main/shared/roles';
import type { NavEntry, UiModule } from '../modules/module';

export type NavItem = NavEntry;

/** Modules announced but not built yet: in the menu and on the home page, without a link. */
const COMING: readonly NavEntry[] = [
  { key: 'reports', route: null, roles: ['responsable'], position: 110 },
];

/** The item a route belongs to: `#/dsu/12` belongs to `#/dsu`. */
export function itemFor(items: readonly NavItem[], route: string): NavItem | null {
  return items.find((i) => i.route !== null && (route === i.route || (i.route !== '#/' && route.startsWith(`${i.route}/`)))) ?? null;
}

/** The menu for these roles: every module's entries, and the announced ones no module provides yet. */
export function navFor(roles: readonly Role[], modules: readonly UiModule[]): NavItem[] {
  const built = modules.flatMap((m) => m.nav ?? []);
  const keys = new Set(built.map((n) => n.key));
  return [...built, ...COMING.filter((c) => !keys.has(c.key))].filter((n) => n.roles.some((r) => roles.includes(r))).sort((a, b) => a.position - b.position);
}

export { COMING };
