import { useEffect, useState, type FormEvent } from 'react';
import { Form, Input, Label, NumberField, Text, FieldError, Group } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText, useFormErrors } from '../../app/errors';
import { Alert, Button, CheckboxField, ErrorSummary, PageHeader, TextInput } from '../../ui/components';
import { useResource } from '../../ui/useResource';
import { SitePostal } from './SitePostal';

export function SettingsPage() {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [noticeDays, setNoticeDays] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useFormErrors(['idleLockMinutes', 'tasksNoticeDays']);
  useEffect(() => {
    void must('admin:getSettings', {}).then(
      (s) => {
        setMinutes(s.idleLockMinutes);
        setNoticeDays(s.tasksNoticeDays);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    form.clear();
    try {
      const s = await must('admin:saveSettings', { idleLockMinutes: Number.isFinite(minutes) ? (minutes ?? 0) : 0, tasksNoticeDays: Number.isFinite(noticeDays) ? (noticeDays ?? 0) : 0 });
      setMinutes(s.idleLockMinutes);
      setNoticeDays(s.tasksNoticeDays);
      setNotice(t('settings.saved'));
    } catch (err) {
      form.fail(err);
    }
  }

  return (
    <>
      <PageHeader title={t('nav.settings')} />
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      {minutes !== null && (
        <Form onSubmit={submit} validationBehavior="aria" className="narrow">
          <NumberField className="field" value={minutes} onChange={setMinutes} minValue={1} maxValue={60} step={1} name="idleLockMinutes" isRequired isInvalid={!!form.of('idleLockMinutes')}>
            <Label>{t('settings.idleLock')}</Label>
            <Group className="number-group">
              <Input />
            </Group>
            <Text slot="description">{`${t('settings.requiredHint')} ${t('settings.idleLockHelp')}`}</Text>
            <FieldError>{form.of('idleLockMinutes')}</FieldError>
          </NumberField>
          <NumberField className="field" value={noticeDays ?? undefined} onChange={setNoticeDays} minValue={1} maxValue={365} step={1} name="tasksNoticeDays" isRequired isInvalid={!!form.of('tasksNoticeDays')}>
            <Label>{t('settings.noticeDays')}</Label>
            <Group className="number-group">
              <Input />
            </Group>
            <Text slot="description">{`${t('settings.requiredHint')} ${t('settings.noticeDaysHelp')}`}</Text>
            <FieldError>{form.of('tasksNoticeDays')}</FieldError>
          </NumberField>
          <ErrorSummary errors={form.errors} />
          <div className="actions">
            <Button type="submit" variant="primary">
              {t('common.save')}
            </Button>
          </div>
        </Form>
      )}
      <SitePostal />
      <Motifs />
    </>
  );
}

/** The motifs offered at the first contact (DOMAIN §2): add, rename, switch off. */
function Motifs() {
  const { t } = useTranslation();
  const { data, error, reload } = useResource(() => must('intake:motifs', {}));
  const [label, setLabel] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useFormErrors({ motif: ['label'] });
  /** `adding`: the new motif's form, whose refusal is shown beside its field. */
  const save = async (input: { code?: string; label: string; active: boolean }, message: string, adding = false) => {
    try {
      await must('intake:saveMotif', input);
      setNotice(message);
      setFailure(null);
      form.clear();
      await reload();
      return true;
    } catch (e) {
      if (adding) form.fail(e);
      else setFailure(errorText(e));
      return false;
    }
  };
  return (
    <section aria-labelledby="motifs-title" className="panel narrow-wide">
      <h2 id="motifs-title">{t('settings.motifsTitle')}</h2>
      <p className="muted">{t('settings.motifsHelp')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {(error ?? failure) && <Alert kind="error">{error ?? failure}</Alert>}
      <ul className="plain">
        {data?.map((m) => (
          <li key={m.code} className={m.active ? undefined : 'muted'}>
            <CheckboxField
              label={m.active ? m.label : t('settings.motifOff', { label: m.label })}
              value={m.active}
              onChange={(active) => void save({ code: m.code, label: m.label, active }, active ? t('settings.motifOn', { label: m.label }) : t('settings.motifOffDone', { label: m.label }))}
            />
          </li>
        ))}
      </ul>
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          void save({ label, active: true }, t('settings.motifAdded', { label }), true).then((ok) => ok && setLabel(''));
        }}
        validationBehavior="aria"
      >
        <TextInput label={t('settings.newMotif')} name="motif" value={label} onChange={setLabel} isRequired error={form.of('motif')} />
        <ErrorSummary errors={form.errors} />
        <div className="actions">
          <Button type="submit" variant="secondary">
            {t('settings.addMotif')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
