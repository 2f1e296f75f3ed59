/** The Dossier Social Unique: this module's entry in the renderer's registry (modules/index.ts). */
import { defineUiModule } from '../module';
import { DsuListPage } from './DsuListPage';
import { DsuPage } from './DsuPage';
import { DsuSituation } from './DsuSituation';
import { ConsentsTab, DocumentsTab, JournalTab } from './DsuTabs';
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
        const m = /^#\/dsu\/(\d+)(?:\/([A-Za-z]+))?$/.exec(route);
        return m ? <DsuPage key={m[1]} id={Number(m[1])} tab={m[2]} session={session} panels={modules.flatMap((x) => x.dsuPanels ?? [])} /> : <DsuListPage session={session} />;
      },
    },
    { key: 'retention', route: '#/conservation', roles: ['responsable'], position: 130, purpose: true, render: () => <RetentionPage /> },
  ],
  homeTiles: [{ key: 'retention', roles: ['responsable'], render: () => <RetentionTile /> }],
  dsuPanels: [
    { key: 'situation', position: 10, render: (p) => <DsuSituation {...p} /> },
    { key: 'journal', position: 20, render: (p) => <JournalTab {...p} /> },
    { key: 'documents', position: 60, render: (p) => <DocumentsTab {...p} /> },
    { key: 'consents', position: 70, render: (p) => <ConsentsTab {...p} /> },
  ],
});
