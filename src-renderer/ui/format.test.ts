import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { centsToInput, formatCents, formatDate, parseEuros } from './format';

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

describe('amounts typed in euros', () => {
  it('reads French and plain writings into integer cents, refuses the rest', () => {
    expect(parseEuros('150')).toBe(15000);
    expect(parseEuros('150,5')).toBe(15050);
    expect(parseEuros('1 234,56 €')).toBe(123456);
    expect(parseEuros('0,07')).toBe(7);
    expect(parseEuros('12,345')).toBeNull();
    expect(parseEuros('-3')).toBeNull();
    expect(parseEuros('douze')).toBeNull();
    expect(parseEuros('')).toBeNull();
  });
  it('writes cents back for editing', () => {
    expect(centsToInput(15000)).toBe('150');
    expect(centsToInput(15050)).toBe('150,50');
    expect(centsToInput(7)).toBe('0,07');
    expect(parseEuros(centsToInput(123456))).toBe(123456);
  });
});
