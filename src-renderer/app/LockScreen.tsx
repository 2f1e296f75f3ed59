import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../api';
import type { SessionInfo } from '../../src-main/modules';
import { Alert, Button, TextInput } from '../ui/components';
import { errorText } from './errors';

/**
 * Shown after inactivity: the page under it is hidden (kept in memory, with what was being
 * typed), only the password brings it back.
 */
export function LockScreen({ session, onUnlocked, onLogout }: { session: SessionInfo; onUnlocked: (s: SessionInfo) => void; onLogout: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      onUnlocked(await must('auth:unlock', { password }));
    } catch (err) {
      setError(errorText(err));
      setPassword('');
    }
  }

  return (
    <main className="center-page">
      <section className="card" aria-labelledby="lock-title">
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p>{t('lock.explain', { name: session.user.displayName, minutes: session.idleLockMinutes })}</p>
        <p>{t('a11y.keptWork')}</p>
        {error && <Alert kind="error">{error}</Alert>}
        <Form onSubmit={submit} validationBehavior="aria">
          <TextInput label={t('fields.password')} name="password" type="password" value={password} onChange={setPassword} isRequired autoComplete="current-password" autoFocus />
          <div className="actions">
            <Button variant="quiet" onPress={onLogout}>
              {t('shell.logout')}
            </Button>
            <Button type="submit" variant="primary">
              {t('lock.unlock')}
            </Button>
          </div>
        </Form>
      </section>
    </main>
  );
}
