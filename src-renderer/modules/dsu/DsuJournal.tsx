/** The journal of interventions of a DSU (DOMAIN §3): add an entry, read the latest, page back. */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { DsuOut, IntakeOptions, JournalEntryOut, PartnerOut, SessionInfo } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText, fieldOf, fieldsOf } from '../../app/errors';
import { Alert, Button, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate, today } from '../../ui/format';
import { FIELDS, JOURNAL_TYPES as TYPES } from '../../../src-main/modules/dsu/kinds';

export function DsuJournal({
  dsu,
  session,
  options,
  partners,
  onChanged,
}: {
  dsu: DsuOut;
  session: SessionInfo;
  options: IntakeOptions | null;
  partners: PartnerOut[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [older, setOlder] = useState<JournalEntryOut[]>([]);
  const [more, setMore] = useState(dsu.journalMore);
  const entries = [...dsu.journal, ...older];

  const loadOlder = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    const page = await must('dsu:journal', { id: dsu.id, beforeId: last.id });
    setOlder((o) => [...o, ...page.entries]);
    setMore(page.more);
  };

  return (
    <section className="dsu-journal" aria-labelledby="journal-title">
      <h2 id="journal-title" className="visually-hidden">
        {t('journal.title')}
      </h2>
      {dsu.canWrite && <EntryForm dsu={dsu} session={session} options={options} partners={partners} onSaved={() => (setOlder([]), onChanged())} />}
      <div className="journal-list">
        {entries.length === 0 && <p className="muted">{t('journal.empty')}</p>}
        <ol className="journal tab-scroll" aria-label={t('journal.listLabel')} tabIndex={0}>
          {entries.map((e) => (
            <li key={e.id} className="journal-entry">
              <h3>
                {isoToFr(e.occurredOn)} — {t(`labels.${e.type}`)}
                {e.field && <span className="muted"> · {t(`labels.${e.field}`)}</span>}
              </h3>
              <p className="muted">
                {t('journal.by', { authors: e.authors.map((a) => a.displayName).join(t('journal.and')) })}
                {e.partner && ` · ${t('journal.partner', { name: e.partner.name })}`}
                {e.appointmentId && ` · ${t('journal.fromAppointment')}`}
              </p>
              <p className="journal-summary">{e.summary}</p>
              {e.restrictedNote && (
                <div className="restricted">
                  <strong>{t('journal.restricted')}</strong> {e.restrictedNote}
                </div>
              )}
              {e.restrictedHidden && <p className="muted">{t('journal.restrictedHidden')}</p>}
            </li>
          ))}
          {more && (
            <li className="journal-more">
              <Button variant="secondary" onPress={() => void loadOlder()}>
                {t('journal.older')}
              </Button>
            </li>
          )}
        </ol>
      </div>
    </section>
  );
}

function EntryForm({ dsu, session, options, partners, onSaved }: { dsu: DsuOut; session: SessionInfo; options: IntakeOptions | null; partners: PartnerOut[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(isoToFr(today()));
  const [type, setType] = useState<string | null>('entretien_bureau');
  const [field, setField] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [note, setNote] = useState('');
  const [coAuthor, setCoAuthor] = useState<string | null>('none');
  const [partner, setPartner] = useState<string | null>('none');
  /** `fields`: every faulty field at once, each shown beside its field (RGAA 11.10). */
  const [error, setError] = useState<{ message: string; field?: string | undefined; fields?: Record<string, string> } | null>(null);
  const [saved, setSaved] = useState(false);

  const withdrawn = partner && partner !== 'none' ? dsu.consents.filter((c) => c.partnerId === Number(partner) && c.withdrawnOn) : [];
  const others = (options?.professionals ?? []).filter((p) => p.id !== session.user.id);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const day = parseFrDate(date);
    const problems: Record<string, string> = {};
    if (!day) problems.occurredOn = t('person.birthDateInvalid');
    if (!field) problems.field = t('journal.chooseField');
    if (!summary.trim()) problems.summary = t('a11y.requiredField', { label: t('journal.summary') });
    const count = Object.keys(problems).length;
    if (count > 0 || !day) return setError({ message: t('a11y.errorsSummary', { count }), fields: problems });
    try {
      await must('dsu:addEntry', {
        dsuId: dsu.id,
        occurredOn: day,
        type: type as (typeof TYPES)[number],
        field: field as (typeof FIELDS)[number],
        summary,
        restrictedNote: note,
        coAuthorIds: coAuthor && coAuthor !== 'none' ? [Number(coAuthor)] : [],
        partnerId: partner && partner !== 'none' ? Number(partner) : null,
      });
      setSummary('');
      setNote('');
      setCoAuthor('none');
      setPartner('none');
      setError(null);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError({ message: errorText(err), field: fieldOf(err), fields: fieldsOf(err) });
    }
  };
  const fe = (n: string) => error?.fields?.[n] ?? (error?.field === n ? error.message : undefined);

  return (
    <Form className="panel entry-form" onSubmit={(e) => void submit(e)} validationBehavior="aria" aria-labelledby="entry-form-title">
      <h3 id="entry-form-title">{t('journal.add')}</h3>
      <div className="grid-3">
        <TextInput label={t('journal.date')} name="occurredOn" value={date} onChange={setDate} format="date" isRequired error={fe('occurredOn')} />
        <SelectField label={t('journal.type')} value={type} onChange={setType} options={TYPES.map((x) => ({ id: x, label: t(`labels.${x}`) }))} />
        <SelectField label={t('journal.field')} value={field} onChange={setField} isRequired error={fe('field')} options={FIELDS.map((x) => ({ id: x, label: t(`labels.${x}`) }))} />
      </div>
      <TextAreaInput label={t('journal.summary')} name="summary" value={summary} onChange={(v) => (setSummary(v), setSaved(false))} isRequired rows={3} error={fe('summary')} />
      <TextAreaInput label={t('journal.restrictedNote')} name="restrictedNote" value={note} onChange={setNote} rows={1} description={t('journal.restrictedHint')} />
      <div className="grid-2">
        <SelectField
          label={t('journal.coAuthor')}
          value={coAuthor}
          onChange={setCoAuthor}
          error={fe('coAuthorIds')}
          options={[{ id: 'none', label: t('journal.alone') }, ...others.map((p) => ({ id: String(p.id), label: p.displayName }))]}
        />
        <SelectField
          label={t('journal.partnerField')}
          value={partner}
          onChange={setPartner}
          options={[{ id: 'none', label: t('journal.noPartner') }, ...partners.map((p) => ({ id: String(p.id), label: p.service ? `${p.organisation} — ${p.service}` : p.organisation }))]}
        />
      </div>
      {withdrawn.length > 0 && (
        <Alert kind="error">
          {t('journal.consentWithdrawn', { names: withdrawn.map((c) => `${c.person.name} (${isoToFr(c.withdrawnOn)})`).join(', ') })}
        </Alert>
      )}
      {error && (error.fields && Object.keys(error.fields).length > 0 ? (
        <Alert kind="error" focus>
          {error.message}
        </Alert>
      ) : (
        !['occurredOn', 'field', 'summary', 'coAuthorIds'].includes(error.field ?? '') && <Alert kind="error">{error.message}</Alert>
      ))}
      {saved && <Alert kind="success">{t('journal.saved')}</Alert>}
      <div className="actions">
        <Button variant="primary" type="submit">
          {t('journal.save')}
        </Button>
      </div>
    </Form>
  );
}
