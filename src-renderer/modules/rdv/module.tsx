/** Appointments: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { AgendaPage } from './AgendaPage';
import { AppointmentsPanel } from './AppointmentsPanel';
import { HoursPage } from './HoursPage';
import { TodayTile } from './TodayTile';

export const rdvUi = defineUiModule({
  name: 'rdv',
  nav: [
    { key: 'appointments', route: '#/agenda', roles: ['secretaire', 'ass', 'cesf', 'responsable'], position: 20, purpose: true, render: ({ session }) => <AgendaPage session={session} /> },
    { key: 'openingHours', route: '#/admin/horaires', roles: ['admin'], position: 165, render: () => <HoursPage /> },
  ],
  homeTiles: [{ key: 'today', roles: ['ass', 'cesf'], render: ({ session }) => <TodayTile userId={session.user.id} /> }],
  dsuPanels: [{ key: 'appointments', position: 80, render: ({ dsu }) => <AppointmentsPanel dsuId={dsu.id} /> }],
});
