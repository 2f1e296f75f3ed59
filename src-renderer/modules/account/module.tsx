/** The person's own account: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { AccountPage } from './AccountPage';

export const accountUi = defineUiModule({
  name: 'account',
  nav: [{ key: 'account', route: '#/compte', roles: ['secretaire', 'ass', 'cesf', 'responsable', 'admin'], position: 190, render: ({ session }) => <AccountPage session={session} /> }],
});
