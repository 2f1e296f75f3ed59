/**
 * Attendance (DOMAIN §11): one form per session held — for each named participant « présent·e »,
 * « absent·e » or « excusé·e » (radio buttons, arrows to choose), and the number of people who
 * came without being named. Sessions to come are listed without a form.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Alert, Button, ErrorSummary, RadioList, TextInput } from '../../ui/components';
import { isoToFr, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { MARKS } from '../../../src-main/modules/collectif/kinds';
import type { ActionOut, ParticipantsOut, SectionProps } from './types';

type Mark = (typeof MARKS)[number];

export function AttendanceSection({ action, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const list = useResource(() => must('collectif:participants', { actionId: action.id }));
  const now = today();
  if (action.sessions.length === 0) {
    return (
      <section className="panel">
        <p className="muted">{t('collectif.attendance.noSession')}</p>
      </section>
    );
  }
  return (
    <>
      {list.error && <Alert kind="error">{list.error}</Alert>}
      {list.data &&
        action.sessions.map((s, i) =>
          s.date > now ? (
            <section key={s.id} className="panel" aria-labelledby={`col-att-${s.id}`}>
              <h2 id={`col-att-${s.id}`}>{t('collectif.attendance.sessionTitle', { n: i + 1, date: isoToFr(s.date), time: s.starts, place: s.place })}</h2>
              <p className="muted">{t('collectif.attendance.toCome')}</p>
            </section>
          ) : (
            <SessionAttendance
              key={`${s.id}-${s.anonymousCount}-${JSON.stringify(list.data!.participants.map((p) => p.marks[String(s.id)] ?? ''))}`}
              n={i + 1}
              session={s}
              participants={list.data!.participants}
              onSaved={(m) => {
                void list.reload();
                onChanged(m);
              }}
            />
          ),
        )}
    </>
  );
}

function SessionAttendance({ n, session, participants, onSaved }: { n: number; session: ActionOut['sessions'][number]; participants: ParticipantsOut['participants']; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const [marks, setMarks] = useState<Record<number, Mark | null>>(() => Object.fromEntries(participants.map((p) => [p.id, p.marks[String(session.id)] ?? null])));
  const [anonymous, setAnonymous] = useState(String(session.anonymousCount));
  const [busy, setBusy] = useState(false);
  const form = useFormErrors({ anonymousCount: ['anonymousCount'], marks: ['marks'] });
  const title = t('collectif.attendance.sessionTitle', { n, date: isoToFr(session.date), time: session.starts, place: session.place });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const count = Number(anonymous.trim() === '' ? '0' : anonymous);
    if (!form.check(Number.isInteger(count) && count >= 0 ? {} : { anonymousCount: t('collectif.attendance.countInvalid') })) return;
    setBusy(true);
    form.clear();
    try {
      await must('collectif:attendance', {
        sessionId: session.id,
        anonymousCount: count,
        marks: Object.entries(marks).flatMap(([id, m]) => (m ? [{ participantId: Number(id), mark: m }] : [])),
      });
      onSaved(t('collectif.attendance.saved', { date: isoToFr(session.date) }));
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel col-attendance" aria-labelledby={`col-att-${session.id}`}>
      <h2 id={`col-att-${session.id}`}>{title}</h2>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" aria-labelledby={`col-att-${session.id}`}>
        {participants.length === 0 ? (
          <p className="muted">{t('collectif.attendance.noNamed')}</p>
        ) : (
          <div className="col-marks">
            {participants.map((p) => (
              <RadioList
                key={p.id}
                label={p.name}
                value={marks[p.id] ?? null}
                onChange={(v) => setMarks((m) => ({ ...m, [p.id]: v }))}
                options={MARKS.map((m) => ({ value: m, label: t(`collectif.marks.${m}`) }))}
              />
            ))}
          </div>
        )}
        <ErrorSummary errors={form.errors} />
        <div className="col-foot">
          <div className="col-anonymous">
            <TextInput label={t('collectif.attendance.anonymous')} name={`anonymous-${session.id}`} value={anonymous} onChange={setAnonymous} description={t('collectif.attendance.anonymousHint')} error={form.of('anonymousCount')} />
          </div>
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('collectif.attendance.save', { n })}
          </Button>
        </div>
      </Form>
    </section>
  );
}
