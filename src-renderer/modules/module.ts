/**
 * What a screen module declares to the renderer's registry (`modules/index.ts`, the mirror of
 * src-main/modules/index.ts): its navigation entries and pages, its home-page tiles, its
 * tabs in a DSU. The Shell, the home page and the DSU page read the list; none names a
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

/** What a DSU tab is rendered with: the file as read, and how to tell the page something changed. */
export interface DsuPanelProps {
  dsu: DsuOut;
  session: SessionInfo;
  /** Reloads the file (header, counts); `message`, when given, is announced in the page's live region. */
  onChanged: (message?: string) => void;
  /** Shows a refusal in the page's alert. */
  onError: (message: string) => void;
}

/**
 * A tab of the DSU page. Its label is the i18n text `dsuTabs.<key>`; `#/dsu/<id>/<key>` opens
 * it. Positions: the DSU's Situation 10 and Journal 20, Aides 30, the procedures of later
 * modules 40–59, Documents 60, Consentements 70, Rendez-vous 80, Premiers accueils 90.
 */
export interface DsuPanel {
  key: string;
  position: number;
  render: (p: DsuPanelProps) => ReactNode;
}

/**
 * What a module adds to the aid request page (`#/aides/<id>`, `#/aides/nouvelle/<dsu>?…`):
 * a panel about the request once it exists, and what to do right after the page creates it,
 * given the route's query (e.g. `expulsion=12` when opened from an eviction case). `afterCreate`
 * resolves to a sentence to announce, or null.
 */
export interface AidPanel {
  key: string;
  render: (p: { aidId: number }) => ReactNode;
  afterCreate?: (p: { aidId: number; query: URLSearchParams }) => Promise<string | null>;
}

export interface UiModule {
  name: string;
  nav?: readonly NavEntry[];
  homeTiles?: readonly HomeTile[];
  dsuPanels?: readonly DsuPanel[];
  aidPanels?: readonly AidPanel[];
}

export const defineUiModule = (m: UiModule): UiModule => m;
