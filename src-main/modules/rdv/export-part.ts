/** A person's appointments, for their right-of-access export (registry `personExport`). */
import type { ExportPart } from '../../api/app';
import type { Db } from '../../store/database';
import { frDate } from '../../shared/time';
import { dsuOr404, label } from '../dsu';
import * as repo from './repo';

export function rdvExport(db: Db, personId: number): ExportPart[] {
  return [
    {
      title: 'Rendez-vous',
      empty: 'Aucun rendez-vous.',
      entries: repo.appointmentsOfPerson(db, personId).map((a) => ({
        heading: `${frDate(a.startsAt)} à ${a.startsAt.slice(11).replace(':', ' h ')} — ${label(a.kind)}`,
        fields: [
          { label: 'Avec', value: a.professional },
          { label: 'Lieu', value: a.place },
          { label: 'Statut', value: label(a.status) },
        ],
      })),
    },
  ];
}

/** The household's appointments, in its DSU's export (registry `dsuExport`). */
export function rdvDsuExport(db: Db, dsuId: number): ExportPart[] {
  return [
    {
      title: 'Rendez-vous',
      empty: 'Aucun rendez-vous.',
      entries: repo
        .ofHousehold(db, dsuOr404(db, dsuId).householdId, 1_000_000)
        .reverse()
        .map((a) => ({
          heading: `${frDate(a.startsAt)} à ${a.startsAt.slice(11).replace(':', ' h ')} — ${label(a.kind)}`,
          fields: [
            { label: 'Pour', value: a.person.name },
            { label: 'Avec', value: a.professional.displayName },
            { label: 'Lieu', value: a.place },
            { label: 'Statut', value: label(a.status) },
          ],
        })),
    },
  ];
}
