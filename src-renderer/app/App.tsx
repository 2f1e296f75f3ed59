import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { I18nProvider } from 'react-aria-components';
import { call, on, onSessionTrouble } from '../api';
import type { SessionInfo } from '../../src-main/modules';
import { SetupPage } from './SetupPage';
import { LoginPage } from './LoginPage';
import { ChangePasswordPage } from './ChangePasswordPage';
import { LockScreen } from './LockScreen';
import { Shell } from './Shell';
import { useIdle } from './useIdle';
import { useFocusKeeper } from './useFocusKeeper';
import { IdleWarning } from './IdleWarning';

type Phase =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'login'; notice?: string }
  | { kind: 'changePassword'; session: SessionInfo }
  | { kind: 'locked'; session: SessionInfo }
  | { kind: 'app'; session: SessionInfo };

export function App() {
  const { t, i18n } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  useFocusKeeper();
  /** The last place of the focus in the page (not in the idle warning): it goes back there after unlocking. */
  const focusBeforeLock = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const remember = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest('.shell-holder')) focusBeforeLock.current = e.target;
    };
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, []);

  const fromSession = useCallback((s: SessionInfo | null, notice?: string) => {
    if (!s) setPhase(notice ? { kind: 'login', notice } : { kind: 'login' });
    else if (s.mustChangePassword) setPhase({ kind: 'changePassword', session: s });
    else if (s.locked) setPhase({ kind: 'locked', session: s });
    else setPhase({ kind: 'app', session: s });
  }, []);

  useEffect(() => {
    void (async () => {
      const status = await call('setup:status', {});
      if (status.ok && !status.value.initialized) return setPhase({ kind: 'setup' });
      const s = await call('auth:session', {});
      fromSession(s.ok ? s.value : null);
    })();
  }, [fromSession]);

  const session = phase.kind === 'app' || phase.kind === 'locked' || phase.kind === 'changePassword' ? phase.session : null;

  const lock = useCallback(() => {
    setPhase((p) => (p.kind === 'app' ? { kind: 'locked', session: { ...p.session, locked: true } } : p));
  }, []);
  const unlockedAt = useRef(false);
  const unlocked = useCallback(
    (s: SessionInfo) => {
      unlockedAt.current = true;
      fromSession(s);
    },
    [fromSession],
  );
  // The page kept under the lock screen is shown again: the keyboard goes on where it was.
  useEffect(() => {
    if (phase.kind !== 'app' || !unlockedAt.current) return;
    unlockedAt.current = false;
    const back = focusBeforeLock.current;
    if (back?.isConnected) back.focus();
    else document.getElementById('page-title')?.focus();
  }, [phase.kind]);
  const ended = useCallback(() => setPhase({ kind: 'login', notice: t('login.sessionEnded') }), [t]);

  useEffect(() => {
    if (!session) return;
    const offs = [
      on('session:locked', lock),
      on('session:ended', ended),
      onSessionTrouble((code) => {
        if (code === 'locked') lock();
        else if (code === 'unauthenticated') ended();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [session?.user.id, lock, ended]); // eslint-disable-line react-hooks/exhaustive-deps

  const idle = useIdle(phase.kind === 'app' ? phase.session.idleLockMinutes : null, () => {
    void call('auth:lock', {}).finally(lock);
  });

  const logout = useCallback(async () => {
    await call('auth:logout', {});
    setPhase({ kind: 'login', notice: t('login.loggedOut') });
  }, [t]);

  // The window title of the screens outside the shell (the shell names its own pages).
  useEffect(() => {
    const key = { loading: 'common.loading', setup: 'a11y.titleSetup', login: 'a11y.titleLogin', changePassword: 'a11y.titleChangePassword', locked: 'lock.title', app: null }[phase.kind];
    if (key) document.title = t('a11y.title', { page: t(key) });
  }, [phase.kind, t]);

  let body;
  switch (phase.kind) {
    case 'loading':
      body = (
        <main className="center-page">
          <p role="status">{t('common.loading')}</p>
        </main>
      );
      break;
    case 'setup':
      body = <SetupPage onDone={() => setPhase({ kind: 'login', notice: t('setup.doneNotice') })} />;
      break;
    case 'login':
      body = (
        <LoginPage
          notice={phase.notice}
          onLoggedIn={(s) => {
            // A new session starts on its home page, not on the previous user's screen.
            window.location.hash = '#/';
            fromSession(s);
          }}
        />
      );
      break;
    case 'changePassword':
      body = <ChangePasswordPage session={phase.session} onChanged={(s) => fromSession(s)} onLogout={logout} />;
      break;
    case 'locked':
    case 'app':
      // Locked, the page stays mounted but hidden (display: none, out of the accessibility tree,
      // nothing on screen): what was being typed is still there after unlocking, in memory only.
      body = (
        <>
          <div className="shell-holder" hidden={phase.kind === 'locked'}>
            <Shell session={phase.session} onLock={() => void call('auth:lock', {}).finally(lock)} onLogout={logout} />
          </div>
          {phase.kind === 'locked' && <LockScreen session={phase.session} onUnlocked={unlocked} onLogout={logout} />}
          {phase.kind === 'app' && idle.secondsLeft !== null && (
            <IdleWarning
              seconds={idle.secondsLeft}
              onStay={() => {
                idle.stay();
                // The server counts inactivity from the last call: one call starts its count again too.
                void call('auth:session', {});
              }}
              onLock={() => void call('auth:lock', {}).finally(lock)}
            />
          )}
        </>
      );
      break;
  }
  return <I18nProvider locale={i18n.language === 'en' ? 'en-GB' : 'fr-FR'}>{body}</I18nProvider>;
}
