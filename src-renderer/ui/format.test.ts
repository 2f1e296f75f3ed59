import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { formatCents, formatDate } from './format';

describe('French formats', () => {
  it('money from integer cents, French by default, English on request', async () => {
    await i18n.changeLanguage('fr');
    expect(formatCents(123456).replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(() => formatCents(12.5)).toThrow(/integer cents/);
    await i18n.changeLanguage('en');
    expect(formatCents(123456)).toBe('€1,234.56');
    await i18n.changeLanguage('fr');
  });
  it('dates in French words', () => {
    expect(formatDate('2026-03-31T10:00:00Z')).toBe('31 mars 2026');
  });
});
