import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src-main/auth/roles';
import type { SessionInfo } from '../../../src-main/api/contract';
import { call } from '../../api';
import { navFor } from '../../app/nav';
import { PageHeader } from '../../ui/components';

/** Modules that have a purpose line on the home page (the others are reached from the menu). */
const PURPOSES = { intake: 1, appointments: 1, dsu: 1, partners: 1, retention: 1, merges: 1 };

/**
 * A home page per role. Tiles of modules still to come are shown empty, with their
 * purpose; the admin's tiles show the real state of accounts and territory.
 */
export function HomePage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const roles = session.user.roles;
  const soon = navFor(roles).filter((n) => n.route === null);
  const ready = navFor(roles).filter((n) => n.route !== null && n.key in PURPOSES);
  return (
    <>
      <PageHeader title={t('home.title', { name: session.user.displayName })} />
      <p className="lead">{t('home.lead', { roles: roles.map((r: Role) => t(`roles.${r}`)).join(', ') })}</p>
      {ready.length > 0 && (
        <section aria-labelledby="ready-title" className="tiles-section">
          <h2 id="ready-title">{t('home.readyTitle')}</h2>
          <ul className="tiles">
            {ready.map((n) => (
              <li key={n.key} className="tile">
                <h3>
                  <a href={n.route ?? '#/'}>{t(`nav.${n.key}`)}</a>
                </h3>
                <p>{t(`home.purpose.${n.key}`)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {roles.includes('admin') && <AdminTiles />}
      <section aria-labelledby="soon-title" className="tiles-section">
        {soon.length > 0 && (
          <>
            <h2 id="soon-title">{t('home.modulesTitle')}</h2>
            <ul className="tiles">
              {soon.map((n) => (
                <li key={n.key} className="tile tile-empty">
                  <h3>{t(`nav.${n.key}`)}</h3>
                  <p>{t(`home.purpose.${n.key}`)}</p>
                  <p className="badge">{t('home.comingSoon')}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function AdminTiles() {
  const { t } = useTranslation();
  const [state, setState] = useState<{ active: number; pending: number; disabled: number; communes: number; uncovered: number; sectors: number } | null>(null);
  useEffect(() => {
    void (async () => {
      const [users, site, sectors] = await Promise.all([call('admin:listUsers', {}), call('site:info', {}), call('admin:listSectors', {})]);
      if (!users.ok || !site.ok || !sectors.ok) return;
      setState({
        active: users.value.filter((u) => !u.disabled).length,
        pending: users.value.filter((u) => !u.disabled && u.mustChangePassword).length,
        disabled: users.value.filter((u) => u.disabled).length,
        communes: site.value.communes.length,
        uncovered: site.value.communes.filter((c) => c.sectorId === null).length,
        sectors: sectors.value.length,
      });
    })();
  }, []);
  if (!state) return null;
  return (
    <section aria-labelledby="admin-tiles" className="tiles-section">
      <h2 id="admin-tiles">{t('home.adminTitle')}</h2>
      <ul className="tiles">
        <li className="tile">
          <h3>{t('nav.users')}</h3>
          <p>{t('home.accounts', { active: state.active, pending: state.pending, disabled: state.disabled })}</p>
          <a href="#/admin/utilisateurs">{t('home.manageUsers')}</a>
        </li>
        <li className="tile">
          <h3>{t('nav.sectors')}</h3>
          <p>{t('home.territory', { communes: state.communes, sectors: state.sectors })}</p>
          {state.uncovered > 0 && <p className="warning-text">{t('home.uncovered', { count: state.uncovered })}</p>}
          <a href="#/admin/secteurs">{t('home.manageSectors')}</a>
        </li>
      </ul>
    </section>
  );
}
