/**
 * « Paramètres légaux » (DOMAIN §8): every legal parameter with its value in force, its source
 * and its next expected renewal (a badge when overdue); a parameter's page shows every entry
 * as a French table and a form suited to it to add the next value; a file of entries can be
 * imported (all or nothing, every problem named with its path).
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../api';
import { must } from '../../api';
import { errorText, fieldsOf } from '../../app/errors';
import { Alert, Button, PageHeader, TextAreaInput, TextInput } from '../../ui/components';
import { formatDateTime, isoToFr, parseFrDate } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { draftOf, fieldLabel, renewalDay, summary, valueOf, ValueView, type Bareme, type Draft } from './parameter-values';

type Param = Output<'params:list'>['parameters'][number];
type Entry = Param['entries'][number];

export const PARAMETERS_ROUTE = '#/admin/parametres-legaux';

/** The parameters' page, or one parameter's page (`#/admin/parametres-legaux/<id>`). */
export function ParametersPage({ route }: { route: string }) {
  const list = useResource(() => must('params:list', {}));
  const id = route.startsWith(`${PARAMETERS_ROUTE}/`) ? decodeURIComponent(route.slice(PARAMETERS_ROUTE.length + 1)) : null;
  const param = id ? list.data?.parameters.find((p) => p.id === id) : undefined;
  if (id) return <ParameterDetail id={id} param={param ?? null} loaded={list.data !== null} error={list.error} reload={list.reload} />;
  return <ParametersList data={list.data} error={list.error} reload={list.reload} />;
}

function ImportButton({ onDone }: { onDone: (notice: string | null, error: string | null, problems: { path: string; message: string }[]) => void }) {
  const { t } = useTranslation();
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await must('params:import', { text: await file.text() });
      if (r.errors.length) onDone(null, t('parametres.importRefused', { count: r.errors.length }), r.errors);
      else onDone(t('parametres.imported', { count: r.added, known: r.known }), null, []);
    } catch (e) {
      onDone(null, errorText(e), []);
    }
  };
  return (
    <label className="btn btn-secondary file-button">
      {t('parametres.import')}
      <input
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        onChange={(e) => {
          void importFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </label>
  );
}

function ImportReport({ notice, error, problems }: { notice: string | null; error: string | null; problems: { path: string; message: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      {notice && (
        <Alert kind="success" focus>
          {notice}
        </Alert>
      )}
      {error && (
        <Alert kind="error" focus>
          {error}
          {problems.length > 0 && (
            <ul className="import-problems" aria-label={t('parametres.importProblems')}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.path && <code>{p.path}</code>} {p.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </>
  );
}

function useImport(reload: () => Promise<void>) {
  const [state, setState] = useState<{ notice: string | null; error: string | null; problems: { path: string; message: string }[] }>({ notice: null, error: null, problems: [] });
  const onDone = (notice: string | null, error: string | null, problems: { path: string; message: string }[]) => {
    setState({ notice, error, problems });
    if (notice) void reload();
  };
  return { state, onDone };
}

function StatusBadge({ p }: { p: Param }) {
  const { t } = useTranslation();
  if (p.overdue) return <span className="badge badge-warn">{t('parametres.overdueBadge')}</span>;
  if (p.toRenew) return <span className="badge badge-warn">{t('parametres.dueBadge')}</span>;
  return <span className="badge">{t('parametres.upToDate')}</span>;
}

function ParametersList({ data, error, reload }: { data: Output<'params:list'> | null; error: string | null; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const imp = useImport(reload);
  return (
    <>
      <PageHeader title={t('nav.parametres')}>
        <ImportButton onDone={imp.onDone} />
      </PageHeader>
      <p className="lead">{t('parametres.lead')}</p>
      <ImportReport {...imp.state} />
      {error && <Alert kind="error">{error}</Alert>}
      {data && (
        <table className="table parameters-table">
          <caption className="visually-hidden">{t('parametres.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('parametres.parameter')}</th>
              <th scope="col">{t('parametres.inForce')}</th>
              <th scope="col">{t('parametres.nextRenewal')}</th>
              <th scope="col">{t('parametres.state')}</th>
            </tr>
          </thead>
          <tbody>
            {ordered(data.parameters).map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a href={`${PARAMETERS_ROUTE}/${p.id}`}>{p.label}</a>
                </th>
                <td>
                  {p.current ? (
                    <>
                      <div>
                        {t('parametres.since', { date: isoToFr(p.current.from) })} — {summary(t, p.id, p.current.value)}
                      </div>
                      <div className="muted small parameter-source">{p.current.source}</div>
                    </>
                  ) : (
                    <span className="warning-text">{t('parametres.noValue')}</span>
                  )}
                </td>
                <td>{p.renewal ? isoToFr(p.nextRenewal) : t('parametres.noRenewalShort')}</td>
                <td>
                  <StatusBadge p={p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Those to update first, then those to renew soon, then the others (each group in the registry's order). */
const ordered = (ps: readonly Param[]) => [...ps].sort((a, b) => Number(b.overdue) - Number(a.overdue) || Number(b.toRenew) - Number(a.toRenew));

function ParameterDetail({ id, param, loaded, error, reload }: { id: string; param: Param | null; loaded: boolean; error: string | null; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const imp = useImport(reload);
  const [notice, setNotice] = useState<string | null>(null);
  if (!param) {
    return (
      <>
        <PageHeader title={t('nav.parametres')} />
        {error && <Alert kind="error">{error}</Alert>}
        {loaded && !error && <Alert kind="error">{t('parametres.unknown', { id })}</Alert>}
        <p>
          <a href={PARAMETERS_ROUTE}>{t('parametres.back')}</a>
        </p>
      </>
    );
  }
  const entries = [...param.entries].reverse();
  const latest = param.entries.filter((e) => !e.replaced).at(-1) ?? null;
  return (
    <>
      <p className="breadcrumb">
        <a href={PARAMETERS_ROUTE}>{t('parametres.back')}</a>
      </p>
      <PageHeader title={param.label}>
        <ImportButton onDone={imp.onDone} />
      </PageHeader>
      <ImportReport {...imp.state} />
      {notice && (
        <Alert kind="success" focus>
          {notice}
        </Alert>
      )}
      {param.current?.warning && (
        <p className="parameter-warning">
          <span className="badge badge-warn">{t('parametres.overdueBadge')}</span> {param.current.warning}
        </p>
      )}
      <dl className="parameter-facts">
        <dt>{t('parametres.inForce')}</dt>
        <dd>{param.current ? t('parametres.since', { date: isoToFr(param.current.from) }) : t('parametres.noValue')}</dd>
        <dt>{t('parametres.renewalRule')}</dt>
        <dd>{param.renewal ? t('parametres.renewalEvery', { day: renewalDay(t, param.renewal) }) : t('parametres.noRenewal')}</dd>
        {param.nextRenewal && (
          <>
            <dt>{t('parametres.nextRenewal')}</dt>
            <dd>
              {isoToFr(param.nextRenewal)} <StatusBadge p={param} />
            </dd>
          </>
        )}
      </dl>
      {param.description && (
        <details className="parameter-description">
          <summary>{t('parametres.descriptionSummary')}</summary>
          <p className="muted">{param.description}</p>
        </details>
      )}
      <div className="parameter-layout">
        <EntryForm
          key={`${param.id}-${param.entries.length}`}
          param={param}
          latest={latest}
          onAdded={async (from) => {
            imp.onDone(null, null, []);
            setNotice(t('parametres.added', { date: isoToFr(from), label: param.label }));
            await reload();
          }}
        />
        <section aria-labelledby="entries-title" className="parameter-history">
          <h2 id="entries-title">{t('parametres.entriesTitle', { count: param.entries.length })}</h2>
          {entries.map((e, i) => (
            <EntryView key={`${e.from}-${e.origin}-${i}`} id={param.id} entry={e} />
          ))}
        </section>
      </div>
    </>
  );
}

function EntryView({ id, entry }: { id: string; entry: Entry }) {
  const { t } = useTranslation();
  const headingId = `entry-${entry.from}-${entry.origin}-${entry.addedAt ?? ''}`.replace(/[^A-Za-z0-9-]/g, '');
  return (
    <article className={`panel parameter-entry${entry.replaced ? ' replaced' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('parametres.from', { date: isoToFr(entry.from) })} {entry.inForceToday && <span className="badge">{t('parametres.inForceBadge')}</span>}
        {entry.replaced && <span className="badge">{t('parametres.replacedBadge')}</span>}
      </h3>
      <p className="muted small">
        {entry.origin === 'fichier' ? t('parametres.originFile') : t('parametres.originAdded', { who: entry.addedBy?.displayName ?? '—', at: formatDateTime(entry.addedAt ?? '') })}
      </p>
      <p className="parameter-source">
        <strong>{t('parametres.source')} :</strong> {entry.source}
      </p>
      <ValueView id={id} value={entry.value} caption={t('parametres.from', { date: isoToFr(entry.from) })} />
    </article>
  );
}

function EntryForm({ param, latest, onAdded }: { param: Param; latest: Entry | null; onAdded: (from: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(param.nextRenewal && param.nextRenewal > (latest?.from ?? '') ? isoToFr(param.nextRenewal) : '');
  const [source, setSource] = useState('');
  const [draft, setDraft] = useState<Draft>(() => draftOf(param.id, latest?.value));
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const fieldError = (path: string) => {
    if (!error) return undefined;
    const key = Object.keys(error.fields).find((k) => k === path || k.startsWith(`${path}.`));
    return key ? error.fields[key] : undefined;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const iso = parseFrDate(from) ?? from.trim();
      await must('params:addEntry', { id: param.id, from: iso, value: valueOf(param.id, draft, latest?.value ?? null), source });
      setError(null);
      await onAdded(iso);
    } catch (err) {
      const fields = fieldsOf(err);
      const count = Object.keys(fields).length;
      setError({ message: count > 1 ? t('a11y.errorsSummary', { count }) : errorText(err), fields });
    } finally {
      setBusy(false);
    }
  };
  const amountHelp = t('parametres.eurosHelp');
  // Problems no field of the form shows (the value as a whole, the list of tranches): said in the summary.
  const shownAtField = (k: string) => k === 'from' || k === 'source' || (param.id === 'mentions_recours' ? k.startsWith('value') : k.startsWith('value.') && k !== 'value.tranches');
  const unmatched = error ? Object.entries(error.fields).filter(([k]) => !shownAtField(k)) : [];
  return (
    <section className="panel" aria-labelledby="add-entry-title">
      <h2 id="add-entry-title">{t('parametres.addTitle')}</h2>
      <p className="muted">{t('parametres.addHelp')}</p>
      {error && (
        <Alert kind="error" focus>
          {error.message}
          {unmatched.length > 0 && (
            <ul>
              {unmatched.map(([k, m]) => (
                <li key={k}>{m}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" aria-labelledby="add-entry-title">
        <div className="grid-2">
          <TextInput label={t('parametres.fromField')} name="from" value={from} onChange={setFrom} format="date" isRequired error={fieldError('from')} />
        </div>
        {param.id === 'bareme_saisies' && (
          <fieldset className="parameter-fieldset">
            <legend>{t('parametres.tranchesLegend')}</legend>
            {((latest?.value as Bareme | undefined)?.tranches ?? []).map((_, i, all) => {
              const last = i === all.length - 1;
              return (
                <div key={i} className="tranche-row">
                  {last ? (
                    <p className="tranche-open">{t('parametres.lastTranche', { n: i + 1 })}</p>
                  ) : (
                    <TextInput label={t('parametres.trancheUpTo', { n: i + 1 })} name={`tranche-${i}-upto`} value={draft[`tranches.${i}.upTo_cents`] ?? ''} onChange={set(`tranches.${i}.upTo_cents`)} error={fieldError(`value.tranches.${i}.upTo_cents`)} />
                  )}
                  <TextInput
                    label={t('parametres.trancheFraction', { n: i + 1 })}
                    name={`tranche-${i}-fraction`}
                    value={draft[`tranches.${i}.fraction`] ?? ''}
                    onChange={set(`tranches.${i}.fraction`)}
                    description={i === 0 ? t('parametres.fractionHelp') : undefined}
                    error={fieldError(`value.tranches.${i}.fraction`) ?? (last ? fieldError(`value.tranches.${i}.upTo_cents`) : undefined)}
                  />
                </div>
              );
            })}
            <div className="grid-2">
              <TextInput label={t('parametres.perDependantField')} name="perDependant" value={draft.perDependant_cents ?? ''} onChange={set('perDependant_cents')} description={amountHelp} error={fieldError('value.perDependant_cents')} />
            </div>
          </fieldset>
        )}
        {param.id === 'rsa_forfaitaire' && (
          <fieldset className="parameter-fieldset">
            <legend>{t('parametres.rsaLegend')}</legend>
            {[0, 1, 2].map((i) => (
              <div key={i} className="pair-row">
                {(['alone', 'couple'] as const).map((who) => (
                  <TextInput
                    label={t('parametres.rsaField', { who: t(`parametres.${who}`), children: t('parametres.children', { count: i }) })}
                    key={who}
                    name={`${who}-${i}`}
                    value={draft[`${who}_cents.${i}`] ?? ''}
                    onChange={set(`${who}_cents.${i}`)}
                    error={fieldError(`value.${who}_cents.${i}`) ?? (i === 0 ? fieldError(`value.${who}_cents`) : undefined)}
                  />
                ))}
              </div>
            ))}
            <div className="grid-3">
              <TextInput label={t('parametres.perFurtherChildField')} name="perFurtherChild" value={draft.perFurtherChild_cents ?? ''} onChange={set('perFurtherChild_cents')} description={amountHelp} error={fieldError('value.perFurtherChild_cents')} />
            </div>
          </fieldset>
        )}
        {param.id === 'mentions_recours' && (
          <TextAreaInput label={t('parametres.jsonField')} name="json" value={draft.json ?? ''} onChange={set('json')} rows={12} description={t('parametres.jsonHelp')} error={fieldError('value')} />
        )}
        {!['bareme_saisies', 'rsa_forfaitaire', 'mentions_recours'].includes(param.id) && (
          <div className="grid-2">
            {Object.keys((latest?.value as Record<string, number> | undefined) ?? {}).map((k) => (
              <TextInput key={k} label={fieldLabel(t, k, (latest?.value as Record<string, unknown> | undefined)?.[k])} name={k} value={draft[k] ?? ''} onChange={set(k)} error={fieldError(`value.${k}`)} />
            ))}
          </div>
        )}
        <TextAreaInput label={t('parametres.source')} name="source" value={source} onChange={setSource} rows={2} isRequired description={t('parametres.sourceHelp')} error={fieldError('source')} />
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('parametres.addSubmit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
