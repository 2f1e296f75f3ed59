/** The agenda's dialogs: booking a slot, an appointment's card (move, cancel, convocation, outcome), the field of an honoured one. */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AppointmentOut, SessionInfo } from '../../../src-main/modules';
import { hasAny, WORKERS } from '../../../src-main/shared/roles';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, DialogActions, DialogBox, ErrorSummary, RadioList, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { isoToFr, nowMinute, parseFrDate, personName, saveFile } from '../../ui/format';
import { usePersonSearch } from '../persons';
import { CANCEL_REASONS, RDV_KINDS as KINDS } from '../../../src-main/modules/rdv/kinds';
import { FIELDS } from '../../../src-main/modules/dsu/kinds';
import { dayName, timeName, type PermanenceDay } from './grid';

type Kind = AppointmentOut['kind'];
type Pro = { id: number; displayName: string; roles: string[] };
const minutesBetween = (a: string, b: string) => Math.round((new Date(`${b}:00Z`).getTime() - new Date(`${a}:00Z`).getTime()) / 60000);

/** Date, time and duration typed as the desk says them; null when one is not understood. */
function slotOf(date: string, time: string): string | null {
  const day = parseFrDate(date);
  const hm = hourOf(time);
  return day && hm ? `${day}T${hm}` : null;
}
/** « 9h », « 9 h 30 », « 09:30 » → « 09:30 »; null when not understood. */
function hourOf(time: string): string | null {
  const t = time.trim().replace(/\s*h\s*/i, ':').replace(/:$/, ':00');
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

/** The date and time fields' own checks, each beside its field. */
function slotProblems(t: (k: string) => string, date: string, time: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!parseFrDate(date)) problems.date = t('agenda.dateInvalid');
  if (!hourOf(time)) problems.time = t('agenda.timeInvalid');
  return problems;
}
/** The fields of a slot, and the contract's paths each of them answers for. */
const SLOT_FIELDS = { professionalId: ['professionalId'], place: ['place'], date: ['date', 'startsAt'], time: ['time'], durationMin: ['durationMin'], kind: ['kind'] } as const;

export function BookDialog({
  professional,
  startsAt,
  permanence,
  onClose,
  onBooked,
}: {
  professional: Pro;
  startsAt: string;
  /** Booked into a permanence: its kind and its place. */
  permanence: PermanenceDay | null;
  onClose: () => void;
  onBooked: (a: AppointmentOut) => void;
}) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const hits = usePersonSearch(q, 8).results?.results ?? [];
  const [person, setPerson] = useState<string>('');
  const [kind, setKind] = useState<Kind>(permanence ? 'permanence' : 'accompagnement_presentiel');
  const [date, setDate] = useState(isoToFr(startsAt));
  const [time, setTime] = useState(startsAt.slice(11));
  const [duration, setDuration] = useState('30');
  const [place, setPlace] = useState(permanence ? t('agenda.permanencePlace', { place: permanence.place, address: [permanence.address, permanence.communeName].filter(Boolean).join(', ') }) : t('intake.defaultPlace'));
  const form = useFormErrors({ ...SLOT_FIELDS, personId: ['personId'] });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const at = slotOf(date, time);
    const problems = slotProblems(t, date, time);
    if (!person) problems.personId = t('agenda.choosePerson');
    if (!form.check(problems) || !at) return;
    setBusy(true);
    try {
      onBooked(await must('rdv:book', { professionalId: professional.id, personId: Number(person), startsAt: at, durationMin: Number(duration), kind, place }));
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogBox title={t('agenda.bookTitle', { name: professional.displayName, when: `${dayName(startsAt.slice(0, 10), i18n.language)}, ${timeName(startsAt, i18n.language)}` })} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <TextInput label={t('agenda.findPerson')} name="q" type="search" value={q} onChange={setQ} autoFocus autoComplete="off" isRequired={hits.length === 0} error={hits.length === 0 ? form.of('personId') : undefined} />
        {hits.length > 0 && (
          <RadioList
            label={t('agenda.person')}
            value={person || null}
            onChange={setPerson}
            orientation="vertical"
            options={hits.map((h) => ({ value: String(h.id), label: `${personName(h)}${h.birthDate ? ` — ${isoToFr(h.birthDate)}` : ''}` }))}
            isRequired
            error={form.of('personId')}
          />
        )}
        <div className="grid-2">
          <SelectField label={t('intake.kind')} value={kind} onChange={(v) => v && setKind(v as Kind)} options={KINDS.map((k) => ({ id: k, label: t(`labels.${k}`) }))} isRequired error={form.of('kind')} />
          <TextInput label={t('intake.place')} name="place" value={place} onChange={setPlace} error={form.of('place')} />
          <TextInput label={t('intake.date')} name="date" value={date} onChange={setDate} placeholder={t('person.datePlaceholder')} format="date" isRequired error={form.of('date')} />
          <TextInput label={t('intake.time')} name="time" value={time} onChange={setTime} placeholder={t('intake.timePlaceholder')} format="time" isRequired error={form.of('time')} />
          <TextInput label={t('intake.duration')} name="duration" value={duration} onChange={setDuration} isRequired error={form.of('durationMin')} />
        </div>
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={t('agenda.confirmBook')} busy={busy} />
      </Form>
    </DialogBox>
  );
}

/** An appointment's card: what, when, with whom; and what can be done with it now. */
export function AppointmentDialog({
  appointment: a,
  session,
  professionals,
  onClose,
  onHonour,
  onChanged,
  onNotice,
}: {
  appointment: AppointmentOut;
  session: SessionInfo;
  professionals: Pro[];
  onClose: () => void;
  onHonour: () => void;
  onChanged: (a: AppointmentOut, what: 'moved' | 'cancelled' | 'status') => void;
  onNotice: (m: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [mode, setMode] = useState<'card' | 'move' | 'cancel' | 'convocation'>('card');
  const form = useFormErrors({ ...SLOT_FIELDS, reason: ['reason'], note: ['note'], bring: ['bring'] });
  const [busy, setBusy] = useState(false);
  // Move
  const [pro, setPro] = useState<string | null>(String(a.professional.id));
  const [date, setDate] = useState(isoToFr(a.startsAt));
  const [time, setTime] = useState(a.startsAt.slice(11));
  const [duration, setDuration] = useState(String(minutesBetween(a.startsAt, a.endsAt)));
  const [place, setPlace] = useState(a.place);
  // Cancel
  const [reason, setReason] = useState<(typeof CANCEL_REASONS)[number] | null>(null);
  const [note, setNote] = useState('');
  // Convocation
  const [bring, setBring] = useState(t('agenda.bringDefault'));

  const me = session.user;
  const isPro = hasAny(me.roles, WORKERS);
  const mine = me.id === a.professional.id || me.roles.includes('responsable');
  const planned = a.status === 'prevu';
  const begun = a.startsAt <= nowMinute();
  const when = `${dayName(a.startsAt.slice(0, 10), lang)}, ${timeName(a.startsAt, lang)} – ${timeName(a.endsAt, lang)}`;

  const run = async (job: () => Promise<void>) => {
    setBusy(true);
    form.clear();
    try {
      await job();
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = form.of;
  const otherReason = reason === 'autre';
  const enter = (m: typeof mode) => (form.clear(), setMode(m));

  const submitMove = (e: FormEvent) => {
    e.preventDefault();
    const at = slotOf(date, time);
    if (!form.check(slotProblems(t, date, time)) || !at) return;
    void run(async () => onChanged(await must('rdv:move', { id: a.id, professionalId: Number(pro), startsAt: at, durationMin: Number(duration), place }), 'moved'));
  };
  const submitCancel = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!reason) problems.reason = t('agenda.chooseReason');
    if (otherReason && !note.trim()) problems.note = t('agenda.otherReasonNote');
    if (!form.check(problems) || !reason) return;
    void run(async () => onChanged(await must('rdv:cancel', { id: a.id, reason, note }), 'cancelled'));
  };
  const submitConvocation = (e: FormEvent) => {
    e.preventDefault();
    const items = bring
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    void run(async () => {
      saveFile(await must('rdv:convocation', { id: a.id, bring: items }));
      onNotice(t('agenda.convocationDone', { name: a.person.name }));
      setMode('card');
    });
  };
  const mark = (status: 'honore' | 'absent') => {
    if (status === 'honore' && a.dsu) return onHonour();
    void run(async () => onChanged(await must('rdv:setStatus', { id: a.id, status }), 'status'));
  };

  const title =
    mode === 'move' ? t('agenda.moveTitle', { name: a.person.name }) : mode === 'cancel' ? t('agenda.cancelTitle', { name: a.person.name }) : mode === 'convocation' ? t('agenda.convocationTitle', { name: a.person.name }) : t('agenda.cardTitle', { name: a.person.name });

  return (
    <DialogBox title={title} isOpen onClose={onClose}>
      {mode === 'card' && (
        <>
          <dl className="facts">
            <dt>{t('agenda.when')}</dt>
            <dd>{when}</dd>
            <dt>{t('agenda.with')}</dt>
            <dd>{a.professional.displayName}</dd>
            <dt>{t('intake.kind')}</dt>
            <dd>{t(`labels.${a.kind}`)}</dd>
            <dt>{t('intake.place')}</dt>
            <dd>{a.place}</dd>
            <dt>{t('agenda.status')}</dt>
            <dd>
              {t(`labels.${a.status}`)}
              {a.cancelReason && ` — ${t(`agenda.cancelReasons.${a.cancelReason}`)}${a.cancelNote ? ` (${a.cancelNote})` : ''}`}
            </dd>
            {a.dsu && (
              <>
                <dt>{t('agenda.file')}</dt>
                <dd>{isPro ? <a href={`#/dsu/${a.dsu.id}`}>{t('agenda.openDsu', { number: a.dsu.number })}</a> : t('agenda.dsu', { number: a.dsu.number })}</dd>
              </>
            )}
          </dl>
          <ErrorSummary errors={form.errors} />
          <div className="actions actions-start">
            {planned && (
              <>
                {!begun && (
                  <Button variant="primary" onPress={() => enter('move')} autoFocus>
                    {t('agenda.moveAction')}
                  </Button>
                )}
                {!begun && <Button onPress={() => enter('convocation')}>{t('agenda.convocation')}</Button>}
                {mine && begun && (
                  <>
                    <Button variant="primary" onPress={() => mark('honore')} isDisabled={busy} autoFocus>
                      {t('agenda.markHonoured')}
                    </Button>
                    <Button onPress={() => mark('absent')} isDisabled={busy}>
                      {t('agenda.markAbsent')}
                    </Button>
                  </>
                )}
                <Button variant="danger" onPress={() => enter('cancel')}>
                  {t('agenda.cancel')}
                </Button>
              </>
            )}
            <Button variant="secondary" slot="close" autoFocus={!planned}>
              {t('agenda.close')}
            </Button>
          </div>
        </>
      )}
      {mode === 'move' && (
        <Form onSubmit={submitMove} validationBehavior="aria">
          <p className="muted">{t('agenda.moveLead', { when })}</p>
          <div className="grid-2">
            <SelectField label={t('agenda.with')} value={pro} onChange={setPro} isRequired options={professionals.map((p) => ({ id: String(p.id), label: p.displayName }))} error={fieldError('professionalId')} />
            <TextInput label={t('intake.place')} name="place" value={place} onChange={setPlace} error={fieldError('place')} />
            <TextInput label={t('intake.date')} name="date" value={date} onChange={setDate} placeholder={t('person.datePlaceholder')} format="date" isRequired error={fieldError('date')} autoFocus />
            <TextInput label={t('intake.time')} name="time" value={time} onChange={setTime} placeholder={t('intake.timePlaceholder')} format="time" isRequired error={fieldError('time')} />
            <TextInput label={t('intake.duration')} name="duration" value={duration} onChange={setDuration} isRequired error={fieldError('durationMin')} />
          </div>
          <ErrorSummary errors={form.errors} />
          <DialogActions submitLabel={t('agenda.confirmMove')} busy={busy} />
        </Form>
      )}
      {mode === 'cancel' && (
        <Form onSubmit={submitCancel} validationBehavior="aria">
          <p className="muted">{when}</p>
          <RadioList label={t('agenda.cancelReason')} value={reason} onChange={setReason} orientation="vertical" isRequired options={CANCEL_REASONS.map((r) => ({ value: r, label: t(`agenda.cancelReasons.${r}`) }))} error={fieldError('reason')} />
          <TextInput label={t('agenda.cancelNote')} name="note" value={note} onChange={setNote} description={t('agenda.cancelNoteHint')} isRequired={otherReason} error={fieldError('note')} />
          <ErrorSummary errors={form.errors} />
          <DialogActions submitLabel={t('agenda.confirmCancel')} busy={busy} />
        </Form>
      )}
      {mode === 'convocation' && (
        <Form onSubmit={submitConvocation} validationBehavior="aria">
          <p className="muted">{t('agenda.convocationLead', { when, place: a.place })}</p>
          <TextAreaInput label={t('agenda.bring')} name="bring" value={bring} onChange={setBring} rows={5} description={t('agenda.bringHint')} error={fieldError('bring')} />
          <ErrorSummary errors={form.errors} />
          <DialogActions submitLabel={t('agenda.printConvocation')} busy={busy} />
        </Form>
      )}
    </DialogBox>
  );
}

/** Asks the field of intervention of the journal entry an honoured appointment becomes, then marks it. */
export function HonourDialog({ appointment, onClose, onDone }: { appointment: AppointmentOut; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [field, setField] = useState<(typeof FIELDS)[number] | null>(null);
  const form = useFormErrors(['field']);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.check(field ? {} : { field: t('agenda.honourFieldMissing') }) || !field) return;
    setBusy(true);
    try {
      await must('rdv:setStatus', { id: appointment.id, status: 'honore', field });
      onDone();
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogBox title={t('agenda.honourTitle', { name: appointment.person.name })} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <p>{t('agenda.honourLead', { number: appointment.dsu?.number ?? '' })}</p>
        <RadioList label={t('agenda.honourField')} value={field} onChange={setField} orientation="vertical" isRequired options={FIELDS.map((f) => ({ value: f, label: t(`labels.${f}`) }))} error={form.of('field')} />
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={t('agenda.confirmHonoured')} busy={busy} />
      </Form>
    </DialogBox>
  );
}
