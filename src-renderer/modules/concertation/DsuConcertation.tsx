/**
 * The household's referrals to the concertation instance, on its DSU (tab « Concertation »).
 * The family's consent to share with the instance is shown first; the referral is made from
 * here, and refused, clearly, without a consent in force.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Alert, Button, CheckboxList, DialogActions, DialogBox, ErrorSummary, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { FIELDS } from '../../../src-main/modules/dsu/kinds';
import { ELEMENT_KINDS } from '../../../src-main/modules/concertation/kinds';
import type { DsuPanelProps } from '../module';
import type { ConsentState } from './types';

export function DsuConcertation({ dsu }: DsuPanelProps) {
  const { t } = useTranslation();
  const state = useResource(() => must('concertation:forDsu', { dsuId: dsu.id }));
  const [referring, setReferring] = useState(false);
  const s = state.data;
  const usable = s?.consents.filter((c) => c.usable) ?? [];
  return (
    <section className="panel" aria-labelledby="dsu-concertation-title">
      <h2 id="dsu-concertation-title">{t('concertation.dsu.title')}</h2>
      {state.error && <Alert kind="error">{state.error}</Alert>}
      {s && (
        <>
          <div className="concertation-consent" data-testid="concertation-consent">
            <h3>{t('concertation.consent.title')}</h3>
            {usable.length > 0 ? (
              <p>{t('concertation.consent.inForce', { person: usable[0]!.person, date: isoToFr(usable[0]!.givenOn), recipient: usable[0]!.recipient })}</p>
            ) : (
              <p className="warning-text">
                {t('concertation.consent.none')} <a href={`#/dsu/${dsu.id}/consents`}>{t('concertation.consent.record')}</a>
              </p>
            )}
          </div>
          {s.canRefer && (
            <p>
              <Button variant="primary" onPress={() => setReferring(true)}>
                {t('concertation.refer.open')}
              </Button>
            </p>
          )}
          <h3>{t('concertation.dsu.referrals', { count: s.referrals.length })}</h3>
          {s.referrals.length === 0 ? (
            <p className="muted">{t('concertation.dsu.none')}</p>
          ) : (
            <ul className="plain">
              {s.referrals.map((r) => (
                <li key={r.id}>
                  <a href={`#/concertation/${r.id}`}>{t('concertation.dsu.item', { date: isoToFr(r.referredOn), by: r.referredBy.displayName })}</a> — {t(`concertation.statuses.${r.status}`)}
                  {r.heldOn && <> — {t('concertation.dsu.heldOn', { date: isoToFr(r.heldOn) })}</>}
                  {r.next && <> — {t(`concertation.next.${r.next.kind}`, { date: isoToFr(r.next.due) })}</>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {referring && s && <ReferDialog dsuId={dsu.id} consents={s.consents} onClose={() => setReferring(false)} />}
    </section>
  );
}

function ReferDialog({ dsuId, consents, onClose }: { dsuId: number; consents: ConsentState[]; onClose: () => void }) {
  const { t } = useTranslation();
  const usable = consents.filter((c) => c.usable);
  const [consent, setConsent] = useState<string | null>(usable[0] ? String(usable[0].id) : null);
  const [motif, setMotif] = useState('');
  const [purpose, setPurpose] = useState('');
  const [field, setField] = useState<string | null>(null);
  const [services, setServices] = useState('');
  const [kinds, setKinds] = useState<(typeof ELEMENT_KINDS)[number][]>([]);
  const [busy, setBusy] = useState(false);
  // Without a usable consent there is no field to choose one: its refusal is then said in the summary.
  const errors = useFormErrors([...(usable.length > 0 ? ['consentId'] : []), 'motif', 'purpose', 'field', 'services', 'elementKinds']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await must('concertation:refer', {
        dsuId,
        consentId: consent ? Number(consent) : null,
        motif,
        purpose,
        field: (field ?? '') as (typeof FIELDS)[number],
        services: services
          .split(/[,;\n]/)
          .map((x) => x.trim())
          .filter((x) => x !== ''),
        elementKinds: kinds,
      });
      window.location.hash = `#/concertation/${r.id}`;
    } catch (err) {
      errors.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogBox title={t('concertation.refer.title')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="concertation-refer">
        <div className="concertation-consent-state">
          {usable.length === 0 ? (
            <Alert kind="error">{t('concertation.refer.noConsent')}</Alert>
          ) : (
            <SelectField
              label={t('concertation.refer.consent')}
              value={consent}
              onChange={setConsent}
              isRequired
              error={errors.of('consentId')}
              options={usable.map((c) => ({ id: String(c.id), label: t('concertation.refer.consentItem', { person: c.person, recipient: c.recipient, scope: c.scope, date: isoToFr(c.givenOn) }) }))}
            />
          )}
          {consents.some((c) => !c.usable) && (
            <details>
              <summary>{t('concertation.refer.otherConsents', { count: consents.filter((c) => !c.usable).length })}</summary>
              <ul>
                {consents
                  .filter((c) => !c.usable)
                  .map((c) => (
                    <li key={c.id}>
                      {c.person} → {c.recipient} : {c.why}
                    </li>
                  ))}
              </ul>
            </details>
          )}
        </div>
        <TextAreaInput label={t('concertation.refer.motif')} name="motif" value={motif} onChange={setMotif} isRequired rows={3} error={errors.of('motif')} />
        <TextInput label={t('concertation.refer.purpose')} name="purpose" value={purpose} onChange={setPurpose} isRequired description={t('concertation.refer.purposeHint')} error={errors.of('purpose')} />
        <SelectField label={t('concertation.refer.field')} value={field} onChange={setField} isRequired error={errors.of('field')} options={FIELDS.map((f) => ({ id: f, label: t(`labels.${f}`) }))} />
        <TextInput label={t('concertation.refer.services')} name="services" value={services} onChange={setServices} isRequired description={t('concertation.refer.servicesHint')} error={errors.of('services')} />
        <CheckboxList label={t('concertation.refer.elementKinds')} value={kinds} onChange={setKinds} isRequired error={errors.of('elementKinds')} options={ELEMENT_KINDS.map((k) => ({ value: k, label: t(`concertation.elementKinds.${k}`) }))} />
        <ErrorSummary errors={errors.errors} />
        <DialogActions submitLabel={t('concertation.refer.submit')} busy={busy} />
      </Form>
    </DialogBox>
  );
}
