/**
 * The household's budget (the shared budget component), its composition and assets, then the
 * capacity to repay with every figure and the sentences that explain it, and the legal
 * parameters' sources. A file without a budget starts from the DSU situation's latest one,
 * whose date is shown (« Budget repris de la situation du 12/10/2026 »).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must, type Input } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, RadioList, SelectField, TextInput } from '../../ui/components';
import { centsToInput, formatCents, isoToFr, parseEuros, parseFrDate, today } from '../../ui/format';
import { BudgetForm, budgetDraftOf, budgetOf, budgetProblem, type BudgetDraft } from '../budget';
import { ASSET_KINDS } from '../../../src-main/modules/surendettement/kinds';
import type { FileOut, TabProps } from './types';

interface AssetDraft {
  kind: string;
  label: string;
  value: string;
}
interface Draft {
  validOn: string;
  takenFrom: string | null;
  adults: '1' | '2';
  dependants: string;
  budget: BudgetDraft;
  assets: AssetDraft[];
}

const draftOf = (b: NonNullable<FileOut['budget']>): Draft => ({
  validOn: isoToFr(b.validOn),
  takenFrom: b.takenFrom,
  adults: b.adults === 2 ? '2' : '1',
  dependants: String(b.dependants),
  budget: budgetDraftOf(b.budget),
  assets: b.assets.map((a) => ({ kind: a.kind, label: a.label, value: centsToInput(a.valueCents) })),
});

export function BudgetTab({ file, onChanged }: TabProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(file.budget ? draftOf(file.budget) : null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // No budget yet: start from the household's situation (its budget and date) and its members.
  useEffect(() => {
    if (draft || !file.canWrite) return;
    let live = true;
    void Promise.all([must('dsu:situation', { dsuId: file.dsu.id }), must('dsu:get', { id: file.dsu.id })]).then(
      ([situation, dsu]) => {
        if (!live) return;
        const v = situation.version;
        const members = dsu.household.members;
        setDraft({
          validOn: isoToFr(today()),
          takenFrom: v ? v.validOn : null,
          adults: members.filter((m) => m.role === 'demandeur' || m.role === 'conjoint').length >= 2 ? '2' : '1',
          dependants: String(members.filter((m) => m.role === 'enfant').length),
          budget: v ? budgetDraftOf(v.content.budget) : { resources: [], charges: [] },
          assets: [],
        });
      },
      () => live && setDraft({ validOn: isoToFr(today()), takenFrom: null, adults: '1', dependants: '0', budget: { resources: [], charges: [] }, assets: [] }),
    );
    return () => {
      live = false;
    };
  }, [draft, file.canWrite, file.dsu.id]);

  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const validOn = parseFrDate(draft.validOn);
    const dependants = Number(draft.dependants);
    if (!validOn) return setError(t('surendettement.dateInvalid'));
    if (!Number.isInteger(dependants) || dependants < 0) return setError(t('surendettement.budget.dependantsInvalid'));
    const problem = budgetProblem(draft.budget);
    if (problem) return setError(t('surendettement.amountInvalid'));
    const assets = draft.assets.map((a) => ({ kind: a.kind as (typeof ASSET_KINDS)[number], label: a.label, valueCents: parseEuros(a.value) }));
    if (assets.some((a) => a.valueCents === null)) return setError(t('surendettement.amountInvalid'));
    setBusy(true);
    try {
      const budget = budgetOf(draft.budget) as Input<'surendettement:saveBudget'>['budget'];
      const out = await must('surendettement:saveBudget', {
        fileId: file.id,
        validOn,
        takenFrom: draft.takenFrom,
        adults: draft.adults === '2' ? 2 : 1,
        dependants,
        budget,
        assets: assets.map((a) => ({ ...a, valueCents: a.valueCents ?? 0 })),
      });
      setError(null);
      setDraft(out.budget ? draftOf(out.budget) : draft);
      onChanged(out.capacity ? t('surendettement.budget.savedWithCapacity', { amount: formatCents(out.capacity.capacityCents) }) : t('surendettement.budget.saved'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sur-budget">
      <section className="panel" aria-labelledby="sur-budget-title">
        <h2 id="sur-budget-title">{t('surendettement.budget.title')}</h2>
        {file.budget && <p className="muted">{t('surendettement.budget.recorded', { date: isoToFr(file.budget.validOn), by: file.budget.recordedBy.displayName })}</p>}
        {draft?.takenFrom && <p data-testid="sur-budget-source">{t('surendettement.budget.takenFrom', { date: isoToFr(draft.takenFrom) })}</p>}
        {!draft && !file.canWrite && <p className="muted">{t('surendettement.budget.none')}</p>}
        {!draft && file.canWrite && <p>{t('common.loading')}</p>}
        {draft && (
          <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
            <div className="form-row">
              <TextInput label={t('surendettement.budget.validOn')} name="validOn" value={draft.validOn} onChange={(v) => set({ validOn: v })} format="date" isRequired isReadOnly={!file.canWrite} />
              <RadioList
                label={t('surendettement.budget.adults')}
                value={draft.adults}
                onChange={(v) => set({ adults: v })}
                options={[
                  { value: '1', label: t('surendettement.budget.alone') },
                  { value: '2', label: t('surendettement.budget.couple') },
                ]}
              />
              <TextInput label={t('surendettement.budget.dependants')} name="dependants" value={draft.dependants} onChange={(v) => set({ dependants: v })} isRequired isReadOnly={!file.canWrite} />
            </div>
            <BudgetForm value={draft.budget} onChange={(b) => set({ budget: b })} readOnly={!file.canWrite} />
            <fieldset className="sur-assets">
              <legend>{t('surendettement.budget.assets')}</legend>
              {draft.assets.length === 0 && <p className="muted">{t('surendettement.budget.noAssets')}</p>}
              {draft.assets.map((a, i) => {
                const patch = (p: Partial<AssetDraft>) => set({ assets: draft.assets.map((x, j) => (j === i ? { ...x, ...p } : x)) });
                const n = i + 1;
                return (
                  <div className="form-row" key={i}>
                    <SelectField label={t('surendettement.budget.assetKind', { n })} value={a.kind} onChange={(v) => patch({ kind: v ?? 'autre' })} options={ASSET_KINDS.map((k) => ({ id: k, label: t(`surendettement.assetKinds.${k}`) }))} />
                    <TextInput label={t('surendettement.budget.assetLabel', { n })} name={`asset-label-${i}`} value={a.label} onChange={(v) => patch({ label: v })} />
                    <TextInput label={t('surendettement.budget.assetValue', { n })} name={`asset-value-${i}`} value={a.value} onChange={(v) => patch({ value: v })} />
                    {file.canWrite && (
                      <Button variant="quiet" onPress={() => set({ assets: draft.assets.filter((_, j) => j !== i) })} aria-label={t('surendettement.budget.removeAsset', { n })}>
                        {t('surendettement.debts.remove')}
                      </Button>
                    )}
                  </div>
                );
              })}
              {file.canWrite && <Button onPress={() => set({ assets: [...draft.assets, { kind: 'epargne', label: '', value: '' }] })}>{t('surendettement.budget.addAsset')}</Button>}
            </fieldset>
            {error && <Alert kind="error">{error}</Alert>}
            {file.canWrite && (
              <div className="actions">
                <Button type="submit" variant="primary" isDisabled={busy}>
                  {t('surendettement.budget.save')}
                </Button>
              </div>
            )}
          </Form>
        )}
      </section>
      <CapacityPanel file={file} />
    </div>
  );
}

/** The capacity to repay: every figure, then the French sentences of the computation and the parameters' sources. */
export function CapacityPanel({ file }: { file: FileOut }) {
  const { t } = useTranslation();
  const c = file.capacity;
  return (
    <section className="panel sur-capacity" aria-labelledby="sur-capacity-title">
      <h2 id="sur-capacity-title">{t('surendettement.capacity.title')}</h2>
      {!c ? (
        <p className="muted">{file.capacityError ?? t('surendettement.capacity.none')}</p>
      ) : (
        <>
          <p className="sur-capacity-figure" data-testid="sur-capacity">
            {t('surendettement.capacity.result', { amount: formatCents(c.capacityCents), date: isoToFr(c.day) })}
          </p>
          <dl className="sur-figures">
            <dt>{t('surendettement.capacity.resources')}</dt>
            <dd>{formatCents(c.resourcesCents)}</dd>
            <dt>{t('surendettement.capacity.quotite')}</dt>
            <dd>{formatCents(c.quotiteMonthlyCents)}</dd>
            <dt>{t('surendettement.capacity.rsa')}</dt>
            <dd>{formatCents(c.rsaCents)}</dd>
            <dt>{t('surendettement.capacity.everyday')}</dt>
            <dd>{formatCents(c.everydayCents)}</dd>
            <dt>{t('surendettement.capacity.remainder')}</dt>
            <dd>{formatCents(c.remainderCents)}</dd>
            <dt>{t('surendettement.capacity.limitedBy')}</dt>
            <dd>{t(`surendettement.capacity.limits.${c.limitedBy === 'quotite' ? 'quotite' : 'resteAVivre'}`)}</dd>
          </dl>
          <h3>{t('surendettement.capacity.explanation')}</h3>
          <ol className="sur-explanation">
            {c.explanation.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
          <h3>{t('surendettement.capacity.sources')}</h3>
          <ul className="plain small">
            {c.parameters.map((p) => (
              <li key={`${p.label}-${p.from}`}>{t('surendettement.capacity.parameter', { label: p.label, from: isoToFr(p.from), source: p.source })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
