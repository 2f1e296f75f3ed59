/**
 * The open tab of a record's page (a file, a case, an evaluation, an action), kept in the
 * address (`#/<module>/<id>/<tab>`) so that a reload or a link opens the same tab. An unknown
 * tab in the address opens the first one.
 */
import { useState } from 'react';

export function useRouteTab<K extends string>(tabs: readonly K[], inRoute: string | undefined, base: string): [K, (k: string) => void] {
  const valid = (k: string | undefined): K => (tabs.includes(k as K) ? (k as K) : tabs[0]!);
  const [tab, setTab] = useState<K>(() => valid(inRoute));
  const select = (k: string) => {
    const shown = valid(k);
    setTab(shown);
    window.history.replaceState(window.history.state, '', `${base}/${shown}`);
  };
  return [tab, select];
}
