/**
 * The CCAPEX's sessions (DOMAIN §6): the list, latest first, and one session with its date,
 * place, members and agenda. The agenda names only the cases the reader may open; the others
 * are counted (« 1 autre situation »). A dialog creates or edits a session.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must, type Output } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Alert, Button, CheckboxList, DialogActions, DialogBox, ErrorSummary, PageHeader, TextInput } from '../../ui/components';
import { formatDateTime, isoToFr, parseFrDate } from '../../ui/format';
import { useResource } from '../../ui/useResource';

type Session = Output<'expulsions:ccapexGet'>;
type Summary = Output<'expulsions:ccapexList'>['sessions'][number];
type Staff = Output<'expulsions:ccapexList'>['staff'];

const membersText = (s: Summary) => s.members.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)).join(', ');

export function SessionsPage({ mayWrite }: { mayWrite: boolean }) {
  const { t } = useTranslation();
  const res = useResource(() => must('expulsions:ccapexList', {}));
  const list = { data: res.data?.sessions, error: res.error };
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title={t('expulsions.sessions.title')}>
        <a className="btn btn-secondary" href="#/expulsions">
          {t('expulsions.sessions.back')}
        </a>
        {mayWrite && (
          <Button variant="primary" onPress={() => setCreating(true)}>
            {t('expulsions.sessions.create')}
          </Button>
        )}
      </PageHeader>
      {list.error && <Alert kind="error">{list.error}</Alert>}
      {list.data && list.data.length === 0 && <p className="muted">{t('expulsions.sessions.none')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table exp-table">
          <caption className="visually-hidden">{t('expulsions.sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('expulsions.sessions.heldOn')}</th>
              <th scope="col">{t('expulsions.sessions.place')}</th>
              <th scope="col">{t('expulsions.sessions.members')}</th>
              <th scope="col" className="num">
                {t('expulsions.sessions.cases')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`#/expulsions/ccapex/${s.id}`}>{isoToFr(s.heldOn)}</a>
                </td>
                <td>{s.place || '—'}</td>
                <td>{membersText(s) || '—'}</td>
                <td className="num">
                  {t('expulsions.sessions.casesValue', { count: s.cases })}
                  {s.others > 0 && ` · ${t('expulsions.sessions.others', { count: s.others })}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && (
        <SessionDialog
          current={null}
          staff={res.data?.staff ?? []}
          onClose={() => setCreating(false)}
          onSaved={(s) => {
            setCreating(false);
            window.location.hash = `#/expulsions/ccapex/${s.id}`;
          }}
        />
      )}
    </>
  );
}

export function SessionPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const res = useResource(() => must('expulsions:ccapexGet', { id }));
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const s = res.data;
  if (!s) return res.error ? <Alert kind="error">{res.error}</Alert> : <p>{t('common.loading')}</p>;
  return (
    <>
      <PageHeader title={t('expulsions.sessions.sessionTitle', { date: isoToFr(s.heldOn) })}>
        <a className="btn btn-secondary" href="#/expulsions/ccapex">
          {t('expulsions.sessions.backToList')}
        </a>
        {s.canWrite && <Button onPress={() => setEditing(true)}>{t('expulsions.sessions.edit')}</Button>}
      </PageHeader>
      <div className="sur-live" role="status" aria-live="polite">
        {notice && <p className="alert alert-success">{notice}</p>}
      </div>
      <dl className="sur-header exp-header">
        <div>
          <dt>{t('expulsions.sessions.place')}</dt>
          <dd>{s.place || '—'}</dd>
        </div>
        <div>
          <dt>{t('expulsions.sessions.members')}</dt>
          <dd>{membersText(s) || '—'}</dd>
        </div>
        <div>
          <dt>{t('expulsions.sessions.professionals')}</dt>
          <dd>{s.professionals.map((p) => p.displayName).join(', ') || '—'}</dd>
        </div>
      </dl>
      <section className="panel" aria-labelledby="exp-agenda-title">
        <h2 id="exp-agenda-title">{t('expulsions.sessions.agenda')}</h2>
        {s.agenda.length === 0 && s.others === 0 && <p className="muted">{t('expulsions.sessions.agendaEmpty')}</p>}
        {s.agenda.length > 0 && (
          <table className="table exp-table" data-testid="exp-agenda">
            <caption className="visually-hidden">{t('expulsions.sessions.agendaCaption', { date: isoToFr(s.heldOn) })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('expulsions.sessions.position')}
                </th>
                <th scope="col">{t('expulsions.list.household')}</th>
                <th scope="col">{t('expulsions.list.dsu')}</th>
                <th scope="col">{t('expulsions.referent')}</th>
                <th scope="col">{t('expulsions.stage')}</th>
                <th scope="col">{t('expulsions.sessions.note')}</th>
                <th scope="col">{t('expulsions.sessions.opinion')}</th>
              </tr>
            </thead>
            <tbody>
              {s.agenda.map((a) => (
                <tr key={a.caseId}>
                  <td className="num">{a.position}</td>
                  <td>
                    <a href={`#/expulsions/${a.caseId}/ccapex`}>{a.household}</a>
                  </td>
                  <td>{a.dsuNumber}</td>
                  <td>{a.referent}</td>
                  <td>{a.stage ? t(`expulsions.stages.${a.stage}`) : t('expulsions.noStage')}</td>
                  <td>{a.noteGeneratedAt ? formatDateTime(a.noteGeneratedAt) : <span className="muted">{t('expulsions.sessions.noNote')}</span>}</td>
                  <td>{a.opinion ? t(`expulsions.ccapex.avis.${a.opinion.avis}`) : <span className="muted">{t('expulsions.sessions.noOpinion')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {s.others > 0 && <p data-testid="exp-agenda-others">{t('expulsions.sessions.others', { count: s.others })}</p>}
        <p className="muted small">{t('expulsions.sessions.agendaHint')}</p>
      </section>
      {editing && (
        <SessionDialog
          current={s}
          staff={s.staff}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setNotice(t('expulsions.sessions.saved'));
            void res.reload();
          }}
        />
      )}
    </>
  );
}

interface MemberDraft {
  key: number;
  name: string;
  role: string;
}

function SessionDialog({ current, staff, onClose, onSaved }: { current: Session | null; staff: Staff; onClose: () => void; onSaved: (s: Session) => void }) {
  const { t } = useTranslation();
  const [heldOn, setHeldOn] = useState(current ? isoToFr(current.heldOn) : '');
  const [place, setPlace] = useState(current?.place ?? '');
  const [members, setMembers] = useState<MemberDraft[]>(() => (current?.members ?? []).map((m, i) => ({ key: i, name: m.name, role: m.role })));
  const [pros, setPros] = useState<string[]>(current ? current.professionals.map((p) => String(p.id)) : []);
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors(['heldOn', 'place', 'members', 'professionalIds']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = parseFrDate(heldOn);
    const local: Record<string, string> = {};
    if (!d) local.heldOn = t('expulsions.dateInvalid');
    const filled = members.filter((m) => m.name.trim() || m.role.trim());
    if (filled.some((m) => !m.name.trim())) local.members = t('expulsions.sessions.memberNameMissing');
    if (!errs.check(local) || !d) return;
    setBusy(true);
    try {
      onSaved(await must('expulsions:ccapexSave', { id: current?.id ?? null, heldOn: d, place, members: filled.map((m) => ({ name: m.name, role: m.role })), professionalIds: pros.map(Number) }));
    } catch (err) {
      errs.fail(err);
    } finally {
      setBusy(false);
    }
  };
  const set = (key: number, patch: Partial<MemberDraft>) => setMembers((ms) => ms.map((m) => (m.key === key ? { ...m, ...patch } : m)));
  return (
    <DialogBox title={t(current ? 'expulsions.sessions.editTitle' : 'expulsions.sessions.createTitle')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="exp-session-form">
        <ErrorSummary errors={errs.errors} />
        <div className="form-row">
          <TextInput label={t('expulsions.sessions.heldOn')} name="heldOn" value={heldOn} onChange={setHeldOn} format="date" isRequired error={errs.of('heldOn')} autoFocus />
          <TextInput label={t('expulsions.sessions.place')} name="place" value={place} onChange={setPlace} error={errs.of('place')} />
        </div>
        <fieldset className="exp-members">
          <legend>{t('expulsions.sessions.members')}</legend>
          {errs.of('members') && <p className="field-error exp-members-error">{errs.of('members')}</p>}
          {members.map((m, i) => (
            <div className="form-row" key={m.key}>
              <TextInput label={t('expulsions.sessions.memberName', { n: i + 1 })} name={`memberName-${i}`} value={m.name} onChange={(v) => set(m.key, { name: v })} />
              <TextInput label={t('expulsions.sessions.memberRole', { n: i + 1 })} name={`memberRole-${i}`} value={m.role} onChange={(v) => set(m.key, { role: v })} />
              <Button variant="quiet" onPress={() => setMembers((ms) => ms.filter((x) => x.key !== m.key))}>
                {t('expulsions.sessions.removeMember', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <Button onPress={() => setMembers((ms) => [...ms, { key: Math.max(0, ...ms.map((x) => x.key + 1)), name: '', role: '' }])}>{t('expulsions.sessions.addMember')}</Button>
        </fieldset>
        <CheckboxList label={t('expulsions.sessions.professionals')} value={pros} onChange={setPros} error={errs.of('professionalIds')} options={staff.map((u) => ({ value: String(u.id), label: u.displayName }))} />
        <DialogActions submitLabel={t(current ? 'common.save' : 'expulsions.sessions.createSubmit')} busy={busy} />
      </Form>
    </DialogBox>
  );
}
