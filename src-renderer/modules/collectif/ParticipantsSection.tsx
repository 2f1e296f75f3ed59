/**
 * The named participants (DOMAIN §11): persons of the app who agreed to take part, with the day
 * and form of their agreement. Adding one starts from a person search; without the person's
 * agreement the main process refuses and says to count them anonymously (tab « Présences »).
 * A participant who withdraws is no longer named; their presences stay in the anonymous counts.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Alert, Button, ConfirmDialog, ErrorSummary, RadioList, SelectField, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate, personName, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { usePersonSearch } from '../persons';
import { CONSENT_FORMS } from '../../../src-main/modules/collectif/kinds';
import type { ParticipantsOut, SectionProps } from './types';

type ConsentForm = (typeof CONSENT_FORMS)[number];

export function ParticipantsSection({ action, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const list = useResource(() => must('collectif:participants', { actionId: action.id }));
  const [removing, setRemoving] = useState<ParticipantsOut['participants'][number] | null>(null);
  const changed = (m: string) => {
    void list.reload();
    onChanged(m);
  };
  const sessions = action.sessions.length;
  return (
    <>
      <section className="panel" aria-labelledby="col-participants-title">
        <h2 id="col-participants-title">{t('collectif.participants.title')}</h2>
        {list.error && <Alert kind="error">{list.error}</Alert>}
        {list.data && list.data.participants.length === 0 && <p className="muted">{t('collectif.participants.none')}</p>}
        {list.data && list.data.participants.length > 0 && (
          <div className="table-scroll col-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('collectif.participants.caption', { title: action.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('collectif.participants.name')}</th>
                  <th scope="col">{t('collectif.participants.consent')}</th>
                  <th scope="col">{t('collectif.participants.came')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('collectif.sessions.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.participants.map((p) => (
                  <tr key={p.id}>
                    <td>
                      {p.name}
                      {p.birthDate && <span className="muted"> — {isoToFr(p.birthDate)}</span>}
                    </td>
                    <td>{t('collectif.participants.consentValue', { date: isoToFr(p.consentOn), form: t(`collectif.consentForms.${p.consentForm}`) })}</td>
                    <td>{t('collectif.participants.cameValue', { present: Object.values(p.marks).filter((m) => m === 'present').length, sessions })}</td>
                    <td>
                      <Button variant="quiet" onPress={() => setRemoving(p)}>
                        {t('collectif.participants.remove', { name: p.name })}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="field-hint">{t('collectif.participants.anonymousHint')}</p>
      </section>
      <AddParticipant actionId={action.id} onAdded={changed} />
      {removing && (
        <ConfirmDialog
          title={t('collectif.participants.removeTitle')}
          confirmLabel={t('collectif.participants.removeConfirm')}
          variant="danger"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await must('collectif:removeParticipant', { actionId: action.id, participantId: removing.id });
            setRemoving(null);
            changed(t('collectif.participants.removed', { name: removing.name }));
          }}
        >
          <p>{t('collectif.participants.removeText', { name: removing.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function AddParticipant({ actionId, onAdded }: { actionId: number; onAdded: (m: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const hits = usePersonSearch(q, 10).results?.results ?? [];
  const [personId, setPersonId] = useState<string | null>(null);
  const [consent, setConsent] = useState<'oui' | 'non' | null>(null);
  const [consentOn, setConsentOn] = useState(isoToFr(today()));
  const [consentForm, setConsentForm] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors({ personId: ['personId'], consentGiven: ['consentGiven'], consentOn: ['consentOn'], consentForm: ['consentForm'] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!personId) local.personId = t('collectif.participants.choosePerson');
    if (!consent) local.consentGiven = t('collectif.participants.chooseConsent');
    const day = consentOn.trim() ? parseFrDate(consentOn) : null;
    if (consent === 'oui' && consentOn.trim() && !day) local.consentOn = t('collectif.form.dateInvalid');
    if (!form.check(local)) return;
    setBusy(true);
    form.clear();
    try {
      await must('collectif:addParticipant', {
        actionId,
        personId: Number(personId),
        consentGiven: consent === 'oui',
        consentOn: consent === 'oui' ? day : null,
        consentForm: consent === 'oui' ? ((consentForm as ConsentForm | null) ?? null) : null,
      });
      const name = hits.find((h) => String(h.id) === personId);
      setQ('');
      setPersonId(null);
      setConsent(null);
      setConsentForm(null);
      onAdded(t('collectif.participants.added', { name: name ? personName(name) : '' }));
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="col-add-participant-title">
      <h2 id="col-add-participant-title">{t('collectif.participants.addTitle')}</h2>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <TextInput label={t('collectif.participants.search')} name="q" type="search" value={q} onChange={setQ} autoComplete="off" description={t('collectif.participants.searchHint')} />
        {hits.length > 0 && (
          <RadioList
            label={t('collectif.participants.results')}
            orientation="vertical"
            value={personId}
            onChange={setPersonId}
            error={form.of('personId')}
            options={hits.map((h) => ({ value: String(h.id), label: `${personName(h)}${h.birthDate ? ` — ${isoToFr(h.birthDate)}` : ''}` }))}
          />
        )}
        {hits.length === 0 && form.of('personId') && <p className="field-error">{form.of('personId')}</p>}
        <RadioList
          label={t('collectif.participants.consentQuestion')}
          value={consent}
          onChange={setConsent}
          isRequired
          error={form.of('consentGiven')}
          options={[
            { value: 'oui', label: t('collectif.participants.consentYes') },
            { value: 'non', label: t('collectif.participants.consentNo') },
          ]}
        />
        {consent === 'oui' && (
          <div className="grid-2">
            <TextInput label={t('collectif.participants.consentOn')} name="consentOn" value={consentOn} onChange={setConsentOn} format="date" isRequired error={form.of('consentOn')} />
            <SelectField
              label={t('collectif.participants.consentForm')}
              value={consentForm}
              onChange={setConsentForm}
              isRequired
              error={form.of('consentForm')}
              options={CONSENT_FORMS.map((f) => ({ id: f, label: t(`collectif.consentForms.${f}`) }))}
            />
          </div>
        )}
        <ErrorSummary errors={form.errors} />
        <div className="actions-left">
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('collectif.participants.add')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
