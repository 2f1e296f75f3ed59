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
      render: ({ session, route, modules }) => {
        const id = /^#\/aides\/(\d+)$/.exec(route)?.[1];
        const forDsu = /^#\/aides\/nouvelle\/(\d+)(?:\?([a-z0-9_=&]*))?$/.exec(route);
        const panels = modules.flatMap((m) => m.aidPanels ?? []);
        if (id) return <AidRequestPage key={id} id={Number(id)} panels={panels} />;
        if (forDsu) {
          const query = new URLSearchParams(forDsu[2] ?? '');
          const dispositif = /^[a-z][a-z0-9_]*$/.exec(query.get('dispositif') ?? '')?.[0];
          return <AidRequestPage key={`n${forDsu[1]}-${forDsu[2] ?? ''}`} dsuId={Number(forDsu[1])} {...(dispositif ? { dispositif } : {})} query={query} panels={panels} />;
        }
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
