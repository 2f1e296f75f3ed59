/** The home page: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { HomePage } from './HomePage';

export const homeUi = defineUiModule({
  name: 'home',
  nav: [{ key: 'home', route: '#/', roles: ['secretaire', 'ass', 'cesf', 'responsable', 'admin'], position: 0, render: (c) => <HomePage {...c} /> }],
});
