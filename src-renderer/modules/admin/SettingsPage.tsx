import { useEffect, useState, type FormEvent } from 'react';
import { Form, Input, Label, NumberField, Text, FieldError, Group } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, CheckboxField, PageHeader, TextInput } from '../../ui/components';
import { useResource } from '../../ui/useResource';
import { SitePostal } from './SitePostal';

export function SettingsPage() {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [noticeDays, setNoticeDays] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
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
    setError(null);
    try {
      const s = await must('admin:saveSettings', { idleLockMinutes: minutes ?? 0, tasksNoticeDays: noticeDays ?? 0 });
      setMinutes(s.idleLockMinutes);
      setNoticeDays(s.tasksNoticeDays);
      setNotice(t('settings.saved'));
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <>
      <PageHeader title={t('nav.settings')} />
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      {minutes !== null && (
        <Form onSubmit={submit} validationBehavior="aria" className="narrow">
          <NumberField className="field" value={minutes} onChange={setMinutes} minValue={1} maxValue={60} step={1} name="idleLockMinutes">
            <Label>{t('settings.idleLock')}</Label>
            <Group className="number-group">
              <Input />
            </Group>
            <Text slot="description">{t('settings.idleLockHelp')}</Text>
            <FieldError />
          </NumberField>
          <NumberField className="field" value={noticeDays ?? undefined} onChange={setNoticeDays} minValue={1} maxValue={365} step={1} name="tasksNoticeDays">
            <Label>{t('settings.noticeDays')}</Label>
            <Group className="number-group">
              <Input />
            </Group>
            <Text slot="description">{t('settings.noticeDaysHelp')}</Text>
            <FieldError />
          </NumberField>
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
  const save = async (input: { code?: string; label: string; active: boolean }, message: string) => {
    try {
      await must('intake:saveMotif', input);
      setNotice(message);
      setFailure(null);
      await reload();
    } catch (e) {
      setFailure(errorText(e));
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
          void save({ label, active: true }, t('settings.motifAdded', { label })).then(() => setLabel(''));
        }}
        validationBehavior="aria"
      >
        <TextInput label={t('settings.newMotif')} name="motif" value={label} onChange={setLabel} isRequired />
        <div className="actions">
          <Button type="submit" variant="secondary">
            {t('settings.addMotif')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
