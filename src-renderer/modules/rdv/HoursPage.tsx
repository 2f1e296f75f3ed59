/**
 * The site's opening hours and closed days (DOMAIN §7: settings, not code), set by the
 * administrator: the agenda shades what is closed, the next free slot keeps to the hours,
 * and no appointment can be booked on a closed day. Below, the permanences.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Alert, Button, ErrorSummary, PageHeader, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate } from '../../ui/format';
import type { Hours } from './grid';
import { PermanencesSection } from './PermanencesSection';

const DAYS = [0, 1, 2, 3, 4, 5, 6];
const show = (r: Hours['week'][number]) => r.map((x) => `${x.from}-${x.to}`).join(', ');
/** `08:30-12:30, 13:30-17:30` (or `8h30 - 12h30`) → ranges; null when not understood. */
function parseRanges(s: string): Hours['week'][number] | null {
  const parts = s.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  const hm = (x: string) => {
    const m = /^(\d{1,2})\s*[h:]\s*(\d{2})?$/i.exec(x.trim());
    return m ? `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}` : null;
  };
  const out: Hours['week'][number] = [];
  for (const p of parts) {
    const [a, b, extra] = p.split(/\s*[-–à]\s*/);
    const from = a ? hm(a) : null;
    const to = b ? hm(b) : null;
    if (!from || !to || extra !== undefined) return null;
    out.push({ from, to });
  }
  return out;
}

/** Each day's field answers for its ranges in the contract (`week.2.0.from`…). */
const FIELD_PATHS: Record<string, string[]> = {
  ...Object.fromEntries(
    [0, 1, 2, 3, 4, 5, 6].map((i) => [`day-${i}`, [`day-${i}`, `week.${i}`, ...[0, 1, 2, 3].flatMap((r) => [`week.${i}.${r}`, `week.${i}.${r}.from`, `week.${i}.${r}.to`])]]),
  ),
  newDay: ['newDay'],
};

export function HoursPage() {
  const { t } = useTranslation();
  const [week, setWeek] = useState<string[] | null>(null);
  const [closed, setClosed] = useState<Hours['closed']>([]);
  const [newDay, setNewDay] = useState('');
  const [newLabel, setNewLabel] = useState('');
  const errors = useFormErrors(FIELD_PATHS);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void must('rdv:hours', {}).then((h) => {
      setWeek(h.week.map(show));
      setClosed(h.closed);
    });
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!week) return;
    const parsed = week.map(parseRanges);
    const problems: Record<string, string> = {};
    parsed.forEach((p, i) => {
      if (p === null) problems[`day-${i}`] = t('agenda.hours.badRanges', { day: t(`agenda.hours.days.${i}`) });
    });
    if (!errors.check(problems)) return;
    try {
      const h = await must('rdv:saveHours', { week: parsed as Hours['week'], closed });
      setWeek(h.week.map(show));
      setClosed(h.closed);
      errors.clear();
      setNotice(t('agenda.hours.saved'));
    } catch (err) {
      setNotice(null);
      errors.fail(err);
    }
  };
  const addClosed = () => {
    const d = parseFrDate(newDay);
    if (!errors.check(d ? {} : { newDay: t('agenda.badDate') }) || !d) return;
    setClosed([...closed.filter((c) => c.day !== d), { day: d, label: newLabel.trim() }].sort((a, b) => a.day.localeCompare(b.day)));
    setNewDay('');
    setNewLabel('');
    errors.clear();
    setNotice(t('agenda.hours.closedAdded', { date: isoToFr(d) }));
  };

  return (
    <>
      <PageHeader title={t('agenda.hours.title')} />
      <p className="lead">{t('agenda.hours.lead')}</p>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      {week && (
        <Form onSubmit={(e) => void save(e)} validationBehavior="aria" className="hours-form">
          <fieldset>
            <legend>{t('agenda.hours.week')}</legend>
            <p className="muted">{t('agenda.hours.rangesHint')}</p>
            <div className="hours-week">
              {DAYS.map((i) => (
                <TextInput
                  key={i}
                  label={t(`agenda.hours.days.${i}`)}
                  name={`day-${i}`}
                  value={week[i] ?? ''}
                  onChange={(v) => setWeek(week.map((w, j) => (j === i ? v : w)))}
                  placeholder={t('agenda.hours.closedPlaceholder')}
                  error={errors.of(`day-${i}`)}
                />
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('agenda.hours.closedDays')}</legend>
            {closed.length === 0 ? (
              <p className="muted">{t('agenda.hours.noClosed')}</p>
            ) : (
              <ul className="plain">
                {closed.map((c) => (
                  <li key={c.day}>
                    {isoToFr(c.day)}
                    {c.label && ` — ${c.label}`}{' '}
                    <Button variant="quiet" onPress={() => (setClosed(closed.filter((x) => x.day !== c.day)), setNotice(t('agenda.hours.closedRemoved', { date: isoToFr(c.day) })))}>
                      {t('agenda.hours.remove', { date: isoToFr(c.day) })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <div className="grid-2">
              <TextInput label={t('agenda.hours.closedDay')} name="newDay" value={newDay} onChange={setNewDay} placeholder={t('person.datePlaceholder')} format="date" error={errors.of('newDay')} />
              <TextInput label={t('agenda.hours.closedLabel')} name="newLabel" value={newLabel} onChange={setNewLabel} />
            </div>
            <Button onPress={addClosed}>{t('agenda.hours.addClosed')}</Button>
          </fieldset>
          <ErrorSummary errors={errors.errors} />
          <div className="actions">
            <Button type="submit" variant="primary">
              {t('agenda.hours.save')}
            </Button>
          </div>
        </Form>
      )}
      <PermanencesSection />
    </>
  );
}
