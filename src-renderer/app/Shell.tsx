import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../src-main/modules';
import { Button } from '../ui/components';
import { HomePage } from '../modules/home/HomePage';
import { UsersPage } from '../modules/admin/UsersPage';
import { SectorsPage } from '../modules/admin/SectorsPage';
import { SettingsPage } from '../modules/admin/SettingsPage';
import { AuditPage } from '../modules/admin/AuditPage';
import { AccountPage } from '../modules/account/AccountPage';
import { LanguageSwitch } from './LanguageSwitch';
import { IntakePage } from '../modules/intake/IntakePage';
import { AgendaPage } from '../modules/rdv/AgendaPage';
import { DsuListPage } from '../modules/dsu/DsuListPage';
import { DsuPage } from '../modules/dsu/DsuPage';
import { RetentionPage } from '../modules/dsu/RetentionPage';
import { PartnersPage } from '../modules/partners/PartnersPage';
import { MergesPage } from '../modules/persons/MergesPage';
import { AidesListPage } from '../modules/aides/AidesListPage';
import { AidRequestPage } from '../modules/aides/AidRequestPage';
import { ValidationPage } from '../modules/aides/ValidationPage';
import { CommissionPage } from '../modules/aides/CommissionPage';
import { EnvelopesPage } from '../modules/aides/EnvelopesPage';
import { ReglementPage } from '../modules/aides/ReglementPage';
import { itemFor, navFor } from './nav';
import { useHashRoute } from './useHashRoute';

export function Shell({ session, onLock, onLogout }: { session: SessionInfo; onLock: () => void; onLogout: () => void }) {
  const { t } = useTranslation();
  const route = useHashRoute();
  const items = navFor(session.user.roles);
  const current = itemFor(items, route);
  const dsuId = /^#\/dsu\/(\d+)$/.exec(route)?.[1];
  const aidId = /^#\/aides\/(\d+)$/.exec(route)?.[1];
  const newAidFor = /^#\/aides\/nouvelle\/(\d+)$/.exec(route)?.[1];
  const mainRef = useRef<HTMLElement>(null);

  // Moving between pages puts the focus on the new page's title, as a screen reader expects.
  // A page may name the field where work starts (the intake's search box, `data-page-focus`).
  useEffect(() => {
    const start = mainRef.current?.querySelector<HTMLElement>('[data-page-focus]') ?? document.getElementById('page-title');
    start?.focus();
  }, [route]);

  let page;
  if (!current) page = <NotAvailable />;
  else if (current.key === 'home') page = <HomePage session={session} />;
  else if (current.key === 'users') page = <UsersPage session={session} />;
  else if (current.key === 'sectors') page = <SectorsPage canEdit={session.user.roles.includes('admin')} />;
  else if (current.key === 'settings') page = <SettingsPage />;
  else if (current.key === 'audit') page = <AuditPage />;
  else if (current.key === 'account') page = <AccountPage session={session} />;
  else if (current.key === 'intake') page = <IntakePage />;
  else if (current.key === 'appointments') page = <AgendaPage session={session} />;
  else if (current.key === 'dsu') page = dsuId ? <DsuPage key={dsuId} id={Number(dsuId)} session={session} /> : <DsuListPage />;
  else if (current.key === 'partners') page = <PartnersPage session={session} />;
  else if (current.key === 'retention') page = <RetentionPage />;
  else if (current.key === 'merges') page = <MergesPage />;
  else if (current.key === 'aides')
    page = aidId ? <AidRequestPage key={aidId} id={Number(aidId)} /> : newAidFor ? <AidRequestPage key={`n${newAidFor}`} dsuId={Number(newAidFor)} /> : <AidesListPage session={session} />;
  else if (current.key === 'validation') page = <ValidationPage />;
  else if (current.key === 'commission') page = <CommissionPage />;
  else if (current.key === 'envelopes') page = <EnvelopesPage />;
  else if (current.key === 'reglement') page = <ReglementPage />;
  else page = <NotAvailable />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), mainRef.current?.focus())}>
        {t('shell.skip')}
      </a>
      <header className="topbar">
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
        <nav className="sidenav" aria-label={t('shell.nav')}>
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
