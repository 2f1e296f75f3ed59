/** The reminders of the next open day: who, when, with whom, the phone to call or text; printed (PDF) or downloaded (CSV). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-main/modules';
import { call, must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, DialogBox, TextInput } from '../../ui/components';
import { addDaysIso, formatPhone, isoToFr, parseFrDate, saveFile, today } from '../../ui/format';
import { dayName, openOn, timeName, type Hours } from './grid';

/** The day after today that the site is open (the next seven days looked at), else tomorrow. */
export function nextOpenDay(hours: Hours | null, from = today()): string {
  for (let i = 1; i <= 7 && hours; i++) {
    const d = addDaysIso(from, i);
    if (openOn(hours, d).length > 0) return d;
  }
  return addDaysIso(from, 1);
}

export function RemindersDialog({ hours, onClose }: { hours: Hours | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [date, setDate] = useState(isoToFr(nextOpenDay(hours)));
  const day = parseFrDate(date);
  const [rows, setRows] = useState<Output<'rdv:reminders'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!day) return;
    let current = true;
    void call('rdv:reminders', { day }).then((r) => {
      if (!current) return;
      if (r.ok) {
        setRows(r.value);
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      current = false;
    };
  }, [day]);

  const file = (format: 'pdf' | 'csv') => {
    if (!day) return;
    void must('rdv:remindersFile', { day, format }).then(
      (f) => {
        saveFile(f);
        setNotice(t(format === 'pdf' ? 'agenda.remindersPrinted' : 'agenda.remindersCsvDone', { file: f.fileName }));
      },
      (e: unknown) => setError(errorText(e)),
    );
  };

  return (
    <DialogBox title={t('agenda.remindersTitle')} isOpen onClose={onClose}>
      <div className="reminders">
        <TextInput label={t('agenda.remindersDay')} name="day" value={date} onChange={setDate} placeholder={t('person.datePlaceholder')} autoFocus error={date && !day ? t('agenda.badDate') : undefined} />
        <div aria-live="polite">
          {day && rows && <p>{t('agenda.remindersCount', { count: rows.length, date: dayName(day, lang) })}</p>}
          {notice && <Alert kind="success">{notice}</Alert>}
        </div>
        {error && <Alert kind="error">{error}</Alert>}
        {day && rows && rows.length > 0 && (
          <table className="table">
            <caption className="visually-hidden">{t('agenda.remindersCaption', { date: dayName(day, lang) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agenda.time')}</th>
                <th scope="col">{t('agenda.person')}</th>
                <th scope="col">{t('agenda.phone')}</th>
                <th scope="col">{t('agenda.with')}</th>
                <th scope="col">{t('intake.place')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {timeName(r.startsAt, lang)} – {timeName(r.endsAt, lang)}
                  </td>
                  <td>{r.name}</td>
                  <td>{r.phone ? <a href={`tel:${r.phone.replace(/\s/g, '')}`}>{formatPhone(r.phone)}</a> : <span className="muted">{t('agenda.noPhone')}</span>}</td>
                  <td>{r.professional}</td>
                  <td>{r.place}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="actions">
          <Button variant="secondary" slot="close">
            {t('agenda.close')}
          </Button>
          <Button onPress={() => file('csv')} isDisabled={!day}>
            {t('agenda.remindersCsv')}
          </Button>
          <Button variant="primary" onPress={() => file('pdf')} isDisabled={!day}>
            {t('agenda.remindersPdf')}
          </Button>
        </div>
      </div>
    </DialogBox>
  );
}
