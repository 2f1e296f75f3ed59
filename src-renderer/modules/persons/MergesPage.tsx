/** Merging two records of the same person (DOMAIN §2): a responsable's action, undoable from its log. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonHit } from '../../../src-main/modules';
import { must } from '../../api';
import { Alert, Button, ConfirmDialog, PageHeader, RadioList, TextInput } from '../../ui/components';
import { formatDateTime, formatPhone, isoToFr, personName } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { matchReasonText } from './matchReason';
import { usePersonSearch, type PersonSearch } from './usePersonSearch';

function PersonPicker({ label, value, onChange }: { label: string; value: PersonHit | null; onChange: (p: PersonHit | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const hits = usePersonSearch(q, 10).results?.results ?? [];
  const describe = (h: PersonSearch['results'][number]) => `${personName(h)}${h.birthDate ? ` — ${isoToFr(h.birthDate)}` : ''}${h.phone ? ` — ${formatPhone(h.phone)}` : ''}${h.dsu ? ` — ${h.dsu.number}` : ''} (${matchReasonText(t, h.reason)})`;
  return (
    <fieldset className="panel">
      <legend>{label}</legend>
      <TextInput label={t('merge.search')} name={`${label}-q`} type="search" value={q} onChange={setQ} autoComplete="off" />
      {hits.length > 0 && (
        <RadioList
          label={t('merge.results')}
          orientation="vertical"
          value={value ? String(value.id) : null}
          onChange={(v) => onChange(hits.find((h) => String(h.id) === v) ?? null)}
          options={hits.map((h) => ({ value: String(h.id), label: describe(h) }))}
        />
      )}
    </fieldset>
  );
}

export function MergesPage() {
  const { t } = useTranslation();
  const { data: merges, reload } = useResource(() => must('persons:merges', {}));
  const [keep, setKeep] = useState<PersonHit | null>(null);
  const [absorb, setAbsorb] = useState<PersonHit | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [undoing, setUndoing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('nav.merges')} />
      <p className="lead">{t('merge.lead')}</p>
      {notice && (
        <Alert kind="success" focus>
          {notice}
        </Alert>
      )}
      <div className="grid-2">
        <PersonPicker label={t('merge.keep')} value={keep} onChange={setKeep} />
        <PersonPicker label={t('merge.absorb')} value={absorb} onChange={setAbsorb} />
      </div>
      <div className="actions">
        <Button variant="danger" isDisabled={!keep || !absorb || keep.id === absorb.id} onPress={() => setConfirming(true)}>
          {t('merge.run')}
        </Button>
      </div>
      <h2>{t('merge.history')}</h2>
      {merges && merges.length === 0 && <p className="muted">{t('merge.none')}</p>}
      <ul className="plain">
        {merges?.map((m) => (
          <li key={m.id}>
            {t('merge.item', { at: formatDateTime(m.at), by: m.by.displayName, absorbed: m.absorbed.name, kept: m.kept.name })}
            {m.undoneAt ? (
              <span className="muted"> — {t('merge.undone', { at: formatDateTime(m.undoneAt) })}</span>
            ) : (
              <Button variant="quiet" onPress={() => setUndoing(m.id)}>
                {t('merge.undo')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {confirming && keep && absorb && (
        <ConfirmDialog
          title={t('merge.confirmTitle')}
          confirmLabel={t('merge.run')}
          variant="danger"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await must('persons:merge', { keepId: keep.id, absorbId: absorb.id });
            setConfirming(false);
            setNotice(t('merge.done', { kept: personName(keep) }));
            setKeep(null);
            setAbsorb(null);
            await reload();
          }}
        >
          <p>{t('merge.confirmText', { absorbed: personName(absorb), kept: personName(keep) })}</p>
        </ConfirmDialog>
      )}
      {undoing !== null && (
        <ConfirmDialog
          title={t('merge.undoTitle')}
          confirmLabel={t('merge.undo')}
          onClose={() => setUndoing(null)}
          onConfirm={async () => {
            await must('persons:unmerge', { mergeId: undoing });
            setUndoing(null);
            setNotice(t('merge.undoneNotice'));
            await reload();
          }}
        >
          <p>{t('merge.undoText')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
