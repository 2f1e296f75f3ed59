import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../app/errors';
import { on } from '../api';

/** Milliseconds a burst of changes is gathered before the screens read again. */
export const LIVE_DELAY_MS = 250;

type Reader = () => void;
const readers = new Set<Reader>();
let pending: ReturnType<typeof setTimeout> | null = null;
let unsubscribe: (() => void) | null = null;

/** A change anywhere in the store (this desk or another) makes every mounted resource read again, once per burst. */
function dataChanged(): void {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    for (const r of [...readers]) r();
  }, LIVE_DELAY_MS);
}

function follow(reader: Reader): () => void {
  readers.add(reader);
  if (!unsubscribe) {
    try {
      unsubscribe = on('data:changed', dataChanged);
    } catch {
      unsubscribe = null;
    }
  }
  return () => {
    readers.delete(reader);
    if (readers.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

/**
 * Loads data on mount; `reload()` fetches again (and resolves when done). One cache rule for
 * every screen: when the main process says the store changed (`data:changed`, after any call
 * that wrote, from any desk), every mounted resource reads again. What comes back identical
 * keeps the same object, so nothing re-renders and no form seeded from it is reset; a read that
 * fails then (locked session, network) keeps what is shown.
 */
export function useResource<T>(fetcher: () => Promise<T>): { data: T | null; error: string | null; reload: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fn = useRef(fetcher);
  const shown = useRef<string | null>(null);
  const failed = useRef(false);
  const clearError = useCallback(() => {
    if (!failed.current) return;
    failed.current = false;
    setError(null);
  }, []);
  const showError = useCallback((e: unknown) => {
    failed.current = true;
    setError(errorText(e));
  }, []);
  useEffect(() => {
    fn.current = fetcher;
  });
  const accept = useCallback((d: T) => {
    const text = JSON.stringify(d) ?? null;
    if (text !== null && text === shown.current) return;
    shown.current = text;
    setData(d);
  }, []);
  const reload = useCallback(async () => {
    try {
      accept(await fn.current());
      clearError();
    } catch (e) {
      showError(e);
    }
  }, [accept, clearError, showError]);
  useEffect(() => {
    let alive = true;
    fn.current().then(
      (d) => alive && accept(d),
      (e: unknown) => alive && showError(e),
    );
    const stop = follow(() => {
      fn.current().then(
        (d) => {
          if (!alive) return;
          accept(d);
          clearError();
        },
        () => undefined,
      );
    });
    return () => {
      alive = false;
      stop();
    };
  }, [accept, clearError, showError]);
  return { data, error, reload };
}
