/**
 * Creating or changing an action's presentation (DOMAIN §11): title, aim, public, status, the
 * professionals who lead it, its partners (from the directory or named) and the funding sought
 * (funder, amount, requested / granted / refused). Every refusal is shown beside its field.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, CheckboxList, DialogActions, DialogBox, ErrorSummary, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { centsToInput, parseEuros } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { ACTION_STATUSES, FUNDING_STATUSES } from '../../../src-main/modules/collectif/kinds';
import type { ActionOut, Professional } from './types';

type Status = (typeof ACTION_STATUSES)[number];
type FundingStatus = (typeof FUNDING_STATUSES)[number];
interface PartnerRow {
  key: number;
  partnerId: string | null;
  name: string;
  role: string;
}
interface FundingRow {
  key: number;
  funder: string;
  amount: string;
  fundingStatus: FundingStatus;
}
/** The directory's choice « typed name ». */
const TYPED = 'nom';
let rowKey = 0;

export function ActionDialog({ action, professionals, onClose, onSaved }: { action: ActionOut | null; professionals?: readonly Professional[]; onClose: () => void; onSaved: (a: ActionOut) => void }) {
  const { t } = useTranslation();
  const directory = useResource(() => must('partners:list', {}));
  const pros = useResource(async () => professionals ?? (await must('collectif:list', {})).professionals);
  const [title, setTitle] = useState(action?.title ?? '');
  const [aim, setAim] = useState(action?.aim ?? '');
  const [audience, setAudience] = useState(action?.audience ?? '');
  const [status, setStatus] = useState<Status>(action?.actionStatus ?? 'prevue');
  const [leads, setLeads] = useState<string[]>(action?.leads.map((l) => String(l.id)) ?? []);
  const [partners, setPartners] = useState<PartnerRow[]>(() => (action?.partners ?? []).map((p) => ({ key: ++rowKey, partnerId: p.partnerId === null ? TYPED : String(p.partnerId), name: p.partnerId === null ? p.name : '', role: p.role })));
  const [fundings, setFundings] = useState<FundingRow[]>(() => (action?.fundings ?? []).map((f) => ({ key: ++rowKey, funder: f.funder, amount: centsToInput(f.amountCents), fundingStatus: f.fundingStatus })));
  const [busy, setBusy] = useState(false);
  const names: Record<string, string[]> = { title: ['title'], aim: ['aim'], audience: ['audience'], actionStatus: ['actionStatus'], leadIds: ['leadIds'] };
  partners.forEach((_, i) => Object.assign(names, { [`partner-${i}`]: [`partners.${i}.partnerId`], [`partnerName-${i}`]: [`partners.${i}.name`], [`partnerRole-${i}`]: [`partners.${i}.role`] }));
  fundings.forEach((_, i) => Object.assign(names, { [`funder-${i}`]: [`fundings.${i}.funder`], [`amount-${i}`]: [`fundings.${i}.amountCents`], [`fundingStatus-${i}`]: [`fundings.${i}.fundingStatus`] }));
  const form = useFormErrors(names);

  const setPartner = (i: number, p: Partial<PartnerRow>) => setPartners((rows) => rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const setFunding = (i: number, f: Partial<FundingRow>) => setFundings((rows) => rows.map((r, j) => (j === i ? { ...r, ...f } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    const amounts = fundings.map((f, i) => {
      const c = parseEuros(f.amount);
      if (c === null) local[`fundings.${i}.amountCents`] = t('collectif.form.amountInvalid');
      return c ?? 0;
    });
    if (!form.check(local)) return;
    setBusy(true);
    form.clear();
    try {
      const saved = await must('collectif:save', {
        id: action?.id ?? null,
        title,
        aim,
        audience,
        actionStatus: status,
        leadIds: leads.map(Number),
        partners: partners.map((p) => ({ partnerId: p.partnerId && p.partnerId !== TYPED ? Number(p.partnerId) : null, name: p.partnerId === TYPED || !p.partnerId ? p.name : '', role: p.role })),
        fundings: fundings.map((f, i) => ({ funder: f.funder, amountCents: amounts[i]!, fundingStatus: f.fundingStatus })),
      });
      onSaved(saved);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogBox title={action ? t('collectif.form.editTitle') : t('collectif.form.createTitle')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="col-form">
        <TextInput label={t('collectif.form.title')} name="title" value={title} onChange={setTitle} isRequired error={form.of('title')} />
        <TextAreaInput label={t('collectif.form.aim')} name="aim" value={aim} onChange={setAim} rows={2} error={form.of('aim')} />
        <div className="grid-2">
          <TextInput label={t('collectif.form.audience')} name="audience" value={audience} onChange={setAudience} error={form.of('audience')} />
          <SelectField label={t('collectif.status')} value={status} onChange={(v) => setStatus((v ?? 'prevue') as Status)} error={form.of('actionStatus')} options={ACTION_STATUSES.map((s) => ({ id: s, label: t(`collectif.statuses.${s}`) }))} />
        </div>
        {pros.data && (
          <CheckboxList
            label={t('collectif.form.leads')}
            value={leads}
            onChange={setLeads}
            error={form.of('leadIds')}
            options={pros.data.map((p) => ({ value: String(p.id), label: p.displayName }))}
          />
        )}
        <p className="field-hint">{t('collectif.form.leadsHint')}</p>
        <fieldset className="col-rows">
          <legend>{t('collectif.partners')}</legend>
          {partners.map((p, i) => (
            <div className="col-row" key={p.key}>
              <SelectField
                label={t('collectif.form.partner', { n: i + 1 })}
                value={p.partnerId}
                onChange={(v) => setPartner(i, { partnerId: v })}
                error={form.of(`partner-${i}`)}
                options={[{ id: TYPED, label: t('collectif.form.typedPartner') }, ...(directory.data ?? []).map((d) => ({ id: String(d.id), label: d.service ? `${d.organisation} — ${d.service}` : d.organisation }))]}
              />
              {(p.partnerId === TYPED || p.partnerId === null) && (
                <TextInput label={t('collectif.form.partnerName', { n: i + 1 })} name={`partnerName-${i}`} value={p.name} onChange={(v) => setPartner(i, { name: v })} error={form.of(`partnerName-${i}`)} />
              )}
              <TextInput label={t('collectif.form.partnerRole', { n: i + 1 })} name={`partnerRole-${i}`} value={p.role} onChange={(v) => setPartner(i, { role: v })} error={form.of(`partnerRole-${i}`)} />
              <Button variant="quiet" onPress={() => setPartners((rows) => rows.filter((_, j) => j !== i))}>
                {t('collectif.form.removePartner', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <Button onPress={() => setPartners((rows) => [...rows, { key: ++rowKey, partnerId: null, name: '', role: '' }])}>{t('collectif.form.addPartner')}</Button>
        </fieldset>
        <fieldset className="col-rows">
          <legend>{t('collectif.fundings')}</legend>
          {fundings.map((f, i) => (
            <div className="col-row" key={f.key}>
              <TextInput label={t('collectif.form.funder', { n: i + 1 })} name={`funder-${i}`} value={f.funder} onChange={(v) => setFunding(i, { funder: v })} isRequired error={form.of(`funder-${i}`)} />
              <TextInput label={t('collectif.form.amount', { n: i + 1 })} name={`amount-${i}`} value={f.amount} onChange={(v) => setFunding(i, { amount: v })} isRequired error={form.of(`amount-${i}`)} />
              <SelectField
                label={t('collectif.form.fundingStatus', { n: i + 1 })}
                value={f.fundingStatus}
                onChange={(v) => setFunding(i, { fundingStatus: (v ?? 'demande') as FundingStatus })}
                error={form.of(`fundingStatus-${i}`)}
                options={FUNDING_STATUSES.map((s) => ({ id: s, label: t(`collectif.fundingStatuses.${s}`) }))}
              />
              <Button variant="quiet" onPress={() => setFundings((rows) => rows.filter((_, j) => j !== i))}>
                {t('collectif.form.removeFunding', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <Button onPress={() => setFundings((rows) => [...rows, { key: ++rowKey, funder: '', amount: '', fundingStatus: 'demande' }])}>{t('collectif.form.addFunding')}</Button>
        </fieldset>
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={t('common.save')} busy={busy} />
      </Form>
    </DialogBox>
  );
}
