/** The concertation instance: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { DsuConcertation } from './DsuConcertation';
import { ListPage } from './ListPage';
import { ReferralPage } from './ReferralPage';

export const concertationUi = defineUiModule({
  name: 'concertation',
  nav: [
    {
      key: 'concertation',
      route: '#/concertation',
      roles: ['ass', 'cesf', 'responsable'],
      position: 64,
      purpose: true,
      render: ({ route, session }) => {
        const m = /^#\/concertation\/(\d+)$/.exec(route);
        return m ? <ReferralPage key={m[1]} id={Number(m[1])} /> : <ListPage session={session} />;
      },
    },
  ],
  dsuPanels: [{ key: 'concertation', position: 58, render: (p) => <DsuConcertation {...p} /> }],
});
