import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../api';
import type { SessionInfo } from '../../src-main/api/contract';
import { Alert, Button, TextInput } from '../ui/components';
import { errorText, fieldOf } from './errors';

export function ChangePasswordPage({ session, onChanged, onLogout }: { session: SessionInfo; onChanged: (s: SessionInfo) => void; onLogout: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== confirm) return setErrors({ confirm: t('password.mismatch') });
    setBusy(true);
    setErrors({});
    try {
      onChanged(await must('auth:changePassword', { current, next }));
    } catch (err) {
      setErrors({ [fieldOf(err) ?? 'general']: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="center-page">
      <section className="card" aria-labelledby="pw-title">
        <h1 id="pw-title">{t('password.title')}</h1>
        <p>{t('password.intro', { name: session.user.displayName })}</p>
        {errors.general && <Alert kind="error">{errors.general}</Alert>}
        <Form onSubmit={submit} validationBehavior="aria">
          <TextInput label={t('password.current')} name="current" type="password" value={current} onChange={setCurrent} isRequired autoComplete="current-password" error={errors.current} autoFocus />
          <TextInput label={t('password.new')} name="next" type="password" value={next} onChange={setNext} isRequired autoComplete="new-password" description={t('password.policy')} error={errors.next} />
          <TextInput label={t('password.confirm')} name="confirm" type="password" value={confirm} onChange={setConfirm} isRequired autoComplete="new-password" error={errors.confirm} />
          <div className="actions">
            <Button variant="quiet" onPress={onLogout}>
              {t('shell.logout')}
            </Button>
            <Button type="submit" variant="primary" isDisabled={busy}>
              {t('password.submit')}
            </Button>
          </div>
        </Form>
      </section>
    </main>
  );
}
