/**
 * The parts a record page is made of (a surendettement file, an eviction case, an evaluation,
 * a concertation referral, a collective action): while it loads, its facts in a compact header,
 * what the page has to say (warnings, read-only, the live region for what was just recorded, an
 * error), and its sections as tabs whose open one lives in the address (`useRouteTab`).
 */
import type { ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Alert } from './components';

/** What a record page shows before its record: the error that kept it, or that it is loading. */
export function NotLoaded({ error }: { error: string | null }) {
  const { t } = useTranslation();
  return error ? <Alert kind="error">{error}</Alert> : <p>{t('common.loading')}</p>;
}

export interface Fact {
  term: string;
  value: ReactNode;
  /** For the journeys' checks (`data-testid` on the value). */
  testId?: string;
  /** On the value, e.g. `warning-text` for a fact that calls for attention. */
  className?: string;
}

/** The record's header: each fact a term and its value; `false`/`null` facts are left out. */
export function RecordFacts({ className, facts }: { className?: string; facts: readonly (Fact | false | null)[] }) {
  return (
    <dl className={className ? `sur-header ${className}` : 'sur-header'}>
      {facts
        .filter((f): f is Fact => Boolean(f))
        .map((f) => (
          <div key={f.term}>
            <dt>{f.term}</dt>
            <dd data-testid={f.testId} className={f.className}>
              {f.value}
            </dd>
          </div>
        ))}
    </dl>
  );
}

/**
 * What the page says under its header, in this order: the rules' warnings, why it is read-only
 * (or closed), the live region that says what was just recorded (once the page shows it), an error.
 */
export function RecordStatus({
  warnings = [],
  info,
  notice,
  error = null,
  live = 'sur-live',
}: {
  warnings?: readonly string[];
  info?: ReactNode;
  notice: string | null;
  error?: string | null;
  /** The live region's class, which the journeys look for. */
  live?: string;
}) {
  return (
    <>
      {warnings.length > 0 && (
        <Alert kind="info">
          <span className="sur-warnings">
            {warnings.map((w) => (
              <span key={w}>{w} </span>
            ))}
          </span>
        </Alert>
      )}
      {info ? <Alert kind="info">{info}</Alert> : null}
      <div className={live} role="status" aria-live="polite">
        {/* Focusable by script: after an action, the keyboard goes on from the message (useFocusKeeper). */}
        {notice && (
          <p className="alert alert-success" tabIndex={-1}>
            {notice}
          </p>
        )}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
    </>
  );
}

/** The record's sections as tabs, in the order of `tabs`; `panels` holds each one's content. */
export function RecordTabs<K extends string>({
  label,
  tabs,
  title,
  selected,
  onSelect,
  panels,
}: {
  label: string;
  tabs: readonly K[];
  title: (k: K) => string;
  selected: K;
  onSelect: (k: K) => void;
  panels: Record<K, ReactNode>;
}) {
  return (
    <Tabs className="dsu-tabs" selectedKey={selected} onSelectionChange={(k) => onSelect(String(k) as K)}>
      <TabList className="tab-list" aria-label={label}>
        {tabs.map((k) => (
          <Tab key={k} id={k} className="tab">
            {title(k)}
          </Tab>
        ))}
      </TabList>
      {tabs.map((k) => (
        <TabPanel key={k} id={k} className="tab-panel">
          {panels[k]}
        </TabPanel>
      ))}
    </Tabs>
  );
}
