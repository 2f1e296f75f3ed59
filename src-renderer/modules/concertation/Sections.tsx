/**
 * The sections of a referral's page: the members and their signature of the charter, the
 * elements shared (only the kinds the purpose needs), the meeting (only members who signed
 * attend; a late meeting says so), the decisions (who does what by when), and the closing.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, CheckboxList, ConfirmDialog, DialogActions, DialogBox, ErrorSummary, RadioList, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate, today } from '../../ui/format';
import type { ELEMENT_KINDS } from '../../../src-main/modules/concertation/kinds';
import type { ReferralOut, SectionProps } from './types';

type Participant = ReferralOut['participants'][number];

export function MembersSection({ referral: r, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [signing, setSigning] = useState<Participant | null>(null);
  const [day, setDay] = useState(isoToFr(today()));
  return (
    <section className="panel" aria-labelledby="concertation-members-title">
      <div className="panel-header">
        <h2 id="concertation-members-title">{t('concertation.members.title', { count: r.participants.length })}</h2>
        {r.canWrite && <Button onPress={() => setAdding(true)}>{t('concertation.members.addAssociated')}</Button>}
      </div>
      {r.participants.length === 0 ? (
        <p className="muted">{t('concertation.members.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('concertation.members.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('concertation.members.name')}</th>
                <th scope="col">{t('concertation.members.kind')}</th>
                <th scope="col">{t('concertation.members.charter')}</th>
                <th scope="col">{t('concertation.members.attended')}</th>
              </tr>
            </thead>
            <tbody>
              {r.participants.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.name}
                    {p.organisation && <span className="muted small"> — {p.organisation}</span>}
                  </th>
                  <td>{t(`concertation.memberKinds.${p.kind}`)}</td>
                  <td>
                    {p.charterSignedOn ? (
                      t('concertation.members.signedOn', { date: isoToFr(p.charterSignedOn) })
                    ) : r.canWrite ? (
                      <Button variant="quiet" onPress={() => (setDay(isoToFr(today())), setSigning(p))} aria-label={t('concertation.members.signOf', { name: p.name })}>
                        {t('concertation.members.sign')}
                      </Button>
                    ) : (
                      <span className="warning-text">{t('concertation.members.notSigned')}</span>
                    )}
                  </td>
                  <td>{r.heldOn ? t(p.attended ? 'concertation.members.present' : 'concertation.members.absent') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && <AssociateDialog referral={r} onClose={() => setAdding(false)} onSaved={(m) => (setAdding(false), onChanged(m))} />}
      {signing && (
        <ConfirmDialog
          title={t('concertation.members.signTitle', { name: signing.name })}
          confirmLabel={t('concertation.members.signConfirm')}
          onClose={() => setSigning(null)}
          fields={['signedOn']}
          onConfirm={async () => {
            const d = parseFrDate(day);
            if (!d) throw new ApiError('invalid_input', t('concertation.dateInvalid'), 'signedOn');
            await must('concertation:signCharter', { referralId: r.id, participantId: signing.id, signedOn: d });
            setSigning(null);
            onChanged(t('concertation.members.signed', { name: signing.name }));
          }}
        >
          {(errorOf) => (
            <>
              <p>{t('concertation.members.signLead')}</p>
              <TextInput label={t('concertation.members.signDate')} name="signedOn" value={day} onChange={setDay} format="date" isRequired error={errorOf('signedOn')} />
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}

function AssociateDialog({ referral: r, onClose, onSaved }: { referral: ReferralOut; onClose: () => void; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<'partner' | 'free'>(r.partners.length > 0 ? 'partner' : 'free');
  const [partner, setPartner] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const errors = useFormErrors(['partnerId', 'name', 'organisation']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!errors.check(source === 'partner' && !partner ? { partnerId: t('concertation.members.choosePartner') } : {})) return;
    try {
      await must('concertation:addMember', { referralId: r.id, partnerId: source === 'partner' ? Number(partner) : null, name, organisation: source === 'free' ? organisation : '' });
      onSaved(t('concertation.members.added', { name: name.trim() }));
    } catch (err) {
      errors.fail(err);
    }
  };
  return (
    <DialogBox title={t('concertation.members.addAssociated')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <TextInput label={t('concertation.members.name')} name="name" value={name} onChange={setName} isRequired error={errors.of('name')} />
        <RadioList
          label={t('concertation.members.source')}
          value={source}
          onChange={setSource}
          options={[
            { value: 'partner', label: t('concertation.members.fromDirectory') },
            { value: 'free', label: t('concertation.members.typed') },
          ]}
        />
        {source === 'partner' ? (
          <SelectField label={t('concertation.members.organisation')} value={partner} onChange={setPartner} isRequired error={errors.of('partnerId')} options={r.partners.map((p) => ({ id: String(p.id), label: p.name }))} />
        ) : (
          <TextInput label={t('concertation.members.organisation')} name="organisation" value={organisation} onChange={setOrganisation} error={errors.of('organisation')} />
        )}
        <ErrorSummary errors={errors.errors} />
        <DialogActions submitLabel={t('common.add')} />
      </Form>
    </DialogBox>
  );
}

export function ElementsSection({ referral: r, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [kind, setKind] = useState<string | null>(r.elementKinds[0] ?? null);
  const [content, setContent] = useState('');
  const [sharedBy, setSharedBy] = useState('');
  const errors = useFormErrors(['kind', 'content', 'sharedBy']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await must('concertation:addElement', { referralId: r.id, kind: (kind ?? '') as (typeof ELEMENT_KINDS)[number], content, sharedBy });
      setAdding(false);
      setContent('');
      setSharedBy('');
      onChanged(t('concertation.elements.added'));
    } catch (err) {
      errors.fail(err);
    }
  };
  return (
    <section className="panel" aria-labelledby="concertation-elements-title">
      <div className="panel-header">
        <h2 id="concertation-elements-title">{t('concertation.elements.title', { count: r.elements.length })}</h2>
        {r.canWrite && r.consent.usable && <Button onPress={() => (errors.clear(), setAdding(true))}>{t('concertation.elements.add')}</Button>}
      </div>
      <p className="muted small">{t('concertation.elements.lead', { kinds: r.elementKinds.map((k) => t(`concertation.elementKinds.${k}`).toLowerCase()).join(', ') })}</p>
      {r.elements.length === 0 ? (
        <p className="muted">{t('concertation.elements.none')}</p>
      ) : (
        <ul className="plain concertation-list">
          {r.elements.map((e) => (
            <li key={e.id}>
              <strong>{t(`concertation.elementKinds.${e.kind}`)}</strong> — <span className="pre-line">{e.content}</span>
              {e.sharedBy && <span className="muted small"> ({t('concertation.elements.by', { by: e.sharedBy })})</span>}
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <DialogBox title={t('concertation.elements.add')} isOpen onClose={() => setAdding(false)}>
          <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
            <SelectField label={t('concertation.elements.kind')} value={kind} onChange={setKind} isRequired error={errors.of('kind')} options={r.elementKinds.map((k) => ({ id: k, label: t(`concertation.elementKinds.${k}`) }))} />
            <TextAreaInput label={t('concertation.elements.content')} name="content" value={content} onChange={setContent} isRequired rows={3} error={errors.of('content')} />
            <TextInput label={t('concertation.elements.sharedBy')} name="sharedBy" value={sharedBy} onChange={setSharedBy} error={errors.of('sharedBy')} />
            <ErrorSummary errors={errors.errors} />
            <DialogActions submitLabel={t('common.add')} />
          </Form>
        </DialogBox>
      )}
    </section>
  );
}

export function MeetingSection({ referral: r, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [day, setDay] = useState(r.heldOn ? isoToFr(r.heldOn) : isoToFr(today()));
  const [place, setPlace] = useState(r.place);
  const [attendees, setAttendees] = useState<string[]>(r.participants.filter((p) => p.attended).map((p) => String(p.id)));
  const [lateReason, setLateReason] = useState(r.lateReason);
  const errors = useFormErrors(['heldOn', 'place', 'attendees', 'lateReason']);
  const iso = parseFrDate(day);
  const late = iso !== null && iso > r.delays.meetingBy;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!errors.check(iso ? {} : { heldOn: t('concertation.dateInvalid') }) || !iso) return;
    try {
      const out = await must('concertation:recordMeeting', { referralId: r.id, heldOn: iso, place, attendees: attendees.map(Number), lateReason: late ? lateReason : '' });
      errors.clear();
      onChanged(t('concertation.meeting.recorded', { count: out.participants.filter((p) => p.attended).length }));
    } catch (err) {
      errors.fail(err);
    }
  };
  const editable = r.canWrite && r.status !== 'close';
  return (
    <section className="panel" aria-labelledby="concertation-meeting-title">
      <h2 id="concertation-meeting-title">{t('concertation.meeting.title')}</h2>
      {r.heldOn && (
        <p data-testid="concertation-held">
          {t('concertation.meeting.held', { date: isoToFr(r.heldOn), place: r.place, count: r.participants.filter((p) => p.attended).length })}
        </p>
      )}
      {editable && (
        <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" aria-labelledby="concertation-meeting-title">
          <div className="form-row">
            <TextInput label={t('concertation.meeting.date')} name="heldOn" value={day} onChange={setDay} format="date" isRequired description={t('concertation.meeting.dateHint', { date: isoToFr(r.delays.meetingBy) })} error={errors.of('heldOn')} />
            <TextInput label={t('concertation.meeting.place')} name="place" value={place} onChange={setPlace} isRequired error={errors.of('place')} />
          </div>
          {late && <p className="warning-text">{t('concertation.meeting.late', { date: isoToFr(r.delays.meetingBy) })}</p>}
          {late && <TextAreaInput label={t('concertation.meeting.lateReason')} name="lateReason" value={lateReason} onChange={setLateReason} rows={2} error={errors.of('lateReason')} />}
          <CheckboxList
            label={t('concertation.meeting.attendees')}
            value={attendees}
            onChange={setAttendees}
            isRequired
            error={errors.of('attendees')}
            options={r.participants.map((p) => ({
              value: String(p.id),
              label: p.organisation ? `${p.name} — ${p.organisation}` : p.name,
              disabled: p.charterSignedOn === null,
              ...(p.charterSignedOn === null ? { hint: t('concertation.meeting.unsigned') } : {}),
            }))}
          />
          <ErrorSummary errors={errors.errors} />
          <div className="actions-left">
            <Button type="submit" variant="primary">
              {t(r.heldOn ? 'concertation.meeting.update' : 'concertation.meeting.record')}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}

export function DecisionsSection({ referral: r, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState('');
  const [who, setWho] = useState('');
  const [due, setDue] = useState('');
  const errors = useFormErrors(['action', 'who', 'dueOn']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const dueOn = due.trim() === '' ? null : parseFrDate(due);
    if (!errors.check(due.trim() !== '' && !dueOn ? { dueOn: t('concertation.dateInvalid') } : {})) return;
    try {
      await must('concertation:addDecision', { referralId: r.id, action, who, dueOn });
      setAdding(false);
      setAction('');
      setWho('');
      setDue('');
      onChanged(t('concertation.decisions.added'));
    } catch (err) {
      errors.fail(err);
    }
  };
  return (
    <section className="panel" aria-labelledby="concertation-decisions-title">
      <div className="panel-header">
        <h2 id="concertation-decisions-title">{t('concertation.decisions.title', { count: r.decisions.length })}</h2>
        {r.canWrite && r.status === 'reunie' && <Button onPress={() => (errors.clear(), setAdding(true))}>{t('concertation.decisions.add')}</Button>}
      </div>
      {r.status === 'saisie' && <p className="muted small">{t('concertation.decisions.afterMeeting')}</p>}
      {r.decisions.length === 0 ? (
        <p className="muted">{t('concertation.decisions.none')}</p>
      ) : (
        <ul className="plain concertation-list">
          {r.decisions.map((d) => (
            <li key={d.id}>
              <strong>{d.action}</strong> — {d.who}
              {d.dueOn && <> — {t('concertation.decisions.dueOn', { date: isoToFr(d.dueOn) })}</>}
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <DialogBox title={t('concertation.decisions.add')} isOpen onClose={() => setAdding(false)}>
          <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
            <TextAreaInput label={t('concertation.decisions.action')} name="action" value={action} onChange={setAction} isRequired rows={2} error={errors.of('action')} />
            <TextInput label={t('concertation.decisions.who')} name="who" value={who} onChange={setWho} isRequired error={errors.of('who')} />
            <TextInput label={t('concertation.decisions.due')} name="dueOn" value={due} onChange={setDue} format="date" error={errors.of('dueOn')} />
            <ErrorSummary errors={errors.errors} />
            <DialogActions submitLabel={t('common.add')} />
          </Form>
        </DialogBox>
      )}
    </section>
  );
}

export function CloseSection({ referral: r, onChanged }: SectionProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (r.status === 'close') {
    return (
      <section className="panel" aria-labelledby="concertation-close-title">
        <h2 id="concertation-close-title">{t('concertation.close.title')}</h2>
        <p data-testid="concertation-closed">
          {t('concertation.close.done', { date: isoToFr(r.closedAt) })} <a href={`#/dsu/${r.dsu.id}/journal`}>{t('concertation.close.seeJournal')}</a>
        </p>
      </section>
    );
  }
  if (!r.canWrite) return null;
  return (
    <section className="panel" aria-labelledby="concertation-close-title">
      <h2 id="concertation-close-title">{t('concertation.close.title')}</h2>
      <p>{t('concertation.close.lead')}</p>
      <Button variant="primary" onPress={() => setConfirming(true)}>
        {t('concertation.close.action')}
      </Button>
      {confirming && (
        <ConfirmDialog
          title={t('concertation.close.confirmTitle')}
          confirmLabel={t('concertation.close.confirm')}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await must('concertation:close', { referralId: r.id });
            setConfirming(false);
            onChanged(t('concertation.close.closed'));
          }}
        >
          <p>{t('concertation.close.confirmLead', { count: r.decisions.length })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
