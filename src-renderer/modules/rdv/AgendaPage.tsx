/**
 * Agendas of the ASS and CESF (DOMAIN §7) as a time grid: a week of one professional, or a day
 * with several professionals side by side (the front desk books for all of them). A free slot
 * books; an appointment opens its card: move, cancel with a reason, convocation, honoured or
 * absent. Every result is said in the live region and the focus lands on what changed.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentOut, SessionInfo } from '../../../src-main/modules';
import { hasAny, WORKERS } from '../../../src-main/shared/roles';
import { call, must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, CheckboxList, PageHeader, RadioList, SelectField } from '../../ui/components';
import { addDaysIso, isoToFr, mondayOf, nowMinute, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { AppointmentDialog, BookDialog, HonourDialog } from './AppointmentDialogs';
import { RemindersDialog } from './RemindersDialog';
import { dayName, openOn, timeName, type Hours, type PermanenceDay } from './grid';
import { TimeGrid, type Column } from './TimeGrid';

type Pro = { id: number; displayName: string; roles: string[] };

export function AgendaPage({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data: options } = useResource(() => must('intake:options', {}));
  const me = session.user;
  const isPro = hasAny(me.roles, WORKERS);
  const pros: Pro[] = options?.professionals ?? [];
  const [view, setView] = useState<'day' | 'week'>('day');
  const [day, setDay] = useState(today());
  /** The agendas shown side by side in the day view; the week view shows the first. */
  const [chosen, setChosen] = useState<string[] | null>(isPro ? [String(me.id)] : null);
  const shownIds = (chosen ?? pros.slice(0, 4).map((p) => String(p.id))).filter((id) => pros.some((p) => String(p.id) === id));
  const [weekPro, setWeekPro] = useState<string | null>(isPro ? String(me.id) : null);
  const weekId = weekPro ?? shownIds[0] ?? (pros[0] ? String(pros[0].id) : null);
  const ids = view === 'week' ? (weekId ? [weekId] : []) : shownIds;

  const [data, setData] = useState<{ appointments: AppointmentOut[]; hours: Hours; permanences: PermanenceDay[] } | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [booking, setBooking] = useState<{ pro: Pro; startsAt: string; permanence: PermanenceDay | null } | null>(null);
  const [opened, setOpened] = useState<AppointmentOut | null>(null);
  const [honouring, setHonouring] = useState<AppointmentOut | null>(null);
  const [reminders, setReminders] = useState(false);
  /** What gets the focus once the grid has reloaded: an appointment, else the heading. */
  const focusNext = useRef<number | 'heading' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const weekStart = mondayOf(day);
  const weekDays = data ? [5, 6].filter((i) => (data.hours.week[i] ?? []).length > 0).length : 0;
  const from = view === 'week' ? weekStart : day;
  const days = view === 'week' ? 5 + weekDays : 1;
  const asked = `${ids.join(',')}|${from}|${view}|${version}`;
  const busy = loadedFor !== asked;

  useEffect(() => {
    if (ids.length === 0) return;
    let current = true;
    void call('rdv:grid', { professionalIds: ids.map(Number), from, days: view === 'week' ? 7 : 1 }).then((r) => {
      if (!current) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error.message);
      setLoadedFor(asked);
    });
    return () => {
      current = false;
    };
  }, [asked]); // eslint-disable-line react-hooks/exhaustive-deps

  // After an action, the focus goes to the appointment it changed (or to the heading).
  useEffect(() => {
    if (busy || focusNext.current === null) return;
    const target = focusNext.current;
    focusNext.current = null;
    const el = typeof target === 'number' ? document.querySelector<HTMLElement>(`[data-appointment="${target}"]`) : null;
    (el ?? headingRef.current)?.focus();
  }, [busy]);

  const proOf = (id: string | number) => pros.find((p) => String(p.id) === String(id));
  const now = nowMinute();
  const columns: Column[] = [];
  if (data) {
    if (view === 'week' && weekId && proOf(weekId)) {
      for (let i = 0; i < days; i++) {
        const d = addDaysIso(weekStart, i);
        columns.push({ key: d, day: d, title: dayName(d, lang), professional: proOf(weekId)!, appointments: data.appointments.filter((a) => a.startsAt.startsWith(d)), permanences: data.permanences.filter((p) => p.day === d) });
      }
    } else if (view === 'day') {
      for (const id of shownIds) {
        const p = proOf(id);
        if (p) {
          columns.push({
            key: id,
            day,
            title: p.displayName,
            professional: p,
            appointments: data.appointments.filter((a) => a.startsAt.startsWith(day) && String(a.professional.id) === id),
            permanences: data.permanences.filter((x) => x.day === day && String(x.professionalId) === id),
          });
        }
      }
    }
  }
  const cancelled = columns.flatMap((c) => c.appointments.filter((a) => a.status === 'annule'));
  const closedToday = data && view === 'day' && openOn(data.hours, day).length === 0 && data.permanences.length === 0;

  const done = (message: string, focus: number | 'heading', goTo?: string) => {
    setNotice(message);
    setError(null);
    focusNext.current = focus;
    if (goTo) setDay(goTo);
    setVersion((v) => v + 1);
  };

  /** Dragged onto a free slot: moved there (same length; the permanence's place when dropped into one), or told why not. */
  const dropOn = async (id: number, c: Column, startsAt: string, permanence: PermanenceDay | null) => {
    const a = data?.appointments.find((x) => x.id === id);
    if (!a) return;
    const minutes = Math.round((Date.parse(`${a.endsAt}:00Z`) - Date.parse(`${a.startsAt}:00Z`)) / 60000);
    const place = permanence ? t('agenda.permanencePlace', { place: permanence.place, address: [permanence.address, permanence.communeName].filter(Boolean).join(', ') }) : a.kind === 'permanence' ? t('intake.defaultPlace') : a.place;
    try {
      const moved = await must('rdv:move', { id, professionalId: c.professional.id, startsAt, durationMin: minutes, place });
      done(t('agenda.moved', { name: moved.person.name, when: `${dayName(moved.startsAt.slice(0, 10), lang)}, ${timeName(moved.startsAt, lang)}`, pro: moved.professional.displayName }), moved.id);
    } catch (e) {
      setNotice(null);
      setError(errorText(e));
    }
  };

  const heading =
    view === 'week'
      ? t('agenda.weekOf', { name: weekId ? (proOf(weekId)?.displayName ?? '') : '', date: isoToFr(weekStart) })
      : t('agenda.dayOfMany', { date: dayName(day, lang), count: shownIds.length });

  return (
    <>
      <PageHeader title={t('agenda.title')}>
        <Button variant="secondary" onPress={() => setReminders(true)}>
          {t('agenda.reminders')}
        </Button>
      </PageHeader>
      <div className="toolbar agenda-toolbar">
        <RadioList label={t('agenda.view')} value={view} onChange={setView} options={[{ value: 'day', label: t('agenda.daySideBySide') }, { value: 'week', label: t('agenda.week') }]} />
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
        {view === 'week' && options && (
          <SelectField label={t('agenda.professional')} value={weekId} onChange={setWeekPro} options={pros.map((p) => ({ id: String(p.id), label: p.displayName }))} />
        )}
        {view === 'day' && options && (
          <CheckboxList
            label={t('agenda.shown')}
            value={shownIds}
            onChange={(v) => setChosen(v.slice(0, 8))}
            options={pros.map((p) => ({ value: String(p.id), label: p.displayName, disabled: !shownIds.includes(String(p.id)) && shownIds.length >= 8 }))}
          />
        )}
      </div>
      <div aria-live="polite" className="agenda-live">
        {notice && <Alert kind="success">{notice}</Alert>}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="agenda-caption">
        <h2 className="agenda-heading" ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        <p className="muted" id="agenda-help">
          {t('agenda.gridHelp')}
        </p>
      </div>
      {ids.length === 0 ? (
        <p className="muted">{t('agenda.chooseSomeone')}</p>
      ) : busy && !data ? (
        <p className="muted" data-testid="agenda" aria-busy="true">
          {t('agenda.loading')}
        </p>
      ) : (
        data && (
          <>
            {closedToday && <Alert kind="info">{t('agenda.closedDay')}</Alert>}
            <TimeGrid columns={columns} hours={data.hours} now={now} busy={busy} describedBy="agenda-help" onSlot={(c, startsAt, permanence) => setBooking({ pro: c.professional, startsAt, permanence })} onOpen={setOpened} onDropOn={(id, c, startsAt, permanence) => void dropOn(id, c, startsAt, permanence)} />
          </>
        )
      )}
      {cancelled.length > 0 && (
        <section aria-labelledby="agenda-cancelled" className="agenda-cancelled">
          <h3 id="agenda-cancelled">{t('agenda.cancelledTitle', { count: cancelled.length })}</h3>
          <ul className="plain">
            {cancelled.map((a) => (
              <li key={a.id}>
                {dayName(a.startsAt.slice(0, 10), lang)}, {timeName(a.startsAt, lang)} — {a.person.name} — {a.professional.displayName} — {a.cancelReason ? t(`agenda.cancelReasons.${a.cancelReason}`) : t('labels.annule')}
                {a.cancelNote && ` (${a.cancelNote})`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {booking && (
        <BookDialog
          professional={booking.pro}
          startsAt={booking.startsAt}
          permanence={booking.permanence}
          onClose={() => setBooking(null)}
          onBooked={(a) => {
            setBooking(null);
            done(t('agenda.booked', { name: a.person.name, date: dayName(a.startsAt.slice(0, 10), lang), time: timeName(a.startsAt, lang), pro: a.professional.displayName }), a.id);
          }}
        />
      )}
      {opened && (
        <AppointmentDialog
          appointment={opened}
          session={session}
          professionals={pros}
          onClose={() => setOpened(null)}
          onHonour={() => {
            setHonouring(opened);
            setOpened(null);
          }}
          onChanged={(a, what) => {
            setOpened(null);
            const when = `${dayName(a.startsAt.slice(0, 10), lang)}, ${timeName(a.startsAt, lang)}`;
            if (what === 'moved') {
              // The moved appointment is shown where it now is: its day, its professional among the agendas shown.
              if (view === 'day' && !shownIds.includes(String(a.professional.id))) setChosen([...shownIds, String(a.professional.id)].slice(-8));
              if (view === 'week') setWeekPro(String(a.professional.id));
              done(t('agenda.moved', { name: a.person.name, when, pro: a.professional.displayName }), a.id, a.startsAt.slice(0, 10));
            } else if (what === 'cancelled') done(t('agenda.cancelledNotice', { name: a.person.name, when }), 'heading');
            else done(t('agenda.statusSet', { status: t(`labels.${a.status}`), name: a.person.name }), a.id);
          }}
          onNotice={setNotice}
        />
      )}
      {honouring && (
        <HonourDialog
          appointment={honouring}
          onClose={() => setHonouring(null)}
          onDone={() => {
            const a = honouring;
            setHonouring(null);
            done(t('agenda.statusSet', { status: t('labels.honore'), name: a.person.name }), a.id);
          }}
        />
      )}
      {reminders && <RemindersDialog onClose={() => setReminders(false)} hours={data?.hours ?? null} />}
    </>
  );
}
