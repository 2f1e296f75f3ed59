/** The partners' directory: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { PartnersPage } from './PartnersPage';

export const partnersUi = defineUiModule({
  name: 'partners',
  nav: [
    { key: 'partners', route: '#/partenaires', roles: ['secretaire', 'ass', 'cesf', 'responsable', 'admin'], position: 120, purpose: true, render: ({ session }) => <PartnersPage session={session} /> },
  ],
});
