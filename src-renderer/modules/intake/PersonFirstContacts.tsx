/**
 * Under the person's card at the front desk: her earlier first contacts (when, how, why, what
 * was done), and, for a social worker, « Ouvrir un DSU » when her household has none — instead
 * of recording a first contact only to open one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonCard } from '../../../src-main/modules';
import { must } from '../../api';
import { errorText } from '../../app/errors';
import { Alert, Button } from '../../ui/components';
import { formatDateTime, personName } from '../../ui/format';
import { useResource } from '../../ui/useResource';

export function PersonFirstContacts({ card, canOpenDsu }: { card: PersonCard; canOpenDsu: boolean }) {
  const { t } = useTranslation();
  const { data, error } = useResource(() => must('intake:forPerson', { personId: card.person.id }));
  const [openError, setOpenError] = useState<string | null>(null);
  const household = card.household;
  const openDsu = async () => {
    if (!household) return;
    try {
      const dsu = await must('dsu:open', { householdId: household.id });
      window.location.assign(`#/dsu/${dsu.id}`);
    } catch (e) {
      setOpenError(errorText(e));
    }
  };
  return (
    <section className="panel" aria-labelledby="person-fc-title">
      <header className="panel-header">
        <h3 id="person-fc-title">{t('intake.earlier.title')}</h3>
        {canOpenDsu && !card.dsu && household && (
          <Button variant="secondary" onPress={() => void openDsu()} aria-label={t('dsu.openFor', { name: personName(card.person) })}>
            {t('dsu.openNew')}
          </Button>
        )}
      </header>
      {openError && <Alert kind="error">{openError}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      {data && data.length === 0 && <p className="muted">{t('intake.earlier.none')}</p>}
      {data && data.length > 0 && (
        <ul className="plain" aria-label={t('intake.earlier.title')}>
          {data.map((f) => (
            <li key={f.id}>
              <strong>{formatDateTime(f.at)}</strong> — {t(`labels.${f.mode}`)} — {f.motifs.join(', ')}
              {f.urgent && <span className="warning-text"> — {t('intake.earlier.urgent')}</span>} → {t(`intake.outcomes.${f.outcome}`)}
              {f.partner && ` (${f.partner})`} <span className="muted">— {f.takenBy.displayName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
