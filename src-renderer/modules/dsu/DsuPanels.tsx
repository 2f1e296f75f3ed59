/** Parts of the DSU page: the household and the team in its header, the Documents and Consentements tabs. */
import { useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { DsuOut, IntakeOptions, PartnerOut } from '../../../src-main/modules';
import { ApiError, must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Button, DialogActions, ConfirmDialog, DialogBox, ErrorSummary, RadioList, SelectField, TextInput } from '../../ui/components';
import { fileToBase64, formatPhone, isoToFr, parseFrDate, personName, postalLine, saveFile, today } from '../../ui/format';
import { CONSENT_FORMS as FORMS, DOCUMENT_KINDS as DOC_KINDS } from '../../../src-main/modules/dsu/kinds';
import { AccessExportButton } from '../persons';

interface Props {
  dsu: DsuOut;
  options: IntakeOptions | null;
  partners: PartnerOut[];
  /** A responsable assigns the référent (DOMAIN §1). */
  canAssign: boolean;
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}

/** The household in the DSU's header: address, members with their role, and each one's right-of-access copy. */
export function HouseholdSummary({ dsu }: { dsu: DsuOut }) {
  const { t } = useTranslation();
  const address = postalLine(dsu.household);
  return (
    <section className="dsu-header-part" aria-labelledby="household-title">
      <h2 id="household-title" className="inline-heading">{t('dsu.household')}</h2>
      {address && <span className="dsu-address"> — {address}</span>}
      <ul className="members">
        {dsu.household.members.map((m) => (
          <li key={m.id}>
            <strong>{personName(m)}</strong>
            <span className="muted">
              {' '}
              ({[m.role ? t(`labels.${m.role}`, { context: m.sex }) : '', m.birthDate ? isoToFr(m.birthDate) : '', m.phone ? formatPhone(m.phone) : ''].filter(Boolean).join(', ')})
            </span>{' '}
            <AccessExportButton personId={m.id} name={personName(m)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Team({ dsu, options, canAssign, onChanged, onError }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [referent, setReferent] = useState<string | null>(String(dsu.referent.id));
  const [who, setWho] = useState<'user' | 'external'>('user');
  const [userId, setUserId] = useState<string | null>(null);
  const [external, setExternal] = useState('');
  const [mission, setMission] = useState('');
  const team = useFormErrors(['userId', 'externalName', 'mission']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (who === 'user' && !userId) problems.userId = t('a11y.requiredField', { label: t('dsu.professional') });
    if (who === 'external' && !external.trim()) problems.externalName = t('a11y.requiredField', { label: t('dsu.externalName') });
    if (!mission.trim()) problems.mission = t('a11y.requiredField', { label: t('dsu.mission') });
    if (!team.check(problems)) return;
    try {
      await must('dsu:addIntervenant', { dsuId: dsu.id, userId: who === 'user' && userId ? Number(userId) : null, externalName: who === 'external' ? external : '', mission });
      setAdding(false);
      onChanged(t('dsu.intervenantAdded'));
    } catch (err) {
      team.fail(err);
    }
  };
  return (
    <section className="dsu-header-part" aria-labelledby="team-title">
      <h2 id="team-title" className="visually-hidden">
        {t('dsu.team')}
      </h2>
      <p className="dsu-referent">
        <strong>{t('dsu.referent')}</strong> : {dsu.referent.displayName}{' '}
        {canAssign && dsu.canWrite && (
          <Button variant="quiet" onPress={() => setAssigning(true)}>
            {t('dsu.changeReferent')}
          </Button>
        )}
      </p>
      {assigning && (
        <ConfirmDialog
          title={t('dsu.changeReferent')}
          confirmLabel={t('common.save')}
          onClose={() => setAssigning(false)}
          onConfirm={async () => {
            await must('dsu:setReferent', { dsuId: dsu.id, referentId: Number(referent) });
            setAssigning(false);
            onChanged(t('dsu.referentChanged'));
          }}
        >
          <SelectField label={t('dsu.referent')} value={referent} onChange={setReferent} options={(options?.professionals ?? []).map((u) => ({ id: String(u.id), label: u.displayName }))} />
        </ConfirmDialog>
      )}
      <ul className="plain intervenants">
        {dsu.intervenants.map((i) => (
          <li key={i.id} className={i.endedOn ? 'muted' : undefined}>
            {i.user?.displayName ?? i.externalName} — {i.mission}
            {i.endedOn ? ` (${t('dsu.until', { date: isoToFr(i.endedOn) })})` : ''}
            {!i.endedOn && dsu.canWrite && (
              <Button variant="quiet" onPress={() => void must('dsu:endIntervenant', { id: i.id }).then(() => onChanged(t('dsu.intervenantEnded')), (e: unknown) => onError(errorText(e)))}>
                {t('dsu.endIntervenant')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {dsu.canWrite && (
        <Button variant="quiet" onPress={() => (team.clear(), setAdding(true))}>
          {t('dsu.addIntervenant')}
        </Button>
      )}
      {adding && (
        <DialogBox title={t('dsu.addIntervenant')} isOpen onClose={() => setAdding(false)}>
          <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
            <RadioList label={t('dsu.intervenantKind')} value={who} onChange={setWho} options={[{ value: 'user', label: t('dsu.internal') }, { value: 'external', label: t('dsu.external') }]} />
            {who === 'user' ? (
              <SelectField label={t('dsu.professional')} value={userId} onChange={setUserId} isRequired error={team.of('userId')} options={(options?.professionals ?? []).filter((u) => u.id !== dsu.referent.id).map((u) => ({ id: String(u.id), label: u.displayName }))} />
            ) : (
              <TextInput label={t('dsu.externalName')} name="externalName" value={external} onChange={setExternal} isRequired error={team.of('externalName')} />
            )}
            <TextInput label={t('dsu.mission')} name="mission" value={mission} onChange={setMission} isRequired description={t('dsu.missionHint')} error={team.of('mission')} />
            <ErrorSummary errors={team.errors} />
            <DialogActions submitLabel={t('common.add')} />
          </Form>
        </DialogBox>
      )}
    </section>
  );
}

export function DsuDocuments({ dsu, onChanged, onError }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string | null>('justificatif');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(isoToFr(today()));
  const form = useFormErrors({ file: ['contentBase64'], title: ['title'], docDate: ['docDate'], kind: ['kind'] });
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    const day = parseFrDate(date);
    const problems: Record<string, string> = {};
    if (!file) problems.file = t('documents.chooseFile');
    if (!day) problems.docDate = t('documents.dateInvalid');
    if (!form.check(problems) || !file || !day) return;
    setBusy(true);
    try {
      await must('dsu:addDocument', { dsuId: dsu.id, kind: (kind ?? 'autre') as (typeof DOC_KINDS)[number], title: title || file.name, docDate: day, contentBase64: await fileToBase64(file) });
      setTitle('');
      if (fileRef.current) fileRef.current.value = '';
      form.clear();
      onChanged(t('documents.added'));
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel tab-columns" aria-labelledby="docs-title">
      <div>
      <h2 id="docs-title">{t('documents.title')}</h2>
      {dsu.documents.length === 0 && <p className="muted">{t('documents.empty')}</p>}
      <ul className="plain tab-scroll" aria-labelledby="docs-title" tabIndex={0}>
        {dsu.documents.map((d) => (
          <li key={d.id}>
            <Button variant="quiet" onPress={() => void must('dsu:getDocument', { id: d.id }).then(saveFile, (e: unknown) => onError(errorText(e)))}>
              {d.title}
            </Button>{' '}
            <span className="muted">{t('documents.meta', { kind: t(`documents.kinds.${d.kind}`), date: isoToFr(d.docDate), size: Math.max(1, Math.round(d.size / 1024)) })}</span>
          </li>
        ))}
      </ul>
      </div>
      {dsu.canWrite && (
        <Form className="tab-side-form" onSubmit={(e) => void submit(e)} validationBehavior="aria" aria-label={t('documents.add')}>
          <div className="field">
            <label htmlFor="doc-file">{t('documents.file')}</label>
            <span id="doc-file-hint" className="field-hint">
              {t('documents.fileRequired')} {t('documents.fileHint')}
            </span>
            <input
              id="doc-file"
              ref={fileRef}
              type="file"
              accept="application/pdf,image/png,image/jpeg"
              aria-required="true"
              aria-invalid={form.of('file') ? true : undefined}
              aria-describedby={form.of('file') ? 'doc-file-hint doc-file-error' : 'doc-file-hint'}
            />
            {form.of('file') && (
              <span id="doc-file-error" className="field-error">
                {form.of('file')}
              </span>
            )}
          </div>
          <div className="grid-2">
            <TextInput label={t('documents.docTitle')} name="title" value={title} onChange={setTitle} error={form.of('title')} />
            <TextInput label={t('documents.date')} name="docDate" value={date} onChange={setDate} format="date" isRequired error={form.of('docDate')} />
          </div>
          <SelectField label={t('documents.kind')} value={kind} onChange={setKind} isRequired error={form.of('kind')} options={DOC_KINDS.map((k) => ({ id: k, label: t(`documents.kinds.${k}`) }))} />
          <ErrorSummary errors={form.errors} />
          <div className="actions">
            <Button variant="secondary" type="submit" isDisabled={busy}>
              {t('documents.add')}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}

export function DsuConsents({ dsu, partners, onChanged }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<DsuOut['consents'][number] | null>(null);
  const [person, setPerson] = useState<string | null>(dsu.household.members[0] ? String(dsu.household.members[0].id) : null);
  const [partner, setPartner] = useState<string | null>('none');
  const [label, setLabel] = useState('');
  const [scope, setScope] = useState('');
  const [form, setForm] = useState<(typeof FORMS)[number]>('ecrit');
  const [date, setDate] = useState(isoToFr(today()));
  const [withdrawDate, setWithdrawDate] = useState(isoToFr(today()));
  const errors = useFormErrors({ personId: ['personId'], partnerId: ['partnerId'], recipientLabel: ['recipientLabel'], scope: ['scope'], form: ['form'], givenOn: ['givenOn'] });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const day = parseFrDate(date);
    const problems: Record<string, string> = {};
    if (!person) problems.personId = t('a11y.requiredField', { label: t('consents.person') });
    if (partner === 'none' && !label.trim()) problems.recipientLabel = t('consents.recipientMissing');
    if (!scope.trim()) problems.scope = t('a11y.requiredField', { label: t('consents.scope') });
    if (!day) problems.givenOn = t('consents.dateInvalid');
    if (!errors.check(problems) || !day || !person) return;
    try {
      await must('dsu:addConsent', { dsuId: dsu.id, personId: Number(person), partnerId: partner && partner !== 'none' ? Number(partner) : null, recipientLabel: label, scope, form, givenOn: day });
      setAdding(false);
      setScope('');
      setLabel('');
      onChanged(t('consents.added'));
    } catch (err) {
      errors.fail(err);
    }
  };

  return (
    <section className="panel" aria-labelledby="consents-title">
      <h2 id="consents-title">{t('consents.title')}</h2>
      {dsu.consents.length === 0 && <p className="muted">{t('consents.empty')}</p>}
      <ul className="plain tab-scroll" aria-labelledby="consents-title" tabIndex={0}>
        {dsu.consents.map((c) => (
          <li key={c.id} className={c.withdrawnOn ? 'consent-withdrawn' : undefined}>
            <strong>{c.person.name}</strong> → {c.recipient} : {c.scope} ({t(`labels.${c.form}`)}, {isoToFr(c.givenOn)})
            {c.withdrawnOn ? (
              <strong className="warning-text"> — {t('consents.withdrawnOn', { date: isoToFr(c.withdrawnOn) })}</strong>
            ) : (
              dsu.canWrite && (
                <Button variant="quiet" onPress={() => setWithdrawing(c)}>
                  {t('consents.withdraw')}
                </Button>
              )
            )}
          </li>
        ))}
      </ul>
      {dsu.canWrite && (
        <Button variant="secondary" onPress={() => (errors.clear(), setAdding(true))}>
          {t('consents.add')}
        </Button>
      )}
      {adding && (
        <DialogBox title={t('consents.add')} isOpen onClose={() => setAdding(false)}>
          <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
            <SelectField label={t('consents.person')} value={person} onChange={setPerson} isRequired error={errors.of('personId')} options={dsu.household.members.map((m) => ({ id: String(m.id), label: personName(m) }))} />
            <SelectField
              label={t('consents.partner')}
              value={partner}
              onChange={setPartner}
              error={errors.of('partnerId')}
              options={[{ id: 'none', label: t('consents.otherRecipient') }, ...partners.map((x) => ({ id: String(x.id), label: x.service ? `${x.organisation} — ${x.service}` : x.organisation }))]}
            />
            {partner === 'none' && <TextInput label={t('consents.recipient')} name="recipientLabel" value={label} onChange={setLabel} isRequired error={errors.of('recipientLabel')} />}
            <TextInput label={t('consents.scope')} name="scope" value={scope} onChange={setScope} isRequired description={t('consents.scopeHint')} error={errors.of('scope')} />
            <RadioList label={t('consents.form')} value={form} onChange={setForm} isRequired error={errors.of('form')} options={FORMS.map((f) => ({ value: f, label: t(`labels.${f}`) }))} />
            <TextInput label={t('consents.date')} name="givenOn" value={date} onChange={setDate} format="date" isRequired error={errors.of('givenOn')} />
            <ErrorSummary errors={errors.errors} />
            <DialogActions submitLabel={t('consents.record')} />
          </Form>
        </DialogBox>
      )}
      {withdrawing && (
        <ConfirmDialog
          title={t('consents.withdrawTitle')}
          confirmLabel={t('consents.withdraw')}
          variant="danger"
          onClose={() => setWithdrawing(null)}
          fields={['withdrawnOn']}
          onConfirm={async () => {
            const day = parseFrDate(withdrawDate);
            if (!day) throw new ApiError('invalid_input', t('consents.dateInvalid'), 'withdrawnOn');
            await must('dsu:withdrawConsent', { id: withdrawing.id, withdrawnOn: day });
            setWithdrawing(null);
            onChanged(t('consents.withdrawn'));
          }}
        >
          {(errorOf) => (
            <>
              <p>{t('consents.withdrawExplain', { person: withdrawing.person.name, recipient: withdrawing.recipient })}</p>
              <TextInput label={t('consents.withdrawDate')} name="withdrawnOn" value={withdrawDate} onChange={setWithdrawDate} format="date" isRequired error={errorOf('withdrawnOn')} />
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
