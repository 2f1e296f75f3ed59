/** Persons: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { MergesPage } from './MergesPage';

export const personsUi = defineUiModule({
  name: 'persons',
  nav: [{ key: 'merges', route: '#/fusions', roles: ['responsable'], position: 140, purpose: true, render: () => <MergesPage /> }],
});
