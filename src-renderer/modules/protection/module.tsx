/** Protection evaluations (IP, IS PA/PH): this module's entry in the renderer's registry (modules/index.ts). No DSU tab: nothing of it appears in a DSU. */
import { defineUiModule } from '../module';
import { EvaluationPage } from './EvaluationPage';
import { IntakePage } from './IntakePage';
import { ListPage } from './ListPage';

export const protectionUi = defineUiModule({
  name: 'protection',
  nav: [
    {
      key: 'protection',
      route: '#/protection',
      roles: ['ass', 'cesf', 'responsable'],
      position: 62,
      purpose: true,
      render: ({ route, session }) => {
        if (route === '#/protection/nouvelle' && session.user.roles.includes('responsable')) return <IntakePage />;
        const m = /^#\/protection\/(\d+)(?:\/([a-z]+))?$/.exec(route);
        return m ? <EvaluationPage key={m[1]} id={Number(m[1])} section={m[2]} session={session} /> : <ListPage session={session} />;
      },
    },
  ],
});
