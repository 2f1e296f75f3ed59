import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../src-main/modules';
import { Button } from '../ui/components';
import { LanguageSwitch } from './LanguageSwitch';
import { UI_MODULES } from '../modules';
import { itemFor, navFor } from './nav';
import { useHashRoute } from './useHashRoute';

export function Shell({ session, onLock, onLogout }: { session: SessionInfo; onLock: () => void; onLogout: () => void }) {
  const { t } = useTranslation();
  const route = useHashRoute();
  const items = navFor(session.user.roles, UI_MODULES);
  const current = itemFor(items, route);
  const mainRef = useRef<HTMLElement>(null);
  // On a narrow window (320 px) the menu folds behind a « Menu » button (RGAA 10.11).
  // It folds again when a page is chosen (the state belongs to the route it was opened on).
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === route;

  // Each screen names itself in the window title (RGAA 8.6): « Accueil — Passeur ».
  const pageName = current ? t(`nav.${current.key}`) : t('shell.notAvailableTitle');
  useEffect(() => {
    document.title = t('a11y.title', { page: pageName });
  }, [pageName, t]);

  // Moving between pages puts the focus on the new page's title, as a screen reader expects.
  // A page may name the field where work starts (the intake's search box, `data-page-focus`).
  useEffect(() => {
    const start = mainRef.current?.querySelector<HTMLElement>('[data-page-focus]') ?? document.getElementById('page-title');
    start?.focus();
  }, [route]);

  const page = current?.render ? current.render({ session, route, modules: UI_MODULES }) : <NotAvailable />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), mainRef.current?.focus())}>
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="sidenav" onClick={() => setMenuOpenOn(menuOpen ? null : route)}>
          {t('a11y.menu')}
        </button>
        <div className="brand">
          <span className="brand-name">Passeur</span>
          <span className="brand-site">
            {session.site.name} ({session.site.code})
          </span>
        </div>
        <div className="topbar-user">
          <span data-testid="current-user">{session.user.displayName}</span>
          <span className="roles">{session.user.roles.map((r) => t(`roles.${r}`)).join(', ')}</span>
          <LanguageSwitch />
          <Button variant="quiet" onPress={onLock}>
            {t('shell.lock')}
          </Button>
          <Button variant="quiet" onPress={onLogout}>
            {t('shell.logout')}
          </Button>
        </div>
      </header>
      <div className="body">
        <nav id="sidenav" className={menuOpen ? 'sidenav open' : 'sidenav'} aria-label={t('shell.nav')}>
          <ul>
            {items.map((item) => (
              <li key={item.key}>
                {item.route ? (
                  <a href={item.route} aria-current={current?.key === item.key ? 'page' : undefined}>
                    {t(`nav.${item.key}`)}
                  </a>
                ) : (
                  <span className="nav-soon" aria-disabled="true">
                    <span>{t(`nav.${item.key}`)}</span> <span className="badge">{t('nav.soon')}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={mainRef} tabIndex={-1} className="content">
          {page}
        </main>
      </div>
    </div>
  );
}

function NotAvailable() {
  const { t } = useTranslation();
  return (
    <section>
      <h1 id="page-title" tabIndex={-1}>
        {t('shell.notAvailableTitle')}
      </h1>
      <p>{t('shell.notAvailable')}</p>
      <p>
        <a href="#/">{t('shell.backHome')}</a>
      </p>
    </section>
  );
}
