import { useEffect } from 'react';

/**
 * Where the keyboard goes on after an action (RGAA 12.8). When the focused element vanishes
 * or is disabled — a form replaced by the record it saved, a button disabled while its call
 * runs, a dialog whose trigger is gone, a page that replaces « Chargement… » with its
 * content — the focus would fall to <body>, and a keyboard or screen-reader user would start
 * again from the top of the window. It goes instead to the message that says what happened
 * (the newest alert or status), or, after moving to another page, to that page's starting
 * field or title. A click on a blank part of the page (the focused element still there and
 * usable) is left alone.
 */
export function useFocusKeeper(): void {
  useEffect(() => {
    let lastAlert: HTMLElement | null = null;
    let lastFocused: HTMLElement | null = null;
    let routeChangedAt = 0;
    let timer = 0;

    const lost = () => !document.activeElement || document.activeElement === document.body;
    // A focused button that gets disabled may stay document.activeElement without any event,
    // though the keyboard can no longer go on from it.
    const stranded = () => lost() || (document.activeElement === lastFocused && unusable(lastFocused));
    const unusable = (el: HTMLElement | null) => !!el && (!el.isConnected || el.matches(':disabled, [aria-disabled="true"], [data-disabled]') || el.getClientRects().length === 0);
    const target = (): HTMLElement | null => {
      // A modal dialog keeps the focus inside itself: React Aria puts it back.
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return null;
      const main = document.querySelector('main') ?? document.body;
      const start = main.querySelector<HTMLElement>('[data-page-focus]') ?? document.getElementById('page-title') ?? main.querySelector<HTMLElement>('h1');
      const alert = lastAlert?.isConnected ? lastAlert : main.querySelector<HTMLElement>('.alert');
      const fresh = Date.now() - routeChangedAt < 3000;
      return (fresh ? (start ?? alert) : (alert ?? start)) ?? main.querySelector<HTMLElement>('input, button, a[href]');
    };
    /** When the focused element became unusable (0: it has not). */
    let strandedSince = 0;
    let lastAlertAt = 0;
    const place = () => {
      if (!stranded()) {
        strandedSince = 0;
        return;
      }
      // A tab panel is focusable only while it has no control of its own (« Chargement… »): when its
      // content arrives, the focus goes on to the first control in it rather than to <body>.
      if (lastFocused?.isConnected && lastFocused.getClientRects().length > 0 && !lastFocused.matches(FOCUSABLE)) {
        const inner = lastFocused.querySelector<HTMLElement>(TABBABLE);
        if (inner) {
          strandedSince = 0;
          inner.focus();
          return;
        }
      }
      if (!unusable(lastFocused)) {
        // A button disabled while its call ran is usable again and nothing took the focus: to the
        // message the call ended with, or back to the button.
        if (strandedSince && lastAlert?.isConnected && lastAlertAt >= strandedSince) focusOn(lastAlert);
        else if (strandedSince && lastFocused) lastFocused.focus();
        strandedSince = 0;
        return;
      }
      if (!strandedSince) strandedSince = Date.now();
      // Disabled but still there (a call running): wait a moment for the message that ends it.
      const waiting = !!lastFocused?.isConnected && lastFocused.getClientRects().length > 0;
      if (waiting && lastAlertAt < strandedSince && Date.now() - strandedSince < 1500) {
        window.clearTimeout(timer);
        timer = window.setTimeout(place, 100);
        return;
      }
      const t = target();
      if (!t) return;
      strandedSince = 0;
      focusOn(t);
    };
    // After React Aria's own focus restoration (next animation frame) has had its chance.
    const schedule = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(place, 60);
    };

    const observer = new MutationObserver((records) => {
      for (const r of records)
        for (const n of Array.from(r.addedNodes)) {
          if (!(n instanceof HTMLElement)) continue;
          const found = n.matches('.alert') ? n : n.querySelector<HTMLElement>('.alert');
          if (found) {
            lastAlert = found;
            lastAlertAt = Date.now();
          }
        }
      // Seen when it happens: a call may disable and re-enable its button before `place` runs.
      if (unusable(lastFocused) && stranded() && !strandedSince) strandedSince = Date.now();
      if (stranded() && (unusable(lastFocused) || strandedSince)) schedule();
      else if (lastFocused?.isConnected && !lastFocused.matches(FOCUSABLE)) schedule();
    });
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && e.target !== document.body) {
        lastFocused = e.target;
        strandedSince = 0;
        clearStickyBar(e.target);
      }
    };
    const onFocusOut = (e: FocusEvent) => {
      if (e.target === lastFocused && unusable(lastFocused) && !strandedSince) strandedSince = Date.now();
      schedule();
    };
    const onRoute = () => {
      routeChangedAt = Date.now();
      lastAlert = null;
    };
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'data-disabled', 'tabindex'] });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    window.addEventListener('hashchange', onRoute);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('hashchange', onRoute);
      window.clearTimeout(timer);
    };
  }, []);
}

const FOCUSABLE = 'input, button, a[href], textarea, select, [tabindex]';
const TABBABLE = 'input:not([disabled]), button:not([disabled]), a[href], textarea:not([disabled]), select:not([disabled]), [tabindex="0"]';

/** Focuses `el`, made focusable by script first when it is a message or a title. */
function focusOn(el: HTMLElement): void {
  if (!el.matches(FOCUSABLE)) el.setAttribute('tabindex', '-1');
  el.focus();
}

/**
 * A field that receives the focus under a sticky action bar (the aid form's « Enregistrer »
 * bar, on a short window) scrolls up above it (RGAA 10.7): the browser only makes sure the
 * field is in the window, not that nothing covers it.
 */
function clearStickyBar(el: HTMLElement): void {
  for (const bar of Array.from(document.querySelectorAll<HTMLElement>('.sticky-actions'))) {
    if (bar.contains(el) || bar.getClientRects().length === 0) continue;
    const top = bar.getBoundingClientRect().top;
    const r = el.getBoundingClientRect();
    if (r.bottom > top && r.top < top + bar.offsetHeight) window.scrollBy({ top: Math.min(r.bottom - top + 8, r.top - 8), behavior: 'instant' });
  }
}
