/** The first contact itself (DOMAIN §2): mode, motifs, urgency, the request in the person's words, the outcome. */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IntakeOptions, Output, PartnerOut, PersonCard } from '../../../src-main/modules';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, CheckboxField, CheckboxList, ErrorSummary, RadioList, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { isoToFr, nowMinute, parseFrDate } from '../../ui/format';
import { withFirst } from '../../ui/lists';
import { CONTACT_MODES, OUTCOMES } from '../../../src-main/modules/intake/kinds';
import { RDV_KINDS } from '../../../src-main/modules/rdv/kinds';

type Mode = (typeof CONTACT_MODES)[number];
type Outcome = (typeof OUTCOMES)[number];
type Kind = (typeof RDV_KINDS)[number];
/** The appointment's kinds, the usual one at the front desk (a first meeting in person) first. */
const KINDS = withFirst(RDV_KINDS, 'premier_accueil_presentiel');

export function FirstContactForm({
  card,
  options,
  partners,
  onDone,
}: {
  card: PersonCard;
  options: IntakeOptions;
  partners: PartnerOut[];
  onDone: (r: Output<'intake:record'>) => void;
}) {
  const { t } = useTranslation();
  const proposed = card.dsu?.referent.id ?? card.proposedReferents.ass?.id ?? card.proposedReferents.cesf?.id ?? null;
  const [mode, setMode] = useState<Mode>('telephone');
  const [motifs, setMotifs] = useState<string[]>([]);
  const [urgent, setUrgent] = useState(false);
  const [urgencyReason, setUrgencyReason] = useState('');
  const [request, setRequest] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('rdv');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [professional, setProfessional] = useState<string | null>(proposed !== null ? String(proposed) : null);
  const [kind, setKind] = useState<Kind>('premier_accueil_presentiel');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState('45');
  const [place, setPlace] = useState(t('intake.defaultPlace'));
  const [referent, setReferent] = useState<string | null>(proposed !== null ? String(proposed) : null);
  const form = useFormErrors({
    mode: ['mode'],
    motifs: ['motifs', 'motifs.0'],
    urgencyReason: ['urgencyReason'],
    request: ['request'],
    outcome: ['outcome'],
    partnerId: ['partnerId'],
    professional: ['professional', 'appointment.professionalId'],
    date: ['date', 'appointment', 'appointment.startsAt'],
    time: ['time'],
    duration: ['appointment.durationMin'],
    kind: ['appointment.kind'],
    place: ['appointment.place'],
    referentId: ['referentId'],
  });
  const [busy, setBusy] = useState(false);

  /** The slot found, announced (RGAA 7.5): the date and time fields change without a word otherwise. */
  const [slotNotice, setSlotNotice] = useState('');
  const findSlot = async () => {
    if (!form.check(professional ? {} : { professional: t('intake.chooseProfessional') })) return;
    try {
      const from = parseFrDate(date) && /^\d{2}:\d{2}$/.test(time) ? `${parseFrDate(date)}T${time}` : nowMinute();
      const r = await must('rdv:nextFree', { professionalId: Number(professional), from: from < nowMinute() ? nowMinute() : from, durationMin: Number(duration) || 45 });
      setDate(isoToFr(r.startsAt));
      setTime(r.startsAt.slice(11));
      setSlotNotice(t('a11y.slotProposed', { date: isoToFr(r.startsAt), time: r.startsAt.slice(11) }));
      form.clear();
    } catch (e) {
      form.fail(e);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    let appointment = null;
    // Every problem found here at once, each beside its field.
    const problems: Record<string, string> = {};
    if (motifs.length === 0) problems.motifs = t('intake.motifsMissing');
    if (urgent && !urgencyReason.trim()) problems.urgencyReason = t('a11y.requiredField', { label: t('intake.urgencyReason') });
    if (!request.trim()) problems.request = t('a11y.requiredField', { label: t('intake.request') });
    if (outcome === 'orientation' && !partnerId) problems.partnerId = t('a11y.requiredField', { label: t('intake.partner') });
    const day = parseFrDate(date);
    if (outcome === 'rdv') {
      if (!professional) problems.professional = t('intake.chooseProfessional');
      if (!day) problems.date = t('agenda.dateInvalid');
      if (!/^\d{2}:\d{2}$/.test(time)) problems.time = t('agenda.timeInvalid');
    }
    if (!form.check(problems)) return;
    if (outcome === 'rdv' && professional && day) {
      appointment = { professionalId: Number(professional), startsAt: `${day}T${time}`, durationMin: Number(duration), kind, place };
    }
    setBusy(true);
    try {
      const r = await must('intake:record', {
        personId: card.person.id,
        mode,
        motifs,
        urgent,
        urgencyReason,
        request,
        outcome,
        partnerId: outcome === 'orientation' && partnerId ? Number(partnerId) : null,
        appointment,
        referentId: outcome === 'dsu' && referent ? Number(referent) : null,
      });
      onDone(r);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  const chosen = partnerId ? partners.find((p) => String(p.id) === partnerId) : undefined;
  const fieldError = form.of;
  const pros = options.professionals.map((p) => ({ id: String(p.id), label: `${p.displayName} (${p.roles.filter((r) => r === 'ass' || r === 'cesf').map((r) => t(`roles.${r}`)).join(', ')})` }));

  return (
    <Form className="panel contact-form" onSubmit={(e) => void submit(e)} validationBehavior="aria" aria-labelledby="contact-form-title">
      <h2 id="contact-form-title">{t('intake.contactTitle')}</h2>
      <RadioList label={t('intake.mode')} value={mode} onChange={setMode} options={CONTACT_MODES.map((m) => ({ value: m, label: t(`labels.${m}`) }))} />
      <CheckboxList label={t('intake.motifs')} value={motifs} onChange={setMotifs} isRequired error={fieldError('motifs')} options={options.motifs.map((m) => ({ value: m.code, label: m.label }))} />
      <CheckboxField label={t('intake.urgent')} value={urgent} onChange={setUrgent} />
      {urgent && <TextInput label={t('intake.urgencyReason')} name="urgencyReason" value={urgencyReason} onChange={setUrgencyReason} isRequired error={fieldError('urgencyReason')} />}
      <TextAreaInput label={t('intake.request')} name="request" value={request} onChange={setRequest} isRequired rows={3} description={t('intake.requestHint')} error={fieldError('request')} />
      <RadioList label={t('intake.outcome')} value={outcome} onChange={setOutcome} orientation="vertical" options={OUTCOMES.map((o) => ({ value: o, label: t(`intake.outcomes.${o}`) }))} />
      {outcome === 'orientation' && (
        <SelectField
          label={t('intake.partner')}
          value={partnerId}
          onChange={setPartnerId}
          isRequired
          error={fieldError('partnerId')}
          options={partners.filter((p) => p.active).map((p) => ({ id: String(p.id), label: p.service ? `${p.organisation} — ${p.service}` : p.organisation }))}
        />
      )}
      {outcome === 'orientation' && chosen && (
        // What to tell the person: where to go, whom to call, what they do.
        <dl className="facts partner-card">
          {(chosen.address || chosen.city) && (
            <>
              <dt>{t('partners.address')}</dt>
              <dd>{[chosen.address, `${chosen.postcode} ${chosen.city}`.trim()].filter(Boolean).join(', ')}</dd>
            </>
          )}
          {(chosen.phone || chosen.email || chosen.contact) && (
            <>
              <dt>{t('partners.contacts')}</dt>
              <dd>{[chosen.phone, chosen.email, chosen.contact].filter(Boolean).join(' · ')}</dd>
            </>
          )}
          {chosen.missions && (
            <>
              <dt>{t('partners.missions')}</dt>
              <dd>{chosen.missions}</dd>
            </>
          )}
        </dl>
      )}
      {outcome === 'rdv' && (
        <fieldset className="subform">
          <legend>{t('intake.appointment')}</legend>
          <div className="grid-2">
            <SelectField label={t('intake.professional')} value={professional} onChange={setProfessional} options={pros} isRequired error={fieldError('professional')} />
            <SelectField label={t('intake.kind')} value={kind} onChange={(v) => v && setKind(v as Kind)} options={KINDS.map((k) => ({ id: k, label: t(`labels.${k}`) }))} isRequired error={fieldError('kind')} />
            <TextInput label={t('intake.date')} name="date" value={date} onChange={setDate} format="date" isRequired error={fieldError('date')} />
            <TextInput label={t('intake.time')} name="time" value={time} onChange={setTime} format="time" isRequired error={fieldError('time')} />
            <TextInput label={t('intake.duration')} name="duration" value={duration} onChange={setDuration} isRequired error={fieldError('duration')} />
            <TextInput label={t('intake.place')} name="place" value={place} onChange={setPlace} error={fieldError('place')} />
          </div>
          <Button variant="secondary" onPress={() => void findSlot()}>
            {t('intake.nextFree')}
          </Button>
          <p role="status" className="small">
            {slotNotice}
          </p>
        </fieldset>
      )}
      {outcome === 'dsu' &&
        (card.dsu ? (
          <p>{t('intake.dsuAlready', { number: card.dsu.number, referent: card.dsu.referent.displayName })}</p>
        ) : (
          <SelectField label={t('intake.referent')} value={referent} onChange={setReferent} error={fieldError('referentId')} options={pros} />
        ))}
      <ErrorSummary errors={form.errors} />
      <div className="actions">
        <Button variant="primary" type="submit" isDisabled={busy}>
          {t('intake.record')}
        </Button>
      </div>
    </Form>
  );
}
