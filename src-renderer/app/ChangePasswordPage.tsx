import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../src-main/modules';
import { Button } from '../ui/components';
import { PasswordChangeForm } from './PasswordChangeForm';

/** First login: the one-time password must be replaced before anything else. */
export function ChangePasswordPage({ session, onChanged, onLogout }: { session: SessionInfo; onChanged: (s: SessionInfo) => void; onLogout: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="center-page">
      <section className="card" aria-labelledby="pw-title">
        <h1 id="pw-title">{t('password.title')}</h1>
        <p>{t('password.intro', { name: session.user.displayName })}</p>
        <PasswordChangeForm
          currentLabel={t('password.current')}
          submitLabel={t('password.submit')}
          onChanged={onChanged}
          autoFocus
          extraAction={
            <Button variant="quiet" onPress={onLogout}>
              {t('shell.logout')}
            </Button>
          }
        />
      </section>
    </main>
  );
}
