/**
 * A version of the règlement read as a French document (DOMAIN §4.1, fiche action 4: the
 * criteria of attribution, the barèmes, the delegation): per dispositif its conditions, its
 * resource test, its natures with their ceilings by household type, who decides and how it is
 * paid; then the frequency caps and the envelopes — in tables, each rule with its source.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmountByType, Dispositif, PartsTable, Reglement } from '../../../src-main/modules';
import { HOUSEHOLD_TYPES } from '../../../src-main/modules/aides/kinds';
import { formatCents, isoToFr } from '../../ui/format';

const frNum = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(n);

function Source({ text }: { text: string }) {
  return <span className="muted small reglement-source">{text}</span>;
}

/** `{ personne_seule: 800, default: 550 }` → « 8,00 € (personne seule), 5,50 € (autres foyers) ». */
function useAmounts() {
  const { t } = useTranslation();
  return (a: AmountByType) => {
    const named = HOUSEHOLD_TYPES.filter((h) => a[h] !== undefined).map((h) => `${formatCents(a[h]!)} (${t(`aides.reglement.doc.householdTypes.${h}`).toLocaleLowerCase()})`);
    if (a.default !== undefined) named.push(named.length ? `${formatCents(a.default)} (${t('aides.reglement.doc.otherHouseholds')})` : formatCents(a.default));
    return named.join(', ');
  };
}

function Row({ label, children, source }: { label: string; children: ReactNode; source?: string | undefined }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
      <td>{source ? <Source text={source} /> : '—'}</td>
    </tr>
  );
}

function DispositifSection({ d, headingId }: { d: Dispositif; headingId: string }) {
  const { t } = useTranslation();
  const amounts = useAmounts();
  const k = (key: string, o?: Record<string, unknown>) => t(`aides.reglement.doc.${key}`, o ?? {});
  const e = d.eligibility;
  const rt = d.resourceTest;
  const parts = (p: PartsTable) => k('parts', { alone: frNum(p.personne_seule), couple: frNum(p.couple), parent: frNum(p.parent_isole), children: p.par_enfant.map(frNum).join(' ; '), pregnancy: frNum(p.grossesse) });
  let test: ReactNode;
  if (rt.method === 'aucun') test = k('tests.aucun');
  else {
    const formula =
      rt.method === 'moyenne_economique_journaliere'
        ? k('tests.moyenne_economique_journaliere', { forfait: formatCents(rt.forfaitChargesCents), loyer: rt.loyerResiduel ? k('loyerResiduel') : '' })
        : rt.method === 'reste_a_vivre_par_part'
          ? k('tests.reste_a_vivre_par_part', { period: k(`periods.${rt.period}`), perDay: rt.period === 'jour' ? k('perDay') : '' })
          : k('tests.quotient_familial');
    test = (
      <>
        {formula} {k(rt.strict ? 'below' : 'atMost', { list: amounts(rt.maxCents) })}
        {rt.method !== 'moyenne_economique_journaliere' && <> {parts(rt.parts)}</>}
      </>
    );
  }
  const excluded = d.resources.excluded.map((r) => t(`aides.budget.kinds.${r}`));
  const { numerateur: num, denominateur: den } = d.resources.salaireEnfant;
  return (
    <section className="reglement-dispositif" aria-labelledby={headingId}>
      <h3 id={headingId}>{d.label}</h3>
      {d.description && <p>{d.description}</p>}
      <table className="table reglement-table">
        <caption>{k('conditions')}</caption>
        <thead>
          <tr>
            <th scope="col">{k('condition')}</th>
            <th scope="col">{k('rule')}</th>
            <th scope="col">{k('source')}</th>
          </tr>
        </thead>
        <tbody>
          <Row label={k('composition')} source={e.source}>
            {k(`compositions.${e.composition}`)}
          </Row>
          {e.age && (
            <Row label={k('age')} source={e.source}>
              {e.age.derogationMin !== undefined ? k('ageDerogation', { min: e.age.min, max: e.age.max, derogation: e.age.derogationMin }) : k('ageRange', { min: e.age.min, max: e.age.max })}
            </Row>
          )}
          <Row label={k('residence')} source={e.source}>
            {e.residence ? k('residenceYes') : k('residenceNo')}
          </Row>
          <Row label={k('resources')} source={d.resources.source}>
            {excluded.length ? k('excluded', { list: excluded.join(', ') }) : k('noneExcluded')}
            {num !== den && <> {k('childSalary', { num, den })}</>}
          </Row>
          <Row label={k('test')} source={rt.source}>
            {test}
          </Row>
        </tbody>
      </table>
      <table className="table reglement-table">
        <caption>{k('natures')}</caption>
        <thead>
          <tr>
            <th scope="col">{k('nature')}</th>
            {HOUSEHOLD_TYPES.map((h) => (
              <th scope="col" key={h} className="num">
                {k(`householdTypes.${h}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {k('perDayCol')}
            </th>
          </tr>
        </thead>
        <tbody>
          {d.natures.map((n) => (
            <tr key={n.code}>
              <th scope="row">
                {t(`aides.natures.${n.code}`)}
                <Source text={n.source} />
              </th>
              {HOUSEHOLD_TYPES.map((h) => {
                const v = n.ceiling[h] ?? n.ceiling.default;
                return (
                  <td key={h} className="num">
                    {v === undefined ? '—' : formatCents(v)}
                  </td>
                );
              })}
              <td className="num">{n.perDayCents === undefined ? '—' : formatCents(n.perDayCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table reglement-table">
        <caption>{k('decision')}</caption>
        <thead>
          <tr>
            <th scope="col">{k('condition')}</th>
            <th scope="col">{k('rule')}</th>
            <th scope="col">{k('source')}</th>
          </tr>
        </thead>
        <tbody>
          <Row label={k('delegation')}>{k('delegationRule', { amount: formatCents(d.delegationCents) })}</Row>
          <Row label={k('refusal')} source={d.refusAutonomeSource}>
            {d.refusAutonome ? k('refusalAlone', { source: d.refusAutonomeSource ?? '' }) : k('refusalCommission')}
          </Row>
          <Row label={k('payment')} source={d.payment.source}>
            {d.payment.modes.map((m) => t(`aides.modes.${m}`)).join(' ; ')}.
            {d.payment.cheques && <> {k('cheques', { value: formatCents(d.payment.cheques.valueCents), max: d.payment.cheques.maxPerRequest })}</>}
          </Row>
        </tbody>
      </table>
    </section>
  );
}

export function ReglementDocument({ document, idPrefix }: { document: string; idPrefix: string }) {
  const { t } = useTranslation();
  const k = (key: string, o?: Record<string, unknown>) => t(`aides.reglement.doc.${key}`, o ?? {});
  let r: Reglement;
  try {
    r = JSON.parse(document) as Reglement;
    if (!Array.isArray(r.dispositifs)) throw new Error('shape');
  } catch {
    return <p className="muted">{k('unreadable')}</p>;
  }
  const labels = new Map(r.dispositifs.map((d) => [d.code, d.label]));
  const names = (codes: string[]) => codes.map((c) => labels.get(c) ?? c).join(', ');
  const period = r.effectiveTo ? t('aides.reglement.fromTo', { from: isoToFr(r.effectiveFrom), to: isoToFr(r.effectiveTo) }) : t('aides.reglement.from', { from: isoToFr(r.effectiveFrom) });
  return (
    <div className="reglement-document">
      <p>{k('meta', { version: r.version, date: isoToFr(r.deliberation.date), reference: r.deliberation.reference, period })}</p>
      <p>
        {k('childAge', { age: r.enfantAChargeAgeMax })} <Source text={r.enfantAChargeSource} />
      </p>
      {r.dispositifs.map((d) => (
        <DispositifSection key={d.code} d={d} headingId={`${idPrefix}-${d.code}`} />
      ))}
      <section aria-labelledby={`${idPrefix}-caps`}>
        <h3 id={`${idPrefix}-caps`}>{k('caps')}</h3>
        {r.caps.length === 0 ? (
          <p>{k('capsNone')}</p>
        ) : (
          <table className="table reglement-table">
            <caption className="visually-hidden">{k('caps')}</caption>
            <thead>
              <tr>
                <th scope="col">{k('rule')}</th>
                <th scope="col">{k('capDispositifs')}</th>
                <th scope="col" className="num">
                  {k('capMax')}
                </th>
                <th scope="col">{k('capSameMonth')}</th>
                <th scope="col">{k('source')}</th>
              </tr>
            </thead>
            <tbody>
              {r.caps.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.label}</th>
                  <td>{names(c.dispositifs)}</td>
                  <td className="num">{c.maxPer12Months}</td>
                  <td>{c.notSameMonth ? k('sameMonthNo') : k('sameMonthYes')}</td>
                  <td>
                    <Source text={c.source} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby={`${idPrefix}-envelopes`}>
        <h3 id={`${idPrefix}-envelopes`}>{k('envelopes')}</h3>
        {r.envelopes.length === 0 ? (
          <p>{k('envelopesNone')}</p>
        ) : (
          <table className="table reglement-table">
            <caption className="visually-hidden">{k('envelopes')}</caption>
            <thead>
              <tr>
                <th scope="col">{k('envelope')}</th>
                <th scope="col">{k('capDispositifs')}</th>
                <th scope="col">{k('source')}</th>
              </tr>
            </thead>
            <tbody>
              {r.envelopes.map((e) => (
                <tr key={e.code}>
                  <th scope="row">{e.label}</th>
                  <td>{names(e.dispositifs)}</td>
                  <td>
                    <Source text={e.source} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
