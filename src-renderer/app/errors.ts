import i18n from '../i18n';
import { ApiError } from '../api';

/** The sentence to show for a refused call: translated for known codes, else the main
 *  process's own French sentence (which says what is wrong and what to do). */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    const key = `errors.${e.code}`;
    if (i18n.exists(key) && (i18n.language !== 'fr' || ['network', 'internal'].includes(e.code))) return i18n.t(key);
    return e.message;
  }
  return i18n.t('errors.internal');
}

export function fieldOf(e: unknown): string | undefined {
  return e instanceof ApiError ? e.field : undefined;
}

/** Every faulty field of a refusal (path → sentence), to show them all at once beside their fields. */
export function fieldsOf(e: unknown): Record<string, string> {
  return e instanceof ApiError ? e.fields : {};
}
