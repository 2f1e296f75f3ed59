/** The household's overindebtedness files, on its DSU (tab « Surendettement »); a new file opens from here. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button } from '../../ui/components';
import { isoToFr } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import type { DsuPanelProps } from '../module';

export function DsuFiles({ dsu, session, onError }: DsuPanelProps) {
  const { t } = useTranslation();
  const files = useResource(() => must('surendettement:forDsu', { dsuId: dsu.id }));
  const [busy, setBusy] = useState(false);
  // One open file per household: a new deposit is recorded in it (redépôt).
  const canOpen = dsu.canWrite && (session.user.roles.includes('cesf') || session.user.roles.includes('ass')) && !!files.data && !files.data.some((f) => f.status === 'ouvert');
  const open = async () => {
    setBusy(true);
    try {
      const f = await must('surendettement:open', { dsuId: dsu.id });
      window.location.hash = `#/surendettement/${f.id}`;
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="dsu-sur-title">
      <h2 id="dsu-sur-title">{t('surendettement.dsu.title')}</h2>
      {canOpen && (
        <p>
          <Button variant="primary" onPress={() => void open()} isDisabled={busy}>
            {t('surendettement.dsu.open')}
          </Button>
        </p>
      )}
      {files.error && <Alert kind="error">{files.error}</Alert>}
      {files.data?.length === 0 && <p className="muted">{t('surendettement.dsu.none')}</p>}
      <ul className="plain">
        {files.data?.map((f) => (
          <li key={f.id}>
            <a href={`#/surendettement/${f.id}`}>{t('surendettement.dsu.item', { date: isoToFr(f.openedOn), referent: f.referent.displayName })}</a> —{' '}
            {t(`surendettement.statuses.${f.status}`)}
            {f.stage && <> — {t(`surendettement.stages.${f.stage}`)}</>}
            {f.nextDeadline && <> — {t('surendettement.dsu.next', { date: isoToFr(f.nextDeadline.due), label: f.nextDeadline.label })}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
