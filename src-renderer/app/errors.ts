import { useCallback, useMemo, useState } from 'react';
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

/**
 * What a form shows after a refusal (RGAA 11.10): every faulty field's sentence, each to be
 * shown beside its field, and one summary that takes the focus. `message`: the summary's
 * sentence (how many errors, or the refusal's own sentence when it names no field); `others`: sentences that
 * belong to no field the form shows (a refusal that names no field, or a field the form
 * does not show), listed in the summary so that nothing is lost.
 */
export interface FormErrors {
  message: string;
  fields: Record<string, string>;
  others: string[];
}

/**
 * Builds a form's errors from a refusal (or from the form's own checks, `fields`), given the
 * names of the fields the form shows. A name may stand for several paths of the contract
 * (`{ payee: ['payee', 'payment.payee'] }`): the field shows the first path's sentence.
 */
export function formErrors(e: unknown, shown: readonly string[] | Record<string, readonly string[]>, local?: Record<string, string>): FormErrors {
  const paths: Record<string, readonly string[]> = Array.isArray(shown) ? Object.fromEntries(shown.map((n) => [n, [n]])) : (shown as Record<string, readonly string[]>);
  const raw: Record<string, string> = { ...(local ?? {}), ...(e === undefined ? {} : fieldsOf(e)) };
  const fields: Record<string, string> = {};
  const used = new Set<string>();
  for (const [name, ps] of Object.entries(paths)) {
    const hit = ps.find((p) => p in raw);
    if (hit !== undefined) {
      fields[name] = raw[hit] as string;
      for (const p of ps) if (p in raw) used.add(p);
    }
  }
  const others = Object.entries(raw)
    .filter(([p]) => !used.has(p))
    .map(([, m]) => m);
  const general = e !== undefined && Object.keys(fieldsOf(e)).length === 0 ? errorText(e) : null;
  if (general !== null) others.push(general);
  const onFields = Object.keys(fields).length;
  const count = onFields + others.length;
  // A refusal that names no field shown says its own sentence; otherwise the summary counts
  // the errors (each field says its own) and lists the sentences no field shows.
  if (onFields === 0 && others.length === 1) return { message: others[0] as string, fields, others: [] };
  return { message: i18n.t('a11y.errorsSummary', { count }), fields, others };
}

/**
 * A form's errors as state: `fail(e)` after a refusal, `check(local)` before calling (false
 * when the form's own checks found something, then shown like a refusal), `of(name)` the
 * sentence beside a field. `attempt` changes at each failure, so that the summary takes the
 * focus again even when the same errors come back.
 */
export function useFormErrors(shown: readonly string[] | Record<string, readonly string[]>) {
  const [state, setState] = useState<(FormErrors & { attempt: number }) | null>(null);
  const key = JSON.stringify(shown);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const names = useMemo(() => shown, [key]);
  const fail = useCallback((e: unknown, local?: Record<string, string>) => setState((s) => ({ ...formErrors(e, names, local), attempt: (s?.attempt ?? 0) + 1 })), [names]);
  const check = useCallback(
    (local: Record<string, string>) => {
      if (Object.keys(local).length === 0) return true;
      fail(undefined, local);
      return false;
    },
    [fail],
  );
  const clear = useCallback(() => setState(null), []);
  const of = (name: string): string | undefined => state?.fields[name];
  return { errors: state, fail, check, clear, of };
}
