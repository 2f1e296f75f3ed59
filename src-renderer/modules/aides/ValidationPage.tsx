/**
 * The responsable's validation queue (DOMAIN §4.4) on one screen: the pending requests,
 * urgent first then oldest, one dense line each, filtered as the work is sorted; the
 * selected one beside it (55 % / 45 % from 1366 px, below on narrower screens) with its
 * evaluation, note sociale, the household's aids of the last 12 months and the decision buttons.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AidOut } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, PageHeader } from '../../ui/components';
import { DataTable } from '../../ui/DataTable';
import { formatCents } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { AidActions } from './Actions';
import { useAidColumns } from './columns';
import { AidHistory, EvaluationPanel } from './Evaluation';
import { useAidFilters } from './filters';

export function ValidationPage() {
  const { t } = useTranslation();
  const queue = useResource(() => must('aid:queue', {}));
  const [selected, setSelected] = useState<AidOut | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = useCallback(async (id: number) => {
    try {
      setSelected(await must('aid:get', { id }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  const openRow = useCallback((r: { id: number }) => void open(r.id), [open]);
  const columns = useAidColumns('queue', openRow);
  const filters = useAidFilters(queue.data);
  // Once a request opens, the keyboard goes on from its heading (read first by a screen reader).
  const heading = useRef<HTMLHeadingElement>(null);
  const openedId = selected?.id;
  useEffect(() => {
    if (openedId !== undefined) heading.current?.focus();
  }, [openedId]);
  return (
    <div className="worklist">
      <PageHeader title={t('nav.validation')}>
        <p className="lead compact">{t('aides.queueLead')}</p>
      </PageHeader>
      {notice && <Alert kind="success">{notice}</Alert>}
      {(queue.error ?? error) && <Alert kind="error">{queue.error ?? error}</Alert>}
      <div className={selected ? 'queue-layout has-detail' : 'queue-layout'}>
        {queue.data && (
          <DataTable
            label={t('aides.queueCaption')}
            columns={columns}
            data={queue.data}
            getRowId={(r) => String(r.id)}
            filterLabel={t('aides.filter')}
            empty={t('aides.queueEmpty')}
            onRowAction={(r) => void open(r.id)}
            toolbar={filters.controls}
            columnFilters={filters.columnFilters}
            countText={filters.countText}
            selectedId={selected ? String(selected.id) : null}
            // Beside the request, the list keeps what tells the requests apart; the pane says the rest.
            hidden={selected ? ['urgent', 'reglement', 'instructor', 'dispositif'] : ['urgent', 'reglement']}
          />
        )}
        {selected && (
          <section className="queue-detail" aria-labelledby="detail-title">
            <h2 id="detail-title" ref={heading} tabIndex={-1}>
              <a href={`#/aides/${selected.id}`}>{selected.number}</a> — {selected.person.name} — {formatCents(selected.amountCents)}
            </h2>
            <p>
              {selected.dispositifLabel} — {t(`aides.natures.${selected.nature}`)} — {selected.object}
              <br />
              {t('aides.instructedBy', { who: selected.submittedBy?.displayName ?? selected.createdBy.displayName, dsu: selected.dsu.number })}
            </p>
            <AidActions
              aid={selected}
              onDone={(a, m) => {
                setNotice(`${a.number} : ${m}`);
                setSelected(a);
                void queue.reload();
              }}
            />
            <EvaluationPanel evaluation={selected.evaluation} error={selected.evaluationError} title={t('aides.evaluationSubmitted')} />
            <section className="panel" aria-labelledby="note-title">
              <h3 id="note-title">{t('aides.noteSociale')}</h3>
              <p className="prewrap">{selected.noteSociale}</p>
            </section>
            <AidHistory rows={selected.history} />
          </section>
        )}
      </div>
    </div>
  );
}
