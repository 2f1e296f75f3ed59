import { useCallback, useEffect, useRef, useState } from 'react';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** How long before the lock the warning shows (RGAA 13.1: a way to ask for more time). */
export const WARNING_SECONDS = 60;

/**
 * Calls `onIdle` once after `minutes` without keyboard or pointer activity (null: off).
 * Returns the seconds left while the last minute runs (null otherwise), and `stay`, which
 * starts the count again.
 */
export function useIdle(minutes: number | null, onIdle: () => void): { secondsLeft: number | null; stay: () => void } {
  const cb = useRef(onIdle);
  const last = useRef(0);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  useEffect(() => {
    cb.current = onIdle;
  });
  const stay = useCallback(() => {
    last.current = Date.now();
    setSecondsLeft(null);
  }, []);
  useEffect(() => {
    if (minutes === null) return;
    last.current = Date.now();
    let fired = false;
    const limit = minutes * 60_000;
    const warnFrom = Math.max(0, limit - WARNING_SECONDS * 1000);
    const mark = () => {
      // Once the warning shows, only its button (or locking) ends it: a stray mouse move does not.
      if (Date.now() - last.current < warnFrom) last.current = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, mark, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const idle = Date.now() - last.current;
      if (fired) return;
      if (idle > limit) {
        fired = true;
        setSecondsLeft(null);
        cb.current();
      } else if (idle >= warnFrom) setSecondsLeft(Math.max(0, Math.ceil((limit - idle) / 1000)));
      else setSecondsLeft(null);
    }, 1_000);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, mark, { capture: true });
    };
  }, [minutes]);
  return { secondsLeft, stay };
}
