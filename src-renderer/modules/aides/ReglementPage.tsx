/**
 * The règlement's versions (DOMAIN §4.1, §4.7): import a JSON document (checked, every
 * problem named with its field), measure its impact on the last 12 months of requests,
 * activate it. Decisions already taken keep the version they were evaluated under.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../api';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, ConfirmDialog, PageHeader, TextAreaInput } from '../../ui/components';
import { formatCents, formatDateTime, isoToFr, saveFile } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { ReglementDocument } from './ReglementDocument';

type Replay = Output<'reglement:replay'>;

export function ReglementPage() {
  const { t } = useTranslation();
  const versions = useResource(() => must('reglement:list', {}));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [replay, setReplay] = useState<{ id: number; label: string; data: Replay } | null>(null);
  const [activating, setActivating] = useState<{ id: number; label: string } | null>(null);
  const [editing, setEditing] = useState<{ id: number; label: string; document: string } | null>(null);
  // The version read as a document: the one in force today until another is chosen.
  const [chosen, setChosen] = useState<{ id: number; title: string } | null>(null);
  const inForce = versions.data?.find((v) => v.inForceToday) ?? versions.data?.find((v) => v.status === 'actif');
  const shown = chosen ?? (inForce ? { id: inForce.id, title: inForce.title } : null);
  const edit = async (id: number, label: string) => {
    try {
      setEditing({ id, label, document: (await must('reglement:get', { id })).document });
    } catch (e) {
      setError(errorText(e));
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await must('reglement:import', { document: await file.text() });
      setError(null);
      setNotice(t('aides.reglement.imported', { code: r.code, version: r.version }));
      await versions.reload();
    } catch (e) {
      setNotice(null);
      setError(errorText(e));
    }
  };
  const measure = async (id: number, label: string) => {
    try {
      const data = await must('reglement:replay', { id });
      setReplay({ id, label, data });
      // The measure appears below the list: said at once (RGAA 7.5).
      setNotice(t('a11y.impactMeasured', { label, count: data.requests, changed: data.changed }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const download = async (id: number, label: string) => {
    const r = await must('reglement:get', { id });
    saveFile({ fileName: `${label}.json`, mime: 'application/json', contentBase64: btoa(String.fromCharCode(...new TextEncoder().encode(r.document))) });
  };
  return (
    <>
      <PageHeader title={t('nav.reglement')}>
        <label className="btn btn-primary file-button">
          {t('aides.reglement.import')}
          <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
      </PageHeader>
      <p className="lead">{t('aides.reglement.lead')}</p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      {versions.data && (
        <table className="table">
          <caption className="visually-hidden">{t('aides.reglement.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('aides.reglement.version')}</th>
              <th scope="col">{t('aides.reglement.period')}</th>
              <th scope="col">{t('aides.status')}</th>
              <th scope="col">{t('aides.reglement.requests')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.data.map((v) => {
              const label = `${v.code}-v${v.version}`;
              return (
                <tr key={v.id}>
                  <th scope="row">
                    {v.title}
                    <div className="muted small">
                      {label}
                      {v.importedBy && ` — ${t('aides.reglement.importedBy', { who: v.importedBy.displayName, at: formatDateTime(v.importedAt) })}`}
                    </div>
                  </th>
                  <td>{v.until ? t('aides.reglement.fromTo', { from: isoToFr(v.effectiveFrom), to: isoToFr(v.until) }) : t('aides.reglement.from', { from: isoToFr(v.effectiveFrom) })}</td>
                  <td>
                    {t(`aides.reglement.statuses.${v.status}`)}
                    {v.inForceToday && <span className="badge">{t('aides.reglement.inForce')}</span>}
                  </td>
                  <td>{v.requests}</td>
                  <td className="actions">
                    <Button variant="quiet" aria-label={t('aides.reglement.doc.readOf', { label })} onPress={() => setChosen({ id: v.id, title: v.title })}>
                      {t('aides.reglement.doc.read')}
                    </Button>
                    <Button variant="quiet" onPress={() => void download(v.id, label)}>
                      {t('aides.reglement.download')}
                    </Button>
                    <Button variant="quiet" onPress={() => void measure(v.id, label)}>
                      {t('aides.reglement.replay')}
                    </Button>
                    {v.status === 'brouillon' && (
                      <Button variant="quiet" onPress={() => void edit(v.id, label)}>
                        {t('aides.reglement.edit')}
                      </Button>
                    )}
                    {v.status === 'brouillon' && (
                      <Button variant="primary" onPress={() => setActivating({ id: v.id, label })}>
                        {t('aides.reglement.activate')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown && <ReglementReading key={shown.id} id={shown.id} title={shown.title} focus={chosen !== null} />}
      {replay && (
        <section className="panel" aria-labelledby="replay-title">
          <h2 id="replay-title">{t('aides.reglement.replayTitle', { label: replay.label })}</h2>
          <p>{t('aides.reglement.replaySummary', { from: isoToFr(replay.data.from), to: isoToFr(replay.data.to), count: replay.data.requests, changed: replay.data.changed })}</p>
          {replay.data.requests === 0 && <p className="muted">{t('aides.reglement.replayNone')}</p>}
          {replay.data.requests > 0 && (
            <table className="table">
              <caption className="visually-hidden">{t('aides.reglement.replayTitle', { label: replay.label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('aides.dispositif')}</th>
                  <th scope="col">{t('aides.reglement.requests')}</th>
                  <th scope="col">{t('aides.reglement.changed')}</th>
                  <th scope="col">{t('aides.reglement.becomeOut')}</th>
                  <th scope="col">{t('aides.reglement.becomeIn')}</th>
                </tr>
              </thead>
              <tbody>
                {replay.data.rows.map((r) => (
                  <tr key={r.dispositif}>
                    <th scope="row">{r.label}</th>
                    <td>{r.requests}</td>
                    <td>{r.changed}</td>
                    <td>
                      {r.becomeOut} ({formatCents(r.amountOutCents)})
                    </td>
                    <td>
                      {r.becomeIn} ({formatCents(r.amountInCents)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {editing && (
        <ConfirmDialog
          title={t('aides.reglement.editTitle', { label: editing.label })}
          confirmLabel={t('common.save')}
          onClose={() => setEditing(null)}
          onConfirm={async () => {
            await must('reglement:update', { id: editing.id, document: editing.document });
            setEditing(null);
            setReplay(null);
            setError(null);
            setNotice(t('aides.reglement.updated', { label: editing.label }));
            await versions.reload();
          }}
        >
          <p>{t('aides.reglement.editExplain')}</p>
          <TextAreaInput label={t('aides.reglement.document')} name="document" value={editing.document} onChange={(d) => setEditing({ ...editing, document: d })} rows={18} />
        </ConfirmDialog>
      )}
      {activating && (
        <ConfirmDialog
          title={t('aides.reglement.activateTitle', { label: activating.label })}
          confirmLabel={t('aides.reglement.activate')}
          onClose={() => setActivating(null)}
          onConfirm={async () => {
            await must('reglement:activate', { id: activating.id });
            setActivating(null);
            setNotice(t('aides.reglement.activated', { label: activating.label }));
            await versions.reload();
          }}
        >
          <p>{t('aides.reglement.activateExplain')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** One version shown as a French document; the heading takes the focus when the user chose it. */
function ReglementReading({ id, title, focus }: { id: number; title: string; focus: boolean }) {
  const doc = useResource(() => must('reglement:get', { id }));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus && doc.data) heading.current?.focus();
  }, [focus, doc.data]);
  return (
    <section className="panel reglement-reading" aria-labelledby="reading-title">
      <h2 id="reading-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {doc.error && <Alert kind="error">{doc.error}</Alert>}
      {doc.data && <ReglementDocument document={doc.data.document} idPrefix={`reglement-${id}`} />}
    </section>
  );
}
