/**
 * Premier accueil (DOMAIN §2): one keyboard-first screen. Type to search; ↓ moves into the
 * results; Entrée picks a person; "Nouvelle personne" registers them (likely duplicates are
 * shown as the form is filled); then the first contact is recorded with its outcome.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeOptions, Output, PersonCard } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button, PageHeader, TextInput } from '../../ui/components';
import { formatPhone, isoToFr, personName } from '../../ui/format';
import { useResource } from '../../ui/useResource';
import { FirstContactForm } from './FirstContactForm';
import { PersonFirstContacts } from './PersonFirstContacts';
import { matchReasonText, PersonCardView, PersonForm, usePersonSearch } from '../persons';

type Recorded = Output<'intake:record'>;

export function IntakePage({ canOpenDsu = false }: { canOpenDsu?: boolean }) {
  const { t } = useTranslation();
  const { data: options, error: optionsError } = useResource<IntakeOptions>(() => must('intake:options', {}));
  const { data: partners } = useResource(() => must('partners:list', {}));
  const [query, setQuery] = useState('');
  // Search as you type (persons module): only the latest answer counts.
  const search = usePersonSearch(query, 30);
  const results = search.results;
  const [openError, setOpenError] = useState<string | null>(null);
  const searchError = search.error ?? openError;
  const [card, setCard] = useState<PersonCard | null>(null);
  const [form, setForm] = useState<{ kind: 'new' } | { kind: 'member'; householdId: number } | { kind: 'edit'; card: PersonCard } | null>(null);
  const [done, setDone] = useState<{ recorded: Recorded; name: string } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [memberAdded, setMemberAdded] = useState<string | null>(null);
  // After a person is saved, the keyboard goes on from the card (its name), never from the page's body.
  const [focusCard, setFocusCard] = useState(0);
  useEffect(() => {
    if (focusCard) document.getElementById('person-card-title')?.focus();
  }, [focusCard]);

  /** A saved record: the person the contact is about stays the subject; a member added to the household never replaces them. */
  /** The record just saved, announced (RGAA 7.5) above its card. */
  const [personSaved, setPersonSaved] = useState<string | null>(null);
  const saved = async (c: PersonCard) => {
    if (form?.kind === 'member' && card) {
      setCard(await must('persons:get', { id: card.person.id }));
      setMemberAdded(personName(c.person));
    } else {
      setCard(c);
      setMemberAdded(null);
      if (form) setPersonSaved(personName(c.person));
    }
    setForm(null);
    setFocusCard((n) => n + 1);
  };

  const open = async (id: number) => {
    try {
      setCard(await must('persons:get', { id }));
      setMemberAdded(null);
      setForm(null);
      setDone(null);
      setOpenError(null);
    } catch (e) {
      setOpenError(errorText(e));
    }
  };

  const restart = () => {
    setQuery('');
    setCard(null);
    setForm(null);
    setDone(null);
    searchRef.current?.focus();
  };

  const focusResult = (i: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button.result');
    if (!buttons?.length) return;
    buttons[Math.max(0, Math.min(buttons.length - 1, i))]?.focus();
  };

  return (
    <>
      <PageHeader title={t('intake.title')}>
        <Button variant="secondary" onPress={restart}>
          {t('intake.restart')}
        </Button>
      </PageHeader>
      {optionsError && <Alert kind="error">{optionsError}</Alert>}
      <div className="intake">
        <section className="intake-search" aria-labelledby="intake-search-title">
          <h2 id="intake-search-title">{t('intake.findTitle')}</h2>
          <TextInput
            label={t('intake.search')}
            name="q"
            type="search"
            value={query}
            onChange={setQuery}
            description={t('intake.searchHint')}
            pageFocus
            autoComplete="off"
            inputRef={searchRef}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                focusResult(0);
              }
            }}
          />
          {searchError && <Alert kind="error">{searchError}</Alert>}
          <p className="muted" aria-live="polite">
            {results ? t('intake.resultCount', { count: results.results.length }) + (results.truncated ? ` ${t('intake.truncated')}` : '') : ''}
          </p>
          {results && results.results.length > 0 && (
            <ul className="results" ref={listRef} aria-label={t('intake.resultsLabel')}>
              {results.results.map((r, i) => (
                <li key={r.id}>
                  <button
                    type="button"
                    className={`result${card?.person.id === r.id ? ' result-current' : ''}`}
                    // The chosen result is said in words and to assistive technologies, not by its border alone (RGAA 7.1).
                    aria-current={card?.person.id === r.id ? 'true' : undefined}
                    onClick={() => void open(r.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'ArrowDown') {
                        e.preventDefault();
                        focusResult(i + 1);
                      }
                      if (e.key === 'ArrowUp') {
                        e.preventDefault();
                        if (i === 0) searchRef.current?.focus();
                        else focusResult(i - 1);
                      }
                    }}
                  >
                    <span className="result-name">
                      {personName(r)}
                      {card?.person.id === r.id && <span className="result-selected"> — {t('a11y.selected')}</span>}
                    </span>
                    <span className="result-reason">{matchReasonText(t, r.reason)}</span>
                    <span className="result-meta">
                      {[r.birthDate ? t('intake.bornOn', { date: isoToFr(r.birthDate) }) : null, r.phone ? formatPhone(r.phone) : null, r.commune].filter(Boolean).join(' · ')}
                    </span>
                    {r.dsu && <span className="result-dsu">{t('intake.dsuRef', { number: r.dsu.number, referent: r.dsu.referent.displayName })}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <Button variant={results && results.results.length === 0 ? 'primary' : 'secondary'} onPress={() => (setForm({ kind: 'new' }), setCard(null), setDone(null))}>
            {t('intake.newPerson')}
          </Button>
        </section>

        <section className="intake-work" aria-label={t('intake.workLabel')}>
          {done && (
            <div className="panel">
              <Alert kind="success">
                {t('intake.recorded', { name: done.name })}{' '}
                {done.recorded.appointment && t('intake.recordedRdv', { who: done.recorded.appointment.professional.displayName, date: isoToFr(done.recorded.appointment.startsAt), time: done.recorded.appointment.startsAt.slice(11) })}{' '}
                {done.recorded.dsu && t('intake.recordedDsu', { number: done.recorded.dsu.number, referent: done.recorded.dsu.referent.displayName })}
              </Alert>
              <Button variant="primary" onPress={restart} autoFocus>
                {t('intake.next')}
              </Button>
            </div>
          )}
          {!done && form && options && (
            <PersonForm
              key={form.kind === 'edit' ? `edit-${form.card.person.id}` : form.kind}
              options={options}
              initialQuery={form.kind === 'new' ? query : ''}
              householdId={form.kind === 'member' ? form.householdId : null}
              editing={form.kind === 'edit' ? form.card : null}
              onSaved={(c) => void saved(c)}
              onPick={(id) => void open(id)}
              onCancel={() => setForm(null)}
            />
          )}
          {!done && !form && card && options && (
            <>
              {personSaved === personName(card.person) && !memberAdded && <Alert kind="success">{t('a11y.personSaved', { name: personSaved })}</Alert>}
              {memberAdded && <Alert kind="success">{t('intake.memberAdded', { name: memberAdded, subject: personName(card.person) })}</Alert>}
              <PersonCardView card={card} onEdit={() => setForm({ kind: 'edit', card })} onAddMember={card.household ? () => setForm({ kind: 'member', householdId: card.household!.id }) : null} onPick={(id) => void open(id)} />
              <PersonFirstContacts key={`fc-${card.person.id}`} card={card} canOpenDsu={canOpenDsu} />
              <FirstContactForm
                key={card.person.id}
                card={card}
                options={options}
                partners={partners ?? []}
                onDone={(recorded) => setDone({ recorded, name: personName(card.person) })}
              />
            </>
          )}
          {!done && !form && !card && <p className="muted">{t('intake.emptyWork')}</p>}
        </section>
      </div>
    </>
  );
}
