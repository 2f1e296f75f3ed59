/** Administration: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { AdminTiles } from './AdminTiles';
import { AuditPage } from './AuditPage';
import { BackupPage } from './BackupPage';
import { ParametersPage, PARAMETERS_ROUTE } from './ParametersPage';
import { SectorsPage } from './SectorsPage';
import { SettingsPage } from './SettingsPage';
import { TeamPage } from './TeamPage';
import { UsersPage } from './UsersPage';

export const adminUi = defineUiModule({
  name: 'admin',
  nav: [
    { key: 'users', route: '#/admin/utilisateurs', roles: ['admin'], position: 150, render: ({ session }) => <UsersPage session={session} /> },
    { key: 'sectors', route: '#/admin/secteurs', roles: ['admin', 'responsable'], position: 160, render: ({ session }) => <SectorsPage canEdit={session.user.roles.includes('admin')} /> },
    { key: 'settings', route: '#/admin/parametres', roles: ['admin'], position: 170, render: () => <SettingsPage /> },
    { key: 'parametres', route: PARAMETERS_ROUTE, roles: ['admin'], position: 172, render: ({ route }) => <ParametersPage route={route} /> },
    { key: 'team', route: '#/admin/postes', roles: ['admin'], position: 176, render: () => <TeamPage /> },
    { key: 'backup', route: '#/admin/sauvegardes', roles: ['admin'], position: 175, render: ({ session }) => <BackupPage session={session} /> },
    { key: 'audit', route: '#/journal', roles: ['admin', 'responsable'], position: 180, render: () => <AuditPage /> },
  ],
  homeTiles: [{ key: 'admin', roles: ['admin'], render: () => <AdminTiles /> }],
});
