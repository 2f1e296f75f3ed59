import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../app/errors';

/** Loads data once on mount; `reload()` fetches again (and resolves when done). */
export function useResource<T>(fetcher: () => Promise<T>): { data: T | null; error: string | null; reload: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fn = useRef(fetcher);
  useEffect(() => {
    fn.current = fetcher;
  });
  const reload = useCallback(async () => {
    try {
      setData(await fn.current());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  useEffect(() => {
    let alive = true;
    fn.current().then(
      (d) => alive && setData(d),
      (e: unknown) => alive && setError(errorText(e)),
    );
    return () => {
      alive = false;
    };
  }, []);
  return { data, error, reload };
}
