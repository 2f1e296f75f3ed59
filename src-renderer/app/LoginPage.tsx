import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { must } from '../api';
import type { SessionInfo } from '../../src-main/modules';
import { Alert, Button, TextInput } from '../ui/components';
import { errorText, fieldOf } from './errors';
import { LanguageSwitch } from './LanguageSwitch';

export function LoginPage({ notice, onLoggedIn }: { notice?: string | undefined; onLoggedIn: (s: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);
  const [recovered, setRecovered] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const back = useRef(false);
  useEffect(() => {
    // Back from the recovery form: the keyboard goes on where the person left off.
    if (!forgot && back.current) (recovered ? passwordRef.current : document.getElementById('forgot-password'))?.focus();
  }, [forgot, recovered]);

  if (forgot) {
    return (
      <RecoverForm
        initialLogin={login}
        onDone={(r) => {
          back.current = true;
          if (r) {
            setLogin(r.login);
            setRecovered(r.login);
          }
          setPassword('');
          setError(null);
          setForgot(false);
        }}
      />
    );
  }

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
        {notice && !error && !recovered && <Alert kind="info">{notice}</Alert>}
        {recovered && !error && <Alert kind="info">{t('recovery.useOneTime', { login: recovered })}</Alert>}
        {error && <Alert kind="error">{error}</Alert>}
        <Form onSubmit={submit} validationBehavior="aria">
          <TextInput label={t('fields.login')} name="login" value={login} onChange={setLogin} isRequired autoComplete="username" autoFocus />
          <TextInput label={t('fields.password')} name="password" type="password" value={password} onChange={setPassword} isRequired autoComplete="current-password" inputRef={passwordRef} />
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={busy}>
              {busy ? t('login.checking') : t('login.submit')}
            </Button>
            <Button variant="quiet" id="forgot-password" onPress={() => setForgot(true)}>
              {t('recovery.forgot')}
            </Button>
          </div>
        </Form>
      </section>
    </main>
  );
}

/** A forgotten password: the site's recovery code (printed at set-up, kept under lock) gives
 *  the account a one-time password, to replace at once. */
function RecoverForm({ initialLogin, onDone }: { initialLogin: string; onDone: (r: { login: string } | null) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState(initialLogin);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ login: string; oneTimePassword: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      setResult(await must('auth:recover', { login, recoveryCode: code }));
    } catch (err) {
      const field = fieldOf(err);
      if (field === 'login' || field === 'recoveryCode') setErrors({ [field]: errorText(err) });
      else setGeneral(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="center-page">
      <section className="card" aria-labelledby="recover-title">
        <div className="card-top">
          <h1 id="recover-title">{t('recovery.loginTitle')}</h1>
          <LanguageSwitch />
        </div>
        {result ? (
          <div role="status">
            <p>{t('recovery.oneTimeExplain', { login: result.login })}</p>
            <p className="recovery-code" data-testid="one-time-password">
              {result.oneTimePassword}
            </p>
            <div className="actions">
              <Button variant="primary" autoFocus onPress={() => onDone({ login: result.login })}>
                {t('recovery.toLogin')}
              </Button>
            </div>
          </div>
        ) : (
          <>
            <p>{t('recovery.loginExplain')}</p>
            {general && <Alert kind="error">{general}</Alert>}
            <Form onSubmit={submit} validationBehavior="aria">
              <TextInput label={t('fields.login')} name="login" value={login} onChange={setLogin} isRequired autoComplete="username" autoFocus={!initialLogin} error={errors.login} />
              <TextInput
                label={t('recovery.code')}
                name="recoveryCode"
                value={code}
                onChange={setCode}
                isRequired
                autoComplete="off"
                autoFocus={!!initialLogin}
                description={t('recovery.codeHelp')}
                error={errors.recoveryCode}
              />
              <div className="actions">
                <Button type="submit" variant="primary" isDisabled={busy}>
                  {busy ? t('login.checking') : t('recovery.submit')}
                </Button>
                <Button variant="secondary" onPress={() => onDone(null)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </Form>
          </>
        )}
      </section>
    </main>
  );
}
