import { useEffect, useState, type FormEvent } from 'react';
import { Form, Input, Label, NumberField, Text, FieldError, Group } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, PageHeader } from '../../ui/components';

export function SettingsPage() {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void must('admin:getSettings', {}).then((s) => setMinutes(s.idleLockMinutes), (e: unknown) => setError(errorText(e)));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    setError(null);
    try {
      const s = await must('admin:saveSettings', { idleLockMinutes: minutes ?? 0 });
      setMinutes(s.idleLockMinutes);
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
          <div className="actions">
            <Button type="submit" variant="primary">
              {t('common.save')}
            </Button>
          </div>
        </Form>
      )}
    </>
  );
}
