/** Eviction prevention cases: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { AidCaseLink, linkAfterCreate } from './AidCaseLink';
import { CasePage } from './CasePage';
import { SessionPage, SessionsPage } from './CcapexSessions';
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
      render: ({ route, session }) => {
        const sessionRoute = /^#\/expulsions\/ccapex(?:\/(\d+))?$/.exec(route);
        if (sessionRoute) return sessionRoute[1] ? <SessionPage key={sessionRoute[1]} id={Number(sessionRoute[1])} /> : <SessionsPage mayWrite={session.user.roles.some((r) => r === 'ass' || r === 'cesf')} />;
        const m = /^#\/expulsions\/(\d+)(?:\/([a-z]+))?$/.exec(route);
        return m ? <CasePage key={m[1]} id={Number(m[1])} tab={m[2]} /> : <ListPage />;
      },
    },
  ],
  dsuPanels: [{ key: 'expulsions', position: 45, render: (p) => <DsuCases {...p} /> }],
  aidPanels: [{ key: 'expulsions', render: (p) => <AidCaseLink {...p} />, afterCreate: linkAfterCreate }],
});
