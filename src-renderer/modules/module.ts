/**
 * What a screen module declares to the renderer's registry (`modules/index.ts`, the mirror of
 * src-main/modules/index.ts): its navigation entries and pages, its home-page tiles, its
 * panels in a DSU. The Shell, the home page and the DSU page read the list; none names a
 * module.
 */
import type { ReactNode } from 'react';
import type { DsuOut, SessionInfo } from '../../src-main/modules';
import type { Role } from '../../src-main/shared/roles';

/** What a page, a tile or a panel is rendered with. */
export interface PageContext {
  session: SessionInfo;
  /** The whole hash route (`#/dsu/12`). */
  route: string;
  /** The registry, for the pages that gather from every module (home, DSU). */
  modules: readonly UiModule[];
}

export interface NavEntry {
  /** i18n key under `nav.` (and `home.purpose.` when `purpose`). */
  key: string;
  /** Hash route; null while the module is not available (shown as coming, no link). */
  route: string | null;
  roles: readonly Role[];
  /** Place in the side menu (ascending). */
  position: number;
  /** Shown as a tile with its purpose line on the home page. */
  purpose?: boolean;
  /** The page of this entry and of the routes under it. */
  render?: (c: PageContext) => ReactNode;
}

export interface HomeTile {
  key: string;
  roles: readonly Role[];
  render: (c: PageContext) => ReactNode;
}

export interface DsuPanel {
  key: string;
  /** Where in the DSU's side column: after the household (default) or last. */
  place?: 'afterHousehold' | 'end';
  render: (p: { dsu: DsuOut; session: SessionInfo }) => ReactNode;
}

export interface UiModule {
  name: string;
  nav?: readonly NavEntry[];
  homeTiles?: readonly HomeTile[];
  dsuPanels?: readonly DsuPanel[];
}

export const defineUiModule = (m: UiModule): UiModule => m;
