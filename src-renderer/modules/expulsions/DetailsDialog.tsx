/**
 * The case's details — dwelling, landlord (from the partner directory or typed), its kind, the
 * lease's signing day, rent and charges — to open a case from the DSU or to correct them.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { CheckboxField, DialogActions, DialogBox, ErrorSummary, SelectField, TextInput } from '../../ui/components';
import { centsToInput, isoToFr, parseEuros, parseFrDate } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { LANDLORD_KINDS, type LandlordKind } from '../../../src-main/modules/expulsions/kinds';
import type { CaseOut } from './types';

const FIELDS = ['dwelling', 'landlordKind', 'landlordPartnerId', 'landlordName', 'leaseSigned', 'rentCents', 'chargesCents'];
const TYPED = 'typed';

export function DetailsDialog({ dsuId, current, onClose, onSaved }: { dsuId: number; current: CaseOut | null; onClose: () => void; onSaved: (c: CaseOut) => void }) {
  const { t } = useTranslation();
  const partners = useResource(() => must('partners:list', {}));
  const [dwelling, setDwelling] = useState(current?.dwelling ?? '');
  const [kind, setKind] = useState<LandlordKind | null>(current?.landlordKind ?? null);
  const [partner, setPartner] = useState<string>(current?.landlordPartnerId ? String(current.landlordPartnerId) : TYPED);
  const [name, setName] = useState(current && !current.landlordPartnerId ? current.landlordName : '');
  const [lease, setLease] = useState(current?.leaseSigned ? isoToFr(current.leaseSigned) : '');
  const [rent, setRent] = useState(current ? centsToInput(current.rentCents) : '');
  const [charges, setCharges] = useState(current ? centsToInput(current.chargesCents) : '');
  const [rehousing, setRehousing] = useState(current?.rehousingAssured ?? false);
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors(FIELDS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    const leaseSigned = lease.trim() ? parseFrDate(lease) : null;
    if (lease.trim() && !leaseSigned) local.leaseSigned = t('expulsions.dateInvalid');
    if (!kind) local.landlordKind = t('expulsions.details.chooseKind');
    const rentCents = parseEuros(rent);
    if (rentCents === null) local.rentCents = t('expulsions.amountInvalid');
    const chargesCents = charges.trim() ? parseEuros(charges) : 0;
    if (chargesCents === null) local.chargesCents = t('expulsions.amountInvalid');
    if (partner === TYPED && !name.trim()) local.landlordName = t('expulsions.details.nameMissing');
    if (!errs.check(local) || !kind || rentCents === null || chargesCents === null) return;
    const details = {
      dwelling,
      landlordKind: kind,
      landlordPartnerId: partner === TYPED ? null : Number(partner),
      landlordName: partner === TYPED ? name : '',
      leaseSigned,
      rentCents,
      chargesCents,
      rehousingAssured: rehousing,
    };
    setBusy(true);
    try {
      onSaved(current ? await must('expulsions:saveCase', { caseId: current.id, ...details }) : await must('expulsions:open', { dsuId, ...details }));
    } catch (err) {
      errs.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogBox title={t(current ? 'expulsions.details.editTitle' : 'expulsions.details.openTitle')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="exp-details-form">
        <ErrorSummary errors={errs.errors} />
        <TextInput label={t('expulsions.details.dwelling')} name="dwelling" value={dwelling} onChange={setDwelling} error={errs.of('dwelling')} />
        <SelectField
          label={t('expulsions.details.landlordKind')}
          value={kind}
          onChange={(v) => setKind(v as LandlordKind | null)}
          isRequired
          error={errs.of('landlordKind')}
          options={LANDLORD_KINDS.map((k) => ({ id: k, label: t(`expulsions.landlordKinds.${k}`) }))}
        />
        <div className="form-row">
          <SelectField
            label={t('expulsions.details.landlord')}
            value={partner}
            onChange={(v) => setPartner(v ?? TYPED)}
            error={errs.of('landlordPartnerId')}
            options={[{ id: TYPED, label: t('expulsions.details.typed') }, ...(partners.data ?? []).map((p) => ({ id: String(p.id), label: p.service ? `${p.organisation} — ${p.service}` : p.organisation }))]}
          />
          {partner === TYPED && <TextInput label={t('expulsions.details.landlordName')} name="landlordName" value={name} onChange={setName} isRequired error={errs.of('landlordName')} />}
        </div>
        <div className="form-row">
          <TextInput label={t('expulsions.details.leaseSigned')} name="leaseSigned" value={lease} onChange={setLease} format="date" error={errs.of('leaseSigned')} description={t('expulsions.details.leaseHint')} />
          <TextInput label={t('expulsions.details.rent')} name="rent" value={rent} onChange={setRent} isRequired error={errs.of('rentCents')} />
          <TextInput label={t('expulsions.details.charges')} name="charges" value={charges} onChange={setCharges} error={errs.of('chargesCents')} />
        </div>
        <CheckboxField label={t('expulsions.details.rehousing')} value={rehousing} onChange={setRehousing} />
        <DialogActions submitLabel={t(current ? 'common.save' : 'expulsions.dsu.open')} busy={busy} />
      </Form>
    </DialogBox>
  );
}
