/**
 * The layout check run on every screen state of the journeys (through `expectAccessible`):
 * the page never scrolls sideways, and no form control, label, card or table cell spills
 * out of its container or has its own content cut. A failure names each element, its
 * container and by how many pixels it overflows.
 */
import { expect, type Page } from '@playwright/test';

/** Elements whose box must stay inside their container. */
const CHECKED = [
  'input',
  'textarea',
  'select',
  'button',
  'label',
  '.select-button',
  '.radio',
  '.checkbox',
  '.field',
  '.card',
  '.panel',
  '.tile',
  'fieldset',
  '.modal',
  '.sector-card',
  '.journal-entry',
  '.agenda-column',
  '.budget-side',
  '.alert',
  'td',
  'th',
].join(',');

/** Elements whose own content must fit in them (text cut or spilling out). */
const SELF = ['button', 'label', '.select-button', '.radio', '.checkbox', 'td', 'th', 'legend'].join(',');

export interface Overflow {
  element: string;
  container: string;
  by: number;
}

/** The overflows on the current screen (exported for the helper's own test). */
export async function findOverflows(page: Page): Promise<{ page: { scrollWidth: number; viewport: number }; overflows: Overflow[] }> {
  return page.evaluate(
    ({ checked, self }) => {
      const TOLERANCE = 1;
      const describe = (el: Element): string => {
        const id = el.id ? `#${el.id}` : '';
        const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
        const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `${el.tagName.toLowerCase()}${id}${cls}${text ? ` « ${text} »` : ''}${el === document.activeElement ? ' (focus)' : ''}`;
      };
      const visible = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        // React Aria's visually hidden elements (the dialog's dismiss button, native inputs…)
        // sit in a clipped 1 px box: for sighted people they are not there.
        for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (s.clipPath.startsWith('inset(50%') || s.clip === 'rect(0px, 0px, 0px, 0px)') return false;
        }
        const s = getComputedStyle(el);
        return s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('.visually-hidden, [aria-hidden="true"]');
      };
      /** The element's container: its nearest ancestor with a box of its own. */
      const containerOf = (el: Element): Element | null => {
        let p = el.parentElement;
        while (p && getComputedStyle(p).display === 'contents') p = p.parentElement;
        return p;
      };
      /** A scrolling ancestor (a table's scroll box, a list with its own scrollbar) clips on purpose. */
      const scrolls = (el: Element): boolean => {
        const s = getComputedStyle(el);
        return ['auto', 'scroll'].includes(s.overflowX) && el !== document.documentElement && el !== document.body;
      };
      const overflows: { element: string; container: string; by: number }[] = [];
      for (const el of Array.from(document.querySelectorAll(checked))) {
        if (!visible(el)) continue;
        // Inputs visually hidden by React Aria inside radios and checkboxes.
        if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox' || el.type === 'file')) continue;
        const box = el.getBoundingClientRect();
        const c = containerOf(el);
        if (c && c !== document.body && c !== document.documentElement && !scrolls(c)) {
          const cb = c.getBoundingClientRect();
          const s = getComputedStyle(c);
          const left = cb.left + parseFloat(s.borderLeftWidth);
          const right = cb.right - parseFloat(s.borderRightWidth);
          const by = Math.max(left - box.left, box.right - right);
          if (by > TOLERANCE) overflows.push({ element: describe(el), container: describe(c), by: Math.round(by) });
        }
        if (el.matches(self) && !(el instanceof HTMLInputElement) && !(el instanceof HTMLTextAreaElement)) {
          const by = el.scrollWidth - el.clientWidth;
          if (el.clientWidth > 0 && by > TOLERANCE) overflows.push({ element: describe(el), container: '(son propre contenu)', by });
        }
      }
      return { page: { scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }, overflows };
    },
    { checked: CHECKED, self: SELF },
  );
}

/** Fails when the page scrolls sideways or anything checked overflows its container. */
export async function expectNoOverflow(page: Page, screen: string): Promise<void> {
  const r = await findOverflows(page);
  expect(r.page.scrollWidth, `${screen} : la page défile horizontalement (${r.page.scrollWidth} px pour ${r.page.viewport} px)`).toBeLessThanOrEqual(r.page.viewport);
  expect(
    r.overflows.map((o) => `${o.element} déborde de ${o.container} de ${o.by} px`),
    `débordements — ${screen} (${r.page.viewport} px)`,
  ).toEqual([]);
}
