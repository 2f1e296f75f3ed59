/** The action's sessions (DOMAIN §11): day, times, place, theme and what each gathered; add or change one. */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, DialogActions, DialogBox, ErrorSummary, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate } from '../../ui/format';
import type { ActionOut, SectionProps } from './types';

type SessionOut = ActionOut['sessions'][number];

export function SessionsSection({ action, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<SessionOut | 'new' | null>(null);
  return (
    <section className="panel" aria-labelledby="col-sessions-title">
      <div className="panel-header col-wrap">
        <h2 id="col-sessions-title">{t('collectif.sessions.title')}</h2>
        {action.canWrite && (
          <Button variant="primary" onPress={() => setEditing('new')}>
            {t('collectif.sessions.add')}
          </Button>
        )}
      </div>
      {action.sessions.length === 0 ? (
        <p className="muted">{t('collectif.sessions.none')}</p>
      ) : (
        <div className="table-scroll col-scroll">
          <table className="table col-sessions">
            <caption className="visually-hidden">{t('collectif.sessions.caption', { title: action.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('collectif.sessions.date')}</th>
                <th scope="col">{t('collectif.sessions.time')}</th>
                <th scope="col">{t('collectif.sessions.place')}</th>
                <th scope="col">{t('collectif.sessions.theme')}</th>
                <th scope="col">{t('collectif.sessions.gathered')}</th>
                {action.canWrite && (
                  <th scope="col">
                    <span className="visually-hidden">{t('collectif.sessions.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {action.sessions.map((s, i) => (
                <tr key={s.id}>
                  <td>{t('collectif.sessions.numbered', { n: i + 1, date: isoToFr(s.date) })}</td>
                  <td>
                    {s.starts}–{s.ends}
                  </td>
                  <td>{s.place}</td>
                  <td>{s.theme || <span className="muted">—</span>}</td>
                  <td>
                    {s.attendanceRecorded ? (
                      t('collectif.sessions.gatheredValue', { present: s.present, absent: s.absent, excused: s.excused, anonymous: s.anonymousCount })
                    ) : (
                      <span className="muted">{t('collectif.sessions.notRecorded')}</span>
                    )}
                  </td>
                  {action.canWrite && (
                    <td>
                      <Button variant="quiet" onPress={() => setEditing(s)} aria-label={t('collectif.sessions.edit', { date: isoToFr(s.date) })}>
                        {t('collectif.sessions.editShort')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <SessionDialog
          actionId={action.id}
          session={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            setEditing(null);
            onChanged(m);
          }}
        />
      )}
    </section>
  );
}

function SessionDialog({ actionId, session, onClose, onSaved }: { actionId: number; session: SessionOut | null; onClose: () => void; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(session ? isoToFr(session.date) : '');
  const [starts, setStarts] = useState(session?.starts ?? '');
  const [ends, setEnds] = useState(session?.ends ?? '');
  const [place, setPlace] = useState(session?.place ?? '');
  const [theme, setTheme] = useState(session?.theme ?? '');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(['date', 'starts', 'ends', 'place', 'theme']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const day = parseFrDate(date);
    if (!form.check(day ? {} : { date: t('collectif.form.dateInvalid') }) || !day) return;
    setBusy(true);
    form.clear();
    try {
      await must('collectif:saveSession', { actionId, sessionId: session?.id ?? null, date: day, starts, ends, place, theme });
      onSaved(t(session ? 'collectif.sessions.updated' : 'collectif.sessions.added', { date: isoToFr(day) }));
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogBox title={t(session ? 'collectif.sessions.editTitle' : 'collectif.sessions.addTitle')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <div className="grid-3">
          <TextInput label={t('collectif.sessions.date')} name="date" value={date} onChange={setDate} format="date" isRequired error={form.of('date')} />
          <TextInput label={t('collectif.sessions.starts')} name="starts" value={starts} onChange={setStarts} format="time" isRequired error={form.of('starts')} />
          <TextInput label={t('collectif.sessions.ends')} name="ends" value={ends} onChange={setEnds} format="time" isRequired error={form.of('ends')} />
        </div>
        <TextInput label={t('collectif.sessions.place')} name="place" value={place} onChange={setPlace} isRequired error={form.of('place')} />
        <TextInput label={t('collectif.sessions.theme')} name="theme" value={theme} onChange={setTheme} error={form.of('theme')} />
        <ErrorSummary errors={form.errors} />
        <DialogActions submitLabel={t('common.save')} busy={busy} />
      </Form>
    </DialogBox>
  );
}
