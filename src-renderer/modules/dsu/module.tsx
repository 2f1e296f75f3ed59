/** The Dossier Social Unique: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { DsuListPage } from './DsuListPage';
import { DsuPage } from './DsuPage';
import { RetentionPage } from './RetentionPage';
import { RetentionTile } from './RetentionTile';

export const dsuUi = defineUiModule({
  name: 'dsu',
  nav: [
    {
      key: 'dsu',
      route: '#/dsu',
      roles: ['ass', 'cesf', 'responsable'],
      position: 30,
      purpose: true,
      render: ({ session, route, modules }) => {
        const id = /^#\/dsu\/(\d+)$/.exec(route)?.[1];
        return id ? <DsuPage key={id} id={Number(id)} session={session} panels={modules.flatMap((m) => m.dsuPanels ?? [])} /> : <DsuListPage session={session} />;
      },
    },
    { key: 'retention', route: '#/conservation', roles: ['responsable'], position: 130, purpose: true, render: () => <RetentionPage /> },
  ],
  homeTiles: [{ key: 'retention', roles: ['responsable'], render: () => <RetentionTile /> }],
});
