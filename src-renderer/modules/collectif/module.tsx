/** Collective actions: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { ActionPage } from './ActionPage';
import { ListPage } from './ListPage';

export const collectifUi = defineUiModule({
  name: 'collectif',
  nav: [
    {
      key: 'collectif',
      route: '#/collectif',
      roles: ['ass', 'cesf', 'responsable'],
      position: 66,
      purpose: true,
      render: ({ route }) => {
        const m = /^#\/collectif\/(\d+)(?:\/([a-z]+))?$/.exec(route);
        return m ? <ActionPage key={`${m[1]}-${m[2] ?? ''}`} id={Number(m[1])} tab={m[2]} /> : <ListPage />;
      },
    },
  ],
});
