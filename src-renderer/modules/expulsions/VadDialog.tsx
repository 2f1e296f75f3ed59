/**
 * The home visit in binôme at the force-publique stage: an entry of the household's DSU journal
 * (type « VAD », field housing) written from the case, with the second professional as co-author.
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { DialogActions, DialogBox, ErrorSummary, SelectField, TextAreaInput, TextInput } from '../../ui/components';
import { isoToFr, parseFrDate, today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import type { CaseOut } from './types';

export function VadDialog({ c, onClose, onSaved }: { c: CaseOut; onClose: () => void; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const people = useResource(async () => {
    const [options, session] = await Promise.all([must('intake:options', {}), must('auth:session', {})]);
    return options.professionals.filter((p) => p.id !== session?.user.id && (p.roles.includes('ass') || p.roles.includes('cesf')));
  });
  const [day, setDay] = useState(isoToFr(today()));
  const [second, setSecond] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors({ day: ['day', 'occurredOn'], second: ['second', 'coAuthorIds'], summary: ['summary'] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = parseFrDate(day);
    const local: Record<string, string> = {};
    if (!d) local.day = t('expulsions.dateInvalid');
    if (!second) local.second = t('expulsions.vad.chooseSecond');
    if (!summary.trim()) local.summary = t('expulsions.vad.summaryMissing');
    if (!errs.check(local) || !d || !second) return;
    setBusy(true);
    try {
      await must('dsu:addEntry', { dsuId: c.dsu.id, occurredOn: d, type: 'vad', field: 'logement_hebergement', summary, coAuthorIds: [Number(second)] });
      const name = people.data?.find((p) => String(p.id) === second)?.displayName ?? '';
      onSaved(t('expulsions.vad.saved', { date: isoToFr(d), with: name }));
    } catch (err) {
      errs.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogBox title={t('expulsions.vad.title')} isOpen onClose={onClose}>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <ErrorSummary errors={errs.errors} />
        <p className="muted small">{t('expulsions.vad.lead')}</p>
        <div className="form-row">
          <TextInput label={t('expulsions.vad.day')} name="day" value={day} onChange={setDay} format="date" isRequired error={errs.of('day')} />
          <SelectField label={t('expulsions.vad.second')} value={second} onChange={setSecond} isRequired error={errs.of('second')} options={(people.data ?? []).map((p) => ({ id: String(p.id), label: p.displayName }))} />
        </div>
        <TextAreaInput label={t('expulsions.vad.summary')} name="summary" value={summary} onChange={setSummary} rows={3} isRequired error={errs.of('summary')} />
        <DialogActions submitLabel={t('common.save')} busy={busy} />
      </Form>
    </DialogBox>
  );
}
