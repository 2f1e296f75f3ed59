/** French-first formats for dates and money (money is always integer cents). */
import i18n from '../i18n';

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'fr-FR');

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(new Date(iso));
}

export function formatShortDate(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short' }).format(new Date(iso));
}

export function formatCents(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error('money must be integer cents');
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
