import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { formatDateTime, isoToFr } from '../../ui/format';
import { PARAMETERS_ROUTE } from './ParametersPage';

/** The admin's view of accounts and territory, on the home page. */
export function AdminTiles() {
  const { t } = useTranslation();
  const [state, setState] = useState<{ active: number; pending: number; disabled: number; communes: number; uncovered: number; sectors: number; backups: number; lastBackup: string | null; backupOld: boolean; toRenew: { id: string; label: string; due: string | null; overdue: boolean }[] } | null>(null);
  useEffect(() => {
    void (async () => {
      const [users, site, sectors, backups, params] = await Promise.all([call('admin:listUsers', {}), call('site:info', {}), call('admin:listSectors', {}), call('admin:listBackups', {}), call('params:list', {})]);
      if (!users.ok || !site.ok || !sectors.ok || !backups.ok || !params.ok) return;
      setState({
        active: users.value.filter((u) => !u.disabled).length,
        pending: users.value.filter((u) => !u.disabled && u.mustChangePassword).length,
        disabled: users.value.filter((u) => u.disabled).length,
        communes: site.value.communes.length,
        uncovered: site.value.communes.filter((c) => c.sectorId === null).length,
        sectors: sectors.value.length,
        backups: backups.value.backups.length,
        lastBackup: backups.value.backups.find((b) => b.createdAt)?.createdAt ?? null,
        toRenew: params.value.parameters.filter((p) => p.toRenew).map((p) => ({ id: p.id, label: p.label, due: p.nextRenewal, overdue: p.overdue })),
        backupOld: backups.value.backups.some((b) => b.createdAt) && !backups.value.backups.some((b) => b.createdAt && Date.now() - new Date(b.createdAt).getTime() <= 7 * 86_400_000),
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
        <li className="tile">
          <h3>{t('nav.backup')}</h3>
          <p>{state.lastBackup ? t('backup.tileLast', { date: formatDateTime(state.lastBackup), count: state.backups }) : t('backup.tileNone')}</p>
          {state.backupOld && <p className="warning-text">{t('backup.tileOld')}</p>}
          <a href="#/admin/sauvegardes">{t('backup.tileLink')}</a>
        </li>
        <li className="tile" data-testid="parameters-tile">
          <h3>{t('parametres.tileTitle')}</h3>
          <p className={state.toRenew.length > 0 ? 'warning-text' : undefined}>{t('parametres.tileCount', { count: state.toRenew.length })}</p>
          {state.toRenew.length > 0 && (
            <ul className="plain tile-list">
              {state.toRenew.map((p) => (
                <li key={p.id}>
                  <a href={`${PARAMETERS_ROUTE}/${p.id}`}>{t(p.overdue ? 'parametres.tileOverdue' : 'parametres.tileDue', { label: p.label, date: isoToFr(p.due) })}</a>
                </li>
              ))}
            </ul>
          )}
          <a href={PARAMETERS_ROUTE}>{t('parametres.tileLink')}</a>
        </li>
      </ul>
    </section>
  );
}
