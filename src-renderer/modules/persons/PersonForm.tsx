/**
 * Registering (or correcting) a person and their household. Likely duplicates are looked
 * up as the form is filled and shown beside it (DOMAIN §2), before anything is created.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IntakeOptions, Output, PersonCard } from '../../../src-main/modules';
import { ApiError, call, must } from '../../api';
import { errorText, fieldOf, fieldsOf } from '../../app/errors';
import { Alert, Button, CheckboxField, RadioList, SelectField, TextInput } from '../../ui/components';
import { formatPhone, isoToFr, parseFrDate, personName } from '../../ui/format';
import { HOUSEHOLD_ROLES } from '../../../src-main/modules/intake/kinds';

type Duplicate = Output<'persons:duplicates'>[number];
type Role = (typeof HOUSEHOLD_ROLES)[number];
/** Joining a household that has its demandeur: any role but that one. */
const MEMBER_ROLES = HOUSEHOLD_ROLES.filter((r) => r !== 'demandeur');

/** What was typed in the search box, as a head start: words → names, a date → birth date, else digits → phone. */
function fromQuery(q: string) {
  const words = q.trim().split(/\s+/).filter(Boolean);
  const date = words.find((w) => parseFrDate(w));
  const phone = words.find((w) => /^[\d.+]{6,}$/.test(w) && !parseFrDate(w));
  const names = words.filter((w) => w !== date && w !== phone && /\p{L}/u.test(w));
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return { birthName: cap(names[0] ?? ''), firstNames: names.slice(1).map(cap).join(' '), birthDate: date ? isoToFr(parseFrDate(date)) : '', phone: phone ?? '' };
}

export function PersonForm({
  options,
  initialQuery,
  householdId,
  editing,
  onSaved,
  onPick,
  onCancel,
}: {
  options: IntakeOptions;
  initialQuery: string;
  householdId: number | null;
  editing: PersonCard | null;
  onSaved: (c: PersonCard) => void;
  onPick: (id: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const seed = editing
    ? { birthName: editing.person.birthName, firstNames: editing.person.firstNames, birthDate: isoToFr(editing.person.birthDate), phone: formatPhone(editing.person.phone) }
    : fromQuery(initialQuery);
  const [birthName, setBirthName] = useState(seed.birthName);
  const [usageName, setUsageName] = useState(editing?.person.usageName ?? '');
  const [firstNames, setFirstNames] = useState(seed.firstNames);
  const [sex, setSex] = useState<'' | 'F' | 'M'>((editing?.person.sex as '' | 'F' | 'M') ?? '');
  const [birthDate, setBirthDate] = useState(seed.birthDate);
  const [phone, setPhone] = useState(seed.phone);
  const [email, setEmail] = useState(editing?.person.email ?? '');
  const [address, setAddress] = useState(editing?.household?.address ?? '');
  const [complement, setComplement] = useState(editing?.household?.addressComplement ?? '');
  const [postcode, setPostcode] = useState(editing?.household?.postcode ?? '');
  const [commune, setCommune] = useState<string | null>(editing?.household?.communeInsee ?? null);
  const [role, setRole] = useState<Role>(householdId !== null ? 'enfant' : ((editing?.person.role as Role | null) ?? 'demandeur'));
  const [found, setDuplicates] = useState<Duplicate[]>([]);
  const duplicates = !birthName.trim() && !phone.trim() ? [] : found;
  const [confirmOther, setConfirmOther] = useState(false);
  /** `fields`: every faulty field at once (RGAA 11.10), beside its field; `message`: what the alert says. */
  const [error, setError] = useState<{ message: string; field?: string | undefined; fields?: Record<string, string>; duplicate?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const isoBirth = birthDate.trim() ? parseFrDate(birthDate) : null;
  const birthInvalid = birthDate.trim() !== '' && isoBirth === null;
  const postcodeInvalid = !/^(\d{5})?$/.test(postcode.trim());

  useEffect(() => {
    if (!birthName.trim() && !phone.trim()) return;
    let current = true;
    const handle = setTimeout(() => {
      void call('persons:duplicates', {
        birthName,
        usageName,
        firstNames,
        birthDate: isoBirth,
        phone,
        ...(editing ? { excludeId: editing.person.id } : {}),
      }).then((r) => current && r.ok && setDuplicates(r.value));
    }, 150);
    return () => {
      current = false;
      clearTimeout(handle);
    };
  }, [birthName, usageName, firstNames, isoBirth, phone, editing]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Every problem found here is shown at once, each beside its field.
    const local: Record<string, string> = {};
    if (!birthName.trim()) local.birthName = t('a11y.requiredField', { label: t('person.birthName') });
    if (!firstNames.trim()) local.firstNames = t('a11y.requiredField', { label: t('person.firstNames') });
    if (birthInvalid) local.birthDate = t('person.birthDateInvalid');
    if (postcodeInvalid) local['household.postcode'] = t('person.postcodeInvalid');
    const problems = Object.keys(local).length;
    if (problems > 0) {
      setError({ message: t('a11y.errorsSummary', { count: problems }), fields: local });
      return;
    }
    setBusy(true);
    setError(null);
    const person = { birthName, usageName, firstNames, sex, birthDate: isoBirth, phone, email };
    try {
      if (editing) {
        const saved = await must('persons:update', { id: editing.person.id, ...person });
        if (saved.household && (address !== saved.household.address || complement !== saved.household.addressComplement || postcode.trim() !== saved.household.postcode || commune !== saved.household.communeInsee)) {
          await must('households:update', { id: saved.household.id, address, addressComplement: complement, postcode: postcode.trim(), communeInsee: commune });
          onSaved(await must('persons:get', { id: saved.person.id }));
        } else onSaved(saved);
        return;
      }
      const household = householdId !== null ? { existingId: householdId, role } : { address, addressComplement: complement, postcode: postcode.trim(), communeInsee: commune, role: 'demandeur' as const };
      onSaved(await must('persons:create', { ...person, household, confirmNotDuplicate: confirmOther }));
    } catch (err) {
      const fields = fieldsOf(err);
      const count = Object.keys(fields).length;
      setError({ message: count > 1 ? t('a11y.errorsSummary', { count }) : errorText(err), field: fieldOf(err), fields, duplicate: err instanceof ApiError && err.code === 'duplicate_suspected' });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) => error?.fields?.[name] ?? (error?.field === name ? error.message : undefined);

  return (
    <div className="person-form-layout">
      <Form className="panel person-form" onSubmit={(e) => void submit(e)} validationBehavior="aria" aria-labelledby="person-form-title">
        <h2 id="person-form-title">{editing ? t('person.editTitle') : householdId !== null ? t('person.memberTitle') : t('person.newTitle')}</h2>
        <div className="grid-2">
          <TextInput label={t('person.birthName')} name="birthName" value={birthName} onChange={setBirthName} isRequired error={fieldError('birthName')} autoFocus />
          <TextInput label={t('person.firstNames')} name="firstNames" value={firstNames} onChange={setFirstNames} isRequired error={fieldError('firstNames')} />
          <TextInput label={t('person.usageName')} name="usageName" value={usageName} onChange={setUsageName} />
          <TextInput
            label={t('person.birthDate')}
            name="birthDate"
            value={birthDate}
            onChange={setBirthDate}
            format="date"
            error={birthInvalid ? t('person.birthDateInvalid') : fieldError('birthDate')}
          />
          <TextInput label={t('person.phone')} name="phone" type="tel" value={phone} onChange={setPhone} error={fieldError('phone')} />
          <TextInput label={t('person.email')} name="email" type="email" value={email} onChange={setEmail} error={fieldError('email')} />
        </div>
        <RadioList
          label={t('person.sex')}
          value={sex === '' ? 'none' : sex}
          onChange={(v) => setSex(v === 'none' ? '' : v)}
          options={[
            { value: 'F', label: t('person.sexF') },
            { value: 'M', label: t('person.sexM') },
            { value: 'none', label: t('person.sexNone') },
          ]}
        />
        {householdId !== null ? (
          <RadioList
            label={t('person.role')}
            value={role}
            onChange={setRole}
            options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`labels.${r}`) }))}
          />
        ) : (
          (!editing || editing.household) && (
            <div className="grid-2">
              <TextInput label={t('person.street')} name="address" value={address} onChange={setAddress} error={fieldError('household.address') ?? fieldError('address')} />
              <TextInput
                label={t('person.addressComplement')}
                name="addressComplement"
                value={complement}
                onChange={setComplement}
                description={t('person.addressComplementHelp')}
                error={fieldError('household.addressComplement') ?? fieldError('addressComplement')}
              />
              <TextInput
                label={t('person.postcode')}
                name="postcode"
                value={postcode}
                onChange={setPostcode}
                error={(postcodeInvalid && (postcode.trim().length >= 5 || /\D/.test(postcode.trim())) ? t('person.postcodeInvalid') : undefined) ?? fieldError('household.postcode') ?? fieldError('postcode')}
              />
              <SelectField
                label={t('person.commune')}
                value={commune}
                onChange={setCommune}
                error={fieldError('household.communeInsee')}
                options={options.communes.map((c) => ({ id: c.insee, label: `${c.name} (${c.insee})` }))}
              />
            </div>
          )
        )}
        {error && (
          <Alert kind="error" focus>
            {error.message}
          </Alert>
        )}
        {error?.duplicate && <CheckboxField label={t('person.confirmOther')} value={confirmOther} onChange={setConfirmOther} />}
        <div className="actions">
          <Button variant="secondary" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" isDisabled={busy}>
            {editing ? t('common.save') : t('person.create')}
          </Button>
        </div>
      </Form>
      <aside className="duplicates" aria-live="polite" aria-label={t('person.duplicatesLabel')}>
        {duplicates.length > 0 && (
          <div className="alert alert-info">
            <h3>{t('person.duplicatesTitle', { count: duplicates.length })}</h3>
            <ul>
              {duplicates.map((d) => (
                <li key={d.id}>
                  <strong>{personName(d)}</strong>
                  {d.birthDate && ` — ${t('intake.bornOn', { date: isoToFr(d.birthDate) })}`}
                  {d.phone && ` — ${formatPhone(d.phone)}`}
                  <br />
                  <span className="muted">{d.reasons.map((r) => t(`person.reason.${r}`)).join(', ')}</span>{' '}
                  <Button variant="quiet" onPress={() => onPick(d.id)}>
                    {t('person.useThis')}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </aside>
    </div>
  );
}
