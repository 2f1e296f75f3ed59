/**
 * The responsable's record of how many IP and IS the site received in a year (all of them, the
 * ones the service social evaluated or not): the activity report sets the evaluations against it
 * (tables 7 and 8).
 */
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { useFormErrors } from '../../app/errors';
import { Button, ErrorSummary, SelectField, TextInput } from '../../ui/components';
import { today } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { KINDS } from '../../../src-main/modules/protection/kinds';

export function ReceivedPanel() {
  const { t } = useTranslation();
  const counts = useResource(() => must('protection:received', {}));
  const [year, setYear] = useState(today().slice(0, 4));
  const [kind, setKind] = useState<string | null>('ip');
  const [count, setCount] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const errors = useFormErrors(['year', 'kind', 'count']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!/^\d{4}$/.test(year.trim())) local.year = t('protection.received.yearInvalid');
    if (!/^\d+$/.test(count.trim())) local.count = t('protection.received.countInvalid');
    if (!errors.check(local)) return;
    try {
      await must('protection:setReceived', { year: Number(year), kind: kind as (typeof KINDS)[number], count: Number(count) });
      errors.clear();
      setNotice(t('protection.received.saved', { count: Number(count), kind: t(`protection.kinds.${kind}`), year }));
      void counts.reload();
    } catch (err) {
      errors.fail(err);
    }
  };
  return (
    <section className="panel" aria-labelledby="prot-received-title">
      <h2 id="prot-received-title">{t('protection.received.title')}</h2>
      <p className="muted">{t('protection.received.lead')}</p>
      {counts.data && counts.data.length > 0 && (
        <ul className="plain">
          {counts.data.map((c) => (
            <li key={`${c.year}-${c.kind}`}>{t('protection.received.line', { year: c.year, kind: t(`protection.kinds.${c.kind}`), count: c.count })}</li>
          ))}
        </ul>
      )}
      <div role="status">{notice && <p className="alert alert-success">{notice}</p>}</div>
      <Form onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <ErrorSummary errors={errors.errors} />
        <div className="form-row">
          <TextInput label={t('protection.received.year')} name="year" value={year} onChange={setYear} isRequired error={errors.of('year')} />
          <SelectField label={t('protection.kind')} value={kind} onChange={setKind} isRequired error={errors.of('kind')} options={KINDS.map((k) => ({ id: k, label: t(`protection.kinds.${k}`) }))} />
          <TextInput label={t('protection.received.count')} name="count" value={count} onChange={setCount} isRequired error={errors.of('count')} />
        </div>
        <div className="actions-left">
          <Button type="submit">{t('protection.received.save')}</Button>
        </div>
      </Form>
    </section>
  );
}
