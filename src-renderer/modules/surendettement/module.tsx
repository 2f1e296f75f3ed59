/** Overindebtedness files: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { DsuFiles } from './DsuFiles';
import { FilePage } from './FilePage';
import { ListPage } from './ListPage';

export const surendettementUi = defineUiModule({
  name: 'surendettement',
  nav: [
    {
      key: 'surendettement',
      route: '#/surendettement',
      roles: ['cesf', 'ass', 'responsable'],
      position: 50,
      purpose: true,
      render: ({ route }) => {
        const m = /^#\/surendettement\/(\d+)(?:\/([a-z]+))?$/.exec(route);
        return m ? <FilePage key={m[1]} id={Number(m[1])} tab={m[2]} /> : <ListPage />;
      },
    },
  ],
  dsuPanels: [{ key: 'surendettement', position: 40, render: (p) => <DsuFiles {...p} /> }],
});
