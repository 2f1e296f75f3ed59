/**
 * Search as you type, written once for every screen that finds a person (front desk, DSU
 * list, appointments, merges): each keystroke asks the main process after a short pause;
 * only the latest answer counts; fewer than two characters ask nothing.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../src-main/modules';
import { call } from '../../api';

export type PersonSearch = Output<'persons:search'>;

export function usePersonSearch(q: string, limit: number, pauseMs = 60): { results: PersonSearch | null; error: string | null } {
  const [found, setFound] = useState<{ q: string; value: PersonSearch } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = q.trim().length >= 2;
  useEffect(() => {
    if (!asked) return;
    let current = true;
    const handle = setTimeout(() => {
      void call('persons:search', { q, limit }).then((r) => {
        if (!current) return;
        if (r.ok) {
          setFound({ q, value: r.value });
          setError(null);
        } else setError(r.error.message);
      });
    }, pauseMs);
    return () => {
      current = false;
      clearTimeout(handle);
    };
  }, [q, limit, pauseMs, asked]);
  return { results: asked && found ? found.value : null, error: asked ? error : null };
}
