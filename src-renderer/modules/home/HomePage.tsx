import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src-main/shared/roles';
import { navFor } from '../../app/nav';
import { PageHeader } from '../../ui/components';
import type { PageContext } from '../module';
import { TasksList } from '../tasks';

/**
 * A home page per role: "Mes échéances", each module's own tiles (registry `homeTiles`), the
 * tiles of the modules the role uses (with their purpose), and the modules still to come.
 */
export function HomePage(c: PageContext) {
  const { t } = useTranslation();
  const { session, modules } = c;
  const roles = session.user.roles;
  const items = navFor(roles, modules);
  const soon = items.filter((n) => n.route === null);
  const ready = items.filter((n) => n.route !== null && n.purpose);
  const tiles = modules.flatMap((m) => m.homeTiles ?? []).filter((tile) => tile.roles.some((r) => roles.includes(r)));
  return (
    <>
      <PageHeader title={t('home.title', { name: session.user.displayName })} />
      <p className="lead">{t('home.lead', { roles: roles.map((r: Role) => t(`roles.${r}`)).join(', ') })}</p>
      {/* Every role has dated things to do; the administrator, the legal parameters to renew. */}
      <TasksList />
      {/* What the day holds (appointments, aids to validate…) before the tools, so it stays on the first screen. */}
      {tiles.map((tile) => (
        <Fragment key={tile.key}>{tile.render(c)}</Fragment>
      ))}
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
