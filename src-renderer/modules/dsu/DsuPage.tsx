/**
 * One Dossier Social Unique (DOMAIN §3): a compact header (status, household, référent and
 * co-intervenants) and tabs — Situation · Journal · Aides · the procedures of later modules ·
 * Documents · Consentements · Rendez-vous · Premiers accueils — each a registry entry
 * (`dsuPanels`), the DSU's own included. The open tab is in the address (`#/dsu/12/journal`),
 * so a reload keeps it. A file that is not the reader's opens only after an "accès
 * exceptionnel" reason.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Form, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { DsuOut, SessionInfo } from '../../../src-main/modules';
import { ApiError, must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, ConfirmDialog, PageHeader, SelectField, TextAreaInput } from '../../ui/components';
import { formatDateTime, isoToFr, personName, saveFile } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { NotLoaded, RecordStatus } from '../../ui/RecordParts';
import { HouseholdSummary, Team } from './DsuPanels';
import type { DsuPanel } from '../module';
import { CLOSE_REASONS } from '../../../src-main/modules/dsu/kinds';

/** The tabs in their order (registry positions). */
export const orderedPanels = (panels: readonly DsuPanel[]) => [...panels].sort((a, b) => a.position - b.position);

export function DsuPage({ id, session, panels, tab: tabInRoute }: { id: number; session: SessionInfo; panels: readonly DsuPanel[]; tab?: string | undefined }) {
  const { t } = useTranslation();
  const tabs = orderedPanels(panels);
  const [dsu, setDsu] = useState<DsuOut | null>(null);
  const [needReason, setNeedReason] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState<string | null>('objectifs_atteints');
  const valid = (k: string | undefined) => (k && tabs.some((p) => p.key === k) ? k : tabs[0]?.key ?? '');
  const [tab, setTab] = useState(() => valid(tabInRoute));
  // A link to another tab of the same file (`#/dsu/12/aides`) moves to it.
  const [routeTab, setRouteTab] = useState(tabInRoute);
  if (routeTab !== tabInRoute) {
    setRouteTab(tabInRoute);
    if (tabInRoute) setTab(valid(tabInRoute));
  }
  const { data: options } = useResource(() => must('intake:options', {}));

  const load = useCallback(
    (accessReason?: string) =>
      must('dsu:get', accessReason ? { id, reason: accessReason } : { id }).then(
        (d) => {
          setDsu(d);
          setNeedReason(null);
          setError(null);
        },
        (e: unknown) => {
          if (e instanceof ApiError && e.code === 'exceptional_access_required') setNeedReason(e.message);
          else setError(errorText(e));
        },
      ),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<unknown>, message: string) => {
    try {
      await fn();
      setError(null);
      // Said once the screen shows it.
      await load();
      setNotice(message);
    } catch (e) {
      setError(errorText(e));
    }
  };

  /** The tab in the address without a navigation (the page keeps its focus on the tab). */
  const selectTab = (key: string) => {
    setTab(key);
    setNotice(null);
    window.history.replaceState(window.history.state, '', `#/dsu/${id}/${key}`);
  };

  if (needReason) return <ExceptionalAccess message={needReason} error={error} onSubmit={(r) => load(r)} />;
  if (!dsu) return <NotLoaded error={error} />;

  const holder = dsu.household.members[0];
  const exportAs = async (format: 'pdf' | 'json') => {
    try {
      saveFile(await must('dsu:export', { id: dsu.id, format }));
      setNotice(t('dsu.exported', { format: format.toUpperCase() }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const changed = (message?: string) => {
    setError(null);
    void load().then(() => {
      if (message) setNotice(message);
    });
  };

  return (
    <>
      <PageHeader title={t('dsu.title', { number: dsu.number, holder: holder ? personName(holder) : '' })}>
        <Button variant="secondary" onPress={() => void exportAs('pdf')}>
          {t('dsu.exportPdf')}
        </Button>
        <Button variant="secondary" onPress={() => void exportAs('json')}>
          {t('dsu.exportJson')}
        </Button>
        {dsu.status === 'actif' && (
          <Button variant="danger" onPress={() => setClosing(true)}>
            {t('dsu.close')}
          </Button>
        )}
        {(dsu.status === 'clos' || (dsu.status === 'archive' && session.user.roles.includes('responsable'))) && (
          <Button variant="primary" onPress={() => void act(() => must('dsu:reopen', { id: dsu.id }), t('dsu.reopened'))}>
            {t('dsu.reopen')}
          </Button>
        )}
      </PageHeader>
      <div className="dsu-header">
        <HouseholdSummary dsu={dsu} />
        <div>
          <p className="dsu-status">
            <span className={`status-badge status-${dsu.status}`}>{t(`labels.${dsu.status}`)}</span>{' '}
            {dsu.closeReason && t('dsu.closedBecause', { reason: t(`labels.${dsu.closeReason}`) })} {t('dsu.dates', { opened: isoToFr(dsu.openedAt), last: isoToFr(dsu.lastContactOn) })}
          </p>
          <Team dsu={dsu} options={options} partners={[]} canAssign={session.user.roles.includes('responsable')} onChanged={changed} onError={setError} />
        </div>
      </div>
      {dsu.access === 'exceptionnel' && <Alert kind="info">{t('dsu.exceptionalBanner')}</Alert>}
      {!dsu.canWrite && <Alert kind="info">{dsu.status === 'archive' ? t('dsu.archivedReadOnly') : t('dsu.closedReadOnly')}</Alert>}
      {dsu.exceptionalAccesses.length > 0 && (
        <section className="panel exceptional" aria-labelledby="exceptional-title">
          <h2 id="exceptional-title">{t('dsu.exceptionalTitle')}</h2>
          <ul>
            {dsu.exceptionalAccesses.map((e) => (
              <li key={e.id}>{t('dsu.exceptionalItem', { who: e.user.displayName, at: formatDateTime(e.at), reason: e.reason })}</li>
            ))}
          </ul>
        </section>
      )}
      <RecordStatus notice={notice} error={error} live="dsu-live" />
      <Tabs className="dsu-tabs" selectedKey={tab} onSelectionChange={(k) => selectTab(String(k))}>
        <TabList className="tab-list" aria-label={t('dsu.tabsLabel', { number: dsu.number })}>
          {tabs.map((p) => (
            <Tab key={p.key} id={p.key} className="tab">
              {t(`dsuTabs.${p.key}`)}
            </Tab>
          ))}
        </TabList>
        {tabs.map((p) => (
          <TabPanel key={p.key} id={p.key} className="tab-panel">
            {p.render({ dsu, session, onChanged: changed, onError: setError })}
          </TabPanel>
        ))}
      </Tabs>
      {closing && (
        <ConfirmDialog
          title={t('dsu.closeTitle', { number: dsu.number })}
          confirmLabel={t('dsu.close')}
          variant="danger"
          onClose={() => setClosing(false)}
          onConfirm={async () => {
            await must('dsu:close', { id: dsu.id, reason: (reason ?? 'fin_de_demande') as (typeof CLOSE_REASONS)[number] });
            setClosing(false);
            setNotice(t('dsu.closed'));
            await load();
          }}
        >
          <p>{t('dsu.closeExplain')}</p>
          <SelectField label={t('dsu.closeReason')} value={reason} onChange={setReason} options={CLOSE_REASONS.map((r) => ({ id: r, label: t(`labels.${r}`) }))} />
        </ConfirmDialog>
      )}
    </>
  );
}

function ExceptionalAccess({ message, error, onSubmit }: { message: string; error: string | null; onSubmit: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await onSubmit(reason);
    setBusy(false);
  };
  return (
    <>
      <PageHeader title={t('dsu.exceptionalAsk')} />
      <Alert kind="info">{message}</Alert>
      <Form className="panel narrow-wide" onSubmit={(e) => void submit(e)} validationBehavior="aria">
        <TextAreaInput label={t('dsu.exceptionalReason')} name="reason" value={reason} onChange={setReason} isRequired rows={3} description={t('dsu.exceptionalHint')} />
        {error && <Alert kind="error">{error}</Alert>}
        <div className="actions">
          <a className="btn btn-secondary" href="#/dsu">
            {t('common.back')}
          </a>
          <Button variant="primary" type="submit" isDisabled={busy || reason.trim().length < 10}>
            {t('dsu.exceptionalOpen')}
          </Button>
        </div>
      </Form>
    </>
  );
}
