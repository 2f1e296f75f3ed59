import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src-main/shared/roles';
import type { Output, SessionInfo } from '../../../src-main/modules';
import { timeOf, today } from '../../ui/format';
import { call } from '../../api';
import { navFor } from '../../app/nav';
import { PageHeader } from '../../ui/components';

/** Modules that have a purpose line on the home page (the others are reached from the menu). */
const PURPOSES = { intake: 1, appointments: 1, dsu: 1, aides: 1, validation: 1, commission: 1, envelopes: 1, reglement: 1, partners: 1, retention: 1, merges: 1 };

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
      {(roles.includes('ass') || roles.includes('cesf')) && <TodayTile userId={session.user.id} />}
      {roles.includes('responsable') && <ValidationTile />}
      {roles.includes('responsable') && <RetentionTile />}
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

/** The social worker's appointments of the day, with a way into each household's file. */
function TodayTile({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Output<'rdv:agenda'> | null>(null);
  useEffect(() => {
    void call('rdv:agenda', { professionalId: userId, from: today(), days: 1 }).then((r) => r.ok && setItems(r.value));
  }, [userId]);
  if (!items) return null;
  return (
    <section aria-labelledby="today-title" className="tiles-section">
      <h2 id="today-title">{t('home.todayTitle')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('home.todayNone')}</p>
      ) : (
        <ul className="plain">
          {items.map((a) => (
            <li key={a.id}>
              <strong>{timeOf(a.startsAt)}</strong> — {a.person.name} — {t(`labels.${a.kind}`)} — {t(`labels.${a.status}`)}
              {a.dsu && (
                <>
                  {' '}
                  — <a href={`#/dsu/${a.dsu.id}`}>{t('agenda.openDsu', { number: a.dsu.number })}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Requests waiting for a responsable (DOMAIN §4.4): how many, how many urgent. */
function ValidationTile() {
  const { t } = useTranslation();
  const [queue, setQueue] = useState<Output<'aid:queue'> | null>(null);
  useEffect(() => {
    void call('aid:queue', {}).then((r) => r.ok && setQueue(r.value));
  }, []);
  if (!queue) return null;
  const urgent = queue.filter((q) => q.urgent).length;
  return (
    <section aria-labelledby="validation-tile" className="tiles-section">
      <h2 id="validation-tile">{t('nav.validation')}</h2>
      <p>
        {t('home.queue', { count: queue.length })} {urgent > 0 && <strong className="warning-text">{t('home.queueUrgent', { count: urgent })}</strong>}{' '}
        {queue.length > 0 && <a href="#/validation">{t('home.queueGo')}</a>}
      </p>
    </section>
  );
}

/** Files past the retention limit (DOMAIN §3): the responsable sees how many, and goes there. */
function RetentionTile() {
  const { t } = useTranslation();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    void call('dsu:retention', {}).then((r) => r.ok && setCount(r.value.rows.length));
  }, []);
  if (count === null) return null;
  return (
    <section aria-labelledby="retention-tile" className="tiles-section">
      <h2 id="retention-tile">{t('nav.retention')}</h2>
      <p>
        {t('home.retention', { count })} {count > 0 && <a href="#/conservation">{t('home.retentionGo')}</a>}
      </p>
    </section>
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
