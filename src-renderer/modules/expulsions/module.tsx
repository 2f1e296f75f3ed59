/** Eviction prevention cases: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { CasePage } from './CasePage';
import { DsuCases } from './DsuCases';
import { ListPage } from './ListPage';

export const expulsionsUi = defineUiModule({
  name: 'expulsions',
  nav: [
    {
      key: 'expulsions',
      route: '#/expulsions',
      roles: ['cesf', 'ass', 'responsable'],
      position: 60,
      purpose: true,
      render: ({ route }) => {
        const m = /^#\/expulsions\/(\d+)(?:\/([a-z]+))?$/.exec(route);
        return m ? <CasePage key={m[1]} id={Number(m[1])} tab={m[2]} /> : <ListPage />;
      },
    },
  ],
  dsuPanels: [{ key: 'expulsions', position: 45, render: (p) => <DsuCases {...p} /> }],
});
