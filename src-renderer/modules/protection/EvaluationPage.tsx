/**
 * One evaluation (DOMAIN §10): a compact header (kind, persons, team, due date with the days
 * left, state), then its sections — Informations · Journal · Rapport · Propositions · Envoi.
 * The open section is in the address (`#/protection/12/rapport`). Every action's outcome is
 * said in the page's live region and the evaluation is read again.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, CheckboxList, ErrorSummary, PageHeader, RadioList, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate, saveFile, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { DANGER_KINDS, DANGER_LEVELS, DOMAINS, ENTRY_TYPES, INFORMED_HOW, PROPOSALS } from '../../../src-main/modules/protection/kinds';
import { DueText } from './DueText';
import type { EvaluationOut } from './types';
import { useRouteTab } from '../../app/useRouteTab';
import { NotLoaded, RecordFacts, RecordStatus, RecordTabs } from '../../ui/RecordParts';

export const SECTIONS = ['informations', 'journal', 'rapport', 'propositions', 'envoi'] as const;
type Changed = (message: string) => void;

export function EvaluationPage({ id, section: inRoute, session }: { id: number; section?: string | undefined; session: SessionInfo }) {
  const { t } = useTranslation();
  const ev = useResource(() => must('protection:get', { id }));
  const [section, showTab] = useRouteTab(SECTIONS, inRoute, `#/protection/${id}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const e = ev.data;
  if (!e) return <NotLoaded error={ev.error} />;
  const select = (k: string) => {
    showTab(k);
    setNotice(null);
  };
  const changed: Changed = (message) => {
    setError(null);
    void ev.reload().then(() => setNotice(message));
  };
  const download = async (what: 'pdf' | 'csv' | 'xlsx') => {
    try {
      saveFile(what === 'pdf' ? await must('protection:report', { id }) : await must('protection:sheet', { id, format: what }));
      setNotice(t(`protection.send.saved.${what}`));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const open = e.status !== 'annonce';
  const responsable = session.user.roles.includes('responsable');
  return (
    <>
      <PageHeader title={t('protection.title', { kind: t(`protection.kinds.${e.kind}`), persons: e.label })}>
        <a className="btn btn-secondary" href="#/protection">
          {t('protection.backToList')}
        </a>
      </PageHeader>
      <RecordFacts
        className="prot-header"
        facts={[
          { term: t('protection.kind'), value: `${t(`protection.kinds.${e.kind}`)}${e.cellReference ? ` — ${e.cellReference}` : ''}` },
          {
            term: t('protection.persons'),
            value: e.persons.map((p) => `${p.name}${p.age !== null ? ` (${t('protection.age', { count: p.age })})` : ''}${p.role === 'autre_mineur' ? ` — ${t('protection.otherMinor')}` : ''}`).join(' ; '),
          },
          { term: t('protection.team'), value: e.members.map((m) => `${m.name}${m.role ? ` (${m.role})` : ''}`).join(', ') },
          { term: t('protection.receivedOn'), value: isoToFr(e.receivedOn) },
          { term: t('protection.due'), value: <DueText due={e.due} done={e.sentOn !== null} />, testId: 'prot-due' },
          { term: t('protection.status'), value: t(`protection.statuses.${e.status}`) },
        ]}
      />
      <RecordStatus info={!open && t('protection.closed', { date: isoToFr(e.announcedOn) })} notice={notice} error={error} />
      <RecordTabs
        label={t('protection.sectionsLabel')}
        tabs={SECTIONS}
        title={(k) => t(`protection.sections.${k}`)}
        selected={section}
        onSelect={select}
        panels={{
          informations: <Informations e={e} open={open} onChanged={changed} />,
          journal: <Journal e={e} open={open} onChanged={changed} />,
          rapport: <Report e={e} open={open} part="rapport" onChanged={changed} />,
          propositions: <Report e={e} open={open} part="propositions" onChanged={changed} />,
          envoi: <Sending e={e} open={open} responsable={responsable} onChanged={changed} onDownload={(w) => void download(w)} />,
        }}
      />
    </>
  );
}

function Informations({ e, open, onChanged }: { e: EvaluationOut; open: boolean; onChanged: Changed }) {
  const { t } = useTranslation();
  const [informed, setInformed] = useState(e.informedOn ? 'oui' : e.notInformedReason ? 'non' : null);
  const [on, setOn] = useState(e.informedOn ? isoToFr(e.informedOn) : '');
  const [how, setHow] = useState<string | null>(e.informedHow);
  const [reason, setReason] = useState(e.notInformedReason);
  const errors = useFormErrors(['informedOn', 'informedHow', 'notInformedReason']);
  const who = e.kind === 'ip' ? 'parents' : 'person';
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const day = informed === 'oui' ? parseFrDate(on) : null;
    if (informed === 'oui' && !day && !errors.check({ informedOn: t('protection.dateInvalid') })) return;
    try {
      await must('protection:setParents', { id: e.id, informedOn: day, informedHow: informed === 'oui' ? (how as (typeof INFORMED_HOW)[number] | null) : null, notInformedReason: informed === 'non' ? reason : '' });
      errors.clear();
      onChanged(t(`protection.informed.saved.${who}`));
    } catch (err) {
      errors.fail(err);
    }
  };
  return (
    <>
      <section className="panel" aria-labelledby="prot-info-title">
        <h2 id="prot-info-title">{t('protection.sections.informations')}</h2>
        <dl className="prot-facts">
          <dt>{t('protection.origin')}</dt>
          <dd>{t(`protection.origins.${e.origin}`)}</dd>
          <dt>{t('protection.dueRule')}</dt>
          <dd>{e.due ? `${e.due.rule} (${e.due.article})` : t('protection.noDue')}</dd>
          {e.facts && (
            <>
              <dt>{t('protection.facts')}</dt>
              <dd className="prewrap">{e.facts}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="panel" aria-labelledby="prot-parents-title">
        <h2 id="prot-parents-title">{t(`protection.informed.title.${who}`)}</h2>
        {open ? (
          <Form onSubmit={(ev) => void submit(ev)} validationBehavior="aria">
            <ErrorSummary errors={errors.errors} />
            <RadioList
              label={t(`protection.informed.question.${who}`)}
              value={informed}
              onChange={setInformed}
              options={[
                { value: 'oui', label: t('protection.informed.yes') },
                { value: 'non', label: t(`protection.informed.no.${who}`) },
              ]}
            />
            {informed === 'oui' && (
              <div className="form-row">
                <TextInput label={t('protection.informed.on')} name="informedOn" value={on} onChange={setOn} format="date" isRequired error={errors.of('informedOn')} />
                <SelectField label={t('protection.informed.how')} value={how} onChange={setHow} isRequired error={errors.of('informedHow')} options={INFORMED_HOW.map((h) => ({ id: h, label: t(`protection.informedHow.${h}`) }))} />
              </div>
            )}
            {informed === 'non' && <TextAreaInput label={t('protection.informed.reason')} name="notInformedReason" value={reason} onChange={setReason} isRequired rows={3} error={errors.of('notInformedReason')} />}
            {informed && (
              <div className="actions-left">
                <Button type="submit" variant="primary">
                  {t('common.save')}
                </Button>
              </div>
            )}
          </Form>
        ) : (
          <p>{e.informedOn ? t('protection.informed.done', { date: isoToFr(e.informedOn), how: e.informedHow ? t(`protection.informedHow.${e.informedHow}`) : '' }) : e.notInformedReason}</p>
        )}
      </section>
    </>
  );
}

function Journal({ e, open, onChanged }: { e: EvaluationOut; open: boolean; onChanged: Changed }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(isoToFr(today()));
  const [type, setType] = useState<string | null>('entretien_bureau');
  const [summary, setSummary] = useState('');
  const errors = useFormErrors(['occurredOn', 'type', 'summary']);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const day = parseFrDate(on);
    const local: Record<string, string> = {};
    if (!day) local.occurredOn = t('protection.dateInvalid');
    if (!summary.trim()) local.summary = t('protection.journal.summaryMissing');
    if (!errors.check(local)) return;
    try {
      await must('protection:addEntry', { evaluationId: e.id, occurredOn: day!, type: type as (typeof ENTRY_TYPES)[number], summary });
      setSummary('');
      errors.clear();
      onChanged(t('protection.journal.added', { date: isoToFr(day) }));
    } catch (err) {
      errors.fail(err);
    }
  };
  return (
    <section className="panel" aria-labelledby="prot-journal-title">
      <h2 id="prot-journal-title">{t('protection.sections.journal')}</h2>
      <p className="muted">{t('protection.journal.lead')}</p>
      {e.journal.length === 0 ? (
        <p className="muted">{t('protection.journal.none')}</p>
      ) : (
        <ol className="plain prot-journal">
          {e.journal.map((j) => (
            <li key={j.id}>
              <strong>
                {isoToFr(j.occurredOn)} — {t(`protection.entryTypes.${j.type}`)}
              </strong>{' '}
              <span className="muted small">{t('protection.journal.by', { by: j.recordedBy.displayName })}</span>
              <p className="prewrap">{j.summary}</p>
            </li>
          ))}
        </ol>
      )}
      {open && (
        <Form onSubmit={(ev) => void submit(ev)} validationBehavior="aria" aria-labelledby="prot-journal-add">
          <h3 id="prot-journal-add">{t('protection.journal.add')}</h3>
          <ErrorSummary errors={errors.errors} />
          <div className="form-row">
            <TextInput label={t('protection.journal.on')} name="occurredOn" value={on} onChange={setOn} format="date" isRequired error={errors.of('occurredOn')} />
            <SelectField label={t('protection.journal.type')} value={type} onChange={setType} isRequired error={errors.of('type')} options={ENTRY_TYPES.map((k) => ({ id: k, label: t(`protection.entryTypes.${k}`) }))} />
          </div>
          <TextAreaInput label={t('protection.journal.summary')} name="summary" value={summary} onChange={setSummary} isRequired rows={4} error={errors.of('summary')} />
          <div className="actions-left">
            <Button type="submit" variant="primary">
              {t('protection.journal.save')}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}

function Report({ e, open, part, onChanged }: { e: EvaluationOut; open: boolean; part: 'rapport' | 'propositions'; onChanged: Changed }) {
  const { t } = useTranslation();
  const [domains, setDomains] = useState<Record<string, string>>(e.domains);
  const [level, setLevel] = useState<string | null>(e.dangerLevel);
  const [kinds, setKinds] = useState<string[]>(e.dangerKinds);
  const [proposals, setProposals] = useState<string[]>(e.proposals);
  const [note, setNote] = useState(e.proposalsNote);
  const errors = useFormErrors({ dangerLevel: ['dangerLevel'], dangerKinds: ['dangerKinds'], proposals: ['proposals'], proposalsNote: ['proposalsNote'], ...Object.fromEntries(DOMAINS.map((d) => [d, [`domains.${d}`]])) });
  const editable = open && e.sentOn === null;
  const adult = e.kind === 'is';
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    try {
      await must('protection:saveReport', {
        id: e.id,
        domains,
        dangerLevel: level as (typeof DANGER_LEVELS)[number] | null,
        dangerKinds: kinds as (typeof DANGER_KINDS)[number][],
        proposals: proposals as (typeof PROPOSALS)[number][],
        proposalsNote: note,
      });
      errors.clear();
      onChanged(t(part === 'rapport' ? 'protection.report.saved' : 'protection.proposals.saved'));
    } catch (err) {
      errors.fail(err);
    }
  };
  const offered = PROPOSALS.filter((p) => (adult ? p !== 'aed' && p !== 'accueil_provisoire' : p !== 'mesure_protection_majeur'));
  return (
    <section className="panel" aria-labelledby={`prot-${part}-title`}>
      <h2 id={`prot-${part}-title`}>{t(`protection.sections.${part}`)}</h2>
      {!editable && e.sentOn && <p className="muted">{t('protection.report.locked', { date: isoToFr(e.sentOn) })}</p>}
      <Form onSubmit={(ev) => void submit(ev)} validationBehavior="aria">
        <ErrorSummary errors={errors.errors} />
        {part === 'rapport' ? (
          <>
            {DOMAINS.map((d) => (
              <TextAreaInput key={d} label={t(`protection.domains.${adult ? 'adult' : 'child'}.${d}`)} name={d} value={domains[d] ?? ''} onChange={(v) => setDomains((x) => ({ ...x, [d]: v }))} rows={3} error={errors.of(d)} />
            ))}
            <RadioList label={t('protection.report.danger')} value={level} onChange={setLevel} orientation="vertical" error={errors.of('dangerLevel')} options={DANGER_LEVELS.map((l) => ({ value: l, label: t(`protection.dangerLevels.${l}`) }))} />
            {level !== 'pas_de_danger' && <CheckboxList label={t('protection.report.dangerKinds')} value={kinds} onChange={setKinds} error={errors.of('dangerKinds')} options={DANGER_KINDS.map((k) => ({ value: k, label: t(`protection.dangerKinds.${k}`) }))} />}
          </>
        ) : (
          <>
            <CheckboxList label={t('protection.proposals.label')} value={proposals} onChange={setProposals} error={errors.of('proposals')} options={offered.map((p) => ({ value: p, label: t(`protection.proposalKinds.${p}`) }))} />
            <TextAreaInput label={t('protection.proposals.note')} name="proposalsNote" value={note} onChange={setNote} rows={4} error={errors.of('proposalsNote')} />
          </>
        )}
        {editable && (
          <div className="actions-left">
            <Button type="submit" variant="primary">
              {t('common.save')}
            </Button>
          </div>
        )}
      </Form>
    </section>
  );
}

function Sending({ e, open, responsable, onChanged, onDownload }: { e: EvaluationOut; open: boolean; responsable: boolean; onChanged: Changed; onDownload: (w: 'pdf' | 'csv' | 'xlsx') => void }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(isoToFr(today()));
  const [announced, setAnnounced] = useState(isoToFr(today()));
  const [announceNote, setAnnounceNote] = useState('');
  const [reason, setReason] = useState('');
  const sendErrors = useFormErrors(['sentOn']);
  const announceErrors = useFormErrors(['announcedOn', 'note']);
  const exportErrors = useFormErrors(['reason']);
  const markSent = async (ev: FormEvent) => {
    ev.preventDefault();
    const day = parseFrDate(sent);
    if (!day && !sendErrors.check({ sentOn: t('protection.dateInvalid') })) return;
    try {
      await must('protection:markSent', { id: e.id, sentOn: day! });
      sendErrors.clear();
      onChanged(t('protection.send.sent', { date: isoToFr(day) }));
    } catch (err) {
      sendErrors.fail(err);
    }
  };
  const announce = async (ev: FormEvent) => {
    ev.preventDefault();
    const day = parseFrDate(announced);
    if (!day && !announceErrors.check({ announcedOn: t('protection.dateInvalid') })) return;
    try {
      await must('protection:announce', { id: e.id, announcedOn: day!, note: announceNote });
      announceErrors.clear();
      onChanged(t('protection.send.announced', { date: isoToFr(day) }));
    } catch (err) {
      announceErrors.fail(err);
    }
  };
  const include = async (ev: FormEvent) => {
    ev.preventDefault();
    try {
      await must('protection:includeInExport', { id: e.id, reason });
      exportErrors.clear();
      onChanged(t('protection.export.included'));
    } catch (err) {
      exportErrors.fail(err);
    }
  };
  return (
    <>
      <section className="panel" aria-labelledby="prot-docs-title">
        <h2 id="prot-docs-title">{t('protection.send.documents')}</h2>
        <p className="muted">{t('protection.send.documentsLead')}</p>
        <div className="actions-left">
          <Button variant="primary" onPress={() => onDownload('pdf')}>
            {t('protection.send.pdf')}
          </Button>
          <Button onPress={() => onDownload('csv')}>{t('protection.send.csv')}</Button>
          <Button onPress={() => onDownload('xlsx')}>{t('protection.send.xlsx')}</Button>
        </div>
      </section>
      <section className="panel" aria-labelledby="prot-send-title">
        <h2 id="prot-send-title">{t('protection.send.title')}</h2>
        {e.sentOn ? (
          <p>{t('protection.send.sentOn', { date: isoToFr(e.sentOn) })}</p>
        ) : (
          <>
            {e.missing.length > 0 && <Alert kind="info">{t('protection.send.missing', { list: e.missing.join(', ') })}</Alert>}
            <Form onSubmit={(ev) => void markSent(ev)} validationBehavior="aria">
              <ErrorSummary errors={sendErrors.errors} />
              <TextInput label={t('protection.send.sentOnLabel')} name="sentOn" value={sent} onChange={setSent} format="date" isRequired error={sendErrors.of('sentOn')} />
              <div className="actions-left">
                <Button type="submit" variant="primary">
                  {t('protection.send.markSent')}
                </Button>
              </div>
            </Form>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="prot-announce-title">
        <h2 id="prot-announce-title">{t('protection.send.announceTitle')}</h2>
        {e.announcedOn ? (
          <p>{t('protection.send.announcedOn', { date: isoToFr(e.announcedOn), by: e.announcedBy?.displayName ?? '' })}</p>
        ) : responsable && open && e.sentOn ? (
          <Form onSubmit={(ev) => void announce(ev)} validationBehavior="aria">
            <ErrorSummary errors={announceErrors.errors} />
            <TextInput label={t('protection.send.announcedOnLabel')} name="announcedOn" value={announced} onChange={setAnnounced} format="date" isRequired error={announceErrors.of('announcedOn')} />
            <TextAreaInput label={t('protection.send.announceNote')} name="announceNote" value={announceNote} onChange={setAnnounceNote} rows={2} error={announceErrors.of('note')} />
            <div className="actions-left">
              <Button type="submit" variant="primary">
                {t('protection.send.announce')}
              </Button>
            </div>
          </Form>
        ) : (
          <p className="muted">{t(e.sentOn ? 'protection.send.announceByResponsable' : 'protection.send.announceAfterSent')}</p>
        )}
      </section>
      {responsable && (
        <section className="panel" aria-labelledby="prot-export-title">
          <h2 id="prot-export-title">{t('protection.export.title')}</h2>
          {e.exportDecision ? (
            <p>{t('protection.export.decided', { date: isoToFr(e.exportDecision.at), by: e.exportDecision.by.displayName, reason: e.exportDecision.reason })}</p>
          ) : (
            <Form onSubmit={(ev) => void include(ev)} validationBehavior="aria">
              <p className="muted">{t('protection.export.lead')}</p>
              <ErrorSummary errors={exportErrors.errors} />
              <TextAreaInput label={t('protection.export.reason')} name="reason" value={reason} onChange={setReason} isRequired rows={2} error={exportErrors.of('reason')} />
              <div className="actions-left">
                <Button type="submit">{t('protection.export.include')}</Button>
              </div>
            </Form>
          )}
        </section>
      )}
    </>
  );
}
