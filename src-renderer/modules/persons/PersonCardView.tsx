/** What the front desk knows of a person: identity, household, DSU number and référent, appointments. */
import { useTranslation } from 'react-i18next';
import type { PersonCard } from '../../../src-main/modules';
import { Button } from '../../ui/components';
import { formatPhone, isoToFr, personName, postalLine, timeOf } from '../../ui/format';
import { FileExists } from '../surendettement';
import { CaseExists } from '../expulsions';

export function PersonCardView({ card, onEdit, onAddMember, onPick }: { card: PersonCard; onEdit: () => void; onAddMember: (() => void) | null; onPick: (id: number) => void }) {
  const { t } = useTranslation();
  const p = card.person;
  return (
    <article className="panel person-card" aria-labelledby="person-card-title">
      <header className="panel-header">
        <h2 id="person-card-title" tabIndex={-1}>{personName(p)}</h2>
        <div className="row-actions">
          <Button variant="quiet" onPress={onEdit}>
            {t('common.edit')}
          </Button>
          {onAddMember && (
            <Button variant="quiet" onPress={onAddMember}>
              {t('person.addMember')}
            </Button>
          )}
        </div>
      </header>
      <dl className="facts">
        {p.usageName && p.usageName.toUpperCase() !== p.birthName.toUpperCase() && (
          <>
            <dt>{t('person.birthName')}</dt>
            <dd>{p.birthName.toUpperCase()}</dd>
          </>
        )}
        <dt>{t('person.birthDate')}</dt>
        <dd>{p.birthDate ? isoToFr(p.birthDate) : t('common.unknown')}</dd>
        <dt>{t('person.phone')}</dt>
        <dd>{p.phone ? formatPhone(p.phone) : t('common.none')}</dd>
        {p.email && (
          <>
            <dt>{t('person.email')}</dt>
            <dd>{p.email}</dd>
          </>
        )}
        <dt>{t('person.address')}</dt>
        <dd>{card.household ? postalLine(card.household) || t('common.none') : t('person.noHousehold')}</dd>
        <dt>{t('person.dsu')}</dt>
        <dd data-testid="dsu-ref">
          {card.dsu ? t('intake.dsuRef', { number: card.dsu.number, referent: card.dsu.referent.displayName }) + (card.dsu.status !== 'actif' ? ` (${t(`labels.${card.dsu.status}`)})` : '') : t('person.noDsu')}
          {card.dsu && <FileExists dsuId={card.dsu.id} />}
          {card.dsu && <CaseExists dsuId={card.dsu.id} />}
        </dd>
        <dt>{t('person.sector')}</dt>
        <dd>
          {card.proposedReferents.sector
            ? t('person.sectorReferents', {
                sector: card.proposedReferents.sector,
                ass: card.proposedReferents.ass?.displayName ?? '—',
                cesf: card.proposedReferents.cesf?.displayName ?? '—',
              })
            : t('person.noSector')}
        </dd>
      </dl>
      {card.household && card.household.members.length > 1 && (
        <>
          <h3>{t('person.household')}</h3>
          <ul className="members">
            {card.household.members.map((m) => (
              <li key={m.id}>
                {m.id === p.id ? (
                  <strong>{personName(m)}</strong>
                ) : (
                  <Button variant="quiet" onPress={() => onPick(m.id)}>
                    {personName(m)}
                  </Button>
                )}{' '}
                — {m.role ? t(`labels.${m.role}`, { context: m.sex }) : ''}
                {m.birthDate ? `, ${isoToFr(m.birthDate)}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {card.appointments.length > 0 && (
        <>
          <h3>{t('person.appointments')}</h3>
          <ul className="appointments">
            {card.appointments.map((a) => (
              <li key={a.id}>
                {isoToFr(a.startsAt)} {timeOf(a.startsAt)} — {a.professional.displayName} — {t(`labels.${a.kind}`)} — <span className={`status status-${a.status}`}>{t(`labels.${a.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
