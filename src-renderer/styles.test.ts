/**
 * RGAA 3.3 (WCAG 1.4.11): the focus ring keeps a contrast of at least 3:1 against every
 * background it can be drawn on. The ring is a dark outline between white halos: on a light
 * background the outline contrasts, on the dark top bar the outer halo does; outline and halo
 * contrast with each other. Colours are read from styles.css, so changing one re-checks it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = fs.readFileSync(path.join(__dirname, 'styles.css'), 'utf8');
const variable = (name: string) => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`--${name} missing from styles.css`);
  return m[1]!;
};
const rule = (selector: string, prop: string) => {
  const m = new RegExp(`(^|\\n)${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{[^}]*${prop}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`${selector} { ${prop} } missing from styles.css`);
  return m[2]!;
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('focus ring (RGAA 3.3)', () => {
  const focus = variable('focus');
  const halo = variable('focus-halo');
  const backgrounds: Record<string, string> = {
    page: variable('paper'),
    card: variable('card'),
    'selected menu item, info alert': variable('accent-soft'),
    'primary button': variable('accent'),
    'danger button': variable('danger'),
    'top bar': rule('.topbar', 'background'),
    'table header': rule('.datatable thead th', 'background'),
    'error alert': rule('.alert-error', 'background'),
    'success alert': rule('.alert-success', 'background'),
    'read-only field': rule('.field input[readonly]', 'background'),
  };

  it('outline and halo contrast with each other', () => {
    expect(contrast(focus, halo)).toBeGreaterThanOrEqual(3);
  });

  it.each(Object.entries(backgrounds))('is visible on the %s (%s)', (_name, bg) => {
    expect(Math.max(contrast(focus, bg), contrast(halo, bg))).toBeGreaterThanOrEqual(3);
  });

  it('the old yellow ring would fail (the check measures what it claims)', () => {
    expect(contrast('#f2b705', '#ffffff')).toBeLessThan(3);
  });
});
