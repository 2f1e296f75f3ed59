/**
 * How a legal parameter's values read and are typed on the « Paramètres légaux » screen: the
 * barème, the RSA, the delays and the mentions as French text and tables, and the add form's
 * draft turned back into a value.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { centsToInput, formatCents, isoToFr, parseEuros, parseFrDate } from '../../ui/format';

export type Fraction = [number, number];
export interface Bareme {
  tranches: { upTo_cents: number | null; fraction: Fraction }[];
  perDependant_cents: number;
}
export interface Rsa {
  alone_cents: [number, number, number];
  couple_cents: [number, number, number];
  perFurtherChild_cents: number;
}
export interface Mention {
  titre: string;
  decisions: string[];
  texte: string;
}

export const euros = (cents: number) => formatCents(cents);
export const fractionText = (f: Fraction) => (f[0] === f[1] ? '1' : `${f[0]}/${f[1]}`);

/** `MM-DD` → « 1er janvier ». */
export function renewalDay(t: TFunction, mmdd: string): string {
  const [m, d] = mmdd.split('-').map(Number) as [number, number];
  return t('parametres.dayOfMonth', { day: d === 1 ? t('parametres.first') : String(d), month: t(`parametres.months.${m}`) });
}

/** A one-line account of a value, for the list. */
export function summary(t: TFunction, id: string, value: unknown): string {
  const v = value as Record<string, unknown>;
  switch (id) {
    case 'bareme_saisies': {
      const b = value as Bareme;
      return t('parametres.summary.bareme', { count: b.tranches.length, first: euros(b.tranches[0]?.upTo_cents ?? 0), dependant: euros(b.perDependant_cents) });
    }
    case 'rsa_forfaitaire':
      return t('parametres.summary.rsa', { amount: euros((value as Rsa).alone_cents[0]) });
    case 'mentions_recours':
      return t('parametres.summary.mentions', { count: (v.mentions as unknown[]).length });
    default:
      return Object.entries(v)
        .map(([k, n]) => t('parametres.delay', { label: t(`parametres.keys.${k}`), value: shownValue(t, k, n) }))
        .join(' ; ');
  }
}

/** The unit a delay's key names (`…_working_days`, `…_weeks`, `…_days`, `…_months`, `years`), or null for a day or a date. */
export function unitOf(key: string): 'workingDays' | 'weeks' | 'days' | 'months' | 'years' | null {
  if (key.endsWith('working_days')) return 'workingDays';
  if (key.endsWith('weeks')) return 'weeks';
  if (key.endsWith('days')) return 'days';
  if (key.endsWith('years') || key === 'years') return 'years';
  if (key.endsWith('months')) return 'months';
  return null;
}

/** A delay with its unit, a date in French, or a `MM-DD` day as « 1er novembre ». */
export function shownValue(t: TFunction, key: string, n: unknown): string {
  const unit = unitOf(key);
  if (unit) return `${String(n)} ${t(`parametres.units.${unit}`, { count: Number(n) })}`;
  if (typeof n === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(n)) return isoToFr(n);
  if (typeof n === 'string' && /^\d{2}-\d{2}$/.test(n)) return renewalDay(t, n);
  return String(n);
}

/** The label of a delay's field in the form, with its unit or the format it takes. */
export function fieldLabel(t: TFunction, key: string, sample: unknown): string {
  const unit = unitOf(key);
  if (unit) return `${t(`parametres.keys.${key}`)} (${t(`parametres.units.${unit}`, { count: 2 })})`;
  return `${t(`parametres.keys.${key}`)} (${typeof sample === 'string' && sample.length === 5 ? t('parametres.formatDay') : t('parametres.formatDate')})`;
}

/** A value as French tables: the barème's tranches, the RSA by household, the delays, the mentions. */
export function ValueView({ id, value, caption }: { id: string; value: unknown; caption: string }) {
  const { t } = useTranslation();
  if (id === 'bareme_saisies') {
    const b = value as Bareme;
    return (
      <table className="table parameter-table">
        <caption className="visually-hidden">{t('parametres.baremeCaption', { caption })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('parametres.tranche')}</th>
            <th scope="col">{t('parametres.annualIncome')}</th>
            <th scope="col" className="num">
              {t('parametres.seizable')}
            </th>
          </tr>
        </thead>
        <tbody>
          {b.tranches.map((tr, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>{tr.upTo_cents !== null ? t('parametres.upTo', { amount: euros(tr.upTo_cents) }) : t('parametres.beyond', { amount: euros(b.tranches[i - 1]?.upTo_cents ?? 0) })}</td>
              <td className="num">{tr.fraction[0] === tr.fraction[1] ? t('parametres.whole') : fractionText(tr.fraction)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('parametres.perDependant')}
            </th>
            <td className="num">{t('parametres.plusAmount', { amount: euros(b.perDependant_cents) })}</td>
          </tr>
        </tfoot>
      </table>
    );
  }
  if (id === 'rsa_forfaitaire') {
    const r = value as Rsa;
    return (
      <table className="table parameter-table">
        <caption className="visually-hidden">{t('parametres.rsaCaption', { caption })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('parametres.household')}</th>
            <th scope="col" className="num">
              {t('parametres.monthly')}
            </th>
          </tr>
        </thead>
        <tbody>
          {(['alone', 'couple'] as const).flatMap((who) =>
            r[`${who}_cents`].map((c, i) => (
              <tr key={`${who}-${i}`}>
                <th scope="row">{`${t(`parametres.${who}`)} ${t('parametres.children', { count: i })}`}</th>
                <td className="num">{euros(c)}</td>
              </tr>
            )),
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('parametres.perFurtherChild')}</th>
            <td className="num">{t('parametres.plusAmount', { amount: euros(r.perFurtherChild_cents) })}</td>
          </tr>
        </tfoot>
      </table>
    );
  }
  if (id === 'mentions_recours') {
    const m = (value as { mentions: Mention[] }).mentions;
    return (
      <ul className="plain parameter-mentions">
        {m.map((x, i) => (
          <li key={i}>
            <strong>{x.titre}</strong> <span className="muted small">({x.decisions.map((d) => t(`parametres.decisions.${d}`)).join(', ')})</span>
            <p>{x.texte}</p>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <table className="table parameter-table">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {Object.entries(value as Record<string, unknown>).map(([k, n]) => (
          <tr key={k}>
            <th scope="row">{t(`parametres.keys.${k}`)}</th>
            <td className="num">{shownValue(t, k, n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The form's draft: texts as typed, turned into the value on submit. */
export type Draft = Record<string, string>;

export function draftOf(id: string, value: unknown): Draft {
  const d: Draft = {};
  if (value === null || value === undefined) return d;
  if (id === 'bareme_saisies') {
    const b = value as Bareme;
    b.tranches.forEach((tr, i) => {
      d[`tranches.${i}.upTo_cents`] = centsToInput(tr.upTo_cents);
      d[`tranches.${i}.fraction`] = fractionText(tr.fraction);
    });
    d.perDependant_cents = centsToInput(b.perDependant_cents);
  } else if (id === 'rsa_forfaitaire') {
    const r = value as Rsa;
    r.alone_cents.forEach((c, i) => (d[`alone_cents.${i}`] = centsToInput(c)));
    r.couple_cents.forEach((c, i) => (d[`couple_cents.${i}`] = centsToInput(c)));
    d.perFurtherChild_cents = centsToInput(r.perFurtherChild_cents);
  } else if (id === 'mentions_recours') {
    d.json = JSON.stringify(value, null, 2);
  } else {
    for (const [k, n] of Object.entries(value as Record<string, unknown>)) d[k] = typeof n === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(n) ? isoToFr(n) : String(n);
  }
  return d;
}

export const money = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : (parseEuros(s) ?? s));
export const whole = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : /^\d+$/.test(s.trim()) ? Number(s.trim()) : s);
export function fraction(s: string | undefined): unknown {
  const x = (s ?? '').trim();
  if (x === '1') return [1, 1];
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(x);
  return m ? [Number(m[1]), Number(m[2])] : x;
}

/** The value the draft says (what cannot be read is sent as typed: the API names the field). */
export function valueOf(id: string, d: Draft, template: unknown): unknown {
  if (id === 'bareme_saisies') {
    const n = (template as Bareme | null)?.tranches.length ?? 0;
    return {
      tranches: Array.from({ length: n }, (_, i) => ({ upTo_cents: i === n - 1 ? null : money(d[`tranches.${i}.upTo_cents`]), fraction: fraction(d[`tranches.${i}.fraction`]) })),
      perDependant_cents: money(d.perDependant_cents),
    };
  }
  if (id === 'rsa_forfaitaire') {
    return {
      alone_cents: [0, 1, 2].map((i) => money(d[`alone_cents.${i}`])),
      couple_cents: [0, 1, 2].map((i) => money(d[`couple_cents.${i}`])),
      perFurtherChild_cents: money(d.perFurtherChild_cents),
    };
  }
  if (id === 'mentions_recours') {
    try {
      return JSON.parse(d.json ?? '') as unknown;
    } catch {
      return d.json ?? '';
    }
  }
  return Object.fromEntries(
    Object.entries((template as Record<string, unknown> | null) ?? {}).map(([k, sample]) => [k, typeof sample === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(sample) ? (parseFrDate(d[k] ?? '') ?? d[k]) : typeof sample === 'string' ? (d[k] ?? '').trim() : whole(d[k])]),
  );
}
