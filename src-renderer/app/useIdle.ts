import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once after `minutes` without keyboard or pointer activity (null: off). */
export function useIdle(minutes: number | null, onIdle: () => void): void {
  const cb = useRef(onIdle);
  useEffect(() => {
    cb.current = onIdle;
  });
  useEffect(() => {
    if (minutes === null) return;
    let last = Date.now();
    let fired = false;
    const mark = () => {
      last = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, mark, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (!fired && Date.now() - last > minutes * 60_000) {
        fired = true;
        cb.current();
      }
    }, 5_000);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, mark, { capture: true });
    };
  }, [minutes]);
}
