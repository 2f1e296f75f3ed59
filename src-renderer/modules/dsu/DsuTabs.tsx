/** The DSU's own tabs (registry `dsuPanels` of this module): Journal, Documents, Consentements; Situation is DsuSituation. */
import { must } from '../../api';
import { useResource } from '../../ui/useResource';
import type { DsuPanelProps } from '../module';
import { DsuJournal } from './DsuJournal';
import { DsuConsents, DsuDocuments } from './DsuPanels';

export function JournalTab({ dsu, session, onChanged }: DsuPanelProps) {
  const { data: options } = useResource(() => must('intake:options', {}));
  const { data: partners } = useResource(() => must('partners:list', {}));
  return <DsuJournal dsu={dsu} session={session} options={options} partners={partners ?? []} onChanged={() => onChanged()} />;
}

export function DocumentsTab({ dsu, onChanged, onError }: DsuPanelProps) {
  return <DsuDocuments dsu={dsu} options={null} partners={[]} canAssign={false} onChanged={onChanged} onError={onError} />;
}

export function ConsentsTab({ dsu, onChanged, onError }: DsuPanelProps) {
  const { data: partners } = useResource(() => must('partners:list', {}));
  return <DsuConsents dsu={dsu} options={null} partners={partners ?? []} canAssign={false} onChanged={onChanged} onError={onError} />;
}
