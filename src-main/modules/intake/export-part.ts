/** A person's first contacts, for their right-of-access export (registry `personExport`). */
import type { ExportPart } from '../../api/app';
import type { Db } from '../../store/database';
import { frDate } from '../../shared/time';
import { dsuOr404, label } from '../dsu';
import * as repo from './repo';

export function intakeExport(db: Db, personId: number): ExportPart[] {
  return [
    {
      title: 'Premiers accueils',
      empty: 'Aucun premier accueil enregistré.',
      entries: repo.firstContactsOfPerson(db, personId).map((f) => ({
        heading: `${frDate(f.at)} — ${label(f.mode)}`,
        fields: [
          { label: 'Accueil fait par', value: f.takenBy },
          { label: 'Motifs', value: (JSON.parse(f.motifs) as string[]).join(', ') },
          { label: 'Demande', value: f.request },
          ...(f.urgent ? [{ label: 'Urgence', value: f.urgencyReason }] : []),
          { label: 'Suite donnée', value: `${label(f.outcome)}${f.partner ? ` (${f.partner})` : ''}` },
        ],
      })),
    },
  ];
}

/** The household's first contacts, in its DSU's export (registry `dsuExport`). */
export function intakeDsuExport(db: Db, dsuId: number): ExportPart[] {
  return [
    {
      title: 'Premiers accueils',
      empty: 'Aucun premier accueil enregistré.',
      entries: repo
        .firstContactsOfHousehold(db, dsuOr404(db, dsuId).householdId, 1_000_000)
        .reverse()
        .map((f) => ({
          heading: `${frDate(f.at)} — ${label(f.mode)} — ${f.person.name}`,
          fields: [
            { label: 'Motifs', value: `${f.motifs.join(', ')}${f.urgent ? ` — urgence : ${f.urgencyReason}` : ''}` },
            { label: 'Demande', value: f.request },
            { label: 'Suite donnée', value: `${label(f.outcome)}${f.partner ? ` (${f.partner})` : ''}` },
          ],
        })),
    },
  ];
}
