/** The premier accueil: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { FirstContactsPanel } from './FirstContactsPanel';
import { IntakePage } from './IntakePage';

export const intakeUi = defineUiModule({
  name: 'intake',
  nav: [{ key: 'intake', route: '#/accueil', roles: ['secretaire', 'ass', 'cesf'], position: 10, purpose: true, render: ({ session }) => <IntakePage canOpenDsu={session.user.roles.some((r) => r === 'ass' || r === 'cesf')} /> }],
  dsuPanels: [{ key: 'firstContacts', position: 90, render: ({ dsu }) => <FirstContactsPanel dsuId={dsu.id} /> }],
});
