/** Financial aids: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { AidesListPage } from './AidesListPage';
import { AidRequestPage } from './AidRequestPage';
import { CommissionPage } from './CommissionPage';
import { DsuAids } from './DsuAids';
import { EnvelopesPage } from './EnvelopesPage';
import { ReglementPage } from './ReglementPage';
import { ValidationPage } from './ValidationPage';
import { ValidationTile } from './ValidationTile';

export const aidesUi = defineUiModule({
  name: 'aides',
  nav: [
    {
      key: 'aides',
      route: '#/aides',
      roles: ['ass', 'cesf', 'responsable'],
      position: 40,
      purpose: true,
      render: ({ session, route }) => {
        const id = /^#\/aides\/(\d+)$/.exec(route)?.[1];
        const forDsu = /^#\/aides\/nouvelle\/(\d+)(?:\?dispositif=([a-z][a-z0-9_]*))?$/.exec(route);
        if (id) return <AidRequestPage key={id} id={Number(id)} />;
        if (forDsu) return <AidRequestPage key={`n${forDsu[1]}-${forDsu[2] ?? ''}`} dsuId={Number(forDsu[1])} {...(forDsu[2] ? { dispositif: forDsu[2] } : {})} />;
        return <AidesListPage session={session} />;
      },
    },
    { key: 'validation', route: '#/validation', roles: ['responsable'], position: 70, purpose: true, render: () => <ValidationPage /> },
    { key: 'commission', route: '#/commission', roles: ['responsable'], position: 80, purpose: true, render: () => <CommissionPage /> },
    { key: 'envelopes', route: '#/enveloppes', roles: ['responsable'], position: 90, purpose: true, render: () => <EnvelopesPage /> },
    { key: 'reglement', route: '#/reglement', roles: ['responsable', 'admin'], position: 100, purpose: true, render: () => <ReglementPage /> },
  ],
  homeTiles: [{ key: 'validation', roles: ['responsable'], render: () => <ValidationTile /> }],
  dsuPanels: [
    {
      key: 'aides',
      position: 30,
      render: ({ dsu, session }) => <DsuAids dsuId={dsu.id} canCreate={dsu.canWrite && (session.user.roles.includes('ass') || session.user.roles.includes('cesf'))} />,
    },
  ],
});
