import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../api';
import type { SessionInfo } from '../../src-main/modules';
import { Alert, Button, TextInput } from '../ui/components';
import { errorText } from './errors';
import { LanguageSwitch } from './LanguageSwitch';

export function LoginPage({ notice, onLoggedIn }: { notice?: string | undefined; onLoggedIn: (s: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await must('auth:login', { login, password }));
    } catch (err) {
      setError(errorText(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="center-page">
      <section className="card" aria-labelledby="login-title">
        <div className="card-top">
          <h1 id="login-title">{t('login.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('login.secrecy')}</p>
        {notice && !error && <Alert kind="info">{notice}</Alert>}
        {error && <Alert kind="error">{error}</Alert>}
        <Form onSubmit={submit} validationBehavior="aria">
          <TextInput label={t('fields.login')} name="login" value={login} onChange={setLogin} isRequired autoComplete="username" autoFocus />
          <TextInput label={t('fields.password')} name="password" type="password" value={password} onChange={setPassword} isRequired autoComplete="current-password" />
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={busy}>
              {busy ? t('login.checking') : t('login.submit')}
            </Button>
          </div>
        </Form>
      </section>
    </main>
  );
}
