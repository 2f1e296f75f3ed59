/**
 * Agendas of the ASS and CESF (DOMAIN §7): a day or a week, the professional's own by
 * default. The secretaire books from here too; the professional marks honoured or absent.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AppointmentOut, SessionInfo } from '../../../src-main/modules';
import { hasAny, WORKERS } from '../../../src-main/shared/roles';
import { call, must, type Input } from '../../api';
import { errorText, fieldOf } from '../../app/errors';
import { Alert, Button, DialogActions, DialogBox, RadioList, SelectField, TextInput } from '../../ui/components';
import { PageHeader } from '../../ui/components';
import { addDaysIso, isoToFr, mondayOf, nowMinute, parseFrDate, personName, timeOf, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { usePersonSearch } from '../persons';
import { RDV_KINDS as KINDS } from '../../../src-main/modules/rdv/kinds';
import { FIELDS } from '../../../src-main/modules/dsu/kinds';

type Kind = AppointmentOut['kind'];

export function AgendaPage({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const { data: options } = useResource(() => must('intake:options', {}));
  const me = session.user;
  const isPro = hasAny(me.roles, WORKERS);
  const [chosenPro, setPro] = useState<string | null>(isPro ? String(me.id) : null);
  const pro = chosenPro ?? (options?.professionals[0] ? String(options.professionals[0].id) : null);
  const [view, setView] = useState<'day' | 'week'>(isPro ? 'day' : 'week');
  const [day, setDay] = useState(today());
  const [items, setItems] = useState<AppointmentOut[]>([]);
  /** Which agenda `items` holds: until it matches what is asked, the columns say they are loading, never "no appointment". */
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  /** The honoured appointment whose field of intervention is being asked (its household has a DSU). */
  const [honouring, setHonouring] = useState<AppointmentOut | null>(null);
  const [version, setVersion] = useState(0);

  const from = view === 'week' ? mondayOf(day) : day;
  const days = view === 'week' ? 5 : 1;
  const asked = `${pro}|${from}|${view}|${version}`;
  const busy = loadedFor !== asked;
  useEffect(() => {
    if (!pro) return;
    let current = true;
    void call('rdv:agenda', { professionalId: Number(pro), from, days: view === 'week' ? 7 : 1 }).then((r) => {
      if (!current) return;
      if (r.ok) {
        setItems(r.value);
        setError(null);
      } else {
        setItems([]);
        setError(r.error.message);
      }
      setLoadedFor(`${pro}|${from}|${view}|${version}`);
    });
    return () => {
      current = false;
    };
  }, [pro, from, view, version]);

  const marked = (a: AppointmentOut, status: Input<'rdv:setStatus'>['status']) => {
    setNotice(t('agenda.statusSet', { status: t(`labels.${status}`), name: a.person.name }));
    setVersion((v) => v + 1);
  };
  const setStatus = async (a: AppointmentOut, status: Input<'rdv:setStatus'>['status']) => {
    // Honoured, it becomes an entry of the DSU's journal: its field of intervention is asked first.
    if (status === 'honore' && a.dsu) return setHonouring(a);
    try {
      await must('rdv:setStatus', { id: a.id, status });
      marked(a, status);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const dayLabel = (d: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${d}T12:00:00`));
  const proName = options?.professionals.find((p) => String(p.id) === pro)?.displayName ?? '';
  const now = nowMinute();

  return (
    <>
      <PageHeader title={t('agenda.title')}>
        <Button variant="primary" onPress={() => setBooking(true)} isDisabled={!pro}>
          {t('agenda.book')}
        </Button>
      </PageHeader>
      <div className="toolbar">
        {options && (
          <SelectField label={t('agenda.professional')} value={pro} onChange={setPro} options={options.professionals.map((p) => ({ id: String(p.id), label: p.displayName }))} />
        )}
        <RadioList label={t('agenda.view')} value={view} onChange={setView} options={[{ value: 'day', label: t('agenda.day') }, { value: 'week', label: t('agenda.week') }]} />
        <div className="field">
          <span className="label-like" id="agenda-nav">
            {t('agenda.move')}
          </span>
          <div className="row-actions" role="group" aria-labelledby="agenda-nav">
            <Button variant="secondary" onPress={() => setDay(addDaysIso(day, view === 'week' ? -7 : -1))}>
              {view === 'week' ? t('agenda.prevWeek') : t('agenda.prevDay')}
            </Button>
            <Button variant="secondary" onPress={() => setDay(today())}>
              {t('agenda.today')}
            </Button>
            <Button variant="secondary" onPress={() => setDay(addDaysIso(day, view === 'week' ? 7 : 1))}>
              {view === 'week' ? t('agenda.nextWeek') : t('agenda.nextDay')}
            </Button>
          </div>
        </div>
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      <h2 className="agenda-heading" aria-live="polite">
        {view === 'week' ? t('agenda.weekOf', { name: proName, date: isoToFr(from) }) : t('agenda.dayOf', { name: proName, date: dayLabel(day) })}
      </h2>
      <div className={view === 'week' ? 'agenda-week' : 'agenda-day'} aria-busy={busy} data-testid="agenda">
        {Array.from({ length: days }, (_, i) => addDaysIso(from, i)).map((d) => {
          const list = busy ? [] : items.filter((a) => a.startsAt.startsWith(d));
          return (
            <section key={d} className="agenda-column" aria-label={dayLabel(d)}>
              {view === 'week' && <h3>{dayLabel(d)}</h3>}
              {busy ? <p className="muted">{t('agenda.loading')}</p> : list.length === 0 && <p className="muted">{t('agenda.none')}</p>}
              <ul className="agenda-list">
                {list.map((a) => (
                  <li key={a.id} className={`agenda-item status-${a.status}`}>
                    <div>
                      <strong>
                        {timeOf(a.startsAt)}–{timeOf(a.endsAt)}
                      </strong>{' '}
                      {a.person.name}
                    </div>
                    <div className="muted">
                      {t(`labels.${a.kind}`)} · {a.place} · <span className="status">{t(`labels.${a.status}`)}</span>
                      {a.dsu && ` · ${t('agenda.dsu', { number: a.dsu.number })}`}
                    </div>
                    <div className="row-actions">
                      {a.dsu && isPro && (
                        <a className="btn btn-quiet" href={`#/dsu/${a.dsu.id}`}>
                          {t('agenda.openDsu', { number: a.dsu.number })}
                        </a>
                      )}
                      {a.status === 'prevu' && String(me.id) === String(a.professional.id) && a.startsAt <= now && (
                        <>
                          <Button variant="quiet" onPress={() => void setStatus(a, 'honore')}>
                            {t('agenda.markHonoured')}
                          </Button>
                          <Button variant="quiet" onPress={() => void setStatus(a, 'absent')}>
                            {t('agenda.markAbsent')}
                          </Button>
                        </>
                      )}
                      {a.status === 'prevu' && (
                        <Button variant="quiet" onPress={() => void setStatus(a, 'annule')}>
                          {t('agenda.cancel')}
                        </Button>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {honouring && (
        <HonourDialog
          appointment={honouring}
          onClose={() => setHonouring(null)}
          onDone={() => {
            setHonouring(null);
            marked(honouring, 'honore');
          }}
        />
      )}
      {booking && pro && (
        <BookDialog
          professionalId={Number(pro)}
          professionalName={proName}
          onClose={() => setBooking(false)}
          onBooked={(a) => {
            setBooking(false);
            setNotice(t('agenda.booked', { name: a.person.name, date: isoToFr(a.startsAt), time: timeOf(a.startsAt) }));
            setDay(a.startsAt.slice(0, 10));
            setVersion((v) => v + 1);
          }}
        />
      )}
    </>
  );
}

/** Asks the field of intervention of the journal entry an honoured appointment becomes, then marks it. */
function HonourDialog({ appointment, onClose, onDone }: { appointment: AppointmentOut; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [field, setField] = useState<(typeof FIELDS)[number] | null>(null);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!field) return setError({ message: t('agenda.honourFieldMissing'), field: 'field' });
    setBusy(true);
    try {
      await must('rdv:setStatus', { id: appointment.id, status: 'honore', field });
      onDone();
    } catch (err) {
      setError({ message: errorText(err), field: fieldOf(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogBox title={t('agenda.honourTitle', { name: appointment.person.name })} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <p>{t('agenda.honourLead', { number: appointment.dsu?.number ?? '' })}</p>
        <RadioList label={t('agenda.honourField')} value={field} onChange={(f) => (setField(f), setError(null))} orientation="vertical" options={FIELDS.map((f) => ({ value: f, label: t(`labels.${f}`) }))} error={error?.field === 'field' ? error.message : undefined} />
        {error && error.field !== 'field' && <Alert kind="error">{error.message}</Alert>}
        <DialogActions submitLabel={t('agenda.confirmHonoured')} busy={busy} />
      </Form>
    </DialogBox>
  );
}

function BookDialog({ professionalId, professionalName, onClose, onBooked }: { professionalId: number; professionalName: string; onClose: () => void; onBooked: (a: AppointmentOut) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const hits = usePersonSearch(q, 8).results?.results ?? [];
  const [person, setPerson] = useState<string>('');
  const [kind, setKind] = useState<Kind>('accompagnement_presentiel');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState('45');
  const [place, setPlace] = useState(t('intake.defaultPlace'));
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);



  const [slotNotice, setSlotNotice] = useState('');
  const slot = async () => {
    try {
      const r = await must('rdv:nextFree', { professionalId, from: nowMinute(), durationMin: Number(duration) || 45 });
      setDate(isoToFr(r.startsAt));
      setTime(r.startsAt.slice(11));
      setSlotNotice(t('a11y.slotProposed', { date: isoToFr(r.startsAt), time: r.startsAt.slice(11) }));
    } catch (e) {
      setError({ message: errorText(e) });
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const day = parseFrDate(date);
    if (!person || !day || !/^\d{2}:\d{2}$/.test(time)) {
      setError({ message: t('agenda.incomplete') });
      return;
    }
    try {
      onBooked(await must('rdv:book', { professionalId, personId: Number(person), startsAt: `${day}T${time}`, durationMin: Number(duration), kind, place }));
    } catch (err) {
      setError({ message: errorText(err), field: fieldOf(err) });
    }
  };

  return (
    <DialogBox title={t('agenda.bookFor', { name: professionalName })} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <TextInput label={t('agenda.findPerson')} name="q" type="search" value={q} onChange={setQ} autoFocus autoComplete="off" />
        {hits.length > 0 && (
          <RadioList
            label={t('agenda.person')}
            value={person}
            onChange={setPerson}
            orientation="vertical"
            options={hits.map((h) => ({ value: String(h.id), label: `${personName(h)}${h.birthDate ? ` — ${isoToFr(h.birthDate)}` : ''}` }))}
          />
        )}
        <div className="grid-2">
          <SelectField label={t('intake.kind')} value={kind} onChange={(v) => v && setKind(v as Kind)} options={KINDS.map((k) => ({ id: k, label: t(`labels.${k}`) }))} />
          <TextInput label={t('intake.place')} name="place" value={place} onChange={setPlace} />
          <TextInput label={t('intake.date')} name="date" value={date} onChange={setDate} format="date" isRequired />
          <TextInput label={t('intake.time')} name="time" value={time} onChange={setTime} format="time" isRequired />
          <TextInput label={t('intake.duration')} name="duration" value={duration} onChange={setDuration} />
        </div>
        <Button variant="secondary" onPress={() => void slot()}>
          {t('intake.nextFree')}
        </Button>
        <p role="status" className="small">
          {slotNotice}
        </p>
        {error && <Alert kind="error">{error.message}</Alert>}
        <DialogActions submitLabel={t('agenda.confirmBook')} />
      </Form>
    </DialogBox>
  );
}
